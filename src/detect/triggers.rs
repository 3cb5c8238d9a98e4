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
//! - a prefilter byte in its context: `.` between digits with another `.`
//!   2 to 4 bytes on (IPv4), `:` between hex digits or colons (IPv6);
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
//! positions (3.0 million), they are filtered in branch-free loops, and
//! windows walk bitmaps. The engine went from 123 to 205 MiB/s on that
//! text (this pass: 13 ms of 78; 314 MiB/s with the later filter and
//! window changes). The vector code runs 32 bytes at a time
//! with AVX2 where the CPU has it (checked once) and 16 with SSE2 (the
//! x86_64 baseline) otherwise, with the masks of the vectors before and
//! after in registers; a scalar path serves other targets and special sets
//! too large for the vector loop, and a test holds all of them to the
//! byte-by-byte definition above.

use super::trie::PrefixTrie;

/// Positions after which a block is handed to the callback.
pub const BLOCK: usize = 1024;

/// Most positions in one block: a vector step (32 bytes at most) may add
/// its positions past `BLOCK` before the flush.
pub const BLOCK_MAX: usize = BLOCK + 32;

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
    /// Word starts that are four digits (or more).
    pub d4: Vec<u64>,
    /// Word starts that are ASCII capitals.
    pub up: Vec<u64>,
    /// Postcode-like tokens (`TriggerSpec::postcode`, `postcode_at`).
    pub pc: Vec<u64>,
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
    /// Word starts of four digits or more.
    Digits4,
    /// Word starts that are ASCII capitals.
    Upper,
    /// Word starts that are ASCII capitals, and non-ASCII bytes.
    UpperHigh,
    /// Postcode-like tokens (`Marks::pc`).
    Postcode,
}

impl Sel {
    /// A kind that holds the marks of both.
    pub fn union(self, o: Sel) -> Sel {
        use Sel::*;
        let high = matches!(self, WordsHigh | UpperHigh) || matches!(o, WordsHigh | UpperHigh);
        match (self, o) {
            _ if self == o => self,
            (Upper | UpperHigh, Upper | UpperHigh) => UpperHigh,
            (Digits | Digits4, Digits | Digits4) => Digits,
            _ if high => WordsHigh,
            _ => Words,
        }
    }
}

impl Marks {
    fn reset(&mut self, len: usize) {
        let words = len / 64 + 1;
        for v in [
            &mut self.ws,
            &mut self.hi,
            &mut self.ds,
            &mut self.d4,
            &mut self.up,
            &mut self.pc,
        ] {
            v.clear();
            v.resize(words, 0);
        }
    }

    /// The first position in `from..to` whose bit is set in the marks
    /// `sel` picks (`to` past the buffer's end counts as its end).
    #[inline]
    pub fn next(&self, from: usize, to: usize, sel: Sel) -> Option<usize> {
        let to = to.min(self.ws.len() * 64);
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
            Sel::Digits4 => self.d4[w],
            Sel::Upper => self.up[w],
            Sel::UpperHigh => self.up[w] | self.hi[w],
            Sel::Postcode => self.pc[w],
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
    /// `.` between two digits, another `.` 2 to 4 bytes on.
    pub ipv4: bool,
    /// `:` between hex digits or colons.
    pub ipv6: bool,
    /// Fill `Marks::pc` (`postcode_at`).
    pub postcode: bool,
}

/// Whether a postcode-like token starts at `i` (a window anchor,
/// `anchor.rs`): four or more digits at a word start after a space (a US
/// ZIP, an Australian postcode, a postcode after its town); five digits at
/// a word start followed by a space or `, ` (a postcode before its town,
/// `10115 Berlin`, `D-10115 Berlin`); or a capital at a word start with a
/// digit one or two bytes on (UK and Canadian postcodes, `SW1A 2AA`,
/// `M5V 3L9`).
pub fn postcode_at(hay: &[u8], i: usize) -> bool {
    let at = |k: usize| hay.get(k).copied().unwrap_or(0);
    let digit = |k: usize| at(k).is_ascii_digit();
    if !is_word(at(i)) || (i > 0 && is_word(hay[i - 1])) {
        return false;
    }
    if (0..4).all(|k| digit(i + k)) {
        (i > 0 && hay[i - 1] == b' ')
            || (digit(i + 4) && (at(i + 5) == b' ' || (at(i + 5) == b',' && at(i + 6) == b' ')))
    } else {
        at(i).is_ascii_uppercase() && (digit(i + 1) || digit(i + 2))
    }
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

/// Masks of one vector of bytes (16 or 32), one bit per byte.
#[derive(Debug, Clone, Copy, Default)]
struct Mk {
    alpha: u64,
    digit: u64,
    word: u64,
    high: u64,
    special: u64,
    dot: u64,
    colon: u64,
    hexc: u64,
    /// A space or hyphen (card groups).
    sep: u64,
    /// A space, a comma (postcodes).
    space: u64,
    comma: u64,
    /// An ASCII capital.
    upper: u64,
}

/// The pass, built once per engine.
#[derive(Debug, Clone)]
pub struct TriggerFinder {
    spec: TriggerSpec,
    special: Box<[bool; 256]>,
    vector: bool,
    /// AVX2 is there (checked once): 32 bytes per step instead of 16.
    avx2: bool,
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
        #[cfg(target_arch = "x86_64")]
        let avx2 = std::arch::is_x86_feature_detected!("avx2");
        #[cfg(not(target_arch = "x86_64"))]
        let avx2 = false;
        TriggerFinder {
            spec,
            special,
            vector,
            avx2,
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
            && (2..=4).any(|d| hay.get(i + d) == Some(&b'.'))
        {
            return true;
        }
        self.spec.ipv6 && b == b':' && prev.is_some_and(is_hexc) && next.is_some_and(is_hexc)
    }

    /// Fill `marks` for `hay` and call `f` with the trigger positions, a
    /// block at a time, in increasing order.
    pub fn for_each_block(&self, hay: &[u8], marks: &mut Marks, mut f: impl FnMut(&[usize])) {
        marks.reset(hay.len());
        let mut buf = vec![0usize; BLOCK_MAX];
        let mut from = 0;
        let mut n = 0;
        #[cfg(target_arch = "x86_64")]
        if self.vector {
            (from, n) = if self.avx2 {
                // SAFETY: AVX2 was detected at run time.
                unsafe { self.loop_avx2(hay, marks, &mut buf, &mut f) }
            } else {
                // SAFETY: SSE2 is part of the x86_64 baseline.
                unsafe { self.vector_loop::<simd::Sse2>(hay, marks, &mut buf, &mut f) }
            };
        }
        // the rest (the last bytes, or everything), byte by byte
        for i in from..hay.len() {
            let b = hay[i];
            if is_word(b) && (i == 0 || !is_word(hay[i - 1])) {
                marks.ws[i >> 6] |= 1 << (i & 63);
                if b.is_ascii_digit() {
                    marks.ds[i >> 6] |= 1 << (i & 63);
                    if hay
                        .get(i..i + 4)
                        .is_some_and(|w| w.iter().all(u8::is_ascii_digit))
                    {
                        marks.d4[i >> 6] |= 1 << (i & 63);
                    }
                }
                if b.is_ascii_uppercase() {
                    marks.up[i >> 6] |= 1 << (i & 63);
                }
            }
            if b >= 0x80 {
                marks.hi[i >> 6] |= 1 << (i & 63);
            }
            if self.spec.postcode && postcode_at(hay, i) {
                marks.pc[i >> 6] |= 1 << (i & 63);
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

    /// The masks of the vector at `p`.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn masks<S: simd::Lanes>(&self, p: *const u8, c: &Consts<S>) -> Mk {
        // (v - lo) < len, unsigned, by the signed compare of v - lo - 128
        let in_range = |v: S, r: (S, S)| v.add(r.0).lt(r.1);
        let v = S::load(p);
        let lower = v.or(c.case);
        let alpha = in_range(lower, c.alpha);
        let digit = in_range(v, c.digit);
        let word = alpha.or(digit).or(v.eq(c.under));
        let upper = in_range(v, c.upper);
        let mut sp = S::splat(0).eq(S::splat(1));
        for s in c.special.iter().take(c.n_special) {
            sp = sp.or(v.eq(*s));
        }
        let mut m = Mk {
            alpha: alpha.mask(),
            digit: digit.mask(),
            word: word.mask(),
            high: v.mask(),
            special: sp.mask(),
            upper: upper.mask(),
            ..Mk::default()
        };
        if self.spec.ipv4 {
            m.dot = v.eq(c.dot).mask();
        }
        if self.spec.card || self.spec.postcode {
            let space = v.eq(c.space);
            m.sep = space.or(v.eq(c.hyphen)).mask();
            m.space = space.mask();
            m.comma = v.eq(c.comma).mask();
        }
        if self.spec.ipv6 {
            let colon = v.eq(c.colon);
            m.colon = colon.mask();
            m.hexc = digit.or(in_range(lower, c.hex)).or(colon).mask();
        }
        m
    }

    /// `vector_loop` compiled with AVX2.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2")]
    unsafe fn loop_avx2(
        &self,
        hay: &[u8],
        marks: &mut Marks,
        buf: &mut [usize],
        f: &mut impl FnMut(&[usize]),
    ) -> (usize, usize) {
        self.vector_loop::<simd::Avx2>(hay, marks, buf, f)
    }

    /// The vector loop, a vector (`S::W` bytes) at a time, each finished
    /// with the masks of the vectors before and after it in registers;
    /// returns where the scalar code takes over and how many positions are
    /// pending in `buf`.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn vector_loop<S: simd::Lanes>(
        &self,
        hay: &[u8],
        marks: &mut Marks,
        buf: &mut [usize],
        f: &mut impl FnMut(&[usize]),
    ) -> (usize, usize) {
        let (w, wu) = (S::W, S::W as usize);
        let len = hay.len();
        if len < 2 * wu {
            return (0, 0);
        }
        let set = |b: u8| S::splat(b);
        let range = |lo: u8, n: u8| (set(0x80u8.wrapping_sub(lo)), set((128 + n as i32) as u8));
        let mut c = Consts {
            case: set(0x20),
            alpha: range(b'a', 26),
            upper: range(b'A', 26),
            digit: range(b'0', 10),
            hex: range(b'a', 6),
            under: set(b'_'),
            colon: set(b':'),
            dot: set(b'.'),
            space: set(b' '),
            comma: set(b','),
            hyphen: set(b'-'),
            special: [set(0); MAX_SPECIALS],
            n_special: self.spec.specials.len(),
        };
        for (k, &b) in self.spec.specials.iter().enumerate() {
            c.special[k] = set(b);
        }
        let (digit_starts, card) = (self.spec.digit_starts, self.spec.card);
        let (ipv4, ipv6, postcode) = (self.spec.ipv4, self.spec.ipv6, self.spec.postcode);
        let full = (1u64 << w) - 1;
        let mut prev = Mk::default();
        let mut cur = self.masks(hay.as_ptr(), &c);
        let mut k = 0usize;
        let mut i = 0usize;
        while i + 2 * wu <= len {
            let next = self.masks(hay.as_ptr().add(i + wu), &c);
            // bit j: the byte before / `d` bytes after byte j
            let before = |x: u64, px: u64| (x << 1 | px >> (w - 1)) & full;
            let after = |x: u64, nx: u64, d: u32| ((x | nx << w) >> d) & full;
            let an = cur.alpha | cur.digit;
            let run_start = !before(an, prev.alpha | prev.digit);
            let mut out =
                (cur.alpha & run_start) | (cur.high & !before(cur.high, prev.high)) | cur.special;
            if digit_starts {
                out |= cur.digit & run_start;
            } else if card {
                // 13 digits, or 4 + a separator + 4 (`Prefilter::Card`);
                // bit j + 12 stays inside the two vectors in view
                let d = cur.digit | next.digit << w;
                let four = d & d >> 1 & d >> 2 & d >> 3;
                let sep = (cur.sep | next.sep << w) >> 4;
                let shape = four & ((four >> 4 & four >> 8 & d >> 12) | (sep & four >> 5));
                out |= cur.digit & run_start & shape & full;
            }
            if ipv4 {
                // and another `.` 2 to 4 bytes on (`Prefilter::Ipv4`)
                let dot_on = after(cur.dot, next.dot, 2)
                    | after(cur.dot, next.dot, 3)
                    | after(cur.dot, next.dot, 4);
                out |= cur.dot
                    & before(cur.digit, prev.digit)
                    & after(cur.digit, next.digit, 1)
                    & dot_on;
            }
            if ipv6 {
                out |= cur.colon & before(cur.hexc, prev.hexc) & after(cur.hexc, next.hexc, 1);
            }
            let sh = i & 63;
            let ws = cur.word & !before(cur.word, prev.word);
            marks.ws[i >> 6] |= ws << sh;
            marks.ds[i >> 6] |= (ws & cur.digit) << sh;
            let four = cur.digit
                & after(cur.digit, next.digit, 1)
                & after(cur.digit, next.digit, 2)
                & after(cur.digit, next.digit, 3);
            marks.d4[i >> 6] |= (ws & four) << sh;
            marks.up[i >> 6] |= (ws & cur.upper) << sh;
            if postcode {
                // `postcode_at`: bits j + 6 stay inside the vectors in view
                let d4 = ws & four;
                let space = |d| after(cur.space, next.space, d);
                let comma5 = after(cur.comma, next.comma, 5);
                let pc = (d4 & before(cur.space, prev.space))
                    | (d4 & after(cur.digit, next.digit, 4) & (space(5) | (comma5 & space(6))))
                    | (ws
                        & cur.upper
                        & (after(cur.digit, next.digit, 1) | after(cur.digit, next.digit, 2)));
                marks.pc[i >> 6] |= pc << sh;
            }
            marks.hi[i >> 6] |= cur.high << sh;
            // The positions of the set bits, eight at a time with no branch
            // per bit (a loop per bit mispredicts its exit at nearly every
            // step); slots past the count are overwritten later.
            let mut bits = out & full;
            let n = bits.count_ones() as usize;
            let mut j = 0;
            while j < n {
                for q in 0..8 {
                    // SAFETY: `k < BLOCK` before this step and at most 32
                    // bits are set, so `j + q < 32`: `k + j + q < BLOCK_MAX`.
                    *buf.get_unchecked_mut(k + j + q) = i + bits.trailing_zeros() as usize;
                    bits &= bits.wrapping_sub(1);
                }
                j += 8;
            }
            k += n;
            if k >= BLOCK {
                f(&buf[..k]);
                k = 0;
            }
            prev = cur;
            cur = next;
            i += wu;
        }
        (i, k)
    }
}

/// Broadcast constants of the vector loop.
#[cfg(target_arch = "x86_64")]
struct Consts<S> {
    case: S,
    alpha: (S, S),
    upper: (S, S),
    digit: (S, S),
    hex: (S, S),
    under: S,
    colon: S,
    dot: S,
    space: S,
    comma: S,
    hyphen: S,
    special: [S; MAX_SPECIALS],
    n_special: usize,
}

/// The few vector operations the loop needs, for SSE2 (16 bytes, the
/// x86_64 baseline) and AVX2 (32 bytes, detected at run time).
#[cfg(target_arch = "x86_64")]
mod simd;

#[cfg(test)]
mod tests;
