//! Validates private-key blocks by decoding their bodies: PKCS#1/PKCS#8/SEC1
//! DER `SEQUENCE` lengths, the `openssh-key-v1` magic, OpenPGP secret-key
//! packets with the CRC-24 armor checksum, and PuTTY `.ppk` files.

use super::encoding::{b64_decode, trim_ws, B64};
use super::generic::{contains_ci, starts_with_ci};

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

pub(super) fn crc24_update(mut crc: u32, b: u8) -> u32 {
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
pub(super) fn pkcs_private_key(v: &[u8]) -> bool {
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
pub(super) fn openssh_private_key(v: &[u8]) -> bool {
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
pub(super) fn pgp_private_key(v: &[u8]) -> bool {
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
pub(super) fn putty_private_key(v: &[u8]) -> bool {
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
}
