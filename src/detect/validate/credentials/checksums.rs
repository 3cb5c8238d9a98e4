//! Checksums of token formats: CRC32 in base62 (GitHub and npm tokens) and
//! BIP-173 bech32 (age keys). Plain functions over bytes.

const B62: &[u8; 62] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

pub(super) fn crc32(data: &[u8]) -> u32 {
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
pub(super) fn crc32_b62_ok(body: &[u8]) -> bool {
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

/// The data part of a bech32 string (`hrp` `1` data) whose checksum
/// verifies (BIP-173), or `None`.
pub(super) fn bech32_data(v: &[u8]) -> Option<&[u8]> {
    let sep = v.iter().rposition(|&b| b == b'1')?;
    let (hrp, data) = (&v[..sep], &v[sep + 1..]);
    if hrp.is_empty() || data.len() < 6 {
        return None;
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
        let x = BECH32.iter().position(|&b| b == d.to_ascii_lowercase())?;
        c = bech32_polymod_step(c, x as u32);
    }
    (c == 1).then_some(data)
}
