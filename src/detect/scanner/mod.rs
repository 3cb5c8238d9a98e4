//! The per-worker half of the engine: a `Scanner` makes one pass over the
//! word starts and special bytes of a buffer (keywords, literal prefixes,
//! prefilters), tries patterns in keyword windows, around literal and
//! prefilter hits, with the shared scan regex and in context regions, then
//! (`finish.rs`) validates candidates, applies exclusions, ignore words,
//! context rules and allow lists, scores confidence and reduces overlaps (see
//! `engine.rs` for why it is built this way).
//!
//! In: a buffer, the range it owns, context regions. Out: `Match`es.

use super::analysis::fits_shape;
use super::engine::{ContextRegion, Engine, Match, Prefilter, Rejection};
use super::triggers::{Marks, BLOCK_MAX};
use regex_automata::meta;
use regex_automata::{Anchored, Input};
use std::ops::Range;

mod finish;

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

#[derive(Debug, Clone, Copy)]
struct Cand {
    pattern: u32,
    start: usize,
    end: usize,
    keyword: bool,
}

/// A worker's scanner: regex caches and scratch buffers reused across calls,
/// so scanning allocates nothing per byte and almost nothing per match.
/// Not `Sync`; one per thread.
pub struct Scanner<'e> {
    engine: &'e Engine,
    caches: Vec<Option<meta::Cache>>,
    scan_cache: Option<meta::Cache>,
    kw_hits: Vec<super::keywords::KwHit>,
    /// Word starts and non-ASCII bytes of the buffer (bitmaps).
    marks: Marks,
    /// Literal prefix hits of this call: (position, literal index).
    lit_hits: Vec<(usize, u32)>,
    /// Prefilter trigger positions of this call, by `Prefilter::ALL` order.
    pre_hits: [Vec<usize>; 4],
    /// Per pattern: positions before this were already tried for an earlier
    /// keyword hit of this scan call.
    tried_to: Vec<usize>,
    cands: Vec<Cand>,
    /// Per pattern: capture slots for its `v` group (finish).
    caps: Vec<Option<regex_automata::util::captures::Captures>>,
    /// Scratch: validated matches before overlaps are reduced (finish).
    found: Vec<Match>,
    rejected: Option<Vec<(u32, usize, usize, Rejection)>>,
    /// Tests: try keyword-window patterns at every position (the reference
    /// the position filters must agree with).
    #[cfg(test)]
    every_position: bool,
}

impl<'e> Scanner<'e> {
    pub(super) fn new(engine: &'e Engine) -> Scanner<'e> {
        Scanner {
            engine,
            caches: (0..engine.patterns.len()).map(|_| None).collect(),
            scan_cache: engine.scan_re.as_ref().map(|r| r.create_cache()),
            kw_hits: Vec::new(),
            marks: Marks::default(),
            lit_hits: Vec::new(),
            pre_hits: Default::default(),
            tried_to: vec![0; engine.patterns.len()],
            cands: Vec::new(),
            caps: (0..engine.patterns.len()).map(|_| None).collect(),
            found: Vec::new(),
            rejected: None,
            #[cfg(test)]
            every_position: false,
        }
    }

    /// The engine this scanner belongs to.
    pub fn engine(&self) -> &'e Engine {
        self.engine
    }

    /// Record rejected candidates too (for `detectors test`).
    pub fn record_rejections(&mut self, on: bool) {
        self.rejected = if on { Some(Vec::new()) } else { None };
    }

    /// Rejected candidates of the last scan: (detector, start, end, why).
    pub fn rejections(&self) -> &[(u32, usize, usize, Rejection)] {
        self.rejected.as_deref().unwrap_or(&[])
    }

    fn push_cand(&mut self, pattern: u32, start: usize, end: usize, keyword: bool) {
        self.cands.push(Cand {
            pattern,
            start,
            end,
            keyword,
        });
    }

    /// Whether pattern `pi` cannot match at `pos` by the bytes there (its
    /// shape; position 0 is always tried, for `^`).
    #[inline(always)]
    fn shape_rejects(&self, pi: u32, hay: &[u8], pos: usize) -> bool {
        #[cfg(test)]
        if self.every_position {
            return false;
        }
        match &self.engine.patterns[pi as usize].shape {
            Some(sh) => pos != 0 && !fits_shape(sh, hay, pos),
            None => false,
        }
    }

    fn search(&mut self, pi: u32, input: &Input<'_>) -> Option<regex_automata::Match> {
        let p = &self.engine.patterns[pi as usize];
        let cache = self.caches[pi as usize].get_or_insert_with(|| p.re.create_cache());
        p.re.search_with(cache, input)
    }

    /// Scan `hay`; report matches that start inside `own`. `ctx` regions add
    /// detectors whose keyword is in the surrounding column name or path.
    pub fn scan(
        &mut self,
        hay: &[u8],
        own: Range<usize>,
        ctx: &[ContextRegion<'_>],
        out: &mut Vec<Match>,
    ) {
        let eng = self.engine;
        self.cands.clear();
        if let Some(r) = self.rejected.as_mut() {
            r.clear();
        }
        // 0. one pass over the bytes: at each word start or special byte,
        // the keyword trie, the literal trie and the prefilters.
        self.kw_hits.clear();
        self.lit_hits.clear();
        for v in self.pre_hits.iter_mut() {
            v.clear();
        }
        {
            let (kw_hits, lit_hits, pre_hits) =
                (&mut self.kw_hits, &mut self.lit_hits, &mut self.pre_hits);
            let mut keep = [0usize; BLOCK_MAX];
            // the four bytes of each kept position, for the second stage
            let mut keep_x = [0u32; BLOCK_MAX];
            eng.triggers.for_each_block(hay, &mut self.marks, |block| {
                // Tight loops with no branch per position pick the few
                // positions the tries and prefilters look at closely: one
                // load for every position (`lead`), then the full quick
                // filter for the ones that pass it.
                // The four bytes at `at`; `u32::MAX` when fewer are left: a
                // position that close to the end passes both stages and gets
                // the exact tests below.
                let word = |at: usize| match hay.get(at..at + 4) {
                    Some(w) => u32::from_le_bytes([w[0], w[1], w[2], w[3]]),
                    None => u32::MAX,
                };
                let all_inside = block.last().is_some_and(|&l| l + 4 <= hay.len());
                let mut m = 0;
                for &at in block {
                    let x = if all_inside {
                        // SAFETY: `at + 4 <= hay.len()` for every position of
                        // the block (they increase; checked for the last).
                        u32::from_le(unsafe {
                            (hay.as_ptr().add(at) as *const u32).read_unaligned()
                        })
                    } else {
                        word(at)
                    };
                    keep[m] = at;
                    keep_x[m] = x;
                    m += (x == u32::MAX || eng.quick.lead(x)) as usize;
                }
                let mut n = 0;
                for k in 0..m {
                    let (at, x) = (keep[k], keep_x[k]);
                    keep[n] = at;
                    n += (x == u32::MAX || eng.quick.pass(x)) as usize;
                }
                for &at in &keep[..n] {
                    // (the quick filter passed: the tries' own filters
                    // would mostly repeat it)
                    eng.keywords.walk_at(hay, at, kw_hits);
                    eng.lit_trie.walk(hay, at, |_, li| lit_hits.push((at, li)));
                    let mut kinds = eng.pre_by_byte[hay[at] as usize];
                    while kinds != 0 {
                        let i = kinds.trailing_zeros() as usize;
                        kinds &= kinds - 1;
                        if Prefilter::ALL[i].fires(hay, at) {
                            pre_hits[i].push(at);
                        }
                    }
                }
            });
        }
        // Hits in order of end (`keyword_near` relies on it).
        self.kw_hits.sort_by_key(|h| h.end);
        // 1. keyword windows
        self.tried_to.iter_mut().for_each(|t| *t = 0);
        let hits = std::mem::take(&mut self.kw_hits);
        for h in &hits {
            if h.start >= hay.len() {
                continue;
            }
            for &di in eng.keywords.detectors(h.kw) {
                let det = &eng.detectors[di as usize];
                let ws = h.start;
                let zone_end = (h.end + det.def.keyword_distance + 1).min(hay.len());
                #[cfg(test)]
                let reference = self.every_position;
                #[cfg(not(test))]
                let reference = false;
                // no mark where a keyword pattern's match could start
                // (position 0 is always tried)
                if let (Some((sel, k)), false, true) = (det.kw_lead, reference, ws > 0) {
                    if self
                        .marks
                        .next(ws, (zone_end + k).min(hay.len()), sel)
                        .is_none()
                    {
                        continue;
                    }
                }
                // no anchor within reach of a match starting in the zone
                if let (Some((kind, reach)), false) = (det.anchor, reference) {
                    if !kind.any(&self.marks, ws, zone_end + reach) {
                        continue;
                    }
                }
                let nearest = det.def.keyword_nearest;
                let mut best: Option<Cand> = None;
                for &pi in &det.kw_patterns {
                    let p = &eng.patterns[pi as usize];
                    // Anchored attempts at each position of the keyword's zone
                    // whose byte can start this pattern: a failed attempt ends
                    // within a few bytes, where an unanchored search would read
                    // the whole window (hundreds of bytes for names, addresses).
                    let dedupe = !nearest && !det.end_to_end;
                    let mut at = if dedupe {
                        ws.max(self.tried_to[pi as usize])
                    } else {
                        ws
                    };
                    // Where attempts can start: word starts (`\b` + word
                    // byte), a few bytes before them (context), or
                    // anywhere.
                    // fast: word starts (only digit-led or only other ones
                    // when the pattern's lead byte says so), or (names,
                    // addresses) word starts and non-ASCII bytes, from the
                    // marks; before: a few bytes before such word starts
                    let fast = !reference && p.fast();
                    let sel = p.window_sel();
                    let before = !reference && !fast && p.before > 0;
                    let k = p.before as usize;
                    if before && at == 0 && zone_end > 0 {
                        // position 0 (`^`) is a start of its own
                        let input = Input::new(hay)
                            .range(0..p.max_len.min(hay.len()))
                            .anchored(Anchored::Yes);
                        if let Some(m) = self.search(pi, &input) {
                            if m.end() > m.start()
                                && (!det.end_to_end || m.end() <= h.end + det.def.keyword_distance)
                            {
                                let c = Cand {
                                    pattern: pi,
                                    start: m.start(),
                                    end: m.end(),
                                    keyword: true,
                                };
                                if nearest {
                                    best = Some(c);
                                } else {
                                    self.cands.push(c);
                                }
                            }
                        }
                        at = 1;
                    }
                    let mut try0 = fast && at == 0 && zone_end > 0;
                    loop {
                        if before && nearest && best.is_some() {
                            break;
                        }
                        // the next position to try (position 0 always: `^`)
                        let pos = if fast && try0 {
                            try0 = false;
                            0
                        } else if fast {
                            match self.marks.next(at, zone_end, sel) {
                                Some(x) => x,
                                None => break,
                            }
                        } else if before {
                            // up to `k` bytes before a word start
                            if at >= zone_end {
                                break;
                            }
                            match self
                                .marks
                                .next(at + 1, (zone_end + k).min(hay.len()), p.lead)
                            {
                                Some(x) => at.max(x - k),
                                None => break,
                            }
                        } else {
                            if at >= zone_end {
                                break;
                            }
                            at
                        };
                        at = pos + 1;
                        let b = hay[pos];
                        // the shape first: a 256-byte table per pattern,
                        // cheaper than the first-two-byte set and stricter
                        if self.shape_rejects(pi, hay, pos) {
                            continue;
                        }
                        // position 0 is always tried (`^` alternatives)
                        if !reference && pos != 0 && !p.first[b as usize]
                            || (!fast
                                && !reference
                                && p.word_start
                                && pos > 0
                                && is_word_byte(b)
                                && is_word_byte(hay[pos - 1]))
                        {
                            continue;
                        }
                        if let (Some(t), Some(&b2), true) =
                            (&p.first2, hay.get(pos + 1), pos != 0 && !reference)
                        {
                            let i = (b as usize) << 8 | b2 as usize;
                            if t[i >> 6] & (1 << (i & 63)) == 0 {
                                continue;
                            }
                        }
                        let we = (pos + p.max_len).min(hay.len());
                        let input = Input::new(hay).range(pos..we).anchored(Anchored::Yes);
                        let Some(m) = self.search(pi, &input) else {
                            continue;
                        };
                        let ok = !det.end_to_end
                            || (m.end() <= h.end + det.def.keyword_distance
                                && m.start() >= h.start);
                        if ok && m.end() > m.start() {
                            let c = Cand {
                                pattern: pi,
                                start: m.start(),
                                end: m.end(),
                                keyword: true,
                            };
                            if nearest {
                                // the keyword labels only the value nearest to it
                                if best.is_none_or(|b| c.start < b.start) {
                                    best = Some(c);
                                }
                                break;
                            }
                            self.cands.push(c);
                        }
                        // A match that swallowed the keyword itself ("Employee
                        // Ludwig van Beethoven" as a name) may fail validation
                        // later: keep trying after the keyword. Otherwise go on
                        // after the match.
                        at = if m.start() == h.start {
                            h.end.max(pos + 1)
                        } else {
                            m.end().max(pos + 1)
                        };
                    }
                    if dedupe {
                        self.tried_to[pi as usize] = at.max(zone_end);
                    }
                }
                if let Some(b) = best {
                    self.cands.push(b);
                }
            }
        }
        self.kw_hits = hits;
        // 2. literal prefixes: anchored confirmation
        let lit_hits = std::mem::take(&mut self.lit_hits);
        for &(at, li) in &lit_hits {
            for &pi in &eng.lit_targets[li as usize] {
                if self.shape_rejects(pi, hay, at) {
                    continue;
                }
                let p = &eng.patterns[pi as usize];
                let we = (at + p.max_len).min(hay.len());
                let input = Input::new(hay).range(at..we).anchored(Anchored::Yes);
                if let Some(m) = self.search(pi, &input) {
                    self.push_cand(pi, m.start(), m.end(), false);
                }
            }
        }
        self.lit_hits = lit_hits;
        // 3. prefiltered patterns, in windows around their triggers
        let pre_hits = std::mem::take(&mut self.pre_hits);
        for (i, hits) in pre_hits.iter().enumerate() {
            if hits.is_empty() {
                continue;
            }
            for &pi in &eng.prefiltered[i] {
                self.prefiltered(pi, Prefilter::ALL[i], hay, hits);
            }
        }
        self.pre_hits = pre_hits;
        // 3b. the shared scan regex (custom patterns with no other trigger)
        let mut scan_cache = self.scan_cache.take();
        if let (Some(re), Some(cache)) = (&eng.scan_re, scan_cache.as_mut()) {
            let mut at = 0;
            while at < hay.len() {
                let Some(m) = re.search_with(cache, &Input::new(hay).range(at..)) else {
                    break;
                };
                let first = eng.scan_patterns[m.pattern().as_usize()];
                self.push_cand(first, m.start(), m.end(), false);
                for &pi in &eng.scan_patterns {
                    if pi == first || !eng.patterns[pi as usize].first[hay[m.start()] as usize] {
                        continue;
                    }
                    let we = (m.start() + eng.patterns[pi as usize].max_len).min(hay.len());
                    let input = Input::new(hay).range(m.start()..we).anchored(Anchored::Yes);
                    if let Some(m2) = self.search(pi, &input) {
                        self.push_cand(pi, m2.start(), m2.end(), false);
                    }
                }
                at = if m.end() > m.start() {
                    m.end()
                } else {
                    m.start() + 1
                };
            }
        }
        self.scan_cache = scan_cache;
        // 4. context regions: each searched as its own haystack, so `^`/`$`
        // and leading-context classes see the cell's edges.
        for r in ctx {
            let range = r.range.start.min(hay.len())..r.range.end.min(hay.len());
            let cell = &hay[range.clone()];
            for &di in r.detectors {
                for &pi in &eng.detectors[di as usize].patterns {
                    let mut at = 0;
                    while at < cell.len() {
                        let Some(m) = self.search(pi, &Input::new(cell).range(at..)) else {
                            break;
                        };
                        self.push_cand(pi, range.start + m.start(), range.start + m.end(), true);
                        at = if m.end() > m.start() {
                            m.end()
                        } else {
                            m.start() + 1
                        };
                    }
                }
            }
        }
        self.finish(hay, own, out);
    }

    /// Try pattern `pi` anchored where a match around each trigger can
    /// start (`Prefilter::starts`). Triggers inside a match already found,
    /// and starts already tried, are skipped.
    fn prefiltered(&mut self, pi: u32, pf: Prefilter, hay: &[u8], triggers: &[usize]) {
        let ml = self.engine.patterns[pi as usize].max_len.max(1);
        let mut covered = 0usize;
        let mut tried = usize::MAX;
        for &q in triggers {
            if q < covered {
                continue;
            }
            if let Some(back) = pf.window_back() {
                let from = q.saturating_sub(back).max(covered);
                let to = (q + ml).min(hay.len());
                if let Some(m) = self.search(pi, &Input::new(hay).range(from..to)) {
                    if m.start() <= q && m.end() > m.start() {
                        self.push_cand(pi, m.start(), m.end(), false);
                        covered = m.end();
                    }
                }
                continue;
            }
            for s in pf.starts(hay, q).into_iter().flatten() {
                if s == tried {
                    continue;
                }
                tried = s;
                if self.shape_rejects(pi, hay, s) {
                    continue;
                }
                let input = Input::new(hay)
                    .range(s..(s + ml).min(hay.len()))
                    .anchored(Anchored::Yes);
                if let Some(m) = self.search(pi, &input) {
                    if m.end() > m.start() {
                        self.push_cand(pi, m.start(), m.end(), false);
                        covered = m.end();
                        break;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::detect::{build_engine, AllowList, Selection};

    /// The position filters of keyword windows (word starts, one byte
    /// before them, word starts or non-ASCII bytes, DFA first-byte sets)
    /// find exactly what attempts at every position find, on text built
    /// from every detector's examples cut, shuffled and glued with noise.
    #[test]
    fn position_filters_agree_with_every_position() {
        let engine = build_engine(&Selection::All, &[], vec![], AllowList::default()).unwrap();
        let mut pieces: Vec<String> = Vec::new();
        for d in &engine.detectors {
            pieces.extend(d.def.examples.iter().cloned());
            pieces.extend(d.def.negative_examples.iter().cloned());
        }
        let glue = [
            " ", "\n", ", ", ": ", "\t", "=", "\"", "(", "_", "-", "é ", "1 ", "",
        ];
        let mut x = 0x243F_6A88_85A3_08D3u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for _round in 0..6 {
            let mut text = String::new();
            for _ in 0..pieces.len() {
                let p = &pieces[(next() % pieces.len() as u64) as usize];
                // sometimes only a tail of the piece: values lose their keyword
                let cut = if next() % 3 == 0 {
                    p.char_indices()
                        .nth((next() % 8) as usize)
                        .map_or(0, |(i, _)| i)
                } else {
                    0
                };
                text.push_str(&p[cut..]);
                text.push_str(glue[(next() % glue.len() as u64) as usize]);
            }
            let hay = text.as_bytes();
            let mut fast = engine.scanner();
            let mut slow = engine.scanner();
            slow.every_position = true;
            let (mut a, mut b) = (Vec::new(), Vec::new());
            fast.scan(hay, 0..hay.len(), &[], &mut a);
            slow.scan(hay, 0..hay.len(), &[], &mut b);
            assert!(!a.is_empty());
            assert_eq!(a, b, "position filters changed the answer");
        }
    }
}
