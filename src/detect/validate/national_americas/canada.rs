//! Validates Canadian identifiers: SIN, passport, permanent resident card and
//! driver's licence.

use super::helpers::{dl_plausible, junk_digits, num};
use crate::detect::validate::common::{alnum_upper, digits, luhn_ok};

// ---------------------------------------------------------------- Canada

/// SIN: 9 digits, Luhn, first digit not 0 (unused) or 8 (business numbers).
pub(super) fn ca_sin(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    b.len() == 9 && b[0] != b'0' && b[0] != b'8' && luhn_ok(b) && !junk_digits(b)
}

/// Canadian passport: 2 letters + 6 digits, digits not junk.
pub(super) fn ca_passport(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    b.len() == 8
        && b[..2].iter().all(u8::is_ascii_alphabetic)
        && b[2..].iter().all(u8::is_ascii_digit)
        && !junk_digits(&b[2..])
}

/// Permanent resident: card number (2 letters + 7 digits) or the Unique
/// Client Identifier (8 or 10 digits); digits not junk.
pub(super) fn ca_pr(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    match b.len() {
        9 => {
            b[..2].iter().all(u8::is_ascii_alphabetic)
                && b[2..].iter().all(u8::is_ascii_digit)
                && !junk_digits(&b[2..])
        }
        8 | 10 => b.iter().all(u8::is_ascii_digit) && !junk_digits(b) && num(&b[..4]) != 0,
        _ => false,
    }
}

/// Canadian driver's licence (provincial formats): 5–14 digits, at most 5
/// leading letters (Nova Scotia), digits not junk, not a date or phone.
pub(super) fn ca_dl(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    letters <= 5 && b[letters..].iter().all(u8::is_ascii_digit) && dl_plausible(v, 5, 14)
}

#[cfg(test)]
mod tests {
    use super::super::lookup;

    fn check(name: &str, cases: &[(&str, bool)]) {
        let f = lookup(name).expect(name);
        for (s, ok) in cases {
            assert_eq!(f(s.as_bytes()), *ok, "{name}({s:?})");
        }
    }

    #[test]
    fn canada() {
        check(
            "ca_sin",
            &[
                ("130 692 544", true),
                ("130-692-544", true),
                ("930692546", true),
                ("130 692 545", false),
                ("046 454 28", false),
                ("813 692 540", false),
                ("000000000", false),
            ],
        );
        check(
            "ca_passport",
            &[
                ("GA302922", true),
                ("hk472911", true),
                ("GA000000", false),
                ("G1302922", false),
            ],
        );
        check(
            "ca_pr",
            &[
                ("PA0391742", true),
                ("1104-5530", true),
                ("00-1104-5530", true),
                ("PA0000000", false),
                ("12345678", false),
                ("0000-5530", false),
            ],
        );
        check(
            "ca_dl",
            &[
                ("P4829-63017-50815", true),
                ("P482963017508", true),
                ("SMITH010185123", true),
                ("7394511", true),
                ("482917-365", true),
                ("1111111", false),
                ("1990-05-12", false),
                ("ABCDEF12345", false),
            ],
        );
    }
}
