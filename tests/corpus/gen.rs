//! Shared generators of the labelled corpus: a deterministic RNG, check-digit
//! helpers and the `Plant` record. Implemented here independently of the
//! validators in `src/` so the corpus measures them, not itself.

#![allow(dead_code)]

/// xorshift64*: deterministic, dependency-free.
pub struct Rng(pub u64);
impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    pub fn digit(&mut self) -> u8 {
        b'0' + self.below(10) as u8
    }
    pub fn digits(&mut self, n: usize) -> String {
        (0..n).map(|_| self.digit() as char).collect()
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> &'a T {
        &v[self.below(v.len() as u64) as usize]
    }
    pub fn alnum(&mut self, n: usize, set: &[u8]) -> String {
        (0..n)
            .map(|_| set[self.below(set.len() as u64) as usize] as char)
            .collect()
    }
}

pub const B62: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
pub const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
pub const UPPER_DIGITS: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

pub fn luhn_check_digit(body: &str) -> u8 {
    let mut sum = 0u32;
    for (i, c) in body.bytes().rev().enumerate() {
        let mut x = (c - b'0') as u32;
        if i % 2 == 0 {
            x *= 2;
            if x > 9 {
                x -= 9;
            }
        }
        sum += x;
    }
    b'0' + ((10 - sum % 10) % 10) as u8
}

pub fn luhn_number(r: &mut Rng, prefix: &str, len: usize) -> String {
    let body = format!("{prefix}{}", r.digits(len - prefix.len() - 1));
    let c = luhn_check_digit(&body);
    format!("{body}{}", c as char)
}

pub fn mod97_str(s: &str) -> u32 {
    let mut r = 0u32;
    for c in s.bytes() {
        let v = if c.is_ascii_digit() {
            (c - b'0') as u32
        } else {
            (c.to_ascii_uppercase() - b'A') as u32 + 10
        };
        r = if v >= 10 {
            (r * 100 + v) % 97
        } else {
            (r * 10 + v) % 97
        };
    }
    r
}

pub fn iban(cc: &str, bban: &str) -> String {
    let check = 98 - mod97_str(&format!("{bban}{cc}00"));
    format!("{cc}{check:02}{bban}")
}

pub fn crc32(data: &[u8]) -> u32 {
    let mut c = 0xFFFF_FFFFu32;
    for &b in data {
        c ^= b as u32;
        for _ in 0..8 {
            c = if c & 1 != 0 {
                (c >> 1) ^ 0xEDB8_8320
            } else {
                c >> 1
            };
        }
    }
    !c
}

pub fn base62(mut n: u32, width: usize) -> String {
    let mut v = vec![b'0'; width];
    for i in (0..width).rev() {
        v[i] = B62[(n % 62) as usize];
        n /= 62;
    }
    String::from_utf8(v).unwrap()
}

pub fn b64url(data: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(data)
}

/// A planted value: the text to insert, where the value sits inside it, and
/// its labels: the first is the detector that must find it (recall); any of
/// them may report it without counting as a false positive.
pub struct Plant {
    pub text: String,
    pub value: String,
    pub labels: &'static [&'static str],
}

pub fn plant(text: String, value: String, labels: &'static [&'static str]) -> Plant {
    Plant {
        text,
        value,
        labels,
    }
}
