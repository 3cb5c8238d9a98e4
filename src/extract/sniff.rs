//! Format sniffing: magic bytes first, then the extension, then a text/binary
//! test on the first bytes. Decides which extractor gets an input.

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

/// What an input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Plain text in an encoding.
    Text(Encoding),
    /// A binary format no extractor handles (the name says which).
    Unsupported(&'static str),
}

const MAGIC: &[(&[u8], &str)] = &[
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "zip archive"),
    (b"PK\x05\x06", "zip archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"BZh", "bzip2 data"),
    (b"\x28\xb5\x2f\xfd", "zstd data"),
    (b"PAR1", "Parquet file"),
    (b"Obj\x01", "Avro container"),
    (b"\x89PNG", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"\x7fELF", "ELF executable"),
    (b"MZ", "Windows executable"),
    (b"\xd0\xcf\x11\xe0", "OLE2 document (legacy Office)"),
    (b"SQLite format 3\0", "SQLite database"),
    (b"\xfd7zXZ\0", "xz data"),
    (b"7z\xbc\xaf", "7-zip archive"),
    (b"Rar!", "RAR archive"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"RIFF", "RIFF media"),
];

/// Decide the kind of an input from its first bytes and its name.
pub fn sniff(head: &[u8], _name: &str) -> Kind {
    if head.starts_with(&[0xFF, 0xFE]) {
        return Kind::Text(Encoding::Utf16Le);
    }
    if head.starts_with(&[0xFE, 0xFF]) {
        return Kind::Text(Encoding::Utf16Be);
    }
    if head.starts_with(&[0xEF, 0xBB, 0xBF]) {
        return Kind::Text(Encoding::Utf8);
    }
    for (m, what) in MAGIC {
        if head.starts_with(m) {
            // `MZ` and `RIFF` are short: only trust them with binary content.
            if (*m == b"MZ" || *m == b"ID3") && !has_nul(head) {
                break;
            }
            return Kind::Unsupported(what);
        }
    }
    if head.len() >= 262 && &head[257..262] == b"ustar" {
        return Kind::Unsupported("tar archive");
    }
    if has_nul(head) {
        return Kind::Unsupported("binary data");
    }
    match std::str::from_utf8(head) {
        Ok(_) => Kind::Text(Encoding::Utf8),
        // a multi-byte character cut at the end of the sniffed window is fine
        Err(e) if e.error_len().is_none() => Kind::Text(Encoding::Utf8),
        Err(_) => {
            let bad = head.iter().filter(|&&b| b >= 0x80).count();
            if std::str::from_utf8(&head[..head.len().min(2048)]).is_err() && bad * 4 > head.len() {
                Kind::Unsupported("binary data")
            } else {
                Kind::Text(Encoding::Latin1)
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
}
