//! A branch-free first look at the positions `triggers.rs` finds: could a
//! keyword or literal start here, or is it a prefilter byte? Two stages,
//! no branch per position: two loads, of tables of the strings' first two
//! (short strings) and hashed first three bytes (`lead`), then for the ones
//! that pass, a handful of table loads on four bytes (`pass`); the tries
//! and prefilters then look closely at the few left (measured on 16 MiB of
//! generated text with every detector: 3.0 million positions, 0.9 million
//! after `lead`, 0.34 million after `pass`; with the first two bytes alone
//! `lead` kept 1.8 million, and the engine ran at 280 instead of 300 MiB/s).
//!
//! Why by hand: this is a Bloom-style filter specialised to the tries'
//! strings and to keyword gating; no crate offers it.

use super::trie::PrefixTrie;

/// A branch-free first look at a trigger position, from its first four
/// bytes: could a keyword or literal of the tries start here, or is it a
/// prefilter byte? Hashed bit tables of the strings' first four bytes,
/// each byte `| 0x20` (coarser than case folding and never stricter, for
/// exact tries too: one table instead of two) and one table of tagged
/// shorter strings. Strings of one to three bytes that end in a word byte
/// must not be followed by a letter or non-ASCII byte, as keywords are
/// gated. A one-byte string sets every second byte of the two-byte table.
#[derive(Debug, Clone)]
pub struct QuickFilter {
    fold4: Box<[u64; 1 << (FOLD4_BITS - 6)]>,
    /// Three-byte strings, tagged (gated or not).
    short: Box<[u64; 1 << (SHORT_BITS - 6)]>,
    /// Two-byte strings, by their two bytes (no hashing): any next byte,
    /// gated, and exact ones that two digits must follow (`DE` + an
    /// IBAN's check digits).
    two: Box<[u64; 1024]>,
    two_gated: Box<[u64; 1024]>,
    two_digits: Box<[u64; 1024]>,
    /// First two bytes of strings of one or two bytes and of prefilter
    /// bytes (each `| 0x20`; any second byte for one-byte strings and
    /// prefilter bytes): with `lead3`, the two-load first stage.
    lead: Box<[u64; 1024]>,
    /// Hashed first three bytes (each `| 0x20`) of strings of three bytes or
    /// more: with `lead`, the first stage.
    lead3: Box<[u64; 1 << (LEAD3_BITS - 6)]>,
    /// Which tags of `short` are in use (bit per tag).
    tags: u8,
    pre: Box<[u8; 256]>,
}

const FOLD4_BITS: u32 = 16;
const SHORT_BITS: u32 = 15;
const LEAD3_BITS: u32 = 16;

/// Tags of `QuickFilter::short`: gated or not.
const F3: u32 = 1;
const F3_GATED: u32 = 2;

#[inline(always)]
fn h(x: u32, bits: u32) -> usize {
    (x.wrapping_mul(0x9E37_79B1) >> (32 - bits)) as usize
}

#[inline(always)]
fn bit(t: &[u64], i: usize) -> bool {
    t[i >> 6] & (1 << (i & 63)) != 0
}

fn set(t: &mut [u64], i: usize) {
    t[i >> 6] |= 1 << (i & 63);
}

/// The first three bytes of `x`, each `| 0x20`, as a hash key.
#[inline(always)]
fn three(x: u32) -> u32 {
    (x | 0x20_2020) & 0xFF_FFFF
}

/// The index of a two-byte table for the first two bytes of `x`.
#[inline(always)]
fn two(x: u32) -> usize {
    (x & 0xFFFF) as usize
}

impl QuickFilter {
    /// A filter for the strings of `tries` and the prefilter bytes `pre`
    /// (any nonzero entry passes its byte). `digits_after` says of an
    /// exact two-byte string whether two digits always follow it.
    pub fn new(
        tries: &[&PrefixTrie],
        pre: &[u8; 256],
        digits_after: impl Fn(&[u8]) -> bool,
    ) -> QuickFilter {
        let mut q = QuickFilter {
            fold4: Box::new([0; 1 << (FOLD4_BITS - 6)]),
            short: Box::new([0; 1 << (SHORT_BITS - 6)]),
            two: Box::new([0; 1024]),
            two_gated: Box::new([0; 1024]),
            two_digits: Box::new([0; 1024]),
            lead: Box::new([0; 1024]),
            lead3: Box::new([0; 1 << (LEAD3_BITS - 6)]),
            tags: 0,
            pre: Box::new(*pre),
        };
        for b0 in 0..=255u32 {
            if pre[b0 as usize] != 0 {
                for b1 in 0..=255u32 {
                    set(&mut q.lead[..], two((b0 | b1 << 8) | 0x2020));
                }
            }
        }
        for t in tries {
            let (strings, fold, gate) = t.strings();
            let m = if fold { 0x20 } else { 0 };
            for s in strings {
                let x = s
                    .iter()
                    .take(4)
                    .enumerate()
                    .fold(0u32, |x, (i, &b)| x | ((b | m) as u32) << (8 * i));
                match s.len() {
                    1 => {
                        (0..=255u32).for_each(|b1| set(&mut q.lead[..], two(x | b1 << 8 | 0x2020)))
                    }
                    2 => set(&mut q.lead[..], two(x | 0x2020)),
                    _ => set(&mut q.lead3[..], h(three(x), LEAD3_BITS)),
                }
                let last = s[s.len() - 1];
                let gated = gate && (last.is_ascii_alphanumeric() || last >= 0x80);
                let tag = |q: &mut QuickFilter, tag: u32| {
                    q.tags |= 1 << tag;
                    set(&mut q.short[..], h(three(x) | tag << 24, SHORT_BITS));
                };
                // exact strings go into the folded tables too (`| 0x20`
                // per byte on both sides: a superset, and fewer loads per
                // position); only `two_digits` stays exact
                let c = x | 0x2020_2020;
                match (s.len(), fold) {
                    (1, _) => {
                        for b1 in 0..=255u32 {
                            set(&mut q.two[..], two(c | b1 << 8));
                        }
                    }
                    (2, true) if gated => set(&mut q.two_gated[..], two(x)),
                    (2, false) if digits_after(s) => set(&mut q.two_digits[..], two(x)),
                    (2, _) => set(&mut q.two[..], two(c)),
                    (3, true) if gated => tag(&mut q, F3_GATED),
                    (3, _) => tag(&mut q, F3),
                    (_, _) => set(&mut q.fold4[..], h(c, FOLD4_BITS)),
                }
            }
        }
        q
    }

    /// The first stage: whether some string or prefilter byte can start
    /// with the first two or three bytes of `x` (two loads).
    #[inline(always)]
    pub fn lead(&self, x: u32) -> bool {
        bit(&self.lead[..], two(x | 0x2020)) | bit(&self.lead3[..], h(three(x), LEAD3_BITS))
    }

    /// Whether the position whose next four bytes are `x` (little-endian)
    /// needs a closer look. `|`/`&` on bools: no branches but the ones on
    /// which tags exist, the same for every position.
    #[inline(always)]
    pub fn pass(&self, x: u32) -> bool {
        let c = x | 0x2020_2020;
        // a letter or non-ASCII byte, which a gated string may not precede
        let letter = |b: u32| ((b | 0x20).wrapping_sub(b'a' as u32) < 26) | (b >= 0x80);
        let digit = |b: u32| b.wrapping_sub(b'0' as u32) < 10;
        let short = |tag: u32, key: u32| bit(&self.short[..], h(key | tag << 24, SHORT_BITS));
        let on = |tag: u32| self.tags & (1 << tag) != 0;
        let (b2, b3) = ((x >> 16) & 0xFF, x >> 24);
        let mut r = bit(&self.fold4[..], h(c, FOLD4_BITS))
            | bit(&self.two[..], two(c))
            | (bit(&self.two_gated[..], two(c)) & !letter(b2))
            | (bit(&self.two_digits[..], two(x)) & digit(b2) & digit(b3))
            | (self.pre[(x & 0xFF) as usize] != 0);
        if on(F3) {
            r |= short(F3, three(x));
        }
        if on(F3_GATED) {
            r |= short(F3_GATED, three(x)) & !letter(b3);
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quick_filter_never_rejects_a_trie_start() {
        let words: [(&[u8], u32); 7] = [
            (b"card", 0),
            (b"card number", 1),
            (b"ca", 2),
            (b"x", 3),
            (b"DOB", 4),
            (b"dl#", 5),
            (b"\"ein\"", 6),
        ];
        let lits: [(&[u8], u32); 4] = [(b"AKIA", 0), (b"DE", 1), (b"----", 2), (b"GB", 3)];
        let kw = PrefixTrie::new(words, true).with_boundary_after();
        let lit = PrefixTrie::new(lits, false);
        let q = QuickFilter::new(&[&kw, &lit], &[0; 256], |s| s == b"DE");
        let alphabet = b"cardCARDnumbexyDOBol #:\"eiAKIDEGB-01\xc3";
        let mut x = 0x2545_F491_4F6C_DD1Du64;
        let mut passed = 0;
        for _ in 0..50_000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let hay: Vec<u8> = (0..6)
                .map(|k| alphabet[(x >> (6 * k)) as usize % alphabet.len()])
                .collect();
            let w = u32::from_le_bytes([hay[0], hay[1], hay[2], hay[3]]);
            // what the scanner would find here: a keyword that ends where
            // its gate allows (`KeywordSet::hits_at`), or a literal
            let mut hit = false;
            kw.walk(&hay, 0, |end, _| {
                let last = hay[end - 1];
                let gated = last.is_ascii_alphanumeric() || last >= 0x80;
                hit |= !gated
                    || hay
                        .get(end)
                        .is_none_or(|b| !(b.is_ascii_alphabetic() || *b >= 0x80));
            });
            // `DE` counts only before two digits (the caller's promise)
            lit.walk(&hay, 0, |end, v| {
                hit |= v != 1 || hay[end..end + 2].iter().all(u8::is_ascii_digit)
            });
            if hit {
                assert!(q.lead(w), "{:?}", String::from_utf8_lossy(&hay));
                assert!(q.pass(w), "{:?}", String::from_utf8_lossy(&hay));
            }
            passed += q.pass(w) as usize;
        }
        assert!(passed < 50_000 / 2, "the filter passes too much: {passed}");
        assert!(!q.pass(u32::from_le_bytes(*b"then")));
        assert!(q.pass(u32::from_le_bytes(*b"Card")));
        assert!(q.pass(u32::from_le_bytes(*b"dob:")));
        assert!(!q.pass(u32::from_le_bytes(*b"dobs")));
        assert!(q.pass(u32::from_le_bytes(*b"DE89")));
        assert!(!q.pass(u32::from_le_bytes(*b"DEAR")));
        assert!(q.pass(u32::from_le_bytes(*b"GB-x")));
    }
}
