//! Validates United States identifiers: SSN, ITIN, EIN, passport and driver's
//! licence.

use super::helpers::{dl_plausible, junk_digits, num};
use crate::detect::validate::common::{alnum_upper, digits};

// ---------------------------------------------------------------- US

/// SSN: area 001–899 except 666, group 01–99, serial 0001–9999, not junk.
pub(super) fn us_ssn(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if b.len() != 9 || junk_digits(b) {
        return false;
    }
    let (area, group, serial) = (num(&b[0..3]), num(&b[3..5]), num(&b[5..9]));
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

/// ITIN: 9xx, group 50–65, 70–88, 90–92 or 94–99, serial not 0000.
pub(super) fn us_itin(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if b.len() != 9 || b[0] != b'9' || junk_digits(b) {
        return false;
    }
    let group = num(&b[3..5]);
    let group_ok = matches!(group, 50..=65 | 70..=88 | 90..=92 | 94..=99);
    group_ok && num(&b[5..9]) != 0
}

/// EIN: a prefix the IRS assigns (campus or internet), the rest not zeros.
pub(super) fn us_ein(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if b.len() != 9 || junk_digits(b) {
        return false;
    }
    let prefix_ok = matches!(
        num(&b[0..2]),
        1..=6 | 10..=16 | 20..=27 | 30..=39 | 40..=48 | 50..=68 | 71..=77 | 80..=88 | 90..=95 | 98 | 99
    );
    prefix_ok && num(&b[2..9]) != 0
}

/// US passport: 9 digits (older books) or a letter and 8 digits (Next
/// Generation Passport, passport card `C`), digits not junk.
pub(super) fn us_passport(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() != 9 {
        return false;
    }
    let digits_part = if b[0].is_ascii_alphabetic() {
        &b[1..]
    } else {
        b
    };
    digits_part.iter().all(u8::is_ascii_digit) && !junk_digits(digits_part) && num(digits_part) != 0
}

/// US driver's licence: state formats vary (letter + 4–14 digits, 7–12
/// digits, `WDL` + 9, grouped forms); 4–14 digits, all letters before the
/// digits except Washington's `WDL` format. Two-letter prefixes carry at most
/// 7 digits (Colorado, Ohio, West Virginia, Idaho) and three letters exactly
/// 6 (North Dakota): no state issues two letters and 13 digits, the Indian
/// `SS RR YYYY NNNNNNN` form. Washington's `WDL` + 9 characters may be mostly
/// letters.
pub(super) fn us_dl(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() == 12 && b.starts_with(b"WDL") {
        return b[3..].iter().any(|&c| c != b[3]);
    }
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let n = b.len() - letters;
    let prefix_ok = match letters {
        0 | 1 => true,
        2 => n <= 7,
        3 => n == 6,
        _ => false,
    };
    prefix_ok && b[letters..].iter().all(u8::is_ascii_digit) && dl_plausible(v, 4, 14)
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
    fn us() {
        check(
            "us_ssn",
            &[
                ("536-22-8137", true),
                ("536228137", true),
                ("899 01 0001", true),
                ("666-22-8137", false),
                ("000-22-8137", false),
                ("536-00-8137", false),
                ("536-22-0000", false),
                ("912-70-1234", false),
                ("111-11-1111", false),
                ("123-45-6789", false),
                ("53622813", false),
            ],
        );
        check(
            "us_itin",
            &[
                ("912-70-1234", true),
                ("900-50-0001", true),
                ("999 94 8765", true),
                ("965881234", true),
                ("912-93-1234", false),
                ("912-89-1234", false),
                ("912-66-1234", false),
                ("812-70-1234", false),
                ("912-70-0000", false),
            ],
        );
        check(
            "us_ein",
            &[
                ("45-2870113", true),
                ("04-3165290", true),
                ("99-0123457", true),
                ("07-2870113", false),
                ("00-2870113", false),
                ("96-2870113", false),
                ("12-3456789", false),
                ("45-0000000", false),
            ],
        );
        check(
            "us_passport",
            &[
                ("A23154897", true),
                ("C03005988", true),
                ("340020013", true),
                ("123456789", false),
                ("A00000000", false),
                ("AB1234567", false),
                ("12345678", false),
            ],
        );
        check(
            "us_dl",
            &[
                ("D1234568", true),
                ("S123-456-78-901-0", true),
                ("WDL7J2B9K41Q", true),
                ("123 456 781", true),
                ("46372811", true),
                ("K47-19-2035", true),
                ("WDLS0ZZBNSRJ", true),
                ("OH482917", true),
                ("MH1220110012345", false),
                ("MH12 20110012345", false),
                ("WDLAAAAAAAAA", false),
                ("2026-05-01", false),
                ("20260501", false),
                ("555-201-4477", false),
                ("ABCD12345", false),
                ("D1111111", false),
            ],
        );
    }
}
