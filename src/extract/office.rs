//! Office Open XML: DOCX text, XLSX cells, PPTX slides.
//!
//! In: an opened zip that holds `[Content_Types].xml` and a main part.
//! Out: DOCX — body, headers, footers, notes and comments as text
//! (`lineRanges`, a line per paragraph); XLSX — every cell as
//! `Cell { row, column, columnName, cellReference: "Sheet2!C5" }`, with row
//! 1's text as column names (and keywords) for the rows below; PPTX — each
//! slide's text as `Page { pageNumber: slide }`.
//! Why: the zip is checked first against Macie's OOXML guards — total
//! uncompressed size (`OOXML_UNCOMPRESSED_SIZE_EXCEEDS_LIMIT`) and ratio to
//! the compressed size (`OOXML_UNCOMPRESSED_RATIO_EXCEEDS_LIMIT`) — on the
//! declared sizes, and each part is read through `Limited` so a lying header
//! is caught too. XML is pulled with `quick-xml`; only text-bearing
//! elements are kept.

use super::batch::ValueBatch;
use super::limits::{Caps, Limited, RATIO_FLOOR};
use super::text::{scan_text_with, LineTracker};
use super::{Ctx, ExtractError, Names};
use crate::findings::model::{Cell, Location};
use quick_xml::events::Event;
use std::io::Read;
use std::sync::atomic::AtomicU64;
use std::sync::Arc;

type Zip<'b> = super::archive::Zip<'b>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Doc {
    Word,
    Excel,
    Slides,
}

fn doc_kind(zip: &Zip<'_>) -> Option<Doc> {
    zip.index_for_name("[Content_Types].xml")?;
    if zip.index_for_name("word/document.xml").is_some() {
        Some(Doc::Word)
    } else if zip.index_for_name("xl/workbook.xml").is_some() {
        Some(Doc::Excel)
    } else if zip.index_for_name("ppt/presentation.xml").is_some() {
        Some(Doc::Slides)
    } else {
        None
    }
}

/// Whether a zip is an Office Open XML document this module reads.
pub fn is_ooxml(zip: &Zip<'_>) -> bool {
    doc_kind(zip).is_some()
}

fn refuse(ctx: &mut Ctx<'_, '_, '_>, name: &str, reason: &str, detail: String) {
    if ctx.depth == 0 {
        ctx.out.skip(reason, detail);
    } else {
        ctx.skip_here(name, reason, detail);
    }
}

/// Extract an OOXML document.
pub fn scan(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    zip: &mut Zip<'_>,
) -> Result<(), ExtractError> {
    let Some(kind) = doc_kind(zip) else {
        return Ok(());
    };
    let (mut total, mut packed) = (0u64, 0u64);
    for i in 0..zip.len() {
        if let Ok(f) = zip.by_index_raw(i) {
            total = total.saturating_add(f.size());
            packed = packed.saturating_add(f.compressed_size());
        }
    }
    if total > ctx.limits.max_ooxml_bytes {
        let d = format!(
            "{total} bytes uncompressed (limit {})",
            ctx.limits.max_ooxml_bytes
        );
        refuse(
            ctx,
            names.display,
            "OOXML_UNCOMPRESSED_SIZE_EXCEEDS_LIMIT",
            d,
        );
        return Ok(());
    }
    if ctx.limits.max_ratio > 0
        && total > RATIO_FLOOR
        && total / packed.max(1) > ctx.limits.max_ratio
    {
        let d = format!(
            "{total} bytes from {packed} (ratio over {})",
            ctx.limits.max_ratio
        );
        refuse(
            ctx,
            names.display,
            "OOXML_UNCOMPRESSED_RATIO_EXCEEDS_LIMIT",
            d,
        );
        return Ok(());
    }
    if ctx.depth == 0 {
        ctx.out.mime_type = match kind {
            Doc::Word => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            Doc::Excel => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Doc::Slides => {
                "application/vnd.openxmlformats-officedocument.presentationml.presentation"
            }
        }
        .into();
    }
    let res = match kind {
        Doc::Word => word(ctx, zip),
        Doc::Excel => excel(ctx, zip),
        Doc::Slides => slides(ctx, zip),
    };
    if let Err(e) = res {
        ctx.skip_here(names.display, e.reason(), e.to_string());
    }
    Ok(())
}

/// Read one part through the limits.
fn part(
    ctx: &mut Ctx<'_, '_, '_>,
    zip: &mut Zip<'_>,
    name: &str,
) -> Result<Option<Vec<u8>>, ExtractError> {
    let mut f = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ExtractError::malformed("OOXML", format!("{name}: {e}"))),
    };
    let caps = Caps {
        member: ctx
            .limits
            .max_ooxml_bytes
            .min(f.size().saturating_mul(2) + 4096),
        member_reason: "OOXML_UNCOMPRESSED_SIZE_EXCEEDS_LIMIT",
        ratio: ctx.limits.max_ratio,
        ratio_reason: "OOXML_UNCOMPRESSED_RATIO_EXCEEDS_LIMIT",
        total_cap: ctx.limits.max_total_bytes,
    };
    let consumed = Some(Arc::new(AtomicU64::new(f.compressed_size())));
    let mut v = Vec::with_capacity(f.size().min(1 << 24) as usize);
    Limited::new(&mut f, consumed, ctx.budget, caps, name).read_to_end(&mut v)?;
    Ok(Some(v))
}

fn names_like(zip: &Zip<'_>, prefix: &str) -> Vec<(u64, String)> {
    let mut v: Vec<(u64, String)> = zip
        .file_names()
        .filter(|n| n.starts_with(prefix) && n.ends_with(".xml"))
        .map(|n| {
            let num: String = n[prefix.len()..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect();
            (num.parse().unwrap_or(0), n.to_string())
        })
        .collect();
    v.sort();
    v
}

/// Text of `t` elements, a newline after each `p`, tabs and breaks kept.
pub fn paragraphs(xml: &[u8], out: &mut Vec<u8>) {
    let mut r = quick_xml::Reader::from_reader(xml);
    r.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let mut in_t = false;
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => in_t = e.local_name().as_ref() == b"t",
            Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                b"tab" => out.push(b'\t'),
                b"br" | b"cr" => out.push(b'\n'),
                _ => {}
            },
            Ok(Event::End(e)) => {
                in_t = false;
                if e.local_name().as_ref() == b"p" {
                    out.push(b'\n');
                }
            }
            Ok(Event::Text(t)) if in_t => match t.unescape() {
                Ok(s) => out.extend_from_slice(s.as_bytes()),
                Err(_) => out.extend_from_slice(&t),
            },
            Ok(Event::CData(t)) if in_t => out.extend_from_slice(&t),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
}

fn word(ctx: &mut Ctx<'_, '_, '_>, zip: &mut Zip<'_>) -> Result<(), ExtractError> {
    let mut parts = vec!["word/document.xml".to_string()];
    for p in ["word/header", "word/footer"] {
        parts.extend(names_like(zip, p).into_iter().map(|x| x.1));
    }
    for p in [
        "word/footnotes.xml",
        "word/endnotes.xml",
        "word/comments.xml",
    ] {
        parts.push(p.into());
    }
    let mut text = Vec::new();
    for p in parts {
        if let Some(xml) = part(ctx, zip, &p)? {
            paragraphs(&xml, &mut text);
        }
    }
    scan_text_with(ctx, &text, LineTracker::default(), &mut Location::Text);
    Ok(())
}

fn slides(ctx: &mut Ctx<'_, '_, '_>, zip: &mut Zip<'_>) -> Result<(), ExtractError> {
    for (n, name) in names_like(zip, "ppt/slides/slide") {
        if let Some(xml) = part(ctx, zip, &name)? {
            let mut text = Vec::new();
            paragraphs(&xml, &mut text);
            super::pdf::scan_page(ctx, n, &text);
        }
    }
    Ok(())
}

fn attr(e: &quick_xml::events::BytesStart<'_>, local: &[u8]) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .map(|a| match a.unescape_value() {
            Ok(v) => v.into_owned(),
            Err(_) => String::from_utf8_lossy(&a.value).into_owned(),
        })
}

fn shared_strings(xml: &[u8]) -> Vec<String> {
    let mut r = quick_xml::Reader::from_reader(xml);
    r.config_mut().trim_text(false);
    let (mut buf, mut v, mut cur) = (Vec::new(), Vec::new(), String::new());
    let (mut in_t, mut in_ph) = (false, false);
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"t" => in_t = true,
                b"rPh" => in_ph = true,
                b"si" => cur.clear(),
                _ => {}
            },
            Ok(Event::Empty(e)) if e.local_name().as_ref() == b"si" => v.push(String::new()),
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"t" => in_t = false,
                b"rPh" => in_ph = false,
                b"si" => v.push(std::mem::take(&mut cur)),
                _ => {}
            },
            Ok(Event::Text(t)) if in_t && !in_ph => cur.push_str(
                &t.unescape()
                    .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned().into()),
            ),
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    v
}

/// `C5` → (row 5, column 3).
pub fn parse_ref(r: &str) -> Option<(u64, u32)> {
    let letters: String = r.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let col = letters.bytes().fold(0u32, |a, b| {
        a * 26 + (b.to_ascii_uppercase() - b'A' + 1) as u32
    });
    let row = r[letters.len()..].parse().ok()?;
    Some((row, col))
}

/// Column letters for a 1-based column.
pub fn col_letters(mut c: u32) -> String {
    let mut s = Vec::new();
    while c > 0 {
        let r = ((c - 1) % 26) as u8;
        s.push(b'A' + r);
        c = (c - 1) / 26;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

fn sheets(
    zip: &mut Zip<'_>,
    ctx: &mut Ctx<'_, '_, '_>,
) -> Result<Vec<(String, String)>, ExtractError> {
    let wb = part(ctx, zip, "xl/workbook.xml")?.unwrap_or_default();
    let rels = part(ctx, zip, "xl/_rels/workbook.xml.rels")?.unwrap_or_default();
    let mut targets = std::collections::HashMap::new();
    let mut r = quick_xml::Reader::from_reader(&rels[..]);
    let mut buf = Vec::new();
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e))
                if e.local_name().as_ref() == b"Relationship" =>
            {
                if let (Some(id), Some(t)) = (attr(&e, b"Id"), attr(&e, b"Target")) {
                    let path = match t.strip_prefix('/') {
                        Some(abs) => abs.to_string(),
                        None => format!("xl/{t}"),
                    };
                    targets.insert(id, path);
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    let mut out = Vec::new();
    let mut r = quick_xml::Reader::from_reader(&wb[..]);
    loop {
        match r.read_event_into(&mut buf) {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) if e.local_name().as_ref() == b"sheet" => {
                let name = attr(&e, b"name").unwrap_or_default();
                if let Some(t) = attr(&e, b"id").and_then(|id| targets.get(&id).cloned()) {
                    out.push((name, t));
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
}

fn excel(ctx: &mut Ctx<'_, '_, '_>, zip: &mut Zip<'_>) -> Result<(), ExtractError> {
    let shared = part(ctx, zip, "xl/sharedStrings.xml")?
        .map(|x| shared_strings(&x))
        .unwrap_or_default();
    for (sheet, path) in sheets(zip, ctx)? {
        // sheets can be large: streamed, not read whole
        with_part(ctx, zip, &path, |ctx, xml| {
            sheet_cells(ctx, &sheet, xml, &shared)
        })?;
    }
    Ok(())
}

/// Remembers the first read error (quick-xml reports I/O errors as its own,
/// and a tripped limit must not look like the end of the part).
struct ErrTap<R> {
    inner: R,
    err: Option<std::io::Error>,
}

impl<R: Read> Read for ErrTap<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.inner.read(buf) {
            Err(e) if e.kind() != std::io::ErrorKind::Interrupted => {
                let copy = match super::LimitHit::from_io(&e) {
                    Some(h) => h.clone().into_io(),
                    None => std::io::Error::new(e.kind(), e.to_string()),
                };
                self.err.get_or_insert(copy);
                Err(e)
            }
            r => r,
        }
    }
}

/// Stream one part through the limits into `f`.
fn with_part<T>(
    ctx: &mut Ctx<'_, '_, '_>,
    zip: &mut Zip<'_>,
    name: &str,
    f: impl FnOnce(&mut Ctx<'_, '_, '_>, &mut dyn std::io::BufRead) -> T,
) -> Result<Option<T>, ExtractError> {
    let mut zf = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(ExtractError::malformed("OOXML", format!("{name}: {e}"))),
    };
    let caps = Caps {
        member: ctx
            .limits
            .max_ooxml_bytes
            .min(zf.size().saturating_mul(2) + 4096),
        member_reason: "OOXML_UNCOMPRESSED_SIZE_EXCEEDS_LIMIT",
        ratio: ctx.limits.max_ratio,
        ratio_reason: "OOXML_UNCOMPRESSED_RATIO_EXCEEDS_LIMIT",
        total_cap: ctx.limits.max_total_bytes,
    };
    let consumed = Some(Arc::new(AtomicU64::new(zf.compressed_size())));
    let lim = Limited::new(&mut zf, consumed, ctx.budget, caps, name);
    let mut tap = ErrTap {
        inner: lim,
        err: None,
    };
    let out = {
        let mut br = std::io::BufReader::with_capacity(64 * 1024, &mut tap);
        f(ctx, &mut br)
    };
    match tap.err {
        Some(e) => Err(e.into()),
        None => Ok(Some(out)),
    }
}

fn sheet_cells(
    ctx: &mut Ctx<'_, '_, '_>,
    sheet: &str,
    xml: &mut dyn std::io::BufRead,
    shared: &[String],
) {
    let engine = ctx.scanner.engine();
    let mut batch = ValueBatch::<(u64, u32)>::new(ctx);
    let mut header: Vec<Option<String>> = Vec::new();
    let mut row1: Vec<(u32, String, bool)> = Vec::new();
    let mut sets: Vec<Option<u32>> = Vec::new();
    let mut decided = false;
    let mut r = quick_xml::Reader::from_reader(xml);
    r.config_mut().trim_text(false);
    let mut buf = Vec::new();
    let (mut cur_ref, mut cur_t, mut val) = (None::<(u64, u32)>, String::new(), String::new());
    let (mut in_v, mut in_t, mut next_col, mut cur_row) = (false, false, 1u32, 1u64);
    loop {
        let ev = r.read_event_into(&mut buf);
        match ev {
            Ok(Event::Start(e)) => match e.local_name().as_ref() {
                b"row" => {
                    cur_row = attr(&e, b"r")
                        .and_then(|x| x.parse().ok())
                        .unwrap_or(cur_row + 1);
                    next_col = 1;
                }
                b"c" => {
                    cur_ref = attr(&e, b"r")
                        .and_then(|x| parse_ref(&x))
                        .or(Some((cur_row, next_col)));
                    cur_t = attr(&e, b"t").unwrap_or_default();
                    val.clear();
                }
                b"v" => in_v = true,
                b"t" => in_t = true,
                _ => {}
            },
            Ok(Event::Text(t)) if in_v || in_t => val.push_str(
                &t.unescape()
                    .unwrap_or_else(|_| String::from_utf8_lossy(&t).into_owned().into()),
            ),
            Ok(Event::End(e)) => match e.local_name().as_ref() {
                b"v" => in_v = false,
                b"t" => in_t = false,
                b"c" => {
                    let Some((row, col)) = cur_ref.take() else {
                        continue;
                    };
                    next_col = col + 1;
                    let text = if cur_t == "s" {
                        val.trim()
                            .parse::<usize>()
                            .ok()
                            .and_then(|i| shared.get(i))
                            .cloned()
                            .unwrap_or_default()
                    } else {
                        std::mem::take(&mut val)
                    };
                    if text.is_empty() {
                        continue;
                    }
                    if row > 1 && !decided {
                        decided = true;
                        let textual = row1.iter().all(|(_, v, s)| {
                            *s && super::csv::is_header(
                                &csv::ByteRecord::from(vec![v.as_str()]),
                                None,
                            )
                        });
                        if textual {
                            for (c, v, _) in &row1 {
                                let c = *c as usize;
                                if header.len() < c {
                                    header.resize(c, None);
                                    sets.resize(c, None);
                                }
                                header[c - 1] = Some(v.clone());
                                sets[c - 1] = batch.context_set(engine.detectors_for_context(v));
                            }
                        }
                    }
                    if row == 1 {
                        row1.push((
                            col,
                            text.clone(),
                            matches!(cur_t.as_str(), "s" | "inlineStr" | "str"),
                        ));
                    }
                    let set = if row > 1 {
                        sets.get(col as usize - 1).copied().flatten()
                    } else {
                        None
                    };
                    let hdr = &header;
                    batch.push(ctx, text.as_bytes(), (row, col - 1), set, &mut |k, m| {
                        cell(sheet, hdr, k, m)
                    });
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
        buf.clear();
    }
    let hdr = &header;
    batch.flush(ctx, &mut |k, m| cell(sheet, hdr, k, m));
}

fn cell(
    sheet: &str,
    header: &[Option<String>],
    k: &(u64, u32),
    member: Option<String>,
) -> Location {
    let (row, col) = (k.0, k.1 + 1);
    Location::Cell(Cell {
        row,
        column: col as u64,
        column_name: if row > 1 {
            header.get(k.1 as usize).cloned().flatten()
        } else {
            None
        },
        cell_reference: Some(format!("{sheet}!{}{row}", col_letters(col))),
        member,
    })
}

#[cfg(test)]
#[path = "office_tests.rs"]
pub(crate) mod tests;
