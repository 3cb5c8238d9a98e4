//! A fault-injecting HTTP/1.1 proxy on loopback, for faults neither server
//! produces: `503 SlowDown` for the first N object GETs, a KMS
//! AccessDenied answer for one key, S3's SSE-C answer (400 InvalidRequest)
//! for another, and fixed answers (412, 404, ...) for chosen keys; and GETs
//! of one key held after the first N until the test lets them go (so it can
//! change the object mid-read). Everything else is forwarded byte for
//! byte to the upstream server (the Host header is kept, so SigV4
//! signatures stay valid). One request per connection (`Connection: close`
//! both ways) keeps the framing trivial. Real network traffic, not a mock.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};
use std::sync::{Arc, Mutex};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// What to inject; counters of what happened.
#[derive(Default)]
pub struct ProxyState {
    /// Object GETs still to answer with 503 SlowDown.
    pub slowdown_left: AtomicU32,
    /// Object key whose GETs are answered with a KMS access-denied error.
    pub kms_denied_key: Mutex<Option<String>>,
    /// 503s sent.
    pub slowdowns_sent: AtomicU32,
    /// KMS errors sent.
    pub kms_sent: AtomicU32,
    /// Object key answered as an SSE-C object read without the customer key.
    pub ssec_key: Mutex<Option<String>>,
    /// Other fixed answers for object GETs: (key, status line, error code).
    pub answers: Mutex<Vec<(String, String, String)>>,
    /// Requests forwarded.
    pub forwarded: AtomicU32,
    /// Object GETs that carried an `If-Match` header.
    pub if_match_gets: AtomicU32,
    /// Object GETs seen.
    pub object_gets: AtomicU32,
    /// GETs of this key after the first N are held until `release`: (key, N).
    pub hold_after: Mutex<Option<(String, u32)>>,
    /// GETs of the `hold_after` key seen.
    pub hold_seen: AtomicU32,
    /// A GET is being held.
    pub holding: AtomicBool,
    /// Let held GETs go on (forwarded as they are).
    pub release: AtomicBool,
}

/// A running proxy (stops with its runtime on drop).
pub struct Proxy {
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
    /// Injection settings and counters.
    pub state: Arc<ProxyState>,
    _rt: tokio::runtime::Runtime,
}

impl Proxy {
    /// Listen on a free port, forwarding to `127.0.0.1:upstream`.
    pub fn start(upstream: u16) -> Proxy {
        let rt = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .enable_all()
            .build()
            .unwrap();
        let state = Arc::new(ProxyState::default());
        let listener = rt.block_on(TcpListener::bind("127.0.0.1:0")).unwrap();
        let port = listener.local_addr().unwrap().port();
        let st = state.clone();
        rt.spawn(async move {
            loop {
                let Ok((sock, _)) = listener.accept().await else {
                    continue;
                };
                let st = st.clone();
                tokio::spawn(async move {
                    let _ = handle(sock, upstream, st).await;
                });
            }
        });
        Proxy {
            endpoint: format!("http://127.0.0.1:{port}"),
            state,
            _rt: rt,
        }
    }
}

async fn read_head(s: &mut TcpStream, buf: &mut Vec<u8>) -> std::io::Result<Option<usize>> {
    let mut tmp = [0u8; 8192];
    loop {
        if let Some(i) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
            return Ok(Some(i + 4));
        }
        let n = s.read(&mut tmp).await?;
        if n == 0 {
            return Ok(None);
        }
        buf.extend_from_slice(&tmp[..n]);
    }
}

/// The head with any `Connection` header replaced by `Connection: close`.
fn closing(head: &str) -> String {
    let mut out = String::new();
    for (i, line) in head.split("\r\n").enumerate() {
        if line.is_empty() {
            continue;
        }
        if i > 0 && line.to_ascii_lowercase().starts_with("connection:") {
            continue;
        }
        out.push_str(line);
        out.push_str("\r\n");
    }
    out.push_str("Connection: close\r\n\r\n");
    out
}

fn error_response(status: &str, code: &str, message: &str) -> Vec<u8> {
    let body = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>{code}</Code><Message>{message}</Message><RequestId>proxy</RequestId></Error>"
    );
    format!(
        "HTTP/1.1 {status}\r\nContent-Type: application/xml\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .into_bytes()
}

async fn handle(mut c: TcpStream, upstream: u16, st: Arc<ProxyState>) -> std::io::Result<()> {
    let mut buf = Vec::new();
    let Some(hlen) = read_head(&mut c, &mut buf).await? else {
        return Ok(());
    };
    let head = String::from_utf8_lossy(&buf[..hlen]).into_owned();
    let mut first = head.split_whitespace();
    let method = first.next().unwrap_or("").to_string();
    let target = first.next().unwrap_or("").to_string();
    let clen: usize = head
        .split("\r\n")
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("content-length")
                .then(|| v.trim().parse().ok())
                .flatten()
        })
        .unwrap_or(0);
    let mut body = buf[hlen..].to_vec();
    while body.len() < clen {
        let mut tmp = vec![0u8; 65536];
        let n = c.read(&mut tmp).await?;
        if n == 0 {
            break;
        }
        body.extend_from_slice(&tmp[..n]);
    }
    // Path-style object GET: /bucket/key with no sub-resource query.
    let (path, query) = target.split_once('?').unwrap_or((&target, ""));
    let is_object_get = method == "GET"
        && path
            .trim_start_matches('/')
            .split_once('/')
            .is_some_and(|(_, key)| !key.is_empty())
        && !query.contains("tagging")
        && !query.contains("list-type");
    if is_object_get {
        st.object_gets.fetch_add(1, Ordering::SeqCst);
        if head
            .split("\r\n")
            .any(|l| l.to_ascii_lowercase().starts_with("if-match:"))
        {
            st.if_match_gets.fetch_add(1, Ordering::SeqCst);
        }
        let hold = st
            .hold_after
            .lock()
            .unwrap()
            .as_ref()
            .filter(|(k, _)| path.ends_with(&format!("/{k}")))
            .map(|(_, n)| *n);
        if let Some(n) = hold {
            if st.hold_seen.fetch_add(1, Ordering::SeqCst) >= n {
                while !st.release.load(Ordering::SeqCst) {
                    st.holding.store(true, Ordering::SeqCst);
                    tokio::time::sleep(std::time::Duration::from_millis(10)).await;
                }
            }
        }
        let key_denied = st
            .kms_denied_key
            .lock()
            .unwrap()
            .as_ref()
            .is_some_and(|k| path.ends_with(&format!("/{k}")));
        if key_denied {
            st.kms_sent.fetch_add(1, Ordering::SeqCst);
            let r = error_response(
                "403 Forbidden",
                "KMS.AccessDeniedException",
                "User is not authorized to perform kms:Decrypt on the key of this object",
            );
            c.write_all(&r).await?;
            return c.shutdown().await;
        }
        let ssec = st
            .ssec_key
            .lock()
            .unwrap()
            .as_ref()
            .is_some_and(|k| path.ends_with(&format!("/{k}")));
        let fixed = st
            .answers
            .lock()
            .unwrap()
            .iter()
            .find(|(k, _, _)| path.ends_with(&format!("/{k}")))
            .map(|(_, status, code)| (status.clone(), code.clone()));
        if let Some((status, code)) = fixed {
            let r = error_response(&status, &code, "injected by the test proxy");
            c.write_all(&r).await?;
            return c.shutdown().await;
        }
        if ssec {
            // what S3 answers for an SSE-C object fetched without its key
            let r = error_response(
                "400 Bad Request",
                "InvalidRequest",
                "The object was stored using a form of Server Side Encryption. The correct parameters must be provided to retrieve the object.",
            );
            c.write_all(&r).await?;
            return c.shutdown().await;
        }
        let injected = st
            .slowdown_left
            .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
            .is_ok();
        if injected {
            st.slowdowns_sent.fetch_add(1, Ordering::SeqCst);
            let r = error_response(
                "503 Slow Down",
                "SlowDown",
                "Please reduce your request rate.",
            );
            c.write_all(&r).await?;
            return c.shutdown().await;
        }
    }
    st.forwarded.fetch_add(1, Ordering::SeqCst);
    let mut u = TcpStream::connect(("127.0.0.1", upstream)).await?;
    u.write_all(closing(&head).as_bytes()).await?;
    u.write_all(&body).await?;
    let mut rbuf = Vec::new();
    let Some(rh) = read_head(&mut u, &mut rbuf).await? else {
        return c.shutdown().await;
    };
    let rhead = String::from_utf8_lossy(&rbuf[..rh]).into_owned();
    c.write_all(closing(&rhead).as_bytes()).await?;
    c.write_all(&rbuf[rh..]).await?;
    tokio::io::copy(&mut u, &mut c).await?;
    c.shutdown().await
}
