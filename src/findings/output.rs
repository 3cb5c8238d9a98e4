//! Output formats: a readable text summary (default), JSON (one document),
//! JSON Lines (one Macie finding per line), SARIF 2.1.0 (for code-scanning
//! UIs), and the per-object result lines of `--results`.
//!
//! Everything is written from sorted data (root, then key), so two runs over
//! the same data give the same bytes. Values are already masked in the
//! collector: nothing here can print a secret in the clear.

use super::object::{ObjectResult, Outcome};
use super::summary::RootSummary;
use serde::Serialize;
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
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    /// Run id.
    pub run_id: String,
    /// Start time (RFC 3339).
    pub started_at: String,
    /// Per-object results, sorted by root and key.
    pub results: Vec<ObjectResult>,
    /// Per-root summaries, in the order the roots were given.
    pub summaries: Vec<RootSummary>,
    /// Findings suppressed by a baseline.
    pub suppressed_by_baseline: u64,
}

impl Report {
    /// Sort results deterministically.
    pub fn sort(&mut self) {
        self.results
            .sort_by(|a, b| (&a.meta.root, &a.meta.key).cmp(&(&b.meta.root, &b.meta.key)));
    }

    /// Number of objects with findings.
    pub fn objects_with_findings(&self) -> usize {
        self.results.iter().filter(|r| r.finding.is_some()).count()
    }

    /// Number of failed objects.
    pub fn failures(&self) -> usize {
        self.results
            .iter()
            .filter(|r| r.outcome == Outcome::Failed)
            .count()
    }

    /// Write in `format`.
    pub fn write(&self, format: Format, w: &mut dyn Write, color: bool) -> io::Result<()> {
        match format {
            Format::Text => self.write_text(w, color),
            Format::Json => {
                #[derive(Serialize)]
                #[serde(rename_all = "camelCase")]
                struct Doc<'a> {
                    run_id: &'a str,
                    started_at: &'a str,
                    findings: Vec<&'a super::Finding>,
                    results: &'a [ObjectResult],
                    summaries: &'a [RootSummary],
                    suppressed_by_baseline: u64,
                }
                let doc = Doc {
                    run_id: &self.run_id,
                    started_at: &self.started_at,
                    findings: self
                        .results
                        .iter()
                        .filter_map(|r| r.finding.as_ref())
                        .collect(),
                    results: &self.results,
                    summaries: &self.summaries,
                    suppressed_by_baseline: self.suppressed_by_baseline,
                };
                serde_json::to_writer_pretty(&mut *w, &doc)?;
                writeln!(w)
            }
            Format::Jsonl => {
                for f in self.results.iter().filter_map(|r| r.finding.as_ref()) {
                    serde_json::to_writer(&mut *w, f)?;
                    writeln!(w)?;
                }
                Ok(())
            }
            Format::Sarif => self.write_sarif(w),
        }
    }

    /// Write one result line per object (`--results`).
    pub fn write_results(&self, w: &mut dyn Write) -> io::Result<()> {
        for r in &self.results {
            serde_json::to_writer(&mut *w, r)?;
            writeln!(w)?;
        }
        Ok(())
    }

    fn write_text(&self, w: &mut dyn Write, color: bool) -> io::Result<()> {
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
        let with: Vec<&ObjectResult> = self
            .results
            .iter()
            .filter(|r| r.finding.is_some())
            .collect();
        if !with.is_empty() {
            writeln!(w, "{}", paint("1", "Findings"))?;
        }
        for r in &with {
            let f = r.finding.as_ref().unwrap();
            writeln!(
                w,
                "  {:<6} {}  {}",
                sev_paint(f.severity.description),
                r.meta.path,
                paint("2", &f.kind)
            )?;
            for sd in &f.classification_details.result.sensitive_data {
                for d in &sd.detections {
                    let first = first_location(&d.occurrences);
                    writeln!(
                        w,
                        "         {:<44} x{:<5} {}  {}",
                        d.kind,
                        d.count,
                        d.samples.first().map(String::as_str).unwrap_or(""),
                        paint("2", &first)
                    )?;
                }
            }
            for d in &f
                .classification_details
                .result
                .custom_data_identifiers
                .detections
            {
                let first = first_location(&d.occurrences);
                writeln!(
                    w,
                    "         {:<44} x{:<5} {}  {}",
                    format!("custom:{}", d.name),
                    d.count,
                    d.samples.first().map(String::as_str).unwrap_or(""),
                    paint("2", &first)
                )?;
            }
        }
        let not_done: Vec<&ObjectResult> = self
            .results
            .iter()
            .filter(|r| {
                matches!(r.outcome, Outcome::Skipped | Outcome::Failed)
                    || !r.skipped_parts.is_empty()
            })
            .collect();
        if !not_done.is_empty() {
            writeln!(w, "{}", paint("1", "Not fully analysed"))?;
            for r in not_done.iter().take(50) {
                let what = match r.outcome {
                    Outcome::Failed => paint("31", "FAILED "),
                    Outcome::Skipped => paint("33", "SKIPPED"),
                    _ => paint("33", "PARTIAL"),
                };
                let reason = r.reason.clone().unwrap_or_default();
                let detail = r
                    .detail
                    .clone()
                    .or_else(|| {
                        r.skipped_parts
                            .first()
                            .map(|p| format!("{} ({})", p.member, p.detail))
                    })
                    .unwrap_or_default();
                writeln!(
                    w,
                    "  {what} {}  {reason}  {}",
                    r.meta.path,
                    paint("2", &detail)
                )?;
            }
            if not_done.len() > 50 {
                writeln!(
                    w,
                    "  ... and {} more (see --results or --format json)",
                    not_done.len() - 50
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
        if with.is_empty()
            && self.failures() == 0
            && self.summaries.iter().all(|s| s.error_code.is_none())
        {
            writeln!(w, "  No sensitive data found.")?;
        }
        Ok(())
    }

    fn write_sarif(&self, w: &mut dyn Write) -> io::Result<()> {
        use serde_json::json;
        let mut rules = std::collections::BTreeMap::new();
        let mut results = Vec::new();
        for r in &self.results {
            let Some(f) = &r.finding else { continue };
            let level = match f.severity.description {
                "High" => "error",
                "Medium" => "warning",
                _ => "note",
            };
            let dets = f
                .classification_details
                .result
                .sensitive_data
                .iter()
                .flat_map(|s| {
                    s.detections
                        .iter()
                        .map(|d| (d.kind.clone(), &d.occurrences, d.count))
                });
            let cdis = f
                .classification_details
                .result
                .custom_data_identifiers
                .detections
                .iter()
                .map(|d| (d.name.clone(), &d.occurrences, d.count));
            for (kind, occ, count) in dets.chain(cdis) {
                rules.entry(kind.clone()).or_insert_with(|| json!({"id": kind, "name": kind, "shortDescription": {"text": format!("Sensitive data: {kind}")}}));
                let mut locs: Vec<serde_json::Value> = occ
                    .line_ranges
                    .iter()
                    .map(|l| json!({"physicalLocation": {"artifactLocation": {"uri": r.meta.path}, "region": {"startLine": l.start, "endLine": l.end, "startColumn": l.start_column}}}))
                    .collect();
                if locs.is_empty() {
                    locs.push(
                        json!({"physicalLocation": {"artifactLocation": {"uri": r.meta.path}}}),
                    );
                }
                for loc in locs {
                    results.push(json!({"ruleId": kind, "level": level, "message": {"text": format!("{kind}: {count} occurrence(s) in {}", r.meta.path)}, "locations": [loc]}));
                }
            }
        }
        let doc = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{"tool": {"driver": {"name": "piiscan", "version": env!("CARGO_PKG_VERSION"), "rules": rules.into_values().collect::<Vec<_>>()}}, "results": results}]
        });
        serde_json::to_writer_pretty(&mut *w, &doc)?;
        writeln!(w)
    }
}

fn first_location(o: &super::model::Occurrences) -> String {
    let m = |m: &Option<String>| m.as_ref().map(|x| format!("{x} ")).unwrap_or_default();
    if let Some(l) = o.line_ranges.first() {
        format!("{}line {}:{}", m(&l.member), l.start, l.start_column)
    } else if let Some(c) = o.cells.first() {
        format!(
            "{}row {} col {}{}",
            m(&c.member),
            c.row,
            c.column,
            c.column_name
                .as_ref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        )
    } else if let Some(r) = o.records.first() {
        format!("{}record {} {}", m(&r.member), r.record_index, r.json_path)
    } else if let Some(p) = o.pages.first() {
        format!("{}page {}", m(&p.member), p.page_number)
    } else {
        String::new()
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
