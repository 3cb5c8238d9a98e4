//! Per-object accumulation: detections with locations and masked samples go
//! in while an object is extracted; a result record (always) and a Macie
//! finding (when something sensitive was found) come out.
//!
//! Counts are complete; locations are capped per type (`max_occurrences`,
//! Macie's 15 by default) and `additionalOccurrences` says when more exist.
//! The value itself is never stored: only a masked sample, unless `reveal`.

use super::mask::mask;
use super::model::*;
use crate::detect::{Category, Engine, Match, Severity};
use serde::Serialize;
use std::collections::BTreeMap;

/// What the source knows about an object.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectMeta {
    /// Bucket name or local root.
    pub root: String,
    /// Key, or path relative to the root.
    pub key: String,
    /// Display path (`s3://bucket/key` or the local path).
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// ETag (S3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    /// Last modified, RFC 3339.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// Storage class (S3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub storage_class: Option<String>,
    /// Version id (S3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version_id: Option<String>,
    /// Encryption type and key (S3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sse: Option<(String, Option<String>)>,
    /// Region (S3).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// True for S3 objects.
    #[serde(skip)]
    pub is_s3: bool,
    /// Bucket owner (S3, when known).
    #[serde(skip)]
    pub owner: Option<serde_json::Value>,
    /// Account id (S3, when known).
    #[serde(skip)]
    pub account_id: Option<String>,
    /// Object tags (S3, only when a tag criterion made piiscan read them).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tags: Option<Vec<ObjectTag>>,
}

/// An S3 object tag (Macie's `s3Object.tags[]` shape).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ObjectTag {
    /// Key.
    pub key: String,
    /// Value.
    pub value: String,
}

/// Macie classification status of an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Status {
    /// Fully analysed.
    Complete,
    /// Part analysed (a member skipped, a limit hit).
    Partial,
    /// Not analysed.
    Skipped,
}

/// What became of an object, for the summary and exit codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Outcome {
    /// Analysed, nothing found.
    Clean,
    /// Sensitive data found.
    Sensitive,
    /// Deliberately not analysed (unsupported type, size limit, storage class).
    Skipped,
    /// Could not be analysed (permission denied, I/O error, malformed).
    Failed,
}

/// A part of an object that was not analysed, and why.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct SkippedPart {
    /// Member path inside the object (`dir/member.bin`), or empty for the object.
    pub member: String,
    /// Macie-style reason code.
    pub reason: String,
    /// Human detail.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub detail: String,
}

#[derive(Debug, Default)]
struct DetAcc {
    count: u64,
    occ: Occurrences,
    listed: usize,
    samples: Vec<String>,
}

/// The record written for every object in scope (`--results`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectResult {
    /// Source metadata.
    #[serde(flatten)]
    pub meta: ObjectMeta,
    /// COMPLETE / PARTIAL / SKIPPED.
    pub status: Status,
    /// CLEAN / SENSITIVE / SKIPPED / FAILED.
    pub outcome: Outcome,
    /// Reason code when not COMPLETE (Macie's codes where they fit).
    pub reason: Option<String>,
    /// Human detail of the reason.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub detail: Option<String>,
    /// Detected MIME type.
    pub mime_type: String,
    /// Bytes of (decompressed) content analysed.
    pub bytes_scanned: u64,
    /// Occurrences by detector id.
    pub counts: BTreeMap<String, u64>,
    /// Highest severity, when sensitive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    /// Finding type, when sensitive.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub finding_type: Option<String>,
    /// Parts not analysed.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped_parts: Vec<SkippedPart>,
    /// Occurrences suppressed by the baseline.
    #[serde(skip_serializing_if = "is_zero")]
    pub suppressed_by_baseline: u64,
    /// The finding (not part of the result line: written separately).
    #[serde(skip)]
    pub finding: Option<Finding>,
}

/// Options that shape findings.
#[derive(Debug, Clone)]
pub struct FindingOptions {
    /// Show full values in samples.
    pub reveal: bool,
    /// Locations listed per type (Macie: 15).
    pub max_occurrences: usize,
    /// Samples kept per type.
    pub max_samples: usize,
    /// Run id.
    pub job_id: String,
    /// Timestamp of the run (RFC 3339).
    pub created_at: String,
    /// `--results` path, echoed in findings.
    pub results_location: Option<String>,
    /// Accepted findings to suppress.
    pub baseline: Option<std::sync::Arc<crate::baseline::Baseline>>,
}

impl Default for FindingOptions {
    fn default() -> Self {
        FindingOptions {
            reveal: false,
            max_occurrences: 15,
            max_samples: 3,
            job_id: "local".into(),
            created_at: String::new(),
            results_location: None,
            baseline: None,
        }
    }
}

/// Collects one object's detections. One per object, on one thread.
pub struct ObjectCollector<'o> {
    opts: &'o FindingOptions,
    dets: BTreeMap<u32, DetAcc>,
    skipped: Vec<SkippedPart>,
    failed: Option<(String, String)>,
    skipped_whole: Option<(String, String)>,
    /// Detected MIME type (set by the extractor).
    pub mime_type: String,
    /// Bytes analysed (extractors add to it).
    pub bytes_scanned: u64,
}

impl<'o> ObjectCollector<'o> {
    /// A fresh collector.
    pub fn new(opts: &'o FindingOptions) -> Self {
        ObjectCollector {
            opts,
            dets: BTreeMap::new(),
            skipped: vec![],
            failed: None,
            skipped_whole: None,
            mime_type: "text/plain".into(),
            bytes_scanned: 0,
        }
    }

    /// Record a detection; `value` is the matched bytes (masked here).
    pub fn add(&mut self, engine: &Engine, m: &Match, value: &[u8], loc: Location) {
        let acc = self.dets.entry(m.detector).or_default();
        acc.count += 1;
        if acc.listed < self.opts.max_occurrences {
            acc.occ.push(loc);
            acc.listed += 1;
        }
        if acc.samples.len() < self.opts.max_samples {
            let cat = engine.detectors[m.detector as usize].def.category;
            let s = mask(value, cat, self.opts.reveal);
            if !acc.samples.contains(&s) {
                acc.samples.push(s);
            }
        }
    }

    /// A part of the object was not analysed (object becomes PARTIAL).
    pub fn skip_part(&mut self, member: &str, reason: &str, detail: impl Into<String>) {
        if self.skipped.len() < 1000 {
            self.skipped.push(SkippedPart {
                member: member.to_string(),
                reason: reason.to_string(),
                detail: detail.into(),
            });
        }
    }

    /// The whole object was deliberately not analysed.
    pub fn skip(&mut self, reason: &str, detail: impl Into<String>) {
        self.skipped_whole = Some((reason.to_string(), detail.into()));
    }

    /// The object could not be analysed (error).
    pub fn fail(&mut self, reason: &str, detail: impl Into<String>) {
        self.failed = Some((reason.to_string(), detail.into()));
    }

    /// The source itself failed (an S3 object changed or could not be read
    /// while it was extracted): that reason wins over whatever the
    /// extractor made of the I/O error; `skip` for Macie's skip reasons.
    pub fn source_failed(&mut self, reason: &str, detail: impl Into<String>, skip: bool) {
        if skip {
            self.failed = None;
            self.skip(reason, detail);
        } else {
            self.fail(reason, detail);
        }
    }

    /// Whether a detector has been seen (tests).
    pub fn count_of(&self, detector: u32) -> u64 {
        self.dets.get(&detector).map(|a| a.count).unwrap_or(0)
    }

    /// Build the result record and, if sensitive, the finding.
    pub fn finish(mut self, engine: &Engine, meta: ObjectMeta) -> ObjectResult {
        let mut suppressed = 0;
        if let Some(b) = &self.opts.baseline {
            self.dets.retain(|d, acc| {
                let id = &engine.detectors[*d as usize].def.id;
                let keep = b
                    .accepted(&meta.root, &meta.key, id)
                    .is_none_or(|n| acc.count > n);
                if !keep {
                    suppressed += acc.count;
                }
                keep
            });
        }
        let counts: BTreeMap<String, u64> = self
            .dets
            .iter()
            .map(|(d, a)| (engine.detectors[*d as usize].def.id.clone(), a.count))
            .collect();
        let (status, outcome, reason, detail) = if let Some((r, d)) = &self.failed {
            // Detections made before the failure still count.
            let st = if self.dets.is_empty() {
                Status::Skipped
            } else {
                Status::Partial
            };
            (st, Outcome::Failed, Some(r.clone()), Some(d.clone()))
        } else if let Some((r, d)) = &self.skipped_whole {
            (
                Status::Skipped,
                Outcome::Skipped,
                Some(r.clone()),
                Some(d.clone()),
            )
        } else {
            let st = if self.skipped.is_empty() {
                Status::Complete
            } else {
                Status::Partial
            };
            let reason = self.skipped.first().map(|s| {
                if s.reason.starts_with("ARCHIVE") {
                    s.reason.clone()
                } else {
                    "ARCHIVE_CONTAINS_UNPROCESSED_FILES".to_string()
                }
            });
            let reason = if st == Status::Partial { reason } else { None };
            (
                st,
                if self.dets.is_empty() {
                    Outcome::Clean
                } else {
                    Outcome::Sensitive
                },
                reason,
                None,
            )
        };
        let mut res = ObjectResult {
            meta,
            status,
            outcome,
            reason,
            detail,
            mime_type: self.mime_type.clone(),
            bytes_scanned: self.bytes_scanned,
            counts,
            severity: None,
            finding_type: None,
            skipped_parts: self.skipped.clone(),
            suppressed_by_baseline: suppressed,
            finding: None,
        };
        if !self.dets.is_empty() {
            res.finding = build_finding(engine, self.opts, &res, self.dets);
            if let Some(f) = &res.finding {
                res.severity = Some(match f.severity.score {
                    1 => Severity::Low,
                    2 => Severity::Medium,
                    _ => Severity::High,
                });
                res.finding_type = Some(f.kind.clone());
            }
            if res.outcome == Outcome::Sensitive && res.finding.is_none() {
                // custom identifiers under their lowest severity threshold
                res.outcome = Outcome::Clean;
            }
        }
        res
    }
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

fn finding_type(cats: &[Category]) -> (&'static str, &'static str) {
    if cats.len() > 1 {
        return (
            "SensitiveData:S3Object/Multiple",
            "multiple types of sensitive information",
        );
    }
    match cats[0] {
        Category::Credentials => (
            "SensitiveData:S3Object/Credentials",
            "sensitive credentials data",
        ),
        Category::FinancialInformation => {
            ("SensitiveData:S3Object/Financial", "financial information")
        }
        Category::PersonalInformation => {
            ("SensitiveData:S3Object/Personal", "personal information")
        }
        Category::CustomIdentifier => (
            "SensitiveData:S3Object/CustomIdentifier",
            "text that matches the criteria of a custom data identifier",
        ),
    }
}

/// Stable FNV-1a 64 hex digest for ids (documented, version-independent).
pub fn fnv64(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= b as u64;
            h = h.wrapping_mul(0x100000001b3);
        }
    }
    format!("{h:016x}")
}

fn build_finding(
    engine: &Engine,
    opts: &FindingOptions,
    res: &ObjectResult,
    dets: BTreeMap<u32, DetAcc>,
) -> Option<Finding> {
    let mut by_cat: BTreeMap<Category, Vec<Detection>> = BTreeMap::new();
    let mut custom = CustomDataIdentifiers::default();
    let mut severity: Option<Severity> = None;
    let mut additional = false;
    for (d, acc) in dets {
        let def = &engine.detectors[d as usize].def;
        let Some(sev) = def.severity_for(acc.count) else {
            continue;
        };
        severity = severity.max(Some(sev));
        additional |= acc.count as usize > acc.listed;
        if def.category == Category::CustomIdentifier {
            custom.total_count += acc.count;
            custom.detections.push(CustomDetection {
                arn: format!("piiscan:custom/{}", def.id),
                name: def.id.clone(),
                count: acc.count,
                occurrences: acc.occ,
                samples: acc.samples,
            });
        } else {
            by_cat.entry(def.category).or_default().push(Detection {
                kind: def.id.clone(),
                count: acc.count,
                occurrences: acc.occ,
                samples: acc.samples,
            });
        }
    }
    let severity = severity?;
    let mut cats: Vec<Category> = by_cat.keys().copied().collect();
    if !custom.detections.is_empty() {
        cats.push(Category::CustomIdentifier);
    }
    let (kind, what) = finding_type(&cats);
    let m = &res.meta;
    let bucket_arn = m.is_s3.then(|| format!("arn:aws:s3:::{}", m.root));
    let extension = std::path::Path::new(&m.key)
        .extension()
        .map(|e| e.to_string_lossy().to_string());
    Some(Finding {
        schema_version: "1.0",
        id: fnv64(&[&opts.job_id, &m.root, &m.key]),
        account_id: m.account_id.clone(),
        region: m.region.clone(),
        partition: "aws",
        kind: kind.to_string(),
        category: "CLASSIFICATION",
        title: format!(
            "The {} contains {what}.",
            if m.is_s3 { "S3 object" } else { "file" }
        ),
        description: format!("The object {} contains {what}.", m.path),
        severity: SeverityJson {
            description: severity.description(),
            score: severity.score(),
        },
        count: 1,
        archived: false,
        sample: false,
        created_at: opts.created_at.clone(),
        updated_at: opts.created_at.clone(),
        classification_details: ClassificationDetails {
            origin_type: "SENSITIVE_DATA_DISCOVERY_JOB",
            job_id: opts.job_id.clone(),
            job_arn: None,
            detailed_results_location: opts.results_location.clone(),
            result: ClassificationResult {
                mime_type: res.mime_type.clone(),
                size_classified: res.bytes_scanned,
                additional_occurrences: additional,
                status: StatusJson {
                    code: match res.status {
                        Status::Complete => "COMPLETE",
                        Status::Partial => "PARTIAL",
                        Status::Skipped => "SKIPPED",
                    },
                    reason: res.reason.clone(),
                },
                sensitive_data: by_cat
                    .into_iter()
                    .map(|(c, d)| SensitiveData {
                        category: c.as_str(),
                        total_count: d.iter().map(|x| x.count).sum(),
                        detections: d,
                    })
                    .collect(),
                custom_data_identifiers: custom,
            },
        },
        resources_affected: ResourcesAffected {
            s3_bucket: S3Bucket {
                name: m.root.clone(),
                arn: bucket_arn.clone(),
                region: m.region.clone(),
                owner: m.owner.clone(),
            },
            s3_object: S3Object {
                bucket_arn,
                key: m.key.clone(),
                path: m.path.clone(),
                extension,
                e_tag: m.etag.clone(),
                version_id: m.version_id.clone(),
                last_modified: m.last_modified.clone(),
                size: m.size,
                storage_class: m.storage_class.clone(),
                server_side_encryption: m.sse.as_ref().map(|(t, k)| ServerSideEncryption {
                    encryption_type: t.clone(),
                    kms_master_key_id: k.clone(),
                }),
                public_access: None,
                tags: m
                    .tags
                    .iter()
                    .flatten()
                    .map(|t| serde_json::json!({"key": t.key, "value": t.value}))
                    .collect(),
            },
        },
    })
}
