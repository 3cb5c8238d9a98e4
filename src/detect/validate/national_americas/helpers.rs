//! Shared helpers for the national-identifier validators of the Americas (also
//! used by the health and Asia-Pacific validators): short digit runs, junk digit
//! strings and driver's-licence plausibility.

use crate::detect::validate::common::{date_any, digits, numbers};

/// Decimal value of a short run of ASCII digits (callers pass digits only).
pub(crate) fn num(b: &[u8]) -> u32 {
    b.iter().fold(0u32, |a, &c| {
        a.saturating_mul(10)
            .saturating_add(c.wrapping_sub(b'0') as u32 % 10)
    })
}

/// Junk digit strings: empty, all one digit, or a run such as `123456789`,
/// `987654321` or `1234567890`.
pub(crate) fn junk_digits(d: &[u8]) -> bool {
    if d.len() < 2 {
        return true;
    }
    let same = d.iter().all(|&b| b == d[0]);
    let up = d
        .windows(2)
        .all(|w| w[1] == w[0].wrapping_add(1) || (w[0] == b'9' && w[1] == b'0'));
    let down = d
        .windows(2)
        .all(|w| w[0] == w[1].wrapping_add(1) || (w[0] == b'0' && w[1] == b'9'));
    same || up || down
}

/// Shared plausibility test for driver's licence numbers, whose formats vary
/// by state or province and carry no check digit: `min..=max` digits, the
/// digits not junk, and a value made only of digits must not read as a date
/// (`2026-05-01`, `20260501`) or a 3-3-4 telephone number.
pub(crate) fn dl_plausible(v: &[u8], min: usize, max: usize) -> bool {
    let d = digits(v);
    if d.len() < min || d.len() > max || junk_digits(d.as_bytes()) {
        return false;
    }
    if v.iter().any(|b| b.is_ascii_alphabetic()) {
        return true;
    }
    if date_any(v) {
        return false;
    }
    let (_, lens, k) = numbers(v);
    !(k == 3 && lens[0] == 3 && lens[1] == 3 && lens[2] == 4)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert!(junk_digits(b"123456789"));
        assert!(junk_digits(b"987654321"));
        assert!(junk_digits(b"1234567890"));
        assert!(junk_digits(b"00000000"));
        assert!(!junk_digits(b"536228137"));
        assert!(dl_plausible(b"D1234568", 4, 14));
        assert!(!dl_plausible(b"20260501", 4, 14));
        assert!(!dl_plausible(b"555-201-4477", 4, 14));
    }
}
