//! Format sniffing: magic bytes first, then the extension, then a text/binary
//! test on the first bytes. Decides which extractor gets an input.
//!
//! In: the first `SNIFF_LEN` bytes and the input's name. Out: a `Kind`.
//! Why: content beats names (a `.txt` that is really gzip is decompressed, a
//! `.csv` that is really a zip is opened), but names refine text (CSV vs
//! JSON vs HTML are all just text to a magic-byte test).

/// Bytes looked at.
pub const SNIFF_LEN: usize = 8192;

/// Text encodings handled.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (or ASCII); invalid bytes are scanned as they are.
    Utf8,
    /// UTF-16 little endian, with BOM.
    Utf16Le,
    /// UTF-16 big endian, with BOM.
    Utf16Be,
    /// Not UTF-8: decoded as Windows-1252 (a superset of Latin-1).
    Latin1,
}

/// Markup dialect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Markup {
    /// HTML (lenient: unclosed tags, `<script>`/`<style>` bodies skipped).
    Html,
    /// XML (and XHTML, SVG).
    Xml,
}

/// What an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text in an encoding.
    Text(Encoding),
    /// Delimited text (CSV, TSV, ...).
    Delimited(Encoding),
    /// JSON or JSON Lines (one extractor: a stream of top-level values).
    Json(Encoding),
    /// HTML or XML.
    Markup(Encoding, Markup),
    /// An RFC 5322 message (`.eml`).
    Email(Encoding),
    /// PDF document.
    Pdf,
    /// Zip archive (Office Open XML documents are recognised inside).
    Zip,
    /// gzip stream.
    Gzip,
    /// bzip2 stream.
    Bzip2,
    /// zstd stream.
    Zstd,
    /// tar archive.
    Tar,
    /// Apache Parquet.
    Parquet,
    /// Avro object container file.
    Avro,
    /// A binary format no extractor handles (the name says which).
    Unsupported(&'static str),
}

impl Kind {
    /// MIME type reported for an object of this kind.
    pub fn mime(&self) -> &'static str {
        match self {
            Kind::Text(_) => "text/plain",
            Kind::Delimited(_) => "text/csv",
            Kind::Json(_) => "application/json",
            Kind::Markup(_, Markup::Html) => "text/html",
            Kind::Markup(_, Markup::Xml) => "application/xml",
            Kind::Email(_) => "message/rfc822",
            Kind::Pdf => "application/pdf",
            Kind::Zip => "application/zip",
            Kind::Gzip => "application/gzip",
            Kind::Bzip2 => "application/x-bzip2",
            Kind::Zstd => "application/zstd",
            Kind::Tar => "application/x-tar",
            Kind::Parquet => "application/vnd.apache.parquet",
            Kind::Avro => "application/avro",
            Kind::Unsupported(_) => "application/octet-stream",
        }
    }
}

const MAGIC: &[(&[u8], Kind)] = &[
    (b"%PDF-", Kind::Pdf),
    (b"PK\x03\x04", Kind::Zip),
    (b"PK\x05\x06", Kind::Zip),
    (b"\x1f\x8b", Kind::Gzip),
    (b"BZh", Kind::Bzip2),
    (b"\x28\xb5\x2f\xfd", Kind::Zstd),
    (b"PAR1", Kind::Parquet),
    (b"Obj\x01", Kind::Avro),
    (b"\x89PNG", Kind::Unsupported("PNG image")),
    (b"\xff\xd8\xff", Kind::Unsupported("JPEG image")),
    (b"GIF8", Kind::Unsupported("GIF image")),
    (b"\x7fELF", Kind::Unsupported("ELF executable")),
    (b"MZ", Kind::Unsupported("Windows executable")),
    (
        b"\xd0\xcf\x11\xe0",
        Kind::Unsupported("OLE2 document (legacy Office)"),
    ),
    (b"SQLite format 3\0", Kind::Unsupported("SQLite database")),
    (b"\xfd7zXZ\0", Kind::Unsupported("xz data")),
    (b"7z\xbc\xaf", Kind::Unsupported("7-zip archive")),
    (b"Rar!", Kind::Unsupported("RAR archive")),
    (b"OggS", Kind::Unsupported("Ogg media")),
    (b"ID3", Kind::Unsupported("MP3 audio")),
    (b"RIFF", Kind::Unsupported("RIFF media")),
];

/// Lower-cased extension of the last path element (after any `!` member
/// separator), e.g. `a.zip!x/b.CSV` → `csv`.
pub fn extension(name: &str) -> String {
    let last = name.rsplit(['!', '/', '\\']).next().unwrap_or(name);
    match last.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => ext.to_ascii_lowercase(),
        _ => String::new(),
    }
}

/// Decide the kind of an input from its first bytes and its name.
pub fn sniff(head: &[u8], name: &str) -> Kind {
    let ext = extension(name);
    let enc = if head.starts_with(&[0xFF, 0xFE]) {
        Some(Encoding::Utf16Le)
    } else if head.starts_with(&[0xFE, 0xFF]) {
        Some(Encoding::Utf16Be)
    } else if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        Some(Encoding::Utf8)
    } else {
        None
    };
    let enc = match enc {
        Some(e) => e,
        None => {
            for (m, kind) in MAGIC {
                if head.starts_with(m) {
                    // `MZ` and `ID3` are short: only trust them with binary content.
                    if (*m == b"MZ" || *m == b"ID3") && !has_nul(head) {
                        break;
                    }
                    return *kind;
                }
            }
            if head.len() >= 262 && &head[257..262] == b"ustar" {
                return Kind::Tar;
            }
            if ext == "tar" && head.len() >= 512 && tar_checksum_ok(head) {
                return Kind::Tar;
            }
            match text_encoding(head) {
                Some(e) => e,
                None => return Kind::Unsupported("binary data"),
            }
        }
    };
    refine_text(head, &ext, enc)
}

fn refine_text(head: &[u8], ext: &str, enc: Encoding) -> Kind {
    match ext {
        "csv" | "tsv" | "tab" | "psv" => return Kind::Delimited(enc),
        "json" | "jsonl" | "ndjson" | "geojson" => return Kind::Json(enc),
        "html" | "htm" | "xhtml" => return Kind::Markup(enc, Markup::Html),
        "xml" | "svg" | "xsd" | "wsdl" | "plist" | "rss" | "atom" => {
            return Kind::Markup(enc, Markup::Xml)
        }
        "eml" => return Kind::Email(enc),
        _ => {}
    }
    // Only UTF-8 content is sniffed further (a UTF-16 file is rare enough
    // that its extension decides).
    if enc != Encoding::Utf8 && enc != Encoding::Latin1 {
        return Kind::Text(enc);
    }
    let body = head.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(head);
    let t = trim_start(body);
    let lower: Vec<u8> = t.iter().take(64).map(|b| b.to_ascii_lowercase()).collect();
    if lower.starts_with(b"<!doctype html") || lower.starts_with(b"<html") {
        return Kind::Markup(enc, Markup::Html);
    }
    if lower.starts_with(b"<?xml") {
        return Kind::Markup(enc, Markup::Xml);
    }
    if looks_like_email(body) {
        return Kind::Email(enc);
    }
    if matches!(ext, "" | "txt" | "log" | "dat" | "out")
        && (t.starts_with(b"{\"") || t.starts_with(b"[{"))
    {
        return Kind::Json(enc);
    }
    Kind::Text(enc)
}

fn trim_start(b: &[u8]) -> &[u8] {
    let n = b.iter().take_while(|c| c.is_ascii_whitespace()).count();
    &b[n..]
}

/// An email starts with a block of RFC 5322 header lines, among which at
/// least two of the headers every delivered message carries.
fn looks_like_email(head: &[u8]) -> bool {
    const KNOWN: &[&[u8]] = &[
        b"received:",
        b"return-path:",
        b"mime-version:",
        b"message-id:",
        b"from:",
        b"to:",
        b"subject:",
        b"date:",
        b"delivered-to:",
    ];
    let mut known = 0;
    for line in head.split(|&b| b == b'\n').take(40) {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            continue;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return false;
        };
        let name = &line[..=colon];
        if name.iter().any(|b| b.is_ascii_whitespace()) {
            return false;
        }
        let lower: Vec<u8> = name.iter().map(|b| b.to_ascii_lowercase()).collect();
        if KNOWN.contains(&lower.as_slice()) {
            known += 1;
        }
    }
    known >= 3
}

fn tar_checksum_ok(h: &[u8]) -> bool {
    let field = &h[148..156];
    let s: String = field
        .iter()
        .take_while(|&&b| b != 0 && b != b' ')
        .map(|&b| b as char)
        .collect();
    let Ok(want) = u32::from_str_radix(s.trim(), 8) else {
        return false;
    };
    let sum: u32 = h[..512]
        .iter()
        .enumerate()
        .map(|(i, &b)| {
            if (148..156).contains(&i) {
                32
            } else {
                b as u32
            }
        })
        .sum();
    sum == want
}

/// The encoding of text content, or `None` for binary.
fn text_encoding(head: &[u8]) -> Option<Encoding> {
    if has_nul(head) {
        return None;
    }
    match std::str::from_utf8(head) {
        Ok(_) => Some(Encoding::Utf8),
        // a multi-byte character cut at the end of the sniffed window is fine
        Err(e) if e.error_len().is_none() => Some(Encoding::Utf8),
        Err(_) => {
            let bad = head.iter().filter(|&&b| b >= 0x80).count();
            if std::str::from_utf8(&head[..head.len().min(2048)]).is_err() && bad * 4 > head.len() {
                None
            } else {
                Some(Encoding::Latin1)
            }
        }
    }
}

fn has_nul(head: &[u8]) -> bool {
    memchr::memchr(0, head).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds() {
        assert_eq!(sniff(b"hello world\n", "a.txt"), Kind::Text(Encoding::Utf8));
        assert_eq!(
            sniff("héllo".as_bytes(), "a.txt"),
            Kind::Text(Encoding::Utf8)
        );
        assert_eq!(
            sniff(b"h\xe9llo caf\xe9", "a.txt"),
            Kind::Text(Encoding::Latin1)
        );
        assert_eq!(
            sniff(b"\xff\xfeh\0i\0", "a.txt"),
            Kind::Text(Encoding::Utf16Le)
        );
        assert_eq!(
            sniff(b"\x89PNG\r\n\x1a\n\0\0", "a.png"),
            Kind::Unsupported("PNG image")
        );
        assert_eq!(sniff(b"abc\0def", "x"), Kind::Unsupported("binary data"));
        assert_eq!(
            sniff(b"MZ is a fine start for text", "x"),
            Kind::Text(Encoding::Utf8)
        );
    }

    #[test]
    fn formats_by_content_then_name() {
        let cases: &[(&[u8], &str, Kind)] = &[
            (b"a,b\n1,2\n", "x.csv", Kind::Delimited(Encoding::Utf8)),
            (b"a\tb\n", "x.TSV", Kind::Delimited(Encoding::Utf8)),
            (b"{\"a\":1}", "x.json", Kind::Json(Encoding::Utf8)),
            (b"{\"a\":1}\n{\"a\":2}", "x", Kind::Json(Encoding::Utf8)),
            (b"\x1f\x8b\x08\0", "x.csv", Kind::Gzip),
            (b"PK\x03\x04", "x.docx", Kind::Zip),
            (b"%PDF-1.7", "x", Kind::Pdf),
            (b"PAR1\0\0", "x", Kind::Parquet),
            (b"Obj\x01", "x", Kind::Avro),
            (b"BZh91AY", "x", Kind::Bzip2),
            (b"\x28\xb5\x2f\xfd", "x", Kind::Zstd),
            (
                b"<!DOCTYPE html><p>x",
                "page",
                Kind::Markup(Encoding::Utf8, Markup::Html),
            ),
            (
                b"<?xml version=\"1.0\"?><a/>",
                "x",
                Kind::Markup(Encoding::Utf8, Markup::Xml),
            ),
            (
                b"From: a@b\r\nTo: c@d\r\nSubject: hi\r\n\r\nbody",
                "msg",
                Kind::Email(Encoding::Utf8),
            ),
            (
                b"From here on\nit is prose",
                "x",
                Kind::Text(Encoding::Utf8),
            ),
        ];
        for (head, name, want) in cases {
            assert_eq!(sniff(head, name), *want, "{name}");
        }
        assert_eq!(extension("a.zip!dir/b.CSV"), "csv");
        assert_eq!(extension(".bashrc"), "");
    }
}
