//! Generators shared by the secrets corpus: random bytes, hex, base64,
//! random passwords, bech32, CRC-24, and the context a value is assigned in.

use super::super::gen::*;

pub const HEX: &[u8] = b"0123456789abcdef";
pub const B64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
pub const LETTERS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

pub fn bytes(r: &mut Rng, n: usize) -> Vec<u8> {
    (0..n).map(|_| r.next() as u8).collect()
}

pub fn hex(r: &mut Rng, n: usize) -> String {
    r.alnum(n, HEX)
}

pub fn b64(data: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(data)
}

/// Base64 in lines of `w` characters joined by `sep`.
pub fn wrap(s: &str, w: usize, sep: &str) -> String {
    s.as_bytes()
        .chunks(w)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(sep)
}

/// A base62 string with upper, lower and digits (what random tokens show).
pub fn mixed(r: &mut Rng, n: usize, set: &[u8]) -> String {
    loop {
        let s = r.alnum(n, set);
        if s.bytes().any(|b| b.is_ascii_uppercase())
            && s.bytes().any(|b| b.is_ascii_lowercase())
            && s.bytes().any(|b| b.is_ascii_digit())
        {
            return s;
        }
    }
}

/// A random password of `min..min + spread` characters from `sym` plus
/// letters and digits, with upper, lower, digit and symbol present.
pub fn password(r: &mut Rng, min: usize, spread: u64, sym: &[u8]) -> String {
    let n = min + r.below(spread) as usize;
    let mut set = B62.to_vec();
    set.extend_from_slice(sym);
    loop {
        let s = r.alnum(n, &set);
        if s.bytes().any(|b| b.is_ascii_uppercase())
            && s.bytes().any(|b| b.is_ascii_lowercase())
            && s.bytes().any(|b| b.is_ascii_digit())
            && s.bytes().any(|b| sym.contains(&b))
        {
            return s;
        }
    }
}

/// Percent-encoding of base64 (`+`, `/`, `=`), as in URL query strings.
pub fn urlenc(s: &str) -> String {
    s.replace('+', "%2B")
        .replace('/', "%2F")
        .replace('=', "%3D")
}

/// OpenPGP armor checksum (RFC 4880 section 6.1).
pub fn crc24(data: &[u8]) -> u32 {
    let mut crc = 0xB704CEu32;
    for &b in data {
        crc ^= (b as u32) << 16;
        for _ in 0..8 {
            crc <<= 1;
            if crc & 0x100_0000 != 0 {
                crc ^= 0x186_4CFB;
            }
        }
    }
    crc & 0xFF_FFFF
}

const BECH32: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

fn polymod(values: &[u8]) -> u32 {
    const G: [u32; 5] = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
    let mut chk = 1u32;
    for &v in values {
        let b = chk >> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ v as u32;
        for (i, g) in G.iter().enumerate() {
            if (b >> i) & 1 == 1 {
                chk ^= g;
            }
        }
    }
    chk
}

/// BIP-173 bech32 encoding of `data` (8-bit bytes) under `hrp`.
pub fn bech32(hrp: &str, data: &[u8]) -> String {
    let mut five = Vec::new();
    let (mut acc, mut bits) = (0u32, 0u32);
    for &b in data {
        acc = (acc << 8) | b as u32;
        bits += 8;
        while bits >= 5 {
            bits -= 5;
            five.push(((acc >> bits) & 31) as u8);
        }
    }
    if bits > 0 {
        five.push(((acc << (5 - bits)) & 31) as u8);
    }
    let mut v: Vec<u8> = hrp.bytes().map(|c| c >> 5).collect();
    v.push(0);
    v.extend(hrp.bytes().map(|c| c & 31));
    v.extend(&five);
    v.extend([0u8; 6]);
    let pm = polymod(&v) ^ 1;
    let mut out = format!("{hrp}1");
    for &d in &five {
        out.push(BECH32[d as usize] as char);
    }
    for i in 0..6 {
        out.push(BECH32[((pm >> (5 * (5 - i))) & 31) as usize] as char);
    }
    out
}

/// `value` assigned to `name` (UPPER_SNAKE) in one of the shapes config
/// and code take: .env, shell export, YAML, JSON, TOML, Dockerfile, JS,
/// a log line, a Kubernetes env entry.
pub fn assign(r: &mut Rng, name: &str, value: &str) -> String {
    let low = name.to_ascii_lowercase();
    match r.below(9) {
        0 => format!("{name}={value}"),
        1 => format!("export {name}=\"{value}\""),
        2 => format!("config:\n  {low}: {value}"),
        3 => format!("{{\"{low}\": \"{value}\", \"enabled\": true}}"),
        4 => format!("[service]\n{low} = \"{value}\""),
        5 => format!("FROM node:20-alpine\nENV {name}={value}\nRUN npm ci"),
        6 => format!("const {low} = '{value}';"),
        7 => format!("2024-05-17T09:12:44Z DEBUG settings loaded {name}={value} region=eu-west-1"),
        _ => format!("        env:\n          - name: {name}\n            value: \"{value}\""),
    }
}
