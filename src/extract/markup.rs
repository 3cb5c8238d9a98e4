//! HTML and XML: text content and attribute values, tags stripped and
//! entities decoded, located by line of the original.
//!
//! In: markup bytes (any encoding). Out: detections as `lineRanges` whose
//! line numbers are the source's (offsets refer to the extracted text).
//! Why: a hand-written, forgiving scanner instead of an XML parser — HTML is
//! rarely well-formed, and a parser that stops at the first error would stop
//! the scan. Every tag becomes a space (so words never run together) and
//! keeps its newlines (so lines stay true). Comments, CDATA and `<script>`
//! bodies are kept: secrets live there. Attribute values are kept (`value=`,
//! `content=`, `href=`), attribute names and, in XML, element names too, so
//! `<ssn>…</ssn>` or `name="ssn" value="…"` put the keyword next to the
//! value as in the source.

use super::limits::decode_all;
use super::sniff::{Encoding, Markup};
use super::text::{scan_text_with, LineTracker};
use super::{Ctx, ExtractError};
use crate::findings::model::Location;

/// Scan markup.
pub fn scan(
    ctx: &mut Ctx<'_, '_, '_>,
    b: &[u8],
    enc: Encoding,
    m: Markup,
) -> Result<(), ExtractError> {
    let src = decode_all(b, enc);
    let mut out = Vec::with_capacity(src.len());
    strip(&src, m, &mut out);
    scan_text_with(ctx, &out, LineTracker::default(), &mut Location::Text);
    Ok(())
}

fn entity(s: &[u8]) -> Option<(char, usize)> {
    // s starts after '&'
    let end = s.iter().take(12).position(|&c| c == b';')?;
    let name = &s[..end];
    let ch = if let Some(num) = name.strip_prefix(b"#") {
        let (digits, radix) = match num.first() {
            Some(b'x') | Some(b'X') => (&num[1..], 16),
            _ => (num, 10),
        };
        let d = std::str::from_utf8(digits).ok()?;
        char::from_u32(u32::from_str_radix(d, radix).ok()?).unwrap_or('\u{FFFD}')
    } else {
        match name {
            b"amp" => '&',
            b"lt" => '<',
            b"gt" => '>',
            b"quot" => '"',
            b"apos" => '\'',
            b"nbsp" | b"ensp" | b"emsp" | b"thinsp" => ' ',
            b"copy" => '©',
            b"reg" => '®',
            b"ndash" => '–',
            b"mdash" => '—',
            b"hellip" => '…',
            _ => return None,
        }
    };
    Some((ch, end + 1))
}

/// Append `s` decoding entities.
fn decoded(s: &[u8], out: &mut Vec<u8>) {
    let mut i = 0;
    while i < s.len() {
        if s[i] == b'&' {
            if let Some((ch, n)) = entity(&s[i + 1..]) {
                let mut tmp = [0u8; 4];
                out.extend_from_slice(ch.encode_utf8(&mut tmp).as_bytes());
                i += 1 + n;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
}

fn newlines(s: &[u8], out: &mut Vec<u8>) {
    out.extend(s.iter().filter(|&&c| c == b'\n'));
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(hay, needle)
}

/// Strip tags from `s` into `out` (see the module doc).
pub fn strip(s: &[u8], m: Markup, out: &mut Vec<u8>) {
    let mut i = 0;
    let mut text_start = 0;
    while i < s.len() {
        let Some(lt) = memchr::memchr(b'<', &s[i..]) else {
            break;
        };
        let at = i + lt;
        let rest = &s[at..];
        let next = rest.get(1).copied().unwrap_or(0);
        if !(next.is_ascii_alphabetic() || next == b'/' || next == b'!' || next == b'?') {
            i = at + 1;
            continue;
        }
        decoded(&s[text_start..at], out);
        out.push(b' ');
        let (content, end): (Option<&[u8]>, usize) = if rest.starts_with(b"<!--") {
            match find(&rest[4..], b"-->") {
                Some(e) => (Some(&rest[4..4 + e]), 4 + e + 3),
                None => (Some(&rest[4..]), rest.len()),
            }
        } else if rest.starts_with(b"<![CDATA[") {
            match find(&rest[9..], b"]]>") {
                Some(e) => (Some(&rest[9..9 + e]), 9 + e + 3),
                None => (Some(&rest[9..]), rest.len()),
            }
        } else if next == b'!' || next == b'?' {
            let e = memchr::memchr(b'>', rest)
                .map(|e| e + 1)
                .unwrap_or(rest.len());
            newlines(&rest[..e], out);
            (None, e)
        } else {
            let e = tag(rest, m, out);
            (None, e)
        };
        if let Some(c) = content {
            out.extend_from_slice(c);
            newlines(&rest[c.len()..end.min(rest.len())], out);
        }
        out.push(b' ');
        i = at + end.max(1);
        text_start = i;
    }
    decoded(&s[text_start.min(s.len())..], out);
}

/// One tag at the start of `t`: emit element name (XML), attribute names and
/// values, and its newlines; return its length.
fn tag(t: &[u8], m: Markup, out: &mut Vec<u8>) -> usize {
    let mut i = 1;
    if t.get(1) == Some(&b'/') {
        i = 2;
    }
    let name_start = i;
    while i < t.len() && !t[i].is_ascii_whitespace() && t[i] != b'>' && t[i] != b'/' {
        i += 1;
    }
    if m == Markup::Xml && name_start == 1 {
        out.extend_from_slice(&t[name_start..i]);
        out.push(b' ');
    }
    loop {
        while i < t.len() && (t[i].is_ascii_whitespace() || t[i] == b'/') {
            if t[i] == b'\n' {
                out.push(b'\n');
            }
            i += 1;
        }
        if i >= t.len() {
            return t.len();
        }
        if t[i] == b'>' {
            return i + 1;
        }
        let ns = i;
        while i < t.len() && !t[i].is_ascii_whitespace() && !b"=>/".contains(&t[i]) {
            i += 1;
        }
        let name = &t[ns..i];
        let skip_name = name.eq_ignore_ascii_case(b"class") || name.eq_ignore_ascii_case(b"style");
        if !skip_name {
            out.extend_from_slice(name);
            out.push(b' ');
        }
        while i < t.len() && t[i].is_ascii_whitespace() && t[i] != b'\n' {
            i += 1;
        }
        if t.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < t.len() && t[i].is_ascii_whitespace() {
            if t[i] == b'\n' {
                out.push(b'\n');
            }
            i += 1;
        }
        let (vs, ve, after) = match t.get(i) {
            Some(&q) if q == b'"' || q == b'\'' => {
                let e = memchr::memchr(q, &t[i + 1..])
                    .map(|e| i + 1 + e)
                    .unwrap_or(t.len());
                (i + 1, e, (e + 1).min(t.len()))
            }
            _ => {
                let mut e = i;
                while e < t.len() && !t[e].is_ascii_whitespace() && t[e] != b'>' {
                    e += 1;
                }
                (i, e, e)
            }
        };
        if skip_name {
            newlines(&t[vs..ve], out);
        } else {
            decoded(&t[vs..ve], out);
            out.push(b' ');
        }
        i = after;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testutil::{located, Harness, AWS_LINE, AWS_SECRET};

    fn text(s: &str, m: Markup) -> String {
        let mut o = Vec::new();
        strip(s.as_bytes(), m, &mut o);
        String::from_utf8(o).unwrap()
    }

    #[test]
    fn stripping_keeps_lines_text_and_values() {
        let t = text(
            "<p class=\"x\">Tom &amp; Jerry</p>\n<input name=\"ssn\"\n value='1&#50;3'><!-- note -->a < b",
            Markup::Html,
        );
        assert_eq!(t.matches('\n').count(), 2);
        assert!(t.contains("Tom & Jerry"));
        assert!(t.contains("ssn"));
        assert!(t.contains("123"));
        assert!(t.contains("note"));
        assert!(t.contains("a < b"));
        assert!(!t.contains("class"));
        let x = text("<r><ssn>1</ssn><![CDATA[<raw>]]></r>", Markup::Xml);
        let x = x.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(x.contains("ssn 1"));
        assert!(x.contains("<raw>"));
    }

    #[test]
    fn html_and_xml_are_located_by_source_line() {
        let h = Harness::new();
        let html = format!(
            "<!DOCTYPE html>\n<html><body>\n<p>hi</p>\n<div data-x=\"1\">{}</div>\n<input name=\"aws_secret_access_key\" value=\"{AWS_SECRET}\">\n</body></html>",
            AWS_LINE.replace('=', "&#61;")
        );
        let r = h.extract("page.html", html.as_bytes());
        let lines: Vec<u64> = located(&r)
            .iter()
            .map(|(_, l)| match l {
                Location::Text(l, _) => l.start,
                _ => 0,
            })
            .collect();
        assert_eq!(lines, vec![4, 5]);
        let xml =
            "<?xml version=\"1.0\"?>\n<staff>\n  <employee_id>EMP-123456</employee_id>\n</staff>";
        let r = h.extract("staff.xml", xml.as_bytes());
        let l = located(&r);
        assert!(matches!(&l[0].1, Location::Text(lr, _) if lr.start == 3));
    }

    #[test]
    fn hostile_markup_does_not_derail() {
        let h = Harness::new();
        for bad in [
            "<",
            "<a href='",
            "<!--",
            "<![CDATA[",
            "&#xFFFFFFFF;",
            "<a b=>",
            "</",
            "<?",
        ] {
            let s = format!("{AWS_LINE}\n{bad}");
            assert_eq!(
                located(&h.extract("x.html", s.as_bytes())).len(),
                1,
                "{bad}"
            );
        }
    }
}
