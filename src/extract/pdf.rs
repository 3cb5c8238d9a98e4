//! PDF: text per page, located as `pages` (page number plus the line within
//! the page's text).
//!
//! In: the whole PDF (its cross-reference table is at the end). Out:
//! detections at `Page { pageNumber, lineRange }`; a PDF that cannot be
//! parsed is `UNABLE_TO_PARSE_FILE` (the object fails, or a member is
//! skipped inside an archive), never a crash.
//! Why: `pdf-extract` does the text layout; it can panic on hostile input,
//! so the call runs under `catch_unwind` here rather than relying on the
//! pipeline's catch-all, which would lose the object's other results. No
//! OCR: scanned images yield no text, as in Macie. Encrypted PDFs with an
//! empty user password are read; others fail to parse.

use super::text::{scan_text_with, LineTracker};
use super::{Ctx, ExtractError, Names};
use crate::findings::model::{Location, Page};

/// Scan one page's (or slide's) text, located as that page.
pub fn scan_page(ctx: &mut Ctx<'_, '_, '_>, page: u64, text: &[u8]) {
    scan_text_with(ctx, text, LineTracker::default(), &mut |l, _| {
        let member = l.member.clone();
        Location::Page(Page {
            page_number: page,
            line_range: Some(l),
            member,
        })
    });
}

/// Extract a PDF's text page by page and scan it.
pub fn scan(ctx: &mut Ctx<'_, '_, '_>, names: Names<'_>, b: &[u8]) -> Result<(), ExtractError> {
    let res = std::panic::catch_unwind(|| pdf_extract::extract_text_from_mem_by_pages(b));
    let pages = match res {
        Ok(Ok(p)) => p,
        Ok(Err(e)) => {
            super::unparseable(
                ctx,
                names.display,
                "UNABLE_TO_PARSE_FILE",
                format!("PDF: {e}"),
            );
            return Ok(());
        }
        Err(_) => {
            super::unparseable(
                ctx,
                names.display,
                "UNABLE_TO_PARSE_FILE",
                "PDF: the parser gave up on this file (internal panic)",
            );
            return Ok(());
        }
    };
    for (i, text) in pages.iter().enumerate() {
        scan_page(ctx, i as u64 + 1, text.as_bytes());
    }
    Ok(())
}

/// A minimal valid PDF with one page of Helvetica text per entry of
/// `pages` (for tests and benchmarks; text must not contain `(`, `)`, `\`).
pub fn minimal_pdf(pages: &[&str]) -> Vec<u8> {
    let n = pages.len();
    let mut objs: Vec<String> = Vec::new();
    objs.push("<< /Type /Catalog /Pages 2 0 R >>".into());
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 4 + 2 * i)).collect();
    objs.push(format!(
        "<< /Type /Pages /Kids [{}] /Count {n} >>",
        kids.join(" ")
    ));
    objs.push(
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>".into(),
    );
    for (i, text) in pages.iter().enumerate() {
        objs.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents {} 0 R >>",
            5 + 2 * i
        ));
        let mut content = String::from("BT /F1 10 Tf 40 750 Td 12 TL\n");
        for line in text.lines() {
            content.push_str(&format!("({line}) Tj T*\n"));
        }
        content.push_str("ET");
        objs.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objs.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{o}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objs.len() + 1).as_bytes());
    for off in offsets {
        out.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objs.len() + 1
        )
        .as_bytes(),
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testutil::{located, Harness, AWS_LINE};

    #[test]
    fn pages_are_located_by_number() {
        let h = Harness::new();
        let pdf = minimal_pdf(&[
            "nothing here",
            &format!("intro\n{AWS_LINE}"),
            "employee EMP-123456",
        ]);
        let r = h.extract("doc.pdf", &pdf);
        let pages: Vec<(String, u64)> = located(&r)
            .into_iter()
            .filter_map(|(id, l)| match l {
                Location::Page(p) => Some((id, p.page_number)),
                _ => None,
            })
            .collect();
        assert_eq!(
            pages,
            vec![("AWS_CREDENTIALS".into(), 2), ("EmpId".into(), 3)]
        );
        assert_eq!(r.mime_type, "application/pdf");
    }

    #[test]
    fn broken_pdfs_fail_cleanly() {
        let h = Harness::new();
        let pdf = minimal_pdf(&["hello"]);
        for bad in [
            &pdf[..pdf.len() / 2],
            b"%PDF-1.7\n1 0 obj << >> trailer",
            &pdf[..20],
        ] {
            let r = h.extract("bad.pdf", bad);
            assert_eq!(r.reason.as_deref(), Some("UNABLE_TO_PARSE_FILE"), "{r:?}");
        }
    }
}
