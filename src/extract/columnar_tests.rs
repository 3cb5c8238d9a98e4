//! Parquet and Avro tests with files written by the same crates.

use super::*;
use crate::extract::testutil::{located, Harness, AWS_SECRET};
use std::sync::Arc;

/// A Parquet file: columns `employee_id`, `notes` (strings), `n` (int64)
/// and a group `customer { credentials }`.
pub fn parquet_file(rows: &[(&str, &str, i64, &str)]) -> Vec<u8> {
    use parquet::data_type::ByteArray;
    use parquet::file::properties::WriterProperties;
    use parquet::file::writer::SerializedFileWriter;
    use parquet::schema::parser::parse_message_type;
    let schema = Arc::new(
        parse_message_type(
            "message m { REQUIRED BYTE_ARRAY employee_id (UTF8); REQUIRED BYTE_ARRAY notes (UTF8);
             REQUIRED INT64 n; REQUIRED group customer { REQUIRED BYTE_ARRAY credentials (UTF8); } }",
        )
        .unwrap(),
    );
    let props = Arc::new(WriterProperties::builder().build());
    let mut w = SerializedFileWriter::new(Vec::new(), schema, props).unwrap();
    let mut rg = w.next_row_group().unwrap();
    let mut col_i = 0;
    while let Some(mut col) = rg.next_column().unwrap() {
        use parquet::column::writer::ColumnWriter;
        match col.untyped() {
            ColumnWriter::ByteArrayColumnWriter(c) => {
                let v: Vec<ByteArray> = rows
                    .iter()
                    .map(|r| match col_i {
                        0 => r.0,
                        1 => r.1,
                        _ => r.3,
                    })
                    .map(ByteArray::from)
                    .collect();
                c.write_batch(&v, None, None).unwrap();
            }
            ColumnWriter::Int64ColumnWriter(c) => {
                let v: Vec<i64> = rows.iter().map(|r| r.2).collect();
                c.write_batch(&v, None, None).unwrap();
            }
            _ => unreachable!(),
        }
        col.close().unwrap();
        col_i += 1;
    }
    rg.close().unwrap();
    w.into_inner().unwrap()
}

/// An Avro file with records `{employee: {id}, notes, tags: [..]}`.
pub fn avro_file(rows: &[(&str, &str)]) -> Vec<u8> {
    use apache_avro::types::Value;
    let schema = apache_avro::Schema::parse_str(
        r#"{"type":"record","name":"r","fields":[
            {"name":"employee","type":{"type":"record","name":"e","fields":[{"name":"id","type":"string"}]}},
            {"name":"notes","type":"string"},
            {"name":"tags","type":{"type":"array","items":"string"}}]}"#,
    )
    .unwrap();
    let mut w = apache_avro::Writer::new(&schema, Vec::new());
    for (id, notes) in rows {
        let v = Value::Record(vec![
            (
                "employee".into(),
                Value::Record(vec![("id".into(), Value::String(id.to_string()))]),
            ),
            ("notes".into(), Value::String(notes.to_string())),
            (
                "tags".into(),
                Value::Array(vec![
                    Value::String("a".into()),
                    Value::String(notes.to_string()),
                ]),
            ),
        ]);
        w.append(v).unwrap();
    }
    w.into_inner().unwrap()
}

fn records(r: &crate::findings::ObjectResult) -> Vec<(String, u64, String)> {
    located(r)
        .into_iter()
        .filter_map(|(id, l)| match l {
            Location::Record(x) => Some((id, x.record_index, x.json_path)),
            _ => None,
        })
        .collect()
}

#[test]
fn parquet_columns_are_keywords() {
    let h = Harness::new();
    let p = parquet_file(&[
        ("EMP-123456", "EMP-654321", 1, "x"),
        ("none", "y", 2, AWS_SECRET),
    ]);
    let r = h.extract("t.parquet", &p);
    assert_eq!(
        records(&r),
        vec![
            ("AWS_CREDENTIALS".into(), 1, "$.customer.credentials".into()),
            ("EmpId".into(), 0, "$.employee_id".into()),
        ]
    );
    assert_eq!(r.mime_type, "application/vnd.apache.parquet");
    // through a stream (spilled when over the memory cap)
    let limits = crate::extract::Limits {
        max_in_memory: 64,
        ..Default::default()
    };
    let r2 = h.extract_reader("t.parquet", &mut &p[..], &limits);
    assert_eq!(records(&r2), records(&r));
}

#[test]
fn avro_fields_and_arrays() {
    let h = Harness::new();
    let a = avro_file(&[("EMP-000001", "EMP-000002"), ("x", "employee EMP-000003")]);
    let r = h.extract("t.avro", &a);
    assert_eq!(
        records(&r),
        vec![
            ("EmpId".into(), 0, "$.employee.id".into()),
            ("EmpId".into(), 1, "$.notes".into()),
            ("EmpId".into(), 1, "$.tags[1]".into()),
        ]
    );
}

#[test]
fn corrupt_columnar_files_fail_cleanly() {
    let h = Harness::new();
    let p = parquet_file(&[("a", "b", 1, "c")]);
    let r = h.extract("t.parquet", &p[..p.len() - 10]);
    assert_eq!(r.reason.as_deref(), Some("MALFORMED_FILE"));
    let a = avro_file(&[("EMP-000001", "x"); 50]);
    let r = h.extract("t.avro", &a[..a.len() / 2]);
    assert_eq!(r.status, crate::findings::Status::Partial);
    let r = h.extract("t.avro", b"Obj\x01garbage");
    assert_eq!(r.reason.as_deref(), Some("MALFORMED_FILE"));
}

#[test]
fn parquet_by_random_access_matches_bytes() {
    use crate::extract::random::tests::Counting;
    let h = Harness::new();
    let p = parquet_file(&[
        ("EMP-123456", "EMP-654321", 1, "x"),
        ("none", "y", 2, AWS_SECRET),
    ]);
    let src = Counting::new(p.clone());
    let r = h.extract_random("t.parquet", src.clone(), &Default::default());
    assert_eq!(records(&r), records(&h.extract("t.parquet", &p)));
    assert_eq!(records(&r).len(), 2);
    assert_eq!(r.mime_type, "application/vnd.apache.parquet");
    // the footer is read from the end, not by reading the file from the start
    let reads = src.reads.lock().unwrap();
    assert!(
        reads.iter().any(|(o, _)| *o >= p.len() as u64 - 8),
        "{reads:?}"
    );
    // truncated: a clean failure, not a panic
    let r = h.extract_random(
        "t.parquet",
        std::sync::Arc::new(p[..p.len() - 10].to_vec()),
        &Default::default(),
    );
    assert_eq!(r.reason.as_deref(), Some("MALFORMED_FILE"));
}
