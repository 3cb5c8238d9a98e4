//! Validators for national identifiers of Asia-Pacific: India (Aadhaar,
//! PAN, driving licence) and Australia (tax file number, driver's licence).
//!
//! In: the matched value with its separators. Out: keep or drop.
//! Why: Aadhaar carries a Verhoeff check digit, the TFN a weighted mod-11
//! check, PAN a holder-type letter, the Indian licence a state code and a
//! year; the regexes cannot express any of that. No allocation, no panics.

use super::common::{alnum_upper, digits, verhoeff_ok, weighted_sum};
use super::national_americas::{dl_plausible, junk_digits, num};
use super::Validator;

/// Aadhaar: 12 digits, first digit 2–9, Verhoeff check digit, not junk.
fn in_aadhaar(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    b.len() == 12 && b[0] >= b'2' && verhoeff_ok(b) && !junk_digits(b)
}

/// PAN: 5 letters, 4 digits (not 0000), 1 letter; the 4th letter is a
/// holder type (A AOP, B BOI, C company, F firm/LLP, G government, H HUF,
/// J artificial juridical person, K krish, L local authority, P person, T trust).
fn in_pan(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    b.len() == 10
        && b[..5].iter().all(u8::is_ascii_uppercase)
        && b[5..9].iter().all(u8::is_ascii_digit)
        && b[9].is_ascii_uppercase()
        && b"ABCFGHJKLPT".contains(&b[3])
        && &b[5..9] != b"0000"
}

/// Indian state and union-territory codes used on driving licences
/// (including the older `OR`, `UA`, `CG`/`CT` spellings).
const IN_STATES: [&[u8; 2]; 40] = [
    b"AN", b"AP", b"AR", b"AS", b"BR", b"CG", b"CH", b"CT", b"DD", b"DL", b"DN", b"GA", b"GJ",
    b"HP", b"HR", b"JH", b"JK", b"KA", b"KL", b"LA", b"LD", b"MH", b"ML", b"MN", b"MP", b"MZ",
    b"NL", b"OD", b"OR", b"PB", b"PY", b"RJ", b"SK", b"TN", b"TR", b"TS", b"UK", b"UA", b"UP",
    b"WB",
];

/// Indian driving licence `SS RR YYYY NNNNNNN`: a state code, a 2-digit RTO
/// (not 00), an issue year 1950–2039, a 7-digit serial (not zeros).
fn in_dl(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() != 15
        || !IN_STATES.iter().any(|s| &b[..2] == *s)
        || !b[2..].iter().all(u8::is_ascii_digit)
    {
        return false;
    }
    let (rto, year, serial) = (num(&b[2..4]), num(&b[4..8]), num(&b[8..15]));
    rto != 0 && (1950..=2039).contains(&year) && serial != 0 && !junk_digits(&b[8..15])
}

/// TFN: 9 digits with weights 1,4,3,7,5,8,6,9,10 or (older) 8 digits with
/// weights 10,7,8,4,6,3,5,1; the weighted sum is divisible by 11. Not junk.
fn au_tfn(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if junk_digits(b) {
        return false;
    }
    match b.len() {
        9 => weighted_sum(b, &[1, 4, 3, 7, 5, 8, 6, 9, 10]) % 11 == 0,
        8 => weighted_sum(b, &[10, 7, 8, 4, 6, 3, 5, 1]) % 11 == 0,
        _ => false,
    }
}

/// Australian driver's licence (state formats: 6–10 digits, or 1–2 letters
/// and digits as in SA/TAS): digits not junk, not a date.
fn au_dl(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    letters <= 2 && b[letters..].iter().all(u8::is_ascii_digit) && dl_plausible(v, 4, 10)
}

/// ABN (Australian Business Number): 11 digits; subtract 1 from the first
/// digit, weights 10,1,3,5,...,19, the sum divisible by 89.
fn au_abn(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if b.len() != 11 || b[0] == b'0' || junk_digits(b) {
        return false;
    }
    const W: [u32; 11] = [10, 1, 3, 5, 7, 9, 11, 13, 15, 17, 19];
    let s: u32 = b
        .iter()
        .zip(W)
        .enumerate()
        .map(|(i, (&c, w))| ((c - b'0') as u32 - u32::from(i == 0)) * w)
        .sum();
    s % 89 == 0
}

/// Australian Medicare card number: 10 digits (optionally an 11th, the
/// individual reference number 1-9); first digit 2-6; the 9th digit is
/// the check digit (weights 1,3,7,9,1,3,7,9 mod 10).
fn au_medicare(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if !(b.len() == 10 || (b.len() == 11 && b[10] != b'0'))
        || !(b'2'..=b'6').contains(&b[0])
        || junk_digits(&b[..9])
    {
        return false;
    }
    weighted_sum(&b[..8], &[1, 3, 7, 9, 1, 3, 7, 9]) % 10 == (b[8] - b'0') as u32
}

/// GSTIN (India): a state code (01-38, 97, 99), a valid PAN, an entity
/// number (not 0), `Z`, and a Luhn mod-36 check character over all 15.
fn in_gstin(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() != 15 || !b[..2].iter().all(u8::is_ascii_digit) || b[12] == b'0' || b[13] != b'Z' {
        return false;
    }
    if !(matches!(num(&b[..2]), 1..=38 | 97 | 99) && in_pan(&b[2..12])) {
        return false;
    }
    let val = |c: u8| {
        if c.is_ascii_digit() {
            (c - b'0') as u32
        } else {
            (c - b'A') as u32 + 10
        }
    };
    let s: u32 = b
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &c)| {
            let x = val(c) * if i % 2 == 1 { 2 } else { 1 };
            x / 36 + x % 36
        })
        .sum();
    s % 36 == 0
}

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "in_aadhaar" => in_aadhaar,
        "in_pan" => in_pan,
        "in_dl" => in_dl,
        "au_tfn" => au_tfn,
        "au_dl" => au_dl,
        "au_abn" => au_abn,
        "au_medicare" => au_medicare,
        "in_gstin" => in_gstin,
        _ => return None,
    };
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, cases: &[(&str, bool)]) {
        let f = lookup(name).expect(name);
        for (s, ok) in cases {
            assert_eq!(f(s.as_bytes()), *ok, "{name}({s:?})");
        }
    }

    #[test]
    fn india() {
        check(
            "in_aadhaar",
            &[
                ("4991 1866 5246", true),
                ("499118665246", true),
                ("2345-6789-0123", false),
                ("4991 1866 5247", false),
                ("1991 1866 5246", false),
                ("0000 0000 0000", false),
            ],
        );
        check(
            "in_pan",
            &[
                ("AFZPK7190K", true),
                ("aabcs1429b", true),
                ("BNZAA2318J", true),
                ("AFZDK7190K", false),
                ("AFZPK0000K", false),
                ("AFZP7190K", false),
            ],
        );
        check(
            "in_dl",
            &[
                ("MH12 20110012345", true),
                ("DL-0420110149646", true),
                ("KA0119990004567", true),
                ("ZZ12 20110012345", false),
                ("MH00 20110012345", false),
                ("MH12 18110012345", false),
                ("MH12 20110000000", false),
            ],
        );
    }

    #[test]
    fn australia() {
        check(
            "au_tfn",
            &[
                ("876 543 210", false),
                ("123 456 782", true),
                ("37118629", true),
                ("459 599 230", true),
                ("876 543 211", false),
                ("000 000 000", false),
                ("37118628", false),
                ("12345678", false),
            ],
        );
        check(
            "au_dl",
            &[
                ("94716532", true),
                ("S48291", true),
                ("0823745617", true),
                ("11111111", false),
                ("19900512", false),
                ("ABC12345", false),
            ],
        );
        check(
            "au_abn",
            &[
                ("51 824 753 556", true),
                ("53004085616", true),
                ("24787789328", true),
                ("51 824 753 557", false),
                ("01824753556", false),
                ("11111111111", false),
            ],
        );
        check(
            "au_medicare",
            &[
                ("2003 39072 6", true),
                ("5938347092", true),
                ("5468 14536 9 1", true),
                ("2003 39082 6", false),
                ("7003390726", false),
                ("5468145369 0", false),
            ],
        );
    }

    #[test]
    fn gstin() {
        check(
            "in_gstin",
            &[
                ("27AAPFU0939F1ZV", true),
                ("29AAGCB7383J1Z4", true),
                ("07AFZPK7190K1ZI", true),
                ("27AAPFU0939F1ZW", false),
                ("27AAPDU0939F1ZV", false),
                ("40AAPFU0939F1ZV", false),
                ("27AAPFU0939F0ZV", false),
            ],
        );
    }
}
