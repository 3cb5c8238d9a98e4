//! The S3 scan pipeline: async listing and GETs feeding synchronous
//! extractors on a rayon pool, with a result for every object in scope.
//!
//! In: a compiled `Engine`, `S3ScanOptions` (locations, criteria, AWS
//! connection), `ScanOptions`. Out: a `Report` (results in an external
//! sort, read back sorted by bucket and key) with one `RootSummary` per
//! bucket (request counts included).
//!
//! Threads and channels (every queue bounded, so memory does not grow with
//! the bucket):
//! ```text
//!  tokio runtime (2 threads)                     rayon pool (N workers)      caller's thread
//!  listers: ListObjectsV2 page by page ─┐
//!    criteria, sampling (no request)    │ task permits (bounded live tasks)
//!  object tasks: tags? sniff? GET ──────┴─► jobs (bounded) ─► scan_object ─► msgs (bounded) ─► summaries
//!                   └─ out of scope / skipped / failed ─────────────────────► msgs
//! ```
//! Requests wait for one of `--concurrency` permits. Objects up to
//! `Limits::max_in_memory` are downloaded whole (waiting for their share of
//! a fixed memory budget) and scanned as `Input::Bytes`; larger ones stream
//! through a `ChannelReader` whose GET starts when a worker first reads,
//! except zip (and Office) and Parquet objects above `ranged_above`, which
//! the extractors read by ranged GETs (`JobBody::Ranged`): the index at the
//! end, then only the members or column chunks they extract.
//! Ctrl-C (`stop`) stops listing and new requests; objects in flight finish
//! or fail with INTERRUPTED; the report holds what was done.

mod fetch;
mod plan;

use crate::aws::{self, AwsOptions};
use crate::detect::{Engine, Scanner};
use crate::extract::Input;
use crate::findings::output::Report;
use crate::findings::store::ResultStore;
use crate::findings::{ObjectCollector, ObjectMeta, ObjectResult, Outcome, RootSummary, Status};
use crate::scan::{scan_object, scan_object_then, Progress, ScanOptions};
use crate::source::s3::errors::Failure;
use crate::source::s3::list::{self, ListedObject};
use crate::source::s3::read::{ChannelReader, ObjectHeaders, S3RangeSource, SharedRanged};
use crate::source::s3::{group_targets, BucketStats, Criteria, S3Error, S3Target};
use fetch::{BucketRt, Shared};
use globset::GlobSet;
use plan::{list_prefix, resolve};
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{mpsc, OwnedSemaphorePermit, Semaphore};

pub use fetch::SNIFF_ABOVE;

/// The endpoint breaker opens after `max(BREAKER_MIN, 2 × concurrency)`
/// requests in a row got no answer (timeouts, refused or dropped
/// connections, each after the SDK's retries); the remaining objects then
/// fail at once with UNABLE_TO_READ_OBJECT instead of each waiting out its
/// own timeouts.
pub const BREAKER_MIN: u32 = 8;

/// What to scan in S3 and how to reach it.
#[derive(Debug, Clone)]
pub struct S3ScanOptions {
    /// Connection (profile, region, endpoint, retries, timeouts).
    pub aws: AwsOptions,
    /// `s3://bucket[/prefix]` locations.
    pub targets: Vec<S3Target>,
    /// Also every bucket ListBuckets returns.
    pub all_buckets: bool,
    /// With `all_buckets`: only bucket names matching one of these.
    pub bucket_include: Option<GlobSet>,
    /// With `all_buckets`: leave out bucket names matching one of these.
    pub bucket_exclude: Option<GlobSet>,
    /// Object criteria.
    pub criteria: Criteria,
    /// Requests in flight at once (`--concurrency`).
    pub concurrency: usize,
    /// ListObjectsV2 MaxKeys (None: the server default, 1,000).
    pub page_size: Option<i32>,
    /// Zip (Office) and Parquet objects larger than this are read by ranged
    /// GETs (`Input::Random`); None: `Limits::max_in_memory`.
    pub ranged_above: Option<u64>,
    /// Largest ranged GET of sequential reading (`RANGE_WINDOW`).
    pub range_window: u64,
}

/// Default largest ranged GET of a random-access read: sequential reading
/// grows its requests from 16 KiB to this. Each request costs a round
/// trip: reading a 206 MiB zip whole took 4.3 s in 262 requests of 1 MiB
/// and 2.5 s in 60 of 4 MiB (docs/s3.md, Measurements).
pub const RANGE_WINDOW: u64 = 4 << 20;

/// Fetched windows kept per random-access object (bytes): four windows.
pub const RANGE_CACHE: u64 = 16 << 20;

impl Default for S3ScanOptions {
    fn default() -> Self {
        S3ScanOptions {
            aws: AwsOptions::default(),
            targets: vec![],
            all_buckets: false,
            bucket_include: None,
            bucket_exclude: None,
            criteria: Criteria::default(),
            concurrency: 16,
            page_size: None,
            ranged_above: None,
            range_window: RANGE_WINDOW,
        }
    }
}

/// A unit of work for a rayon worker.
pub(crate) struct Job {
    bucket: usize,
    meta: ObjectMeta,
    body: JobBody,
    /// Share of the memory budget, released when the job is done.
    _mem: Option<OwnedSemaphorePermit>,
}

/// The object's bytes.
pub(crate) enum JobBody {
    /// Whole body in memory.
    Whole(Vec<u8>),
    /// Streamed body.
    Stream(Box<ChannelReader>),
    /// Random access by ranged GETs (large zip and Parquet objects).
    Ranged(Arc<SharedRanged<S3RangeSource>>),
}

/// Messages to the collector.
pub(crate) enum Msg {
    /// Listed objects the criteria excluded.
    OutOfScope { bucket: usize, n: u64 },
    /// In scope but not read (skipped or failed before any worker saw it).
    NotRead {
        bucket: usize,
        meta: Box<ObjectMeta>,
        failure: Failure,
        mime: Option<&'static str>,
    },
    /// A scanned object.
    Done {
        bucket: usize,
        result: Box<ObjectResult>,
    },
    /// Listing (or the bucket) failed.
    BucketError { bucket: usize, failure: Failure },
}

/// Patch a streamed object's result with what arrived while it was read:
/// response headers (version, encryption) and the classified read failure.
fn patch_streamed(r: &mut ObjectResult, h: Option<&ObjectHeaders>, failure: Option<&Failure>) {
    if let Some(h) = h {
        fetch::apply_headers(&mut r.meta, h);
        if let Some(f) = r.finding.as_mut() {
            let o = &mut f.resources_affected.s3_object;
            o.version_id = r.meta.version_id.clone();
            o.server_side_encryption =
                r.meta
                    .sse
                    .as_ref()
                    .map(|(t, k)| crate::findings::model::ServerSideEncryption {
                        encryption_type: t.clone(),
                        kms_master_key_id: k.clone(),
                    });
        }
    }
    if let Some(fl) = failure {
        if r.outcome == Outcome::Failed {
            r.reason = Some(fl.reason.to_string());
            r.detail = Some(fl.detail.clone());
            if fl.is_skip() && r.status == Status::Skipped {
                r.outcome = Outcome::Skipped;
            }
            if let Some(f) = r.finding.as_mut() {
                f.classification_details.result.status.reason = r.reason.clone();
            }
        }
    }
}

fn run_job(scanner: &mut Scanner<'_>, job: Job, opts: &ScanOptions) -> ObjectResult {
    match job.body {
        JobBody::Whole(buf) => scan_object(scanner, job.meta, Input::Bytes(&buf), opts),
        JobBody::Stream(mut reader) => {
            let mut r = scan_object(scanner, job.meta, Input::Reader(&mut *reader), opts);
            patch_streamed(&mut r, reader.headers.as_ref(), reader.error.as_ref());
            r
        }
        JobBody::Ranged(src) => {
            let input = Input::Random(src.clone());
            // A failed ranged GET (object changed: 412, connection lost)
            // decides the object's outcome and reason (a changed object is
            // SKIPPED with OBJECT_VERSION_MISMATCH, as for a streamed GET),
            // whatever the extractor made of the I/O error.
            scan_object_then(scanner, job.meta, input, opts, &mut |out| {
                if let Some(f) = &src.lock().source().error {
                    out.source_failed(f.reason, f.detail.clone(), f.is_skip());
                }
            })
        }
    }
}

/// A result for an object no worker read.
fn not_read_result(
    engine: &Engine,
    opts: &ScanOptions,
    meta: ObjectMeta,
    f: &Failure,
    mime: Option<&str>,
) -> ObjectResult {
    let mut c = ObjectCollector::new(&opts.findings);
    if let Some(m) = mime {
        c.mime_type = m.to_string();
    }
    if f.is_skip() {
        c.skip(f.reason, f.detail.clone());
    } else {
        c.fail(f.reason, f.detail.clone());
    }
    c.finish(engine, meta)
}

/// Scan S3 locations. Bucket-level problems (no such bucket, listing
/// denied) are recorded in that bucket's summary (`error_code`); only a
/// failing ListBuckets (for `all_buckets`) or runtime start-up is an `Err`.
pub fn scan_s3(
    engine: &Engine,
    s3: &S3ScanOptions,
    opts: &ScanOptions,
    progress: &Progress,
    stop: &AtomicBool,
) -> Result<Report, S3Error> {
    let threads = if opts.threads == 0 {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
    } else {
        opts.threads
    };
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("piiscan-io")
        .enable_all()
        .build()?;
    let plans = rt.block_on(resolve(s3))?;
    let mut summaries: Vec<RootSummary> = plans
        .iter()
        .map(|p| {
            let mut s = RootSummary::new(&p.rt.name);
            s.region = p.rt.region.clone();
            if let Some(f) = &p.error {
                s.error_code = Some(f.reason.to_string());
                s.error_message = Some(f.detail.clone());
            }
            s
        })
        .collect();
    let stats: Vec<Arc<BucketStats>> = plans.iter().map(|p| p.rt.stats.clone()).collect();
    let mut listings: Vec<(usize, String)> = Vec::new();
    let mut buckets = Vec::new();
    for (i, p) in plans.into_iter().enumerate() {
        if p.error.is_none() {
            listings.extend(p.prefixes.into_iter().map(|x| (i, x)));
        }
        buckets.push(p.rt);
    }

    let concurrency = s3.concurrency.max(1);
    let max_tasks = (2 * concurrency + 2 * threads) as u32;
    // Whole-object buffers: enough for the requests in flight and the job
    // queue, and the largest object, but fixed: RSS does not follow the bucket.
    let mem_kib = ((2 * opts.limits.max_in_memory).max(128 << 20) / 1024) as u32;
    let (job_tx, job_rx) = mpsc::channel::<Job>(threads * 2);
    let (msg_tx, mut msg_rx) = mpsc::channel::<Msg>(1024);
    let cancel = Arc::new(AtomicBool::new(false));
    let shared = Arc::new(Shared {
        buckets,
        criteria: s3.criteria.clone(),
        jobs: job_tx,
        msgs: msg_tx.clone(),
        get_sem: Arc::new(Semaphore::new(concurrency)),
        mem_sem: Arc::new(Semaphore::new(mem_kib as usize)),
        mem_kib,
        cancel: cancel.clone(),
        max_in_memory: opts.limits.max_in_memory,
        ranged_above: s3.ranged_above.unwrap_or(opts.limits.max_in_memory),
        range_window: s3.range_window,
        read_timeout: s3.aws.read_timeout.max(Duration::from_millis(100)),
        transport_failures: std::sync::atomic::AtomicU32::new(0),
        breaker_at: (2 * concurrency as u32).max(BREAKER_MIN),
        down: Mutex::new(None),
    });
    let tasks = Arc::new(Semaphore::new(max_tasks as usize));
    let queued = Arc::new(std::sync::atomic::AtomicU64::new(0));
    let job_rx = Arc::new(Mutex::new(job_rx));
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("piiscan-worker-{i}"))
        .build()
        .expect("thread pool");
    let mut results = ResultStore::new(opts.sort_records);

    std::thread::scope(|s| {
        let shared_for_io = shared;
        let rt = &rt;
        let queued_io = queued.clone();
        s.spawn(move || {
            rt.block_on(async {
                let mut listers = tokio::task::JoinSet::new();
                for (b, prefix) in listings {
                    listers.spawn(list_prefix(
                        shared_for_io.clone(),
                        b,
                        prefix,
                        s3.page_size,
                        tasks.clone(),
                        queued_io.clone(),
                    ));
                }
                let all = async {
                    while listers.join_next().await.is_some() {}
                    progress.listing_done.store(true, Ordering::Relaxed);
                    // every object task holds a permit until it ends
                    let _ = tasks.acquire_many(max_tasks).await;
                };
                tokio::pin!(all);
                loop {
                    tokio::select! {
                        _ = &mut all => break,
                        _ = tokio::time::sleep(Duration::from_millis(50)) => {
                            if stop.load(Ordering::Relaxed) {
                                cancel.store(true, Ordering::Relaxed);
                            }
                        }
                    }
                }
            });
            drop(shared_for_io);
        });
        let worker_msgs = msg_tx;
        s.spawn(move || {
            pool.scope(|ps| {
                for _ in 0..threads {
                    let rx = job_rx.clone();
                    let msgs = worker_msgs.clone();
                    ps.spawn(move |_| {
                        let mut scanner = engine.scanner();
                        loop {
                            let job = rx.lock().expect("job queue").blocking_recv();
                            let Some(job) = job else { break };
                            if stop.load(Ordering::Relaxed) {
                                break;
                            }
                            let bucket = job.bucket;
                            let r = run_job(&mut scanner, job, opts);
                            progress.bytes.fetch_add(r.meta.size, Ordering::Relaxed);
                            if r.finding.is_some() {
                                progress.with_findings.fetch_add(1, Ordering::Relaxed);
                            }
                            progress.objects.fetch_add(1, Ordering::Relaxed);
                            let m = Msg::Done {
                                bucket,
                                result: Box::new(r),
                            };
                            if msgs.blocking_send(m).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
            drop(worker_msgs);
            drop(job_rx);
        });
        while let Some(m) = msg_rx.blocking_recv() {
            progress
                .queued
                .store(queued.load(Ordering::Relaxed), Ordering::Relaxed);
            match m {
                Msg::OutOfScope { bucket, n } => summaries[bucket].objects_listed += n,
                Msg::NotRead {
                    bucket,
                    meta,
                    failure,
                    mime,
                } => {
                    let r = not_read_result(engine, opts, *meta, &failure, mime);
                    progress.objects.fetch_add(1, Ordering::Relaxed);
                    summaries[bucket].add(engine, &r);
                    results.push(&r);
                }
                Msg::Done { bucket, result } => {
                    summaries[bucket].add(engine, &result);
                    results.push(&result);
                }
                Msg::BucketError { bucket, failure } => {
                    let s = &mut summaries[bucket];
                    if s.error_code.is_none() {
                        s.error_code = Some(failure.reason.to_string());
                        s.error_message = Some(failure.detail);
                    }
                }
            }
        }
    });
    for (s, st) in summaries.iter_mut().zip(&stats) {
        s.requests = Some(st.snapshot());
    }
    Ok(Report {
        run_id: opts.findings.job_id.clone(),
        started_at: opts.findings.created_at.clone(),
        results,
        summaries,
        suppressed_by_baseline: 0,
    })
}
