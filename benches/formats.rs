//! Per-format throughput (MB/s of decompressed content) of the extractors
//! with the built-in catalog plus one keyword-required custom identifier.
//! Inputs are generated in memory; `cargo bench --bench formats`.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use piiscan::detect::{build_engine, custom::parse_custom, AllowList, Engine, Selection};
use piiscan::extract::{Input, Limits};
use piiscan::findings::{FindingOptions, ObjectMeta};
use piiscan::scan::{scan_object, ScanOptions};
use std::io::{Cursor, Write};
use std::sync::Arc;

fn engine() -> Engine {
    let custom = parse_custom(
        "b.json",
        r#"[{"name":"EmpId","regex":"EMP-[0-9]{6}","keywords":["employee"]}]"#,
    )
    .unwrap();
    build_engine(&Selection::Recommended, &[], custom, AllowList::default()).unwrap()
}

const AWS: &str = "aws_secret_access_key = k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt";

fn csv(rows: usize) -> Vec<u8> {
    let mut s = String::from("id,employee_id,name,notes\n");
    for i in 0..rows {
        s.push_str(&format!(
            "{i},EMP-{:06},user {i},free text about row {i}\n",
            i % 1_000_000
        ));
    }
    s.into_bytes()
}

fn jsonl(rows: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 0..rows {
        s.push_str(&format!(
            "{{\"id\":{i},\"employee\":{{\"id\":\"EMP-{:06}\",\"name\":\"user {i}\"}},\"tags\":[\"a\",\"b\"],\"note\":\"free text {i}\"}}\n",
            i % 1_000_000
        ));
    }
    s.into_bytes()
}

fn log(lines: usize) -> Vec<u8> {
    let mut s = String::new();
    for i in 0..lines {
        if i % 10_000 == 0 {
            s.push_str(&format!("line {i} {AWS}\n"));
        } else {
            s.push_str(&format!(
                "2026-12-01T00:00:00Z INFO request {i} served in {} ms\n",
                i % 997
            ));
        }
    }
    s.into_bytes()
}

fn gz(d: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(d).unwrap();
    e.finish().unwrap()
}

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (n, d) in members {
        w.start_file(*n, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(d).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn parquet(rows: usize) -> Vec<u8> {
    use parquet::data_type::ByteArray;
    let schema = Arc::new(
        parquet::schema::parser::parse_message_type(
            "message m { REQUIRED BYTE_ARRAY employee_id (UTF8); REQUIRED BYTE_ARRAY note (UTF8); }",
        )
        .unwrap(),
    );
    let props = Arc::new(parquet::file::properties::WriterProperties::builder().build());
    let mut w =
        parquet::file::writer::SerializedFileWriter::new(Vec::new(), schema, props).unwrap();
    let mut rg = w.next_row_group().unwrap();
    let mut c = 0;
    while let Some(mut col) = rg.next_column().unwrap() {
        if let parquet::column::writer::ColumnWriter::ByteArrayColumnWriter(cw) = col.untyped() {
            let v: Vec<ByteArray> = (0..rows)
                .map(|i| {
                    if c == 0 {
                        ByteArray::from(format!("EMP-{:06}", i % 1_000_000).as_str())
                    } else {
                        ByteArray::from(format!("free text about row {i}").as_str())
                    }
                })
                .collect();
            cw.write_batch(&v, None, None).unwrap();
        }
        col.close().unwrap();
        c += 1;
    }
    rg.close().unwrap();
    w.into_inner().unwrap()
}

fn bench(c: &mut Criterion) {
    let e = engine();
    let opts = ScanOptions {
        limits: Limits::default(),
        findings: FindingOptions::default(),
        threads: 1,
        sort_records: piiscan::findings::store::MAX_RECORDS,
    };
    let csv_data = csv(200_000);
    let log_data = log(200_000);
    let jsonl_data = jsonl(100_000);
    let cases: Vec<(&str, &str, Vec<u8>, u64)> = vec![
        ("text", "app.log", log_data.clone(), log_data.len() as u64),
        ("csv", "people.csv", csv_data.clone(), csv_data.len() as u64),
        (
            "jsonl",
            "events.jsonl",
            jsonl_data.clone(),
            jsonl_data.len() as u64,
        ),
        ("gzip", "app.log.gz", gz(&log_data), log_data.len() as u64),
        (
            "zip",
            "a.zip",
            zip_of(&[("p.csv", &csv_data), ("l.log", &log_data)]),
            (csv_data.len() + log_data.len()) as u64,
        ),
        ("parquet", "t.parquet", parquet(200_000), 0),
    ];
    let mut g = c.benchmark_group("formats");
    g.sample_size(10);
    for (label, name, data, content) in &cases {
        let mut scanner = e.scanner();
        // throughput in bytes of (decompressed) content: the text for text
        // formats, the value bytes scanned for Parquet
        let probe = scan_object(
            &mut scanner,
            ObjectMeta {
                key: name.to_string(),
                ..Default::default()
            },
            Input::Bytes(data),
            &opts,
        );
        let bytes = if *content > 0 {
            *content
        } else {
            probe.bytes_scanned
        };
        g.throughput(Throughput::Bytes(bytes));
        g.bench_function(*label, |b| {
            b.iter(|| {
                let meta = ObjectMeta {
                    key: name.to_string(),
                    ..Default::default()
                };
                scan_object(&mut scanner, meta, Input::Bytes(data), &opts)
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
