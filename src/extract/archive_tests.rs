//! Archive tests: member paths, nesting, bombs, corrupt and truncated input.

use super::*;
use crate::extract::testutil::{located, Harness, AWS_LINE};
use crate::extract::Limits;
use crate::findings::model::Location;
use crate::findings::Status;
use std::io::Write;

pub fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in members {
        w.start_file(*name, opts).unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

pub fn tar_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (name, data) in members {
        let mut h = tar::Header::new_gnu();
        h.set_size(data.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, name, *data).unwrap();
    }
    b.into_inner().unwrap()
}

pub fn gz(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn members(r: &crate::findings::ObjectResult) -> Vec<Option<String>> {
    located(r)
        .into_iter()
        .map(|(_, l)| match l {
            Location::Text(l, _) => l.member,
            Location::Cell(c) => c.member,
            Location::Record(x) => x.member,
            Location::Page(p) => p.member,
        })
        .collect()
}

#[test]
fn zip_members_keep_their_format_and_path() {
    let h = Harness::new();
    let csv = b"employee_id,n\nEMP-123456,1\n";
    let inner_tar = gz(&tar_of(&[
        ("c.csv", csv),
        ("skip.bin", b"\0\x01\x02binary"),
    ]));
    let z = zip_of(&[
        ("dir/notes.txt", format!("x\n{AWS_LINE}\n").as_bytes()),
        ("b.tar.gz", &inner_tar),
        ("data.json", b"{\"employee\": {\"id\": \"EMP-000042\"}}"),
        ("empty/", b""),
    ]);
    let r = h.extract("a.zip", &z);
    let got = located(&r);
    assert_eq!(got.len(), 3, "{got:?}");
    let m = members(&r);
    assert!(m.contains(&Some("a.zip!dir/notes.txt".into())));
    assert!(m.contains(&Some("a.zip!b.tar.gz!c.csv".into())));
    assert!(m.contains(&Some("a.zip!data.json".into())));
    assert!(got.iter().any(
        |(_, l)| matches!(l, Location::Cell(c) if c.column_name.as_deref() == Some("employee_id"))
    ));
    assert!(got
        .iter()
        .any(|(_, l)| matches!(l, Location::Record(x) if x.json_path == "$.employee.id")));
    assert_eq!(r.status, Status::Partial);
    assert_eq!(r.skipped_parts.len(), 1);
    assert_eq!(r.skipped_parts[0].member, "a.zip!b.tar.gz!skip.bin");
    assert_eq!(r.skipped_parts[0].reason, "UNSUPPORTED_FILE_TYPE");
    assert_eq!(r.mime_type, "application/zip");
}

#[test]
fn twelve_levels_stop_at_the_depth_limit() {
    let h = Harness::new();
    let mut data = zip_of(&[("deep.txt", AWS_LINE.as_bytes())]);
    for i in (0..11).rev() {
        data = zip_of(&[(&format!("l{i}.zip"), &data)]);
    }
    let r = h.extract("top.zip", &data);
    assert!(located(&r).is_empty());
    assert_eq!(r.status, Status::Partial);
    assert_eq!(
        r.reason.as_deref(),
        Some("ARCHIVE_NESTING_LEVEL_OVER_LIMIT")
    );
    assert!(r.skipped_parts[0]
        .member
        .starts_with("top.zip!l0.zip!l1.zip!"));
    // within the limit the secret is found
    let shallow = Limits {
        max_depth: 12,
        ..Limits::default()
    };
    let r = h.extract_limits("top.zip", &data, &shallow);
    assert_eq!(located(&r).len(), 1);
}

/// Rewrite a zip's declared uncompressed sizes (local and central headers).
fn declare_size(mut z: Vec<u8>, size: u32) -> Vec<u8> {
    let mut i = 0;
    while i + 30 < z.len() {
        if z[i..i + 4] == [0x50, 0x4b, 0x03, 0x04] {
            z[i + 22..i + 26].copy_from_slice(&size.to_le_bytes());
        } else if z[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] {
            z[i + 24..i + 28].copy_from_slice(&size.to_le_bytes());
        }
        i += 1;
    }
    z
}

/// A zip64 member declaring `size` uncompressed bytes: written with
/// `large_file`, then the zip64 extra fields (local and central) patched.
fn zip64_declaring(size: u64) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    w.start_file("zeros.bin", opts).unwrap();
    w.write_all(&[0u8; 4096]).unwrap();
    let mut z = w.finish().unwrap().into_inner();
    let u16_at = |z: &[u8], i: usize| u16::from_le_bytes([z[i], z[i + 1]]) as usize;
    let mut patched = 0;
    let mut i = 0;
    while i + 46 < z.len() {
        let (fixed, name_len, extra_len, size_field) = if z[i..i + 4] == [0x50, 0x4b, 0x03, 0x04] {
            (30, u16_at(&z, i + 26), u16_at(&z, i + 28), i + 22)
        } else if z[i..i + 4] == [0x50, 0x4b, 0x01, 0x02] {
            (46, u16_at(&z, i + 28), u16_at(&z, i + 30), i + 24)
        } else {
            i += 1;
            continue;
        };
        let mut e = i + fixed + name_len;
        let end = e + extra_len;
        while e + 4 <= end {
            let (id, len) = (u16_at(&z, e), u16_at(&z, e + 2));
            if id == 1 && z[size_field..size_field + 4] == [0xFF; 4] && len >= 8 {
                z[e + 4..e + 12].copy_from_slice(&size.to_le_bytes());
                patched += 1;
            }
            e += 4 + len;
        }
        i = end.max(i + 1);
    }
    assert!(patched >= 1, "no zip64 field to patch");
    z
}

#[test]
fn a_ten_gigabyte_zip64_member_is_refused_on_its_declared_size() {
    let h = Harness::new();
    let z = zip64_declaring(10 << 30);
    let r = h.extract("bomb64.zip", &z);
    assert_eq!(r.status, Status::Partial, "{r:?}");
    assert_eq!(r.skipped_parts[0].reason, "ARCHIVE_EXCEEDS_SIZE_LIMIT");
    assert!(r.bytes_scanned < 1 << 20);
}

#[test]
fn zip_bombs_are_refused_before_and_while_reading() {
    let h = Harness::new();
    // declared 4 GB: over the 3 GB member limit before a byte is inflated
    let z = declare_size(zip_of(&[("huge.txt", b"small really")]), 0xFFFF_FFF0);
    let r = h.extract("bomb.zip", &z);
    assert_eq!(r.status, Status::Partial);
    assert_eq!(r.skipped_parts[0].reason, "ARCHIVE_EXCEEDS_SIZE_LIMIT");
    // honest header, high ratio: refused on the declared ratio
    let block = vec![b'a'; 8 << 20];
    let z = zip_of(&[("aaa.txt", &block), ("ok.txt", AWS_LINE.as_bytes())]);
    let strict = Limits {
        max_ratio: 100,
        ..Limits::default()
    };
    let r = h.extract_limits("ratio.zip", &z, &strict);
    assert_eq!(r.skipped_parts.len(), 1);
    assert_eq!(r.skipped_parts[0].member, "ratio.zip!aaa.txt");
    assert_eq!(located(&r).len(), 1, "the next member is still scanned");
    // lying header (declares 100 bytes): stopped while inflating
    let z = declare_size(zip_of(&[("liar.txt", &block)]), 100);
    let r = h.extract("liar.zip", &z);
    assert_eq!(r.status, Status::Partial);
    assert!(r.bytes_scanned < 1 << 20);
}

#[test]
fn member_count_and_total_bytes_budgets() {
    let h = Harness::new();
    let files: Vec<(String, Vec<u8>)> = (0..20)
        .map(|i| (format!("f{i}.txt"), vec![b'x'; 1000]))
        .collect();
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, d)| (n.as_str(), d.as_slice()))
        .collect();
    let z = zip_of(&refs);
    let few = Limits {
        max_members: 5,
        ..Limits::default()
    };
    let r = h.extract_limits("many.zip", &z, &few);
    assert_eq!(
        r.reason.as_deref(),
        Some("ARCHIVE_TOTAL_DOCUMENTS_PROCESSED_OVER_LIMIT")
    );
    assert_eq!(r.skipped_parts.len(), 1);
    let small = Limits {
        max_total_bytes: 5500,
        ..Limits::default()
    };
    let r = h.extract_limits("many.zip", &z, &small);
    assert_eq!(
        r.reason.as_deref(),
        Some("ARCHIVE_TOTAL_BYTES_EXTRACTED_OVER_LIMIT")
    );
    assert!(r.bytes_scanned <= 5500);
}

#[test]
fn corrupt_and_truncated_archives_are_reported_not_fatal() {
    let h = Harness::new();
    let z = zip_of(&[("a.txt", AWS_LINE.as_bytes())]);
    let r = h.extract("cut.zip", &z[..z.len() - 30]);
    assert_eq!(r.reason.as_deref(), Some("MALFORMED_FILE"));
    let mut t = tar_of(&[
        ("one.txt", AWS_LINE.as_bytes()),
        ("two.txt", &vec![b'y'; 4000]),
    ]);
    t.truncate(2048);
    let r = h.extract("cut.tar", &t);
    assert_eq!(located(&r).len(), 1);
    assert_eq!(r.status, Status::Partial);
    let mut garbage = b"PK\x03\x04".to_vec();
    garbage.extend(std::iter::repeat_n(0xAB, 500));
    let r = h.extract("junk.zip", &garbage);
    assert_eq!(r.reason.as_deref(), Some("MALFORMED_FILE"));
}

#[test]
fn tar_gz_bz2_zst_stream_through() {
    let h = Harness::new();
    let t = tar_of(&[("d/x.log", format!("{AWS_LINE}\n").as_bytes())]);
    let r = h.extract("x.tgz", &gz(&t));
    assert_eq!(members(&r), vec![Some("x.tgz!d/x.log".into())]);
    let z = zstd::encode_all(&t[..], 1).unwrap();
    let r = h.extract("x.tar.zst", &z);
    assert_eq!(members(&r), vec![Some("x.tar.zst!d/x.log".into())]);
    let limits = Limits::default();
    let r = h.extract_reader("x.tar", &mut &t[..], &limits);
    assert_eq!(members(&r), vec![Some("x.tar!d/x.log".into())]);
}

#[test]
fn members_over_the_memory_cap_stream_or_spill() {
    let h = Harness::new();
    let mut big_text = "filler words here\n".repeat(2000);
    big_text.push_str(AWS_LINE);
    let inner = zip_of(&[
        ("deep/x.csv", b"employee_id\nEMP-123456\n"),
        ("pad.txt", big_text.as_bytes()),
    ]);
    let outer = zip_of(&[("big.log", big_text.as_bytes()), ("inner.zip", &inner)]);
    let tiny = Limits {
        max_in_memory: 1024,
        ..Limits::default()
    };
    let a = members(&h.extract_limits("o.zip", &outer, &tiny));
    let b = members(&h.extract("o.zip", &outer));
    assert_eq!(a.len(), 3, "{a:?}");
    assert_eq!(a, b);
    assert!(a.contains(&Some("o.zip!inner.zip!deep/x.csv".into())));
    // a tar stream obeys the member count too
    let t = tar_of(&[
        ("a.txt", b"x"),
        ("b.txt", b"y"),
        ("c.txt", AWS_LINE.as_bytes()),
    ]);
    let two = Limits {
        max_members: 2,
        ..Limits::default()
    };
    let r = h.extract_reader("t.tar", &mut &t[..], &two);
    assert_eq!(
        r.reason.as_deref(),
        Some("ARCHIVE_TOTAL_DOCUMENTS_PROCESSED_OVER_LIMIT")
    );
    assert!(located(&r).is_empty());
}

/// Deterministic incompressible bytes.
fn noise(n: usize) -> Vec<u8> {
    let mut x: u32 = 0x9e37_79b9;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

#[test]
fn zip_by_random_access_reads_only_the_index_and_members_opened() {
    use crate::extract::random::tests::Counting;
    let h = Harness::new();
    let big = noise(300_000);
    let z = zip_of(&[
        ("a/notes.txt", format!("x\n{AWS_LINE}\n").as_bytes()),
        ("huge.bin", &big),
        ("b/more.txt", b"nothing here\n"),
    ]);
    let limits = Limits {
        max_member_bytes: 100_000,
        ..Limits::default()
    };
    let bytes = h.extract_limits("a.zip", &z, &limits);
    let src = Counting::new(z.clone());
    let r = h.extract_random("a.zip", src.clone(), &limits);
    assert_eq!(located(&r), located(&bytes));
    assert_eq!(r.skipped_parts, bytes.skipped_parts);
    assert_eq!(r.skipped_parts[0].member, "a.zip!huge.bin");
    assert_eq!(r.skipped_parts[0].reason, "ARCHIVE_EXCEEDS_SIZE_LIMIT");
    assert_eq!(r.mime_type, "application/zip");
    // the member refused on its declared size was never read: only the
    // sniffed head (8 KiB), the end-of-directory search (the last KiB), the
    // central directory and the local headers were
    let (start, len) = {
        let mut za = zip::ZipArchive::new(Cursor::new(&z[..])).unwrap();
        let f = za.by_name("huge.bin").unwrap();
        (f.data_start(), f.compressed_size())
    };
    let middle = (start + 8192)..(start + len - 4096);
    let reads = src.reads.lock().unwrap();
    assert!(
        !reads
            .iter()
            .any(|(o, n)| *o < middle.end && o + *n as u64 > middle.start),
        "{reads:?}"
    );
    let total: usize = reads.iter().map(|(_, n)| n).sum();
    assert!(total < 16 << 10, "{total} of {} bytes read", z.len());
}

#[test]
fn office_documents_by_random_access() {
    let h = Harness::new();
    let doc = zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        (
            "word/document.xml",
            format!("<w:document><w:body><w:p><w:r><w:t>{AWS_LINE}</w:t></w:r></w:p></w:body></w:document>")
                .as_bytes(),
        ),
    ]);
    let r = h.extract_random(
        "d.docx",
        std::sync::Arc::new(doc.clone()),
        &Limits::default(),
    );
    assert_eq!(located(&r), located(&h.extract("d.docx", &doc)));
    assert_eq!(located(&r).len(), 1);
    assert!(r.mime_type.contains("wordprocessingml"), "{}", r.mime_type);
}

#[test]
fn other_formats_read_random_access_sequentially() {
    let h = Harness::new();
    let tgz = gz(&tar_of(&[("c.txt", format!("{AWS_LINE}\n").as_bytes())]));
    let r = h.extract_random(
        "x.tgz",
        std::sync::Arc::new(tgz.clone()),
        &Limits::default(),
    );
    assert_eq!(located(&r), located(&h.extract("x.tgz", &tgz)));
    assert_eq!(located(&r).len(), 1);
    let r = h.extract_random(
        "t.txt",
        std::sync::Arc::new(format!("a\n{AWS_LINE}\n").into_bytes()),
        &Limits::default(),
    );
    assert_eq!(located(&r).len(), 1);
}
