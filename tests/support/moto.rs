//! moto (`moto_server -H 127.0.0.1 -p PORT`): the AWS control plane in one
//! Python process — regions, KMS, tags, bucket policies. Ready when
//! `GET /moto-api/` answers. Any credentials work; account 123456789012.

use super::{bin_path, client, free_port, wait_until, ServerProcess};
use std::process::Command;
use std::time::Duration;

/// Credentials (moto accepts any).
pub const ACCESS: &str = "testing";
/// Secret (moto accepts any).
pub const SECRET: &str = "testing";

/// A running moto server; killed on drop.
pub struct Moto {
    /// The process.
    pub proc: ServerProcess,
    /// `http://127.0.0.1:PORT`.
    pub endpoint: String,
    /// Port.
    pub port: u16,
    _dir: tempfile::TempDir,
}

fn answers(port: u16) -> bool {
    use std::io::{Read, Write};
    let Ok(mut s) = std::net::TcpStream::connect(("127.0.0.1", port)) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(2)));
    let req =
        format!("GET /moto-api/ HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n");
    if s.write_all(req.as_bytes()).is_err() {
        return false;
    }
    let mut buf = [0u8; 12];
    s.read_exact(&mut buf).is_ok() && buf.starts_with(b"HTTP/1.")
}

impl Moto {
    /// Start one and wait until it answers (panics after 60 s).
    pub fn start() -> Moto {
        let dir = tempfile::tempdir().expect("tempdir");
        let port = free_port(false);
        let mut cmd = Command::new(bin_path("moto_server"));
        cmd.args(["-H", "127.0.0.1", "-p", &port.to_string()]);
        let proc = ServerProcess::spawn("moto_server", cmd, dir.path().join("moto.log"));
        if !wait_until(Duration::from_secs(60), || answers(port)) {
            panic!("moto did not answer in 60 s; log:\n{}", proc.log_tail());
        }
        Moto {
            proc,
            endpoint: format!("http://127.0.0.1:{port}"),
            port,
            _dir: dir,
        }
    }

    /// A set-up client for `region`.
    pub fn client(&self, region: &str) -> aws_sdk_s3::Client {
        client(&self.endpoint, ACCESS, SECRET, region)
    }
}
