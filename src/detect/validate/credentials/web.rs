//! Validates web credentials: HTTP Basic authorization, cookies, JSON Web
//! Tokens (header `alg`, JSON payload) and passwords embedded in URLs.

use super::encoding::{b64_decode, is_text_byte, trim_ws, B64};
use super::generic::{
    contains_ci, ends_with_ci, placeholder_password, random_token, runs, Alpha, KNOWN_PREFIXES,
};
use crate::detect::validate::common::entropy;

// ---------------------------------------------------------------------------
// HTTP headers
// ---------------------------------------------------------------------------

/// `Authorization: Basic <b64>`: the credentials decode to printable
/// `user:password` with a non-placeholder password (or an API-key-length
/// user with an empty password, as Stripe and others use).
pub(super) fn http_basic_auth(v: &[u8]) -> bool {
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
pub(super) fn http_cookie(v: &[u8]) -> bool {
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
pub(super) fn json_object(b: &[u8]) -> bool {
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
pub(super) fn jwt(v: &[u8]) -> bool {
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

/// `scheme://user:password@host`: a real-looking password (not a template,
/// placeholder, env reference, the user name again, or a port number), and
/// not a documentation host.
pub(super) fn url_password(v: &[u8]) -> bool {
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

#[cfg(test)]
mod tests {
    use super::super::generic::secret_generic;
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

    const JWT_HS: &str = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1XzgyNzMxIiwiaXNzIjoiaHR0cHM6Ly9hdXRoLmNvcnAuaW50ZXJuYWwiLCJleHAiOjE3NjcyMjU2MDAsInNjb3BlIjoicmVhZDpvcmRlcnMifQ.ihGE4yEgtGUJemeQSDOMLI4q2vDsNKExWQl6UJCzzIE";

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
}
