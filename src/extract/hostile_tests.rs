//! Mutation tests: valid files of every format, truncated and with bytes
//! flipped, through the dispatcher as bytes and as streams. Nothing may
//! panic (a panic would make the pipeline's catch-all report the object as
//! an internal error and lose its other results), hang or allocate without
//! bound.

use super::archive::tests::{gz, tar_of, zip_of};
use super::testutil::{Harness, AWS_LINE};
use super::Limits;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn seeds() -> Vec<(&'static str, Vec<u8>)> {
    let csv = b"employee_id,notes\nEMP-123456,\"a\nb\"\n".to_vec();
    vec![
        (
            "a.zip",
            zip_of(&[("x.csv", &csv), ("y.txt", AWS_LINE.as_bytes())]),
        ),
        ("a.tar.gz", gz(&tar_of(&[("x.csv", &csv)]))),
        (
            "a.tar",
            tar_of(&[("x.json", b"{\"a\": [1, {\"b\": \"c\"}]}")]),
        ),
        ("d.docx", super::office::tests::docx(&["hello", AWS_LINE])),
        (
            "b.xlsx",
            super::office::tests::xlsx(&[&["employee_id"], &["EMP-123456"]]),
        ),
        ("p.pptx", super::office::tests::pptx(&["one", "two"])),
        (
            "t.parquet",
            super::columnar::tests::parquet_file(&[
                ("EMP-123456", "n", 1, "c"),
                ("x", "y", 2, "z"),
            ]),
        ),
        (
            "t.avro",
            super::columnar::tests::avro_file(&[("EMP-123456", "x"), ("a", "b")]),
        ),
        ("d.pdf", super::pdf::minimal_pdf(&["page one", AWS_LINE])),
        ("m.eml", super::email::tests::message().into_bytes()),
        (
            "x.json",
            b"{\"employee\": {\"id\": [\"EMP-123456\", {\"k\": \"\\u0041\"}]}}".to_vec(),
        ),
        (
            "x.html",
            b"<html><!-- c --><p a='1'>t &amp; &#65;</p><![CDATA[x]]></html>".to_vec(),
        ),
        ("x.csv", csv.clone()),
        (
            "n.zip",
            zip_of(&[
                ("in.zip", &zip_of(&[("x.csv", &csv)])),
                ("m.eml", &super::email::tests::message().into_bytes()),
            ]),
        ),
        ("l.bz2", {
            use std::io::Write;
            let mut e = bzip2::write::BzEncoder::new(Vec::new(), bzip2::Compression::fast());
            e.write_all(AWS_LINE.as_bytes()).unwrap();
            e.finish().unwrap()
        }),
        ("l.zst", zstd::encode_all(AWS_LINE.as_bytes(), 1).unwrap()),
        (
            "x.xml",
            b"<?xml version=\"1.0\"?><a b=\"c\"><employee_id>EMP-123456</employee_id></a>".to_vec(),
        ),
    ]
}

fn mutate(rng: &mut Rng, data: &[u8]) -> Vec<u8> {
    let mut d = data.to_vec();
    match rng.below(3) {
        0 => d.truncate(rng.below(d.len())),
        1 => {
            for _ in 0..1 + rng.below(8) {
                let i = rng.below(d.len());
                d[i] ^= 1 << rng.below(8);
            }
        }
        _ => {
            let i = rng.below(d.len());
            let n = rng.below(64);
            let junk: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            d.splice(i..i, junk);
        }
    }
    d
}

#[test]
fn mutated_files_never_panic() {
    let h = Harness::new();
    let limits = Limits {
        max_total_bytes: 64 << 20,
        max_member_bytes: 16 << 20,
        ..Limits::default()
    };
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    for (name, seed) in seeds() {
        for round in 0..rounds() {
            let d = mutate(&mut rng, &seed);
            let as_bytes = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                h.extract_limits(name, &d, &limits)
            }));
            assert!(as_bytes.is_ok(), "{name} round {round} panicked (bytes)");
            let as_stream = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                h.extract_reader(name, &mut &d[..], &limits)
            }));
            assert!(as_stream.is_ok(), "{name} round {round} panicked (stream)");
        }
    }
}

/// Rounds per seed file: 60, or `PIISCAN_MUTATION_ROUNDS` for a longer run.
fn rounds() -> usize {
    std::env::var("PIISCAN_MUTATION_ROUNDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(60)
}
