//! `piiscan detectors list|test|check`.

use super::args::{DetectorSelection, DetectorsCmd};
use anyhow::{Context, Result};
use piiscan::detect::{catalog, selftest, Engine, Match, Selection};
use piiscan::findings::mask::mask;
use std::io::Write;

pub fn run(cmd: DetectorsCmd) -> Result<u8> {
    match cmd {
        DetectorsCmd::List {
            format,
            recommended,
        } => list(&format, recommended),
        DetectorsCmd::Test { file, sel, reveal } => test(&file, &sel, reveal),
        DetectorsCmd::Check { sel } => check(&sel),
    }
}

fn list(format: &str, recommended: bool) -> Result<u8> {
    let defs: Vec<_> = catalog::builtin()?
        .into_iter()
        .filter(|d| !recommended || d.recommended)
        .collect();
    let mut out = std::io::stdout().lock();
    match format {
        "json" => {
            serde_json::to_writer_pretty(&mut out, &defs)?;
            writeln!(out)?;
        }
        "markdown" | "md" => {
            writeln!(out, "| id | category | countries | keyword required | validation | recommended | Macie id |")?;
            writeln!(out, "|---|---|---|---|---|---|---|")?;
            for d in &defs {
                let pats = d.effective_patterns();
                let kw = if pats.iter().all(|p| p.2) {
                    "yes"
                } else if pats.iter().any(|p| p.2) {
                    "some forms"
                } else {
                    "no"
                };
                let vals: Vec<String> = pats
                    .iter()
                    .filter_map(|p| p.1.clone())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let cat = match d.kind {
                    Some(k) => format!("{} ({k:?})", d.category.as_str()),
                    None => d.category.as_str().to_string(),
                };
                writeln!(
                    out,
                    "| `{}` | {} | {} | {} | {} | {} | {} |",
                    d.id,
                    cat,
                    if d.countries.is_empty() {
                        "any".into()
                    } else {
                        d.countries.join(", ")
                    },
                    kw,
                    if vals.is_empty() {
                        "format".into()
                    } else {
                        vals.join(", ")
                    },
                    if d.recommended { "yes" } else { "" },
                    if d.macie { "yes" } else { "" }
                )?;
            }
        }
        _ => {
            writeln!(
                out,
                "{:<52} {:<22} {:<10} {:<8} {:<4} VALIDATION",
                "ID", "CATEGORY", "COUNTRIES", "KEYWORD", "REC"
            )?;
            for d in &defs {
                let pats = d.effective_patterns();
                let kw = if pats.iter().all(|p| p.2) {
                    "yes"
                } else if pats.iter().any(|p| p.2) {
                    "some"
                } else {
                    "no"
                };
                let vals: Vec<String> = pats
                    .iter()
                    .filter_map(|p| p.1.clone())
                    .collect::<std::collections::BTreeSet<_>>()
                    .into_iter()
                    .collect();
                let c = if d.countries.is_empty() {
                    "any".to_string()
                } else {
                    d.countries.join(",")
                };
                writeln!(
                    out,
                    "{:<52} {:<22} {:<10} {:<8} {:<4} {}",
                    d.id,
                    d.category.as_str(),
                    c,
                    kw,
                    if d.recommended { "yes" } else { "" },
                    vals.join(",")
                )?;
            }
            let macie = defs.iter().filter(|d| d.macie).count();
            writeln!(
                out,
                "\n{} detectors ({} with Amazon Macie managed identifier ids)",
                defs.len(),
                macie
            )?;
            let sel = if recommended {
                Selection::Recommended
            } else {
                Selection::All
            };
            let engine = piiscan::detect::build_engine(
                &sel,
                &[],
                vec![],
                piiscan::detect::AllowList::default(),
            )?;
            let (k, l, p, s) = engine.trigger_counts();
            writeln!(out, "{} patterns: {k} triggered by keywords, {l} by literal prefixes, {p} by structural prefilters, {s} in the shared scan regex ({})", k + l + p + s, engine.scan_triggered().join(", "))?;
        }
    }
    Ok(0)
}

fn test(file: &std::path::Path, sel: &DetectorSelection, reveal: bool) -> Result<u8> {
    let engine: Engine = super::engine_setup::build(sel)?;
    let text = std::fs::read(file).with_context(|| format!("cannot read {}", file.display()))?;
    let mut sc = engine.scanner();
    sc.record_rejections(true);
    let mut found: Vec<Match> = Vec::new();
    sc.scan(&text, 0..text.len(), &[], &mut found);
    let line_col = |off: usize| {
        let before = &text[..off];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let col = off
            - before
                .iter()
                .rposition(|&b| b == b'\n')
                .map(|p| p + 1)
                .unwrap_or(0)
            + 1;
        (line, col)
    };
    let mut out = std::io::stdout().lock();
    writeln!(out, "Detections ({}):", found.len())?;
    for m in &found {
        let d = &engine.detectors[m.detector as usize].def;
        let (l, c) = line_col(m.start);
        writeln!(
            out,
            "  {l}:{c}  {:<44} {:<14} confidence {:?}{}",
            d.id,
            mask(&text[m.start..m.end], d.category, reveal),
            m.confidence,
            if m.keyword { ", keyword" } else { "" }
        )?;
    }
    let rej = sc.rejections();
    writeln!(out, "Rejected candidates ({}):", rej.len())?;
    for (di, s, e, why) in rej {
        let d = &engine.detectors[*di as usize].def;
        let (l, c) = line_col(*s);
        writeln!(
            out,
            "  {l}:{c}  {:<44} {:<14} {:?}",
            d.id,
            mask(&text[*s..*e], d.category, reveal),
            why
        )?;
    }
    writeln!(out, "(keyword-required detectors only look near their keywords; a value with no keyword nearby is not a candidate)")?;
    Ok(if found.is_empty() { 0 } else { 1 })
}

fn check(sel: &DetectorSelection) -> Result<u8> {
    let engine = super::engine_setup::build(sel)?;
    let fails = selftest::check_examples(&engine);
    let n: usize = engine
        .detectors
        .iter()
        .map(|d| d.def.examples.len() + d.def.negative_examples.len())
        .sum();
    for f in &fails {
        println!(
            "FAIL {}: {} {:?}",
            f.id,
            if f.positive {
                "missed example"
            } else {
                "fired on negative example"
            },
            f.text
        );
    }
    println!(
        "{} detectors, {} examples checked, {} failures",
        engine.detectors.len(),
        n,
        fails.len()
    );
    Ok(if fails.is_empty() { 0 } else { 1 })
}
