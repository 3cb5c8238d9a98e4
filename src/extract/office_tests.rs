//! Office Open XML tests with documents built here.

use super::*;
use crate::extract::archive::tests::zip_of;
use crate::extract::testutil::{located, Harness, AWS_LINE};
use crate::extract::Limits;

const CT: &[u8] = b"<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>";

pub fn docx(paragraphs: &[&str]) -> Vec<u8> {
    let mut body = String::from("<?xml version=\"1.0\"?><w:document xmlns:w=\"w\"><w:body>");
    for p in paragraphs {
        body.push_str(&format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"));
    }
    body.push_str("</w:body></w:document>");
    zip_of(&[
        ("[Content_Types].xml", CT),
        ("word/document.xml", body.as_bytes()),
    ])
}

pub fn xlsx(rows: &[&[&str]]) -> Vec<u8> {
    let wb = br#"<workbook xmlns:r="r"><sheets><sheet name="People" sheetId="1" r:id="rId1"/><sheet name="Sheet2" sheetId="2" r:id="rId2"/></sheets></workbook>"#;
    let rels = br#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>"#;
    let mut ss = String::from("<sst>");
    let mut sheet = String::from("<worksheet><sheetData>");
    let mut n = 0;
    for (ri, row) in rows.iter().enumerate() {
        sheet.push_str(&format!("<row r=\"{}\">", ri + 1));
        for (ci, v) in row.iter().enumerate() {
            let r = format!("{}{}", col_letters(ci as u32 + 1), ri + 1);
            if v.parse::<f64>().is_ok() {
                sheet.push_str(&format!("<c r=\"{r}\"><v>{v}</v></c>"));
            } else {
                ss.push_str(&format!("<si><t>{v}</t></si>"));
                sheet.push_str(&format!("<c r=\"{r}\" t=\"s\"><v>{n}</v></c>"));
                n += 1;
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    ss.push_str("</sst>");
    let sheet2 = r#"<worksheet><sheetData><row r="5"><c r="C5" t="inlineStr"><is><t>employee EMP-999999</t></is></c></row></sheetData></worksheet>"#;
    zip_of(&[
        ("[Content_Types].xml", CT),
        ("xl/workbook.xml", wb),
        ("xl/_rels/workbook.xml.rels", rels),
        ("xl/sharedStrings.xml", ss.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/worksheets/sheet2.xml", sheet2.as_bytes()),
    ])
}

pub fn pptx(slides: &[&str]) -> Vec<u8> {
    let xml: Vec<String> = slides
        .iter()
        .map(|s| format!("<p:sld xmlns:a=\"a\"><a:p><a:r><a:t>{s}</a:t></a:r></a:p></p:sld>"))
        .collect();
    let mut m: Vec<(String, Vec<u8>)> = vec![
        ("[Content_Types].xml".into(), CT.to_vec()),
        ("ppt/presentation.xml".into(), b"<p:presentation/>".to_vec()),
    ];
    for (i, x) in xml.iter().enumerate() {
        m.push((
            format!("ppt/slides/slide{}.xml", i + 1),
            x.as_bytes().to_vec(),
        ));
    }
    let refs: Vec<(&str, &[u8])> = m.iter().map(|(a, b)| (a.as_str(), b.as_slice())).collect();
    zip_of(&refs)
}

#[test]
fn refs() {
    assert_eq!(parse_ref("C5"), Some((5, 3)));
    assert_eq!(parse_ref("AA10"), Some((10, 27)));
    assert_eq!(col_letters(27), "AA");
    assert_eq!(col_letters(3), "C");
}

#[test]
fn docx_paragraphs_are_lines() {
    let h = Harness::new();
    let r = h.extract(
        "a.docx",
        &docx(&["Hello &amp; welcome", "second", AWS_LINE]),
    );
    let l = located(&r);
    assert_eq!(l.len(), 1);
    assert!(matches!(&l[0].1, Location::Text(lr, _) if lr.start == 3));
    assert!(r.mime_type.contains("wordprocessingml"));
}

#[test]
fn xlsx_cells_have_references_and_header_names() {
    let h = Harness::new();
    let x = xlsx(&[
        &["name", "employee_id", "notes"],
        &["Ann", "EMP-123456", "EMP-654321"],
        &["Bob", "EMP-000001", "42"],
    ]);
    let r = h.extract("book.xlsx", &x);
    let cells: Vec<(u64, u64, Option<String>, Option<String>)> = located(&r)
        .into_iter()
        .filter_map(|(_, l)| match l {
            Location::Cell(c) => Some((c.row, c.column, c.column_name, c.cell_reference)),
            _ => None,
        })
        .collect();
    assert_eq!(
        cells,
        vec![
            (2, 2, Some("employee_id".into()), Some("People!B2".into())),
            (3, 2, Some("employee_id".into()), Some("People!B3".into())),
            (5, 3, None, Some("Sheet2!C5".into())),
        ]
    );
}

#[test]
fn pptx_slides_are_pages() {
    let h = Harness::new();
    let r = h.extract("deck.pptx", &pptx(&["title", "x", AWS_LINE]));
    let l = located(&r);
    assert!(matches!(&l[0].1, Location::Page(p) if p.page_number == 3));
}

#[test]
fn ooxml_guards() {
    let h = Harness::new();
    let big = "a".repeat(4 << 20);
    let d = docx(&[&big]);
    let strict = Limits {
        max_ratio: 50,
        ..Limits::default()
    };
    let r = h.extract_limits("bomb.docx", &d, &strict);
    assert_eq!(
        r.reason.as_deref(),
        Some("OOXML_UNCOMPRESSED_RATIO_EXCEEDS_LIMIT")
    );
    let small = Limits {
        max_ooxml_bytes: 1 << 20,
        ..Limits::default()
    };
    let r = h.extract_limits("big.docx", &d, &small);
    assert_eq!(
        r.reason.as_deref(),
        Some("OOXML_UNCOMPRESSED_SIZE_EXCEEDS_LIMIT")
    );
}

#[test]
fn a_large_sheet_is_streamed_in_full() {
    let h = Harness::new();
    let ids: Vec<String> = (0..5000).map(|i| format!("EMP-{i:06}")).collect();
    let mut rows: Vec<Vec<&str>> = vec![vec!["n", "employee_id"]];
    for id in &ids {
        rows.push(vec!["x", id.as_str()]);
    }
    let refs: Vec<&[&str]> = rows.iter().map(|r| r.as_slice()).collect();
    let r = h.extract("big.xlsx", &xlsx(&refs));
    // every id in the keyword column, plus the one on Sheet2
    assert_eq!(r.counts.get("EmpId"), Some(&5001));
}
