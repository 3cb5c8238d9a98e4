//! Archives (zip, tar): every member extracted through the same dispatcher,
//! located by its member path (`a.zip!dir/x.csv`, nested
//! `a.zip!b.tar.gz!c.csv`).
//!
//! In: the archive (zip as bytes or random access, since its index is at
//! the end; tar as a stream). Out: the members' detections, with `member` set on every
//! location, and a skipped part for each member not analysed (unsupported,
//! encrypted, malformed, or over a limit).
//! Why: limits are checked twice — on declared sizes before a member is
//! opened (cheap, and a lying header cannot fool the second check) and on
//! the actual bytes through `Limited` while it is read. Members fit for
//! memory (declared size ≤ `max_in_memory`) are read whole so every format
//! sees bytes; larger ones stream. Office Open XML files are zips too and
//! are recognised here by their parts, then handed to `office`.

use super::limits::{Caps, Limited, RATIO_FLOOR};
use super::random::{self, RandomAccess};
use super::spill::{read_capped, Capped};
use super::{Ctx, ExtractError, Input, Names};
use std::io::{Cursor, Read, Seek, SeekFrom};
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

/// Where a zip is read from: a slice, or random access (only the central
/// directory and the members extracted are read).
pub enum ZipSrc<'b> {
    /// In memory or mapped.
    Mem(Cursor<&'b [u8]>),
    /// Random access (ranged GETs).
    Random(random::Cursor),
}

impl Read for ZipSrc<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self {
            ZipSrc::Mem(c) => c.read(buf),
            ZipSrc::Random(c) => c.read(buf),
        }
    }
}

impl Seek for ZipSrc<'_> {
    fn seek(&mut self, to: SeekFrom) -> std::io::Result<u64> {
        match self {
            ZipSrc::Mem(c) => c.seek(to),
            ZipSrc::Random(c) => c.seek(to),
        }
    }
}

/// A zip archive over either source.
pub type Zip<'b> = zip::ZipArchive<ZipSrc<'b>>;

/// Check nesting depth and the object budget before opening a container;
/// `false` means it is skipped (recorded).
pub fn enter(ctx: &mut Ctx<'_, '_, '_>, name: &str) -> bool {
    if ctx.budget.stopped {
        return false;
    }
    if ctx.depth >= ctx.limits.max_depth {
        ctx.skip_here(
            name,
            "ARCHIVE_NESTING_LEVEL_OVER_LIMIT",
            format!("nested deeper than {} levels", ctx.limits.max_depth),
        );
        return false;
    }
    true
}

/// The outcome of extracting one member one level down.
pub struct Entered(Result<(), ExtractError>);

impl Entered {
    /// Extract `input` as a member (`member` = its path, or `None` for a
    /// compression layer that keeps the current path) one level deeper.
    pub fn run(
        ctx: &mut Ctx<'_, '_, '_>,
        member: Option<String>,
        names: Names<'_>,
        input: Input<'_>,
    ) -> Entered {
        let saved = ctx.member.clone();
        if member.is_some() {
            ctx.member = member;
        }
        ctx.depth += 1;
        let res = super::extract_named(ctx, names, input);
        ctx.depth -= 1;
        ctx.member = saved;
        Entered(res)
    }

    /// Record a failure as a skipped part of `member`; `false` when the
    /// object's budget is exhausted and no further member may be opened.
    pub fn report(self, ctx: &mut Ctx<'_, '_, '_>, member: &str, what: &str) -> bool {
        match self.0 {
            Ok(()) => true,
            Err(ExtractError::Limit(h)) => {
                ctx.out.skip_part(member, h.reason, h.detail);
                if h.fatal {
                    ctx.budget.stopped = true;
                }
                !h.fatal
            }
            Err(e) => {
                ctx.out
                    .skip_part(member, e.reason(), format!("{what}: {e}"));
                true
            }
        }
    }
}

/// Count a member against the object's budget; `false` when over.
pub fn count_member(ctx: &mut Ctx<'_, '_, '_>, prefix: &str) -> bool {
    ctx.budget.members += 1;
    if ctx.budget.members > ctx.limits.max_members {
        ctx.out.skip_part(
            prefix,
            "ARCHIVE_TOTAL_DOCUMENTS_PROCESSED_OVER_LIMIT",
            format!("more than {} members", ctx.limits.max_members),
        );
        ctx.budget.stopped = true;
        return false;
    }
    true
}

/// Declared-size checks; `Some(reason, detail, fatal)` when the member must
/// not be opened.
fn declared_over(
    ctx: &Ctx<'_, '_, '_>,
    size: u64,
    compressed: Option<u64>,
) -> Option<(&'static str, String, bool)> {
    let l = ctx.limits;
    if size > l.max_member_bytes {
        return Some((
            "ARCHIVE_EXCEEDS_SIZE_LIMIT",
            format!("declares {size} bytes (limit {})", l.max_member_bytes),
            false,
        ));
    }
    if let Some(c) = compressed {
        if l.max_ratio > 0 && size > RATIO_FLOOR && size / c.max(1) > l.max_ratio {
            return Some((
                "ARCHIVE_EXCEEDS_SIZE_LIMIT",
                format!(
                    "declares {size} bytes from {c} (ratio over {})",
                    l.max_ratio
                ),
                false,
            ));
        }
    }
    let used = ctx
        .budget
        .expanded
        .load(std::sync::atomic::Ordering::Relaxed);
    if used.saturating_add(size) > l.max_total_bytes {
        return Some((
            "ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT",
            format!(
                "{size} more bytes would exceed {} for this object",
                l.max_total_bytes
            ),
            true,
        ));
    }
    None
}

/// Extract one member from a reader: whole in memory when its declared size
/// allows, else streamed. Returns `false` when the object must stop.
fn member(
    ctx: &mut Ctx<'_, '_, '_>,
    path: String,
    inner_name: &str,
    declared: u64,
    r: &mut dyn Read,
) -> bool {
    let names = Names {
        display: &path,
        sniff: inner_name,
    };
    let res = if declared <= ctx.limits.max_in_memory {
        match read_capped(r, ctx.limits.max_in_memory) {
            Ok(Capped::Whole(v)) => Entered::run(ctx, Some(path.clone()), names, Input::Bytes(&v)),
            Ok(Capped::Partial(mut c)) => {
                Entered::run(ctx, Some(path.clone()), names, Input::Reader(&mut c))
            }
            Err(e) => Entered(Err(e.into())),
        }
    } else {
        Entered::run(ctx, Some(path.clone()), names, Input::Reader(r))
    };
    res.report(ctx, &path, "member")
}

/// Extract a zip archive (or an Office Open XML document).
pub fn scan_zip(ctx: &mut Ctx<'_, '_, '_>, names: Names<'_>, b: &[u8]) -> Result<(), ExtractError> {
    scan_zip_from(
        ctx,
        names,
        ZipSrc::Mem(Cursor::new(b)),
        b.len() as u64,
        None,
    )
}

/// Extract a zip archive read by random access: the central directory and
/// the members opened are read, members skipped by a limit are not.
pub fn scan_zip_random(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    src: Arc<dyn RandomAccess>,
) -> Result<(), ExtractError> {
    let len = src.len();
    let c = random::Cursor::new(src.clone());
    scan_zip_from(ctx, names, ZipSrc::Random(c), len, Some(src))
}

fn scan_zip_from(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    zsrc: ZipSrc<'_>,
    archive_len: u64,
    random: Option<Arc<dyn RandomAccess>>,
) -> Result<(), ExtractError> {
    let mut zip = match zip::ZipArchive::new(zsrc) {
        Ok(z) => z,
        Err(e) => {
            super::unparseable(ctx, names.display, "MALFORMED_FILE", format!("zip: {e}"));
            return Ok(());
        }
    };
    if super::office::is_ooxml(&zip) {
        return super::office::scan(ctx, names, &mut zip);
    }
    if !enter(ctx, names.display) {
        return Ok(());
    }
    let prefix = names.prefix(ctx);
    for i in 0..zip.len() {
        if ctx.budget.stopped {
            break;
        }
        if let Some(e) = random.as_ref().and_then(|r| r.failure()) {
            // the source failed (object changed, connection lost): every
            // further member would fail the same way
            ctx.out.skip_part(&prefix, "UNABLE_TO_READ_OBJECT", e);
            break;
        }
        let entry_name = zip.name_for_index(i).unwrap_or("?").to_string();
        let mut f = match zip.by_index(i) {
            Ok(f) => f,
            Err(e) => {
                let name = entry_name;
                let reason = match e {
                    zip::result::ZipError::UnsupportedArchive(_) => "UNSUPPORTED_FILE_TYPE",
                    _ => "MALFORMED_FILE",
                };
                ctx.out
                    .skip_part(&format!("{prefix}!{name}"), reason, format!("zip: {e}"));
                continue;
            }
        };
        if f.is_dir() {
            continue;
        }
        if !count_member(ctx, &prefix) {
            break;
        }
        let name = f.name().to_string();
        let path = format!("{prefix}!{name}");
        let compressed = f.compressed_size().min(archive_len);
        if let Some((reason, detail, fatal)) = declared_over(ctx, f.size(), Some(compressed)) {
            ctx.out.skip_part(&path, reason, detail);
            if fatal {
                ctx.budget.stopped = true;
                break;
            }
            continue;
        }
        let caps = Caps {
            member: ctx.limits.max_member_bytes.min(f.size().max(1) * 2 + 4096),
            member_reason: "ARCHIVE_EXCEEDS_SIZE_LIMIT",
            ratio: ctx.limits.max_ratio,
            ratio_reason: "ARCHIVE_EXCEEDS_SIZE_LIMIT",
            total_cap: ctx.limits.max_total_bytes,
        };
        let consumed = Some(Arc::new(AtomicU64::new(compressed)));
        let declared = f.size();
        let mut lim = Limited::new(&mut f, consumed, ctx.budget, caps, path.clone());
        if !member(ctx, path, &name, declared, &mut lim) {
            break;
        }
    }
    Ok(())
}

/// Extract a tar archive from a stream.
pub fn scan_tar(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    r: &mut dyn Read,
) -> Result<(), ExtractError> {
    if !enter(ctx, names.display) {
        return Ok(());
    }
    let prefix = names.prefix(ctx);
    let mut ar = tar::Archive::new(r);
    let entries = match ar.entries() {
        Ok(e) => e,
        Err(e) => {
            ctx.out
                .skip_part(&prefix, "MALFORMED_FILE", format!("tar: {e}"));
            return Ok(());
        }
    };
    for ent in entries {
        if ctx.budget.stopped {
            break;
        }
        let mut ent = match ent {
            Ok(e) => e,
            Err(e) => {
                let reason = super::ExtractError::from(e);
                ctx.out
                    .skip_part(&prefix, reason.reason(), format!("tar: {reason}"));
                break;
            }
        };
        let et = ent.header().entry_type();
        if !(et.is_file() || et == tar::EntryType::Continuous) {
            continue;
        }
        if !count_member(ctx, &prefix) {
            break;
        }
        let name = String::from_utf8_lossy(&ent.path_bytes()).into_owned();
        let path = format!("{prefix}!{name}");
        let size = ent.size();
        if let Some((reason, detail, fatal)) = declared_over(ctx, size, None) {
            ctx.out.skip_part(&path, reason, detail);
            if fatal {
                ctx.budget.stopped = true;
                break;
            }
            continue;
        }
        if !member(ctx, path, &name, size, &mut ent) {
            break;
        }
    }
    Ok(())
}

#[cfg(test)]
#[path = "archive_tests.rs"]
pub(crate) mod tests;
