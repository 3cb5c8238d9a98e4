//! End to end: the built binary on a directory mixing every supported
//! format (and some hostile files), `--format json`, checking that each
//! occurrence has the location kind its format calls for and that skipped
//! parts carry reasons.

use serde_json::Value;
use std::io::{Cursor, Write};
use std::path::Path;
use std::process::Command;
use std::sync::Arc;

const AWS_LINE: &str = "aws_secret_access_key = k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt";
const AWS_SECRET: &str = "k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt";
const CUSTOM: &str = r#"[{"name":"EmpId","regex":"EMP-[0-9]{6}","keywords":["employee"]}]"#;

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    for (n, d) in members {
        w.start_file(*n, o).unwrap();
        w.write_all(d).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn gz(d: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(d).unwrap();
    e.finish().unwrap()
}

fn tar_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut b = tar::Builder::new(Vec::new());
    for (n, d) in members {
        let mut h = tar::Header::new_gnu();
        h.set_size(d.len() as u64);
        h.set_mode(0o644);
        h.set_cksum();
        b.append_data(&mut h, n, *d).unwrap();
    }
    b.into_inner().unwrap()
}

fn xlsx() -> Vec<u8> {
    let ct = b"<Types/>";
    let wb = br#"<workbook xmlns:r="r"><sheets><sheet name="Staff" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let rels = br#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let ss = br#"<sst><si><t>employee_id</t></si><si><t>notes</t></si><si><t>EMP-222222</t></si><si><t>EMP-333333</t></si></sst>"#;
    let sheet = br#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2" t="s"><v>2</v></c><c r="B2" t="s"><v>3</v></c><c r="C2"><v>7</v></c></row></sheetData></worksheet>"#;
    zip_of(&[
        ("[Content_Types].xml", ct),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", rels),
        ("xl/sharedStrings.xml", ss),
        ("xl/worksheets/sheet1.xml", sheet),
    ])
}

fn docx() -> Vec<u8> {
    let body = format!("<w:document xmlns:w=\"w\"><w:body><w:p><w:r><w:t>Memo</w:t></w:r></w:p><w:p><w:r><w:t>{AWS_LINE}</w:t></w:r></w:p></w:body></w:document>");
    zip_of(&[
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", body.as_bytes()),
    ])
}

fn parquet() -> Vec<u8> {
    use parquet::data_type::ByteArray;
    let schema = Arc::new(
        parquet::schema::parser::parse_message_type(
            "message m { REQUIRED BYTE_ARRAY employee_id (UTF8); REQUIRED BYTE_ARRAY notes (UTF8); }",
        )
        .unwrap(),
    );
    let props = Arc::new(parquet::file::properties::WriterProperties::builder().build());
    let mut w =
        parquet::file::writer::SerializedFileWriter::new(Vec::new(), schema, props).unwrap();
    let mut rg = w.next_row_group().unwrap();
    let cols = [["x", "EMP-444444"], ["EMP-555555", "y"]];
    let mut i = 0;
    while let Some(mut c) = rg.next_column().unwrap() {
        if let parquet::column::writer::ColumnWriter::ByteArrayColumnWriter(cw) = c.untyped() {
            let v: Vec<ByteArray> = cols[i].iter().map(|s| ByteArray::from(*s)).collect();
            cw.write_batch(&v, None, None).unwrap();
        }
        c.close().unwrap();
        i += 1;
    }
    rg.close().unwrap();
    w.into_inner().unwrap()
}

fn avro() -> Vec<u8> {
    use apache_avro::types::Value as V;
    let schema = apache_avro::Schema::parse_str(
        r#"{"type":"record","name":"r","fields":[{"name":"employee","type":"string"},{"name":"other","type":"string"}]}"#,
    )
    .unwrap();
    let mut w = apache_avro::Writer::new(&schema, Vec::new());
    w.append(V::Record(vec![
        ("employee".into(), V::String("EMP-666666".into())),
        ("other".into(), V::String("EMP-777777".into())),
    ]))
    .unwrap();
    w.into_inner().unwrap()
}

fn write(dir: &Path, name: &str, data: &[u8]) {
    let p = dir.join(name);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, data).unwrap();
}

fn fixtures(dir: &Path) {
    write(
        dir,
        "staff.csv",
        b"employee_id,notes\nEMP-123456,EMP-654321\n",
    );
    write(
        dir,
        "tab.tsv",
        format!("id\tcredentials\n1\t{AWS_SECRET}\n").as_bytes(),
    );
    write(
        dir,
        "data.json",
        br#"{"customer": {"employee": {"id": "EMP-111111"}, "note": "EMP-000000"}}"#,
    );
    write(
        dir,
        "events.jsonl",
        b"{\"a\":1}\n{\"employee\":\"EMP-121212\"}\n",
    );
    write(dir, "cols.parquet", &parquet());
    write(dir, "rows.avro", &avro());
    write(
        dir,
        "doc.pdf",
        &piiscan::extract::pdf::minimal_pdf(&["cover", &format!("x\n{AWS_LINE}")]),
    );
    write(dir, "book.xlsx", &xlsx());
    write(dir, "memo.docx", &docx());
    write(
        dir,
        "page.html",
        format!(
            "<html>\n<body>\n<p>{}</p></body></html>",
            AWS_LINE.replace('=', "&#61;")
        )
        .as_bytes(),
    );
    write(
        dir,
        "staff.xml",
        b"<?xml version=\"1.0\"?>\n<s>\n<employee_id>EMP-131313</employee_id>\n</s>\n",
    );
    write(
        dir,
        "mail.eml",
        format!("From: a@b.c\nTo: d@e.f\nSubject: keys\nMIME-Version: 1.0\n\n{AWS_LINE}\n")
            .as_bytes(),
    );
    let inner = gz(&tar_of(&[("c.csv", b"employee,n\nEMP-141414,1\n")]));
    write(
        dir,
        "archive.zip",
        &zip_of(&[
            ("dir/member.csv", b"employee_id\nEMP-151515\n"),
            ("b.tar.gz", &inner),
            ("pic.png", b"\x89PNG\r\n\x1a\n\0\0\0\0"),
        ]),
    );
    write(
        dir,
        "logs/app.log.gz",
        &gz(format!("start\n{AWS_LINE}\n").as_bytes()),
    );
    write(
        dir,
        "deep.json",
        ("[".repeat(10_000) + &"]".repeat(10_000)).as_bytes(),
    );
    write(dir, "broken.pdf", b"%PDF-1.4\n1 0 obj <<\ntrailer\n");
    let mut cut = gz(format!("{AWS_LINE}\n{}", "pad line\n".repeat(50_000)).as_bytes());
    cut.truncate(cut.len() / 2);
    write(dir, "cut.log.gz", &cut);
}

fn run(dir: &Path) -> Value {
    let ids = dir.join("custom.json");
    std::fs::write(&ids, CUSTOM).unwrap();
    let data = dir.join("data");
    let out = Command::new(env!("CARGO_BIN_EXE_piiscan"))
        .args([
            "scan",
            "--format",
            "json",
            "--exit-zero",
            "--no-progress",
            "--custom-identifiers",
        ])
        .arg(&ids)
        .arg(&data)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// All occurrences of a file: (detector, location kind, location object).
fn occurrences(doc: &Value, key: &str) -> Vec<(String, String, Value)> {
    let mut v = Vec::new();
    for f in doc["findings"].as_array().unwrap() {
        if f["resourcesAffected"]["s3Object"]["key"] != key {
            continue;
        }
        let res = &f["classificationDetails"]["result"];
        let mut dets: Vec<(String, Value)> = Vec::new();
        for sd in res["sensitiveData"].as_array().unwrap() {
            for d in sd["detections"].as_array().unwrap() {
                dets.push((d["type"].as_str().unwrap().into(), d["occurrences"].clone()));
            }
        }
        for d in res["customDataIdentifiers"]["detections"]
            .as_array()
            .unwrap()
        {
            dets.push((d["name"].as_str().unwrap().into(), d["occurrences"].clone()));
        }
        for (id, occ) in dets {
            for kind in ["lineRanges", "cells", "records", "pages"] {
                for o in occ[kind].as_array().unwrap() {
                    v.push((id.clone(), kind.to_string(), o.clone()));
                }
            }
        }
    }
    v
}

fn result<'a>(doc: &'a Value, key: &str) -> &'a Value {
    doc["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["key"] == key)
        .unwrap_or_else(|| panic!("no result for {key}"))
}

#[test]
fn every_format_is_located_its_own_way() {
    let tmp = tempfile::tempdir().unwrap();
    fixtures(&tmp.path().join("data"));
    let doc = run(tmp.path());

    let csv = occurrences(&doc, "staff.csv");
    assert_eq!(csv.len(), 1, "{csv:?}");
    assert_eq!(csv[0].1, "cells");
    assert_eq!(csv[0].2["row"], 2);
    assert_eq!(csv[0].2["column"], 1);
    assert_eq!(csv[0].2["columnName"], "employee_id");

    let tsv = occurrences(&doc, "tab.tsv");
    assert_eq!(tsv[0].0, "AWS_CREDENTIALS");
    assert_eq!(tsv[0].2["columnName"], "credentials");

    let json = occurrences(&doc, "data.json");
    assert_eq!(json.len(), 1);
    assert_eq!(json[0].1, "records");
    assert_eq!(json[0].2["jsonPath"], "$.customer.employee.id");
    assert_eq!(json[0].2["recordIndex"], 0);
    let jsonl = occurrences(&doc, "events.jsonl");
    assert_eq!(jsonl[0].2["recordIndex"], 1);

    let pq = occurrences(&doc, "cols.parquet");
    assert_eq!(pq.len(), 1);
    assert_eq!(pq[0].2["jsonPath"], "$.employee_id");
    assert_eq!(pq[0].2["recordIndex"], 1);
    let av = occurrences(&doc, "rows.avro");
    assert_eq!(av.len(), 1);
    assert_eq!(av[0].2["jsonPath"], "$.employee");

    let pdf = occurrences(&doc, "doc.pdf");
    assert_eq!(pdf[0].1, "pages");
    assert_eq!(pdf[0].2["pageNumber"], 2);

    let xl = occurrences(&doc, "book.xlsx");
    assert_eq!(xl.len(), 1, "{xl:?}");
    assert_eq!(xl[0].2["cellReference"], "Staff!A2");
    assert_eq!(xl[0].2["columnName"], "employee_id");
    let dx = occurrences(&doc, "memo.docx");
    assert_eq!(dx[0].1, "lineRanges");
    assert_eq!(dx[0].2["start"], 2);

    for (key, line) in [("page.html", 3), ("staff.xml", 3), ("mail.eml", 6)] {
        let o = occurrences(&doc, key);
        assert_eq!(o.len(), 1, "{key}: {o:?}");
        assert_eq!(o[0].1, "lineRanges", "{key}");
        assert_eq!(o[0].2["start"], line, "{key}");
    }

    let z = occurrences(&doc, "archive.zip");
    let members: Vec<&str> = z.iter().map(|o| o.2["member"].as_str().unwrap()).collect();
    assert!(
        members.contains(&"archive.zip!dir/member.csv"),
        "{members:?}"
    );
    assert!(
        members.contains(&"archive.zip!b.tar.gz!c.csv"),
        "{members:?}"
    );
    let zr = result(&doc, "archive.zip");
    assert_eq!(zr["status"], "PARTIAL");
    assert_eq!(zr["skippedParts"][0]["member"], "archive.zip!pic.png");
    assert_eq!(zr["skippedParts"][0]["reason"], "UNSUPPORTED_FILE_TYPE");

    let gzl = occurrences(&doc, "logs/app.log.gz");
    assert_eq!(gzl[0].1, "lineRanges");
    assert_eq!(gzl[0].2["start"], 2);

    let deep = result(&doc, "deep.json");
    assert_eq!(deep["status"], "SKIPPED");
    assert_eq!(deep["reason"], "JSON_NESTING_LEVEL_OVER_LIMIT");
    let bp = result(&doc, "broken.pdf");
    assert_eq!(bp["reason"], "UNABLE_TO_PARSE_FILE");
    assert_eq!(bp["outcome"], "FAILED");
    let cut = result(&doc, "cut.log.gz");
    assert_eq!(cut["status"], "PARTIAL");
    assert_eq!(cut["skippedParts"][0]["reason"], "MALFORMED_FILE");
    assert_eq!(occurrences(&doc, "cut.log.gz").len(), 1);
}
