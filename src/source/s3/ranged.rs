//! Random access to one S3 object by ranged GETs.
//!
//! In: an object (bucket, key, size, listed ETag). Out: positioned reads
//! (`RangedReader::read_at`, also `Read + Seek`) served from a small cache
//! of fetched windows, and `SharedRanged`, the `extract::Input::Random` of
//! a job (parquet's reader wants `&self`, `Send + Sync`, `'static`).
//! Why: zip keeps its central directory and Parquet its footer at the end;
//! read this way, only the index and the parts extracted are transferred,
//! with no temporary file. Each GET carries `If-Match` (a changed object
//! fails with OBJECT_VERSION_MISMATCH), waits for a request permit and
//! counts in the bucket's request and byte statistics.

use super::errors::{classify, Failure};
use super::read::ObjectHeaders;
use super::BucketStats;
use crate::extract::random::RandomAccess;
use std::collections::VecDeque;
use std::io::{self, Read, Seek, SeekFrom};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

/// Fetches byte ranges of one object (blocking). `RangedReader` calls it.
pub trait RangeSource {
    /// Object length.
    fn len(&self) -> u64;
    /// Whether the object is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Bytes `start..end` (end exclusive, `end <= len`).
    fn fetch(&mut self, start: u64, end: u64) -> io::Result<Vec<u8>>;
    /// Why fetching failed for good, once it has.
    fn failure(&self) -> Option<String> {
        None
    }
}

/// Smallest request window: a zip local header or a Parquet page header
/// costs one request of this size.
pub const MIN_WINDOW: u64 = 16 << 10;

/// Positioned reads over a `RangeSource` with a small cache of fetched
/// windows (most recently used first, bounded in bytes).
///
/// A read that misses the cache fetches a window starting at the read:
/// `MIN_WINDOW` for a read at a new place, twice the previous window when
/// it continues one (sequential reading grows to `max_window` per
/// request, like an OS read-ahead), ending at the object's end for reads
/// near it (a zip or Parquet footer is one request). A read at least as
/// large as its window is fetched exactly, in one request, and not cached
/// (a Parquet page). Windows stop at the next cached window, so no byte is
/// fetched twice while it is cached.
pub struct RangedReader<S: RangeSource> {
    src: S,
    pos: u64,
    max_window: u64,
    cache: VecDeque<(u64, Arc<Vec<u8>>)>,
    cache_bytes: u64,
    cached: u64,
    /// Ranged requests made.
    pub fetches: u64,
}

impl<S: RangeSource> RangedReader<S> {
    /// A reader fetching at most `max_window` bytes per cached window and
    /// keeping at most `cache_bytes` (at least one window) of them.
    pub fn new(src: S, max_window: u64, cache_bytes: u64) -> Self {
        RangedReader {
            src,
            pos: 0,
            max_window: max_window.max(1),
            cache: VecDeque::new(),
            cache_bytes,
            cached: 0,
            fetches: 0,
        }
    }

    /// The source.
    pub fn source(&self) -> &S {
        &self.src
    }

    /// Bytes already fetched elsewhere (a sniff of the first KiB): cached
    /// as if this reader had fetched them.
    pub fn preload(&mut self, start: u64, data: Vec<u8>) {
        if !data.is_empty() && start + data.len() as u64 <= self.src.len() {
            self.insert(start, Arc::new(data));
        }
    }

    fn insert(&mut self, start: u64, data: Arc<Vec<u8>>) {
        self.cached += data.len() as u64;
        self.cache.push_front((start, data));
        while self.cached > self.cache_bytes && self.cache.len() > 1 {
            let (_, d) = self.cache.pop_back().expect("non-empty");
            self.cached -= d.len() as u64;
        }
    }

    fn fetch(&mut self, start: u64, end: u64) -> io::Result<Arc<Vec<u8>>> {
        let data = self.src.fetch(start, end)?;
        self.fetches += 1;
        if data.len() as u64 != end - start {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("asked for {} bytes, got {}", end - start, data.len()),
            ));
        }
        Ok(Arc::new(data))
    }

    /// Read up to `buf.len()` bytes at `off` (0 only at or past the end).
    pub fn read_at(&mut self, off: u64, buf: &mut [u8]) -> io::Result<usize> {
        let len = self.src.len();
        if off >= len || buf.is_empty() {
            return Ok(0);
        }
        let want = buf.len().min((len - off) as usize);
        let hit = self
            .cache
            .iter()
            .position(|(s, d)| *s <= off && off < s + d.len() as u64);
        if let Some(i) = hit {
            let e = self.cache.remove(i).expect("present");
            let o = (off - e.0) as usize;
            let n = want.min(e.1.len() - o);
            buf[..n].copy_from_slice(&e.1[o..o + n]);
            self.cache.push_front(e);
            return Ok(n);
        }
        let ends = |(s, d): &(u64, Arc<Vec<u8>>)| s + d.len() as u64;
        let continued = self.cache.iter().find(|e| ends(e) == off);
        let window = match continued {
            Some((_, d)) => (2 * d.len() as u64).clamp(MIN_WINDOW, self.max_window),
            None => MIN_WINDOW.min(self.max_window),
        };
        if want as u64 >= window {
            let data = self.fetch(off, off + want as u64)?;
            buf[..want].copy_from_slice(&data);
            return Ok(want);
        }
        let next_cached = self
            .cache
            .iter()
            .map(|(s, _)| *s)
            .filter(|s| *s > off)
            .min()
            .unwrap_or(len);
        let end = (off + window).min(len).min(next_cached);
        let start = if end == len {
            let prev_end = self
                .cache
                .iter()
                .map(ends)
                .filter(|e| *e <= off)
                .max()
                .unwrap_or(0);
            end.saturating_sub(window).clamp(prev_end, off)
        } else {
            off
        };
        let data = self.fetch(start, end)?;
        let o = (off - start) as usize;
        let n = want.min(data.len() - o);
        buf[..n].copy_from_slice(&data[o..o + n]);
        self.insert(start, data);
        Ok(n)
    }
}

impl<S: RangeSource> Read for RangedReader<S> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.read_at(self.pos, buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl<S: RangeSource> Seek for RangedReader<S> {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let len = self.src.len() as i128;
        let p = match to {
            SeekFrom::Start(n) => n as i128,
            SeekFrom::End(d) => len + d as i128,
            SeekFrom::Current(d) => self.pos as i128 + d as i128,
        };
        if p < 0 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "seek before the start",
            ));
        }
        self.pos = p as u64;
        Ok(self.pos)
    }
}

/// A `RangedReader` shared by the readers a format library opens (parquet
/// wants `&self`, `Send + Sync` and `'static`): the extractors' view of a
/// large S3 object (`extract::Input::Random`).
pub struct SharedRanged<S: RangeSource> {
    len: u64,
    inner: Mutex<RangedReader<S>>,
}

impl<S: RangeSource> SharedRanged<S> {
    /// Share `r`.
    pub fn new(r: RangedReader<S>) -> Self {
        SharedRanged {
            len: r.src.len(),
            inner: Mutex::new(r),
        }
    }

    /// Lock the reader (a panic elsewhere does not poison the content).
    pub fn lock(&self) -> std::sync::MutexGuard<'_, RangedReader<S>> {
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }
}

impl<S: RangeSource + Send> RandomAccess for SharedRanged<S> {
    fn len(&self) -> u64 {
        self.len
    }

    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        self.lock().read_at(offset, buf)
    }

    fn failure(&self) -> Option<String> {
        self.lock().src.failure()
    }
}

/// Ranged GETs of one S3 object, each with `If-Match` on the listed ETag so
/// a changed object fails (OBJECT_VERSION_MISMATCH) instead of mixing
/// versions. Blocks on `handle`: call it from a thread outside the runtime.
/// Once a request failed, every later fetch fails at once with the same
/// failure (no further request).
pub struct S3RangeSource {
    /// Runtime that drives the requests.
    pub handle: tokio::runtime::Handle,
    /// Client for the bucket's region.
    pub client: aws_sdk_s3::Client,
    /// Bucket.
    pub bucket: String,
    /// Key.
    pub key: String,
    /// ETag to insist on.
    pub etag: Option<String>,
    /// Object size.
    pub size: u64,
    /// Request counters.
    pub stats: Arc<BucketStats>,
    /// The last failure, classified.
    pub error: Option<Failure>,
    /// Request permits (`--concurrency`), when shared with other requests.
    pub permits: Option<Arc<tokio::sync::Semaphore>>,
    /// A body that sends nothing for this long fails (read timeout).
    pub read_timeout: Option<std::time::Duration>,
    /// Headers of the first response (version id, encryption).
    pub headers: Option<ObjectHeaders>,
    /// Set on Ctrl-C: further fetches fail with INTERRUPTED.
    pub stop: Option<Arc<AtomicBool>>,
}

impl S3RangeSource {
    async fn get(
        req: aws_sdk_s3::operation::get_object::builders::GetObjectFluentBuilder,
        start: u64,
        end: u64,
        stats: &BucketStats,
        timeout: Option<std::time::Duration>,
    ) -> Result<(ObjectHeaders, Vec<u8>), Failure> {
        let resp = req.send().await.map_err(|e| classify("GetObject", &e))?;
        if start > 0 && resp.content_range().is_none() {
            return Err(Failure::new(
                "UNABLE_TO_READ_OBJECT",
                "GetObject: the server ignored the Range header",
            ));
        }
        let h = ObjectHeaders::from_get(&resp);
        let mut body = resp.body;
        let mut out = Vec::with_capacity((end - start) as usize);
        loop {
            let next = body.try_next();
            let chunk = match timeout {
                Some(t) => tokio::time::timeout(t, next).await.map_err(|_| {
                    Failure::transport(format!(
                        "GetObject body: no data for {} s (read timeout)",
                        t.as_secs_f64()
                    ))
                })?,
                None => next.await,
            };
            let chunk = chunk.map_err(|e| {
                Failure::new("UNABLE_TO_READ_OBJECT", format!("GetObject body: {e}"))
            })?;
            let Some(b) = chunk else { break };
            stats.bytes.fetch_add(b.len() as u64, Ordering::Relaxed);
            out.extend_from_slice(&b);
            if out.len() as u64 >= end - start {
                break; // a server that ignored Range (start 0): take what was asked
            }
        }
        out.truncate((end - start) as usize);
        Ok((h, out))
    }
}

impl RangeSource for S3RangeSource {
    fn len(&self) -> u64 {
        self.size
    }

    fn failure(&self) -> Option<String> {
        self.error.as_ref().map(|f| f.detail.clone())
    }

    fn fetch(&mut self, start: u64, end: u64) -> io::Result<Vec<u8>> {
        if let Some(f) = &self.error {
            return Err(io::Error::other(f.detail.clone()));
        }
        if end <= start {
            return Ok(Vec::new());
        }
        if self
            .stop
            .as_ref()
            .is_some_and(|s| s.load(Ordering::Relaxed))
        {
            let f = Failure::new("INTERRUPTED", "scan interrupted");
            let e = io::Error::other(f.detail.clone());
            self.error = Some(f);
            return Err(e);
        }
        let mut req = self
            .client
            .get_object()
            .bucket(&self.bucket)
            .key(&self.key)
            .range(format!("bytes={start}-{}", end - 1));
        if let Some(e) = &self.etag {
            req = req.if_match(e);
        }
        let stats = self.stats.clone();
        let permits = self.permits.clone();
        let timeout = self.read_timeout;
        let res = self.handle.block_on(async move {
            let _p = match &permits {
                Some(p) => p.acquire().await.ok(),
                None => None,
            };
            BucketStats::inc(&stats.get);
            BucketStats::inc(&stats.ranged);
            Self::get(req, start, end, &stats, timeout).await
        });
        match res {
            Ok((h, data)) => {
                if self.headers.is_none() {
                    self.headers = Some(h);
                }
                Ok(data)
            }
            Err(f) => {
                let e = io::Error::other(f.detail.clone());
                self.error = Some(f);
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Mem(Vec<u8>, Vec<(u64, u64)>);
    impl RangeSource for Mem {
        fn len(&self) -> u64 {
            self.0.len() as u64
        }
        fn fetch(&mut self, s: u64, e: u64) -> io::Result<Vec<u8>> {
            self.1.push((s, e));
            Ok(self.0[s as usize..e as usize].to_vec())
        }
    }

    #[test]
    fn ranged_reader_footer_windows_and_direct_reads() {
        let data: Vec<u8> = (0..200_000u32).map(|i| (i % 251) as u8).collect();
        let mut r = RangedReader::new(Mem(data.clone(), vec![]), 64 << 10, 256 << 10);
        // the footer first, as zip and Parquet readers do: one window
        // ending at the end
        r.seek(SeekFrom::End(-22)).unwrap();
        let mut tail = vec![0; 22];
        r.read_exact(&mut tail).unwrap();
        assert_eq!(tail, data[data.len() - 22..]);
        r.seek(SeekFrom::End(-100)).unwrap();
        let mut t2 = vec![0; 100];
        r.read_exact(&mut t2).unwrap();
        assert_eq!(t2, data[data.len() - 100..]);
        assert_eq!(r.src.1, vec![(200_000 - MIN_WINDOW, 200_000)]);
        // a large read: exactly its bytes, one request, not cached
        let mut big = vec![0; 50_000];
        assert_eq!(r.read_at(1000, &mut big).unwrap(), 50_000);
        assert_eq!(big, data[1000..51_000]);
        assert_eq!(r.src.1[1], (1000, 51_000));
        // small sequential reads: windows double up to the maximum and
        // stop at the cached footer window
        r.src.1.clear();
        r.seek(SeekFrom::Start(60_000)).unwrap();
        let mut rest = Vec::new();
        let mut b = [0u8; 1000];
        loop {
            let n = r.read(&mut b).unwrap();
            if n == 0 {
                break;
            }
            rest.extend_from_slice(&b[..n]);
        }
        assert_eq!(rest, data[60_000..]);
        let sizes: Vec<u64> = r.src.1.iter().map(|(s, e)| e - s).collect();
        assert_eq!(sizes[..3], [16 << 10, 32 << 10, 64 << 10], "{sizes:?}");
        let fetched: u64 = sizes.iter().sum();
        assert_eq!(fetched, 200_000 - 60_000 - MIN_WINDOW, "no byte twice");
        assert!(r.seek(SeekFrom::Current(-300_000)).is_err());
        r.seek(SeekFrom::Start(300_000)).unwrap();
        assert_eq!(r.read(&mut [0; 4]).unwrap(), 0);
    }

    #[test]
    fn shared_ranged_is_random_access_with_a_preloaded_head() {
        let data: Vec<u8> = (0..100_000u32).map(|i| (i % 13) as u8).collect();
        let mut r = RangedReader::new(Mem(data.clone(), vec![]), 64 << 10, 1 << 20);
        r.preload(0, data[..8192].to_vec());
        let s = SharedRanged::new(r);
        let mut b = vec![0u8; 4096];
        assert_eq!(s.read_at(100, &mut b).unwrap(), 4096);
        assert_eq!(b, data[100..4196]);
        assert_eq!(s.lock().fetches, 0, "served by the preloaded head");
        assert_eq!(RandomAccess::len(&s), 100_000);
        assert!(s.failure().is_none());
    }
}
