//! A moto server for the bucket exposure tests: started on a free loopback
//! port, ready when `GET /moto-api/` answers, killed when the guard drops.
//!
//! The binary is looked up in `$PIISCAN_TEST_BIN_DIR`, then
//! `<repo>/.venv/bin`, and installed there when missing
//! (`tests/support/install.rs`); if that fails the test fails with what to
//! do: these tests never skip silently.
//! Setup goes through the same SDK clients piiscan uses (S3, and S3 Control
//! with the account-host rewrite), so what the tests configure is what a
//! user's tooling would configure.
#![allow(dead_code)]

pub mod cases;

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::PathBuf;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The moto account id.
pub const ACCOUNT: &str = "123456789012";

#[path = "../support/install.rs"]
mod install;

/// Find a server binary, installing the pinned servers when missing.
pub fn find_bin(name: &str) -> PathBuf {
    install::server_bin(name)
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .expect("no free loopback port")
}

fn answers(port: u16) -> bool {
    let Ok(mut s) = TcpStream::connect_timeout(
        &format!("127.0.0.1:{port}").parse().unwrap(),
        Duration::from_millis(500),
    ) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    if s.write_all(b"GET /moto-api/ HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        .is_err()
    {
        return false;
    }
    let mut buf = [0u8; 16];
    matches!(s.read(&mut buf), Ok(n) if n >= 12 && buf.starts_with(b"HTTP/1.") && &buf[9..12] == b"200")
}

/// A running moto server; killed on drop.
pub struct Moto {
    /// Its port.
    pub port: u16,
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
    /// moto's request log (kept when a test fails).
    pub log: PathBuf,
    child: Child,
}

impl Drop for Moto {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        if std::thread::panicking() {
            eprintln!("moto request log: {}", self.log.display());
        } else {
            let _ = std::fs::remove_file(&self.log);
        }
    }
}

impl Moto {
    /// Start moto and wait until it answers (at most 60 s).
    pub fn start() -> Moto {
        Moto::start_with_env(&[])
    }

    /// Start moto with extra environment (e.g. `INITIAL_NO_AUTH_ACTION_COUNT`).
    pub fn start_with_env(env: &[(&str, &str)]) -> Moto {
        let bin = find_bin("moto_server");
        let port = free_port();
        // moto's request log, for when a test fails.
        let log = std::env::temp_dir().join(format!("piiscan-moto-{port}.log"));
        let err = std::fs::File::create(&log)
            .map(Stdio::from)
            .unwrap_or(Stdio::null());
        let child = Command::new(&bin)
            .args(["-H", "127.0.0.1", "-p", &port.to_string()])
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(err)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", bin.display()));
        let mut m = Moto {
            port,
            endpoint: format!("http://127.0.0.1:{port}"),
            log,
            child,
        };
        let t0 = Instant::now();
        while !answers(port) {
            if let Ok(Some(st)) = m.child.try_wait() {
                panic!("moto_server exited early ({st})");
            }
            if t0.elapsed() > Duration::from_secs(60) {
                panic!("moto_server on port {port} did not answer GET /moto-api/ within 60 s");
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        m
    }

    fn opts(&self) -> piiscan::aws::AwsOptions {
        piiscan::aws::AwsOptions {
            region: Some("us-east-1".into()),
            endpoint_url: Some(self.endpoint.clone()),
            ..Default::default()
        }
    }

    /// S3 and S3 Control clients with moto's test credentials.
    pub async fn clients(&self) -> (aws_sdk_s3::Client, aws_sdk_s3control::Client) {
        set_test_env();
        let o = self.opts();
        let conf = piiscan::aws::sdk_config(&o).await;
        (
            piiscan::aws::s3_client(&conf, &o, None),
            piiscan::exposure::reader::s3control_client(&conf, &o),
        )
    }

    /// Run `piiscan buckets --endpoint-url ... ARGS` as a user would.
    pub fn piiscan_buckets(&self, args: &[&str]) -> Output {
        self.piiscan_buckets_as("testing", "testing", args)
    }

    /// The same, with other credentials.
    pub fn piiscan_buckets_as(&self, key: &str, secret: &str, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_piiscan"))
            .arg("buckets")
            .args(["--endpoint-url", &self.endpoint])
            .args(args)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("AWS_ACCESS_KEY_ID", key)
            .env("AWS_SECRET_ACCESS_KEY", secret)
            .env("AWS_REGION", "us-east-1")
            .env("AWS_CONFIG_FILE", "/dev/null")
            .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
            .env("AWS_EC2_METADATA_DISABLED", "true")
            .output()
            .expect("run piiscan")
    }
}

impl Moto {
    /// An IAM Query API call, unsigned: only for setup while moto's
    /// `INITIAL_NO_AUTH_ACTION_COUNT` lets requests through unchecked (the
    /// test binary has no IAM client). The Authorization header only tells
    /// moto which service is meant. Returns the response body.
    pub fn iam_call(&self, params: &[(&str, &str)]) -> String {
        let mut body = String::from("Version=2010-05-08");
        for (k, v) in params {
            body.push('&');
            body.push_str(k);
            body.push('=');
            body.push_str(&form_encode(v));
        }
        let req = format!(
            "POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/x-www-form-urlencoded\r\n\
             Authorization: AWS4-HMAC-SHA256 Credential=testing/20260101/us-east-1/iam/aws4_request, SignedHeaders=host, Signature=0\r\n\
             X-Amz-Date: 20260101T000000Z\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
            body.len(),
            port = self.port
        );
        let mut s = TcpStream::connect(("127.0.0.1", self.port)).expect("connect to moto");
        s.write_all(req.as_bytes()).unwrap();
        let mut out = String::new();
        s.read_to_string(&mut out).unwrap();
        assert!(
            out.starts_with("HTTP/1.1 200"),
            "IAM call {params:?} failed: {out}"
        );
        out
    }
}

/// Text between `<tag>` and `</tag>` in an XML answer.
pub fn xml_value(xml: &str, tag: &str) -> String {
    let open = format!("<{tag}>");
    let start = xml
        .find(&open)
        .unwrap_or_else(|| panic!("no <{tag}> in {xml}"))
        + open.len();
    let end = xml[start..].find('<').unwrap() + start;
    xml[start..end].to_string()
}

fn form_encode(v: &str) -> String {
    let mut out = String::new();
    for b in v.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Credentials and config for the SDK clients the tests build in-process.
fn set_test_env() {
    // Tests in one binary share the environment; every test sets the same values.
    std::env::set_var("AWS_ACCESS_KEY_ID", "testing");
    std::env::set_var("AWS_SECRET_ACCESS_KEY", "testing");
    std::env::set_var("AWS_CONFIG_FILE", "/dev/null");
    std::env::set_var("AWS_SHARED_CREDENTIALS_FILE", "/dev/null");
    std::env::set_var("AWS_EC2_METADATA_DISABLED", "true");
}

/// Run a future on a fresh runtime (setup code).
pub fn block_on<F: std::future::Future>(f: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(f)
}
