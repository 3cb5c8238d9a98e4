//! Base64 decoding helpers for the credential validators: a streaming
//! standard/URL-safe decoder with stack buffers, whitespace trimming and a
//! printable-text byte test.

/// Streaming base64 decoder (standard or URL-safe alphabet, padding
/// optional). Feed characters with `push`; each completed byte is returned.
pub(super) struct B64 {
    acc: u32,
    bits: u32,
    pub(super) chars: usize,
    pub(super) pad: usize,
    pub(super) out: usize,
    url: bool,
    pub(super) bad: bool,
}

impl B64 {
    pub(super) fn new(url: bool) -> B64 {
        B64 {
            acc: 0,
            bits: 0,
            chars: 0,
            pad: 0,
            out: 0,
            url,
            bad: false,
        }
    }

    fn val(&self, c: u8) -> Option<u32> {
        Some(match c {
            b'A'..=b'Z' => (c - b'A') as u32,
            b'a'..=b'z' => (c - b'a') as u32 + 26,
            b'0'..=b'9' => (c - b'0') as u32 + 52,
            b'+' if !self.url => 62,
            b'/' if !self.url => 63,
            b'-' if self.url => 62,
            b'_' if self.url => 63,
            _ => return None,
        })
    }

    pub(super) fn push(&mut self, c: u8) -> Option<u8> {
        if self.bad {
            return None;
        }
        if c == b'=' {
            self.pad += 1;
            if self.pad > 2 {
                self.bad = true;
            }
            return None;
        }
        if self.pad > 0 {
            self.bad = true;
            return None;
        }
        let Some(v) = self.val(c) else {
            self.bad = true;
            return None;
        };
        self.chars += 1;
        self.acc = ((self.acc << 6) | v) & 0x3fff;
        self.bits += 6;
        if self.bits >= 8 {
            self.bits -= 8;
            self.out += 1;
            return Some(((self.acc >> self.bits) & 0xff) as u8);
        }
        None
    }

    /// The input so far is a complete, well-formed encoding.
    pub(super) fn ok(&self) -> bool {
        !self.bad
            && self.chars > 0
            && self.chars % 4 != 1
            && (self.pad == 0 || (self.chars + self.pad) % 4 == 0)
    }
}

/// Decode `src` into `out` (bytes beyond its capacity are counted, not
/// stored). Returns the decoded length, or `None` when `src` is not base64.
pub(super) fn b64_decode(src: &[u8], url: bool, out: &mut [u8]) -> Option<usize> {
    let mut d = B64::new(url);
    for &c in src {
        if let Some(b) = d.push(c) {
            if let Some(slot) = out.get_mut(d.out - 1) {
                *slot = b;
            }
        }
    }
    if d.ok() {
        Some(d.out)
    } else {
        None
    }
}

pub(super) fn trim_ws(mut b: &[u8]) -> &[u8] {
    while let [f, rest @ ..] = b {
        if f.is_ascii_whitespace() {
            b = rest;
        } else {
            break;
        }
    }
    while let [rest @ .., l] = b {
        if l.is_ascii_whitespace() {
            b = rest;
        } else {
            break;
        }
    }
    b
}

/// Text bytes: printable ASCII, tab/CR/LF, or UTF-8 high bytes.
pub(super) fn is_text_byte(b: u8) -> bool {
    (b >= 0x20 && b != 0x7f) || b == b'\t' || b == b'\n' || b == b'\r'
}
