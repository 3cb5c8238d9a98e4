//! What a content scan found per bucket, read from `piiscan scan --results`.
//!
//! In: JSON lines written by `piiscan scan ... --results FILE` (one per
//! object: `root` = bucket, `key`, `outcome`, `counts`, `severity`,
//! `findingType`). Out: a [`ContentSummary`] per bucket: objects seen and
//! with findings, occurrences by category, whether credentials were found,
//! the highest severity. Categories come from the built-in detector catalog
//! (an id it does not know counts as a custom identifier), so a
//! `SensitiveData:S3Object/Multiple` object that holds a key is still known
//! to hold credentials.

use crate::detect::{catalog, Category, Severity};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;

/// Errors reading a results file.
#[derive(Debug, thiserror::Error)]
pub enum ContentError {
    /// The file could not be read.
    #[error("cannot read results {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The error.
        source: std::io::Error,
    },
    /// A line is not a result record.
    #[error("{path}:{line}: not a piiscan result line: {source}")]
    Line {
        /// The file.
        path: String,
        /// 1-based line.
        line: usize,
        /// The error.
        source: serde_json::Error,
    },
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct ResultLine {
    root: String,
    #[serde(default)]
    outcome: String,
    #[serde(default)]
    counts: BTreeMap<String, u64>,
    #[serde(default)]
    severity: Option<Severity>,
    #[serde(default)]
    finding_type: Option<String>,
}

/// Content of one bucket, as far as the results tell.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ContentSummary {
    /// Result lines for the bucket.
    pub objects: u64,
    /// Objects with sensitive data.
    pub objects_with_findings: u64,
    /// Objects skipped or failed.
    pub objects_not_analysed: u64,
    /// Occurrences by category (CREDENTIALS, FINANCIAL_INFORMATION, ...).
    pub counts_by_category: BTreeMap<String, u64>,
    /// Occurrences by detector id.
    pub counts_by_type: BTreeMap<String, u64>,
    /// Credentials were found.
    pub credentials: bool,
    /// Highest severity of an object finding.
    pub max_severity: Option<Severity>,
}

impl ContentSummary {
    /// Anything sensitive.
    pub fn sensitive(&self) -> bool {
        self.objects_with_findings > 0
    }
    /// Credentials or High-severity data: what makes exposure critical.
    pub fn critical(&self) -> bool {
        self.credentials || self.max_severity == Some(Severity::High)
    }
}

/// Summaries per bucket (result `root`), from one or more results files.
pub fn read_results(
    paths: &[std::path::PathBuf],
) -> Result<HashMap<String, ContentSummary>, ContentError> {
    let cats: HashMap<String, Category> = catalog::builtin()
        .map(|defs| defs.into_iter().map(|d| (d.id, d.category)).collect())
        .unwrap_or_default();
    let mut out: HashMap<String, ContentSummary> = HashMap::new();
    for p in paths {
        let path = p.display().to_string();
        let f = std::fs::File::open(p).map_err(|source| ContentError::Io {
            path: path.clone(),
            source,
        })?;
        for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
            let line = line.map_err(|source| ContentError::Io {
                path: path.clone(),
                source,
            })?;
            if line.trim().is_empty() {
                continue;
            }
            let r: ResultLine =
                serde_json::from_str(&line).map_err(|source| ContentError::Line {
                    path: path.clone(),
                    line: i + 1,
                    source,
                })?;
            let s = out.entry(r.root.clone()).or_default();
            s.objects += 1;
            match r.outcome.as_str() {
                "SKIPPED" | "FAILED" => s.objects_not_analysed += 1,
                _ => {}
            }
            if r.outcome == "SENSITIVE" || r.finding_type.is_some() {
                s.objects_with_findings += 1;
                s.max_severity = s.max_severity.max(r.severity);
                if r.finding_type.as_deref() == Some("SensitiveData:S3Object/Credentials") {
                    s.credentials = true;
                }
            }
            for (id, n) in r.counts {
                let c = cats.get(&id).copied().unwrap_or(Category::CustomIdentifier);
                if c == Category::Credentials && n > 0 {
                    s.credentials = true;
                }
                *s.counts_by_category
                    .entry(c.as_str().to_string())
                    .or_default() += n;
                *s.counts_by_type.entry(id).or_default() += n;
            }
        }
    }
    Ok(out)
}
