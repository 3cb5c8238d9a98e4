//! The `piiscan buckets` report: exposure × content, risk, and output.
//!
//! In: per bucket, its [`BucketExposure`], its [`PolicyFinding`]s and (from
//! scan results) its [`ContentSummary`]. Out: a [`BucketsReport`] sorted by
//! risk, written as a table (default), one JSON document (inventory and
//! findings) or JSON Lines (one finding per line).
//!
//! Risk joins what a bucket exposes with what it holds:
//!
//! | exposure \ content | credentials or High | other sensitive | clean | not scanned |
//! |---|---|---|---|---|
//! | public             | CRITICAL | HIGH   | MEDIUM | HIGH   |
//! | external (shared or replicated to another account) | CRITICAL | HIGH | MEDIUM | MEDIUM |
//! | unknown (a setting unreadable) | HIGH | MEDIUM | LOW | MEDIUM |
//! | CloudFront only    | HIGH     | MEDIUM | LOW    | LOW    |
//! | private            | MEDIUM   | LOW    | LOW or NONE | LOW or NONE |
//!
//! "LOW or NONE": LOW when the bucket has a policy finding (no default
//! encryption, TLS not enforced...), NONE otherwise.

use super::content::ContentSummary;
use super::findings::PolicyFinding;
use super::verdict::{BucketExposure, EffectivePermission, SharedAccess};
use serde::Serialize;
use std::io::{self, Write};

/// Output format of `piiscan buckets`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ReportFormat {
    /// A table, one bucket per line, most urgent first, then the findings.
    Table,
    /// One JSON document: inventory and findings.
    Json,
    /// One Macie-shaped policy finding per line.
    Jsonl,
}

/// Risk of a bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Risk {
    /// Nothing to report.
    None,
    /// Hygiene.
    Low,
    /// Worth a look.
    Medium,
    /// Fix soon.
    High,
    /// Exposed and holding credentials or High-severity data: fix now.
    Critical,
}

/// How far a bucket reaches, for risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Exposure {
    /// Not public, not shared.
    Private,
    /// Shared with CloudFront only.
    CloudFront,
    /// Public or shared access unknown.
    Unknown,
    /// Shared with or replicated to another account.
    External,
    /// Public.
    Public,
}

/// What a bucket holds, for risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Holding {
    /// No scan results for the bucket.
    NotScanned,
    /// Scanned, nothing sensitive.
    Clean,
    /// Sensitive data, no credentials and nothing High.
    Sensitive,
    /// Credentials or High-severity data.
    Critical,
}

/// The exposure class of a bucket.
pub fn exposure_of(e: &BucketExposure) -> Exposure {
    if e.public_access.effective_permission == EffectivePermission::Public {
        Exposure::Public
    } else if !e.external_principals.is_empty() || e.replication_details.replicated_externally {
        Exposure::External
    } else if e.public_access.effective_permission == EffectivePermission::Unknown
        || e.shared_access == SharedAccess::Unknown
    {
        Exposure::Unknown
    } else if !e.cloud_front.is_empty() {
        Exposure::CloudFront
    } else {
        Exposure::Private
    }
}

/// The holding class of a bucket.
pub fn holding_of(c: Option<&ContentSummary>) -> Holding {
    match c {
        None => Holding::NotScanned,
        Some(c) if c.critical() => Holding::Critical,
        Some(c) if c.sensitive() => Holding::Sensitive,
        Some(_) => Holding::Clean,
    }
}

/// The risk matrix (see the module docs).
pub fn risk(x: Exposure, h: Holding, has_findings: bool) -> Risk {
    use Holding as H;
    let low_or_none = if has_findings { Risk::Low } else { Risk::None };
    match (x, h) {
        (Exposure::Public | Exposure::External, H::Critical) => Risk::Critical,
        (Exposure::Public | Exposure::External, H::Sensitive) => Risk::High,
        (Exposure::Public, H::NotScanned) => Risk::High,
        (Exposure::Public | Exposure::External, _) => Risk::Medium,
        (Exposure::Unknown | Exposure::CloudFront, H::Critical) => Risk::High,
        (Exposure::Unknown | Exposure::CloudFront, H::Sensitive) => Risk::Medium,
        (Exposure::Unknown, H::NotScanned) => Risk::Medium,
        (Exposure::Unknown | Exposure::CloudFront, _) => Risk::Low,
        (Exposure::Private, H::Critical) => Risk::Medium,
        (Exposure::Private, H::Sensitive) => Risk::Low,
        (Exposure::Private, _) => low_or_none,
    }
}

/// One bucket in the report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BucketEntry {
    /// Inventory and verdicts.
    #[serde(flatten)]
    pub exposure: BucketExposure,
    /// What the content scan found (null without `--results` for this bucket).
    pub content: Option<ContentSummary>,
    /// Exposure class.
    pub exposure_class: Exposure,
    /// Holding class.
    pub holding: Holding,
    /// Risk.
    pub risk: Risk,
    /// Why: what the bucket exposes and what it holds, in one line.
    pub risk_reason: String,
    /// Policy findings of this bucket (types).
    pub finding_types: Vec<&'static str>,
}

/// The whole report.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BucketsReport {
    /// When the settings were read (RFC 3339).
    pub generated_at: String,
    /// The account (when known).
    pub account_id: Option<String>,
    /// Buckets, most urgent first.
    pub buckets: Vec<BucketEntry>,
    /// All policy findings, in bucket order.
    pub findings: Vec<PolicyFinding>,
}

impl BucketsReport {
    /// Build from evaluated buckets; sorts by risk (then exposure, holding, name).
    pub fn new(
        generated_at: String,
        account_id: Option<String>,
        items: Vec<(BucketExposure, Vec<PolicyFinding>, Option<ContentSummary>)>,
    ) -> Self {
        let mut rows: Vec<(BucketEntry, Vec<PolicyFinding>)> = items
            .into_iter()
            .map(|(e, mut f, c)| {
                f.sort_by(|a, b| {
                    b.severity
                        .score
                        .cmp(&a.severity.score)
                        .then(a.kind.cmp(b.kind))
                });
                let x = exposure_of(&e);
                let h = holding_of(c.as_ref());
                let entry = BucketEntry {
                    risk: risk(x, h, !f.is_empty()),
                    risk_reason: risk_reason(&e, x, c.as_ref()),
                    exposure_class: x,
                    holding: h,
                    finding_types: f.iter().map(|f| f.kind).collect(),
                    exposure: e,
                    content: c,
                };
                (entry, f)
            })
            .collect();
        rows.sort_by(|(a, _), (b, _)| {
            (b.risk, b.exposure_class, b.holding)
                .cmp(&(a.risk, a.exposure_class, a.holding))
                .then_with(|| a.exposure.bucket_name.cmp(&b.exposure.bucket_name))
        });
        let mut buckets = Vec::new();
        let mut findings = Vec::new();
        for (e, f) in rows {
            buckets.push(e);
            findings.extend(f);
        }
        BucketsReport {
            generated_at,
            account_id,
            buckets,
            findings,
        }
    }

    /// Some setting of some bucket could not be read.
    pub fn has_read_errors(&self) -> bool {
        self.buckets
            .iter()
            .any(|b| !b.exposure.read_errors.is_empty())
    }

    /// Write in `format`.
    pub fn write(&self, format: ReportFormat, w: &mut dyn Write, color: bool) -> io::Result<()> {
        match format {
            ReportFormat::Json => {
                serde_json::to_writer_pretty(&mut *w, self)?;
                writeln!(w)
            }
            ReportFormat::Jsonl => {
                for f in &self.findings {
                    serde_json::to_writer(&mut *w, f)?;
                    writeln!(w)?;
                }
                Ok(())
            }
            ReportFormat::Table => self.write_table(w, color),
        }
    }

    fn write_table(&self, w: &mut dyn Write, color: bool) -> io::Result<()> {
        let paint = |code: &str, s: &str| {
            if color {
                format!("\x1b[{code}m{s}\x1b[0m")
            } else {
                s.to_string()
            }
        };
        let head = [
            "BUCKET",
            "REGION",
            "PUBLIC",
            "SHARED",
            "ENCRYPTION",
            "SENSITIVE DATA",
            "RISK",
        ];
        let rows: Vec<[String; 7]> = self
            .buckets
            .iter()
            .map(|b| {
                let e = &b.exposure;
                let mut public = format!("{:?}", e.public_access.effective_permission);
                if e.policy_status.agree == Some(false) {
                    public.push('!');
                }
                [
                    e.bucket_name.clone(),
                    e.region.clone().unwrap_or_else(|| "?".into()),
                    screaming(&public),
                    screaming(&format!("{:?}", e.shared_access)),
                    encryption_text(e),
                    content_text(b.content.as_ref()),
                    format!("{:?}", b.risk).to_uppercase(),
                ]
            })
            .collect();
        let mut widths: Vec<usize> = head.iter().map(|h| h.len()).collect();
        for r in &rows {
            for (i, c) in r.iter().enumerate() {
                widths[i] = widths[i].max(c.chars().count());
            }
        }
        let line = |cells: &[String]| -> String {
            cells
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c:<w$}", w = widths[i]))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_string()
        };
        let h: Vec<String> = head.iter().map(|s| s.to_string()).collect();
        writeln!(w, "{}", paint("1", &line(&h)))?;
        for r in &rows {
            let text = line(r);
            let code = match r[6].as_str() {
                "CRITICAL" => "1;31",
                "HIGH" => "31",
                "MEDIUM" => "33",
                _ => "0",
            };
            writeln!(w, "{}", paint(code, &text))?;
        }
        let urgent: Vec<&BucketEntry> = self
            .buckets
            .iter()
            .filter(|b| b.risk >= Risk::High)
            .collect();
        if !urgent.is_empty() {
            writeln!(w)?;
            writeln!(w, "{}", paint("1", "Most urgent"))?;
            for b in urgent {
                writeln!(
                    w,
                    "  {:<8} {}  {}",
                    format!("{:?}", b.risk).to_uppercase(),
                    b.exposure.bucket_name,
                    b.risk_reason
                )?;
            }
        }
        if !self.findings.is_empty() {
            writeln!(w)?;
            writeln!(w, "{}", paint("1", "Findings"))?;
            for f in &self.findings {
                writeln!(
                    w,
                    "  {:<6} {}  {}",
                    f.severity.description,
                    f.resources_affected.s3_bucket.name,
                    paint("2", f.kind)
                )?;
                writeln!(w, "         {}", f.description)?;
            }
        }
        let unread: Vec<&BucketEntry> = self
            .buckets
            .iter()
            .filter(|b| !b.exposure.read_errors.is_empty())
            .collect();
        if !unread.is_empty() {
            writeln!(w)?;
            writeln!(w, "{}", paint("1", "Settings that could not be read"))?;
            for b in unread {
                for e in &b.exposure.read_errors {
                    writeln!(w, "  {}  {e}", b.exposure.bucket_name)?;
                }
            }
        }
        let disagree: Vec<&BucketEntry> = self
            .buckets
            .iter()
            .filter(|b| b.exposure.policy_status.agree == Some(false))
            .collect();
        if !disagree.is_empty() {
            writeln!(w)?;
            writeln!(
                w,
                "{}",
                paint("1", "Policy status disagreements (marked !)")
            )?;
            for b in disagree {
                let p = &b.exposure.policy_status;
                writeln!(
                    w,
                    "  {}  GetBucketPolicyStatus IsPublic={:?}, piiscan: {:?}",
                    b.exposure.bucket_name,
                    p.is_public_according_to_s3.unwrap_or(false),
                    p.is_public_according_to_piiscan.unwrap_or(false)
                )?;
            }
        }
        if self.findings.is_empty() && unread_none(self) {
            writeln!(w)?;
            writeln!(w, "No policy findings.")?;
        }
        Ok(())
    }
}

fn top_types(c: &ContentSummary, n: usize) -> String {
    let mut t: Vec<(&String, &u64)> = c.counts_by_type.iter().collect();
    t.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    t.iter()
        .take(n)
        .map(|(k, v)| format!("{k} {v}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// "public (policy statement ...); holds credentials (AWS_CREDENTIALS 2)".
fn risk_reason(e: &BucketExposure, x: Exposure, c: Option<&ContentSummary>) -> String {
    let exposure = match x {
        Exposure::Public => format!(
            "public ({})",
            e.public_access.reasons.first().cloned().unwrap_or_default()
        ),
        Exposure::External => {
            let mut parts = Vec::new();
            if !e.external_principals.is_empty() {
                parts.push(format!("shared with {}", e.external_principals.join(", ")));
            }
            if e.replication_details.replicated_externally {
                parts.push(format!(
                    "replicated to account(s) {}",
                    e.replication_details.replication_accounts.join(", ")
                ));
            }
            parts.join("; ")
        }
        Exposure::Unknown => format!(
            "exposure unknown ({})",
            e.read_errors
                .first()
                .map(|r| r.to_string())
                .or_else(|| e.public_access.reasons.first().cloned())
                .or_else(|| e.shared_access_reasons.first().cloned())
                .unwrap_or_default()
        ),
        Exposure::CloudFront => format!("shared with CloudFront ({})", e.cloud_front.join(", ")),
        Exposure::Private => "not public, not shared".to_string(),
    };
    let holding = match c {
        None => "content not scanned (pass --results)".to_string(),
        Some(c) if c.credentials => format!("holds credentials ({})", top_types(c, 3)),
        Some(c) if c.critical() => format!("holds High-severity data ({})", top_types(c, 3)),
        Some(c) if c.sensitive() => format!("holds sensitive data ({})", top_types(c, 3)),
        Some(c) => format!("scanned clean ({} objects)", c.objects),
    };
    format!("{exposure}; {holding}")
}

fn unread_none(r: &BucketsReport) -> bool {
    !r.has_read_errors()
}

fn screaming(debug: &str) -> String {
    let mut out = String::new();
    for (i, c) in debug.chars().enumerate() {
        if c.is_ascii_uppercase() && i > 0 {
            out.push('_');
        }
        out.push(c.to_ascii_uppercase());
    }
    out
}

fn encryption_text(e: &BucketExposure) -> String {
    let s = &e.server_side_encryption;
    let mut t = match s.kind.as_str() {
        "AES256" => "SSE-S3".to_string(),
        "aws:kms" => "SSE-KMS".to_string(),
        "aws:kms:dsse" => "DSSE-KMS".to_string(),
        k => k.to_string(),
    };
    if s.bucket_key_enabled {
        t.push_str("+key");
    }
    t
}

fn content_text(c: Option<&ContentSummary>) -> String {
    let Some(c) = c else {
        return "not scanned".into();
    };
    if !c.sensitive() {
        return format!("clean ({} objects)", c.objects);
    }
    let mut cats: Vec<(&String, &u64)> = c.counts_by_category.iter().collect();
    cats.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let list: Vec<String> = cats
        .iter()
        .map(|(k, v)| {
            let short = match k.as_str() {
                "CREDENTIALS" => "credentials",
                "FINANCIAL_INFORMATION" => "financial",
                "PERSONAL_INFORMATION" => "personal",
                _ => "custom",
            };
            format!("{short} {v}")
        })
        .collect();
    format!(
        "{} ({}/{} objects)",
        list.join(", "),
        c.objects_with_findings,
        c.objects
    )
}
