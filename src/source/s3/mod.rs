//! S3 as a source: which buckets and keys to scan, and how their bytes are read.
//!
//! In: `s3://bucket[/prefix]` locations (or every bucket of the account),
//! object criteria, AWS connection options. Out: listed objects streamed
//! page by page (`list`), scope decisions made before any GetObject
//! (`criteria`, `sample`), object bodies as blocking readers fed by async
//! GETs or as seekable ranged readers (`read`), and S3 errors turned into
//! Macie reason codes (`errors`).
//! Why: the scan pipeline (`crate::scan_s3`) must stay bounded in memory
//! whatever the bucket size, spend no request on an object the criteria
//! exclude, and report every failure as a result rather than an abort.

pub mod criteria;
pub mod errors;
pub mod list;
pub mod ranged;
pub mod read;
pub mod sample;

use crate::findings::RequestStats;
use std::sync::atomic::{AtomicU64, Ordering};

pub use criteria::{Criteria, TagCriterion};
pub use errors::Failure;

/// One `s3://bucket[/prefix]` argument.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct S3Target {
    /// Bucket name.
    pub bucket: String,
    /// Key prefix (may be empty: the whole bucket).
    pub prefix: String,
}

impl S3Target {
    /// Parse `s3://bucket`, `s3://bucket/`, `s3://bucket/some/prefix`.
    pub fn parse(s: &str) -> Result<S3Target, S3Error> {
        let rest = s
            .strip_prefix("s3://")
            .ok_or_else(|| S3Error::BadLocation(s.to_string()))?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        if bucket.is_empty() {
            return Err(S3Error::BadLocation(s.to_string()));
        }
        Ok(S3Target {
            bucket: bucket.to_string(),
            prefix: prefix.to_string(),
        })
    }
}

/// Group targets by bucket (first-seen order) and drop prefixes covered by a
/// shorter prefix of the same bucket, so no key is listed twice.
pub fn group_targets(targets: &[S3Target]) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for t in targets {
        match out.iter_mut().find(|(b, _)| *b == t.bucket) {
            Some((_, p)) => p.push(t.prefix.clone()),
            None => out.push((t.bucket.clone(), vec![t.prefix.clone()])),
        }
    }
    for (_, prefixes) in &mut out {
        prefixes.sort();
        prefixes.dedup();
        let mut kept: Vec<String> = Vec::new();
        for p in prefixes.iter() {
            if !kept.iter().any(|k| p.starts_with(k.as_str())) {
                kept.push(p.clone());
            }
        }
        *prefixes = kept;
    }
    out
}

/// Library errors of an S3 scan that stop it before any object is read.
#[derive(Debug, thiserror::Error)]
pub enum S3Error {
    /// Not an `s3://bucket[/prefix]` location.
    #[error("{0}: not an S3 location (expected s3://bucket[/prefix])")]
    BadLocation(String),
    /// ListBuckets failed (needed for `--all-buckets`).
    #[error("cannot list buckets ({reason}): {detail}")]
    ListBuckets {
        /// Reason code.
        reason: &'static str,
        /// Detail.
        detail: String,
    },
    /// The async runtime could not be started.
    #[error("cannot start the I/O runtime: {0}")]
    Runtime(#[from] std::io::Error),
}

/// Requests and bytes of one bucket, counted from any thread (atomics).
#[derive(Debug, Default)]
pub struct BucketStats {
    /// ListObjectsV2 calls.
    pub list: AtomicU64,
    /// GetObject calls (ranged ones included).
    pub get: AtomicU64,
    /// Of `get`: ranged GETs of random-access reads (`read::S3RangeSource`).
    pub ranged: AtomicU64,
    /// HeadObject / HeadBucket calls.
    pub head: AtomicU64,
    /// GetObjectTagging calls.
    pub tagging: AtomicU64,
    /// Other calls (GetBucketLocation, GetBucketAcl).
    pub other: AtomicU64,
    /// Object body bytes received.
    pub bytes: AtomicU64,
}

impl BucketStats {
    /// Add one to a counter.
    pub fn inc(c: &AtomicU64) {
        c.fetch_add(1, Ordering::Relaxed);
    }

    /// A copy for the summary.
    pub fn snapshot(&self) -> RequestStats {
        RequestStats {
            list: self.list.load(Ordering::Relaxed),
            get: self.get.load(Ordering::Relaxed),
            ranged_get: self.ranged.load(Ordering::Relaxed),
            head: self.head.load(Ordering::Relaxed),
            tagging: self.tagging.load(Ordering::Relaxed),
            other: self.other.load(Ordering::Relaxed),
            bytes_transferred: self.bytes.load(Ordering::Relaxed),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_locations() {
        let t = S3Target::parse("s3://b/x/y").unwrap();
        assert_eq!((t.bucket.as_str(), t.prefix.as_str()), ("b", "x/y"));
        let t = S3Target::parse("s3://b").unwrap();
        assert_eq!((t.bucket.as_str(), t.prefix.as_str()), ("b", ""));
        assert!(S3Target::parse("s3:///x").is_err());
        assert!(S3Target::parse("/tmp").is_err());
    }

    #[test]
    fn grouping_drops_covered_prefixes() {
        let ts: Vec<S3Target> = ["s3://a/logs/2024", "s3://b", "s3://a/logs", "s3://a/data/"]
            .iter()
            .map(|s| S3Target::parse(s).unwrap())
            .collect();
        let g = group_targets(&ts);
        assert_eq!(
            g,
            vec![
                (
                    "a".to_string(),
                    vec!["data/".to_string(), "logs".to_string()]
                ),
                ("b".to_string(), vec![String::new()]),
            ]
        );
    }
}
