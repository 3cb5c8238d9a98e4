//! Compressed streams (gzip incl. multi-member, bzip2, zstd): decompressed
//! on the fly and handed back to the dispatcher as a stream.
//!
//! In: the compressed bytes as a reader and the input's names. Out: whatever
//! the inner content's extractor finds (a `.tar.gz` becomes a tar, a
//! `.csv.gz` cells, a `.log.gz` lines), and a skipped part when the stream
//! is truncated or a limit trips.
//! Why: nothing is decompressed into memory — the decoder sits under a
//! `Limited` reader that enforces the member cap, the expansion ratio and
//! the object's shared byte budget, so a bomb stops after at most
//! `RATIO_FLOOR × max_ratio` bytes rather than filling memory or disk. Each
//! compression layer counts as one nesting level. The inner name drops the
//! compression suffix (`x.csv.gz` → `x.csv`, `x.tgz` → `x.tar`) for
//! extension hints; member paths keep the outer name.

use super::archive::{enter, Entered};
use super::limits::{Caps, Counting, Limited};
use super::sniff::Kind;
use super::{Ctx, ExtractError, Names};
use std::io::{BufReader, Read};

/// The name of the decompressed content.
pub fn inner_name(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    for (suf, rep) in [
        (".tgz", ".tar"),
        (".tbz2", ".tar"),
        (".tbz", ".tar"),
        (".tzst", ".tar"),
        (".gz", ""),
        (".gzip", ""),
        (".bz2", ""),
        (".zst", ""),
        (".zstd", ""),
    ] {
        if lower.ends_with(suf) {
            return format!("{}{rep}", &name[..name.len() - suf.len()]);
        }
    }
    name.to_string()
}

/// Decompress `r` (of `kind`) and extract its content.
pub fn scan(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    kind: Kind,
    r: &mut dyn Read,
) -> Result<(), ExtractError> {
    if !enter(ctx, names.display) {
        return Ok(());
    }
    let (counted, consumed) = Counting::new(r);
    let what = match kind {
        Kind::Gzip => "gzip",
        Kind::Bzip2 => "bzip2",
        _ => "zstd",
    };
    let mut dec: Box<dyn Read + '_> = match kind {
        Kind::Gzip => Box::new(flate2::read::MultiGzDecoder::new(BufReader::new(counted))),
        Kind::Bzip2 => Box::new(bzip2::read::MultiBzDecoder::new(BufReader::new(counted))),
        _ => match zstd::stream::read::Decoder::new(counted) {
            Ok(d) => Box::new(d),
            Err(e) => {
                ctx.skip_here(names.display, "MALFORMED_FILE", format!("zstd: {e}"));
                return Ok(());
            }
        },
    };
    let caps = Caps {
        member: ctx.limits.max_member_bytes,
        member_reason: "ARCHIVE_EXCEEDS_SIZE_LIMIT",
        ratio: ctx.limits.max_ratio,
        ratio_reason: "ARCHIVE_EXCEEDS_SIZE_LIMIT",
        total_cap: ctx.limits.max_total_bytes,
    };
    let mut lim = Limited::new(&mut dec, Some(consumed), ctx.budget, caps, names.display);
    let inner = inner_name(names.sniff);
    let inner_names = Names {
        display: names.display,
        sniff: &inner,
    };
    let member = names.prefix(ctx);
    let res = Entered::run(ctx, None, inner_names, super::Input::Reader(&mut lim));
    res.report(ctx, &member, what);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testutil::{located, Harness, AWS_LINE};
    use crate::findings::model::Location;
    use std::io::Write;

    fn gz(data: &[u8]) -> Vec<u8> {
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        e.write_all(data).unwrap();
        e.finish().unwrap()
    }

    #[test]
    fn names() {
        assert_eq!(inner_name("a/b.csv.gz"), "a/b.csv");
        assert_eq!(inner_name("x.TGZ"), "x.tar");
        assert_eq!(inner_name("x.log.zst"), "x.log");
        assert_eq!(inner_name("plain"), "plain");
    }

    #[test]
    fn gzip_multi_member_bzip2_zstd() {
        let h = Harness::new();
        let text = format!("line one\n{AWS_LINE}\n");
        let mut two = gz(b"first member\n");
        two.extend(gz(text.as_bytes()));
        let r = h.extract("x.log.gz", &two);
        let l = located(&r);
        assert_eq!(l.len(), 1);
        assert!(matches!(&l[0].1, Location::Text(lr, _) if lr.start == 3 && lr.member.is_none()));
        assert_eq!(r.mime_type, "application/gzip");

        let mut bz = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
        bz.write_all(text.as_bytes()).unwrap();
        let r = h.extract("x.bz2", &bz.finish().unwrap());
        assert_eq!(located(&r).len(), 1);

        let z = zstd::encode_all(text.as_bytes(), 1).unwrap();
        let r = h.extract("x.zst", &z);
        assert_eq!(located(&r).len(), 1);
        // gzip of a CSV is read as CSV
        let r = h.extract("t.csv.gz", &gz(b"employee,x\nEMP-123456,1\n"));
        assert!(matches!(&located(&r)[0].1, Location::Cell(c) if c.row == 2));
    }

    #[test]
    fn truncated_gzip_keeps_what_was_read_and_is_partial() {
        let h = Harness::new();
        let mut text = format!("{AWS_LINE}\n");
        for i in 0..20_000 {
            text.push_str(&format!("filler line {i} with some words\n"));
        }
        let full = gz(text.as_bytes());
        let cut = &full[..full.len() / 2];
        let r = h.extract("x.log.gz", cut);
        assert_eq!(located(&r).len(), 1);
        assert_eq!(r.status, crate::findings::Status::Partial);
        assert_eq!(r.skipped_parts[0].reason, "MALFORMED_FILE");
    }

    #[test]
    fn gzip_bomb_stops_at_the_ratio() {
        let h = Harness::new();
        let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        // text, not zeros: binary content would be refused after the sniff
        // without expanding further
        let block = vec![b'a'; 1 << 20];
        for _ in 0..48 {
            e.write_all(&block).unwrap();
        }
        let bomb = e.finish().unwrap();
        let strict = crate::extract::Limits {
            max_ratio: 200,
            ..Default::default()
        };
        let r = h.extract_limits("bomb.gz", &bomb, &strict);
        assert_eq!(r.status, crate::findings::Status::Partial);
        assert_eq!(r.skipped_parts[0].reason, "ARCHIVE_EXCEEDS_SIZE_LIMIT");
        assert!(r.bytes_scanned < 16 << 20, "{}", r.bytes_scanned);
    }
}
