//! Validates generic secret assignments (`password = "..."`, `api_key: ...`)
//! and holds the shared entropy and character-class floors for random tokens,
//! the placeholder-word list and placeholder-password rejection.

use super::cloud::aws_secret;
use super::encoding::b64_decode;
use crate::detect::validate::common::entropy;

// ---------------------------------------------------------------------------
// Shared building blocks
// ---------------------------------------------------------------------------

/// Character set a random token is drawn from (decides the floors).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Alpha {
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
pub(super) fn contains_ci(hay: &[u8], needle: &[u8]) -> bool {
    if needle.is_empty() || needle.len() > hay.len() {
        return needle.is_empty();
    }
    hay.windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle))
}

pub(super) fn starts_with_ci(hay: &[u8], p: &[u8]) -> bool {
    hay.len() >= p.len() && hay[..p.len()].eq_ignore_ascii_case(p)
}

pub(super) fn ends_with_ci(hay: &[u8], p: &[u8]) -> bool {
    hay.len() >= p.len() && hay[hay.len() - p.len()..].eq_ignore_ascii_case(p)
}

/// Longest run of one repeated byte, and longest run of consecutive
/// ascending or descending alphanumerics (case-folded: `aBcD` is a run of 4).
pub(super) fn runs(v: &[u8]) -> (usize, usize) {
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

pub(super) fn has_placeholder_word(v: &[u8]) -> bool {
    PLACEHOLDER_WORDS.iter().any(|w| contains_ci(v, w))
}

/// A body that looks randomly generated from `alpha`: enough entropy for
/// its length, the case mix random data has, no long runs of one character
/// or of a sequence (`xxxx`, `1234abcd`), no placeholder words.
pub(super) fn random_token(body: &[u8], alpha: Alpha) -> bool {
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

/// Passwords that are templates or documentation stand-ins.
pub(super) fn placeholder_password(pw: &[u8]) -> bool {
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
    if b"$%[{:".contains(&pw[0]) && sigil_reference(pw) {
        return true;
    }
    let (same, _) = runs(pw);
    same == pw.len()
}

// ---------------------------------------------------------------------------
// Generic assignments and URLs
// ---------------------------------------------------------------------------

/// Prefixes of tokens that have their own detector.
pub(super) const KNOWN_PREFIXES: &[&[u8]] = &[
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

/// A value opening with a sigil is a reference, path, flag or template
/// (`$VAR`, `${VAR}`, `%APPDATA%`, `@Value`, `*alias`, `!Ref`, `/run/x`,
/// `~/.x`, `./x`, `#{x}`, `:sym`, `-Dflag`) when the rest holds
/// only the characters such references are made of; a random password that
/// happens to open with a symbol (`$75Q#M^3OIGr`) has others as well.
fn sigil_reference(v: &[u8]) -> bool {
    let rest = &v[1..];
    let rest = match v[0] {
        // %VAR% (Windows) or %(name)s (Python); %abc alone is not a reference.
        b'%' if rest.starts_with(b"(") => return true,
        b'%' => match rest.strip_suffix(b"%") {
            Some(r) => r,
            None => return false,
        },
        _ => rest,
    };
    rest.iter()
        .all(|&b| b.is_ascii_alphanumeric() || b"_.-/{}()[]:".contains(&b))
}

/// A hard-coded secret assigned to a password/secret/token/key name: 8-128
/// characters, not a template, reference or placeholder, with entropy and
/// mixed character classes; values in the shape of a token that has its own
/// detector are left to it.
pub(super) fn secret_generic(v: &[u8]) -> bool {
    let n = v.len();
    if !(8..=128).contains(&n) {
        return false;
    }
    if KNOWN_PREFIXES.iter().any(|p| v.starts_with(p)) {
        return false;
    }
    if b"$%@&*!/~.#=:?-".contains(&v[0]) && sigil_reference(v) {
        return false;
    }
    // The next `name=value` pair of a line (`token> region=eu-west-1` after
    // a placeholder), not a value.
    let word = v
        .iter()
        .take_while(|b| b.is_ascii_lowercase() || **b == b'_')
        .count();
    if word >= 2 && v.get(word) == Some(&b'=') {
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

#[cfg(test)]
mod tests {
    use super::super::checksums::crc32;
    use super::super::cloud::looks_like_path;
    use super::super::keys::crc24_update;
    use super::*;

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
}
