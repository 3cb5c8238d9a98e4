//! The one pass over every byte of a buffer: where a keyword, a literal
//! prefix or a structural prefilter can fire, and bitmaps of word starts
//! and non-ASCII bytes for the keyword windows.
//!
//! In: a buffer. Out, a block at a time, in increasing order, every position
//! that is
//! - the start of a word that begins with an ASCII letter (keywords and
//!   literal prefixes begin with letters or sit at a special byte),
//! - the start of a run of non-ASCII bytes (keywords in other scripts),
//! - the start of a run of digits, only when a keyword begins with a digit,
//!   or when the card prefilter is on and the run is card-shaped (13
//!   digits, or 4, a space or hyphen and 4 more),
//! - a special byte (the first byte of a keyword or literal that is not a
//!   letter or digit, such as `-` of `-----BEGIN`, and `@` for email),
//! - a prefilter byte in its context: `.` between digits (IPv4), `:`
//!   between hex digits or colons (IPv6);
//!
//! and `Marks`: one bit per byte for word starts (`[A-Za-z0-9_]` after a
//! byte that is not one) and for non-ASCII bytes.
//!
//! `quick.rs` then rejects most positions with a few table loads and no
//! branch, before the tries and prefilters look at the rest.
//!
//! Why by hand: no crate finds these positions with SIMD. Measured on 16 MiB
//! of generated logs, CSV and prose with every detector: the previous pass
//! called back at every word start or special byte (4.4 million, one per
//! 3.8 bytes, each tested by two tries' filters with branches) and built
//! each keyword window's word starts byte by byte; here digit runs that
//! are not card-shaped and dots and colons outside numbers never become
//! positions (3.0 million), they are filtered in a branch-free loop, and
//! windows walk bitmaps. The engine went from 123 to 151 MiB/s on that
//! text. The vector code is SSE2 (the x86_64 baseline), 16 bytes at a time
//! with the masks of the 16 before and after in registers; a scalar path
//! serves other targets and special sets too large for the vector loop,
//! and a test holds both to the byte-by-byte definition above.

use super::trie::PrefixTrie;

/// Bytes per block handed to the callback (positions are at most one per
/// byte).
pub const BLOCK: usize = 1024;

/// Most special bytes the vector loop compares against (one compare each).
const MAX_SPECIALS: usize = 12;

/// Bitmaps over a buffer, one bit per byte: word starts (a byte of
/// `[A-Za-z0-9_]` after a byte that is not one) and non-ASCII bytes.
/// Keyword windows walk these bits instead of the bytes.
#[derive(Debug, Default)]
pub struct Marks {
    /// Word starts.
    pub ws: Vec<u64>,
    /// Non-ASCII bytes.
    pub hi: Vec<u64>,
    /// Word starts that are digits.
    pub ds: Vec<u64>,
}

/// Which marks `Marks::next` walks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sel {
    /// Word starts.
    Words,
    /// Word starts that are digits.
    Digits,
    /// Word starts that are not digits.
    NonDigits,
    /// Word starts and non-ASCII bytes.
    WordsHigh,
}

impl Marks {
    fn reset(&mut self, len: usize) {
        let words = len / 64 + 1;
        self.ws.clear();
        self.ws.resize(words, 0);
        self.hi.clear();
        self.hi.resize(words, 0);
        self.ds.clear();
        self.ds.resize(words, 0);
    }

    /// The first position in `from..to` whose bit is set in the marks
    /// `sel` picks.
    #[inline]
    pub fn next(&self, from: usize, to: usize, sel: Sel) -> Option<usize> {
        if from >= to {
            return None;
        }
        let mut w = from >> 6;
        let last = (to - 1) >> 6;
        let word = |w: usize| match sel {
            Sel::Words => self.ws[w],
            Sel::Digits => self.ds[w],
            Sel::NonDigits => self.ws[w] & !self.ds[w],
            Sel::WordsHigh => self.ws[w] | self.hi[w],
        };
        let mut bits = word(w) & (!0u64 << (from & 63));
        loop {
            if bits != 0 {
                let p = (w << 6) | bits.trailing_zeros() as usize;
                return (p < to).then_some(p);
            }
            w += 1;
            if w > last {
                return None;
            }
            bits = word(w);
        }
    }
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

fn is_hexc(b: u8) -> bool {
    b.is_ascii_hexdigit() || b == b':'
}

/// What the pass looks for (see the module comment).
#[derive(Debug, Clone, Default)]
pub struct TriggerSpec {
    /// Special bytes: every occurrence is a position.
    pub specials: Vec<u8>,
    /// Some keyword begins with a digit: every digit run start.
    pub digit_starts: bool,
    /// Digit run starts followed by four digits (the card prefilter).
    pub card: bool,
    /// `.` between two digits.
    pub ipv4: bool,
    /// `:` between hex digits or colons.
    pub ipv6: bool,
}

impl TriggerSpec {
    /// The special bytes of a trie's strings (first bytes that are ASCII
    /// but not letters or digits), and whether a string begins with a
    /// digit.
    pub fn add_strings(&mut self, trie: &PrefixTrie) {
        for s in trie.strings().0 {
            let b = s[0];
            if b.is_ascii_digit() {
                self.digit_starts = true;
            } else if b < 0x80 && !b.is_ascii_alphanumeric() && !self.specials.contains(&b) {
                self.specials.push(b);
            }
        }
    }
}

/// Masks of 16 bytes, one bit per byte (low 16 bits).
#[derive(Debug, Clone, Copy, Default)]
struct M16 {
    alpha: u32,
    digit: u32,
    word: u32,
    high: u32,
    special: u32,
    dot: u32,
    colon: u32,
    hexc: u32,
    /// A space or hyphen (card groups).
    sep: u32,
}

/// The pass, built once per engine.
#[derive(Debug, Clone)]
pub struct TriggerFinder {
    spec: TriggerSpec,
    special: Box<[bool; 256]>,
    vector: bool,
}

impl TriggerFinder {
    /// A pass for `spec`.
    pub fn new(mut spec: TriggerSpec) -> TriggerFinder {
        spec.specials.sort_unstable();
        spec.specials.dedup();
        let mut special = Box::new([false; 256]);
        for &b in &spec.specials {
            special[b as usize] = true;
        }
        let vector = cfg!(target_arch = "x86_64") && spec.specials.len() <= MAX_SPECIALS;
        TriggerFinder {
            spec,
            special,
            vector,
        }
    }

    /// Whether position `i` of `hay` is a trigger position: the definition
    /// the vector loop is tested against (and the tail's code).
    pub fn is_position(&self, hay: &[u8], i: usize) -> bool {
        let b = hay[i];
        let prev = if i > 0 { Some(hay[i - 1]) } else { None };
        let next = hay.get(i + 1).copied();
        let after_alnum = prev.is_some_and(|p| p.is_ascii_alphanumeric());
        if b.is_ascii_alphabetic() && !after_alnum {
            return true;
        }
        if b.is_ascii_digit() && !after_alnum {
            if self.spec.digit_starts {
                return true;
            }
            // what `Prefilter::Card` fires on: 13 digits, or 4, a space
            // or hyphen and 4 more
            let digits = |r: std::ops::Range<usize>| {
                hay.get(r).is_some_and(|w| w.iter().all(u8::is_ascii_digit))
            };
            if self.spec.card
                && digits(i..i + 4)
                && (digits(i + 4..i + 13)
                    || (hay.get(i + 4).is_some_and(|b| *b == b' ' || *b == b'-')
                        && digits(i + 5..i + 9)))
            {
                return true;
            }
        }
        if b >= 0x80 && !prev.is_some_and(|p| p >= 0x80) {
            return true;
        }
        if self.special[b as usize] {
            return true;
        }
        if self.spec.ipv4
            && b == b'.'
            && prev.is_some_and(|p| p.is_ascii_digit())
            && next.is_some_and(|n| n.is_ascii_digit())
        {
            return true;
        }
        self.spec.ipv6 && b == b':' && prev.is_some_and(is_hexc) && next.is_some_and(is_hexc)
    }

    /// Fill `marks` for `hay` and call `f` with the trigger positions, a
    /// block at a time, in increasing order.
    pub fn for_each_block(&self, hay: &[u8], marks: &mut Marks, mut f: impl FnMut(&[usize])) {
        marks.reset(hay.len());
        let mut buf = vec![0usize; BLOCK + 16];
        let mut from = 0;
        let mut n = 0;
        #[cfg(target_arch = "x86_64")]
        if self.vector {
            // SAFETY: SSE2 is part of the x86_64 baseline.
            (from, n) = unsafe { self.vector_loop(hay, marks, &mut buf, &mut f) };
        }
        // the rest (the last bytes, or everything), byte by byte
        for i in from..hay.len() {
            let b = hay[i];
            if is_word(b) && (i == 0 || !is_word(hay[i - 1])) {
                marks.ws[i >> 6] |= 1 << (i & 63);
                if b.is_ascii_digit() {
                    marks.ds[i >> 6] |= 1 << (i & 63);
                }
            }
            if b >= 0x80 {
                marks.hi[i >> 6] |= 1 << (i & 63);
            }
            if self.is_position(hay, i) {
                buf[n] = i;
                n += 1;
                if n >= BLOCK {
                    f(&buf[..n]);
                    n = 0;
                }
            }
        }
        if n > 0 {
            f(&buf[..n]);
        }
    }

    /// The masks of the 16 bytes at `p`.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn masks(&self, p: *const u8, c: &Consts) -> M16 {
        use std::arch::x86_64::*;
        // (v - lo) < len, unsigned, by the signed compare of v - lo - 128
        let in_range =
            |v: __m128i, r: (__m128i, __m128i)| _mm_cmplt_epi8(_mm_add_epi8(v, r.0), r.1);
        let mm = |x: __m128i| _mm_movemask_epi8(x) as u32;
        let v = _mm_loadu_si128(p as *const __m128i);
        let lower = _mm_or_si128(v, c.case);
        let alpha = in_range(lower, c.alpha);
        let digit = in_range(v, c.digit);
        let word = _mm_or_si128(_mm_or_si128(alpha, digit), _mm_cmpeq_epi8(v, c.under));
        let mut sp = _mm_setzero_si128();
        for s in c.special.iter().take(c.n_special) {
            sp = _mm_or_si128(sp, _mm_cmpeq_epi8(v, *s));
        }
        let mut m = M16 {
            alpha: mm(alpha),
            digit: mm(digit),
            word: mm(word),
            high: mm(v),
            special: mm(sp),
            ..M16::default()
        };
        if self.spec.ipv4 {
            m.dot = mm(_mm_cmpeq_epi8(v, c.dot));
        }
        if self.spec.card {
            m.sep = mm(_mm_or_si128(
                _mm_cmpeq_epi8(v, c.space),
                _mm_cmpeq_epi8(v, c.hyphen),
            ));
        }
        if self.spec.ipv6 {
            let colon = _mm_cmpeq_epi8(v, c.colon);
            m.colon = mm(colon);
            m.hexc = mm(_mm_or_si128(
                _mm_or_si128(digit, in_range(lower, c.hex)),
                colon,
            ));
        }
        m
    }

    /// The vector loop, 16 bytes at a time, each finished with the masks
    /// of the 16 before and after it in registers; returns where the scalar
    /// code takes over and how many positions are pending in `buf`.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn vector_loop(
        &self,
        hay: &[u8],
        marks: &mut Marks,
        buf: &mut [usize],
        f: &mut impl FnMut(&[usize]),
    ) -> (usize, usize) {
        use std::arch::x86_64::*;
        let len = hay.len();
        if len < 32 {
            return (0, 0);
        }
        let set = |b: u8| _mm_set1_epi8(b as i8);
        let range = |lo: u8, n: u8| (set(0x80u8.wrapping_sub(lo)), set((128 + n as i32) as u8));
        let mut c = Consts {
            case: set(0x20),
            alpha: range(b'a', 26),
            digit: range(b'0', 10),
            hex: range(b'a', 6),
            under: set(b'_'),
            colon: set(b':'),
            dot: set(b'.'),
            space: set(b' '),
            hyphen: set(b'-'),
            special: [set(0); MAX_SPECIALS],
            n_special: self.spec.specials.len(),
        };
        for (k, &b) in self.spec.specials.iter().enumerate() {
            c.special[k] = set(b);
        }
        let (digit_starts, card) = (self.spec.digit_starts, self.spec.card);
        let (ipv4, ipv6) = (self.spec.ipv4, self.spec.ipv6);
        let mut prev = M16::default();
        let mut cur = self.masks(hay.as_ptr(), &c);
        let mut k = 0usize;
        let mut i = 0usize;
        while i + 32 <= len {
            let next = self.masks(hay.as_ptr().add(i + 16), &c);
            // bit j: the byte before / `d` bytes after byte j
            let before = |x: u32, px: u32| (x << 1 | px >> 15) & 0xFFFF;
            let after = |x: u32, nx: u32, d: u32| ((x | nx << 16) >> d) & 0xFFFF;
            let an = cur.alpha | cur.digit;
            let run_start = !before(an, prev.alpha | prev.digit);
            let mut out =
                (cur.alpha & run_start) | (cur.high & !before(cur.high, prev.high)) | cur.special;
            if digit_starts {
                out |= cur.digit & run_start;
            } else if card {
                // 13 digits, or 4 + a separator + 4 (`Prefilter::Card`);
                // bit j + 12 is at most bit 27 of the 32 bytes in view
                let d = cur.digit | next.digit << 16;
                let four = d & d >> 1 & d >> 2 & d >> 3;
                let sep = (cur.sep | next.sep << 16) >> 4;
                let shape = four & ((four >> 4 & four >> 8 & d >> 12) | (sep & four >> 5));
                out |= cur.digit & run_start & shape & 0xFFFF;
            }
            if ipv4 {
                out |= cur.dot & before(cur.digit, prev.digit) & after(cur.digit, next.digit, 1);
            }
            if ipv6 {
                out |= cur.colon & before(cur.hexc, prev.hexc) & after(cur.hexc, next.hexc, 1);
            }
            let sh = i & 63;
            let ws = cur.word & !before(cur.word, prev.word);
            marks.ws[i >> 6] |= (ws as u64) << sh;
            marks.ds[i >> 6] |= ((ws & cur.digit) as u64) << sh;
            marks.hi[i >> 6] |= (cur.high as u64) << sh;
            let mut bits = out & 0xFFFF;
            while bits != 0 {
                // SAFETY: at most 16 positions are added before the flush
                // below, and `buf` has `BLOCK + 16` slots.
                *buf.get_unchecked_mut(k) = i + bits.trailing_zeros() as usize;
                k += 1;
                bits &= bits - 1;
            }
            if k >= BLOCK {
                f(&buf[..k]);
                k = 0;
            }
            prev = cur;
            cur = next;
            i += 16;
        }
        (i, k)
    }
}

/// Broadcast constants of the vector loop.
#[cfg(target_arch = "x86_64")]
struct Consts {
    case: std::arch::x86_64::__m128i,
    alpha: (std::arch::x86_64::__m128i, std::arch::x86_64::__m128i),
    digit: (std::arch::x86_64::__m128i, std::arch::x86_64::__m128i),
    hex: (std::arch::x86_64::__m128i, std::arch::x86_64::__m128i),
    under: std::arch::x86_64::__m128i,
    colon: std::arch::x86_64::__m128i,
    dot: std::arch::x86_64::__m128i,
    space: std::arch::x86_64::__m128i,
    hyphen: std::arch::x86_64::__m128i,
    special: [std::arch::x86_64::__m128i; MAX_SPECIALS],
    n_special: usize,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn random_text(len: usize, seed: u64) -> Vec<u8> {
        let mut x = seed | 1;
        (0..len)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                match x % 100 {
                    0..=35 => b'a' + (x >> 8) as u8 % 26,
                    36..=40 => b'A' + (x >> 8) as u8 % 26,
                    41..=66 => b'0' + (x >> 8) as u8 % 10,
                    67..=72 => b' ',
                    73..=92 => b"@.:-_\"\\;+%/=_#"[(x >> 8) as usize % 14],
                    _ => 0x80 | (x >> 8) as u8,
                }
            })
            .collect()
    }

    /// Runs of 1-20 digits between separators: card-shaped and not.
    fn digit_runs(len: usize, seed: u64) -> Vec<u8> {
        let mut x = seed | 1;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        let mut v = Vec::new();
        while v.len() < len {
            let n = 1 + next() % 20;
            for _ in 0..n {
                v.push(b'0' + (next() % 10) as u8);
            }
            v.push(b" -.a:"[(next() % 5) as usize]);
        }
        v.truncate(len);
        v
    }

    #[test]
    fn vector_pass_matches_the_definition() {
        let specs = [
            TriggerSpec::default(),
            TriggerSpec {
                specials: b"-\"#@".to_vec(),
                digit_starts: false,
                card: true,
                ipv4: true,
                ipv6: true,
            },
            TriggerSpec {
                specials: b"%".to_vec(),
                digit_starts: true,
                card: false,
                ipv4: false,
                ipv6: true,
            },
        ];
        for spec in specs {
            let f = TriggerFinder::new(spec);
            for (len, seed) in [
                (0, 1),
                (1, 2),
                (63, 3),
                (64, 4),
                (65, 5),
                (200, 6),
                (5000, 7),
            ]
            .into_iter()
            .chain((0..8).map(|s| (70_000, 100 + s)))
            .chain((0..4).map(|s| (20_000, 200 + s)))
            {
                let hay = if seed >= 200 {
                    digit_runs(len, seed)
                } else {
                    random_text(len, seed)
                };
                let mut marks = Marks::default();
                let mut got = Vec::new();
                f.for_each_block(&hay, &mut marks, |p| got.extend_from_slice(p));
                let want: Vec<usize> = (0..len).filter(|&i| f.is_position(&hay, i)).collect();
                assert_eq!(got, want, "positions, len {len}");
                for (i, &b) in hay.iter().enumerate() {
                    let ws = is_word(b) && (i == 0 || !is_word(hay[i - 1]));
                    assert_eq!(marks.ws[i >> 6] >> (i & 63) & 1 == 1, ws, "ws {i} of {len}");
                    assert_eq!(marks.hi[i >> 6] >> (i & 63) & 1 == 1, b >= 0x80, "hi {i}");
                    let ds = ws && b.is_ascii_digit();
                    assert_eq!(marks.ds[i >> 6] >> (i & 63) & 1 == 1, ds, "ds {i}");
                }
                let mut from = 0;
                let mut seen = Vec::new();
                while let Some(p) = marks.next(from, len, Sel::WordsHigh) {
                    seen.push(p);
                    from = p + 1;
                }
                let want: Vec<usize> = (0..len)
                    .filter(|&i| {
                        hay[i] >= 0x80 || (is_word(hay[i]) && (i == 0 || !is_word(hay[i - 1])))
                    })
                    .collect();
                assert_eq!(seen, want);
                for (sel, keep) in [(Sel::Digits, true), (Sel::NonDigits, false)] {
                    let mut from = 0;
                    let mut seen = Vec::new();
                    while let Some(p) = marks.next(from, len, sel) {
                        seen.push(p);
                        from = p + 1;
                    }
                    let want: Vec<usize> = (0..len)
                        .filter(|&i| {
                            is_word(hay[i])
                                && (i == 0 || !is_word(hay[i - 1]))
                                && hay[i].is_ascii_digit() == keep
                        })
                        .collect();
                    assert_eq!(seen, want, "{sel:?}");
                }
            }
        }
    }
}
