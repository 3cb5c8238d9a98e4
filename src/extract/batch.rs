//! Batched scanning of many small values (CSV cells, JSON values, Parquet
//! and Avro fields, spreadsheet cells) with a per-value locator.
//!
//! In: values pushed one by one (or piecewise, for values larger than a
//! chunk), each with a key the extractor can turn into a `Location` and an
//! optional context set (the detectors whose keyword is in the column name or
//! JSON path). Out: detections added to the collector, each located by the
//! key of the value it starts in.
//! Why: one `Scanner::scan` call per cell costs far more than the cell —
//! values are laid into one buffer, separated by `\0\n`, with a sorted
//! offset index, and scanned `chunk_size` bytes at a time. A value longer
//! than a chunk is split with `max_window` bytes of overlap, and a match is
//! reported only by the buffer that owns its start, as in `text.rs`. Context
//! regions span a value plus its separators so boundary assertions see them.

use super::Ctx;
use crate::detect::{ContextRegion, Match};
use crate::findings::model::Location;
use std::collections::HashMap;

struct Entry<K> {
    start: usize,
    /// Matches starting before `start + own` belong to the previous buffer.
    own: usize,
    key: K,
    set: Option<u32>,
}

/// A buffer of values awaiting one scan. One per extractor run; not `Sync`.
pub struct ValueBatch<K> {
    buf: Vec<u8>,
    entries: Vec<Entry<K>>,
    sets: Vec<Vec<u32>>,
    set_ids: HashMap<Vec<u32>, u32>,
    matches: Vec<Match>,
    cap: usize,
    overlap: usize,
    open: bool,
    scans: u64,
    /// Value bytes added since the last scan (separators and carried
    /// overlap not counted).
    fresh: u64,
}

/// Between values: a NUL stops `\s`-style classes and the newline stops `.`,
/// so a pattern does not join the end of one value to the next.
const SEP: &[u8] = b"\0\n";

/// Maps a value's key (and the member path) to where a person would look.
pub type Locate<'l, K> = dyn FnMut(&K, Option<String>) -> Location + 'l;

impl<K: Clone> ValueBatch<K> {
    /// A batch sized by `ctx`'s limits and engine.
    pub fn new(ctx: &Ctx<'_, '_, '_>) -> ValueBatch<K> {
        let overlap = ctx.scanner.engine().max_window.max(1);
        // A split must make progress: the part scanned and dropped
        // (cap - overlap) has to be positive, so cap is at least 2 × overlap.
        let cap = ctx.limits.chunk_size.max(1024).max(2 * overlap);
        ValueBatch {
            buf: Vec::with_capacity(cap + 1024),
            entries: Vec::new(),
            sets: Vec::new(),
            set_ids: HashMap::new(),
            matches: Vec::new(),
            cap,
            overlap,
            open: false,
            scans: 0,
            fresh: 0,
        }
    }

    /// Intern a detector set (from `Engine::detectors_for_context`); `None`
    /// when empty.
    pub fn context_set(&mut self, mut dets: Vec<u32>) -> Option<u32> {
        if dets.is_empty() {
            return None;
        }
        dets.sort_unstable();
        dets.dedup();
        if let Some(&id) = self.set_ids.get(&dets) {
            return Some(id);
        }
        let id = self.sets.len() as u32;
        self.sets.push(dets.clone());
        self.set_ids.insert(dets, id);
        Some(id)
    }

    /// The detectors of an interned set.
    pub fn set(&self, id: Option<u32>) -> &[u32] {
        id.and_then(|i| self.sets.get(i as usize))
            .map(|v| v.as_slice())
            .unwrap_or(&[])
    }

    /// Nothing buffered.
    pub fn is_empty(&self) -> bool {
        self.buf.is_empty() && self.entries.is_empty()
    }

    /// Whether any value has been scanned (reported) yet.
    pub fn scanned(&self) -> bool {
        self.scans > 0
    }

    /// A value is open (between `begin` and `end`).
    pub fn is_open(&self) -> bool {
        self.open
    }

    /// Add one whole value.
    pub fn push(
        &mut self,
        ctx: &mut Ctx<'_, '_, '_>,
        value: &[u8],
        key: K,
        set: Option<u32>,
        locate: &mut Locate<'_, K>,
    ) {
        self.begin(key, set);
        self.extend(ctx, value, locate);
        self.end(ctx, locate);
    }

    /// Start a value whose bytes follow through `extend`.
    pub fn begin(&mut self, key: K, set: Option<u32>) {
        self.entries.push(Entry {
            start: self.buf.len(),
            own: 0,
            key,
            set,
        });
        self.open = true;
    }

    /// More bytes of the open value.
    pub fn extend(
        &mut self,
        ctx: &mut Ctx<'_, '_, '_>,
        mut bytes: &[u8],
        locate: &mut Locate<'_, K>,
    ) {
        let limit = self.cap + self.overlap;
        while !bytes.is_empty() {
            if self.buf.len() >= limit {
                self.split(ctx, locate);
            }
            let take = (limit - self.buf.len()).min(bytes.len());
            self.buf.extend_from_slice(&bytes[..take]);
            self.fresh += take as u64;
            bytes = &bytes[take..];
        }
    }

    /// Close the open value; scans when the buffer is full.
    pub fn end(&mut self, ctx: &mut Ctx<'_, '_, '_>, locate: &mut Locate<'_, K>) {
        if !self.open {
            return;
        }
        self.open = false;
        self.buf.extend_from_slice(SEP);
        if self.buf.len() >= self.cap {
            self.flush(ctx, locate);
        }
    }

    /// Scan everything buffered.
    pub fn flush(&mut self, ctx: &mut Ctx<'_, '_, '_>, locate: &mut Locate<'_, K>) {
        let own = self.buf.len();
        self.scan(ctx, own, locate);
        self.buf.clear();
        self.entries.clear();
    }

    /// The open value filled the buffer: scan all but its last `overlap`
    /// bytes, and carry those (plus left context) into the next buffer.
    fn split(&mut self, ctx: &mut Ctx<'_, '_, '_>, locate: &mut Locate<'_, K>) {
        let Some(last) = self.entries.last() else {
            return;
        };
        let cur_start = last.start;
        let own_limit = self.buf.len() - self.overlap;
        let carry_from = cur_start.max(own_limit.saturating_sub(self.overlap));
        let own_from = own_limit.saturating_sub(carry_from);
        let (key, set) = (last.key.clone(), last.set);
        self.scan(ctx, own_limit, locate);
        self.buf.drain(..carry_from);
        self.entries.clear();
        self.entries.push(Entry {
            start: 0,
            own: own_from,
            key,
            set,
        });
    }

    fn scan(&mut self, ctx: &mut Ctx<'_, '_, '_>, own_limit: usize, locate: &mut Locate<'_, K>) {
        if self.buf.is_empty() || self.entries.is_empty() {
            return;
        }
        self.scans += 1;
        let len = self.buf.len();
        let mut regions = Vec::new();
        // One region per run of consecutive values with the same set (a
        // column laid out contiguously is one region, one regex pass).
        let mut run: Option<(usize, u32)> = None;
        for (i, e) in self.entries.iter().enumerate() {
            let end = self.entries.get(i + 1).map(|n| n.start).unwrap_or(len);
            match (run, e.set) {
                (Some((_, rs)), Some(s)) if rs == s => {}
                (prev, cur) => {
                    if let Some((rstart, rs)) = prev {
                        regions.push(ContextRegion {
                            range: rstart.saturating_sub(1)..e.start.min(len),
                            detectors: &self.sets[rs as usize],
                        });
                    }
                    run = cur.map(|s| (e.start, s));
                }
            }
            if i + 1 == self.entries.len() {
                if let Some((rstart, rs)) = run {
                    regions.push(ContextRegion {
                        range: rstart.saturating_sub(1)..(end + 1).min(len),
                        detectors: &self.sets[rs as usize],
                    });
                }
            }
        }
        self.matches.clear();
        ctx.scanner
            .scan(&self.buf, 0..own_limit, &regions, &mut self.matches);
        let engine = ctx.scanner.engine();
        for m in &self.matches {
            let idx = self.entries.partition_point(|e| e.start <= m.start);
            let Some(e) = idx.checked_sub(1).and_then(|i| self.entries.get(i)) else {
                continue;
            };
            if m.start < e.start + e.own {
                continue;
            }
            if !keyword_in_value(engine, m, e, &self.sets, &self.buf) {
                continue;
            }
            let loc = locate(&e.key, ctx.member.clone());
            ctx.out.add(engine, m, &self.buf[m.start..m.end], loc);
        }
        ctx.out.bytes_scanned += std::mem::take(&mut self.fresh);
    }
}

/// Macie counts a keyword for a cell or field only in the same value or in
/// its column name / path. The scan sees neighbouring values too (they share
/// a buffer), so a keyword-required match that no context region backs must
/// have one of its detector's keywords in its own value, before it.
fn keyword_in_value<K>(
    engine: &crate::detect::Engine,
    m: &Match,
    e: &Entry<K>,
    sets: &[Vec<u32>],
    buf: &[u8],
) -> bool {
    let def = &engine.detectors[m.detector as usize].def;
    if !m.keyword || !def.keyword_required || def.keywords.is_empty() {
        return true;
    }
    if let Some(s) = e.set {
        if sets[s as usize].binary_search(&m.detector).is_ok() {
            return true;
        }
    }
    let from = e
        .start
        .max(m.start.saturating_sub(def.keyword_distance + 128));
    let before = String::from_utf8_lossy(&buf[from..m.start]);
    engine.detectors_for_context(&before).contains(&m.detector)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testutil::{Harness, AWS_LINE};
    use crate::findings::model::Record;

    fn rec(k: &u64, member: Option<String>) -> Location {
        Location::Record(Record {
            record_index: *k,
            json_path: "$".into(),
            member,
        })
    }

    #[test]
    fn values_are_located_by_key_whatever_the_chunk_size() {
        for chunk in [1024usize, 4096, 1 << 20] {
            let h = Harness::new();
            let locs = h.run_with(chunk, |ctx| {
                let mut b = ValueBatch::<u64>::new(ctx);
                let mut loc = rec;
                for i in 0..2000u64 {
                    let v = if i % 500 == 7 {
                        AWS_LINE.to_string()
                    } else {
                        format!("value number {i}")
                    };
                    b.push(ctx, v.as_bytes(), i, None, &mut loc);
                }
                b.flush(ctx, &mut loc);
            });
            let idx: Vec<u64> = locs
                .iter()
                .map(|l| match l {
                    Location::Record(r) => r.record_index,
                    _ => u64::MAX,
                })
                .collect();
            assert_eq!(idx, vec![7, 507, 1007, 1507], "chunk {chunk}");
        }
    }

    #[test]
    fn a_value_larger_than_a_chunk_is_split_without_loss_or_duplicates() {
        let h = Harness::new();
        let locs = h.run_with(1024, |ctx| {
            let mut b = ValueBatch::<u64>::new(ctx);
            let mut loc = rec;
            b.begin(42, None);
            for i in 0..300 {
                let piece = if i % 60 == 59 {
                    format!(" {AWS_LINE} ")
                } else {
                    "x y z ".repeat(7)
                };
                b.extend(ctx, piece.as_bytes(), &mut loc);
            }
            b.end(ctx, &mut loc);
            b.flush(ctx, &mut loc);
        });
        assert_eq!(locs.len(), 5);
    }
}
