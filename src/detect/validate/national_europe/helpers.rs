//! Shared helpers for the European national-identifier validators: digit
//! values, numeric runs, junk-digit rejection, the ICAO 9303 check digit and
//! two-digit-year dates.

use crate::detect::validate::common::valid_date;

// ---------------------------------------------------------------- helpers

/// Value of a digit byte.
pub(super) fn dv(b: u8) -> u32 {
    (b.wrapping_sub(b'0')) as u32
}

/// Number formed by digit bytes (at most 18 digits, else saturates).
pub(super) fn num(d: &[u8]) -> u64 {
    d.iter().fold(0u64, |a, &b| {
        a.saturating_mul(10).saturating_add(dv(b) as u64)
    })
}

pub(super) fn all_digits(d: &[u8]) -> bool {
    !d.is_empty() && d.iter().all(u8::is_ascii_digit)
}

pub(super) fn all_alpha(d: &[u8]) -> bool {
    !d.is_empty() && d.iter().all(u8::is_ascii_uppercase)
}

/// Obvious filler: one repeated digit, a repeated pair (`121212`), or a
/// straight run up or down (`12345678`, `98765432`, `0123456789`).
pub(super) fn junk_digits(d: &[u8]) -> bool {
    if d.is_empty() {
        return true;
    }
    if d.iter().all(|&b| b == d[0]) {
        return true;
    }
    if d.len() >= 6 && d.windows(3).all(|w| w[0] == w[2]) {
        return true;
    }
    if d.len() >= 5 {
        let up = d.windows(2).all(|w| (dv(w[0]) + 1) % 10 == dv(w[1]));
        let down = d.windows(2).all(|w| (dv(w[1]) + 1) % 10 == dv(w[0]));
        if up || down {
            return true;
        }
    }
    false
}

/// ICAO 9303 check digit (weights 7, 3, 1; A=10 .. Z=35, `<`=0).
pub(super) fn icao_check(s: &[u8]) -> Option<u32> {
    const W: [u32; 3] = [7, 3, 1];
    let mut sum = 0u32;
    for (i, &c) in s.iter().enumerate() {
        let v = match c {
            b'0'..=b'9' => dv(c),
            b'A'..=b'Z' => (c - b'A') as u32 + 10,
            b'<' => 0,
            _ => return None,
        };
        sum += v * W[i % 3];
    }
    Some(sum % 10)
}

/// Day/month/two-digit-year plausibility in either century.
pub(super) fn date_2digit_year(yy: u32, m: u32, d: u32) -> bool {
    valid_date(1900 + yy, m, d) || valid_date(2000 + yy, m, d)
}
