//! The one pass over every byte: positions where a keyword, a literal prefix
//! or a structural trigger (an `@`, a dotted number, ...) can start.
//!
//! In: a buffer and the set of "special" bytes (first bytes of keywords and
//! literals that are not letters or digits, and trigger bytes). Out: in
//! order, every position that is
//! - the start of a run of ASCII letters/digits (a word start: the byte
//!   before is not a letter or digit),
//! - the start of a run of non-ASCII bytes (keywords in other scripts), or
//! - a special byte.
//!
//! Why by hand: keywords and most literal prefixes may only start at a word
//! boundary, so looking only at word starts cuts the positions an automaton
//! has to consider by five to ten times on prose, logs and CSV. No crate
//! finds word starts with SIMD; this does 16 bytes at a time with SSE2
//! (baseline on x86_64) and has a scalar path for other targets and for
//! special sets too large for the vector loop. Both are tested to agree.

/// Most special bytes the vector loop compares against (one compare each).
const MAX_VECTOR_SPECIALS: usize = 12;

/// Finds candidate start positions.
#[derive(Debug, Clone)]
pub struct StartFinder {
    special: Box<[bool; 256]>,
    special_bytes: Vec<u8>,
}

#[inline]
fn is_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

impl StartFinder {
    /// A finder for these special bytes (letters, digits and non-ASCII bytes
    /// are ignored: word starts already cover them).
    pub fn new(specials: impl IntoIterator<Item = u8>) -> StartFinder {
        let mut special = Box::new([false; 256]);
        for b in specials {
            if !is_alnum(b) && b < 0x80 {
                special[b as usize] = true;
            }
        }
        let special_bytes = (0..=255u8).filter(|&b| special[b as usize]).collect();
        StartFinder {
            special,
            special_bytes,
        }
    }

    /// Whether `b` is one of the special bytes.
    #[inline]
    pub fn is_special(&self, b: u8) -> bool {
        self.special[b as usize]
    }

    /// Call `f` with every candidate position of `hay`, in increasing order.
    #[inline]
    pub fn for_each(&self, hay: &[u8], f: impl FnMut(usize)) {
        #[cfg(target_arch = "x86_64")]
        {
            if self.special_bytes.len() <= MAX_VECTOR_SPECIALS {
                // SAFETY: SSE2 is part of the x86_64 baseline.
                unsafe { self.for_each_sse2(hay, f) };
                return;
            }
        }
        self.for_each_scalar(hay, 0, f)
    }

    /// The reference implementation (and the tail of the vector loop).
    pub fn for_each_scalar(&self, hay: &[u8], from: usize, mut f: impl FnMut(usize)) {
        let mut prev_a = from > 0 && is_alnum(hay[from - 1]);
        let mut prev_h = from > 0 && hay[from - 1] >= 0x80;
        for (i, &b) in hay.iter().enumerate().skip(from) {
            let a = is_alnum(b);
            let h = b >= 0x80;
            if (a && !prev_a) || (h && !prev_h) || self.special[b as usize] {
                f(i);
            }
            prev_a = a;
            prev_h = h;
        }
    }

    // No `#[target_feature]`: SSE2 is part of the x86_64 baseline, and
    // without the attribute the caller's closure inlines into the loop.
    #[cfg(target_arch = "x86_64")]
    #[inline(always)]
    unsafe fn for_each_sse2(&self, hay: &[u8], mut f: impl FnMut(usize)) {
        use std::arch::x86_64::*;
        let n = hay.len();
        let mut i = 0usize;
        // Bit 15 of the previous block's masks: whether the byte before this
        // block was a letter/digit or non-ASCII.
        let mut carry_a = 0u32;
        let mut carry_h = 0u32;
        let alpha_off = _mm_set1_epi8((0x80u8.wrapping_sub(b'a')) as i8);
        let alpha_lim = _mm_set1_epi8((-128i32 + 26) as i8);
        let digit_off = _mm_set1_epi8((0x80u8.wrapping_sub(b'0')) as i8);
        let digit_lim = _mm_set1_epi8((-128i32 + 10) as i8);
        let case = _mm_set1_epi8(0x20);
        let mut spec = [_mm_setzero_si128(); MAX_VECTOR_SPECIALS];
        let ns = self.special_bytes.len();
        for (k, &b) in self.special_bytes.iter().enumerate() {
            spec[k] = _mm_set1_epi8(b as i8);
        }
        while i + 16 <= n {
            let v = _mm_loadu_si128(hay.as_ptr().add(i) as *const __m128i);
            let lower = _mm_or_si128(v, case);
            let alpha = _mm_cmplt_epi8(_mm_add_epi8(lower, alpha_off), alpha_lim);
            let digit = _mm_cmplt_epi8(_mm_add_epi8(v, digit_off), digit_lim);
            let ma = _mm_movemask_epi8(_mm_or_si128(alpha, digit)) as u32;
            let mh = _mm_movemask_epi8(v) as u32;
            let mut ms = 0u32;
            for s in spec.iter().take(ns) {
                ms |= _mm_movemask_epi8(_mm_cmpeq_epi8(v, *s)) as u32;
            }
            let starts_a = ma & !((ma << 1) | carry_a);
            let starts_h = mh & !((mh << 1) | carry_h);
            let mut bits = (starts_a | starts_h | ms) & 0xFFFF;
            while bits != 0 {
                let t = bits.trailing_zeros() as usize;
                f(i + t);
                bits &= bits - 1;
            }
            carry_a = (ma >> 15) & 1;
            carry_h = (mh >> 15) & 1;
            i += 16;
        }
        if i < n {
            self.for_each_scalar(hay, i, f);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(f: &StartFinder, hay: &[u8], vector: bool) -> Vec<usize> {
        let mut v = Vec::new();
        if vector {
            f.for_each(hay, |i| v.push(i));
        } else {
            f.for_each_scalar(hay, 0, |i| v.push(i));
        }
        v
    }

    #[test]
    fn word_starts_and_specials() {
        let f = StartFinder::new(*b"@-");
        let hay = "ab cd-ef@x ÿé9 __z".as_bytes();
        let got = collect(&f, hay, true);
        // a(0) c(3) -(5) e(6) @(8) x(9) ÿ(11) 9(15) z(19)
        assert_eq!(got, vec![0, 3, 5, 6, 8, 9, 11, 15, 19]);
    }

    #[test]
    fn vector_and_scalar_agree() {
        let mut x = 0x1234_5678_9abc_def0u64;
        for len in [0usize, 1, 15, 16, 17, 31, 32, 33, 100, 1000, 4099] {
            for specials in [&b"@.:"[..], &b"-%;+\"\\@.:"[..], &b""[..]] {
                let f = StartFinder::new(specials.iter().copied());
                let hay: Vec<u8> = (0..len)
                    .map(|_| {
                        x ^= x << 13;
                        x ^= x >> 7;
                        x ^= x << 17;
                        // mostly text-like bytes, some high bytes
                        let r = (x % 100) as u8;
                        match r {
                            0..=40 => b'a' + (x >> 8) as u8 % 26,
                            41..=55 => b'0' + (x >> 8) as u8 % 10,
                            56..=70 => b' ',
                            71..=90 => b"@.:-_\"\\;+%/="[(x >> 8) as usize % 12],
                            _ => 0x80 | (x >> 8) as u8,
                        }
                    })
                    .collect();
                assert_eq!(
                    collect(&f, &hay, true),
                    collect(&f, &hay, false),
                    "len {len}"
                );
            }
        }
    }
}
