//! `piiscan buckets`: read bucket settings, evaluate exposure, join scan
//! results, write the report, choose the exit code.

use super::args::AwsArgs;
use anyhow::{bail, Context, Result};
use clap::Args;
use piiscan::exposure::content::read_results;
use piiscan::exposure::findings::policy_findings;
use piiscan::exposure::reader::SettingsReader;
use piiscan::exposure::report::{BucketsReport, ReportFormat};
use piiscan::exposure::verdict::evaluate;
use std::path::PathBuf;
use std::sync::Arc;

/// Options of `piiscan buckets`.
#[derive(Args, Debug)]
#[command(after_help = concat!(
    "Examples:\n",
    "  piiscan buckets                                   # every bucket ListBuckets returns\n",
    "  piiscan buckets logs-prod exports --format json\n",
    "  piiscan buckets --bucket-include 'prod-*' --bucket-exclude '*-tmp'\n",
    "  piiscan buckets --results results.jsonl           # join a scan's --results\n",
    "  piiscan buckets --endpoint-url http://127.0.0.1:5000   # moto, MinIO, Ceph\n\n",
    "Needs read-only permissions only (see docs/exposure.md for the IAM policy).\n\n",
    "Exit codes:\n  0  no policy findings      1  findings\n",
    "  2  some bucket settings could not be read (those verdicts are UNKNOWN)\n",
    "  3  usage or configuration error"
))]
pub struct BucketsArgs {
    /// Buckets to check (default: every bucket ListBuckets returns).
    #[arg(value_name = "BUCKET")]
    pub buckets: Vec<String>,
    /// Only buckets whose name matches these globs (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub bucket_include: Vec<String>,
    /// Skip buckets whose name matches these globs (repeatable).
    #[arg(long, value_name = "GLOB")]
    pub bucket_exclude: Vec<String>,
    /// The buckets' account id (default: STS GetCallerIdentity).
    #[arg(long, value_name = "ID")]
    pub account_id: Option<String>,
    /// Per-object results of `piiscan scan ... --results FILE`, to join exposure with content (repeatable).
    #[arg(long, value_name = "FILE")]
    pub results: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value = "table")]
    pub format: ReportFormat,
    /// Write the output here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Requests in flight at once (bucket settings are read concurrently).
    #[arg(long, default_value_t = 8)]
    pub concurrency: usize,
    /// Exit 0 whatever was found.
    #[arg(long)]
    pub exit_zero: bool,
    /// Colour in table output: auto, always, never.
    #[arg(long, default_value = "auto")]
    pub color: String,
    #[command(flatten)]
    pub aws: AwsArgs,
}

fn globs(pats: &[String], what: &str) -> Result<Option<globset::GlobSet>> {
    if pats.is_empty() {
        return Ok(None);
    }
    let mut b = globset::GlobSetBuilder::new();
    for p in pats {
        b.add(globset::Glob::new(p).with_context(|| format!("bad {what} glob {p:?}"))?);
    }
    Ok(Some(b.build()?))
}

pub fn run(a: BucketsArgs) -> Result<u8> {
    let include = globs(&a.bucket_include, "--bucket-include")?;
    let exclude = globs(&a.bucket_exclude, "--bucket-exclude")?;
    if let Some(id) = &a.account_id {
        if id.len() != 12 || !id.bytes().all(|b| b.is_ascii_digit()) {
            bail!("--account-id {id:?}: an AWS account id is 12 digits");
        }
    }
    let content = read_results(&a.results)?;
    let opts = a.aws.options();
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    let now = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let listed = rt.block_on(async {
        let reader = Arc::new(SettingsReader::new(&opts, a.concurrency).await);
        let account = reader.account(a.account_id.as_deref()).await;
        let mut targets: Vec<(String, Option<String>)> = if a.buckets.is_empty() {
            match reader.list_buckets().await {
                Ok(t) => t,
                Err(e) => return anyhow::Ok(Err(e)),
            }
        } else {
            a.buckets.iter().map(|b| (b.clone(), None)).collect()
        };
        targets.retain(|(n, _)| {
            include.as_ref().map_or(true, |g| g.is_match(n))
                && !exclude.as_ref().is_some_and(|g| g.is_match(n))
        });
        let settings = reader.buckets(targets, &account, a.concurrency).await;
        anyhow::Ok(Ok((account.account_id.ok(), settings)))
    })?;
    let (account_id, settings) = match listed {
        Ok(x) => x,
        Err(e) => {
            // Nothing can be evaluated, and nothing may be reported as safe.
            eprintln!("piiscan: {e}");
            return Ok(2);
        }
    };
    let items = settings
        .iter()
        .map(|s| {
            let e = evaluate(s);
            let c = content.get(&s.name).cloned();
            let f = policy_findings(&e, c.as_ref(), &now);
            (e, f, c)
        })
        .collect();
    let report = BucketsReport::new(now, account_id, items);
    let color = super::use_color(&a.color, a.output.is_some());
    super::write_output(a.output.as_deref(), color, |w, c| {
        report.write(a.format, w, c)
    })?;
    if report.buckets.is_empty() {
        eprintln!("piiscan: no buckets to check");
    }
    if a.exit_zero {
        return Ok(0);
    }
    if report.has_read_errors() {
        return Ok(2);
    }
    Ok(if report.findings.is_empty() { 0 } else { 1 })
}
