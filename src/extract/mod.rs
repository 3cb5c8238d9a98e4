//! Extraction: from an object's bytes to text the engine can scan, with a
//! locator that maps every match back to where a person would look.
//!
//! In: an object's bytes (a mapped or in-memory slice, or a reader for
//! streams and files larger than memory), its name, and a `Ctx` holding the
//! worker's `Scanner`, the object's `ObjectCollector` and the limits.
//! Out: detections added to the collector with their locations, and skipped
//! parts (with Macie-style reasons) for whatever could not be read.
//! Why: one dispatcher (content sniffing first, extension second) for every
//! format, so archives recurse through the same code and every limit is
//! enforced in one place. Nothing here prints; errors are results.

pub mod sniff;
pub mod text;

use crate::detect::Scanner;
use crate::findings::ObjectCollector;
use std::io::Read;

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
        }
    }
}

/// Per-object budget shared by nested extractors.
#[derive(Debug, Default, Clone)]
pub struct Budget {
    /// Members seen.
    pub members: u64,
    /// Decompressed bytes produced.
    pub total_bytes: u64,
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
}

/// Why an object could not be extracted.
#[derive(Debug, thiserror::Error)]
pub enum ExtractError {
    /// Reading failed.
    #[error("read error: {0}")]
    Io(#[from] std::io::Error),
    /// The content is malformed.
    #[error("malformed {format}: {detail}")]
    Malformed {
        /// Format name.
        format: &'static str,
        /// What went wrong.
        detail: String,
    },
}

impl ExtractError {
    /// Macie-style reason code.
    pub fn reason(&self) -> &'static str {
        match self {
            ExtractError::Io(_) => "UNABLE_TO_READ_OBJECT",
            ExtractError::Malformed { .. } => "MALFORMED_FILE",
        }
    }
}

/// Input to an extractor.
pub enum Input<'a> {
    /// The whole content in memory (or mapped).
    Bytes(&'a [u8]),
    /// A stream (large local files, S3 bodies).
    Reader(&'a mut dyn Read),
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
    match input {
        Input::Bytes(b) => {
            let kind = sniff::sniff(&b[..b.len().min(sniff::SNIFF_LEN)], name);
            dispatch_bytes(ctx, name, kind, b)
        }
        Input::Reader(r) => {
            let mut head = Vec::with_capacity(sniff::SNIFF_LEN);
            r.take(sniff::SNIFF_LEN as u64).read_to_end(&mut head)?;
            let kind = sniff::sniff(&head, name);
            let mut chained = std::io::Cursor::new(head).chain(r);
            dispatch_reader(ctx, name, kind, &mut chained)
        }
    }
}

fn dispatch_bytes(
    ctx: &mut Ctx<'_, '_, '_>,
    name: &str,
    kind: sniff::Kind,
    b: &[u8],
) -> Result<(), ExtractError> {
    use sniff::Kind;
    match kind {
        Kind::Text(enc) => text::scan_bytes(ctx, b, enc),
        Kind::Unsupported(what) => {
            unsupported(ctx, name, what);
            Ok(())
        }
    }
}

fn dispatch_reader(
    ctx: &mut Ctx<'_, '_, '_>,
    name: &str,
    kind: sniff::Kind,
    r: &mut dyn Read,
) -> Result<(), ExtractError> {
    use sniff::Kind;
    match kind {
        Kind::Text(enc) => text::scan_reader(ctx, r, enc),
        Kind::Unsupported(what) => {
            unsupported(ctx, name, what);
            Ok(())
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
        let member = ctx.member.clone().unwrap_or_else(|| name.to_string());
        ctx.out.skip_part(&member, "UNSUPPORTED_FILE_TYPE", what);
    }
}
