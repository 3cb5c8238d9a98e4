//! Validators for credentials: entropy and character-class floors for tokens
//! without a checksum, the CRC32 checksum of GitHub and npm tokens, JWT
//! structure (base64url JSON header with `alg`, JSON payload), HTTP Basic
//! credentials that decode to `user:password`, private-key blocks whose body
//! decodes to the right structure (DER `SEQUENCE` with a consistent length,
//! the `openssh-key-v1` magic, an OpenPGP secret-key packet with its CRC-24
//! armor checksum, PuTTY line counts and public blob), and placeholder
//! rejection for generic `password = "..."` assignments and URL passwords.
//!
//! Everything works on the matched bytes with stack buffers only: no
//! allocation, no panics on any input.

use super::common::entropy;
use super::Validator;

// ---------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------

/// Character set a random token is drawn from (decides the floors).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Alpha {
    /// 0-9a-f (either case).
    Hex,
    /// RFC 4648 base32 (A-Z2-7).
    B32,
    /// A-Za-z only.
    Letters,
    /// base62 / base64 / base64url.
    Mixed,
    /// One-case letters and digits (base36).
    Alnum36,
}

/// ASCII case-insensitive substring test.
fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() || needle.len() > hay.len() {
        return needle.is_empty();
    }
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

fn starts_with_ci(hay: &[u8], p: &[u8]) -> bool {
    hay.len() >= p.len() && hay[..p.len()].eq_ignore_ascii_case(p)
}

fn ends_with_ci(hay: &[u8], p: &[u8]) -> bool {
    hay.len() >= p.len() && hay[hay.len() - p.len()..].eq_ignore_ascii_case(p)
}

/// Longest run of one repeated byte, and longest run of consecutive
/// ascending or descending alphanumerics (case-folded: `aBcD` is a run of 4).
fn runs(v: &[u8]) -> (usize, usize) {
    let (mut same, mut best_same) = (1usize, 0usize);
    let (mut up, mut down, mut best_seq) = (1usize, 1usize, 0usize);
    for (i, &b) in v.iter().enumerate() {
        if i == 0 {
            best_same = 1;
            best_seq = 1;
            continue;
        }
        let p = v[i - 1];
        same = if b == p { same + 1 } else { 1 };
        let (x, y) = (p.to_ascii_lowercase(), b.to_ascii_lowercase());
        let alnum = x.is_ascii_alphanumeric() && y.is_ascii_alphanumeric();
        up = if alnum && y == x.wrapping_add(1) {
            up + 1
        } else {
            1
        };
        down = if alnum && x == y.wrapping_add(1) {
            down + 1
        } else {
            1
        };
        best_same = best_same.max(same);
        best_seq = best_seq.max(up).max(down);
    }
    (best_same, best_seq)
}

/// Words that mark a documentation or template value, not a live secret.
const PLACEHOLDER_WORDS: &[&[u8]] = &[
    b"example",
    b"sample",
    b"placeholder",
    b"dummy",
    b"redacted",
    b"your",
    b"fake",
    b"test",
    b"secret",
    b"token",
    b"insert",
    b"replace",
    b"changeme",
    b"xxxx",
    b"****",
];

fn has_placeholder_word(v: &[u8]) -> bool {
    PLACEHOLDER_WORDS.iter().any(|w| contains_ci(v, w))
}

/// A body that looks randomly generated from `alpha`: enough entropy for
/// its length, the case mix random data has, no long runs of one character
/// or of a sequence (`xxxx`, `1234abcd`), no placeholder words.
fn random_token(body: &[u8], alpha: Alpha) -> bool {
    let n = body.len();
    if n < 8 {
        return false;
    }
    let (same, seq) = runs(body);
    let log_n = (n as f64).log2();
    let (same_max, seq_max, floor) = match alpha {
        Alpha::Hex => (5, 5, if n >= 32 { 2.9 } else { 2.55 }),
        Alpha::B32 => (3, 4, 2.6),
        Alpha::Letters | Alpha::Mixed => (3, 4, (0.74 * log_n).min(4.8)),
        Alpha::Alnum36 => (3, 4, (0.70 * log_n).min(4.2)),
    };
    if same > same_max || seq > seq_max || entropy(body) < floor || has_placeholder_word(body) {
        return false;
    }
    let upper = body.iter().any(u8::is_ascii_uppercase);
    let lower = body.iter().any(u8::is_ascii_lowercase);
    let digit = body.iter().any(u8::is_ascii_digit);
    match alpha {
        Alpha::Hex => n < 16 || (digit && (upper || lower)),
        Alpha::B32 => upper,
        Alpha::Letters | Alpha::Mixed => n < 16 || (upper && lower),
        Alpha::Alnum36 => n < 16 || (digit && (upper || lower)),
    }
}

/// Streaming base64 decoder (standard or URL-safe alphabet, padding
/// optional). Feed characters with `push`; each completed byte is returned.
struct B64 {
    acc: u32,
    bits: u32,
    chars: usize,
    pad: usize,
    out: usize,
    url: bool,
    bad: bool,
}

impl B64 {
    fn new(url: bool) -> B64 {
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

    fn push(&mut self, c: u8) -> Option<u8> {
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
    fn ok(&self) -> bool {
        !self.bad
            && self.chars > 0
            && self.chars % 4 != 1
            && (self.pad == 0 || (self.chars + self.pad) % 4 == 0)
    }
}

/// Decode `src` into `out` (bytes beyond its capacity are counted, not
/// stored). Returns the decoded length, or `None` when `src` is not base64.
fn b64_decode(src: &[u8], url: bool, out: &mut [u8]) -> Option<usize> {
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

fn trim_ws(mut b: &[u8]) -> &[u8] {
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
fn is_text_byte(b: u8) -> bool {
    (b >= 0x20 && b != 0x7f) || b == b'\t' || b == b'\n' || b == b'\r'
}

/// Passwords that are templates or documentation stand-ins.
fn placeholder_password(pw: &[u8]) -> bool {
    const EXACT: &[&[u8]] = &[
        b"password",
        b"passwd",
        b"pass",
        b"pwd",
        b"pw",
        b"secret",
        b"changeme",
        b"change_me",
        b"test",
        b"testing",
        b"123456",
        b"12345678",
        b"123456789",
        b"qwerty",
        b"letmein",
        b"foo",
        b"bar",
        b"foobar",
        b"dummy",
        b"example",
        b"sample",
        b"p@ssw0rd",
        b"passw0rd",
        b"password1",
        b"password123",
        b"pass123",
        b"s3cr3t",
        b"hunter2",
        b"mypassword",
        b"my_password",
        b"yourpassword",
        b"your_password",
        b"your-password",
        b"open sesame",
        b"null",
        b"none",
        b"nil",
        b"undefined",
        b"empty",
        b"value",
        b"token",
        b"apikey",
        b"api_key",
        b"key",
    ];
    const MARKERS: &[&[u8]] = &[
        b"${",
        b"$(",
        b"{{",
        b"}}",
        b"%(",
        b"%s",
        b"#{",
        b"<",
        b">",
        b"xxx",
        b"***",
        b"...",
        b"password",
        b"passwd",
        b"placeholder",
        b"changeme",
        b"example",
        b"your_",
        b"your-",
        b"redacted",
    ];
    if pw.is_empty()
        || EXACT.iter().any(|e| pw.eq_ignore_ascii_case(e))
        || MARKERS.iter().any(|m| contains_ci(pw, m))
    {
        return true;
    }
    let first = pw[0];
    if matches!(first, b'$' | b'%' | b'[' | b'{' | b':') {
        return true;
    }
    let (same, _) = runs(pw);
    same == pw.len()
}

// ---------------------------------------------------------------------------
// AWS
// ---------------------------------------------------------------------------

/// `dir/Name/file1`: three or more `/` and every segment a word
/// (letter, then lower-case letters or digits), which random base64 is not.
fn looks_like_path(v: &[u8]) -> bool {
    v.iter().filter(|&&b| b == b'/').count() >= 3
        && v.split(|&b| b == b'/').filter(|s| !s.is_empty()).all(|s| {
            s.len() >= 2
                && s[0].is_ascii_alphabetic()
                && s[1..]
                    .iter()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// AWS secret access key: 40 base64 characters with enough entropy, upper,
/// lower and digits (rules out hex digests), few `/` `+` (rules out paths),
/// no `EXAMPLE` marker, and not base64 of plain text.
fn aws_secret(v: &[u8]) -> bool {
    if v.len() != 40
        || !random_token(v, Alpha::Mixed)
        || !v.iter().any(u8::is_ascii_digit)
        || entropy(v) < 4.0
    {
        return false;
    }
    if contains_ci(v, b"example")
        || v.iter().filter(|&&b| b == b'/' || b == b'+').count() > 7
        || looks_like_path(v)
    {
        return false;
    }
    let mut buf = [0u8; 30];
    !matches!(b64_decode(v, false, &mut buf), Some(30) if buf.iter().all(|&b| (0x20..0x7f).contains(&b)))
}

/// AWS access key id: a known prefix and 16 base32 characters that look
/// random (no `XXXX`, no `EXAMPLE`).
fn aws_access_key_id(v: &[u8]) -> bool {
    v.len() == 20 && !contains_ci(v, b"example") && random_token(&v[4..], Alpha::B32)
}

// ---------------------------------------------------------------------------
// Google
// ---------------------------------------------------------------------------

/// Google API key `AIza` + 35: the body looks random.
fn gcp_api_key(v: &[u8]) -> bool {
    v.len() == 39 && v.starts_with(b"AIza") && random_token(&v[4..], Alpha::Mixed)
}

/// Google OAuth client secret `GOCSPX-` + 28.
fn google_oauth_secret(v: &[u8]) -> bool {
    v.len() > 7 && random_token(&v[7..], Alpha::Mixed)
}

/// `private_key_id` of a service account key: 40 random hex digits. The
/// matched value may carry the surrounding JSON; the id is the last 40 hex.
fn gcp_sa_key_id(v: &[u8]) -> bool {
    v.len() == 40 && v.iter().all(u8::is_ascii_hexdigit) && random_token(v, Alpha::Hex)
}

// ---------------------------------------------------------------------------
// HTTP headers
// ---------------------------------------------------------------------------

/// `Authorization: Basic <b64>`: the credentials decode to printable
/// `user:password` with a non-placeholder password (or an API-key-length
/// user with an empty password, as Stripe and others use).
fn http_basic_auth(v: &[u8]) -> bool {
    let tok = v
        .rsplit(|&b| b == b' ' || b == b'\t')
        .next()
        .unwrap_or(&[][..]);
    let mut buf = [0u8; 512];
    let Some(n) = b64_decode(tok, false, &mut buf) else {
        return false;
    };
    if !(3..=buf.len()).contains(&n) {
        return false;
    }
    let dec = &buf[..n];
    if !dec.iter().all(|&b| b >= 0x20 && b != 0x7f) {
        return false;
    }
    let Some(colon) = dec.iter().position(|&b| b == b':') else {
        return false;
    };
    let (user, pw) = (&dec[..colon], &dec[colon + 1..]);
    if user.is_empty() || dec.eq_ignore_ascii_case(b"Aladdin:open sesame") {
        return false;
    }
    if pw.is_empty() {
        return user.len() >= 16 && random_token(user, Alpha::Mixed);
    }
    !placeholder_password(pw) && !pw.eq_ignore_ascii_case(user) && !contains_ci(user, b"username")
}

fn is_token_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+.^_`|~-".contains(&b)
}

/// `Cookie:` / `Set-Cookie:` header: at least one `name=value` pair whose
/// name is an RFC 6265 token and whose value is not a template.
fn http_cookie(v: &[u8]) -> bool {
    let Some(colon) = v.iter().position(|&b| b == b':') else {
        return false;
    };
    let rest = &v[colon + 1..];
    for pair in rest.split(|&b| b == b';') {
        let pair = trim_ws(pair);
        let pair = pair.strip_prefix(b"\"").unwrap_or(pair);
        let pair = pair.strip_prefix(b"'").unwrap_or(pair);
        let Some(eq) = pair.iter().position(|&b| b == b'=') else {
            continue;
        };
        let (name, val) = (trim_ws(&pair[..eq]), trim_ws(&pair[eq + 1..]));
        let val = val.strip_prefix(b"\"").unwrap_or(val);
        let val = val.strip_suffix(b"\"").unwrap_or(val);
        if name.is_empty() || !name.iter().all(|&b| is_token_char(b)) || val.is_empty() {
            continue;
        }
        let attr = [
            b"path".as_slice(),
            b"domain",
            b"expires",
            b"max-age",
            b"samesite",
        ]
        .iter()
        .any(|a| name.eq_ignore_ascii_case(a));
        if attr {
            continue;
        }
        if name.eq_ignore_ascii_case(b"name") && val.eq_ignore_ascii_case(b"value") {
            continue;
        }
        if placeholder_password(val) && !val.iter().any(u8::is_ascii_digit) {
            continue;
        }
        // a token with its own detector (a JWT session cookie): left to that
        // detector, which would otherwise be hidden inside this longer match
        if KNOWN_PREFIXES.iter().any(|p| val.starts_with(p)) {
            continue;
        }
        return true;
    }
    false
}

// ---------------------------------------------------------------------------
// JSON Web Token
// ---------------------------------------------------------------------------

/// Decoded text is a JSON object: `{ ... }` with a quoted key and no
/// control bytes.
fn json_object(b: &[u8]) -> bool {
    let t = trim_ws(b);
    t.len() >= 2
        && t[0] == b'{'
        && t[t.len() - 1] == b'}'
        && t.contains(&b'"')
        && t.iter().all(|&c| is_text_byte(c))
}

/// The string value of `"alg"` in a JSON header.
fn jwt_alg(h: &[u8]) -> Option<&[u8]> {
    let key = b"\"alg\"";
    let at = h.windows(key.len()).position(|w| w == key)?;
    let mut i = at + key.len();
    while i < h.len() && h[i].is_ascii_whitespace() {
        i += 1;
    }
    if h.get(i) != Some(&b':') {
        return None;
    }
    i += 1;
    while i < h.len() && h[i].is_ascii_whitespace() {
        i += 1;
    }
    if h.get(i) != Some(&b'"') {
        return None;
    }
    let start = i + 1;
    let len = h.get(start..)?.iter().position(|&b| b == b'"')?;
    Some(&h[start..start + len])
}

/// JWS compact serialisation (RFC 7515/7519): header decodes to a JSON
/// object with an `alg`, payload decodes to a JSON object, signature present
/// (and looking random) unless `alg` is `none`, in which case it is empty.
fn jwt(v: &[u8]) -> bool {
    let mut parts = v.splitn(3, |&b| b == b'.');
    let (Some(h), Some(p), Some(s)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    if s.contains(&b'.') {
        return false;
    }
    let mut hb = [0u8; 1024];
    let Some(hn) = b64_decode(h, true, &mut hb) else {
        return false;
    };
    if hn > hb.len() || !json_object(&hb[..hn]) {
        return false;
    }
    let Some(alg) = jwt_alg(&hb[..hn]) else {
        return false;
    };
    if !(2..=16).contains(&alg.len())
        || !alg
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-' || *b == b'+')
    {
        return false;
    }
    // Payload: streamed, never stored.
    let mut d = B64::new(true);
    let (mut first, mut last, mut text, mut quote) = (0u8, 0u8, true, false);
    for &c in p {
        if let Some(b) = d.push(c) {
            text &= is_text_byte(b);
            quote |= b == b'"';
            if !b.is_ascii_whitespace() {
                if first == 0 {
                    first = b;
                }
                last = b;
            }
        }
    }
    if !d.ok() || !text || !quote || first != b'{' || last != b'}' {
        return false;
    }
    if alg.eq_ignore_ascii_case(b"none") {
        return s.is_empty();
    }
    let mut sb = [0u8; 0];
    s.len() >= 16
        && b64_decode(s, true, &mut sb).is_some()
        && entropy(s) >= (0.7 * (s.len() as f64).log2()).min(4.5)
}

// ---------------------------------------------------------------------------
// Private key blocks
// ---------------------------------------------------------------------------

/// What the body of an armored key block decodes to.
struct KeyBody {
    /// Base64 characters in the body.
    chars: usize,
    /// Decoded length.
    len: usize,
    /// First decoded bytes.
    head: [u8; 64],
    /// The base64 was well formed.
    ok: bool,
    /// An `-----END` line closes the block.
    has_end: bool,
    /// A `Proc-Type: 4,ENCRYPTED` header (legacy encrypted PEM).
    legacy_encrypted: bool,
    /// CRC-24 (OpenPGP) of the decoded body.
    crc: u32,
    /// The armor checksum line (`=XXXX`), decoded.
    crc_line: Option<u32>,
}

fn crc24_update(mut crc: u32, b: u8) -> u32 {
    crc ^= (b as u32) << 16;
    for _ in 0..8 {
        crc <<= 1;
        if crc & 0x100_0000 != 0 {
            crc ^= 0x186_4cfb;
        }
    }
    crc & 0xff_ffff
}

/// Parse an armored block (`-----BEGIN ...-----`, optional `Key: value`
/// headers, base64 lines, optional `=CRC` line, optional `-----END`).
/// Lines may be separated by real newlines, escaped `\n` (JSON, code), or
/// spaces; quotes and `+` between string pieces are skipped.
fn parse_key_body(v: &[u8]) -> Option<KeyBody> {
    let open = v.windows(5).position(|w| w == b"-----")?;
    let close = v.get(open + 5..)?.windows(5).position(|w| w == b"-----")? + open + 5;
    let mut i = close + 5;
    while i < v.len() && v[i] == b'-' {
        i += 1;
    }
    let mut kb = KeyBody {
        chars: 0,
        len: 0,
        head: [0; 64],
        ok: false,
        has_end: false,
        legacy_encrypted: false,
        crc: 0xb7_04ce,
        crc_line: None,
    };
    let mut d = B64::new(false);
    let mut line_start = true;
    let mut body_started = false;
    while i < v.len() {
        let c = v[i];
        if c == b'\\' && matches!(v.get(i + 1), Some(b'n') | Some(b'r')) {
            line_start = true;
            i += 2;
            continue;
        }
        if c == b'\n' {
            line_start = true;
            i += 1;
            continue;
        }
        if c == b'"' || c == b'\'' {
            // string concatenation: skip to the next opening quote
            let next = v[i + 1..].iter().position(|&b| b == b'"' || b == b'\'');
            i = next.map(|n| i + 1 + n + 1).unwrap_or(v.len());
            continue;
        }
        if c == b' ' || c == b'\t' || c == b'\r' {
            i += 1;
            continue;
        }
        if c == b'-' {
            kb.has_end = v[i..].starts_with(b"-----END");
            break;
        }
        if line_start {
            line_start = false;
            // header line `Name: value` (before the body only)
            let mut j = i;
            while j < v.len() && v[j] != b'\n' && !(v[j] == b'\\' && v.get(j + 1) == Some(&b'n')) {
                j += 1;
            }
            let line = &v[i..j];
            if line.contains(&b':') {
                if body_started {
                    break;
                }
                if starts_with_ci(line, b"Proc-Type:") && contains_ci(line, b"ENCRYPTED") {
                    kb.legacy_encrypted = true;
                }
                i = j;
                continue;
            }
            if c == b'=' && body_started && (d.pad > 0 || d.chars % 4 == 0) {
                // OpenPGP armor checksum `=XXXX`
                let mut raw = [0u8; 3];
                if line.len() >= 5 && b64_decode(&line[1..5], false, &mut raw) == Some(3) {
                    kb.crc_line =
                        Some((raw[0] as u32) << 16 | (raw[1] as u32) << 8 | raw[2] as u32);
                }
                i = j;
                continue;
            }
        }
        if d.pad > 0 && c != b'=' {
            // data after padding: the body ended
            break;
        }
        body_started = true;
        if let Some(b) = d.push(c) {
            if let Some(slot) = kb.head.get_mut(d.out - 1) {
                *slot = b;
            }
            kb.crc = crc24_update(kb.crc, b);
        }
        if d.bad {
            return None;
        }
        i += 1;
    }
    kb.chars = d.chars;
    kb.len = d.out;
    kb.ok = d.ok();
    Some(kb)
}

/// DER `SEQUENCE` header: (header length, content length).
fn der_seq(h: &[u8]) -> Option<(usize, usize)> {
    if h.first() != Some(&0x30) {
        return None;
    }
    let l0 = *h.get(1)? as usize;
    if l0 < 0x80 {
        return Some((2, l0));
    }
    let n = l0 & 0x7f;
    if !(1..=3).contains(&n) {
        return None;
    }
    let mut len = 0usize;
    for k in 0..n {
        len = len << 8 | *h.get(2 + k)? as usize;
    }
    Some((2 + n, len))
}

/// PKCS#1 / SEC1 / PKCS#8 (plain or encrypted) PEM private key: at least
/// 64 base64 characters; the body is a DER SEQUENCE whose first element is
/// an INTEGER (version) or a SEQUENCE (encryption algorithm), and when the
/// END line is present its declared length matches the decoded length.
/// Legacy `Proc-Type: 4,ENCRYPTED` bodies are ciphertext: whole cipher blocks.
fn pkcs_private_key(v: &[u8]) -> bool {
    let Some(kb) = parse_key_body(v) else {
        return false;
    };
    if kb.chars < 64 || !kb.ok {
        return false;
    }
    if kb.legacy_encrypted {
        return !kb.has_end || kb.len % 8 == 0;
    }
    let Some((hl, cl)) = der_seq(&kb.head) else {
        return false;
    };
    if !matches!(kb.head.get(hl), Some(0x02) | Some(0x30)) || cl < 32 {
        return false;
    }
    if kb.has_end {
        kb.len == hl + cl
    } else {
        kb.len <= hl + cl
    }
}

/// OpenSSH private key: the body decodes to `openssh-key-v1\0` followed by
/// a sane cipher name.
fn openssh_private_key(v: &[u8]) -> bool {
    let Some(kb) = parse_key_body(v) else {
        return false;
    };
    if kb.chars < 200 || !kb.ok || !kb.head.starts_with(b"openssh-key-v1\0") {
        return false;
    }
    let h = &kb.head;
    let n = u32::from_be_bytes([h[15], h[16], h[17], h[18]]) as usize;
    if !(3..=40).contains(&n) || 19 + n > h.len() {
        return false;
    }
    let name = &h[19..19 + n];
    name.iter()
        .all(|b| b.is_ascii_alphanumeric() || b"-@.".contains(b))
        && kb.len >= 19 + n + 64
}

/// OpenPGP transferable secret key: the first packet is a Secret-Key packet
/// (tag 5), and the armor CRC-24 matches when present.
fn pgp_private_key(v: &[u8]) -> bool {
    let Some(kb) = parse_key_body(v) else {
        return false;
    };
    if kb.chars < 100 || !kb.ok {
        return false;
    }
    let t = kb.head[0];
    if t & 0x80 == 0 {
        return false;
    }
    let tag = if t & 0x40 != 0 {
        t & 0x3f
    } else {
        (t >> 2) & 0x0f
    };
    if tag != 5 {
        return false;
    }
    kb.crc_line.map_or(true, |c| c == kb.crc)
}

/// Next line of `v` from `*pos` (split on real or escaped newlines, CR
/// stripped).
fn next_line<'a>(v: &'a [u8], pos: &mut usize) -> Option<&'a [u8]> {
    if *pos >= v.len() {
        return None;
    }
    let start = *pos;
    let mut i = start;
    let end;
    loop {
        if i >= v.len() {
            end = i;
            *pos = i;
            break;
        }
        if v[i] == b'\n' {
            end = i;
            *pos = i + 1;
            break;
        }
        if v[i] == b'\\' && v.get(i + 1) == Some(&b'n') {
            end = i;
            *pos = i + 2;
            break;
        }
        i += 1;
    }
    let mut l = &v[start..end];
    if let Some(x) = l.strip_suffix(b"\r") {
        l = x;
    }
    if let Some(x) = l.strip_suffix(b"\\r") {
        l = x;
    }
    Some(l)
}

fn header_value<'a>(line: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    let rest = line.strip_prefix(name)?;
    let rest = rest.strip_prefix(b":")?;
    Some(trim_ws(rest))
}

fn small_number(b: &[u8]) -> Option<usize> {
    if b.is_empty() || b.len() > 3 || !b.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(b.iter().fold(0usize, |a, &d| a * 10 + (d - b'0') as usize))
}

/// PuTTY `.ppk`: headers in the standard order, `Public-Lines` and
/// `Private-Lines` counts that match the lines that follow, a public blob
/// that starts with the key type named in the first header, and a MAC of
/// 40 (v2) or 64 (v3) hex digits.
fn putty_private_key(v: &[u8]) -> bool {
    let mut pos = 0;
    let Some(l1) = next_line(v, &mut pos) else {
        return false;
    };
    let Some(rest) = l1.strip_prefix(b"PuTTY-User-Key-File-") else {
        return false;
    };
    let Some(colon) = rest.iter().position(|&b| b == b':') else {
        return false;
    };
    let alg = trim_ws(&rest[colon + 1..]);
    if alg.is_empty() || alg.len() > 60 {
        return false;
    }
    let Some(enc) = next_line(v, &mut pos).and_then(|l| header_value(l, b"Encryption")) else {
        return false;
    };
    if enc.is_empty() {
        return false;
    }
    if next_line(v, &mut pos)
        .and_then(|l| header_value(l, b"Comment"))
        .is_none()
    {
        return false;
    }
    let Some(np) = next_line(v, &mut pos)
        .and_then(|l| header_value(l, b"Public-Lines"))
        .and_then(small_number)
    else {
        return false;
    };
    let mut pubd = B64::new(false);
    let mut pub_head = [0u8; 68];
    for _ in 0..np {
        let Some(l) = next_line(v, &mut pos) else {
            return false;
        };
        for &c in trim_ws(l) {
            if let Some(b) = pubd.push(c) {
                if let Some(s) = pub_head.get_mut(pubd.out - 1) {
                    *s = b;
                }
            }
        }
    }
    if np == 0 || !pubd.ok() {
        return false;
    }
    let n = u32::from_be_bytes([pub_head[0], pub_head[1], pub_head[2], pub_head[3]]) as usize;
    if n != alg.len() || pub_head.get(4..4 + n) != Some(alg) {
        return false;
    }
    // optional v3 key-derivation headers, then Private-Lines
    let mut line = next_line(v, &mut pos);
    while let Some(l) = line {
        if l.starts_with(b"Key-Derivation:") || l.starts_with(b"Argon2-") {
            line = next_line(v, &mut pos);
        } else {
            break;
        }
    }
    let Some(nq) = line
        .and_then(|l| header_value(l, b"Private-Lines"))
        .and_then(small_number)
    else {
        return false;
    };
    let mut prv = B64::new(false);
    for _ in 0..nq {
        let Some(l) = next_line(v, &mut pos) else {
            return false;
        };
        for &c in trim_ws(l) {
            prv.push(c);
        }
    }
    if nq == 0 || !prv.ok() {
        return false;
    }
    let Some(mac) = next_line(v, &mut pos).and_then(|l| header_value(l, b"Private-MAC")) else {
        return false;
    };
    matches!(mac.len(), 40 | 64) && mac.iter().all(u8::is_ascii_hexdigit)
}

// ---------------------------------------------------------------------------
// SaaS tokens
// ---------------------------------------------------------------------------

/// Stripe `sk_`/`rk_`/`pk_` + `live_`/`test_` + random base62.
fn stripe_key(v: &[u8]) -> bool {
    v.len() > 8 && random_token(&v[8..], Alpha::Mixed)
}

const B62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

fn crc32(data: &[u8]) -> u32 {
    let mut crc = 0xffff_ffffu32;
    for &b in data {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xedb8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// The new-format checksum of GitHub and npm tokens: the last 6 characters
/// are the CRC32 of the 30 random characters before them, in base62
/// (`0-9A-Za-z`), left-padded with `0`.
fn crc32_b62_ok(body: &[u8]) -> bool {
    if body.len() != 36 || !body.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let mut n = crc32(&body[..30]);
    let mut enc = [b'0'; 6];
    for slot in enc.iter_mut().rev() {
        *slot = B62[(n % 62) as usize];
        n /= 62;
    }
    n == 0 && enc == body[30..]
}

/// GitHub `ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` token: CRC32 checksum, and the
/// random part is not a run of one character.
fn github_token(v: &[u8]) -> bool {
    v.len() == 40 && crc32_b62_ok(&v[4..]) && runs(&v[4..34]).0 < 5
}

/// GitHub fine-grained PAT `github_pat_` + 22 + `_` + 59.
fn github_pat(v: &[u8]) -> bool {
    let Some(rest) = v.strip_prefix(b"github_pat_") else {
        return false;
    };
    let Some(us) = rest.iter().position(|&b| b == b'_') else {
        return false;
    };
    random_token(&rest[..us], Alpha::Mixed) && random_token(&rest[us + 1..], Alpha::Mixed)
}

/// npm `npm_` + 36 with the same CRC32 checksum as GitHub tokens.
fn npm_token(v: &[u8]) -> bool {
    v.len() == 40 && crc32_b62_ok(&v[4..]) && runs(&v[4..34]).0 < 5
}

/// Body after the first `-` (GitLab `glpat-...`) or after a fixed prefix.
fn after_dash(v: &[u8]) -> &[u8] {
    match v.iter().position(|&b| b == b'-') {
        Some(i) => &v[i + 1..],
        None => v,
    }
}

/// GitLab token (`glpat-` etc., or runner registration `GR1348941`): the
/// random part (before any routing suffix `.01.xxxx`) looks random.
fn gitlab_token(v: &[u8]) -> bool {
    let body = if let Some(b) = v.strip_prefix(b"GR1348941") {
        b
    } else {
        after_dash(v)
    };
    let body = match body.iter().position(|&b| b == b'.') {
        Some(i) => &body[..i],
        None => body,
    };
    random_token(body, Alpha::Mixed)
}

/// Slack `xox?-` tokens: numeric id segments not all one digit, the final
/// secret segment random; `xapp-` app tokens: 64 hex.
fn slack_token(v: &[u8]) -> bool {
    let last = v.rsplit(|&b| b == b'-').next().unwrap_or(&[][..]);
    let segs = v.split(|&b| b == b'-').count();
    for seg in v.split(|&b| b == b'-').skip(1).take(segs.saturating_sub(2)) {
        if seg.len() > 1 && seg.iter().all(u8::is_ascii_digit) && runs(seg).0 == seg.len() {
            return false;
        }
    }
    let alpha = if last.len() >= 32 && last.iter().all(u8::is_ascii_hexdigit) {
        Alpha::Hex
    } else {
        Alpha::Mixed
    };
    if v.starts_with(b"xoxe") && last.len() > 64 {
        return entropy(last) >= 4.3 && runs(last).0 < 5;
    }
    random_token(last, alpha)
}

/// Slack incoming webhook: team `T...` and bot `B...` ids not zero-filled,
/// a random 24-character secret.
fn slack_webhook(v: &[u8]) -> bool {
    let mut it = v.rsplit(|&b| b == b'/');
    let (Some(secret), Some(b), Some(t)) = (it.next(), it.next(), it.next()) else {
        return false;
    };
    let id_ok = |id: &[u8]| {
        id.len() >= 3
            && runs(&id[1..]).0 < id.len() - 1
            && !id[1..].iter().all(|&c| c == b'0' || c == b'X')
    };
    id_ok(t) && id_ok(b) && random_token(secret, Alpha::Mixed)
}

/// PyPI macaroon `pypi-AgE...`: the whole token is base64url and the tail
/// after the fixed location header has entropy.
fn pypi_token(v: &[u8]) -> bool {
    let Some(body) = v.strip_prefix(b"pypi-") else {
        return false;
    };
    let mut none = [0u8; 0];
    b64_decode(body, true, &mut none).is_some_and(|n| n >= 60)
        && body.len() > 20
        && entropy(&body[20..]) >= 4.0
        && runs(&body[20..]).0 < 6
}

/// Docker Hub `dckr_pat_` / `dckr_oat_` + random.
fn dockerhub_token(v: &[u8]) -> bool {
    v.len() > 9 && random_token(&v[9..], Alpha::Mixed)
}

/// Azure storage account key: 88 base64 characters decoding to 64 random
/// bytes (not base64 of text). `v` may start with `AccountKey=`.
fn azure_storage_key(v: &[u8]) -> bool {
    let k = v.strip_prefix(b"AccountKey=").unwrap_or(v);
    let mut buf = [0u8; 64];
    if b64_decode(k, false, &mut buf) != Some(64) || buf.iter().all(|&b| (0x20..0x7f).contains(&b))
    {
        return false;
    }
    let (same, _) = runs(k);
    same < 5 && entropy(k) >= 4.6 && !has_placeholder_word(k)
}

/// Azure SAS token: `sv=<date>...&sig=<sig>`; the signature URL-decodes to
/// base64 of a 32-byte HMAC-SHA256.
fn azure_sas(v: &[u8]) -> bool {
    let key = b"sig=";
    let Some(at) = v.windows(4).rposition(|w| w == key) else {
        return false;
    };
    let sig = &v[at + 4..];
    let mut d = B64::new(false);
    let mut raw = [0u8; 64];
    let mut raw_n = 0;
    let mut i = 0;
    while i < sig.len() {
        let mut c = sig[i];
        if c == b'%' {
            let hex = sig.get(i + 1..i + 3).unwrap_or(&[][..]);
            c = match hex {
                h if h.eq_ignore_ascii_case(b"2B") => b'+',
                h if h.eq_ignore_ascii_case(b"2F") => b'/',
                h if h.eq_ignore_ascii_case(b"3D") => b'=',
                _ => return false,
            };
            i += 2;
        }
        if raw_n < raw.len() {
            raw[raw_n] = c;
            raw_n += 1;
        }
        d.push(c);
        i += 1;
    }
    d.ok() && d.out == 32 && raw_n >= 43 && random_token(&raw[..43], Alpha::Mixed)
}

/// Twilio `SK`/`AC` + 32 hex.
fn twilio_sid(v: &[u8]) -> bool {
    v.len() == 34 && random_token(&v[2..], Alpha::Hex)
}

/// 32 random hex digits (Datadog API key, Twilio auth token).
fn hex32_secret(v: &[u8]) -> bool {
    v.len() == 32 && v.iter().all(u8::is_ascii_hexdigit) && random_token(v, Alpha::Hex)
}

/// SendGrid `SG.<22>.<43>`.
fn sendgrid_key(v: &[u8]) -> bool {
    let mut it = v.split(|&b| b == b'.');
    let (Some(_), Some(a), Some(b)) = (it.next(), it.next(), it.next()) else {
        return false;
    };
    random_token(a, Alpha::Mixed) && random_token(b, Alpha::Mixed)
}

/// Mailchimp `<32 hex>-us<N>`.
fn mailchimp_key(v: &[u8]) -> bool {
    v.len() > 32 && random_token(&v[..32], Alpha::Hex)
}

/// Shopify `shpat_` etc. + 32 hex.
fn shopify_token(v: &[u8]) -> bool {
    v.len() == 38 && random_token(&v[6..], Alpha::Hex)
}

/// Hugging Face `hf_` + 34 letters.
fn huggingface_token(v: &[u8]) -> bool {
    v.len() == 37 && random_token(&v[3..], Alpha::Letters)
}

/// OpenAI key: the parts around the `T3BlbkFJ` marker look random; project
/// keys without the marker need 40+ random characters.
fn openai_key(v: &[u8]) -> bool {
    let body = if let Some(r) = v
        .strip_prefix(b"sk-proj-")
        .or_else(|| v.strip_prefix(b"sk-admin-"))
        .or_else(|| v.strip_prefix(b"sk-svcacct-"))
    {
        r
    } else {
        v.get(3..).unwrap_or(&[][..])
    };
    match body.windows(8).position(|w| w == b"T3BlbkFJ") {
        Some(m) => {
            random_token(&body[..m], Alpha::Mixed) && random_token(&body[m + 8..], Alpha::Mixed)
        }
        None => body.len() >= 40 && random_token(body, Alpha::Mixed),
    }
}

/// Anthropic `sk-ant-api03-` / `sk-ant-admin01-` + random base64url.
fn anthropic_key(v: &[u8]) -> bool {
    let Some(rest) = v.strip_prefix(b"sk-ant-") else {
        return false;
    };
    let Some(dash) = rest.iter().position(|&b| b == b'-') else {
        return false;
    };
    let body = &rest[dash + 1..];
    body.len() >= 80 && entropy(body) >= 4.6 && runs(body).0 < 5 && !has_placeholder_word(body)
}

// ---------------------------------------------------------------------------
// More SaaS tokens
// ---------------------------------------------------------------------------

/// DigitalOcean `dop_v1_` / `doo_v1_` / `dor_v1_` + 64 hex.
fn digitalocean_token(v: &[u8]) -> bool {
    v.len() == 71 && random_token(&v[7..], Alpha::Hex)
}

/// HashiCorp Vault `hvs.` / `hvb.` / `hvr.` token: random base64url body
/// (an optional `.namespace` suffix is ignored).
fn vault_token(v: &[u8]) -> bool {
    let body = v.get(4..).unwrap_or(&[][..]);
    let body = match body.iter().position(|&b| b == b'.') {
        Some(i) => &body[..i],
        None => body,
    };
    random_token(body, Alpha::Mixed)
}

/// Grafana: `glsa_` + 32 base62 + `_` + 8 hex (service account), or
/// `glc_` + base64 of a JSON object with a `"k"` key (Cloud access policy).
fn grafana_token(v: &[u8]) -> bool {
    if let Some(rest) = v.strip_prefix(b"glsa_") {
        return rest.len() == 41
            && random_token(&rest[..32], Alpha::Mixed)
            && rest[33..].iter().all(u8::is_ascii_hexdigit);
    }
    let Some(b64) = v.strip_prefix(b"glc_") else {
        return false;
    };
    let mut buf = [0u8; 512];
    match b64_decode(b64, false, &mut buf) {
        Some(n) if n <= buf.len() => {
            json_object(&buf[..n]) && buf[..n].windows(3).any(|w| w == b"\"k\"")
        }
        _ => false,
    }
}

/// Databricks `dapi` + 32 hex (optional `-N` suffix).
fn databricks_token(v: &[u8]) -> bool {
    v.len() >= 36 && random_token(&v[4..36], Alpha::Hex)
}

/// Postman `PMAK-` + 24 hex + `-` + 34 hex.
fn postman_key(v: &[u8]) -> bool {
    v.len() == 64 && random_token(&v[5..29], Alpha::Hex) && random_token(&v[30..], Alpha::Hex)
}

/// New Relic `NRAK-` + 27 upper-case alphanumerics (user key) or `NRII-` +
/// 32 (insert key).
fn newrelic_key(v: &[u8]) -> bool {
    v.len() > 5 && random_token(&v[5..], Alpha::Alnum36)
}

/// Discord webhook: numeric id not a repeated digit, random token.
fn discord_webhook(v: &[u8]) -> bool {
    let mut it = v.rsplit(|&b| b == b'/');
    let (Some(tok), Some(id)) = (it.next(), it.next()) else {
        return false;
    };
    id.len() >= 17
        && id.iter().all(u8::is_ascii_digit)
        && runs(id).0 < 5
        && random_token(tok, Alpha::Mixed)
}

/// Stripe webhook signing secret `whsec_` + random base62 (or hex).
fn stripe_webhook_secret(v: &[u8]) -> bool {
    let body = v.get(6..).unwrap_or(&[][..]);
    let alpha = if body.iter().all(u8::is_ascii_hexdigit) {
        Alpha::Hex
    } else {
        Alpha::Mixed
    };
    random_token(body, alpha)
}

const BECH32: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

fn bech32_polymod_step(c: u32, x: u32) -> u32 {
    const G: [u32; 5] = [
        0x3b6a_57b2,
        0x2650_8e6d,
        0x1ea1_19fa,
        0x3d42_33dd,
        0x2a14_62b3,
    ];
    let top = c >> 25;
    let mut c = ((c & 0x1ff_ffff) << 5) ^ x;
    for (i, g) in G.iter().enumerate() {
        if (top >> i) & 1 == 1 {
            c ^= g;
        }
    }
    c
}

/// age X25519 identity `AGE-SECRET-KEY-1` + 58 bech32 characters: the
/// BIP-173 bech32 checksum over the human-readable part and data verifies.
fn age_secret_key(v: &[u8]) -> bool {
    let Some(sep) = v.iter().rposition(|&b| b == b'1') else {
        return false;
    };
    let (hrp, data) = (&v[..sep], &v[sep + 1..]);
    if hrp.is_empty() || data.len() < 6 {
        return false;
    }
    let mut c = 1u32;
    for &h in hrp {
        c = bech32_polymod_step(c, (h.to_ascii_lowercase() >> 5) as u32);
    }
    c = bech32_polymod_step(c, 0);
    for &h in hrp {
        c = bech32_polymod_step(c, (h.to_ascii_lowercase() & 31) as u32);
    }
    for &d in data {
        let Some(x) = BECH32.iter().position(|&b| b == d.to_ascii_lowercase()) else {
            return false;
        };
        c = bech32_polymod_step(c, x as u32);
    }
    c == 1 && runs(data).0 < 6
}

// ---------------------------------------------------------------------------
// Generic assignments and URLs
// ---------------------------------------------------------------------------

/// Prefixes of tokens that have their own detector.
const KNOWN_PREFIXES: &[&[u8]] = &[
    b"eyJ",
    b"ghp_",
    b"gho_",
    b"ghu_",
    b"ghs_",
    b"ghr_",
    b"github_pat_",
    b"glpat-",
    b"xox",
    b"xapp-",
    b"AKIA",
    b"ASIA",
    b"AIza",
    b"sk_live_",
    b"sk_test_",
    b"rk_live_",
    b"rk_test_",
    b"pk_live_",
    b"pk_test_",
    b"sk-",
    b"SG.",
    b"hf_",
    b"npm_",
    b"pypi-",
    b"dckr_",
    b"shpat_",
    b"shpca_",
    b"shppa_",
    b"shpss_",
    b"GOCSPX-",
    b"gldt-",
    b"glrt-",
    b"glcbt-",
    b"glptt-",
    b"glft-",
    b"glimt-",
    b"glagent-",
    b"glsoat-",
    b"gloas-",
    b"glffct-",
    b"GR1348941",
    b"dop_v1_",
    b"doo_v1_",
    b"dor_v1_",
    b"hvs.",
    b"hvb.",
    b"hvr.",
    b"glc_",
    b"glsa_",
    b"dapi",
    b"PMAK-",
    b"NRAK-",
    b"NRII-",
    b"whsec_",
    b"AGE-SECRET-KEY-",
];

/// A hard-coded secret assigned to a password/secret/token/key name: 8-128
/// characters, not a template, reference or placeholder, with entropy and
/// mixed character classes; values in the shape of a token that has its own
/// detector are left to it.
fn secret_generic(v: &[u8]) -> bool {
    let n = v.len();
    if !(8..=128).contains(&n) {
        return false;
    }
    if KNOWN_PREFIXES.iter().any(|p| v.starts_with(p)) {
        return false;
    }
    if matches!(
        v[0],
        b'$' | b'%'
            | b'@'
            | b'&'
            | b'*'
            | b'!'
            | b'/'
            | b'~'
            | b'.'
            | b'#'
            | b'='
            | b':'
            | b'?'
            | b'-'
    ) {
        return false;
    }
    const BAD: &[&[u8]] = &[
        b"example",
        b"sample",
        b"placeholder",
        b"changeme",
        b"change_me",
        b"change-me",
        b"password",
        b"passwd",
        b"secret",
        b"dummy",
        b"redacted",
        b"your",
        b"xxxx",
        b"****",
        b"....",
        b"todo",
        b"fixme",
        b"replace",
        b"insert",
        b"undefined",
        b"null",
        b"test",
        b"process.env",
        b"environ",
        b"getenv",
        b"config.",
        b"settings.",
        b"vault:",
        b"://",
        b"{{",
        b"}}",
        b"${",
        b"$(",
        b"%(",
        b"#{",
        b"arn:",
        b"sha1:",
        b"sha256:",
        b"sha512:",
        b"md5:",
        b"localhost",
        b"string",
        b"token",
        b"api_key",
        b"apikey",
        b"encrypted",
        b"hidden",
        b"masked",
        b"lorem",
        b"ipsum",
    ];
    if BAD.iter().any(|b| contains_ci(v, b)) {
        return false;
    }
    for ext in [
        b".txt".as_slice(),
        b".pem",
        b".key",
        b".json",
        b".yaml",
        b".yml",
        b".env",
        b".crt",
        b".p12",
        b".jks",
    ] {
        if ends_with_ci(v, ext) {
            return false;
        }
    }
    if placeholder_password(v)
        || v.eq_ignore_ascii_case(b"true")
        || v.eq_ignore_ascii_case(b"false")
    {
        return false;
    }
    // dotted identifiers without digits: attribute access (`self.db.pass`)
    if v.contains(&b'.')
        && !v.iter().any(u8::is_ascii_digit)
        && v.iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'_' || *b == b'.')
    {
        return false;
    }
    // shapes that have their own detector: AWS secret access key, Twilio
    // SK/AC sids, Mailchimp keys
    if n == 40
        && aws_secret(v)
        && v.iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'/' || *b == b'+')
    {
        return false;
    }
    let hex_lower = |b: &[u8]| {
        b.iter()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c))
    };
    if n == 34 && (v.starts_with(b"SK") || v.starts_with(b"AC")) && hex_lower(&v[2..]) {
        return false;
    }
    if n > 35 && hex_lower(&v[..32]) && v[32..].starts_with(b"-us") {
        return false;
    }
    if identifier_like(v) {
        return false;
    }
    // base64 of a placeholder or of prose (`cGFzc3dvcmQ=`, lorem ipsum)
    if n >= 12 && n % 4 == 0 {
        let mut buf = [0u8; 96];
        if let Some(m) = b64_decode(v, false, &mut buf) {
            let dec = &buf[..m.min(buf.len())];
            if dec.iter().all(|&b| (0x20..0x7f).contains(&b))
                && (BAD.iter().any(|b| contains_ci(dec, b)) || placeholder_password(dec))
            {
                return false;
            }
        }
    }
    let lower = v.iter().any(u8::is_ascii_lowercase);
    let upper = v.iter().any(u8::is_ascii_uppercase);
    let digit = v.iter().any(u8::is_ascii_digit);
    let special = v
        .iter()
        .any(|b| !b.is_ascii_alphanumeric() && !b"_-.".contains(b));
    let classes = [lower, upper, digit, special]
        .iter()
        .filter(|&&x| x)
        .count();
    let ok_classes = match classes {
        0 | 1 => false,
        2 if digit => n >= 12,
        2 if lower && upper => {
            // random mixed case, not camelCase words
            let flips = v
                .windows(2)
                .filter(|w| w[0].is_ascii_lowercase() != w[1].is_ascii_lowercase())
                .count();
            n >= 16 && flips * 3 >= n
        }
        2 => n >= 16,
        _ => true,
    };
    if !ok_classes {
        return false;
    }
    let (same, seq) = runs(v);
    if same >= 4 || seq >= 4 {
        return false;
    }
    let floor = (0.72 * (n as f64).log2()).min(3.0);
    entropy(v) >= floor
}

/// A code identifier rather than a secret: only letters, digits and `_`,
/// made of words of two or more letters (`word`, `Word`, `WORD`, camelCase
/// and snake_case joins) with digits only at the end of a word
/// (`userInput2`, `bcryptHash123`, `DB_PASSWORD_FILE`).
fn identifier_like(v: &[u8]) -> bool {
    if !v.iter().all(|b| b.is_ascii_alphanumeric() || *b == b'_') {
        return false;
    }
    let n = v.len();
    let mut i = 0;
    while i < n {
        let c = v[i];
        if c == b'_' {
            i += 1;
            continue;
        }
        if c.is_ascii_digit() {
            while i < n && v[i].is_ascii_digit() {
                i += 1;
            }
            if i < n && v[i] != b'_' {
                return false;
            }
            continue;
        }
        let start = i;
        if c.is_ascii_uppercase() && i + 1 < n && v[i + 1].is_ascii_lowercase() {
            i += 1;
            while i < n && v[i].is_ascii_lowercase() {
                i += 1;
            }
        } else if c.is_ascii_uppercase() {
            while i < n && v[i].is_ascii_uppercase() {
                i += 1;
            }
            // `HTTPServer`: the last capital starts the next word
            if i < n && v[i].is_ascii_lowercase() && i - start > 1 {
                i -= 1;
            }
        } else {
            while i < n && v[i].is_ascii_lowercase() {
                i += 1;
            }
        }
        if i - start < 2 {
            return false;
        }
    }
    true
}

/// `scheme://user:password@host`: a real-looking password (not a template,
/// placeholder, env reference, the user name again, or a port number), and
/// not a documentation host.
fn url_password(v: &[u8]) -> bool {
    let Some(s) = v.windows(3).position(|w| w == b"://") else {
        return false;
    };
    let rest = &v[s + 3..];
    let Some(at) = rest.iter().position(|&b| b == b'@') else {
        return false;
    };
    let (userinfo, host) = (&rest[..at], &rest[at + 1..]);
    let Some(colon) = userinfo.iter().position(|&b| b == b':') else {
        return false;
    };
    let (user, pw) = (&userinfo[..colon], &userinfo[colon + 1..]);
    if pw.len() < 4
        || placeholder_password(pw)
        || pw.eq_ignore_ascii_case(user)
        || KNOWN_PREFIXES.iter().any(|p| pw.starts_with(p))
    {
        return false;
    }
    if pw.len() <= 5 && pw.iter().all(u8::is_ascii_digit) {
        return false;
    }
    if user.starts_with(b"$")
        || user.starts_with(b"{")
        || user.starts_with(b"<")
        || user.starts_with(b"%")
    {
        return false;
    }
    let host = trim_ws(host);
    if host.is_empty() {
        return false;
    }
    for doc in [
        b"example.com".as_slice(),
        b"example.org",
        b"example.net",
        b".example",
        b"host",
        b"hostname",
        b"your-host",
        b"yourhost",
    ] {
        if ends_with_ci(host, doc)
            && (host.len() == doc.len()
                || doc[0] == b'.'
                || host[host.len() - doc.len() - 1] == b'.')
        {
            return false;
        }
    }
    if contains_ci(host, b"example") {
        return false;
    }
    let (same, _) = runs(pw);
    same < 4
}

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "aws_secret" => aws_secret,
        "aws_access_key_id" => aws_access_key_id,
        "gcp_api_key" => gcp_api_key,
        "google_oauth_secret" => google_oauth_secret,
        "gcp_sa_key_id" => gcp_sa_key_id,
        "http_basic_auth" => http_basic_auth,
        "http_cookie" => http_cookie,
        "jwt" => jwt,
        "pkcs_private_key" => pkcs_private_key,
        "openssh_private_key" => openssh_private_key,
        "pgp_private_key" => pgp_private_key,
        "putty_private_key" => putty_private_key,
        "stripe_key" => stripe_key,
        "github_token" => github_token,
        "github_pat" => github_pat,
        "npm_token" => npm_token,
        "gitlab_token" => gitlab_token,
        "slack_token" => slack_token,
        "slack_webhook" => slack_webhook,
        "pypi_token" => pypi_token,
        "dockerhub_token" => dockerhub_token,
        "azure_storage_key" => azure_storage_key,
        "azure_sas" => azure_sas,
        "twilio_sid" => twilio_sid,
        "hex32_secret" => hex32_secret,
        "sendgrid_key" => sendgrid_key,
        "mailchimp_key" => mailchimp_key,
        "shopify_token" => shopify_token,
        "huggingface_token" => huggingface_token,
        "openai_key" => openai_key,
        "anthropic_key" => anthropic_key,
        "secret_generic" => secret_generic,
        "url_password" => url_password,
        "digitalocean_token" => digitalocean_token,
        "vault_token" => vault_token,
        "grafana_token" => grafana_token,
        "databricks_token" => databricks_token,
        "postman_key" => postman_key,
        "newrelic_key" => newrelic_key,
        "discord_webhook" => discord_webhook,
        "stripe_webhook_secret" => stripe_webhook_secret,
        "age_secret_key" => age_secret_key,
        _ => return None,
    };
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, f: Validator, good: &[&str], bad: &[&str]) {
        for g in good {
            assert!(f(g.as_bytes()), "{name} should accept {g:?}");
        }
        for b in bad {
            assert!(!f(b.as_bytes()), "{name} should reject {b:?}");
        }
    }

    #[test]
    fn helpers() {
        assert_eq!(runs(b"aaab"), (3, 2));
        assert_eq!(runs(b"xAbCdEy"), (1, 5));
        assert_eq!(runs(b"9876x"), (1, 4));
        assert_eq!(crc32(b"123456789"), 0xcbf4_3926);
        // CRC-24 (RFC 4880) of "123456789" is 0x21CF02
        let mut c = 0xb7_04ce;
        for &b in b"123456789" {
            c = crc24_update(c, b);
        }
        assert_eq!(c, 0x21_cf02);
        let mut buf = [0u8; 16];
        assert_eq!(b64_decode(b"dXNlcjpwYXNz", false, &mut buf), Some(9));
        assert_eq!(&buf[..9], b"user:pass");
        assert_eq!(
            b64_decode(b"dXNlcjpwYXNzd29yZA==", false, &mut buf),
            Some(13)
        );
        assert_eq!(b64_decode(b"dXNlcjpwYXNzd29yZA", false, &mut buf), Some(13));
        assert_eq!(b64_decode(b"dXNlc", false, &mut buf), None);
        assert_eq!(b64_decode(b"dX=Nl", false, &mut buf), None);
        assert_eq!(b64_decode(b"a-_b", false, &mut buf), None);
        assert_eq!(b64_decode(b"a-_b", true, &mut buf), Some(3));
        assert!(random_token(
            b"u8jzPde0IgxLd6GncfBAepfJBd0Kh8024xXH",
            Alpha::Mixed
        ));
        assert!(!random_token(
            b"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            Alpha::Mixed
        ));
        assert!(!random_token(
            b"abcdefghijklmnopqrstuvwxyzABCD012345",
            Alpha::Mixed
        ));
        assert!(!random_token(
            b"u8jzPde0IgxLyourBAepfJBd0Kh8024xXH",
            Alpha::Mixed
        ));
        assert!(!random_token(b"short", Alpha::Mixed));
        assert!(identifier_like(b"userInput2"));
        assert!(identifier_like(b"DB_PASSWORD_FILE"));
        assert!(identifier_like(b"HTTPServerConfig"));
        assert!(!identifier_like(b"hR4kP9wQz2Lm7Xv"));
        assert!(!identifier_like(b"Xk9#mP2vLq8!"));
        assert!(!identifier_like(b"aBcDeFgHiJ"));
        assert!(looks_like_path(b"src/main/Resources/Config/Aws/Keys/Prod1"));
        assert!(!looks_like_path(
            b"wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzEXAMPLEK"
        ));
    }

    #[test]
    fn aws() {
        check(
            "aws_secret",
            aws_secret,
            &[
                "GSU8po+799NksnRH9ucAUsdMlHUvTCQCyEZDz/Td",
                "dJ8HyS5SUkCnD8zRA9a9SkpXz9w3QlY7Zkuvqdt7",
                "k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt",
            ],
            &[
                "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                "3f4e2a1b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f",
                "Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdo",
                "TG9yZW0gaXBzdW0gZG9sb3Igc2l0IGFtZXQsIGNv",
                "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzzEXAMPLEK",
                "src/main/Resources/Config/Aws/Keys/Prod1",
                "GSU8po+799NksnRH9ucAUsdMlHUvTCQCyEZDz/T",
            ],
        );
        check(
            "aws_access_key_id",
            aws_access_key_id,
            &["AKIAQX4BZ7KD2MNRT5WE", "ASIAN4KHVDGAJGXBENYJ"],
            &[
                "AKIAXXXXXXXXXXXXXXXX",
                "AKIAABCDEFGHIJKLMNOP",
                "AKIAIOSFODNN7EXAMPLE",
                "AKIAQX4BZ7KD2MNRT5W",
            ],
        );
    }

    #[test]
    fn google() {
        check(
            "gcp_api_key",
            gcp_api_key,
            &[
                "AIzaSys8Stqcbnr3yBdGBLEPH1qhT61qtc4xatw",
                "AIzaSys8phP9nhFyJfm5di4PzJ59FHz5r1pY4Oj",
            ],
            &[
                "AIzaSyXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "AIzaSyYOUR_API_KEY_HEREyourapikeyhere1",
                "AIzaSys8Stqcbnr3yBdGBLEPH1qhT61qtc4xa",
                "BIzaSys8Stqcbnr3yBdGBLEPH1qhT61qtc4xatw",
            ],
        );
        check(
            "google_oauth_secret",
            google_oauth_secret,
            &["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"],
            &[
                "GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "GOCSPX-1234567890abcdefghijklmnopqr",
            ],
        );
        check(
            "gcp_sa_key_id",
            gcp_sa_key_id,
            &[
                "3f57fd14c1604d115cea325a65e19cbae530282b",
                "d36cb9d21f6be6abf0d7c1c1e21862ab8a18a890",
            ],
            &[
                "0000000000000000000000000000000000000000",
                "0123456789abcdef0123456789abcdef01234567",
                "3f57fd14c1604d115cea325a65e19cbae530282",
            ],
        );
    }

    #[test]
    fn http_headers() {
        check(
            "http_basic_auth",
            http_basic_auth,
            &[
                "Authorization: Basic c3ZjX2RlcGxveTpWcTcjcExtMng5UnQ=",
                "Proxy-Authorization: Basic YWRtaW46VHIwdWI0ZG9yJjN4aw==",
                "authorization: basic c2tfbGl2ZV84cllXS3ZzcmROUFRaME12M01VYTFqTTE6",
            ],
            &[
                "Authorization: Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
                "Authorization: Basic dXNlcjpwYXNzd29yZA==",
                "Authorization: Basic SGVsbG8gV29ybGQ=",
                "Authorization: Basic b3BzOm9wcw==",
                "Authorization: Basic dXNlcjo=",
                "Authorization: Basic AAECAwQFBgc=",
                "Authorization: Basic !!!!",
            ],
        );
        check(
            "http_cookie",
            http_cookie,
            &[
                "Cookie: sessionid=38afes7a8; csrftoken=u32t4o3tb3gg43",
                "Set-Cookie: __Host-sid=KQ2Hc9x1mZ7tLw; Path=/; Secure",
                "cookie: JSESSIONID=8F2A91C04B7D3E5A",
            ],
            &[
                "Cookie: name=value",
                "Cookie: session=${SESSION_COOKIE}",
                "Set-Cookie: Path=/; Secure",
                "Cookie: a=xxxx",
                "Cookie: nothing",
                "Cookie: token=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln",
            ],
        );
    }

    const JWT_HS: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1XzgyNzMxIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmNvcnAuaW50ZXJuYWwiLCJleHAiOjE3NjcyMjU2MDAsInNjb3BlIjoicmVhZDpvcmRlcnMifQ.ihGE4yEgtGUJemeQSDOMLI4q2vDsNKExWQl6UJCzzIE";

    #[test]
    fn json_web_token() {
        check(
            "jwt",
            jwt,
            &[
                JWT_HS,
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ1XzgyNzMxIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmNvcnAuaW50ZXJuYWwiLCJleHAiOjE3NjcyMjU2MDAsInNjb3BlIjoicmVhZDpvcmRlcnMifQ.",
            ],
            &[
                // no alg
                "eyJ0eXAiOiJKV1QifQ.eyJzdWIiOiJ1XzgyNzMxIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmNvcnAuaW50ZXJuYWwiLCJleHAiOjE3NjcyMjU2MDAsInNjb3BlIjoicmVhZDpvcmRlcnMifQ.ihGE4yEgtGUJemeQSDOMLI4q2vDsNKExWQl6UJCzzIE",
                // payload not JSON
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyBoZWxsbyB3b3JsZCwgbm90IGpzb24gYXQgYWxs.ihGE4yEgtGUJemeQSDOMLI4q2vDsNKExWQl6UJCzzIE",
                // signed alg without a signature
                "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ4In0.",
                // alg none with a signature
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.ihGE4yEgtGUJemeQSDOMLI4q2vDsNKExWQl6UJCzzIE",
                // constant signature
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
                "eyJhbGciOiJIUzI1NiJ9",
                "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.a.b",
            ],
        );
    }

    const EC_PEM: &str = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEICX8zo2ncUKC4mus+SuhWYdWkBJ+PBNcopID0/slYJAQoAoGCCqGSM49\nAwEHoUQDQgAEkugTy8qCfsAg4bCPmwDXvk0Bd0UgOI1q9tPa0V6MpVVRpjZ/7uFI\n++ynEwEWAbJCIbM4wXNk//1S+rl41gkwvg==\n-----END EC PRIVATE KEY-----";
    const SSH_KEY: &str = "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACBG8PfU3Z+eFaD6mXSPqnTn/GHOSBq6Qz9+gVGZjgft3wAAAJBUa6VaVGul\nWgAAAAtzc2gtZWQyNTUxOQAAACBG8PfU3Z+eFaD6mXSPqnTn/GHOSBq6Qz9+gVGZjgft3w\nAAAECj7J4HQX9PVewM78YP7M9r6VUQS+fMJMGUs5IvIFaQoEbw99Tdn54VoPqZdI+qdOf8\nYc5IGrpDP36BUZmOB+3fAAAACWRlcGxveUBjaQECAwQ=\n-----END OPENSSH PRIVATE KEY-----";
    const PGP_BODY: &str = "lFgEaw6AwhYJKwYBBAHaRw8BAQdAGrxZ8e4Dqij9ynJ9R7vKjftEnkYB4MdCwpLM\nsDdVkOIAAQDq8MshYompVgdBX4fCFGLOk49dOfZHdpDCozfrX2gNtg/xtB9EYW5h\nIEJ1aWxkIDxkYW5hQGNvcnAuaW50ZXJuYWw+iJAEExYIADgWIQSJAbPR6spoYA3r\nrFtQaYSZ7lOJfwUCaw6AwgIbAwULCQgHAgYVCgkICwIEFgIDAQIeAQIXgAAKCRBQ\naYSZ7lOJf2aeAPwIWMM1f1SRf+o9HEPQzLfvlUNALJ1Ogee0aMCwer7PCgEAqF+t\nJoIzLlMy6653sWlwWfiSaa3alwRhI4QYo/GnOwY=";

    #[test]
    fn private_keys() {
        let escaped = EC_PEM.replace('\n', "\\n");
        let one_line = "-----BEGIN PRIVATE KEY----- MC4CAQAwBQYDK2VwBCIEID4gJJpZ2mVpV5nM7iaZTDk3A7behIuhB3Ebo2Cj4Kgv -----END PRIVATE KEY-----";
        let legacy = "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,2716F26590D825D764221D3635CE524D\n\nVQKNXqblVibAN1pS6Ryd4WhZN276UvUr9CE8upxVc+ydZP5a3JEeQgbDwPjq4Ysl\ngxLWsK9xCrq/werSeFZ2jU6ZvB74yALPlsYzU6IZnrNbp9tXUFCY3yJcu9/cEImU\nHjL/lyqFOBXNUmx5ZjiJtK+0lkPbAfhLkIWwDZxrl6U=\n-----END EC PRIVATE KEY-----";
        let no_end = EC_PEM.trim_end_matches("\n-----END EC PRIVATE KEY-----");
        let missing_line = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEICX8zo2ncUKC4mus+SuhWYdWkBJ+PBNcopID0/slYJAQoAoGCCqGSM49\n++ynEwEWAbJCIbM4wXNk//1S+rl41gkwvg==\n-----END EC PRIVATE KEY-----";
        let not_der = "-----BEGIN PRIVATE KEY-----\nnE2SCzmtcy0idZJtT8IsEFa7HnHeAvCKBYLcOjfqrgoITuDIr1Ir/JoK8JNjAu4RMcKMYgA2LbzWEh8rc0sIwOu7XgEwsqsM9lfK7nJb5Rc5\n-----END PRIVATE KEY-----";
        check("pkcs_private_key", pkcs_private_key, &[EC_PEM, &escaped, one_line, legacy, no_end], &[
            missing_line,
            not_der,
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA3Tz2mr7SZiAMfQyuvBjM9Oi\n-----END RSA PRIVATE KEY-----",
            "-----BEGIN PRIVATE KEY-----",
            "-----BEGIN PRIVATE KEY----- is the header",
        ]);
        let ssh_escaped = SSH_KEY.replace('\n', "\\n");
        check("openssh_private_key", openssh_private_key, &[SSH_KEY, &ssh_escaped], &[
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----",
            EC_PEM,
        ]);
        let pgp = format!("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{PGP_BODY}\n=6ffq\n-----END PGP PRIVATE KEY BLOCK-----");
        let pgp_hdr = format!("-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: GnuPG v2\nComment: a, b: c\n\n{PGP_BODY}\n=6ffq\n-----END PGP PRIVATE KEY BLOCK-----");
        let pgp_no_crc = format!("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{PGP_BODY}\n-----END PGP PRIVATE KEY BLOCK-----");
        let pgp_bad_crc = format!("-----BEGIN PGP PRIVATE KEY BLOCK-----\n\n{PGP_BODY}\n=7ffq\n-----END PGP PRIVATE KEY BLOCK-----");
        let pgp_public = "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nmDMEaw6AwhYJKwYBBAHaRw8BAQdAGrxZ8e4Dqij9ynJ9R7vKjftEnkYB4MdCwpLM\nsDdVkOK0H0RhbmEgQnVpbGQgPGRhbmFAY29ycC5pbnRlcm5hbD6IkAQTFggAOBYh\nBIkBs9HqymhgDeusW1BphJnuU4l/BQJrDoDCAhsDBQsJCAcCBhUKCQgLAgQWAgMB\nAh4BAheAAAoJEFBphJnuU4l/Zp4A/AhYwzV/VJF/6j0cQ9DMt++VQ0AsnU6B57Ro\nwLB6vs8KAQCoX60mgjMuUzLrrnexaXBZ+JJprdqXBGEjhBij8ac7Bg==\n=8OnT\n-----END PGP PRIVATE KEY BLOCK-----";
        check("pgp_private_key", pgp_private_key, &[&pgp, &pgp_hdr, &pgp_no_crc], &[&pgp_bad_crc, pgp_public, "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlFgE\n-----END PGP PRIVATE KEY BLOCK-----"]);
        let ppk = "PuTTY-User-Key-File-2: ssh-ed25519\nEncryption: none\nComment: eddsa-key-20240311\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIHAtZiomB0r+QkCTMsCg3QgUCJ/5Rf/iZZJmFK28\nSRyP\nPrivate-Lines: 1\nAAAAIE6WTztVr3j4pTIKoQPJ7qdJxHvYRUmCsVAKfPFaSAXR\nPrivate-MAC: 897351cf2b8c68ed90c8cf79489c34198ededc31";
        let ppk_crlf = ppk.replace('\n', "\r\n");
        let ppk_v3 = "PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nComment: k\nPublic-Lines: 2\nAAAAC3NzaC1lZDI1NTE5AAAAIHAtZiomB0r+QkCTMsCg3QgUCJ/5Rf/iZZJmFK28\nSRyP\nKey-Derivation: Argon2id\nArgon2-Memory: 8192\nArgon2-Passes: 13\nArgon2-Parallelism: 1\nArgon2-Salt: 0a1b2c3d4e5f60718293a4b5c6d7e8f9\nPrivate-Lines: 1\nAAAAIE6WTztVr3j4pTIKoQPJ7qdJxHvYRUmCsVAKfPFaSAXR\nPrivate-MAC: bca60d1f207dda26ac7caab73f3f2997e67a3d7a43023aba15a86c9279e4dac1";
        check(
            "putty_private_key",
            putty_private_key,
            &[ppk, &ppk_crlf, ppk_v3],
            &[
                &ppk.replace("Public-Lines: 2", "Public-Lines: 3"),
                &ppk.replace("ssh-ed25519\n", "ssh-rsa\n"),
                &ppk.replace(
                    "Private-MAC: 897351cf2b8c68ed90c8cf79489c34198ededc31",
                    "Private-MAC: 897351cf",
                ),
                "PuTTY-User-Key-File-2: ssh-rsa\nEncryption: none",
            ],
        );
    }

    #[test]
    fn checksummed_tokens() {
        assert!(crc32_b62_ok(b"M7H4jxUDDWHP4kZ6A4dxlQYsQIWJuq11T4V4"));
        check(
            "github_token",
            github_token,
            &[
                "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",
                "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",
                "ghs_mxgJTeKdNnFRIBXuDL7DxtpYlSXpfK0IYYek",
                "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",
            ],
            &[
                "ghp_i0B3JrTAwR4y9ojfljoQoaF1Llqsaj30vnMA",
                "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",
                "ghp_abcdefghijklmnopqrstuvwxyzABCD012345",
                "gho_16C7e42F292c6912E7710c838347Ae178B4a",
                "ghp_u8jzPde0IgxLd6GncfBAepfJBd0Kh8024xX",
            ],
        );
        check(
            "github_pat",
            github_pat,
            &["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"],
            &["github_pat_11AAAAAAAAAAAAAAAAAAAAAA_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "github_pat_"],
        );
        check(
            "npm_token",
            npm_token,
            &[
                "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",
                "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",
            ],
            &[
                "npm_uvSwMFLZDe1f8rESQedUStPKR0CsTy1Op3X3",
                "npm_TCllNwh2WLQlMWVhybM1iQrsTj6rMQ0BOh6d",
                "npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
            ],
        );
        check(
            "age_secret_key",
            age_secret_key,
            &["AGE-SECRET-KEY-1GP04PDLWRG7VDCZS4MWRFKKRJTD6ZY6G3PY0XFJ02UPQLQMWLAFS2WM5Y7"],
            &[
                "AGE-SECRET-KEY-1GP04PDLWRG7VDCZS4MWRFKKRJTD6ZY6G3PY0XFJ02UPQLQMWLAFS2WM5YQ",
                "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ",
                "AGE-SECRET-KEY-1",
                "AGE-SECRET-KEY-1GP04PDLWRG7VDCZS4MWRFKKRJTD6ZY6G3PY0XFJ02UPQLQMWLAFS2WM5YB",
            ],
        );
    }

    #[test]
    fn saas_tokens() {
        check(
            "stripe_key",
            stripe_key,
            &[
                "sk_live_bvJDCTbyvHNsG9eh6Yo4gfqr",
                "rk_live_c5XlrWi0B26R08qzjI6GKFSu",
            ],
            &[
                "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
                "sk_live_yoursecretkeyhere12345678",
                "sk_live_abcdefghijklmnopqrstuvwxyz",
            ],
        );
        check(
            "gitlab_token",
            gitlab_token,
            &[
                "glpat-2rcDkdfrUnW5gcF-Ha6i",
                "GR1348941GMrb9h-ImB-LK777pzNk",
                "glpat-2rcDkdfrUnW5gcF-Ha6i.01.0j0bkc4hl",
            ],
            &["glpat-xxxxxxxxxxxxxxxxxxxx", "glpat-1234567890abcdefghij"],
        );
        check(
            "slack_token",
            slack_token,
            &["xoxb-704718746331-9128452984153-F54Fzbka8FRCztUjAwyuh1va", "xoxp-55613044516-69156404104-234685356068-621de49f145fda9988c79fc35526f7ea", "xapp-1-A21I9MPFLV9-1535493066683-c8a1f8b46287cced9041dff02cee737443e210471948d33296c87009e8a7f770"],
            &["xoxb-000000000000-0000000000000-F54Fzbka8FRCztUjAwyuh1va", "xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx", "xoxb-704718746331-9128452984153-xxxxxxxxxxxxxxxxxxxxxxxx"],
        );
        check(
            "slack_webhook",
            slack_webhook,
            &["https://hooks.slack.com/services/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"],
            &[
                "https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX",
                "https://hooks.slack.com/services/T0TDBM50F/BQO1XO5CV0X/abcdefghijklmnopqrstuvwx",
            ],
        );
        check(
            "pypi_token",
            pypi_token,
            &["pypi-AgEIcHlwaS5vcmcCIQEI05DnU8jxI4fUWKKVA6gCNfMSp0tAmxmUJNo7L8ZzWMgnNednyogqnOSwm_rIF6vm5IzJotZMMn6xNocUvdZwq-Edjh5DazvTI3l-jg57d-cks30_fyqKmdy8ASnXUneykH-qS9d3X21r__WtEy6jXKKlBwWcC6687v9Uz_sYgnt8weUkCDa3aqAgVhjcqF1XeceGjcXp"],
            &["pypi-AgEIcHlwaS5vcmcXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", "pypi-AgEIcHlwaS5vcmcCIQEI05DnU8jxI4fUWKKVA6gCNfMSp0t", "pypi-AgEIcHlwaS5vcmcCIQEI05DnU8jxI4fUWKKVA6gCNfMSp0tAmxmUJNo7L8ZzWMgnNednyogqnOSwm_rIF6vm5IzJa"],
        );
        check(
            "dockerhub_token",
            dockerhub_token,
            &["dckr_pat_idDn87XG3_q_xbMtEPO6UkzYuF0"],
            &[
                "dckr_pat_xxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "dckr_pat_1234567890abcdefghijklmnopq",
            ],
        );
        check(
            "azure_storage_key",
            azure_storage_key,
            &["rDy/idjGqsIfx9dLS0eRRF9BvEIycD8vPjwnSOLolDBTEGVA/j6Bhjumzhmndv0JGgF54tE713LqXwrgSzseDA==", "AccountKey=rDy/idjGqsIfx9dLS0eRRF9BvEIycD8vPjwnSOLolDBTEGVA/j6Bhjumzhmndv0JGgF54tE713LqXwrgSzseDA=="],
            &["VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZywgYWdhaW4gYW5kIGFnYWluISEhIQ==", "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX==", "rDy/idjGqsIfx9dLS0eRRF9BvEIycD8vPjwnSOLolDBTEGVA/j6Bhjumzhmndv0JGgF54tE713LqXwrgSzse=="],
        );
        check(
            "azure_sas",
            azure_sas,
            &["sv=2022-11-02&ss=b&srt=o&sp=r&se=2025-12-31T23:59:59Z&spr=https&sig=EKYIe42LUyn6beIa%2FBJDnxU1GGt%2F%2FbX4ciw7Imp1nuQ%3D", "sv=2021-08-06&sig=EKYIe42LUyn6beIa/BJDnxU1GGt//bX4ciw7Imp1nuQ="],
            &["sv=2022-11-02&sig=XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX%3D", "sv=2022-11-02&sig=VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw%3D%3D", "sv=2022-11-02&sig=EKYIe42LUyn6beIa%2ZBJDnxU1GGt%2F%2FbX4ciw7Imp1nuQ%3D"],
        );
        check(
            "twilio_sid",
            twilio_sid,
            &[
                "SK662b5e803b61ba4168160adb59261ff2",
                "ACd3c425c8d99d19bdd0b6cc60d5d32cbe",
            ],
            &[
                "SK00000000000000000000000000000000",
                "AC1234567890abcdef1234567890abcdef",
            ],
        );
        check(
            "hex32_secret",
            hex32_secret,
            &[
                "54014c2b54b95523cf6941fa1c257c6f",
                "c57513064d6d59291f0cde2e5738713a",
            ],
            &[
                "00000000000000000000000000000000",
                "0123456789abcdef0123456789abcdef",
                "54014c2b54b95523cf6941fa1c257c6",
            ],
        );
        check(
            "sendgrid_key",
            sendgrid_key,
            &["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"],
            &[
                "SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "SG.ABCDEFGHIJKLMNOPQRSTUV.abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG",
                "SG.only",
            ],
        );
        check(
            "mailchimp_key",
            mailchimp_key,
            &["85a8e48f687ab165c58ac5831be38cb8-us14"],
            &["00000000000000000000000000000000-us1"],
        );
        check(
            "shopify_token",
            shopify_token,
            &[
                "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",
                "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",
            ],
            &[
                "shpat_00000000000000000000000000000000",
                "shpat_0123456789abcdef0123456789abcdef",
            ],
        );
        check(
            "huggingface_token",
            huggingface_token,
            &[
                "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",
                "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",
            ],
            &[
                "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "hf_abcdefghijklmnopqrstuvwxyzABCDEFGH",
                "hf_YourHuggingFaceTokenGoesHereNowOkX",
            ],
        );
        check(
            "openai_key",
            openai_key,
            &["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", "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"],
            &["sk-proj-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-xxxxxxxxxxxxxxxxxxxxT3BlbkFJxxxxxxxxxxxxxxxxxxxx", "sk-proj-your-openai-api-key-goes-here-please-replace"],
        );
        check(
            "anthropic_key",
            anthropic_key,
            &["sk-ant-api03-1FZuG296c0xPbX-neGBuzSm6A8cVR06AxYpThGJWZhbj11THnCMZCY7Bvqiy8CsT07Lq8TDIWG2x9aJTFMP9-2kUtMXhkAA"],
            &["sk-ant-api03-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "sk-ant-api03-short"],
        );
        check(
            "digitalocean_token",
            digitalocean_token,
            &["dop_v1_eee65f53e9421ce50211670eae679f02e8d28a79023c39c200661fccd268a29a"],
            &["dop_v1_0000000000000000000000000000000000000000000000000000000000000000"],
        );
        check("vault_token", vault_token, &["hvs.CAESIb0prFmbh7_wy5yq1XoY1BaIMcAxYmfsB4HbQLXjjlAFbVV6q9rXxtNDFyuzX9k1gnneGEYG1_LwiqD9jJBAciI"], &["hvs.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "hvs."]);
        check(
            "grafana_token",
            grafana_token,
            &["glsa_ACpdclsxHKifxi5CvQUSHL8iLc7bE6wS_9102f29a", "glc_eyJvIjogIjgxMjM0NSIsICJuIjogInN0YWNrLTgxMjM0NS1obS1yZWFkLWNpIiwgImsiOiAiaWVlQ0l4VmM1N1ZWVGlZOTZ2d2ZSRTVlIiwgIm0iOiB7InIiOiAicHJvZC1ldS13ZXN0LTIifX0="],
            &["glsa_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxx", "glc_VGhlIHF1aWNrIGJyb3duIGZveCBqdW1wcyBvdmVyIHRoZSBsYXp5IGRvZw=="],
        );
        check(
            "databricks_token",
            databricks_token,
            &[
                "dapid0f0cc022238daceee2092f073ff80b9",
                "dapid0f0cc022238daceee2092f073ff80b9-2",
            ],
            &["dapi00000000000000000000000000000000", "dapi1"],
        );
        check(
            "postman_key",
            postman_key,
            &["PMAK-465aef7ac86d66c7a644fb12-853ef86dcfaea21818b904ce6087413e3b"],
            &["PMAK-000000000000000000000000-0000000000000000000000000000000000"],
        );
        check(
            "newrelic_key",
            newrelic_key,
            &["NRAK-EMM4QLA48CLORW876KZOF0YI23M"],
            &[
                "NRAK-XXXXXXXXXXXXXXXXXXXXXXXXXXX",
                "NRAK-ABCDEFGHIJKLMNOPQRSTUVWXYZ0",
            ],
        );
        check(
            "discord_webhook",
            discord_webhook,
            &["https://discord.com/api/webhooks/0689857531133614854/cSke4R1J_dBi2ewQr8t4-lC4LvGNWAMsI-z0oaWdfZp_lvi60ZIF8-qR38Ony1dHqcey"],
            &["https://discord.com/api/webhooks/000000000000000000/cSke4R1J_dBi2ewQr8t4-lC4LvGNWAMsI-z0oaWdfZp_lvi60ZIF8-qR38Ony1dHqcey", "https://discord.com/api/webhooks/06898575311336_4854/cSke4R1J_dBi2ewQr8t4-lC4LvGNWAMsI-z0oaWdfZp_lvi60ZIF8-qR38Ony1dHqcey"],
        );
        check(
            "stripe_webhook_secret",
            stripe_webhook_secret,
            &["whsec_joaRsuUwpNFgFULh2GNqTmSH4BbyOA0H"],
            &[
                "whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "whsec_yourwebhooksigningsecrethere12",
            ],
        );
    }

    #[test]
    fn generic_and_urls() {
        check(
            "secret_generic",
            secret_generic,
            &[
                "Xk9#mP2vLq8!",
                "q8Z~vR2.nL5_wT9-kP3xYb7",
                "R3dw00d!Harbor",
                "3f9a7c2e8b1d4f6a0c5e9b2d7f1a3c8e",
                "T7!kq9Lm#2vR",
                "hR4$kP9wQz2Lm7Xv",
                "fHkSjdlQwPzXmNbV",
            ],
            &[
                "changeme",
                "${DB_PASSWORD}",
                "********",
                "xxxxxxxxxxxx",
                "password123",
                "SuperSecret123",
                "P@ssw0rd",
                "bcryptHash123",
                "getAccessTokenFromVault",
                "settings.PAYMENT_API_KEY",
                "os.environ",
                "true",
                "12345678901234",
                "aaaaaaaa",
                "abcd1234efgh",
                "https://example.org/x",
                "/etc/app/secret.key",
                "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",
                "k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt",
                "TG9yZW0gaXBzdW0gZG9sb3Igc2l0IGFtZXQ=",
                "cGFzc3dvcmQxMjM=",
                "SK662b5e803b61ba4168160adb59261ff2",
                "85a8e48f687ab165c58ac5831be38cb8-us14",
                "getUserPassword",
                "ConfigValue",
                "short",
            ],
        );
        check(
            "url_password",
            url_password,
            &[
                "postgres://app_user:Qm7x!Vt29pLw@db.prod.corp.internal",
                "redis://:Hk29xLq7Vw3p@cache-01.internal",
                "amqps://svc-orders:tq8Lm2Zx9Rv4@mq.corp.internal",
            ],
            &[
                "postgres://user:password@localhost",
                "https://oauth2:${GITLAB_TOKEN}@gitlab.corp.internal",
                "mysql://root:root@127.0.0.1",
                "https://user:Qm7x!Vt29pLw@example.com",
                "postgresql://app:****@db.internal",
                "https://api.corp.internal:8443@gateway",
                "https://x:ghs_mxgJTeKdNnFRIBXuDL7DxtpYlSXpfK0IYYek@github.com",
                "https://u:abc@h.internal",
                "ftp://nobody@ftp.internal",
            ],
        );
    }

    /// Every pattern of these two files is triggered by a keyword or a
    /// literal prefix: none falls into the shared scan regex.
    #[test]
    fn no_scan_patterns() {
        let mut defs = crate::detect::catalog::parse_file(
            "credentials.toml",
            include_str!("../../../detectors/credentials.toml"),
        )
        .unwrap();
        defs.extend(
            crate::detect::catalog::parse_file(
                "secrets.toml",
                include_str!("../../../detectors/secrets.toml"),
            )
            .unwrap(),
        );
        let n = defs.len();
        let engine =
            crate::detect::Engine::new(defs, &vec![false; n], crate::detect::AllowList::default())
                .unwrap();
        assert_eq!(engine.trigger_counts().2, 0);
    }

    #[test]
    fn no_panics_on_junk() {
        let junk: [&[u8]; 8] = [
            b"",
            b"-",
            b"-----",
            b"-----BEGIN -----",
            b"\\",
            b"=",
            b"PuTTY-User-Key-File-2:",
            b"a.b.c",
        ];
        for name in [
            "aws_secret",
            "aws_access_key_id",
            "gcp_api_key",
            "google_oauth_secret",
            "gcp_sa_key_id",
            "http_basic_auth",
            "http_cookie",
            "jwt",
            "pkcs_private_key",
            "openssh_private_key",
            "pgp_private_key",
            "putty_private_key",
            "stripe_key",
            "github_token",
            "github_pat",
            "npm_token",
            "gitlab_token",
            "slack_token",
            "slack_webhook",
            "pypi_token",
            "dockerhub_token",
            "azure_storage_key",
            "azure_sas",
            "twilio_sid",
            "hex32_secret",
            "sendgrid_key",
            "mailchimp_key",
            "shopify_token",
            "huggingface_token",
            "openai_key",
            "anthropic_key",
            "secret_generic",
            "url_password",
            "digitalocean_token",
            "vault_token",
            "grafana_token",
            "databricks_token",
            "postman_key",
            "newrelic_key",
            "discord_webhook",
            "stripe_webhook_secret",
            "age_secret_key",
        ] {
            let f = lookup(name).expect(name);
            for j in junk {
                let _ = f(j);
            }
            let mut big = vec![b'A'; 5000];
            big.extend_from_slice(b"-----BEGIN X-----");
            let _ = f(&big);
        }
    }
}
