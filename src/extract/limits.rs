//! Readers that enforce the expansion limits, and the helpers that turn a
//! tripped limit into a Macie skip reason.
//!
//! In: a decompressed stream (and, for the ratio test, a counter of the
//! compressed bytes consumed beneath it). Out: the same bytes, until a limit
//! trips; then an `io::Error` carrying a `LimitHit` with the reason code.
//! Why: decompressors are pulled, never pushed, so a bomb can only expand as
//! far as the reader above it asks — and every layer (gzip in tar in zip)
//! asks through one of these, so the per-object byte budget is shared.

use super::Budget;
use std::io::{self, Read};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Decompressed bytes below which the ratio test does not apply (small files
/// of zeros are not bombs).
pub const RATIO_FLOOR: u64 = 1 << 20;

/// A limit was reached: the reason code (Macie's where one exists) and detail.
#[derive(Debug, Clone, thiserror::Error)]
#[error("{reason}: {detail}")]
pub struct LimitHit {
    /// Reason code, e.g. `ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT`.
    pub reason: &'static str,
    /// Human detail.
    pub detail: String,
    /// Whether the rest of the object must be abandoned (a per-object budget
    /// is exhausted) rather than just this member.
    pub fatal: bool,
}

impl LimitHit {
    /// As an `io::Error`, to travel up through `Read` implementations.
    pub fn into_io(self) -> io::Error {
        io::Error::other(self)
    }

    /// The `LimitHit` inside an `io::Error`, if that is what it is.
    pub fn from_io(e: &io::Error) -> Option<&LimitHit> {
        e.get_ref().and_then(|x| x.downcast_ref::<LimitHit>())
    }
}

/// Counts bytes read through it (the compressed side of a decoder).
pub struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Counting<R> {
    /// Wrap `inner`; the returned counter reads the bytes consumed so far.
    pub fn new(inner: R) -> (Counting<R>, Arc<AtomicU64>) {
        let count = Arc::new(AtomicU64::new(0));
        (
            Counting {
                inner,
                count: count.clone(),
            },
            count,
        )
    }
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// What a `Limited` reader checks.
#[derive(Debug, Clone)]
pub struct Caps {
    /// Bytes this stream may produce (per-member cap).
    pub member: u64,
    /// Reason code when `member` is exceeded.
    pub member_reason: &'static str,
    /// Maximum output/input ratio (0 = none).
    pub ratio: u64,
    /// Reason code when the ratio is exceeded.
    pub ratio_reason: &'static str,
    /// The object-wide budget left, shared by all layers.
    pub total_cap: u64,
}

/// Enforces a member cap, a ratio against compressed input, and the shared
/// per-object total on a decompressed stream.
pub struct Limited<R> {
    inner: R,
    produced: u64,
    compressed: Option<Arc<AtomicU64>>,
    total: Arc<AtomicU64>,
    caps: Caps,
    what: String,
}

impl<R: Read> Limited<R> {
    /// Wrap decompressed `inner`. `compressed` counts the compressed bytes
    /// consumed (for the ratio test); `budget` is the object's.
    pub fn new(
        inner: R,
        compressed: Option<Arc<AtomicU64>>,
        budget: &Budget,
        caps: Caps,
        what: impl Into<String>,
    ) -> Limited<R> {
        Limited {
            inner,
            produced: 0,
            compressed,
            total: budget.expanded.clone(),
            caps,
            what: what.into(),
        }
    }

    /// Bytes produced so far.
    pub fn produced(&self) -> u64 {
        self.produced
    }
}

impl<R: Read> Read for Limited<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let left_member = self.caps.member.saturating_sub(self.produced);
        let left_total = self
            .caps
            .total_cap
            .saturating_sub(self.total.load(Ordering::Relaxed));
        if left_total == 0 || left_member == 0 {
            // Probe one byte: a stream that ends exactly at the cap is fine.
            let mut one = [0u8; 1];
            if self.inner.read(&mut one)? == 0 {
                return Ok(0);
            }
            return Err(if left_total == 0 {
                LimitHit {
                    reason: "ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT",
                    detail: format!(
                        "{}: more than {} decompressed bytes in this object",
                        self.what, self.caps.total_cap
                    ),
                    fatal: true,
                }
            } else {
                LimitHit {
                    reason: self.caps.member_reason,
                    detail: format!(
                        "{}: more than {} decompressed bytes",
                        self.what, self.caps.member
                    ),
                    fatal: false,
                }
            }
            .into_io());
        }
        let want = buf.len().min(left_member.min(left_total) as usize);
        let n = self.inner.read(&mut buf[..want])?;
        self.produced += n as u64;
        self.total.fetch_add(n as u64, Ordering::Relaxed);
        if let Some(c) = &self.compressed {
            let consumed = c.load(Ordering::Relaxed).max(1);
            if self.caps.ratio > 0
                && self.produced > RATIO_FLOOR
                && self.produced / consumed > self.caps.ratio
            {
                return Err(LimitHit {
                    reason: self.caps.ratio_reason,
                    detail: format!(
                        "{}: {} bytes expanded from {} (ratio over {})",
                        self.what, self.produced, consumed, self.caps.ratio
                    ),
                    fatal: false,
                }
                .into_io());
            }
        }
        Ok(n)
    }
}

/// Decodes UTF-16 or Windows-1252 to UTF-8 while reading.
pub struct DecodeReader<R> {
    inner: R,
    decoder: encoding_rs::Decoder,
    inbuf: Vec<u8>,
    in_pos: usize,
    in_len: usize,
    out: Vec<u8>,
    out_pos: usize,
    out_len: usize,
    eof: bool,
}

impl<R: Read> DecodeReader<R> {
    /// Decode `inner` from `enc` (UTF-8 input should not be wrapped).
    pub fn new(inner: R, enc: super::sniff::Encoding) -> DecodeReader<R> {
        use super::sniff::Encoding;
        let decoder = match enc {
            Encoding::Utf16Le => encoding_rs::UTF_16LE.new_decoder_with_bom_removal(),
            Encoding::Utf16Be => encoding_rs::UTF_16BE.new_decoder_with_bom_removal(),
            Encoding::Latin1 => encoding_rs::WINDOWS_1252.new_decoder(),
            Encoding::Utf8 => encoding_rs::UTF_8.new_decoder_with_bom_removal(),
        };
        DecodeReader {
            inner,
            decoder,
            inbuf: vec![0; 64 * 1024],
            in_pos: 0,
            in_len: 0,
            out: vec![0; 3 * 64 * 1024 + 16],
            out_pos: 0,
            out_len: 0,
            eof: false,
        }
    }
}

impl<R: Read> Read for DecodeReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_pos < self.out_len {
                let n = buf.len().min(self.out_len - self.out_pos);
                buf[..n].copy_from_slice(&self.out[self.out_pos..self.out_pos + n]);
                self.out_pos += n;
                return Ok(n);
            }
            if self.eof && self.in_pos >= self.in_len {
                return Ok(0);
            }
            if self.in_pos >= self.in_len && !self.eof {
                let n = loop {
                    match self.inner.read(&mut self.inbuf) {
                        Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                        r => break r?,
                    }
                };
                self.in_pos = 0;
                self.in_len = n;
                self.eof = n == 0;
            }
            let (_, read, written, _) = self.decoder.decode_to_utf8(
                &self.inbuf[self.in_pos..self.in_len],
                &mut self.out,
                self.eof,
            );
            self.in_pos += read;
            self.out_pos = 0;
            self.out_len = written;
            if self.eof && written == 0 && self.in_pos >= self.in_len {
                return Ok(0);
            }
        }
    }
}

/// Decode a whole in-memory input to UTF-8 (borrowed when it already is).
pub fn decode_all(b: &[u8], enc: super::sniff::Encoding) -> std::borrow::Cow<'_, [u8]> {
    use super::sniff::Encoding;
    let e = match enc {
        Encoding::Utf8 => {
            return std::borrow::Cow::Borrowed(b.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(b))
        }
        Encoding::Utf16Le => encoding_rs::UTF_16LE,
        Encoding::Utf16Be => encoding_rs::UTF_16BE,
        Encoding::Latin1 => encoding_rs::WINDOWS_1252,
    };
    let (s, _, _) = e.decode(b);
    std::borrow::Cow::Owned(s.into_owned().into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn caps(member: u64, ratio: u64, total: u64) -> Caps {
        Caps {
            member,
            member_reason: "ARCHIVE_EXCEEDS_SIZE_LIMIT",
            ratio,
            ratio_reason: "ARCHIVE_EXCEEDS_SIZE_LIMIT",
            total_cap: total,
        }
    }

    #[test]
    fn member_cap_trips_but_exact_fit_does_not() {
        let b = Budget::default();
        let mut r = Limited::new(&[7u8; 100][..], None, &b, caps(100, 0, 1000), "m");
        let mut v = Vec::new();
        assert!(r.read_to_end(&mut v).is_ok());
        let mut r = Limited::new(&[7u8; 101][..], None, &b, caps(100, 0, 1000), "m");
        let e = r.read_to_end(&mut Vec::new()).unwrap_err();
        assert_eq!(
            LimitHit::from_io(&e).map(|h| h.reason),
            Some("ARCHIVE_EXCEEDS_SIZE_LIMIT")
        );
    }

    #[test]
    fn total_budget_is_shared_between_readers() {
        let b = Budget::default();
        let mut r1 = Limited::new(&[1u8; 60][..], None, &b, caps(1000, 0, 100), "a");
        r1.read_to_end(&mut Vec::new()).unwrap();
        let mut r2 = Limited::new(&[1u8; 60][..], None, &b, caps(1000, 0, 100), "b");
        let e = r2.read_to_end(&mut Vec::new()).unwrap_err();
        let hit = LimitHit::from_io(&e).unwrap();
        assert_eq!(hit.reason, "ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT");
        assert!(hit.fatal);
    }

    #[test]
    fn ratio_trips_on_a_deflate_bomb() {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        let zeros = vec![0u8; 1 << 20];
        for _ in 0..16 {
            enc.write_all(&zeros).unwrap();
        }
        let gz = enc.finish().unwrap();
        let (counted, c) = Counting::new(&gz[..]);
        let dec = flate2::read::MultiGzDecoder::new(counted);
        let b = Budget::default();
        let mut r = Limited::new(dec, Some(c), &b, caps(u64::MAX, 100, u64::MAX), "z");
        let e = std::io::copy(&mut r, &mut std::io::sink()).unwrap_err();
        assert!(LimitHit::from_io(&e).is_some());
        assert!(r.produced() < 8 << 20, "stopped early: {}", r.produced());
    }

    #[test]
    fn decodes_utf16_and_latin1() {
        let mut v = Vec::new();
        DecodeReader::new(
            &b"\xff\xfeh\0i\0"[..],
            crate::extract::sniff::Encoding::Utf16Le,
        )
        .read_to_end(&mut v)
        .unwrap();
        assert_eq!(v, b"hi");
        let mut v = Vec::new();
        DecodeReader::new(&b"caf\xe9"[..], crate::extract::sniff::Encoding::Latin1)
            .read_to_end(&mut v)
            .unwrap();
        assert_eq!(v, "café".as_bytes());
    }
}
