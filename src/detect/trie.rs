//! A prefix trie for anchored multi-literal matching: which of many strings
//! start at a given position. Used for keywords (ASCII case folded) and for
//! the literal prefixes of credential patterns (exact).
//!
//! In: strings with a value each. Out: for a position, every string that
//! starts there (shortest first).
//!
//! Why by hand: the candidate positions come from `triggers.rs` (word starts
//! and special bytes), so what is needed is an *anchored, overlapping* test
//! at scattered positions. `aho-corasick` is built for unanchored streams;
//! its anchored overlapping search works but pays a state machine set-up per
//! call and a DFA build (hundreds of milliseconds for the 7,000 literal
//! prefixes) at start. Hashed bit tables of the strings' first four (three,
//! two) bytes reject nearly every position with a load or three; the rest
//! walk a small trie. Measured alternative: the same filters in front of an
//! `aho-corasick` DFA built for anchored overlapping searches only — peak
//! RSS 105 MB instead of 51 MB and about 10 % slower on 64 MiB of generated
//! text with every detector, plus a longer start-up.

use std::collections::BTreeMap;

const NONE: u32 = u32::MAX;
/// Bits in the hashed filters: 2^15 (4 KiB each, so both tries' filters
/// stay in L1 cache); ~2 % false positives for the catalog's ~700 keyword
/// prefixes.
const FILTER_BITS: u32 = 15;
const FILTER_WORDS: usize = 1 << (FILTER_BITS - 6);

#[inline]
fn hash(x: u32) -> usize {
    (x.wrapping_mul(0x9E37_79B1) >> (32 - FILTER_BITS)) as usize
}

#[inline]
fn get(t: &[u64], i: usize) -> bool {
    t[i >> 6] & (1 << (i & 63)) != 0
}

fn set(t: &mut [u64], i: usize) {
    t[i >> 6] |= 1 << (i & 63);
}

#[derive(Debug, Clone, Default)]
struct Node {
    /// Children: (byte, node), sorted by byte.
    edges: Vec<(u8, u32)>,
    /// Values of strings ending here.
    values: Vec<u32>,
}

/// The trie.
#[derive(Debug, Clone)]
pub struct PrefixTrie {
    fold: bool,
    /// Filter: hashed first four bytes of strings of 4+ bytes (`| 0x20`
    /// per byte when folding: coarser than ASCII folding, never stricter).
    f4: Box<[u64]>,
    /// Filter: hashed first three bytes of strings of exactly 3 bytes.
    f3: Box<[u64]>,
    /// Exact: strings of exactly 2 bytes, bit `b0 << 8 | b1` (folded).
    f2: Box<[u64]>,
    has3: bool,
    has2: bool,
    /// Strings are keywords that end at a word boundary (`with_boundary_after`):
    /// a short one ending in a word byte cannot match before a letter, so its
    /// filter is not consulted there.
    gate: bool,
    /// Some string of 1 (2, 3) bytes ends in a non-word byte (never gated).
    open: [bool; 4],
    /// Strings of one byte, by (folded) byte.
    one_bits: Box<[bool; 256]>,
    /// Possible first bytes (both cases when folding): one load rejects
    /// positions no string can start at before any hashing.
    first: Box<[bool; 256]>,
    /// Strings of one byte: value lists by byte (rare).
    one: Vec<(u8, Vec<u32>)>,
    /// Node after the first two bytes, by `b0 << 8 | b1` (`NONE`: none); a
    /// dense table: one load, no hashing, on the hot path.
    after2: Vec<u32>,
    nodes: Vec<Node>,
    max_len: usize,
    /// The strings (folded when folding), for filters built elsewhere.
    strings: Vec<Vec<u8>>,
}

impl PrefixTrie {
    /// Build from (string, value) pairs; `fold` folds ASCII case.
    pub fn new<'a>(entries: impl IntoIterator<Item = (&'a [u8], u32)>, fold: bool) -> PrefixTrie {
        let f = |b: u8| if fold { b.to_ascii_lowercase() } else { b };
        let mut map: BTreeMap<Vec<u8>, Vec<u32>> = BTreeMap::new();
        for (s, v) in entries {
            if s.is_empty() {
                continue;
            }
            let e = map.entry(s.iter().map(|&b| f(b)).collect()).or_default();
            if !e.contains(&v) {
                e.push(v);
            }
        }
        let mut t = PrefixTrie {
            fold,
            f4: vec![0; FILTER_WORDS].into_boxed_slice(),
            f3: vec![0; FILTER_WORDS].into_boxed_slice(),
            f2: vec![0; 1024].into_boxed_slice(),
            has3: false,
            has2: false,
            gate: false,
            open: [false; 4],
            one_bits: Box::new([false; 256]),
            first: Box::new([false; 256]),
            one: Vec::new(),
            after2: Vec::new(),
            nodes: Vec::new(),
            max_len: 0,
            strings: Vec::new(),
        };
        for (s, vals) in map {
            t.strings.push(s.clone());
            t.max_len = t.max_len.max(s.len());
            let last = s[s.len() - 1];
            if s.len() < 4 && !(last.is_ascii_alphanumeric() || last >= 0x80) {
                t.open[s.len()] = true;
            }
            t.first[s[0] as usize] = true;
            if fold {
                t.first[s[0].to_ascii_uppercase() as usize] = true;
            }
            if s.len() == 1 {
                t.one_bits[s[0] as usize] = true;
                t.one.push((s[0], vals));
                continue;
            }
            let key = (s[0] as u16) << 8 | s[1] as u16;
            match s.len() {
                2 => {
                    t.has2 = true;
                    set(&mut t.f2, key as usize);
                }
                3 => {
                    t.has3 = true;
                    let x = u32::from_le_bytes([s[0], s[1], s[2], 0]) | t.case_mask(3);
                    set(&mut t.f3, hash(x));
                }
                _ => {
                    let x = u32::from_le_bytes([s[0], s[1], s[2], s[3]]) | t.case_mask(4);
                    set(&mut t.f4, hash(x));
                }
            }
            if t.after2.is_empty() {
                t.after2 = vec![NONE; 1 << 16];
            }
            let mut node = t.after2[key as usize];
            if node == NONE {
                node = t.nodes.len() as u32;
                t.after2[key as usize] = node;
                t.nodes.push(Node::default());
            }
            for &b in &s[2..] {
                let next = match t.nodes[node as usize]
                    .edges
                    .binary_search_by_key(&b, |e| e.0)
                {
                    Ok(k) => t.nodes[node as usize].edges[k].1,
                    Err(k) => {
                        let id = t.nodes.len() as u32;
                        t.nodes.push(Node::default());
                        t.nodes[node as usize].edges.insert(k, (b, id));
                        id
                    }
                };
                node = next;
            }
            t.nodes[node as usize].values.extend(vals);
        }
        t
    }

    /// The strings are keywords matched only when a word byte at their end
    /// is not followed by a letter or non-ASCII byte (`keywords.rs`).
    pub fn with_boundary_after(mut self) -> PrefixTrie {
        self.gate = true;
        self
    }

    /// Whether strings of `n` bytes (1–3) can end at `rest[n]`.
    #[inline(always)]
    fn can_end(&self, rest: &[u8], n: usize) -> bool {
        !self.gate
            || self.open[n]
            || rest
                .get(n)
                .is_none_or(|b| !(b.is_ascii_alphabetic() || *b >= 0x80))
    }

    /// The strings (ASCII-lowercased when folding), whether case is folded,
    /// and whether they are keywords gated at their end
    /// (`with_boundary_after`).
    pub fn strings(&self) -> (&[Vec<u8>], bool, bool) {
        (&self.strings, self.fold, self.gate)
    }

    /// No strings at all.
    pub fn is_empty(&self) -> bool {
        self.nodes.is_empty() && self.one.is_empty()
    }

    /// Length of the longest string.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    #[inline]
    fn f(&self, b: u8) -> u8 {
        if self.fold {
            b.to_ascii_lowercase()
        } else {
            b
        }
    }

    fn case_mask(&self, n: usize) -> u32 {
        if self.fold {
            0x2020_2020 >> (8 * (4 - n))
        } else {
            0
        }
    }

    /// Whether some string may start at `at` (false positives possible, no
    /// false negatives); `walk` does the full test.
    #[inline(always)]
    pub fn may_start(&self, hay: &[u8], at: usize) -> bool {
        let rest = &hay[at..];
        if rest.is_empty() || !self.first[rest[0] as usize] {
            return false;
        }
        if rest.len() >= 4 {
            let x = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
            if get(&self.f4, hash(x | self.case_mask(4))) {
                return true;
            }
            if self.has3
                && self.can_end(rest, 3)
                && get(&self.f3, hash((x & 0xFF_FFFF) | self.case_mask(3)))
            {
                return true;
            }
        } else if self.has3 && rest.len() == 3 {
            let x = u32::from_le_bytes([rest[0], rest[1], rest[2], 0]);
            if get(&self.f3, hash(x | self.case_mask(3))) {
                return true;
            }
        }
        if self.has2 && rest.len() >= 2 && self.can_end(rest, 2) {
            let i = (self.f(rest[0]) as usize) << 8 | self.f(rest[1]) as usize;
            if get(&self.f2, i) {
                return true;
            }
        }
        self.one_bits[self.f(rest[0]) as usize] && self.can_end(rest, 1)
    }

    /// Call `f(end, value)` for every string that starts at `at`, shortest
    /// first.
    #[inline]
    pub fn walk(&self, hay: &[u8], at: usize, mut f: impl FnMut(usize, u32)) {
        if !self.one.is_empty() {
            if let Some(&b) = hay.get(at) {
                let b = self.f(b);
                for (c, vals) in &self.one {
                    if *c == b {
                        vals.iter().for_each(|&v| f(at + 1, v));
                    }
                }
            }
        }
        if at + 1 >= hay.len() || self.after2.is_empty() {
            return;
        }
        let key = (self.f(hay[at]) as u16) << 8 | self.f(hay[at + 1]) as u16;
        let mut node = self.after2[key as usize];
        if node == NONE {
            return;
        }
        let mut i = at + 2;
        loop {
            let n = &self.nodes[node as usize];
            for &v in &n.values {
                f(i, v);
            }
            let Some(&b) = hay.get(i) else { return };
            let b = self.f(b);
            let e = &n.edges;
            let next = if e.len() <= 8 {
                e.iter().find(|x| x.0 == b).map(|x| x.1)
            } else {
                e.binary_search_by_key(&b, |x| x.0).ok().map(|k| e[k].1)
            };
            match next {
                Some(nx) => node = nx,
                None => return,
            }
            i += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(t: &PrefixTrie, hay: &[u8], at: usize) -> Vec<(usize, u32)> {
        let mut v = Vec::new();
        t.walk(hay, at, |e, x| v.push((e, x)));
        v
    }

    #[test]
    fn folded_and_exact() {
        let words: [(&[u8], u32); 5] = [
            (b"card", 0),
            (b"card number", 1),
            (b"ca", 2),
            (b"x", 3),
            (b"DOB", 4),
        ];
        let t = PrefixTrie::new(words, true);
        assert_eq!(all(&t, b"Card Number: 4", 0), vec![(2, 2), (4, 0), (11, 1)]);
        assert_eq!(all(&t, b"dob", 0), vec![(3, 4)]);
        assert_eq!(all(&t, b"xy", 0), vec![(1, 3)]);
        assert!(all(&t, b"c", 0).is_empty());
        for (hay, yes) in [
            (&b"Card Number"[..], true),
            (b"CA", true),
            (b"DoB:", true),
            (b"x", true),
            (b"dot", false),
            (b"zzzz", false),
        ] {
            assert_eq!(t.may_start(hay, 0), yes, "{:?}", std::str::from_utf8(hay));
        }
        let t = PrefixTrie::new(words, false);
        assert_eq!(all(&t, b"Card", 0), vec![]);
        assert_eq!(all(&t, b"DOB", 0), vec![(3, 4)]);
        assert_eq!(all(&t, b"dob", 0), vec![]);
    }
}
