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

/// A node while the trie is built.
#[derive(Debug, Clone, Default)]
struct Node {
    /// Children: (byte, node), sorted by byte.
    edges: Vec<(u8, u32)>,
    /// Values of strings ending here.
    values: Vec<u32>,
}

/// A node of the built trie, path-compressed: up to eight bytes that must
/// follow the edge into it (`chain`: a run of build nodes with one child
/// and no values), compared with one load; its edges and values are ranges
/// of shared arrays, nodes numbered breadth first. A walk is a chain of
/// dependent loads, so fewer, compact nodes are what makes it fast.
#[derive(Debug, Clone, Copy)]
struct Flat {
    chain: u64,
    edges: u32,
    values: u32,
    n_edges: u16,
    n_values: u16,
    chain_len: u8,
}

/// `x` with ASCII capitals lowered, eight bytes at a time.
#[inline(always)]
fn lower8(x: u64) -> u64 {
    const LOW7: u64 = 0x7F7F_7F7F_7F7F_7F7F;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let l = x & LOW7;
    // high bit of each byte: >= 'A', then > 'Z' (no carries: l < 0x80)
    let ge_a = l + 0x3F3F_3F3F_3F3F_3F3F;
    let gt_z = l + 0x2525_2525_2525_2525;
    let upper = ge_a & !gt_z & !x & HIGH;
    x | upper >> 2
}

/// No row or column in `after2`'s index tables.
const NO_ROW: u16 = u16::MAX;

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
    /// Node after the first two bytes (`NONE`: none), at
    /// `row[b0] + col[b1]`: rows only for bytes some string starts with,
    /// columns only for second bytes, so the table stays a few KiB.
    after2: Vec<u32>,
    row: Box<[u16; 256]>,
    col: Box<[u16; 256]>,
    nodes: Vec<Flat>,
    edge_byte: Vec<u8>,
    edge_to: Vec<u32>,
    values: Vec<u32>,
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
            row: Box::new([NO_ROW; 256]),
            col: Box::new([NO_ROW; 256]),
            nodes: Vec::new(),
            edge_byte: Vec::new(),
            edge_to: Vec::new(),
            values: Vec::new(),
            max_len: 0,
            strings: Vec::new(),
        };
        let mut after2 = vec![NONE; 1 << 16];
        let mut nodes: Vec<Node> = Vec::new();
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
            let mut node = after2[key as usize];
            if node == NONE {
                node = nodes.len() as u32;
                after2[key as usize] = node;
                nodes.push(Node::default());
            }
            for &b in &s[2..] {
                let next = match nodes[node as usize].edges.binary_search_by_key(&b, |e| e.0) {
                    Ok(k) => nodes[node as usize].edges[k].1,
                    Err(k) => {
                        let id = nodes.len() as u32;
                        nodes.push(Node::default());
                        nodes[node as usize].edges.insert(k, (b, id));
                        id
                    }
                };
                node = next;
            }
            nodes[node as usize].values.extend(vals);
        }
        t.flatten(&after2, &nodes);
        t
    }

    /// Number the built nodes breadth first into the flat arrays, and
    /// compact `after2` into rows and columns of the bytes in use.
    fn flatten(&mut self, after2: &[u32], nodes: &[Node]) {
        if nodes.is_empty() {
            return;
        }
        // A flat node starts at a build node entered by an edge (or after
        // two bytes) and runs down single-child, value-less nodes for up
        // to eight bytes; `end` is the build node whose edges and values
        // it takes.
        let run = |start: u32| {
            let (mut chain, mut len, mut at) = (0u64, 0u8, start);
            loop {
                let n = &nodes[at as usize];
                if len == 8 || !n.values.is_empty() || n.edges.len() != 1 {
                    return (chain, len, at);
                }
                chain |= (n.edges[0].0 as u64) << (8 * len);
                len += 1;
                at = n.edges[0].1;
            }
        };
        let mut new_id = vec![NONE; nodes.len()];
        let mut order: Vec<u32> = Vec::with_capacity(nodes.len());
        for &n in after2.iter().filter(|&&n| n != NONE) {
            new_id[n as usize] = order.len() as u32;
            order.push(n);
        }
        // breadth first: each flat node's run, its children numbered next
        let mut runs = Vec::with_capacity(order.len());
        while runs.len() < order.len() {
            let r = run(order[runs.len()]);
            for &(_, c) in &nodes[r.2 as usize].edges {
                new_id[c as usize] = order.len() as u32;
                order.push(c);
            }
            runs.push(r);
        }
        for &(chain, chain_len, end) in &runs {
            let n = &nodes[end as usize];
            self.nodes.push(Flat {
                chain,
                edges: self.edge_byte.len() as u32,
                values: self.values.len() as u32,
                n_edges: n.edges.len() as u16,
                n_values: n.values.len() as u16,
                chain_len,
            });
            for &(b, c) in &n.edges {
                self.edge_byte.push(b);
                self.edge_to.push(new_id[c as usize]);
            }
            self.values.extend(&n.values);
        }
        let (mut rows, mut cols) = (0u16, 0u16);
        for (key, &n) in after2.iter().enumerate() {
            if n != NONE {
                let (b0, b1) = (key >> 8, key & 255);
                if self.row[b0] == NO_ROW {
                    self.row[b0] = rows;
                    rows += 1;
                }
                if self.col[b1] == NO_ROW {
                    self.col[b1] = cols;
                    cols += 1;
                }
            }
        }
        for r in self.row.iter_mut().filter(|r| **r != NO_ROW) {
            *r *= cols;
        }
        self.after2 = vec![NONE; rows as usize * cols as usize];
        for (key, &n) in after2.iter().enumerate() {
            if n != NONE {
                let i = self.row[key >> 8] as usize + self.col[key & 255] as usize;
                self.after2[i] = new_id[n as usize];
            }
        }
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
        let (r, c) = (
            self.row[self.f(hay[at]) as usize],
            self.col[self.f(hay[at + 1]) as usize],
        );
        if r == NO_ROW || c == NO_ROW {
            return;
        }
        let mut node = self.after2[r as usize + c as usize];
        if node == NONE {
            return;
        }
        let mut i = at + 2;
        loop {
            let n = self.nodes[node as usize];
            if n.chain_len > 0 {
                let l = n.chain_len as usize;
                let x = match hay.get(i..i + 8) {
                    Some(w) => u64::from_le_bytes(w.try_into().expect("8 bytes")),
                    None => {
                        let Some(w) = hay.get(i..i + l) else { return };
                        let mut b = [0u8; 8];
                        b[..l].copy_from_slice(w);
                        u64::from_le_bytes(b)
                    }
                };
                let x = if self.fold { lower8(x) } else { x };
                let mask = if l == 8 {
                    u64::MAX
                } else {
                    (1u64 << (8 * l)) - 1
                };
                if x & mask != n.chain {
                    return;
                }
                i += l;
            }
            let v = n.values as usize;
            for &v in &self.values[v..v + n.n_values as usize] {
                f(i, v);
            }
            let Some(&b) = hay.get(i) else { return };
            let b = self.f(b);
            let e = n.edges as usize;
            match self.edge_byte[e..e + n.n_edges as usize]
                .iter()
                .position(|&x| x == b)
            {
                Some(k) => node = self.edge_to[e + k],
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
    fn lower8_lowers_ascii_capitals_only() {
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b, b'Z', b'@', b'[', 0xC3, b'a', b'A', b'`']);
            let want: Vec<u8> = x.to_le_bytes().iter().map(u8::to_ascii_lowercase).collect();
            assert_eq!(lower8(x).to_le_bytes().to_vec(), want, "{b}");
        }
    }

    /// Long single-child runs are compressed into chains of up to eight
    /// bytes; a walk must still stop at every string end on the way.
    #[test]
    fn chains_and_branches() {
        let words: [(&[u8], u32); 6] = [
            (b"employer identification number", 0),
            (b"employer id", 1),
            (b"employee", 2),
            (b"emp", 3),
            (b"abcdefghijklmnopqrstuvwxyz", 4),
            (b"ab", 5),
        ];
        let t = PrefixTrie::new(words, true);
        assert_eq!(
            all(&t, b"Employer Identification Number: 1", 0),
            vec![(3, 3), (11, 1), (30, 0)]
        );
        assert_eq!(all(&t, b"EMPLOYEE", 0), vec![(3, 3), (8, 2)]);
        assert_eq!(
            all(&t, b"employer identification numbe", 0),
            vec![(3, 3), (11, 1)]
        );
        assert_eq!(
            all(&t, b"abcdefghijklmnopqrstuvwxyz", 0),
            vec![(2, 5), (26, 4)]
        );
        assert_eq!(all(&t, b"abcdefghijklmnopqrstuvwxy", 0), vec![(2, 5)]);
        assert_eq!(
            all(&t, b"abcdefghijKLMNOPQRSTUVWXYZ!", 0),
            vec![(2, 5), (26, 4)]
        );
        let t = PrefixTrie::new(words, false);
        assert_eq!(all(&t, b"abcdefghijKLMNOPQRSTUVWXYZ", 0), vec![(2, 5)]);
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
