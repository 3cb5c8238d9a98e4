//! SeaweedFS (`weed server -s3`) on free loopback ports with a static
//! credentials file, as in docs/shared s3-test-servers.md: ready when
//! ListBuckets answers, then writable once a probe CreateBucket + PutObject
//! succeeds (the first writes fail for a few seconds while volumes come up).

use super::{bin_path, client, free_port, runtime, ServerProcess};
use std::process::Command;
use std::time::{Duration, Instant};

/// Access key of the test identity.
pub const ACCESS: &str = "AK";
/// Secret key of the test identity.
pub const SECRET: &str = "SK";

/// A running SeaweedFS; killed on drop.
pub struct Seaweed {
    /// The process (kill it to simulate an outage).
    pub proc: ServerProcess,
    /// `http://127.0.0.1:PORT` of the S3 gateway.
    pub endpoint: String,
    /// S3 port.
    pub port: u16,
    _dir: tempfile::TempDir,
}

impl Seaweed {
    /// Start one and wait until it accepts writes. Start-ups in one test
    /// binary are serialised (several servers booting at once on a 2-core
    /// machine can starve each other), and a server that does not become
    /// writable in 60 s is replaced once on fresh ports before giving up.
    pub fn start() -> Seaweed {
        static BOOT: std::sync::Mutex<()> = std::sync::Mutex::new(());
        let _one_at_a_time = BOOT.lock().unwrap_or_else(|e| e.into_inner());
        let mut last = String::new();
        for _attempt in 0..2 {
            let sw = Seaweed::spawn();
            match sw.wait_writable() {
                Ok(()) => return sw,
                Err(e) => last = e,
            }
        }
        panic!("{last}");
    }

    fn spawn() -> Seaweed {
        let dir = tempfile::tempdir().expect("tempdir");
        let data = dir.path().join("data");
        std::fs::create_dir_all(&data).unwrap();
        let conf = dir.path().join("s3.json");
        std::fs::write(
            &conf,
            format!(
                r#"{{"identities":[{{"name":"t","credentials":[{{"accessKey":"{ACCESS}","secretKey":"{SECRET}"}}],"actions":["Admin","Read","List","Tagging","Write"]}}]}}"#
            ),
        )
        .unwrap();
        let mut ports = Vec::new();
        while ports.len() < 4 {
            let p = free_port(true);
            if !ports.contains(&p) {
                ports.push(p);
            }
        }
        let mut cmd = Command::new(bin_path("weed"));
        cmd.arg("server")
            .arg(format!("-dir={}", data.display()))
            .args(["-ip=127.0.0.1", "-ip.bind=127.0.0.1"])
            .arg(format!("-master.port={}", ports[0]))
            .arg(format!("-volume.port={}", ports[1]))
            .arg("-filer")
            .arg(format!("-filer.port={}", ports[2]))
            .arg("-s3")
            .arg(format!("-s3.port={}", ports[3]))
            .arg(format!("-s3.config={}", conf.display()))
            .args([
                "-s3.port.iceberg=0",
                "-s3.port.lance=0",
                "-master.volumeSizeLimitMB=1024",
                "-volume.max=0",
            ]);
        let proc = ServerProcess::spawn("weed", cmd, dir.path().join("weed.log"));
        let endpoint = format!("http://127.0.0.1:{}", ports[3]);
        let sw = Seaweed {
            proc,
            endpoint,
            port: ports[3],
            _dir: dir,
        };
        sw
    }

    fn wait_writable(&self) -> Result<(), String> {
        let rt = runtime();
        let c = self.client();
        let t0 = Instant::now();
        let mut last = String::new();
        rt.block_on(async {
            while t0.elapsed() < Duration::from_secs(60) {
                let ok = async {
                    c.list_buckets()
                        .send()
                        .await
                        .map_err(|e| format!("{e:?}"))?;
                    match c.create_bucket().bucket("piiscan-probe").send().await {
                        Ok(_) => {}
                        Err(e) if format!("{e:?}").contains("BucketAlready") => {}
                        Err(e) => return Err(format!("{e:?}")),
                    }
                    c.put_object()
                        .bucket("piiscan-probe")
                        .key("probe")
                        .body(b"x".to_vec().into())
                        .send()
                        .await
                        .map_err(|e| format!("{e:?}"))?;
                    c.delete_object()
                        .bucket("piiscan-probe")
                        .key("probe")
                        .send()
                        .await
                        .map_err(|e| format!("{e:?}"))?;
                    c.delete_bucket()
                        .bucket("piiscan-probe")
                        .send()
                        .await
                        .map_err(|e| format!("{e:?}"))?;
                    Ok::<(), String>(())
                }
                .await;
                match ok {
                    Ok(()) => return Ok(()),
                    Err(e) => last = e,
                }
                tokio::time::sleep(Duration::from_millis(500)).await;
            }
            Err(format!(
                "SeaweedFS did not become writable in 60 s: {last}\nlog:\n{}",
                self.proc.log_tail()
            ))
        })
    }

    /// A set-up client.
    pub fn client(&self) -> aws_sdk_s3::Client {
        client(&self.endpoint, ACCESS, SECRET, "us-east-1")
    }

    /// Create a bucket (retrying while the server settles).
    pub async fn bucket(&self, name: &str) {
        let c = self.client();
        for _ in 0..20 {
            match c.create_bucket().bucket(name).send().await {
                Ok(_) => return,
                Err(e) if format!("{e:?}").contains("BucketAlready") => return,
                Err(_) => tokio::time::sleep(Duration::from_millis(300)).await,
            }
        }
        panic!("cannot create bucket {name}");
    }
}
