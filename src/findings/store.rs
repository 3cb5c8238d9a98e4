//! Per-object results held for sorted output with bounded memory: an
//! external sort.
//!
//! In: `ObjectResult`s in any order (as workers finish them). Out: the same
//! records in (root, key) order, each already rendered for every output
//! (`Rec`), as many times as the writers need (findings, then results).
//! Why: output is sorted by root and key so two runs give the same bytes,
//! but a 10-million-object bucket must not hold every result in memory.
//! Up to `max_records` records (or `MAX_BUFFER_BYTES` of them) are kept;
//! then the buffer is sorted and written as a run to a temporary file
//! (JSON lines, created exclusively, removed on drop), and reading k-way
//! merges the runs and the buffer. Ties on (root, key) keep arrival order,
//! as the stable in-memory sort did, so the bytes written are the same
//! whatever `max_records` is. Counters the summary and exit code need are
//! kept as records arrive.

use super::object::{ObjectResult, Outcome};
use super::render::Rec;
use crate::extract::spill::{temp_file, TempFile};
use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::io::{self, BufRead, BufReader, BufWriter, Write};

/// Default records buffered before a sorted run is written.
pub const MAX_RECORDS: usize = 100_000;
/// Rendered bytes buffered before a sorted run is written.
pub const MAX_BUFFER_BYTES: usize = 64 << 20;

/// Counters kept as records arrive.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Counts {
    /// Records.
    pub total: u64,
    /// Objects with a finding.
    pub with_findings: u64,
    /// FAILED objects.
    pub failures: u64,
    /// Objects not fully analysed (skipped, failed, or with skipped parts).
    pub not_done: u64,
    /// Occurrences suppressed by a baseline.
    pub suppressed: u64,
}

/// A sorted run on disk; its sequence numbers are shifted by `offset`.
struct Run {
    file: TempFile,
    offset: u64,
}

/// Results of a scan, in arrival order in, sorted out (see module docs).
pub struct ResultStore {
    buf: Vec<Rec>,
    buf_bytes: usize,
    sorted: bool,
    runs: Vec<Run>,
    max_records: usize,
    next_seq: u64,
    counts: Counts,
    spill_error: Option<String>,
}

impl Default for ResultStore {
    fn default() -> Self {
        ResultStore::new(MAX_RECORDS)
    }
}

impl ResultStore {
    /// A store writing a run every `max_records` records (at least 1).
    pub fn new(max_records: usize) -> ResultStore {
        ResultStore {
            buf: Vec::new(),
            buf_bytes: 0,
            sorted: true,
            runs: Vec::new(),
            max_records: max_records.max(1),
            next_seq: 0,
            counts: Counts::default(),
            spill_error: None,
        }
    }

    /// Counters over every record.
    pub fn counts(&self) -> Counts {
        self.counts
    }

    /// Number of records.
    pub fn len(&self) -> usize {
        self.counts.total as usize
    }

    /// Whether there is no record.
    pub fn is_empty(&self) -> bool {
        self.counts.total == 0
    }

    /// Sorted runs written so far.
    pub fn runs(&self) -> usize {
        self.runs.len()
    }

    /// Why a run could not be written, if one could not (the records then
    /// stay in memory: nothing is lost, only the memory bound).
    pub fn spill_error(&self) -> Option<&str> {
        self.spill_error.as_deref()
    }

    /// Add one object's result.
    pub fn push(&mut self, r: &ObjectResult) {
        let c = &mut self.counts;
        c.total += 1;
        c.with_findings += r.finding.is_some() as u64;
        c.failures += (r.outcome == Outcome::Failed) as u64;
        c.not_done += (matches!(r.outcome, Outcome::Skipped | Outcome::Failed)
            || !r.skipped_parts.is_empty()) as u64;
        c.suppressed += r.suppressed_by_baseline;
        let rec = Rec::from_result(r, self.next_seq);
        self.next_seq += 1;
        self.add(rec);
    }

    fn add(&mut self, rec: Rec) {
        self.buf_bytes += rec.weight();
        self.buf.push(rec);
        self.sorted = false;
        if self.spill_error.is_none()
            && (self.buf.len() >= self.max_records || self.buf_bytes >= MAX_BUFFER_BYTES)
        {
            if let Err(e) = self.spill() {
                self.spill_error = Some(format!("cannot write a sorted run of results: {e}"));
            }
        }
    }

    fn sort_buf(&mut self) {
        if !self.sorted {
            self.buf.sort_by(|a, b| a.order().cmp(&b.order()));
            self.sorted = true;
        }
    }

    /// Write the buffer as a sorted run.
    fn spill(&mut self) -> io::Result<()> {
        self.sort_buf();
        let (f, tmp) = temp_file("piiscan-results")?;
        let mut w = BufWriter::new(f);
        for r in &self.buf {
            serde_json::to_writer(&mut w, r)?;
            w.write_all(b"\n")?;
        }
        w.flush()?;
        self.runs.push(Run {
            file: tmp,
            offset: 0,
        });
        self.buf.clear();
        self.buf_bytes = 0;
        Ok(())
    }

    /// Take every record of `other`; they sort after this store's records
    /// of the same (root, key), as if pushed after them.
    pub fn absorb(&mut self, other: ResultStore) {
        let offset = self.next_seq;
        self.next_seq += other.next_seq;
        let c = &mut self.counts;
        let o = other.counts;
        c.total += o.total;
        c.with_findings += o.with_findings;
        c.failures += o.failures;
        c.not_done += o.not_done;
        c.suppressed += o.suppressed;
        if self.spill_error.is_none() {
            self.spill_error = other.spill_error;
        }
        for mut r in other.runs {
            r.offset += offset;
            self.runs.push(r);
        }
        for mut rec in other.buf {
            rec.seq += offset;
            self.add(rec);
        }
    }

    /// Every record in (root, key, arrival) order.
    pub fn iter(&mut self) -> io::Result<Merged<'_>> {
        self.sort_buf();
        let mut sources = Vec::new();
        for r in &self.runs {
            sources.push(Source::Run {
                lines: BufReader::new(r.file.open()?),
                line: String::new(),
                offset: r.offset,
            });
        }
        sources.push(Source::Mem(self.buf.iter()));
        let mut m = Merged {
            heads: Vec::with_capacity(sources.len()),
            heap: BinaryHeap::new(),
            sources,
        };
        for i in 0..m.sources.len() {
            m.heads.push(None);
            m.refill(i)?;
        }
        Ok(m)
    }
}

enum Source<'a> {
    Run {
        lines: BufReader<std::fs::File>,
        line: String,
        offset: u64,
    },
    Mem(std::slice::Iter<'a, Rec>),
}

/// A record from a source: owned (read from a run) or borrowed (buffer).
pub enum RecRef<'a> {
    /// Read back from a run.
    Owned(Box<Rec>),
    /// In the buffer.
    Borrowed(&'a Rec),
}

impl std::ops::Deref for RecRef<'_> {
    type Target = Rec;
    fn deref(&self) -> &Rec {
        match self {
            RecRef::Owned(r) => r,
            RecRef::Borrowed(r) => r,
        }
    }
}

/// The k-way merge of a store's runs and buffer.
pub struct Merged<'a> {
    sources: Vec<Source<'a>>,
    heads: Vec<Option<RecRef<'a>>>,
    heap: BinaryHeap<Reverse<(String, String, u64, usize)>>,
}

impl<'a> Merged<'a> {
    fn refill(&mut self, i: usize) -> io::Result<()> {
        let next = match &mut self.sources[i] {
            Source::Mem(it) => it.next().map(RecRef::Borrowed),
            Source::Run {
                lines,
                line,
                offset,
            } => {
                line.clear();
                if lines.read_line(line)? == 0 {
                    None
                } else {
                    let mut r: Rec = serde_json::from_str(line)
                        .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
                    r.seq += *offset;
                    Some(RecRef::Owned(Box::new(r)))
                }
            }
        };
        if let Some(r) = &next {
            let (root, key, seq) = r.order();
            self.heap
                .push(Reverse((root.to_string(), key.to_string(), seq, i)));
        }
        self.heads[i] = next;
        Ok(())
    }
}

impl<'a> Iterator for Merged<'a> {
    type Item = io::Result<RecRef<'a>>;

    fn next(&mut self) -> Option<Self::Item> {
        let Reverse((_, _, _, i)) = self.heap.pop()?;
        let rec = self.heads[i].take().expect("a head for every heap entry");
        Some(self.refill(i).map(|()| rec))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::findings::ObjectMeta;

    fn result(root: &str, key: &str, outcome: Outcome) -> ObjectResult {
        ObjectResult {
            meta: ObjectMeta {
                root: root.into(),
                key: key.into(),
                path: format!("{root}/{key}"),
                ..Default::default()
            },
            status: crate::findings::Status::Complete,
            outcome,
            reason: None,
            detail: None,
            mime_type: "text/plain".into(),
            bytes_scanned: key.len() as u64,
            counts: Default::default(),
            severity: None,
            finding_type: None,
            skipped_parts: vec![],
            suppressed_by_baseline: 0,
            finding: None,
        }
    }

    fn lines(s: &mut ResultStore) -> Vec<String> {
        s.iter()
            .unwrap()
            .map(|r| r.unwrap().result_line.clone())
            .collect()
    }

    #[test]
    fn runs_merge_into_the_sorted_order_with_arrival_order_on_ties() {
        // keys in a scrambled order, some twice (ties keep arrival order)
        let mut input: Vec<ObjectResult> = (0..100u32)
            .map(|i| {
                let k = format!("k{:03}", (i * 37) % 61);
                let o = if i % 3 == 0 {
                    Outcome::Failed
                } else {
                    Outcome::Clean
                };
                result(if i % 2 == 0 { "b" } else { "a" }, &k, o)
            })
            .collect();
        input[5].bytes_scanned = 999_999; // tells apart a tie's two records
        let mut expected = input.clone();
        expected.sort_by(|a, b| (&a.meta.root, &a.meta.key).cmp(&(&b.meta.root, &b.meta.key)));
        let want: Vec<String> = expected
            .iter()
            .map(|r| serde_json::to_string(r).unwrap())
            .collect();
        for n in [1, 2, 7, 33, 100, 1000] {
            let mut s = ResultStore::new(n);
            for r in &input {
                s.push(r);
            }
            assert_eq!(s.runs(), if n > 100 { 0 } else { 100 / n }, "n={n}");
            assert_eq!(lines(&mut s), want, "n={n}");
            // readable again (the JSON document reads findings, then results)
            assert_eq!(lines(&mut s), want, "n={n}, second pass");
            assert_eq!(s.counts().failures, 34);
            assert_eq!(s.counts().total, 100);
        }
    }

    #[test]
    fn absorbed_stores_sort_after_on_ties_and_their_runs_are_removed() {
        let mut a = ResultStore::new(3);
        let mut b = ResultStore::new(2);
        for k in ["x", "m", "c", "m"] {
            a.push(&result("r", k, Outcome::Clean));
        }
        let mut late = result("r", "m", Outcome::Clean);
        late.bytes_scanned = 42;
        for r in [
            result("r", "a", Outcome::Clean),
            late.clone(),
            result("r", "z", Outcome::Clean),
        ] {
            b.push(&r);
        }
        let paths: Vec<std::path::PathBuf> = a
            .runs
            .iter()
            .chain(&b.runs)
            .map(|r| r.file.path().to_path_buf())
            .collect();
        assert_eq!(paths.len(), 2);
        a.absorb(b);
        let got: Vec<(String, u64)> = a
            .iter()
            .unwrap()
            .map(|r| {
                let r = r.unwrap();
                (
                    r.key.clone(),
                    serde_json::from_str::<serde_json::Value>(&r.result_line).unwrap()
                        ["bytesScanned"]
                        .as_u64()
                        .unwrap(),
                )
            })
            .collect();
        let keys: Vec<&str> = got.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["a", "c", "m", "m", "m", "x", "z"]);
        assert_eq!(got[4].1, 42, "the absorbed tie comes last");
        assert!(paths.iter().all(|p| p.exists()));
        drop(a);
        assert!(paths.iter().all(|p| !p.exists()), "runs removed");
    }
}
