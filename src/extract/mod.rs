//! Extraction: from an object's bytes to text the engine can scan, with a
//! locator that maps every match back to where a person would look.
//!
//! In: an object's bytes (a mapped or in-memory slice, a reader for
//! streams and files larger than memory, or random access for large
//! objects read by ranged requests), its name, and a `Ctx` holding the
//! worker's `Scanner`, the object's `ObjectCollector` and the limits.
//! Out: detections added to the collector with their locations, and skipped
//! parts (with Macie-style reasons) for whatever could not be read.
//! Why: one dispatcher (content sniffing first, extension second) for every
//! format, so archives recurse through the same code and every limit is
//! enforced in one place. Nothing here prints; errors are results.
//!
//! Formats and where each lives: plain text `text`, delimited `csv`, JSON and
//! JSON Lines `json` (+ `json_tok`), Parquet and Avro `columnar`, PDF `pdf`,
//! Office Open XML `office`, email `email`, HTML/XML `markup`, gzip/bzip2/
//! zstd `compress`, zip/tar `archive`; shared pieces: `batch` (many small
//! values in one scan), `limits` (bounded readers, decoding), `spill`
//! (random-access formats arriving as streams), `random` (random-access
//! inputs and their adapters for zip and Parquet).

pub mod archive;
pub mod batch;
pub mod columnar;
pub mod compress;
pub mod csv;
pub mod email;
#[cfg(test)]
mod hostile_tests;
pub mod json;
pub mod json_tok;
pub mod limits;
pub mod markup;
pub mod office;
pub mod pdf;
pub mod random;
pub mod sniff;
pub mod spill;
#[cfg(test)]
pub mod testutil;
pub mod text;

use crate::detect::Scanner;
use crate::findings::ObjectCollector;
use std::io::Read;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

pub use limits::LimitHit;

/// Bounds that keep hostile input from exhausting memory or time.
#[derive(Debug, Clone)]
pub struct Limits {
    /// Archive nesting depth (Macie: 10).
    pub max_depth: u32,
    /// Members extracted per object (Macie: 1,000,000).
    pub max_members: u64,
    /// Total decompressed bytes per object (Macie: 10 GB).
    pub max_total_bytes: u64,
    /// Bytes per archive member (Macie: 3 GB).
    pub max_member_bytes: u64,
    /// Decompressed/compressed ratio above which a member is a bomb.
    pub max_ratio: u64,
    /// JSON nesting depth (Macie: 256).
    pub max_json_depth: usize,
    /// Members read fully into memory up to this size; larger are streamed.
    pub max_in_memory: u64,
    /// Chunk size for streamed text.
    pub chunk_size: usize,
    /// Uncompressed size of all parts of an Office Open XML document.
    pub max_ooxml_bytes: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_depth: 10,
            max_members: 1_000_000,
            max_total_bytes: 10 << 30,
            max_member_bytes: 3 << 30,
            max_ratio: 1000,
            max_json_depth: 256,
            max_in_memory: 64 << 20,
            chunk_size: 1 << 20,
            max_ooxml_bytes: 1 << 30,
        }
    }
}

/// Per-object budget shared by nested extractors (one object, one thread;
/// the counter is shared with the limiting readers of every layer).
#[derive(Debug, Default, Clone)]
pub struct Budget {
    /// Members seen.
    pub members: u64,
    /// Decompressed bytes produced by every layer so far.
    pub expanded: Arc<AtomicU64>,
    /// A per-object limit was hit: no further member is opened.
    pub stopped: bool,
}

/// Everything an extractor needs.
pub struct Ctx<'a, 'e, 'o> {
    /// The worker's scanner.
    pub scanner: &'a mut Scanner<'e>,
    /// The object's collector.
    pub out: &'a mut ObjectCollector<'o>,
    /// Limits.
    pub limits: &'a Limits,
    /// Budget for the whole object.
    pub budget: &'a mut Budget,
    /// Archive nesting depth of the current input (0 = the object itself).
    pub depth: u32,
    /// Member path inside the object (`a.zip!dir/x.csv`), `None` for the object.
    pub member: Option<String>,
}

impl Ctx<'_, '_, '_> {
    /// Display name of the current input for skipped-part records.
    pub fn member_name(&self) -> String {
        self.member.clone().unwrap_or_default()
    }

    /// Record that the current input (or part of it) was not analysed: a
    /// skipped part of the object, named by the member path or `name`.
    pub fn skip_here(&mut self, name: &str, reason: &str, detail: impl Into<String>) {
        let member = self.member.clone().unwrap_or_else(|| name.to_string());
        self.out.skip_part(&member, reason, detail);
    }
}

/// Why an object could not be extracted.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// Reading failed.
    #[error("read error: {0}")]
    Io(std::io::Error),
    /// The content is malformed.
    #[error("malformed {format}: {detail}")]
    Malformed {
        /// Format name.
        format: &'static str,
        /// What went wrong.
        detail: String,
    },
    /// A limit was reached.
    #[error(transparent)]
    Limit(LimitHit),
}

impl From<std::io::Error> for ExtractError {
    fn from(e: std::io::Error) -> Self {
        match LimitHit::from_io(&e) {
            Some(h) => ExtractError::Limit(h.clone()),
            None => ExtractError::Io(e),
        }
    }
}

impl ExtractError {
    /// Macie-style reason code.
    pub fn reason(&self) -> &'static str {
        match self {
            ExtractError::Io(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => {
                "MALFORMED_FILE"
            }
            ExtractError::Io(e) if e.kind() == std::io::ErrorKind::InvalidData => "MALFORMED_FILE",
            ExtractError::Io(_) => "UNABLE_TO_READ_OBJECT",
            ExtractError::Malformed { .. } => "MALFORMED_FILE",
            ExtractError::Limit(h) => h.reason,
        }
    }

    /// Malformed-content shorthand.
    pub fn malformed(format: &'static str, detail: impl ToString) -> ExtractError {
        ExtractError::Malformed {
            format,
            detail: detail.to_string(),
        }
    }
}

/// Input to an extractor.
pub enum Input<'a> {
    /// The whole content in memory (or mapped).
    Bytes(&'a [u8]),
    /// A stream (large local files, S3 bodies).
    Reader(&'a mut dyn Read),
    /// Random access (large S3 objects read by ranged GETs). Zip and
    /// Parquet read only their index and what they extract; every other
    /// format reads it sequentially from the start.
    Random(Arc<dyn random::RandomAccess>),
}

/// Names of an input: `display` is what member paths are built from (the
/// object key, or `a.zip!b.tar.gz`); `sniff` is what the extension test sees
/// (`b.tar` once the gzip layer is peeled).
#[derive(Debug, Clone, Copy)]
pub struct Names<'n> {
    /// Member-path prefix for archives inside this input.
    pub display: &'n str,
    /// Name for extension hints.
    pub sniff: &'n str,
}

impl Names<'_> {
    /// Member path prefix for members of this input.
    pub fn prefix(&self, ctx: &Ctx<'_, '_, '_>) -> String {
        ctx.member
            .clone()
            .unwrap_or_else(|| self.display.to_string())
    }
}

/// Extract `input` (named `name`, for extension hints) into `ctx`.
///
/// Sniffs the format from the first bytes, then the extension, and hands the
/// input to that format's extractor. Plain text is scanned directly; binary
/// content of a type no extractor knows is recorded as a skipped part with
/// `UNSUPPORTED_FILE_TYPE`, never silently dropped.
pub fn extract(
    ctx: &mut Ctx<'_, '_, '_>,
    name: &str,
    input: Input<'_>,
) -> Result<(), ExtractError> {
    extract_named(
        ctx,
        Names {
            display: name,
            sniff: name,
        },
        input,
    )
}

/// `extract` with separate display and sniffing names (compression layers).
pub fn extract_named(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    input: Input<'_>,
) -> Result<(), ExtractError> {
    match input {
        Input::Bytes(b) => {
            let kind = sniff::sniff(&b[..b.len().min(sniff::SNIFF_LEN)], names.sniff);
            set_mime(ctx, kind);
            dispatch_bytes(ctx, names, kind, b)
        }
        Input::Reader(r) => {
            let mut head = Vec::with_capacity(sniff::SNIFF_LEN);
            r.take(sniff::SNIFF_LEN as u64).read_to_end(&mut head)?;
            let kind = sniff::sniff(&head, names.sniff);
            set_mime(ctx, kind);
            let mut chained = std::io::Cursor::new(head).chain(r);
            dispatch_reader(ctx, names, kind, &mut chained)
        }
        Input::Random(src) => {
            let mut head = vec![0u8; src.len().min(sniff::SNIFF_LEN as u64) as usize];
            random::read_exact_at(&*src, 0, &mut head)?;
            let kind = sniff::sniff(&head, names.sniff);
            set_mime(ctx, kind);
            match kind {
                sniff::Kind::Zip => archive::scan_zip_random(ctx, names, src),
                sniff::Kind::Parquet => {
                    columnar::scan_parquet(ctx, columnar::ParquetSource::Random(src))
                }
                // sequential formats: read from the start, buffered (a
                // positioned read per small read would be a request each)
                _ => {
                    let c = random::Cursor::new(src);
                    let mut r = std::io::BufReader::with_capacity(256 << 10, c);
                    dispatch_reader(ctx, names, kind, &mut r)
                }
            }
        }
    }
}

fn set_mime(ctx: &mut Ctx<'_, '_, '_>, kind: sniff::Kind) {
    if ctx.depth == 0 && ctx.out.bytes_scanned == 0 {
        ctx.out.mime_type = kind.mime().into();
    }
}

fn dispatch_bytes(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    kind: sniff::Kind,
    b: &[u8],
) -> Result<(), ExtractError> {
    use sniff::Kind;
    match kind {
        Kind::Text(enc) => text::scan_bytes(ctx, b, enc),
        Kind::Delimited(enc) => csv::scan(ctx, names.sniff, Input::Bytes(b), enc),
        Kind::Json(enc) => json::scan_bytes(ctx, b, enc),
        Kind::Markup(enc, m) => markup::scan(ctx, b, enc, m),
        Kind::Email(enc) => email::scan(ctx, names, b, enc),
        Kind::Pdf => pdf::scan(ctx, names, b),
        Kind::Zip => archive::scan_zip(ctx, names, b),
        Kind::Tar => archive::scan_tar(ctx, names, &mut &b[..]),
        Kind::Gzip | Kind::Bzip2 | Kind::Zstd => compress::scan(ctx, names, kind, &mut &b[..]),
        Kind::Parquet => columnar::scan_parquet(
            ctx,
            columnar::ParquetSource::Bytes(bytes::Bytes::copy_from_slice(b)),
        ),
        Kind::Avro => columnar::scan_avro(ctx, &mut &b[..]),
        Kind::Unsupported(what) => {
            unsupported(ctx, names.display, what);
            Ok(())
        }
    }
}

fn dispatch_reader(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    kind: sniff::Kind,
    r: &mut dyn Read,
) -> Result<(), ExtractError> {
    use sniff::Kind;
    match kind {
        Kind::Text(enc) => text::scan_reader(ctx, r, enc),
        Kind::Delimited(enc) => csv::scan(ctx, names.sniff, Input::Reader(r), enc),
        Kind::Json(enc) => json::scan_reader(ctx, r, enc),
        Kind::Tar => archive::scan_tar(ctx, names, r),
        Kind::Gzip | Kind::Bzip2 | Kind::Zstd => compress::scan(ctx, names, kind, r),
        Kind::Avro => columnar::scan_avro(ctx, r),
        Kind::Unsupported(what) => {
            unsupported(ctx, names.display, what);
            Ok(())
        }
        // Markup and email larger than memory are scanned as plain text
        // (every value is still seen; locations are lines of the source).
        Kind::Markup(enc, _) | Kind::Email(enc) => {
            match spill::read_capped(r, ctx.limits.max_in_memory)? {
                spill::Capped::Whole(v) => dispatch_bytes(ctx, names, kind, &v),
                spill::Capped::Partial(mut rest) => text::scan_reader(ctx, &mut rest, enc),
            }
        }
        // Random access: in memory up to the cap, else spilled to a
        // temporary file and mapped (bounded by the member size limit).
        Kind::Parquet => match spill::materialize(r, ctx.limits)? {
            spill::Materialized::Mem(v) => {
                columnar::scan_parquet(ctx, columnar::ParquetSource::Bytes(v.into()))
            }
            spill::Materialized::Mapped(map, tmp) => {
                drop(map);
                let f = tmp.open()?;
                columnar::scan_parquet(ctx, columnar::ParquetSource::File(f))
            }
        },
        Kind::Pdf | Kind::Zip => {
            let data = spill::materialize(r, ctx.limits)?;
            dispatch_bytes(ctx, names, kind, data.bytes())
        }
    }
}

/// Record an input no extractor handles.
pub fn unsupported(ctx: &mut Ctx<'_, '_, '_>, name: &str, what: &str) {
    if ctx.depth == 0 {
        ctx.out.mime_type = "application/octet-stream".into();
        ctx.out.skip(
            "UNSUPPORTED_FILE_TYPE",
            format!("{what}: no extractor for this format"),
        );
    } else {
        ctx.skip_here(name, "UNSUPPORTED_FILE_TYPE", what);
    }
}

/// A malformed or unparseable input: the object fails at depth 0, a member
/// is a skipped part inside an archive.
pub fn unparseable(ctx: &mut Ctx<'_, '_, '_>, name: &str, reason: &str, detail: impl Into<String>) {
    if ctx.depth == 0 {
        ctx.out.fail(reason, detail);
    } else {
        ctx.skip_here(name, reason, detail);
    }
}
