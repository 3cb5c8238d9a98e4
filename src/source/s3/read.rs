//! Reading object bodies without writing them to disk.
//!
//! In: GetObject bodies (async) or ranged GETs. Out: blocking readers for
//! the extractors, which run on rayon workers outside the async runtime.
//! - `ChannelReader`: a `std::io::Read` over body chunks arriving through a
//!   bounded channel from the async GET task. The GET is issued only when
//!   the worker first reads (the `start` signal), so a queued object holds
//!   no open connection; a full channel stops the task from polling the
//!   body, so TCP backpressure bounds memory whatever the object size.
//! - `RangedReader`: `Read + Seek` over ranged GETs with a small LRU block
//!   cache, for formats that need random access (zip central directory,
//!   Parquet footer) on objects above the in-memory cap. The extractors of
//!   this branch take `Read` or a slice only (`extract::Input`), so the
//!   pipeline does not use it yet; it is tested on its own and against a
//!   real server.

use super::errors::{classify, Failure};
use super::BucketStats;
use std::collections::VecDeque;
use std::io::{self, Read, Seek, SeekFrom};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use tokio::sync::{mpsc, oneshot};

/// What GetObject's response headers say about the object.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ObjectHeaders {
    /// `x-amz-version-id`.
    pub version_id: Option<String>,
    /// `x-amz-server-side-encryption` and the KMS key id.
    pub sse: Option<(String, Option<String>)>,
}

impl ObjectHeaders {
    /// From a GetObject response.
    pub fn from_get(r: &aws_sdk_s3::operation::get_object::GetObjectOutput) -> ObjectHeaders {
        ObjectHeaders {
            version_id: r
                .version_id()
                .filter(|v| !v.is_empty() && *v != "null")
                .map(str::to_string),
            sse: match (r.server_side_encryption(), r.sse_customer_algorithm()) {
                (Some(s), _) => Some((
                    s.as_str().to_string(),
                    r.ssekms_key_id().map(str::to_string),
                )),
                (None, Some(alg)) => Some((format!("SSE-C ({alg})"), None)),
                (None, None) => None,
            },
        }
    }
}

/// One message from the GET task to a `ChannelReader`.
#[derive(Debug)]
pub enum Piece {
    /// Response headers (sent once, before data).
    Headers(ObjectHeaders),
    /// Body bytes.
    Data(Vec<u8>),
    /// The body ended normally.
    End,
    /// The request or the body failed.
    Error(Failure),
}

/// A blocking reader over a body streamed by an async task (see module docs).
/// Owned and read by one worker thread.
pub struct ChannelReader {
    rx: mpsc::Receiver<Piece>,
    start: Option<oneshot::Sender<()>>,
    cur: Vec<u8>,
    off: usize,
    done: bool,
    stop: Arc<AtomicBool>,
    /// Headers of the response, once it arrived.
    pub headers: Option<ObjectHeaders>,
    /// Why reading failed, when it did (the extractor sees an `io::Error`).
    pub error: Option<Failure>,
}

/// The sending half of a `ChannelReader`.
pub struct ChannelWriter {
    /// Pieces go here (bounded).
    pub tx: mpsc::Sender<Piece>,
    /// Resolves when the reader wants the first byte (or errs if it was dropped).
    pub start: oneshot::Receiver<()>,
}

/// A reader whose first bytes are `head` (already fetched, e.g. by a sniff)
/// and whose rest arrives through a channel of `capacity` pieces.
pub fn channel_reader(
    head: Vec<u8>,
    capacity: usize,
    stop: Arc<AtomicBool>,
) -> (ChannelReader, ChannelWriter) {
    let (tx, rx) = mpsc::channel(capacity.max(1));
    let (stx, srx) = oneshot::channel();
    (
        ChannelReader {
            rx,
            start: Some(stx),
            cur: head,
            off: 0,
            done: false,
            stop,
            headers: None,
            error: None,
        },
        ChannelWriter { tx, start: srx },
    )
}

impl Read for ChannelReader {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(s) = self.start.take() {
            let _ = s.send(());
        }
        loop {
            if self.off < self.cur.len() {
                let n = buf.len().min(self.cur.len() - self.off);
                buf[..n].copy_from_slice(&self.cur[self.off..self.off + n]);
                self.off += n;
                return Ok(n);
            }
            if let Some(f) = &self.error {
                return Err(io::Error::other(f.detail.clone()));
            }
            if self.done || buf.is_empty() {
                return Ok(0);
            }
            if self.stop.load(Ordering::Relaxed) {
                self.error = Some(Failure::new("INTERRUPTED", "scan interrupted"));
                continue;
            }
            match self.rx.blocking_recv() {
                Some(Piece::Headers(h)) => self.headers = Some(h),
                Some(Piece::Data(b)) => {
                    self.cur = b;
                    self.off = 0;
                }
                Some(Piece::End) => self.done = true,
                Some(Piece::Error(f)) => self.error = Some(f),
                None => {
                    self.error = Some(Failure::new(
                        "UNABLE_TO_READ_OBJECT",
                        "the transfer was abandoned before the end of the body",
                    ))
                }
            }
        }
    }
}

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
}

/// `Read + Seek` over a `RangeSource` with an LRU cache of fixed-size blocks.
/// Reading the last kilobytes of a zip or Parquet file costs one request.
pub struct RangedReader<S: RangeSource> {
    src: S,
    pos: u64,
    block: u64,
    cache: VecDeque<(u64, Arc<Vec<u8>>)>,
    cap: usize,
    /// Ranged requests made.
    pub fetches: u64,
}

impl<S: RangeSource> RangedReader<S> {
    /// A reader fetching `block`-byte blocks, keeping at most `cache_blocks`.
    pub fn new(src: S, block: u64, cache_blocks: usize) -> Self {
        RangedReader {
            src,
            pos: 0,
            block: block.max(1),
            cache: VecDeque::new(),
            cap: cache_blocks.max(1),
            fetches: 0,
        }
    }

    fn block_at(&mut self, idx: u64) -> io::Result<Arc<Vec<u8>>> {
        if let Some(i) = self.cache.iter().position(|(b, _)| *b == idx) {
            let e = self.cache.remove(i).expect("present");
            let data = e.1.clone();
            self.cache.push_front(e);
            return Ok(data);
        }
        let start = idx * self.block;
        let end = (start + self.block).min(self.src.len());
        let data = Arc::new(self.src.fetch(start, end)?);
        self.fetches += 1;
        if data.len() as u64 != end - start {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("asked for {} bytes, got {}", end - start, data.len()),
            ));
        }
        self.cache.push_front((idx, data.clone()));
        self.cache.truncate(self.cap);
        Ok(data)
    }
}

impl<S: RangeSource> Read for RangedReader<S> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if self.pos >= self.src.len() || buf.is_empty() {
            return Ok(0);
        }
        let idx = self.pos / self.block;
        let data = self.block_at(idx)?;
        let off = (self.pos - idx * self.block) as usize;
        let n = buf.len().min(data.len() - off);
        buf[..n].copy_from_slice(&data[off..off + n]);
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

/// Ranged GETs of one S3 object, each with `If-Match` on the listed ETag so
/// a changed object fails (OBJECT_VERSION_MISMATCH) instead of mixing
/// versions. Blocks on `handle`: call it from a thread outside the runtime.
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
}

impl RangeSource for S3RangeSource {
    fn len(&self) -> u64 {
        self.size
    }

    fn fetch(&mut self, start: u64, end: u64) -> io::Result<Vec<u8>> {
        if end <= start {
            return Ok(Vec::new());
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
        BucketStats::inc(&self.stats.get);
        let stats = self.stats.clone();
        let res: Result<Vec<u8>, Failure> = self.handle.block_on(async move {
            let resp = req.send().await.map_err(|e| classify("GetObject", &e))?;
            let mut body = resp.body;
            let mut out = Vec::with_capacity((end - start) as usize);
            while let Some(b) = body.try_next().await.map_err(|e| {
                Failure::new("UNABLE_TO_READ_OBJECT", format!("GetObject body: {e}"))
            })? {
                stats.bytes.fetch_add(b.len() as u64, Ordering::Relaxed);
                out.extend_from_slice(&b);
                if out.len() as u64 >= end - start {
                    break; // a server that ignored Range: take what was asked
                }
            }
            out.truncate((end - start) as usize);
            Ok(out)
        });
        res.map_err(|f| {
            let e = io::Error::other(f.detail.clone());
            self.error = Some(f);
            e
        })
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
    fn ranged_reader_seeks_and_caches() {
        let data: Vec<u8> = (0..10_000u32).map(|i| (i % 251) as u8).collect();
        let mut r = RangedReader::new(Mem(data.clone(), vec![]), 1024, 2);
        // the footer first, as zip and Parquet readers do
        r.seek(SeekFrom::End(-22)).unwrap();
        let mut tail = vec![0; 22];
        r.read_exact(&mut tail).unwrap();
        assert_eq!(tail, data[data.len() - 22..]);
        r.seek(SeekFrom::End(-100)).unwrap();
        let mut t2 = vec![0; 100];
        r.read_exact(&mut t2).unwrap();
        assert_eq!(t2, data[data.len() - 100..]);
        assert_eq!(r.fetches, 1, "the last block was cached");
        r.seek(SeekFrom::Start(0)).unwrap();
        let mut all = Vec::new();
        r.read_to_end(&mut all).unwrap();
        assert_eq!(all, data);
        assert_eq!(r.src.1.first(), Some(&(9216, 10_000)));
        assert!(r.seek(SeekFrom::Current(-20_000)).is_err());
        r.seek(SeekFrom::Start(20_000)).unwrap();
        assert_eq!(r.read(&mut [0; 4]).unwrap(), 0);
    }

    #[test]
    fn channel_reader_chains_head_and_pieces() {
        let stop = Arc::new(AtomicBool::new(false));
        let (mut r, w) = channel_reader(b"head-".to_vec(), 2, stop);
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        let t = std::thread::spawn(move || {
            rt.block_on(async move {
                w.start.await.unwrap();
                let h = ObjectHeaders {
                    version_id: Some("v1".into()),
                    sse: None,
                };
                w.tx.send(Piece::Headers(h)).await.unwrap();
                for i in 0..5 {
                    w.tx.send(Piece::Data(format!("{i}").into_bytes()))
                        .await
                        .unwrap();
                }
                w.tx.send(Piece::End).await.unwrap();
            })
        });
        let mut s = String::new();
        r.read_to_string(&mut s).unwrap();
        t.join().unwrap();
        assert_eq!(s, "head-01234");
        assert_eq!(r.headers.unwrap().version_id.as_deref(), Some("v1"));
    }

    #[test]
    fn channel_reader_reports_errors_and_abandonment() {
        let stop = Arc::new(AtomicBool::new(false));
        let (mut r, w) = channel_reader(Vec::new(), 2, stop.clone());
        w.tx.try_send(Piece::Data(b"abc".to_vec())).unwrap();
        w.tx.try_send(Piece::Error(Failure::new("OBJECT_VERSION_MISMATCH", "412")))
            .unwrap();
        let mut s = Vec::new();
        assert!(r.read_to_end(&mut s).is_err());
        assert_eq!(s, b"abc");
        assert_eq!(r.error.unwrap().reason, "OBJECT_VERSION_MISMATCH");

        let (mut r, w) = channel_reader(Vec::new(), 2, stop);
        drop(w);
        assert!(r.read(&mut [0; 8]).is_err());
        assert_eq!(r.error.unwrap().reason, "UNABLE_TO_READ_OBJECT");
    }
}
