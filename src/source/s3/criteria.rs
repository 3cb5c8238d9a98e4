//! Object criteria, decided from the listing alone (as Macie jobs do) so an
//! excluded object costs no GetObject.
//!
//! In: one listed object (bucket, key, size, last-modified, storage class)
//! and, only when a tag criterion is given, its tags. Out: out of scope
//! (counted as listed only), in scope but skipped with a Macie reason
//! (archived storage class, over the size limit), or to be scanned.
//! Order: folder markers, key globs (excludes beat includes), extensions,
//! size range, last-modified range, sampling; then tags (one
//! GetObjectTagging per remaining object); then the skip rules.

use super::sample;
use chrono::{DateTime, NaiveDate, Utc};
use globset::GlobSet;

/// `--tag KEY[=VALUE]` / `--exclude-tag KEY[=VALUE]`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCriterion {
    /// Tag key (exact, case-sensitive).
    pub key: String,
    /// Tag value (exact); `None` matches any value.
    pub value: Option<String>,
}

impl TagCriterion {
    /// Parse `KEY=VALUE` or `KEY`.
    pub fn parse(s: &str) -> Result<TagCriterion, String> {
        let (k, v) = match s.split_once('=') {
            Some((k, v)) => (k, Some(v.to_string())),
            None => (s, None),
        };
        if k.is_empty() {
            return Err(format!("{s:?}: a tag criterion is KEY or KEY=VALUE"));
        }
        Ok(TagCriterion {
            key: k.to_string(),
            value: v,
        })
    }

    fn matches(&self, tags: &[(String, String)]) -> bool {
        tags.iter()
            .any(|(k, v)| *k == self.key && self.value.as_ref().is_none_or(|x| x == v))
    }
}

/// Storage classes Macie does not analyse: in scope, SKIPPED with
/// INVALID_OBJECT_STATE. (GLACIER_IR, Glacier Instant Retrieval, is analysed.)
pub const ARCHIVED_CLASSES: &[&str] = &["GLACIER", "DEEP_ARCHIVE", "EXPRESS_ONEZONE"];

/// Default `--max-object-size`: Macie's limit for text files (20 GiB).
pub const DEFAULT_MAX_OBJECT_SIZE: u64 = 20 << 30;

/// What the criteria decided for a listed object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Decision {
    /// Not in scope: counted as listed, no result line.
    OutOfScope,
    /// In scope, not read: a SKIPPED result with this reason.
    Skip {
        /// Macie reason code.
        reason: &'static str,
        /// Human detail.
        detail: String,
    },
    /// Read and scan it.
    Scan,
}

/// A listed object as the criteria see it.
#[derive(Debug, Clone)]
pub struct Listed<'a> {
    /// Bucket.
    pub bucket: &'a str,
    /// Key.
    pub key: &'a str,
    /// Size in bytes.
    pub size: u64,
    /// Last modified.
    pub last_modified: Option<DateTime<Utc>>,
    /// Storage class (`STANDARD` when the listing omits it).
    pub storage_class: &'a str,
}

/// Object criteria of an S3 scan.
#[derive(Debug, Clone)]
pub struct Criteria {
    /// Keys must match one of these globs (on the full key).
    pub include: Option<GlobSet>,
    /// Keys matching one of these are out of scope (beats `include`).
    pub exclude: Option<GlobSet>,
    /// File extensions without the dot, lower case; empty = any.
    pub extensions: Vec<String>,
    /// Smallest size in scope.
    pub min_size: Option<u64>,
    /// Largest size in scope.
    pub max_size: Option<u64>,
    /// Last modified at or after this instant.
    pub modified_after: Option<DateTime<Utc>>,
    /// Last modified strictly before this instant.
    pub modified_before: Option<DateTime<Utc>>,
    /// Percentage of objects (deterministic by bucket and key), 0 < p ≤ 100.
    pub sample_percent: Option<f64>,
    /// In scope only with one of these tags (OR).
    pub tags: Vec<TagCriterion>,
    /// Out of scope with any of these tags.
    pub exclude_tags: Vec<TagCriterion>,
    /// Larger objects: SKIPPED FILE_EXCEEDS_SIZE_LIMIT, no GET.
    pub max_object_size: u64,
}

impl Default for Criteria {
    fn default() -> Self {
        Criteria {
            include: None,
            exclude: None,
            extensions: vec![],
            min_size: None,
            max_size: None,
            modified_after: None,
            modified_before: None,
            sample_percent: None,
            tags: vec![],
            exclude_tags: vec![],
            max_object_size: DEFAULT_MAX_OBJECT_SIZE,
        }
    }
}

/// The extension of a key's last path segment, without the dot.
pub fn extension(key: &str) -> Option<&str> {
    let name = key.rsplit('/').next().unwrap_or(key);
    let (stem, ext) = name.rsplit_once('.')?;
    (!stem.is_empty() && !ext.is_empty()).then_some(ext)
}

/// Parse `--extensions` entries: `csv`, `.CSV`, `tar.gz` → `csv`, `csv`, `gz`.
pub fn normalize_extensions(list: &[String]) -> Vec<String> {
    list.iter()
        .map(|e| e.trim().trim_start_matches('.'))
        .filter(|e| !e.is_empty())
        .map(|e| e.rsplit('.').next().unwrap_or(e).to_ascii_lowercase())
        .collect()
}

/// Parse an RFC 3339 instant or a `YYYY-MM-DD` date (midnight UTC).
pub fn parse_time(s: &str) -> Result<DateTime<Utc>, String> {
    if let Ok(t) = DateTime::parse_from_rfc3339(s.trim()) {
        return Ok(t.with_timezone(&Utc));
    }
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map(|d| d.and_hms_opt(0, 0, 0).expect("midnight").and_utc())
        .map_err(|_| {
            format!(
                "{s:?}: expected an RFC 3339 time (2024-05-01T12:00:00Z) or a date (2024-05-01)"
            )
        })
}

impl Criteria {
    /// Whether GetObjectTagging is needed (only when a tag criterion is given).
    pub fn needs_tags(&self) -> bool {
        !self.tags.is_empty() || !self.exclude_tags.is_empty()
    }

    /// Scope from the listing alone (everything except tags and skip rules).
    pub fn in_scope(&self, o: &Listed<'_>) -> bool {
        if o.key.ends_with('/') && o.size == 0 {
            return false; // a "folder" marker, not an object anyone wrote data to
        }
        if self.exclude.as_ref().is_some_and(|g| g.is_match(o.key)) {
            return false;
        }
        if self.include.as_ref().is_some_and(|g| !g.is_match(o.key)) {
            return false;
        }
        if !self.extensions.is_empty() {
            let ext = extension(o.key).map(str::to_ascii_lowercase);
            if !ext.is_some_and(|e| self.extensions.contains(&e)) {
                return false;
            }
        }
        if self.min_size.is_some_and(|m| o.size < m) || self.max_size.is_some_and(|m| o.size > m) {
            return false;
        }
        if let Some(lm) = o.last_modified {
            if self.modified_after.is_some_and(|t| lm < t)
                || self.modified_before.is_some_and(|t| lm >= t)
            {
                return false;
            }
        }
        if let Some(p) = self.sample_percent {
            if !sample::selected(o.bucket, o.key, p) {
                return false;
            }
        }
        true
    }

    /// Scope by tags (call only when `needs_tags`): one of `tags` (if any)
    /// and none of `exclude_tags`.
    pub fn tags_in_scope(&self, tags: &[(String, String)]) -> bool {
        if self.exclude_tags.iter().any(|c| c.matches(tags)) {
            return false;
        }
        self.tags.is_empty() || self.tags.iter().any(|c| c.matches(tags))
    }

    /// For an object in scope: skip it without reading (archived storage
    /// class, over `max_object_size`), or scan it.
    pub fn decide(&self, o: &Listed<'_>) -> Decision {
        if ARCHIVED_CLASSES.contains(&o.storage_class) {
            return Decision::Skip {
                reason: "INVALID_OBJECT_STATE",
                detail: format!(
                    "storage class {} is not readable without a restore (Macie skips it too)",
                    o.storage_class
                ),
            };
        }
        if o.size > self.max_object_size {
            return Decision::Skip {
                reason: "FILE_EXCEEDS_SIZE_LIMIT",
                detail: format!(
                    "{} bytes is over --max-object-size {}",
                    o.size, self.max_object_size
                ),
            };
        }
        Decision::Scan
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::local::globset;

    fn obj<'a>(key: &'a str, size: u64, lm: &str, class: &'a str) -> Listed<'a> {
        Listed {
            bucket: "b",
            key,
            size,
            last_modified: Some(parse_time(lm).unwrap()),
            storage_class: class,
        }
    }

    #[test]
    fn times() {
        assert_eq!(
            parse_time("2024-05-01").unwrap().to_rfc3339(),
            "2024-05-01T00:00:00+00:00"
        );
        assert_eq!(
            parse_time("2024-05-01T12:30:00+02:00")
                .unwrap()
                .to_rfc3339(),
            "2024-05-01T10:30:00+00:00"
        );
        assert!(parse_time("yesterday").is_err());
    }

    #[test]
    fn extensions() {
        assert_eq!(extension("a/b.csv"), Some("csv"));
        assert_eq!(extension("a.b/c"), None);
        assert_eq!(extension("a/.env"), None);
        assert_eq!(extension("x.tar.gz"), Some("gz"));
        assert_eq!(
            normalize_extensions(&[".CSV".into(), "json".into(), "tar.gz".into()]),
            vec!["csv", "json", "gz"]
        );
    }

    #[test]
    fn scope_table() {
        let c = Criteria {
            include: globset(&["*.csv".into(), "*.txt".into()]).unwrap(),
            exclude: globset(&["tmp/**".into()]).unwrap(),
            extensions: vec!["csv".into(), "txt".into()],
            min_size: Some(10),
            max_size: Some(1000),
            modified_after: Some(parse_time("2024-01-01").unwrap()),
            modified_before: Some(parse_time("2025-01-01").unwrap()),
            ..Criteria::default()
        };
        let rows: &[(&str, u64, &str, bool)] = &[
            ("a/x.csv", 100, "2024-06-01", true),
            ("a/x.CSV", 100, "2024-06-01", false), // glob is case-sensitive
            ("x.txt", 10, "2024-01-01", true),     // bounds are inclusive / at-or-after
            ("tmp/x.csv", 100, "2024-06-01", false),
            ("a/x.json", 100, "2024-06-01", false),
            ("a/x.csv", 9, "2024-06-01", false),
            ("a/x.csv", 1001, "2024-06-01", false),
            ("a/x.csv", 100, "2023-12-31T23:59:59Z", false),
            ("a/x.csv", 100, "2025-01-01", false), // before is exclusive
            ("dir/", 0, "2024-06-01", false),
        ];
        for (key, size, lm, want) in rows {
            assert_eq!(
                c.in_scope(&obj(key, *size, lm, "STANDARD")),
                *want,
                "{key} {size} {lm}"
            );
        }
    }

    #[test]
    fn skip_rules() {
        let c = Criteria {
            max_object_size: 100,
            ..Criteria::default()
        };
        for class in ["GLACIER", "DEEP_ARCHIVE", "EXPRESS_ONEZONE"] {
            assert!(matches!(
                c.decide(&obj("k", 1, "2024-01-01", class)),
                Decision::Skip {
                    reason: "INVALID_OBJECT_STATE",
                    ..
                }
            ));
        }
        for class in [
            "STANDARD",
            "GLACIER_IR",
            "STANDARD_IA",
            "INTELLIGENT_TIERING",
        ] {
            assert_eq!(c.decide(&obj("k", 1, "2024-01-01", class)), Decision::Scan);
        }
        assert!(matches!(
            c.decide(&obj("k", 101, "2024-01-01", "STANDARD")),
            Decision::Skip {
                reason: "FILE_EXCEEDS_SIZE_LIMIT",
                ..
            }
        ));
    }

    #[test]
    fn tags() {
        let t = |k: &str, v: &str| (k.to_string(), v.to_string());
        let c = Criteria {
            tags: vec![
                TagCriterion::parse("class=pii").unwrap(),
                TagCriterion::parse("scan").unwrap(),
            ],
            exclude_tags: vec![TagCriterion::parse("skip=yes").unwrap()],
            ..Criteria::default()
        };
        assert!(c.needs_tags());
        assert!(c.tags_in_scope(&[t("class", "pii")]));
        assert!(c.tags_in_scope(&[t("scan", "anything")]));
        assert!(!c.tags_in_scope(&[t("class", "public")]));
        assert!(!c.tags_in_scope(&[]));
        assert!(!c.tags_in_scope(&[t("class", "pii"), t("skip", "yes")]));
        assert!(!Criteria::default().needs_tags());
        assert!(TagCriterion::parse("=x").is_err());
    }
}
