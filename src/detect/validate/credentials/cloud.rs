//! Validates cloud-provider credentials: AWS access key IDs and secret keys,
//! Google API keys, OAuth client secrets and service-account key IDs, Azure
//! storage account keys and SAS tokens.

use super::encoding::{b64_decode, B64};
use super::generic::{contains_ci, has_placeholder_word, random_token, runs, Alpha};
use crate::detect::validate::common::entropy;

// ---------------------------------------------------------------------------
// AWS
// ---------------------------------------------------------------------------

/// `dir/Name/file1`: three or more `/` and every segment a word
/// (letter, then lower-case letters or digits), which random base64 is not.
pub(super) fn looks_like_path(v: &[u8]) -> bool {
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
pub(super) fn aws_secret(v: &[u8]) -> bool {
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
pub(super) fn aws_access_key_id(v: &[u8]) -> bool {
    v.len() == 20 && !contains_ci(v, b"example") && random_token(&v[4..], Alpha::B32)
}

// ---------------------------------------------------------------------------
// Google
// ---------------------------------------------------------------------------

/// Google API key `AIza` + 35: the body looks random.
pub(super) fn gcp_api_key(v: &[u8]) -> bool {
    v.len() == 39 && v.starts_with(b"AIza") && random_token(&v[4..], Alpha::Mixed)
}

/// Google OAuth client secret `GOCSPX-` + 28.
pub(super) fn google_oauth_secret(v: &[u8]) -> bool {
    v.len() > 7 && random_token(&v[7..], Alpha::Mixed)
}

/// `private_key_id` of a service account key: 40 random hex digits. The
/// matched value may carry the surrounding JSON; the id is the last 40 hex.
pub(super) fn gcp_sa_key_id(v: &[u8]) -> bool {
    v.len() == 40 && v.iter().all(u8::is_ascii_hexdigit) && random_token(v, Alpha::Hex)
}

/// bytes (not base64 of text). `v` may start with `AccountKey=`.
pub(super) fn azure_storage_key(v: &[u8]) -> bool {
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
pub(super) fn azure_sas(v: &[u8]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::validate::Validator;

    fn check(name: &str, f: Validator, good: &[&str], bad: &[&str]) {
        for g in good {
            assert!(f(g.as_bytes()), "{name} should accept {g:?}");
        }
        for b in bad {
            assert!(!f(b.as_bytes()), "{name} should reject {b:?}");
        }
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
}
