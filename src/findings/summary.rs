//! Per-root (local) or per-bucket (S3) summaries and the sensitivity score.
//!
//! The score follows Macie's semantics: −1 classification error (nothing
//! could be analysed), 1–49 not sensitive, 50 not yet analysed, 51–100
//! sensitive. piiscan computes it as:
//! - no object analysed: 50, or −1 when every object in scope failed;
//! - nothing sensitive: `49 − 48 × analysed / in_scope` (1 when all of the
//!   bucket was analysed and clean, closer to 49 the less was analysed);
//! - sensitive: `51 + 48 × (½ × share of analysed objects that are sensitive
//!   + ½ × min(1, distinct types / 10))`, plus 1 if any credentials were found,
//!   capped at 100.

use super::object::{ObjectResult, Outcome};
use crate::detect::{Category, Engine, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

/// S3 requests made and bytes transferred (users pay for these).
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RequestStats {
    /// ListObjectsV2 / ListBuckets calls.
    pub list: u64,
    /// GetObject calls (ranged ones included).
    pub get: u64,
    /// Of `get`: ranged GETs made for random access (zip central directory
    /// and members, Parquet footer and pages of large objects; the 8 KiB
    /// sniffs are not counted here).
    pub ranged_get: u64,
    /// HeadObject / HeadBucket calls.
    pub head: u64,
    /// GetObjectTagging calls.
    pub tagging: u64,
    /// Other calls (location, bucket settings).
    pub other: u64,
    /// Bytes received in object bodies.
    pub bytes_transferred: u64,
}

/// Summary of one root or bucket.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RootSummary {
    /// Root path or bucket name.
    pub root: String,
    /// Region (S3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Objects seen by enumeration.
    pub objects_listed: u64,
    /// Objects that passed the criteria (in scope).
    pub objects_in_scope: u64,
    /// Objects analysed (COMPLETE or PARTIAL).
    pub objects_scanned: u64,
    /// Objects skipped, by reason.
    pub objects_skipped: BTreeMap<String, u64>,
    /// Objects failed, by reason.
    pub objects_failed: BTreeMap<String, u64>,
    /// Objects only partly analysed.
    pub objects_partial: u64,
    /// Bytes of content analysed.
    pub bytes_scanned: u64,
    /// Objects with sensitive data.
    pub objects_with_findings: u64,
    /// Findings by severity.
    pub findings_by_severity: BTreeMap<String, u64>,
    /// Occurrences by detector id.
    pub counts_by_type: BTreeMap<String, u64>,
    /// Occurrences by category.
    pub counts_by_category: BTreeMap<String, u64>,
    /// Macie-style sensitivity score (see module docs).
    pub sensitivity_score: i32,
    /// S3 requests (S3 only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requests: Option<RequestStats>,
    /// Why the bucket (or part of its listing) could not be read, as a
    /// reason code (NO_SUCH_BUCKET_AVAILABLE, PERMISSION_DENIED, ...).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_code: Option<String>,
    /// Detail of `error_code`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error_message: Option<String>,
}

impl RootSummary {
    /// A summary for `root`.
    pub fn new(root: &str) -> Self {
        RootSummary {
            root: root.to_string(),
            sensitivity_score: 50,
            ..Default::default()
        }
    }

    /// Count an object that enumeration saw but the criteria excluded.
    pub fn listed_out_of_scope(&mut self) {
        self.objects_listed += 1;
    }

    /// Fold in one object's result.
    pub fn add(&mut self, engine: &Engine, r: &ObjectResult) {
        self.objects_listed += 1;
        self.objects_in_scope += 1;
        let reason = r.reason.clone().unwrap_or_else(|| "UNKNOWN".into());
        match r.outcome {
            Outcome::Skipped => *self.objects_skipped.entry(reason).or_default() += 1,
            Outcome::Failed => *self.objects_failed.entry(reason).or_default() += 1,
            Outcome::Clean | Outcome::Sensitive => self.objects_scanned += 1,
        }
        if r.status == super::Status::Partial && r.outcome != Outcome::Failed {
            self.objects_partial += 1;
        }
        self.bytes_scanned += r.bytes_scanned;
        if let Some(sev) = r.severity {
            self.objects_with_findings += 1;
            *self
                .findings_by_severity
                .entry(sev.description().to_string())
                .or_default() += 1;
        }
        for (id, n) in &r.counts {
            *self.counts_by_type.entry(id.clone()).or_default() += n;
            if let Some(i) = engine.detector_index(id) {
                let c = engine.detectors[i as usize].def.category;
                *self
                    .counts_by_category
                    .entry(c.as_str().to_string())
                    .or_default() += n;
            }
        }
        self.sensitivity_score = self.score(engine);
    }

    fn score(&self, engine: &Engine) -> i32 {
        let failed: u64 = self.objects_failed.values().sum();
        if self.objects_scanned == 0 {
            return if failed > 0 && failed == self.objects_in_scope {
                -1
            } else {
                50
            };
        }
        if self.objects_with_findings == 0 {
            let frac = self.objects_scanned as f64 / self.objects_in_scope.max(1) as f64;
            return (49.0 - 48.0 * frac).round().clamp(1.0, 49.0) as i32;
        }
        let share = self.objects_with_findings as f64 / self.objects_scanned as f64;
        let types = (self.counts_by_type.len() as f64 / 10.0).min(1.0);
        let creds = self.counts_by_type.keys().any(|id| {
            engine
                .detector_index(id)
                .is_some_and(|i| engine.detectors[i as usize].def.category == Category::Credentials)
        });
        (51.0 + 48.0 * (0.5 * share + 0.5 * types) + if creds { 1.0 } else { 0.0 })
            .round()
            .clamp(51.0, 100.0) as i32
    }

    /// Highest finding severity seen.
    pub fn max_severity(&self) -> Option<Severity> {
        if self.findings_by_severity.contains_key("High") {
            Some(Severity::High)
        } else if self.findings_by_severity.contains_key("Medium") {
            Some(Severity::Medium)
        } else if self.findings_by_severity.contains_key("Low") {
            Some(Severity::Low)
        } else {
            None
        }
    }
}
