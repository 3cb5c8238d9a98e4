//! The async side of an S3 scan: one task per object in scope, from its
//! listing entry to a job for a worker (or a result that needs no worker).
//!
//! In: a listed object. Out: a `Job` on the bounded job channel (the whole
//! body in memory, or a `ChannelReader` fed by a GET that starts only when a
//! worker reads), or a `Msg` to the collector (out of scope by tags,
//! skipped, failed). Steps: tags (only with a tag criterion), skip rules
//! (storage class, size limit: no GET), an 8 KiB ranged sniff for objects
//! above `SNIFF_ABOVE` (or above `ranged_above`) so unsupported binaries
//! are skipped without downloading them, then the GET of the rest with
//! `If-Match` on the listed ETag — or, for zip and Parquet objects above
//! `ranged_above`, a job whose extractor reads by ranged GETs (also with
//! `If-Match`), the sniffed head cached. Every request waits for a permit of the `--concurrency` semaphore;
//! whole-object buffers wait for a share of a fixed memory budget.

use super::{Job, JobBody, Msg};
use crate::extract::sniff::{self, SNIFF_LEN};
use crate::findings::{ObjectMeta, ObjectTag};
use crate::source::s3::criteria::{Criteria, Decision, Listed};
use crate::source::s3::errors::{classify, Failure};
use crate::source::s3::list::ListedObject;
use crate::source::s3::read::{
    channel_reader, ObjectHeaders, Piece, RangedReader, S3RangeSource, SharedRanged,
};
use crate::source::s3::BucketStats;
use aws_sdk_s3::error::DisplayErrorContext;
use aws_sdk_s3::operation::get_object::GetObjectOutput;
use aws_sdk_s3::primitives::ByteStream;
use aws_sdk_s3::Client;
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore};

/// Objects larger than this are sniffed with a ranged GET of their first
/// 8 KiB before the rest is downloaded.
pub const SNIFF_ABOVE: u64 = 1 << 20;

/// Body pieces buffered between a streaming GET and its reader.
const STREAM_PIECES: usize = 16;

/// A bucket as the tasks see it.
pub(super) struct BucketRt {
    pub name: String,
    pub region: Option<String>,
    pub owner: Option<serde_json::Value>,
    pub client: Option<Client>,
    pub stats: Arc<BucketStats>,
}

/// State shared by all tasks of a scan.
pub(super) struct Shared {
    pub buckets: Vec<BucketRt>,
    pub criteria: Criteria,
    pub jobs: mpsc::Sender<Job>,
    pub msgs: mpsc::Sender<Msg>,
    pub get_sem: Arc<Semaphore>,
    pub mem_sem: Arc<Semaphore>,
    pub mem_kib: u32,
    pub cancel: Arc<AtomicBool>,
    pub max_in_memory: u64,
    /// Zip and Parquet objects larger than this are read by ranged GETs.
    pub ranged_above: u64,
    /// Largest ranged GET of sequential reading.
    pub range_window: u64,
    pub read_timeout: Duration,
    /// Transport failures in a row (reset by any answer from the server).
    pub transport_failures: AtomicU32,
    /// The breaker opens at this many.
    pub breaker_at: u32,
    /// Set when the breaker opened: why (the last transport failure).
    pub down: Mutex<Option<String>>,
}

/// The result metadata of a listed object.
pub(super) fn meta_for(bk: &BucketRt, o: &ListedObject) -> ObjectMeta {
    ObjectMeta {
        root: bk.name.clone(),
        key: o.key.clone(),
        path: format!("{}/{}", bk.name, o.key),
        size: o.size,
        etag: o.etag.as_ref().map(|e| e.trim_matches('"').to_string()),
        last_modified: o.last_modified_str.clone(),
        storage_class: Some(o.storage_class.clone()),
        region: bk.region.clone(),
        is_s3: true,
        owner: bk.owner.clone(),
        ..Default::default()
    }
}

/// Record what GetObject's headers said.
pub(super) fn apply_headers(meta: &mut ObjectMeta, h: &ObjectHeaders) {
    if h.version_id.is_some() {
        meta.version_id = h.version_id.clone();
    }
    if h.sse.is_some() {
        meta.sse = h.sse.clone();
    }
}

async fn get(
    client: &Client,
    bk: &BucketRt,
    o: &ListedObject,
    from: u64,
    to: Option<u64>,
) -> Result<GetObjectOutput, Failure> {
    let mut r = client.get_object().bucket(&bk.name).key(&o.key);
    if let Some(e) = &o.etag {
        r = r.if_match(e);
    }
    match to {
        Some(t) => r = r.range(format!("bytes={from}-{t}")),
        None if from > 0 => r = r.range(format!("bytes={from}-")),
        None => {}
    }
    BucketStats::inc(&bk.stats.get);
    r.send().await.map_err(|e| classify("GetObject", &e))
}

/// The next body chunk; a server that sends nothing for `t` fails it.
/// (The chunk is the SDK's `Bytes`: borrowed to append, or turned into a
/// `Vec` without a copy when it is not shared.)
async fn next_chunk(
    body: &mut ByteStream,
    t: Duration,
    stats: &BucketStats,
) -> Result<Option<impl AsRef<[u8]> + Into<Vec<u8>>>, Failure> {
    match tokio::time::timeout(t, body.try_next()).await {
        Err(_) => Err(Failure::transport(format!(
            "GetObject body: no data for {} s (read timeout)",
            t.as_secs_f64()
        ))),
        Ok(Err(e)) => Err(Failure::transport(format!(
            "GetObject body: {}",
            DisplayErrorContext(&e)
        ))),
        Ok(Ok(Some(b))) => {
            stats.bytes.fetch_add(b.len() as u64, Ordering::Relaxed);
            Ok(Some(b))
        }
        Ok(Ok(None)) => Ok(None),
    }
}

impl Shared {
    async fn not_read(&self, b: usize, meta: ObjectMeta, f: Failure, mime: Option<&'static str>) {
        let _ = self
            .msgs
            .send(Msg::NotRead {
                bucket: b,
                meta: Box::new(meta),
                failure: f,
                mime,
            })
            .await;
    }

    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }

    /// Count a request's outcome for the endpoint breaker: any answer
    /// resets it; `breaker_at` transport failures in a row open it.
    fn record<T>(&self, r: &Result<T, Failure>) {
        match r {
            Err(f) if f.transport => {
                let n = self.transport_failures.fetch_add(1, Ordering::SeqCst) + 1;
                if n >= self.breaker_at {
                    let mut d = self.down.lock().expect("breaker");
                    if d.is_none() {
                        *d = Some(format!(
                            "{n} requests in a row got no answer; last: {}",
                            f.detail
                        ));
                    }
                }
            }
            _ => self.transport_failures.store(0, Ordering::SeqCst),
        }
    }

    /// When the breaker is open: the failure for objects not attempted.
    /// Once an endpoint stopped answering, the remaining objects fail at
    /// once instead of each waiting for its own timeouts (no hang).
    fn endpoint_down(&self) -> Option<Failure> {
        let d = self.down.lock().expect("breaker");
        d.as_ref().map(|why| {
            Failure::transport(format!(
                "GetObject not attempted: the endpoint stopped answering ({why})"
            ))
        })
    }
}

/// Take one listed object (already in scope by the listing criteria) to a
/// job or a result. `_task` bounds the number of live tasks.
pub(super) async fn object_task(
    sh: Arc<Shared>,
    b: usize,
    o: ListedObject,
    _task: OwnedSemaphorePermit,
) {
    if sh.cancelled() {
        return;
    }
    let bk = &sh.buckets[b];
    let Some(client) = bk.client.as_ref() else {
        return;
    };
    let mut meta = meta_for(bk, &o);

    if let Some(f) = sh.endpoint_down() {
        return sh.not_read(b, meta, f, None).await;
    }
    if sh.criteria.needs_tags() {
        let resp = {
            let _g = sh.get_sem.acquire().await;
            BucketStats::inc(&bk.stats.tagging);
            client
                .get_object_tagging()
                .bucket(&bk.name)
                .key(&o.key)
                .send()
                .await
        };
        match resp {
            Err(e) => {
                return sh
                    .not_read(b, meta, classify("GetObjectTagging", &e), None)
                    .await
            }
            Ok(t) => {
                let tags: Vec<(String, String)> = t
                    .tag_set()
                    .iter()
                    .map(|t| (t.key().to_string(), t.value().to_string()))
                    .collect();
                if !sh.criteria.tags_in_scope(&tags) {
                    let _ = sh.msgs.send(Msg::OutOfScope { bucket: b, n: 1 }).await;
                    return;
                }
                meta.tags = Some(
                    tags.into_iter()
                        .map(|(key, value)| ObjectTag { key, value })
                        .collect(),
                );
            }
        }
    }

    let listed = Listed {
        bucket: &bk.name,
        key: &o.key,
        size: o.size,
        last_modified: o.last_modified,
        storage_class: &o.storage_class,
    };
    if let Decision::Skip { reason, detail } = sh.criteria.decide(&listed) {
        return sh
            .not_read(b, meta, Failure::new(reason, detail), None)
            .await;
    }
    if o.size == 0 {
        // Nothing to read: an empty object is analysed without a request.
        let _ = sh
            .jobs
            .send(Job {
                bucket: b,
                meta,
                body: JobBody::Whole(Vec::new()),
                _mem: None,
            })
            .await;
        return;
    }

    let mut head: Vec<u8> = Vec::new();
    let mut random_access = false;
    // (an object of at most 8 KiB is never read by ranged GETs: the sniff
    // would already be all of it)
    if o.size > SNIFF_ABOVE || (o.size > sh.ranged_above && o.size > SNIFF_LEN as u64) {
        let _g = sh.get_sem.acquire().await;
        if sh.cancelled() {
            return;
        }
        if let Some(f) = sh.endpoint_down() {
            return sh.not_read(b, meta, f, None).await;
        }
        let resp = get(client, bk, &o, 0, Some(SNIFF_LEN as u64 - 1)).await;
        sh.record(&resp);
        let mut resp = match resp {
            Ok(r) => r,
            Err(f) => return sh.not_read(b, meta, f, None).await,
        };
        apply_headers(&mut meta, &ObjectHeaders::from_get(&resp));
        let ranged = resp.content_range().is_some();
        while head.len() < SNIFF_LEN {
            match next_chunk(&mut resp.body, sh.read_timeout, &bk.stats).await {
                Ok(Some(c)) => head.extend_from_slice(c.as_ref()),
                Ok(None) => break,
                Err(f) => {
                    sh.record::<()>(&Err(f.clone()));
                    return sh.not_read(b, meta, f, None).await;
                }
            }
        }
        head.truncate(SNIFF_LEN);
        let kind = sniff::sniff(&head, &o.key);
        if let sniff::Kind::Unsupported(what) = kind {
            let f = Failure::new(
                "UNSUPPORTED_FILE_TYPE",
                format!("{what}: no extractor for this format (first 8 KiB read)"),
            );
            return sh
                .not_read(b, meta, f, Some("application/octet-stream"))
                .await;
        }
        if !ranged {
            head.clear(); // the server ignored Range: fetch from the start
        }
        random_access = ranged
            && o.size > sh.ranged_above
            && matches!(kind, sniff::Kind::Zip | sniff::Kind::Parquet);
    }

    if random_access {
        // The extractor reads the index at the end and what it extracts,
        // by ranged GETs from the worker (each waits for a request permit).
        let src = S3RangeSource {
            handle: tokio::runtime::Handle::current(),
            client: client.clone(),
            bucket: bk.name.clone(),
            key: o.key.clone(),
            etag: o.etag.clone(),
            size: o.size,
            stats: bk.stats.clone(),
            error: None,
            permits: Some(sh.get_sem.clone()),
            read_timeout: Some(sh.read_timeout),
            headers: None,
            stop: Some(sh.cancel.clone()),
        };
        let mut r = RangedReader::new(src, sh.range_window, super::RANGE_CACHE);
        r.preload(0, head);
        let job = Job {
            bucket: b,
            meta,
            body: JobBody::Ranged(Arc::new(SharedRanged::new(r))),
            _mem: None,
        };
        let _ = sh.jobs.send(job).await;
        return;
    }

    if o.size <= sh.max_in_memory {
        let kib = o.size.div_ceil(1024).clamp(1, sh.mem_kib as u64) as u32;
        let Ok(mem) = sh.mem_sem.clone().acquire_many_owned(kib).await else {
            return;
        };
        let res = {
            let _g = sh.get_sem.acquire().await;
            if sh.cancelled() {
                return;
            }
            if let Some(f) = sh.endpoint_down() {
                return sh.not_read(b, meta, f, None).await;
            }
            let r = fetch_all(&sh, client, bk, &o, head).await;
            sh.record(&r);
            r
        };
        match res {
            Err(f) => sh.not_read(b, meta, f, None).await,
            Ok((h, body)) => {
                if let Some(h) = h {
                    apply_headers(&mut meta, &h);
                }
                let job = Job {
                    bucket: b,
                    meta,
                    body: JobBody::Whole(body),
                    _mem: Some(mem),
                };
                let _ = sh.jobs.send(job).await;
            }
        }
        return;
    }

    // Larger than memory: stream; the GET starts when a worker first reads.
    let from = head.len() as u64;
    let (reader, w) = channel_reader(head, STREAM_PIECES, sh.cancel.clone());
    let job = Job {
        bucket: b,
        meta,
        body: JobBody::Stream(Box::new(reader)),
        _mem: None,
    };
    if sh.jobs.send(job).await.is_err() || w.start.await.is_err() {
        return;
    }
    let _g = sh.get_sem.acquire().await;
    let tx = w.tx;
    if let Some(f) = sh.endpoint_down() {
        let _ = tx.send(Piece::Error(f)).await;
        return;
    }
    let resp = get(client, bk, &o, from, None).await;
    sh.record(&resp);
    let mut resp = match resp {
        Ok(r) => r,
        Err(f) => {
            let _ = tx.send(Piece::Error(f)).await;
            return;
        }
    };
    if tx
        .send(Piece::Headers(ObjectHeaders::from_get(&resp)))
        .await
        .is_err()
    {
        return;
    }
    loop {
        let piece = match next_chunk(&mut resp.body, sh.read_timeout, &bk.stats).await {
            Ok(Some(c)) => Piece::Data(c.into()),
            Ok(None) => Piece::End,
            Err(f) => {
                sh.record::<()>(&Err(f.clone()));
                Piece::Error(f)
            }
        };
        let last = !matches!(piece, Piece::Data(_));
        if tx.send(piece).await.is_err() || last {
            return; // the reader is gone (object finished or abandoned) or the body ended
        }
    }
}

/// GET the object from `head.len()` on and append it to `head`.
async fn fetch_all(
    sh: &Shared,
    client: &Client,
    bk: &BucketRt,
    o: &ListedObject,
    mut buf: Vec<u8>,
) -> Result<(Option<ObjectHeaders>, Vec<u8>), Failure> {
    let from = buf.len() as u64;
    let mut resp = get(client, bk, o, from, None).await?;
    let h = ObjectHeaders::from_get(&resp);
    buf.reserve(o.size.saturating_sub(from) as usize);
    while let Some(c) = next_chunk(&mut resp.body, sh.read_timeout, &bk.stats).await? {
        buf.extend_from_slice(c.as_ref());
        if buf.len() as u64 > sh.max_in_memory.max(o.size) {
            return Err(Failure::new(
                "OBJECT_VERSION_MISMATCH",
                format!("the body is longer than the listed size {}", o.size),
            ));
        }
    }
    Ok((Some(h), buf))
}
