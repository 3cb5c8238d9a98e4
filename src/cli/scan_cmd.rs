//! `piiscan scan`: run a scan, write the outputs, choose the exit code.

use super::args::ScanArgs;
use anyhow::{bail, Context, Result};
use piiscan::baseline::{Baseline, BaselineEntry};
use piiscan::extract::Limits;
use piiscan::findings::output::Format;
use piiscan::findings::FindingOptions;
use piiscan::scan::{self, Progress, ScanOptions};
use piiscan::source::local::{globset, LocalOptions};
use piiscan::util::parse_size;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

static STOP: AtomicBool = AtomicBool::new(false);

pub fn run(a: ScanArgs) -> Result<u8> {
    let engine = super::engine_setup::build(&a.sel)?;
    let mut roots = Vec::new();
    for p in &a.paths {
        if p.starts_with("s3://") {
            bail!("{p}: S3 scanning is not available in this build yet; scan a local copy (aws s3 sync) instead");
        }
        let pb = PathBuf::from(p);
        if !pb.exists() {
            bail!("{p}: no such file or directory");
        }
        roots.push(pb);
    }
    let lopts = LocalOptions {
        include: globset(&a.include).context("bad --include glob")?,
        exclude: globset(&a.exclude).context("bad --exclude glob")?,
        max_file_size: a
            .max_file_size
            .as_deref()
            .map(parse_size)
            .transpose()
            .map_err(anyhow::Error::msg)?,
        follow_symlinks: a.follow_symlinks,
        threads: a.threads,
    };
    let baseline = a
        .baseline
        .as_deref()
        .map(Baseline::load)
        .transpose()
        .map_err(anyhow::Error::msg)?;
    let now = chrono::Utc::now();
    let run_id = format!("local-{}", now.format("%Y%m%dT%H%M%SZ"));
    let opts = ScanOptions {
        limits: Limits {
            max_depth: a.max_depth,
            max_total_bytes: parse_size(&a.max_expanded).map_err(anyhow::Error::msg)?,
            max_member_bytes: parse_size(&a.max_member_size).map_err(anyhow::Error::msg)?,
            max_ratio: a.max_ratio,
            max_members: a.max_members,
            max_json_depth: a.max_json_depth,
            max_in_memory: parse_size(&a.max_in_memory).map_err(anyhow::Error::msg)?,
            ..Limits::default()
        },
        findings: FindingOptions {
            reveal: a.reveal,
            max_occurrences: a.max_occurrences,
            job_id: run_id,
            created_at: now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            results_location: a.results.as_ref().map(|p| p.display().to_string()),
            baseline: baseline.map(Arc::new),
            ..FindingOptions::default()
        },
        threads: a.threads,
    };
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("\npiiscan: interrupted; finishing the objects in flight and writing what was scanned (Ctrl-C again to quit now)");
    });
    let progress = Progress::default();
    let done = AtomicBool::new(false);
    let mut report = std::thread::scope(|s| {
        super::progress::spawn(s, &progress, &done, !a.no_progress);
        let r = scan::scan_local(&engine, &roots, &lopts, &opts, &progress, &STOP);
        done.store(true, Ordering::Relaxed);
        r
    });
    report.suppressed_by_baseline = report
        .results
        .iter()
        .map(|r| r.suppressed_by_baseline)
        .sum();

    if let Some(p) = &a.results {
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(p)
                .with_context(|| format!("cannot write --results {}", p.display()))?,
        );
        report.write_results(&mut f)?;
        f.flush()?;
    }
    if let Some(p) = &a.write_baseline {
        let entries = report
            .results
            .iter()
            .filter(|r| r.finding.is_some())
            .flat_map(|r| {
                r.counts.iter().map(|(k, n)| BaselineEntry {
                    root: r.meta.root.clone(),
                    key: r.meta.key.clone(),
                    kind: k.clone(),
                    count: *n,
                })
            })
            .collect();
        let b = Baseline::from_entries(entries);
        std::fs::write(p, serde_json::to_string_pretty(&b)? + "\n")
            .with_context(|| format!("cannot write baseline {}", p.display()))?;
    }
    let color = match a.color.as_str() {
        "always" => true,
        "never" => false,
        _ => {
            a.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    match &a.output {
        Some(p) => {
            let mut f = std::io::BufWriter::new(
                std::fs::File::create(p)
                    .with_context(|| format!("cannot write --output {}", p.display()))?,
            );
            report.write(a.format, &mut f, false)?;
            f.flush()?;
            if a.format != Format::Text && std::io::stderr().is_terminal() {
                let mut e = std::io::stderr();
                report.write(Format::Text, &mut e, false)?;
            }
        }
        None => {
            let out = std::io::stdout();
            let mut lock = out.lock();
            report.write(a.format, &mut lock, color)?;
            lock.flush()?;
        }
    }
    if STOP.load(Ordering::SeqCst) {
        return Ok(130);
    }
    if a.exit_zero {
        return Ok(0);
    }
    if report.failures() > 0 && !a.ignore_errors {
        return Ok(2);
    }
    Ok(if report.objects_with_findings() > 0 {
        1
    } else {
        0
    })
}
