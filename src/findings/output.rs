//! Output formats: a readable text summary (default), JSON (one document),
//! JSON Lines (one Macie finding per line), SARIF 2.1.0 (for code-scanning
//! UIs), and the per-object result lines of `--results`.
//!
//! Everything is written from sorted data (root, then key; merged from the
//! external sort in `store`), so two runs over the same data give the same
//! bytes. Values are already masked in the
//! collector: nothing here can print a secret in the clear.

use super::render::{pretty_at, pretty_value_at, sarif_rule};
use super::store::ResultStore;
use super::summary::RootSummary;
use std::io::{self, Write};

/// Output format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Human-readable summary.
    Text,
    /// One JSON document: findings, results and summaries.
    Json,
    /// One Macie-shaped finding per line.
    Jsonl,
    /// SARIF 2.1.0.
    Sarif,
}

/// Everything a run produced.
pub struct Report {
    /// Run id.
    pub run_id: String,
    /// Start time (RFC 3339).
    pub started_at: String,
    /// Per-object results, read back sorted by root and key (an external
    /// sort: memory stays bounded whatever the number of objects).
    pub results: ResultStore,
    /// Per-root summaries, in the order the roots were given.
    pub summaries: Vec<RootSummary>,
    /// Findings suppressed by a baseline.
    pub suppressed_by_baseline: u64,
}

/// Write `items` (compact JSON) as a pretty JSON array whose elements are
/// nested `depth` levels deep.
fn pretty_array<'s>(
    w: &mut dyn Write,
    items: impl Iterator<Item = io::Result<std::borrow::Cow<'s, str>>>,
    depth: usize,
) -> io::Result<()> {
    let mut buf = String::new();
    let pad = "  ".repeat(depth);
    let mut any = false;
    for item in items {
        let item = item?;
        buf.clear();
        buf.push_str(if any { ",\n" } else { "[\n" });
        buf.push_str(&pad);
        pretty_at(&item, depth, &mut buf);
        w.write_all(buf.as_bytes())?;
        any = true;
    }
    if any {
        write!(w, "\n{}]", "  ".repeat(depth - 1))
    } else {
        w.write_all(b"[]")
    }
}

impl Report {
    /// An empty report.
    pub fn new(run_id: String, started_at: String, results: ResultStore) -> Report {
        Report {
            run_id,
            started_at,
            results,
            summaries: Vec::new(),
            suppressed_by_baseline: 0,
        }
    }

    /// Number of objects with findings.
    pub fn objects_with_findings(&self) -> usize {
        self.results.counts().with_findings as usize
    }

    /// Number of failed objects.
    pub fn failures(&self) -> usize {
        self.results.counts().failures as usize
    }

    /// Baseline entries (root, key, type, count) of every object with a finding.
    pub fn baseline_entries(&mut self) -> io::Result<Vec<(String, String, String, u64)>> {
        let mut v = Vec::new();
        for r in self.results.iter()? {
            let r = r?;
            for (k, n) in &r.baseline {
                v.push((r.root.clone(), r.key.clone(), k.clone(), *n));
            }
        }
        Ok(v)
    }

    /// Write in `format`.
    pub fn write(&mut self, format: Format, w: &mut dyn Write, color: bool) -> io::Result<()> {
        match format {
            Format::Text => self.write_text(w, color),
            Format::Json => {
                // the shape `serde_json::to_writer_pretty` gives the struct
                // {runId, startedAt, findings, results, summaries,
                // suppressedByBaseline}, streamed from the sorted records
                write!(
                    w,
                    "{{\n  \"runId\": {},\n  \"startedAt\": {},\n  \"findings\": ",
                    serde_json::to_string(&self.run_id)?,
                    serde_json::to_string(&self.started_at)?
                )?;
                let findings = self.results.iter()?.filter_map(|r| match r {
                    Ok(r) => r.finding.clone().map(|f| Ok(f.into())),
                    Err(e) => Some(Err(e)),
                });
                pretty_array(w, findings, 2)?;
                w.write_all(b",\n  \"results\": ")?;
                let results = self
                    .results
                    .iter()?
                    .map(|r| r.map(|r| r.result_line.clone().into()));
                pretty_array(w, results, 2)?;
                writeln!(
                    w,
                    ",\n  \"summaries\": {},\n  \"suppressedByBaseline\": {}\n}}",
                    pretty_value_at(&self.summaries, 1),
                    self.suppressed_by_baseline
                )
            }
            Format::Jsonl => {
                for r in self.results.iter()? {
                    if let Some(f) = &r?.finding {
                        w.write_all(f.as_bytes())?;
                        writeln!(w)?;
                    }
                }
                Ok(())
            }
            Format::Sarif => self.write_sarif(w),
        }
    }

    /// Write one result line per object (`--results`).
    pub fn write_results(&mut self, w: &mut dyn Write) -> io::Result<()> {
        for r in self.results.iter()? {
            w.write_all(r?.result_line.as_bytes())?;
            writeln!(w)?;
        }
        Ok(())
    }

    fn write_text(&mut self, w: &mut dyn Write, color: bool) -> io::Result<()> {
        let paint = |code: &str, s: &str| {
            if color {
                format!("\x1b[{code}m{s}\x1b[0m")
            } else {
                s.to_string()
            }
        };
        let sev_paint = |s: &str| match s {
            "High" => paint("1;31", s),
            "Medium" => paint("33", s),
            _ => paint("36", s),
        };
        let counts = self.results.counts();
        if counts.with_findings > 0 {
            writeln!(w, "{}", paint("1", "Findings"))?;
            for r in self.results.iter()? {
                let r = r?;
                let Some(t) = &r.text else { continue };
                writeln!(
                    w,
                    "  {:<6} {}  {}",
                    sev_paint(&t.severity),
                    t.path,
                    paint("2", &t.kind)
                )?;
                for d in &t.dets {
                    writeln!(
                        w,
                        "         {:<44} x{:<5} {}  {}",
                        d.kind,
                        d.count,
                        d.sample,
                        paint("2", &d.first)
                    )?;
                }
            }
        }
        if counts.not_done > 0 {
            writeln!(w, "{}", paint("1", "Not fully analysed"))?;
            let mut shown = 0;
            for r in self.results.iter()? {
                let r = r?;
                let Some(n) = &r.not_done else { continue };
                let what = match n.what.as_str() {
                    "FAILED " => paint("31", &n.what),
                    _ => paint("33", &n.what),
                };
                writeln!(
                    w,
                    "  {what} {}  {}  {}",
                    n.path,
                    n.reason,
                    paint("2", &n.detail)
                )?;
                shown += 1;
                if shown == 50 {
                    break;
                }
            }
            if counts.not_done > 50 {
                writeln!(
                    w,
                    "  ... and {} more (see --results or --format json)",
                    counts.not_done - 50
                )?;
            }
        }
        writeln!(w, "{}", paint("1", "Summary"))?;
        for s in &self.summaries {
            let skipped: u64 = s.objects_skipped.values().sum();
            let failed: u64 = s.objects_failed.values().sum();
            writeln!(
                w,
                "  {}: {} objects in scope, {} scanned ({}), {} with findings, {} skipped, {} failed, {} partial; sensitivity score {}",
                s.root,
                s.objects_in_scope,
                s.objects_scanned,
                human_bytes(s.bytes_scanned),
                s.objects_with_findings,
                skipped,
                failed,
                s.objects_partial,
                s.sensitivity_score
            )?;
            if !s.counts_by_type.is_empty() {
                let mut types: Vec<(&String, &u64)> = s.counts_by_type.iter().collect();
                types.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
                let list: Vec<String> = types
                    .iter()
                    .take(12)
                    .map(|(k, v)| format!("{k} {v}"))
                    .collect();
                writeln!(
                    w,
                    "    types: {}{}",
                    list.join(", "),
                    if types.len() > 12 { ", ..." } else { "" }
                )?;
            }
            for (k, v) in s.objects_skipped.iter().chain(s.objects_failed.iter()) {
                writeln!(w, "    {k}: {v}")?;
            }
            if let Some(code) = &s.error_code {
                writeln!(
                    w,
                    "    {} {code}: {}",
                    paint("31", "bucket error"),
                    s.error_message.as_deref().unwrap_or("")
                )?;
            }
            if let Some(r) = &s.requests {
                writeln!(
                    w,
                    "    listed: {} objects, {} out of scope (criteria, sampling)",
                    s.objects_listed,
                    s.objects_listed.saturating_sub(s.objects_in_scope)
                )?;
                let ranged = if r.ranged_get > 0 {
                    format!(" ({} ranged for random access)", r.ranged_get)
                } else {
                    String::new()
                };
                writeln!(
                    w,
                    "    requests: {} LIST, {} GET{ranged}, {} HEAD, {} tagging, {} other; {} transferred",
                    r.list,
                    r.get,
                    r.head,
                    r.tagging,
                    r.other,
                    human_bytes(r.bytes_transferred)
                )?;
            }
        }
        if self.suppressed_by_baseline > 0 {
            writeln!(
                w,
                "  {} finding(s) suppressed by the baseline",
                self.suppressed_by_baseline
            )?;
        }
        if counts.with_findings == 0
            && counts.failures == 0
            && self.summaries.iter().all(|s| s.error_code.is_none())
        {
            writeln!(w, "  No sensitive data found.")?;
        }
        Ok(())
    }

    fn write_sarif(&mut self, w: &mut dyn Write) -> io::Result<()> {
        use serde_json::json;
        // the document with a placeholder where the results go, so its keys
        // come out in serde_json's order; the results are streamed in
        const HOLE: &str = "\"@@piiscan-results@@\"";
        let mut rules = std::collections::BTreeSet::new();
        for r in self.results.iter()? {
            rules.extend(r?.rules.iter().cloned());
        }
        let rules: Vec<serde_json::Value> = rules.iter().map(|k| sarif_rule(k)).collect();
        let doc = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "piiscan", "version": env!("CARGO_PKG_VERSION"), "rules": rules}}, "results": HOLE.trim_matches('"')}]
        });
        let text = serde_json::to_string_pretty(&doc)?;
        let (head, tail) = text.split_once(HOLE).expect("placeholder present");
        let depth = head
            .rsplit('\n')
            .next()
            .map_or(0, |l| l.len() - l.trim_start().len())
            / 2
            + 1;
        w.write_all(head.as_bytes())?;
        let items = self.results.iter()?.flat_map(|r| match r {
            Ok(r) => r
                .sarif
                .iter()
                .map(|s| Ok(std::borrow::Cow::Owned(s.clone())))
                .collect::<Vec<_>>(),
            Err(e) => vec![Err(e)],
        });
        pretty_array(w, items, depth)?;
        w.write_all(tail.as_bytes())?;
        writeln!(w)
    }
}

/// `1.2 MiB`-style sizes.
pub fn human_bytes(n: u64) -> String {
    let units = ["B", "KiB", "MiB", "GiB", "TiB"];
    let mut v = n as f64;
    let mut u = 0;
    while v >= 1024.0 && u < units.len() - 1 {
        v /= 1024.0;
        u += 1;
    }
    if u == 0 {
        format!("{n} B")
    } else {
        format!("{v:.1} {}", units[u])
    }
}
