//! `piiscan scan`: run a scan, write the outputs, choose the exit code.

use super::args::{S3Args, ScanArgs};
use anyhow::{bail, Context, Result};
use piiscan::baseline::{Baseline, BaselineEntry};
use piiscan::extract::Limits;
use piiscan::findings::output::Format;
use piiscan::findings::FindingOptions;
use piiscan::scan::{self, Progress, ScanOptions};
use piiscan::scan_s3::{self, S3ScanOptions};
use piiscan::source::local::{globset, LocalOptions};
use piiscan::source::s3::criteria::{normalize_extensions, parse_time};
use piiscan::source::s3::{Criteria, S3Target, TagCriterion};
use piiscan::util::parse_size;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

static STOP: AtomicBool = AtomicBool::new(false);

pub fn run(a: ScanArgs) -> Result<u8> {
    let engine = super::engine_setup::build(&a.sel)?;
    let mut roots = Vec::new();
    let mut targets = Vec::new();
    for p in &a.paths {
        if p.starts_with("s3://") {
            targets.push(S3Target::parse(p).map_err(anyhow::Error::msg)?);
            continue;
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
    if !roots.is_empty() {
        let s = &a.s3;
        let s3_only = [
            (!s.extensions.is_empty(), "--extensions"),
            (s.min_size.is_some(), "--min-size"),
            (s.max_size.is_some(), "--max-size"),
            (s.modified_after.is_some(), "--modified-after"),
            (s.modified_before.is_some(), "--modified-before"),
            (s.sample.is_some(), "--sample"),
            (
                !s.tag.is_empty() || !s.exclude_tag.is_empty(),
                "--tag/--exclude-tag",
            ),
        ];
        let used: Vec<&str> = s3_only
            .iter()
            .filter(|(u, _)| *u)
            .map(|(_, f)| *f)
            .collect();
        if !used.is_empty() {
            eprintln!(
                "piiscan: note: {} apply to S3 objects only; local paths are scanned without them",
                used.join(", ")
            );
        }
    }
    let s3 = (a.s3.all_buckets || !targets.is_empty())
        .then(|| s3_options(&a, targets))
        .transpose()?;
    // PIISCAN_NOW (RFC 3339; hidden, for tests that compare the bytes of
    // two runs): the run's clock, which the run id and finding times use.
    let now = std::env::var("PIISCAN_NOW")
        .ok()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
        .map_or_else(chrono::Utc::now, |t| t.with_timezone(&chrono::Utc));
    let kind = if s3.is_some() { "s3" } else { "local" };
    let run_id = format!("{kind}-{}", now.format("%Y%m%dT%H%M%SZ"));
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
        sort_records: a.sort_records,
    };
    let _ = ctrlc::set_handler(|| {
        if STOP.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
        eprintln!("\npiiscan: interrupted; finishing the objects in flight and writing what was scanned (Ctrl-C again to quit now)");
    });
    let progress = Progress::default();
    let done = AtomicBool::new(false);
    let mut report = std::thread::scope(|s| -> Result<_> {
        super::progress::spawn(s, &progress, &done, !a.no_progress);
        let mut r = (!roots.is_empty())
            .then(|| scan::scan_local(&engine, &roots, &lopts, &opts, &progress, &STOP));
        if let Some(s3) = &s3 {
            if !STOP.load(Ordering::SeqCst) {
                let sr = scan_s3::scan_s3(&engine, s3, &opts, &progress, &STOP);
                let sr = match sr {
                    Ok(x) => x,
                    Err(e) => {
                        done.store(true, Ordering::Relaxed);
                        return Err(e.into());
                    }
                };
                r = Some(match r {
                    None => sr,
                    Some(mut l) => {
                        l.results.absorb(sr.results);
                        l.summaries.extend(sr.summaries);
                        l
                    }
                });
            }
        }
        done.store(true, Ordering::Relaxed);
        Ok(r.unwrap_or_else(|| {
            piiscan::findings::output::Report::new(
                opts.findings.job_id.clone(),
                opts.findings.created_at.clone(),
                Default::default(),
            )
        }))
    })?;
    report.suppressed_by_baseline = report.results.counts().suppressed;
    if let Some(e) = report.results.spill_error() {
        eprintln!("piiscan: warning: {e}; the remaining results are held in memory");
    }

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
            .baseline_entries()?
            .into_iter()
            .map(|(root, key, kind, count)| BaselineEntry {
                root,
                key,
                kind,
                count,
            })
            .collect();
        let b = Baseline::from_entries(entries);
        std::fs::write(p, serde_json::to_string_pretty(&b)? + "\n")
            .with_context(|| format!("cannot write baseline {}", p.display()))?;
    }
    let color = super::use_color(&a.color, a.output.is_some());
    super::write_output(a.output.as_deref(), color, |w, c| {
        report.write(a.format, w, c)
    })?;
    if a.output.is_some() && a.format != Format::Text && std::io::stderr().is_terminal() {
        // the machine format went to the file: a readable summary for the person at the terminal
        report.write(Format::Text, &mut std::io::stderr(), false)?;
    }
    if STOP.load(Ordering::SeqCst) {
        return Ok(130);
    }
    if a.exit_zero {
        return Ok(0);
    }
    let bucket_errors = report.summaries.iter().any(|s| s.error_code.is_some());
    if (report.failures() > 0 || bucket_errors) && !a.ignore_errors {
        return Ok(2);
    }
    Ok(if report.objects_with_findings() > 0 {
        1
    } else {
        0
    })
}

fn size_opt(s: &Option<String>, flag: &str) -> Result<Option<u64>> {
    s.as_deref()
        .map(parse_size)
        .transpose()
        .map_err(|e| anyhow::anyhow!("{flag}: {e}"))
}

fn time_opt(s: &Option<String>, flag: &str) -> Result<Option<chrono::DateTime<chrono::Utc>>> {
    s.as_deref()
        .map(parse_time)
        .transpose()
        .map_err(|e| anyhow::anyhow!("{flag}: {e}"))
}

fn tags(list: &[String], flag: &str) -> Result<Vec<TagCriterion>> {
    list.iter()
        .map(|t| TagCriterion::parse(t).map_err(|e| anyhow::anyhow!("{flag}: {e}")))
        .collect()
}

/// S3 scope and connection from the command line.
fn s3_options(a: &ScanArgs, targets: Vec<S3Target>) -> Result<S3ScanOptions> {
    let s: &S3Args = &a.s3;
    if let Some(p) = s.sample {
        if !(p > 0.0 && p <= 100.0) {
            bail!("--sample {p}: a percentage greater than 0 and at most 100");
        }
    }
    if s.concurrency == 0 {
        bail!("--concurrency must be at least 1");
    }
    let bucket_glob = |v: &[String], flag: &str| -> Result<Option<globset::GlobSet>> {
        if v.is_empty() {
            return Ok(None);
        }
        let mut b = globset::GlobSetBuilder::new();
        for p in v {
            b.add(globset::Glob::new(p).with_context(|| format!("bad {flag} glob {p:?}"))?);
        }
        Ok(Some(b.build()?))
    };
    let criteria = Criteria {
        include: globset(&a.include).context("bad --include glob")?,
        exclude: globset(&a.exclude).context("bad --exclude glob")?,
        extensions: normalize_extensions(&s.extensions),
        min_size: size_opt(&s.min_size, "--min-size")?,
        max_size: size_opt(&s.max_size, "--max-size")?,
        modified_after: time_opt(&s.modified_after, "--modified-after")?,
        modified_before: time_opt(&s.modified_before, "--modified-before")?,
        sample_percent: s.sample.filter(|p| *p < 100.0),
        tags: tags(&s.tag, "--tag")?,
        exclude_tags: tags(&s.exclude_tag, "--exclude-tag")?,
        max_object_size: parse_size(&s.max_object_size)
            .map_err(|e| anyhow::anyhow!("--max-object-size: {e}"))?,
    };
    Ok(S3ScanOptions {
        aws: a.aws.options(),
        targets,
        all_buckets: s.all_buckets,
        bucket_include: bucket_glob(&s.bucket_include, "--bucket-include")?,
        bucket_exclude: bucket_glob(&s.bucket_exclude, "--bucket-exclude")?,
        criteria,
        concurrency: s.concurrency,
        page_size: s.page_size,
        ranged_above: size_opt(&s.ranged_above, "--ranged-above")?,
        range_window: size_opt(&s.range_window, "--range-window")?
            .unwrap_or(scan_s3::RANGE_WINDOW)
            .max(1),
    })
}
