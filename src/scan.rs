//! The pipeline: enumerate → read → extract → match → collect, in parallel
//! with bounded channels, and a result for every object in scope.
//!
//! In: a compiled `Engine`, roots, options. Out: a `Report` (results in an
//! external sort, read back sorted; summaries). Threading: one walker (itself parallel) feeds a bounded
//! channel; N workers on a rayon pool each own a `Scanner` and read, extract
//! and match one object at a time; the calling thread folds results into
//! summaries. Memory is bounded by the channel sizes, the per-object
//! chunking and the result store's buffer, not by the tree size. A panic inside one object becomes that
//! object's FAILED result; the scan goes on.

use crate::detect::{Engine, Scanner};
use crate::extract::{self, Budget, Ctx, Input, Limits};
use crate::findings::output::Report;
use crate::findings::store::ResultStore;
use crate::findings::{FindingOptions, ObjectCollector, ObjectMeta, ObjectResult, RootSummary};
use crate::source::local::{self, LocalItem, LocalOptions};
use std::io::Read;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Live counters for a progress display (read from another thread).
#[derive(Debug, Default)]
pub struct Progress {
    /// Objects finished.
    pub objects: AtomicU64,
    /// Bytes of objects finished.
    pub bytes: AtomicU64,
    /// Objects with findings.
    pub with_findings: AtomicU64,
    /// Objects queued by enumeration.
    pub queued: AtomicU64,
    /// Enumeration finished.
    pub listing_done: AtomicBool,
}

/// Options for a scan run.
#[derive(Debug, Clone)]
pub struct ScanOptions {
    /// Extraction limits.
    pub limits: Limits,
    /// Finding shape.
    pub findings: FindingOptions,
    /// Worker threads (0 = one per core).
    pub threads: usize,
    /// Results held in memory before a sorted run is written to a
    /// temporary file (`findings::store`; default `store::MAX_RECORDS`).
    pub sort_records: usize,
}

/// Small files are read; mid-size files are mapped; large files are read
/// by positioned reads (zip and Parquet in place, other formats streamed).
const READ_BELOW: u64 = 64 * 1024;

/// Scan one object's content. Never panics outward: a panic in an extractor
/// is caught and reported as the object's failure.
pub fn scan_object(
    scanner: &mut Scanner<'_>,
    meta: ObjectMeta,
    input: Input<'_>,
    opts: &ScanOptions,
) -> ObjectResult {
    scan_object_then(scanner, meta, input, opts, &mut |_| {})
}

/// `scan_object`, calling `after` on the collector once extraction ended
/// and before the result is built (a source reports its own failure there).
pub fn scan_object_then(
    scanner: &mut Scanner<'_>,
    meta: ObjectMeta,
    input: Input<'_>,
    opts: &ScanOptions,
    after: &mut dyn FnMut(&mut ObjectCollector),
) -> ObjectResult {
    let engine = scanner.engine();
    let mut out = ObjectCollector::new(&opts.findings);
    let mut budget = Budget::default();
    let name = meta.key.clone();
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let mut ctx = Ctx {
            scanner: &mut *scanner,
            out: &mut out,
            limits: &opts.limits,
            budget: &mut budget,
            depth: 0,
            member: None,
        };
        extract::extract(&mut ctx, &name, input)
    }));
    match res {
        Ok(Ok(())) => {}
        Ok(Err(e)) => out.fail(e.reason(), e.to_string()),
        Err(p) => {
            let msg = p
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| p.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            out.fail("INTERNAL_ERROR", format!("extractor panicked: {msg}"));
        }
    }
    after(&mut out);
    out.finish(engine, meta)
}

fn local_meta(
    root: &std::path::Path,
    path: &std::path::Path,
    key: String,
    size: u64,
    modified: Option<String>,
) -> ObjectMeta {
    ObjectMeta {
        root: root.display().to_string(),
        key,
        path: path.display().to_string(),
        size,
        last_modified: modified,
        ..Default::default()
    }
}

fn io_reason(e: &std::io::Error) -> &'static str {
    if e.kind() == std::io::ErrorKind::PermissionDenied {
        "PERMISSION_DENIED"
    } else {
        "UNABLE_TO_READ_OBJECT"
    }
}

/// Scan one local file.
pub fn scan_local_file(
    scanner: &mut Scanner<'_>,
    meta: ObjectMeta,
    path: &std::path::Path,
    max_size: Option<u64>,
    opts: &ScanOptions,
) -> ObjectResult {
    let fail =
        |scanner: &mut Scanner<'_>, meta: ObjectMeta, reason: &str, detail: String, skip: bool| {
            let mut out = ObjectCollector::new(&opts.findings);
            if skip {
                out.skip(reason, detail);
            } else {
                out.fail(reason, detail);
            }
            out.finish(scanner.engine(), meta)
        };
    if let Some(m) = max_size {
        if meta.size > m {
            let d = format!("{} bytes is over --max-file-size {m}", meta.size);
            return fail(scanner, meta, "FILE_EXCEEDS_SIZE_LIMIT", d, true);
        }
    }
    let mut file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return fail(scanner, meta, io_reason(&e), e.to_string(), false),
    };
    if meta.size < READ_BELOW {
        let mut buf = Vec::with_capacity(meta.size as usize);
        if let Err(e) = file.read_to_end(&mut buf) {
            return fail(scanner, meta, io_reason(&e), e.to_string(), false);
        }
        return scan_object(scanner, meta, Input::Bytes(&buf), opts);
    }
    if meta.size <= opts.limits.max_in_memory {
        // SAFETY: the map is read-only and dropped before returning. A file
        // truncated by another process while mapped can fault (as in
        // ripgrep); files above `max_in_memory` are streamed instead.
        match unsafe { memmap2::Mmap::map(&file) } {
            Ok(map) => return scan_object(scanner, meta, Input::Bytes(&map), opts),
            Err(_) => { /* fall back to streaming */ }
        }
    }
    // Larger than the in-memory cap: random access by positioned reads, so
    // a zip or Parquet file is read in place (its index, then what is
    // extracted) and every other format streams from the start.
    #[cfg(unix)]
    {
        let src = crate::extract::random::LocalFile::new(file, meta.size);
        scan_object(scanner, meta, Input::Random(std::sync::Arc::new(src)), opts)
    }
    #[cfg(not(unix))]
    {
        let mut reader = std::io::BufReader::with_capacity(256 * 1024, file);
        scan_object(scanner, meta, Input::Reader(&mut reader), opts)
    }
}

/// Scan local roots (directories or files).
pub fn scan_local(
    engine: &Engine,
    roots: &[PathBuf],
    lopts: &LocalOptions,
    opts: &ScanOptions,
    progress: &Progress,
    stop: &AtomicBool,
) -> Report {
    let threads = if opts.threads == 0 {
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(2)
    } else {
        opts.threads
    };
    let (tx, rx) = crossbeam_channel::bounded::<LocalItem>(1024);
    let (rtx, rrx) = crossbeam_channel::bounded::<(usize, Option<ObjectResult>)>(1024);
    let mut summaries: Vec<RootSummary> = roots
        .iter()
        .map(|r| RootSummary::new(&r.display().to_string()))
        .collect();
    let mut results = ResultStore::new(opts.sort_records);
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("piiscan-worker-{i}"))
        .build()
        .expect("thread pool");
    std::thread::scope(|s| {
        let walk_opts = LocalOptions {
            threads: threads.min(4),
            ..lopts.clone()
        };
        s.spawn(move || {
            local::walk(roots, &walk_opts, &tx, stop);
            drop(tx);
            progress.listing_done.store(true, Ordering::Relaxed);
        });
        s.spawn(|| {
            pool.scope(|ps| {
                for _ in 0..threads {
                    let rx = rx.clone();
                    let rtx = rtx.clone();
                    ps.spawn(move |_| {
                        let mut scanner = engine.scanner();
                        for item in rx.iter() {
                            if stop.load(Ordering::Relaxed) {
                                break;
                            }
                            let out = match item {
                                LocalItem::OutOfScope { root } => (root, None),
                                LocalItem::Error {
                                    root,
                                    path,
                                    key,
                                    message,
                                    denied,
                                } => {
                                    let meta = local_meta(&roots[root], &path, key, 0, None);
                                    let mut c = ObjectCollector::new(&opts.findings);
                                    c.fail(
                                        if denied {
                                            "PERMISSION_DENIED"
                                        } else {
                                            "UNABLE_TO_READ_OBJECT"
                                        },
                                        message,
                                    );
                                    (root, Some(c.finish(engine, meta)))
                                }
                                LocalItem::File {
                                    root,
                                    path,
                                    key,
                                    size,
                                    modified,
                                } => {
                                    progress.queued.fetch_add(1, Ordering::Relaxed);
                                    let meta = local_meta(&roots[root], &path, key, size, modified);
                                    let r = scan_local_file(
                                        &mut scanner,
                                        meta,
                                        &path,
                                        lopts.max_file_size,
                                        opts,
                                    );
                                    progress.bytes.fetch_add(size, Ordering::Relaxed);
                                    if r.finding.is_some() {
                                        progress.with_findings.fetch_add(1, Ordering::Relaxed);
                                    }
                                    (root, Some(r))
                                }
                            };
                            progress
                                .objects
                                .fetch_add(out.1.is_some() as u64, Ordering::Relaxed);
                            if rtx.send(out).is_err() {
                                break;
                            }
                        }
                    });
                }
            });
            drop(rtx);
        });
        for (root, r) in rrx.iter() {
            match r {
                None => summaries[root].listed_out_of_scope(),
                Some(r) => {
                    summaries[root].add(engine, &r);
                    results.push(&r);
                }
            }
        }
    });
    Report {
        run_id: opts.findings.job_id.clone(),
        started_at: opts.findings.created_at.clone(),
        results,
        summaries,
        suppressed_by_baseline: 0,
    }
}
