//! Plain text: scanned in chunks with overlap, located by line and column.
//!
//! In: UTF-8 bytes (a slice, or pushed piece by piece from a reader or a
//! decoder for UTF-16 / Windows-1252). Out: detections with `lineRanges` and
//! `offsetRanges` in the collector.
//! Why: a file larger than memory is scanned in windows of `chunk_size`
//! bytes, each with `engine.max_window` bytes of context either side, and a
//! window reports only matches that *start* in the part it owns — so matches
//! across chunk boundaries are found exactly once, and peak memory is two
//! chunks whatever the file size. Line numbers are counted incrementally
//! (memchr), never by rescanning from the start.

use super::sniff::Encoding;
use super::{Ctx, ExtractError};
use crate::detect::Match;
use crate::findings::model::{LineRange, Location, OffsetRange};
use std::io::Read;

/// Counts lines and columns up to a position, moving forward only.
#[derive(Debug, Clone)]
pub struct LineTracker {
    pos: u64,
    line: u64,
    col: u64,
}

impl Default for LineTracker {
    fn default() -> Self {
        LineTracker {
            pos: 0,
            line: 1,
            col: 0,
        }
    }
}

fn chars(b: &[u8]) -> u64 {
    b.iter().filter(|&&x| (x & 0xC0) != 0x80).count() as u64
}

impl LineTracker {
    /// Advance to absolute offset `to`, reading `hay` (whose first byte is at
    /// absolute offset `base`). `to` must not be before the current position.
    pub fn advance(&mut self, hay: &[u8], base: u64, to: u64) {
        if to <= self.pos {
            return;
        }
        let s = (self.pos - base) as usize;
        let e = ((to - base) as usize).min(hay.len());
        let seg = &hay[s.min(e)..e];
        let mut last_nl = None;
        for i in memchr::memchr_iter(b'\n', seg) {
            self.line += 1;
            last_nl = Some(i);
        }
        match last_nl {
            Some(i) => self.col = chars(&seg[i + 1..]),
            None => self.col += chars(seg),
        }
        self.pos = to;
    }

    /// A tracker whose first byte is on line `line` (1-based).
    pub fn starting_at(line: u64) -> LineTracker {
        LineTracker {
            line: line.max(1),
            ..LineTracker::default()
        }
    }

    /// Current line (1-based).
    pub fn line(&self) -> u64 {
        self.line
    }
    /// Current column (1-based, in characters).
    pub fn column(&self) -> u64 {
        self.col + 1
    }
}

/// Turns a text position (lines and bytes) into the caller's location kind
/// (a PDF page, a slide, or plain `lineRanges`).
pub type Wrap<'w> = dyn FnMut(LineRange, OffsetRange) -> Location + 'w;

/// Scan one window: `hay` starts at absolute offset `base`; report matches
/// starting in `own` (relative to `hay`).
pub fn scan_window(
    ctx: &mut Ctx<'_, '_, '_>,
    hay: &[u8],
    base: u64,
    own: std::ops::Range<usize>,
    lines: &mut LineTracker,
    scratch: &mut Vec<Match>,
) {
    scan_window_with(ctx, hay, base, own, lines, scratch, &mut Location::Text)
}

/// `scan_window` with the location built by `wrap`.
pub fn scan_window_with(
    ctx: &mut Ctx<'_, '_, '_>,
    hay: &[u8],
    base: u64,
    own: std::ops::Range<usize>,
    lines: &mut LineTracker,
    scratch: &mut Vec<Match>,
    wrap: &mut Wrap<'_>,
) {
    scratch.clear();
    ctx.scanner.scan(hay, own.clone(), &[], scratch);
    let engine = ctx.scanner.engine();
    for m in scratch.iter() {
        let abs = base + m.start as u64;
        lines.advance(hay, base, abs);
        let value = &hay[m.start..m.end];
        let end_line = lines.line() + memchr::memchr_iter(b'\n', value).count() as u64;
        let member = ctx.member.clone();
        let loc = wrap(
            LineRange {
                start: lines.line(),
                end: end_line,
                start_column: lines.column(),
                member: member.clone(),
            },
            OffsetRange {
                start: abs,
                end: base + m.end as u64,
                start_column: lines.column(),
                member,
            },
        );
        ctx.out.add(engine, m, value, loc);
    }
    lines.advance(hay, base, base + own.end as u64);
    ctx.out.bytes_scanned += (own.end - own.start) as u64;
}

/// Scan an in-memory input in the given encoding.
pub fn scan_bytes(ctx: &mut Ctx<'_, '_, '_>, b: &[u8], enc: Encoding) -> Result<(), ExtractError> {
    if enc != Encoding::Utf8 {
        return scan_reader(ctx, &mut &b[..], enc);
    }
    let b = b.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(b);
    scan_text_with(ctx, b, LineTracker::default(), &mut Location::Text);
    Ok(())
}

/// Scan in-memory UTF-8 text in windows, lines counted from `lines`, each
/// location built by `wrap`.
pub fn scan_text_with(
    ctx: &mut Ctx<'_, '_, '_>,
    b: &[u8],
    mut lines: LineTracker,
    wrap: &mut Wrap<'_>,
) {
    let chunk = ctx.limits.chunk_size.max(1);
    let overlap = ctx.scanner.engine().max_window;
    let mut scratch = Vec::new();
    let mut start = 0;
    loop {
        let end = (start + chunk).min(b.len());
        let hs = start.saturating_sub(overlap);
        let he = (end + overlap).min(b.len());
        scan_window_with(
            ctx,
            &b[hs..he],
            hs as u64,
            start - hs..end - hs,
            &mut lines,
            &mut scratch,
            wrap,
        );
        if end >= b.len() {
            break;
        }
        start = end;
    }
}

/// Incremental text scanning over pushed UTF-8 pieces.
pub struct TextStream {
    buf: Vec<u8>,
    base: u64,
    done: u64,
    lines: LineTracker,
    scratch: Vec<Match>,
    chunk: usize,
    overlap: usize,
}

impl TextStream {
    /// A stream for `ctx`'s engine and limits.
    pub fn new(ctx: &Ctx<'_, '_, '_>) -> TextStream {
        let chunk = ctx.limits.chunk_size.max(1);
        TextStream {
            buf: Vec::with_capacity(chunk + 2 * ctx.scanner.engine().max_window),
            base: 0,
            done: 0,
            lines: LineTracker::default(),
            scratch: Vec::new(),
            chunk,
            overlap: ctx.scanner.engine().max_window,
        }
    }

    /// Add UTF-8 bytes; scans every chunk that now has its right-hand context.
    pub fn push(&mut self, ctx: &mut Ctx<'_, '_, '_>, data: &[u8]) {
        let mut data = data;
        while !data.is_empty() {
            // Keep the buffer bounded: take only what fills the current window.
            let want = (self.done - self.base) as usize + self.chunk + self.overlap;
            let room = want.saturating_sub(self.buf.len()).max(1);
            let take = room.min(data.len());
            self.buf.extend_from_slice(&data[..take]);
            data = &data[take..];
            if self.buf.len() >= want {
                self.scan_next(ctx, false);
            }
        }
    }

    fn scan_next(&mut self, ctx: &mut Ctx<'_, '_, '_>, last: bool) {
        let own_s = (self.done - self.base) as usize;
        let own_e = if last {
            self.buf.len()
        } else {
            (own_s + self.chunk).min(self.buf.len())
        };
        let he = if last {
            self.buf.len()
        } else {
            (own_e + self.overlap).min(self.buf.len())
        };
        scan_window(
            ctx,
            &self.buf[..he],
            self.base,
            own_s..own_e,
            &mut self.lines,
            &mut self.scratch,
        );
        self.done = self.base + own_e as u64;
        // drop what no later window needs
        let keep_from = (own_e.saturating_sub(self.overlap)).min(self.buf.len());
        self.buf.drain(..keep_from);
        self.base += keep_from as u64;
    }

    /// Scan what is left.
    pub fn finish(mut self, ctx: &mut Ctx<'_, '_, '_>) {
        while (self.done - self.base) as usize + self.chunk < self.buf.len() {
            self.scan_next(ctx, false);
        }
        if ((self.done - self.base) as usize) < self.buf.len() {
            self.scan_next(ctx, true);
        }
    }
}

/// Scan a reader in the given encoding, decoding UTF-16 and Windows-1252 to
/// UTF-8 on the fly (offsets then refer to the decoded text).
pub fn scan_reader(
    ctx: &mut Ctx<'_, '_, '_>,
    r: &mut dyn Read,
    enc: Encoding,
) -> Result<(), ExtractError> {
    let mut stream = TextStream::new(ctx);
    let mut decoder = match enc {
        Encoding::Utf8 => None,
        Encoding::Utf16Le => Some(encoding_rs::UTF_16LE.new_decoder_with_bom_removal()),
        Encoding::Utf16Be => Some(encoding_rs::UTF_16BE.new_decoder_with_bom_removal()),
        Encoding::Latin1 => Some(encoding_rs::WINDOWS_1252.new_decoder()),
    };
    let mut inbuf = vec![0u8; 256 * 1024];
    let mut outbuf = vec![0u8; 3 * 256 * 1024 + 16];
    let mut first = true;
    loop {
        let n = match r.read(&mut inbuf) {
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => {
                stream.finish(ctx);
                return Err(e.into());
            }
        };
        let last = n == 0;
        let mut data = &inbuf[..n];
        if first && decoder.is_none() {
            data = data.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(data);
        }
        first = false;
        match decoder.as_mut() {
            None => stream.push(ctx, data),
            Some(d) => {
                let mut src = data;
                loop {
                    let (res, read, written, _) = d.decode_to_utf8(src, &mut outbuf, last);
                    stream.push(ctx, &outbuf[..written]);
                    src = &src[read..];
                    if res == encoding_rs::CoderResult::InputEmpty {
                        break;
                    }
                }
            }
        }
        if last {
            break;
        }
    }
    stream.finish(ctx);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{build_engine, AllowList, Selection};
    use crate::extract::{Budget, Limits};
    use crate::findings::{FindingOptions, ObjectCollector, ObjectMeta};

    /// A reader that hands out at most `n` bytes per call.
    struct Trickle<'a>(&'a [u8], usize);
    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.1.min(buf.len()).min(self.0.len());
            buf[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn run(text: &[u8], chunk: usize, reader: Option<usize>) -> String {
        static ENGINE: std::sync::OnceLock<crate::detect::Engine> = std::sync::OnceLock::new();
        let engine = ENGINE.get_or_init(|| {
            build_engine(&Selection::All, &[], vec![], AllowList::default()).unwrap()
        });
        let mut sc = engine.scanner();
        let opts = FindingOptions {
            max_occurrences: 1000,
            ..Default::default()
        };
        let mut out = ObjectCollector::new(&opts);
        let limits = Limits {
            chunk_size: chunk,
            ..Limits::default()
        };
        let mut budget = Budget::default();
        let mut ctx = Ctx {
            scanner: &mut sc,
            out: &mut out,
            limits: &limits,
            budget: &mut budget,
            depth: 0,
            member: None,
        };
        match reader {
            None => scan_bytes(&mut ctx, text, Encoding::Utf8).unwrap(),
            Some(n) => scan_reader(&mut ctx, &mut Trickle(text, n), Encoding::Utf8).unwrap(),
        }
        let r = out.finish(engine, ObjectMeta::default());
        assert_eq!(
            r.bytes_scanned,
            text.len() as u64,
            "every byte scanned once"
        );
        serde_json::to_string(
            &r.finding
                .map(|f| f.classification_details.result.sensitive_data),
        )
        .unwrap()
    }

    #[test]
    fn every_read_path_gives_the_same_answer() {
        let mut text = String::new();
        for i in 0..40 {
            text.push_str(&format!("line {i} with some filler text, ünïcödé too\n"));
            if i % 7 == 3 {
                text.push_str("aws_secret_access_key = k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt\n");
            }
        }
        let t = text.as_bytes();
        let reference = run(t, 1 << 20, None);
        assert!(reference.contains("AWS_CREDENTIALS"), "{reference}");
        for chunk in [1, 7, 64, 4096, 65536] {
            assert_eq!(run(t, chunk, None), reference, "slice, chunk {chunk}");
        }
        for (chunk, rd) in [(7, 1), (64, 7), (65536, 1), (1 << 20, 65536)] {
            assert_eq!(
                run(t, chunk, Some(rd)),
                reference,
                "reader {rd}, chunk {chunk}"
            );
        }
    }

    #[test]
    fn lines_and_columns_count_characters() {
        let mut lt = LineTracker::default();
        let t = "ab\nçé x\n".as_bytes();
        lt.advance(t, 0, 3);
        assert_eq!((lt.line(), lt.column()), (2, 1));
        lt.advance(t, 0, 8);
        assert_eq!((lt.line(), lt.column()), (2, 4));
    }
}
