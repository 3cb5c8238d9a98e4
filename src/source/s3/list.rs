//! Buckets and keys: ListBuckets (for `--all-buckets`), each bucket's own
//! region and owner, and ListObjectsV2 page by page.
//!
//! In: an S3 client, bucket names, prefixes. Out: `BucketPlan`s (region,
//! owner, or the bucket-level failure) and, per page, the listed objects
//! handed to a callback that may wait — so listing pauses while the
//! pipeline is full and a bucket of 10 million keys never sits in memory.
//! Region: GetBucketLocation (null → us-east-1, `EU` → eu-west-1); when that
//! is denied or unsupported, HeadBucket's `x-amz-bucket-region` header
//! (present on success and on the 301 redirect of a wrong region).

use super::errors::{classify, header_of, Failure};
use super::BucketStats;
use aws_sdk_s3::primitives::DateTimeFormat;
use aws_sdk_s3::Client;
use chrono::{DateTime, Utc};
use std::future::Future;
use std::sync::atomic::{AtomicBool, Ordering};

/// A bucket ListBuckets returned.
#[derive(Debug, Clone)]
pub struct ListedBucket {
    /// Name.
    pub name: String,
    /// Region, when the listing says (AWS does; older servers do not).
    pub region: Option<String>,
}

/// Owner as Macie shows it: `{"displayName": …, "id": …}`.
fn owner_json(o: &aws_sdk_s3::types::Owner) -> serde_json::Value {
    let mut m = serde_json::Map::new();
    if let Some(d) = o.display_name() {
        m.insert("displayName".into(), d.into());
    }
    if let Some(i) = o.id() {
        m.insert("id".into(), i.into());
    }
    serde_json::Value::Object(m)
}

/// ListBuckets, all pages. Returns the buckets and the account's owner record.
pub async fn list_buckets(
    client: &Client,
) -> Result<(Vec<ListedBucket>, Option<serde_json::Value>), Failure> {
    let mut out = Vec::new();
    let mut owner = None;
    let mut token: Option<String> = None;
    loop {
        let mut req = client.list_buckets();
        if let Some(t) = &token {
            req = req.continuation_token(t);
        }
        let resp = req.send().await.map_err(|e| classify("ListBuckets", &e))?;
        if owner.is_none() {
            owner = resp.owner().map(owner_json);
        }
        for b in resp.buckets() {
            if let Some(n) = b.name() {
                out.push(ListedBucket {
                    name: n.to_string(),
                    region: b.bucket_region().map(str::to_string),
                });
            }
        }
        match resp.continuation_token() {
            Some(t) if !t.is_empty() && Some(t) != token.as_deref() => token = Some(t.to_string()),
            _ => break,
        }
    }
    Ok((out, owner))
}

/// Map a GetBucketLocation constraint to a region name.
pub fn location_to_region(c: Option<&str>) -> String {
    match c {
        None | Some("") => "us-east-1".to_string(),
        Some("EU") => "eu-west-1".to_string(),
        Some(r) => r.to_string(),
    }
}

/// The bucket's own region. NoSuchBucket is returned as a failure.
pub async fn bucket_region(
    client: &Client,
    bucket: &str,
    stats: &BucketStats,
) -> Result<String, Failure> {
    BucketStats::inc(&stats.other);
    let first = match client.get_bucket_location().bucket(bucket).send().await {
        Ok(r) => {
            return Ok(location_to_region(
                r.location_constraint().map(|c| c.as_str()),
            ))
        }
        Err(e) => {
            let f = classify("GetBucketLocation", &e);
            if f.reason == "NO_SUCH_BUCKET_AVAILABLE" {
                return Err(f);
            }
            if let Some(r) = header_of(&e, "x-amz-bucket-region") {
                return Ok(r);
            }
            f
        }
    };
    BucketStats::inc(&stats.head);
    match client.head_bucket().bucket(bucket).send().await {
        Ok(r) => Ok(r
            .bucket_region()
            .map(str::to_string)
            .unwrap_or_else(|| location_to_region(None))),
        Err(e) => {
            if let Some(r) = header_of(&e, "x-amz-bucket-region") {
                return Ok(r);
            }
            let f = classify("HeadBucket", &e);
            if super::errors::status_of(&e) == Some(404) {
                return Err(Failure::new("NO_SUCH_BUCKET_AVAILABLE", f.detail));
            }
            // Neither call tells: report the first failure (often PERMISSION_DENIED).
            Err(first)
        }
    }
}

/// The bucket owner from GetBucketAcl, if allowed (best effort).
pub async fn bucket_owner(
    client: &Client,
    bucket: &str,
    stats: &BucketStats,
) -> Option<serde_json::Value> {
    BucketStats::inc(&stats.other);
    let r = client.get_bucket_acl().bucket(bucket).send().await.ok()?;
    r.owner().map(owner_json)
}

/// One object from a listing page.
#[derive(Debug, Clone)]
pub struct ListedObject {
    /// Key.
    pub key: String,
    /// Size.
    pub size: u64,
    /// ETag as sent by the server (quoted).
    pub etag: Option<String>,
    /// Last modified.
    pub last_modified: Option<DateTime<Utc>>,
    /// Last modified, RFC 3339 as S3 gave it.
    pub last_modified_str: Option<String>,
    /// Storage class (STANDARD when omitted).
    pub storage_class: String,
}

/// List `bucket` under `prefix`, calling `each_page` with every page (it
/// may wait: listing continues only when it returns). Stops between pages
/// when `stop` is set. `page_size` is MaxKeys (None: the server's 1,000).
pub async fn list_objects<F, Fut>(
    client: &Client,
    bucket: &str,
    prefix: &str,
    page_size: Option<i32>,
    stats: &BucketStats,
    stop: &AtomicBool,
    mut each_page: F,
) -> Result<(), Failure>
where
    F: FnMut(Vec<ListedObject>) -> Fut,
    Fut: Future<Output = ()>,
{
    let mut token: Option<String> = None;
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let mut req = client.list_objects_v2().bucket(bucket);
        if !prefix.is_empty() {
            req = req.prefix(prefix);
        }
        if let Some(n) = page_size {
            req = req.max_keys(n);
        }
        if let Some(t) = &token {
            req = req.continuation_token(t);
        }
        BucketStats::inc(&stats.list);
        let resp = req
            .send()
            .await
            .map_err(|e| classify("ListObjectsV2", &e))?;
        let page: Vec<ListedObject> = resp
            .contents()
            .iter()
            .filter_map(|o| {
                let key = o.key()?.to_string();
                let lm = o.last_modified();
                Some(ListedObject {
                    key,
                    size: o.size().unwrap_or(0).max(0) as u64,
                    etag: o.e_tag().map(str::to_string),
                    last_modified: lm
                        .and_then(|d| DateTime::<Utc>::from_timestamp(d.secs(), d.subsec_nanos())),
                    last_modified_str: lm.and_then(|d| d.fmt(DateTimeFormat::DateTime).ok()),
                    storage_class: o
                        .storage_class()
                        .map(|c| c.as_str().to_string())
                        .unwrap_or_else(|| "STANDARD".into()),
                })
            })
            .collect();
        let next = resp
            .next_continuation_token()
            .filter(|t| !t.is_empty())
            .map(str::to_string);
        let truncated = resp.is_truncated().unwrap_or(next.is_some());
        each_page(page).await;
        match next {
            Some(t) if truncated && Some(&t) != token.as_ref() => token = Some(t),
            _ => return Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn locations() {
        assert_eq!(super::location_to_region(None), "us-east-1");
        assert_eq!(super::location_to_region(Some("")), "us-east-1");
        assert_eq!(super::location_to_region(Some("EU")), "eu-west-1");
        assert_eq!(super::location_to_region(Some("ap-south-1")), "ap-south-1");
    }
}
