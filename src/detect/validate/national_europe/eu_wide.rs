//! Validates EHIC card numbers and the structural checks of the other EU
//! driving licences (Finnish HETU, Swedish personnummer, junk rejection for the
//! purely numeric ones).

use super::helpers::{all_digits, date_2digit_year, junk_digits, num};
use crate::detect::validate::common::{digits, luhn_ok, valid_date, Digits};

// ---------------------------------------------------------------- EHIC

/// ISO 3166 numeric codes of the countries that issue the EHIC (EU, EEA,
/// Switzerland, UK GHIC).
const EHIC_COUNTRIES: [&[u8; 3]; 32] = [
    b"040", b"056", b"100", b"191", b"196", b"203", b"208", b"233", b"246", b"250", b"276", b"300",
    b"348", b"352", b"372", b"380", b"428", b"438", b"440", b"442", b"470", b"528", b"578", b"616",
    b"620", b"642", b"703", b"705", b"724", b"752", b"756", b"826",
];

fn ehic_digits(v: &[u8]) -> Option<Digits> {
    let d = digits(v);
    let s = d.as_bytes();
    if !(16..=20).contains(&s.len())
        || &s[..2] != b"80"
        || junk_digits(&s[5..])
        || s[5..].iter().all(|&b| b == b'0')
    {
        return None;
    }
    Some(d)
}

/// EHIC card number (ISO/IEC 7812 health card): `80` + an EHIC country's
/// numeric code + issuer and serial, 16–20 digits. Finnish cards (80246) are
/// left to the Finnish identifier.
pub(super) fn eu_ehic(v: &[u8]) -> bool {
    let Some(d) = ehic_digits(v) else {
        return false;
    };
    let s = d.as_bytes();
    let cc = &s[2..5];
    cc != b"246" && EHIC_COUNTRIES.iter().any(|c| &c[..] == cc)
}

/// Finnish EHIC card number: 20 digits beginning 80246.
pub(super) fn fi_ehic(v: &[u8]) -> bool {
    let Some(d) = ehic_digits(v) else {
        return false;
    };
    d.len() == 20 && d.as_bytes().starts_with(b"80246")
}

// ---------------------------------------------------------------- other EU driving licences

/// Purely numeric (or mostly numeric) licence numbers: the digits must not
/// be filler, and an all-digit 8-digit value must not read as a YYYYMMDD
/// date (with a letter in front, `M19930705`, it is a licence number, not a
/// date written next to the keyword).
pub(super) fn dl_digits(v: &[u8]) -> bool {
    let d = digits(v);
    let s = d.as_bytes();
    if s.len() < 5 || junk_digits(s) {
        return false;
    }
    if s.len() == 8 && !v.iter().any(u8::is_ascii_alphabetic) {
        let (y, m, dd) = (
            num(&s[..4]) as u32,
            num(&s[4..6]) as u32,
            num(&s[6..]) as u32,
        );
        if (1900..=2099).contains(&y) && valid_date(y, m, dd) {
            return false;
        }
    }
    true
}

/// Finnish personal identity code (HETU) as carried by the licence:
/// DDMMYY, century sign (+ - A, or the 2023 additions B–F, U–Y), individual
/// number 002–999, check character = `0123456789ABCDEFHJKLMNPRSTUVWXY`[DDMMYYNNN mod 31].
pub(super) fn dl_fi_hetu(v: &[u8]) -> bool {
    const CHK: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";
    if v.len() != 11 {
        return false;
    }
    let mut s = [0u8; 11];
    for (o, &b) in s.iter_mut().zip(v) {
        *o = b.to_ascii_uppercase();
    }
    if !all_digits(&s[..6]) || !all_digits(&s[7..10]) {
        return false;
    }
    let century = match s[6] {
        b'+' => 1800,
        b'-' | b'Y' | b'X' | b'W' | b'V' | b'U' => 1900,
        b'A' | b'B' | b'C' | b'D' | b'E' | b'F' => 2000,
        _ => return false,
    };
    let (d, m, y) = (
        num(&s[..2]) as u32,
        num(&s[2..4]) as u32,
        num(&s[4..6]) as u32,
    );
    if !valid_date(century + y, m, d) || num(&s[7..10]) < 2 {
        return false;
    }
    let mut n = [0u8; 9];
    n[..6].copy_from_slice(&s[..6]);
    n[6..].copy_from_slice(&s[7..10]);
    CHK[(num(&n) % 31) as usize] == s[10]
}

/// Swedish personnummer as carried by the licence: (YY)YYMMDD, optional -/+,
/// 4 digits; real date (day + 60 for samordningsnummer); Luhn over the
/// 10-digit form.
pub(super) fn dl_se_pnr(v: &[u8]) -> bool {
    let d = digits(v);
    let mut s = d.as_bytes();
    let mut century = None;
    if s.len() == 12 {
        century = Some(num(&s[..2]) as u32 * 100);
        s = &s[2..];
    }
    if s.len() != 10 || junk_digits(s) {
        return false;
    }
    let (y, m, mut dd) = (
        num(&s[..2]) as u32,
        num(&s[2..4]) as u32,
        num(&s[4..6]) as u32,
    );
    if dd > 60 {
        dd -= 60;
    }
    let date_ok = match century {
        Some(c) => valid_date(c + y, m, dd),
        None => date_2digit_year(y, m, dd),
    };
    date_ok && luhn_ok(s)
}

#[cfg(test)]
mod tests {
    use super::super::lookup;

    fn check(name: &str, cases: &[(&str, bool)]) {
        let f = lookup(name).unwrap_or_else(|| panic!("validator {name}"));
        for (v, ok) in cases {
            assert_eq!(f(v.as_bytes()), *ok, "{name}({v:?})");
        }
    }

    #[test]
    fn ehic() {
        check(
            "eu_ehic",
            &[
                ("80276470174681453840", true),
                ("80250 19161 46100 33076", true),
                ("8072466193451450", true),
                ("80246661934514506123", false), // Finnish: own identifier
                ("80999100772837832661", false), // not an EHIC country
                ("80276000000000000000", false),
                ("70276470174681453840", false),
            ],
        );
        check(
            "fi_ehic",
            &[
                ("80246661934514506123", true),
                ("80246 66304 94032 69910", true),
                ("80276470174681453840", false),
                ("8024666193451450", false),
            ],
        );
    }

    #[test]
    fn other_licences() {
        check(
            "dl_digits",
            &[
                ("48291736", true),
                ("4829 1736 05", true),
                ("12345678", false),
                ("77777777", false),
                ("19850312", false),
                ("M19930705", true), // Romanian: letter + 8 digits, not a date
                ("1234", false),
            ],
        );
        check(
            "dl_fi_hetu",
            &[
                ("131052-308T", true),
                ("230278-123J", true),
                ("150601A428K", true),
                ("010594Y9021", true),
                ("131052-308U", false),
                ("311352-308T", false),
                ("131052-001T", false),
                ("131052", false),
            ],
        );
        check(
            "dl_se_pnr",
            &[
                ("850312-4821", true),
                ("720611-5037", true),
                ("19910228-7316", true),
                ("850371-2047", true),
                ("850312-4822", false),
                ("851312-4821", false),
                ("1212121212", false),
            ],
        );
    }
}
