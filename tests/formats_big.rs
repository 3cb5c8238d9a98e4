//! Large and hostile streams through the library, with bounded memory:
//! a line of many megabytes without a newline, generated lazily (16 MB
//! always; 200 MB with `--ignored`), and the big-file checks (1 M-row CSV,
//! 1 GB gzip log) that `benches/big_files.sh` times in release.

use piiscan::detect::{build_engine, custom::parse_custom, AllowList, Engine, Selection};
use piiscan::extract::{Input, Limits};
use piiscan::findings::{FindingOptions, ObjectMeta, ObjectResult};
use piiscan::scan::{scan_object, ScanOptions};
use std::io::Read;

const AWS_LINE: &str = "aws_secret_access_key = k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt";

fn engine() -> Engine {
    let custom = parse_custom(
        "t.json",
        r#"[{"name":"EmpId","regex":"EMP-[0-9]{6}","keywords":["employee"]}]"#,
    )
    .unwrap();
    build_engine(&Selection::All, &[], custom, AllowList::default()).unwrap()
}

/// `n` bytes of filler (no newline), then `tail`; produced on demand.
struct Lazy {
    left: u64,
    tail: Vec<u8>,
    pos: usize,
}

impl Read for Lazy {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.left > 0 {
            let n = (buf.len() as u64).min(self.left) as usize;
            for (i, b) in buf[..n].iter_mut().enumerate() {
                *b = if i % 8 == 7 { b' ' } else { b'x' };
            }
            self.left -= n as u64;
            return Ok(n);
        }
        let n = buf.len().min(self.tail.len() - self.pos);
        buf[..n].copy_from_slice(&self.tail[self.pos..self.pos + n]);
        self.pos += n;
        Ok(n)
    }
}

fn scan_stream(name: &str, r: &mut dyn Read) -> ObjectResult {
    let e = engine();
    let mut scanner = e.scanner();
    let opts = ScanOptions {
        limits: Limits::default(),
        findings: FindingOptions::default(),
        threads: 1,
        sort_records: piiscan::findings::store::MAX_RECORDS,
    };
    let meta = ObjectMeta {
        key: name.into(),
        ..Default::default()
    };
    scan_object(&mut scanner, meta, Input::Reader(r), &opts)
}

fn long_line(n: u64) {
    let mut r = Lazy {
        left: n,
        tail: format!(" {AWS_LINE}").into_bytes(),
        pos: 0,
    };
    let res = scan_stream("long.txt", &mut r);
    assert_eq!(res.counts.get("AWS_CREDENTIALS"), Some(&1));
    assert_eq!(res.bytes_scanned, n + AWS_LINE.len() as u64 + 1);
    let f = res.finding.unwrap();
    let occ = &f.classification_details.result.sensitive_data[0].detections[0].occurrences;
    assert_eq!(occ.line_ranges[0].start, 1);
    assert!(occ.line_ranges[0].start_column > n);
}

#[test]
fn a_16_mb_line_without_newline_streams() {
    long_line(16 << 20);
}

#[test]
#[ignore = "200 MB; run with --ignored (release recommended)"]
fn a_200_mb_line_without_newline_streams() {
    long_line(200 << 20);
}

#[test]
fn json_nested_ten_thousand_levels_is_skipped_from_a_stream_too() {
    let deep = "[".repeat(10_000) + &"]".repeat(10_000);
    let r = scan_stream("deep.json", &mut deep.as_bytes());
    assert_eq!(r.skipped_parts[0].reason, "JSON_NESTING_LEVEL_OVER_LIMIT");
}

#[test]
#[ignore = "writes ~1 GB under /tmp; run with --ignored --release"]
fn million_row_csv_and_gigabyte_gzip_log() {
    use std::io::Write;
    let dir = std::env::temp_dir().join("piiscan-big");
    std::fs::create_dir_all(&dir).unwrap();
    let csv = dir.join("people.csv");
    let mut w = std::io::BufWriter::new(std::fs::File::create(&csv).unwrap());
    writeln!(w, "id,employee_id,name,notes").unwrap();
    for i in 0..1_000_000u32 {
        writeln!(
            w,
            "{i},EMP-{:06},user {i},some free text about row {i}",
            i % 1_000_000
        )
        .unwrap();
    }
    drop(w);
    let mut f = std::fs::File::open(&csv).unwrap();
    let r = scan_stream("people.csv", &mut f);
    assert_eq!(r.counts.get("EmpId"), Some(&1_000_000));

    let gzp = dir.join("app.log.gz");
    let mut e = flate2::write::GzEncoder::new(
        std::io::BufWriter::new(std::fs::File::create(&gzp).unwrap()),
        flate2::Compression::fast(),
    );
    let mut written = 0u64;
    let mut i = 0u64;
    while written < 1 << 30 {
        let line = if i % 100_000 == 0 {
            format!("2026-12-01T00:00:00Z line {i} {AWS_LINE}\n")
        } else {
            format!(
                "2026-12-01T00:00:00Z INFO request {i} served in {} ms from host-{}\n",
                i % 997,
                i % 13
            )
        };
        e.write_all(line.as_bytes()).unwrap();
        written += line.len() as u64;
        i += 1;
    }
    e.finish().unwrap();
    let mut f = std::fs::File::open(&gzp).unwrap();
    let r = scan_stream("app.log.gz", &mut f);
    assert!(r.bytes_scanned >= 1 << 30);
    assert!(r.counts.get("AWS_CREDENTIALS").copied().unwrap_or(0) > 100);
}
