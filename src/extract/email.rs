//! Email (`.eml`, RFC 5322 / MIME): headers and text parts scanned,
//! quoted-printable and base64 decoded, attachments extracted through the
//! dispatcher as members (`mail.eml!invoice.pdf`).
//!
//! In: the whole message. Out: detections as `lineRanges` (lines of the
//! source: a part's text is counted from the line its body starts on;
//! decoded text keeps its own line breaks), plus whatever each attachment's
//! extractor reports, with the member path set.
//! Why: MIME nesting is walked with an explicit stack (bounded), so a
//! hostile message cannot recurse without limit; each attachment is one
//! archive level deeper and counted as a member, so the archive limits apply
//! to mail too. Header blocks are scanned with RFC 2047 encoded words
//! decoded in place (names and addresses are there); HTML parts go through
//! the markup stripper.

use super::archive::{enter, Entered};
use super::limits::decode_all;
use super::sniff::{Encoding, Markup};
use super::text::{scan_text_with, LineTracker};
use super::{Ctx, ExtractError, Input, Names};
use crate::findings::model::Location;
use base64::Engine as _;

/// MIME nesting handled (multipart in multipart ...).
const MAX_MIME_DEPTH: u32 = 32;
/// MIME parts handled per message.
const MAX_PARTS: usize = 10_000;

struct Header {
    name: String,
    value: String,
}

/// Split at the first empty line: (header block end, body start).
fn split_headers(s: &[u8]) -> (usize, usize) {
    let mut i = 0;
    while i < s.len() {
        let e = memchr::memchr(b'\n', &s[i..])
            .map(|e| i + e)
            .unwrap_or(s.len());
        let line = &s[i..e];
        if line.is_empty() || line == b"\r" {
            return (i, (e + 1).min(s.len()));
        }
        i = e + 1;
    }
    (s.len(), s.len())
}

fn parse_headers(block: &[u8]) -> Vec<Header> {
    let mut out: Vec<Header> = Vec::new();
    for line in block.split(|&b| b == b'\n') {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.first().is_some_and(|c| *c == b' ' || *c == b'\t') {
            if let Some(h) = out.last_mut() {
                h.value.push(' ');
                h.value.push_str(String::from_utf8_lossy(line).trim());
            }
            continue;
        }
        if let Some(c) = line.iter().position(|&b| b == b':') {
            out.push(Header {
                name: String::from_utf8_lossy(&line[..c])
                    .trim()
                    .to_ascii_lowercase(),
                value: String::from_utf8_lossy(&line[c + 1..]).trim().to_string(),
            });
        }
    }
    out
}

fn header<'h>(hs: &'h [Header], name: &str) -> &'h str {
    hs.iter()
        .find(|h| h.name == name)
        .map(|h| h.value.as_str())
        .unwrap_or("")
}

/// `text/plain; charset="utf-8"` → ("text/plain", charset param ...).
fn param(value: &str, key: &str) -> Option<String> {
    value.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        if k.trim().eq_ignore_ascii_case(key) || k.trim().eq_ignore_ascii_case(&format!("{key}*")) {
            Some(v.trim().trim_matches('"').to_string())
        } else {
            None
        }
    })
}

/// Decode quoted-printable.
pub fn quoted_printable(s: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    let hex = |c: u8| (c as char).to_digit(16);
    while i < s.len() {
        if s[i] == b'=' {
            if s.get(i + 1) == Some(&b'\n') {
                i += 2;
                continue;
            }
            if s.get(i + 1) == Some(&b'\r') && s.get(i + 2) == Some(&b'\n') {
                i += 3;
                continue;
            }
            if let (Some(a), Some(b)) = (
                s.get(i + 1).and_then(|&c| hex(c)),
                s.get(i + 2).and_then(|&c| hex(c)),
            ) {
                out.push((a * 16 + b) as u8);
                i += 3;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out
}

fn base64_lenient(s: &[u8]) -> Option<Vec<u8>> {
    let clean: Vec<u8> = s
        .iter()
        .copied()
        .filter(|c| !c.is_ascii_whitespace())
        .collect();
    let cfg = base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true);
    base64::engine::GeneralPurpose::new(&base64::alphabet::STANDARD, cfg)
        .decode(clean)
        .ok()
}

/// Replace RFC 2047 encoded words (`=?utf-8?B?…?=`, `=?iso-8859-1?Q?…?=`)
/// by their text; everything else (and every newline) is kept as it is.
pub fn decode_words(s: &[u8]) -> std::borrow::Cow<'_, [u8]> {
    if memchr::memmem::find(s, b"=?").is_none() {
        return s.into();
    }
    let mut out = Vec::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if s[i..].starts_with(b"=?") {
            if let Some((text, used)) = encoded_word(&s[i..]) {
                out.extend_from_slice(&text);
                i += used;
                continue;
            }
        }
        out.push(s[i]);
        i += 1;
    }
    out.into()
}

/// One encoded word at the start of `s`: its text and its length.
fn encoded_word(s: &[u8]) -> Option<(Vec<u8>, usize)> {
    let rest = &s[2..];
    let q1 = memchr::memchr(b'?', rest)?;
    let q2 = q1 + 1 + memchr::memchr(b'?', &rest[q1 + 1..])?;
    let end = q2 + 1 + memchr::memmem::find(&rest[q2 + 1..], b"?=")?;
    if end > 1000 || rest[..end].contains(&b'\n') {
        return None;
    }
    let (cs, enc, data) = (&rest[..q1], &rest[q1 + 1..q2], &rest[q2 + 1..end]);
    let bytes = match enc {
        b"B" | b"b" => base64_lenient(data)?,
        b"Q" | b"q" => {
            let d: Vec<u8> = data
                .iter()
                .map(|&b| if b == b'_' { b' ' } else { b })
                .collect();
            quoted_printable(&d)
        }
        _ => return None,
    };
    let text = match encoding_rs::Encoding::for_label(cs) {
        Some(e) if e != encoding_rs::UTF_8 => e.decode(&bytes).0.into_owned().into_bytes(),
        _ => bytes,
    };
    Some((text, 2 + end + 2))
}

/// Line numbers of offsets, counted forward from the last one asked (parts
/// are visited in document order, so the whole message is counted once).
struct Lines {
    off: usize,
    line: u64,
}

impl Lines {
    fn at(&mut self, s: &[u8], off: usize) -> u64 {
        let off = off.min(s.len());
        if off < self.off {
            self.off = 0;
            self.line = 1;
        }
        self.line += memchr::memchr_iter(b'\n', &s[self.off..off]).count() as u64;
        self.off = off;
        self.line
    }
}

/// Body parts of a multipart body: (start, end) offsets relative to `body`.
fn multipart(body: &[u8], boundary: &str) -> Vec<(usize, usize)> {
    let delim = format!("--{boundary}");
    let d = delim.as_bytes();
    let mut starts = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr::memmem::find(&body[i..], d) {
        let at = i + p;
        if at == 0 || body[at - 1] == b'\n' {
            let closing = body[at + d.len()..].starts_with(b"--");
            let line_end = memchr::memchr(b'\n', &body[at..])
                .map(|e| at + e + 1)
                .unwrap_or(body.len());
            starts.push((at, line_end, closing));
            if closing {
                break;
            }
            i = line_end;
        } else {
            i = at + d.len();
        }
        if i >= body.len() {
            break;
        }
    }
    let mut parts = Vec::new();
    for w in starts.windows(2) {
        let (_, s, closing) = w[0];
        if closing {
            break;
        }
        let mut e = w[1].0;
        if e > s && body[e - 1] == b'\n' {
            e -= 1;
            if e > s && body[e - 1] == b'\r' {
                e -= 1;
            }
        }
        parts.push((s, e.max(s)));
    }
    // an unclosed multipart: the last part runs to the end
    if let Some(&(_, s, false)) = starts.last() {
        parts.push((s, body.len()));
    }
    parts
}

/// Scan an email message.
pub fn scan(
    ctx: &mut Ctx<'_, '_, '_>,
    names: Names<'_>,
    b: &[u8],
    enc: Encoding,
) -> Result<(), ExtractError> {
    let src = decode_all(b, enc);
    let src: &[u8] = &src;
    let prefix = names.prefix(ctx);
    let mut stack: Vec<(usize, usize, u32)> = vec![(0, src.len(), 0)];
    let mut attachments = 0u32;
    let mut lines = Lines { off: 0, line: 1 };
    let mut entities = 0usize;
    while let Some((start, end, depth)) = stack.pop() {
        entities += 1;
        if entities > MAX_PARTS {
            ctx.skip_here(
                names.display,
                "MALFORMED_FILE",
                format!("more than {MAX_PARTS} MIME parts; the rest is not analysed"),
            );
            break;
        }
        let ent = &src[start..end];
        let (hdr_end, body_off) = split_headers(ent);
        let line = lines.at(src, start);
        let hdr_text = decode_words(&ent[..hdr_end]);
        scan_text_with(
            ctx,
            &hdr_text,
            LineTracker::starting_at(line),
            &mut Location::Text,
        );
        let hs = parse_headers(&ent[..hdr_end]);
        let ct = header(&hs, "content-type").to_ascii_lowercase();
        let mime = ct.split(';').next().unwrap_or("").trim().to_string();
        let body = &ent[body_off..];
        let body_line = lines.at(src, start + body_off);
        if mime.starts_with("multipart/") && depth < MAX_MIME_DEPTH {
            if let Some(bd) = param(header(&hs, "content-type"), "boundary") {
                let parts = multipart(body, &bd);
                for (s, e) in parts.into_iter().rev() {
                    stack.push((start + body_off + s, start + body_off + e, depth + 1));
                }
                continue;
            }
        }
        let cte = header(&hs, "content-transfer-encoding").to_ascii_lowercase();
        let decoded: std::borrow::Cow<'_, [u8]> = match cte.trim() {
            "base64" => base64_lenient(body).map(Into::into).unwrap_or(body.into()),
            "quoted-printable" => quoted_printable(body).into(),
            _ => body.into(),
        };
        let disp = header(&hs, "content-disposition");
        let filename =
            param(disp, "filename").or_else(|| param(header(&hs, "content-type"), "name"));
        let is_text = mime.is_empty() || mime.starts_with("text/");
        if mime == "message/rfc822"
            && depth < MAX_MIME_DEPTH
            && filename.is_none()
            && cte.trim().is_empty()
        {
            stack.push((start + body_off, end, depth + 1));
            continue;
        }
        if filename.is_some() || disp.to_ascii_lowercase().starts_with("attachment") || !is_text {
            if decoded.is_empty() {
                continue;
            }
            attachments += 1;
            let fname = filename
                .map(|f| f.rsplit(['/', '\\']).next().unwrap_or("").to_string())
                .filter(|f| !f.is_empty())
                .unwrap_or_else(|| format!("part-{attachments}"));
            let path = format!("{prefix}!{fname}");
            if !enter(ctx, &path) {
                continue;
            }
            if !super::archive::count_member(ctx, &prefix) {
                break;
            }
            let res = Entered::run(
                ctx,
                Some(path.clone()),
                Names {
                    display: &path,
                    sniff: &fname,
                },
                Input::Bytes(&decoded),
            );
            if !res.report(ctx, &path, "attachment") {
                break;
            }
            continue;
        }
        let charset = param(header(&hs, "content-type"), "charset").unwrap_or_default();
        let text: std::borrow::Cow<'_, [u8]> =
            match encoding_rs::Encoding::for_label(charset.as_bytes()) {
                Some(e) if e != encoding_rs::UTF_8 && !cte.trim().is_empty() => {
                    e.decode(&decoded).0.into_owned().into_bytes().into()
                }
                _ => decoded,
            };
        let text: std::borrow::Cow<'_, [u8]> = if mime == "text/html" {
            let mut out = Vec::new();
            super::markup::strip(&text, Markup::Html, &mut out);
            out.into()
        } else {
            text
        };
        scan_text_with(
            ctx,
            &text,
            LineTracker::starting_at(body_line),
            &mut Location::Text,
        );
    }
    Ok(())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::extract::testutil::{located, Harness, AWS_LINE};

    pub fn message() -> String {
        let b64 = base64::engine::general_purpose::STANDARD.encode(format!("intro\n{AWS_LINE}\n"));
        let csv = base64::engine::general_purpose::STANDARD.encode("employee_id,x\nEMP-123456,1\n");
        format!(
            "From: a@example.com\r\nTo: b@example.com\r\nSubject: test\r\nMIME-Version: 1.0\r\n\
Content-Type: multipart/mixed; boundary=\"BOUND\"\r\n\r\npreamble\r\n--BOUND\r\n\
Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n\
employee =\r\nEMP-000777 is here\r\n--BOUND\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n{b64}\r\n\
--BOUND\r\nContent-Type: text/csv; name=\"staff.csv\"\r\nContent-Disposition: attachment; filename=\"staff.csv\"\r\n\
Content-Transfer-Encoding: base64\r\n\r\n{csv}\r\n--BOUND--\r\n"
        )
    }

    #[test]
    fn parts_decoded_and_attachments_are_members() {
        let h = Harness::new();
        let r = h.extract("mail.eml", message().as_bytes());
        let all = located(&r);
        // the From/To headers are email addresses, found as such
        assert_eq!(
            all.iter().filter(|(id, _)| id == "EMAIL_ADDRESS").count(),
            2,
            "{all:#?}"
        );
        let l: Vec<_> = all
            .into_iter()
            .filter(|(id, _)| id != "EMAIL_ADDRESS")
            .collect();
        assert_eq!(l.len(), 3, "{l:#?}");
        assert!(l.iter().any(|(id, loc)| id == "EmpId"
            && matches!(loc, Location::Text(lr, _) if lr.start == 12 && lr.member.is_none())));
        assert!(l.iter().any(|(id, _)| id == "AWS_CREDENTIALS"));
        assert!(l.iter().any(|(_, loc)| matches!(loc, Location::Cell(c)
            if c.member.as_deref() == Some("mail.eml!staff.csv") && c.column_name.as_deref() == Some("employee_id"))));
        assert_eq!(r.mime_type, "message/rfc822");
    }

    #[test]
    fn encoded_words_in_headers() {
        let b64 = base64::engine::general_purpose::STANDARD.encode(AWS_LINE);
        let hdr = format!("Subject: =?utf-8?B?{b64}?=\nX: =?iso-8859-1?Q?caf=E9_ok?= =?bad\n");
        let d = decode_words(hdr.as_bytes());
        let d = String::from_utf8_lossy(&d);
        assert!(d.contains(AWS_LINE));
        assert!(d.contains("café ok"));
        assert!(d.ends_with("=?bad\n"));
        let h = Harness::new();
        let r = h.extract(
            "m.eml",
            format!("From: a@b\nTo: c@d\n{hdr}\nbody\n").as_bytes(),
        );
        assert!(matches!(&located(&r)[0].1, Location::Text(l, _) if l.start == 3));
    }

    #[test]
    fn many_parts_are_linear_and_bounded() {
        let h = Harness::new();
        let mut m = String::from("Content-Type: multipart/mixed; boundary=B\n\n");
        for i in 0..20_000 {
            m.push_str(&format!("--B\nContent-Type: text/plain\n\npart {i}\n"));
        }
        m.push_str("--B--\n");
        let t = std::time::Instant::now();
        let r = h.extract("many.eml", m.as_bytes());
        assert_eq!(r.skipped_parts[0].reason, "MALFORMED_FILE");
        assert!(t.elapsed().as_secs() < 20);
    }

    #[test]
    fn qp_and_hostile_mime() {
        assert_eq!(quoted_printable(b"a=3Db=\r\nc=ZZ"), b"a=bc=ZZ");
        let h = Harness::new();
        let mut deep = String::from("Content-Type: multipart/mixed; boundary=b0\n\n");
        for i in 0..100 {
            deep.push_str(&format!(
                "--b{i}\nContent-Type: multipart/mixed; boundary=b{}\n\n",
                i + 1
            ));
        }
        deep.push_str(&format!("{AWS_LINE}\n"));
        let r = h.extract("deep.eml", deep.as_bytes());
        assert_eq!(located(&r).len(), 1);
    }
}
