//! Reading object bodies without writing them to disk.
//!
//! In: GetObject bodies (async) or ranged GETs. Out: blocking readers for
//! the extractors, which run on rayon workers outside the async runtime.
//! - `ChannelReader`: a `std::io::Read` over body chunks arriving through a
//!   bounded channel from the async GET task. The GET is issued only when
//!   the worker first reads (the `start` signal), so a queued object holds
//!   no open connection; a full channel stops the task from polling the
//!   body, so TCP backpressure bounds memory whatever the object size.
//! - `RangedReader` (in `ranged`, re-exported here): positioned reads over
//!   ranged GETs for formats that need random access (zip central
//!   directory, Parquet footer) on large objects.

use super::errors::Failure;
use std::io::{self, Read};
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

pub use super::ranged::{RangeSource, RangedReader, S3RangeSource, SharedRanged, MIN_WINDOW};

#[cfg(test)]
mod tests {
    use super::*;

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
