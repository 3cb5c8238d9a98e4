//! Validators for health identifiers (PHI): US DEA registration, HICN,
//! Medicare Beneficiary Identifier, HCPCS/CPT codes, National Drug Code,
//! National Provider Identifier, medical device UDIs (GS1, HIBCC, ICCBBA)
//! and Canadian provincial health numbers.
//!
//! In: the matched value with its separators. Out: keep or drop.
//! Why: most of these carry a published check (DEA checksum, NPI Luhn with
//! the 80840 prefix, GS1 mod-10, HIBCC mod-43, BC PHN mod-11, Ontario Luhn)
//! or strict position rules (MBI, HCPCS ranges) that the regex cannot hold.
//! No allocation, no panics.

use super::common::{alnum_upper, digits, luhn_ok, numbers, valid_date};
use super::national_americas::{junk_digits, num};
use super::Validator;

/// DEA registration: registrant-type letter, a letter (or 9), 7 digits with
/// (d1+d3+d5) + 2·(d2+d4+d6) ending in d7.
fn us_dea(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() != 9
        || !b"ABCDEFGHJKLMPRSTUX".contains(&b[0])
        || !(b[1].is_ascii_uppercase() || b[1] == b'9')
    {
        return false;
    }
    let d = &b[2..];
    if !d.iter().all(u8::is_ascii_digit) || d[..6].iter().all(|&c| c == b'0') {
        return false;
    }
    let x = |i: usize| (d[i] - b'0') as u32;
    let s = x(0) + x(2) + x(4) + 2 * (x(1) + x(3) + x(5));
    s % 10 == x(6)
}

/// Railroad Retirement Board claim-number prefixes (HICN-era RRB numbers).
const RRB_PREFIXES: [&[u8]; 14] = [
    b"A", b"CA", b"H", b"JA", b"MA", b"MH", b"PA", b"PD", b"PH", b"WA", b"WCA", b"WCD", b"WD",
    b"WH",
];

/// HICN: an SSN-shaped 9 digits (area 001–899 except 666, group and serial
/// not zero) and a beneficiary identification code (A, B, C, D, E, F, G,
/// H, J, K, M, T or W, optionally followed by a digit or letter); or an RRB
/// number (prefix letters and 6 or 9 digits).
fn us_hicn(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    let lead = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    if lead > 0 {
        let rest = &b[lead..];
        return RRB_PREFIXES.contains(&&b[..lead])
            && (rest.len() == 6 || rest.len() == 9)
            && rest.iter().all(u8::is_ascii_digit)
            && !junk_digits(rest);
    }
    if !(10..=11).contains(&b.len())
        || !b[..9].iter().all(u8::is_ascii_digit)
        || junk_digits(&b[..9])
    {
        return false;
    }
    let (area, group, serial) = (num(&b[0..3]), num(&b[3..5]), num(&b[5..9]));
    if area == 0 || area == 666 || area >= 900 || group == 0 || serial == 0 {
        return false;
    }
    b"ABCDEFGHJKMTW".contains(&b[9]) && (b.len() == 10 || b[10].is_ascii_alphanumeric())
}

/// MBI letters: A–Z without S, L, O, I, B, Z.
fn mbi_alpha(c: u8) -> bool {
    c.is_ascii_uppercase() && !b"SLOIBZ".contains(&c)
}

/// MBI (CMS): 11 characters `C A AN N A AN N A A N N` — C a digit 1–9,
/// N a digit, A an MBI letter, AN either.
fn us_mbi(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() != 11 || !(b'1'..=b'9').contains(&b[0]) {
        return false;
    }
    let digit = |i: usize| b[i].is_ascii_digit();
    let alpha = |i: usize| mbi_alpha(b[i]);
    let an = |i: usize| digit(i) || alpha(i);
    alpha(1)
        && an(2)
        && digit(3)
        && alpha(4)
        && an(5)
        && digit(6)
        && alpha(7)
        && alpha(8)
        && digit(9)
        && digit(10)
}

/// HCPCS level II (`J1100`: a section letter and 4 digits, not 0000), CPT
/// category I (5 digits in 00100–01999 or 10004–99607), category II
/// (`0001F`–`9007F`) and category III (`0042T`–`0999T`).
fn us_hcpcs(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() != 5 {
        return false;
    }
    if b[0].is_ascii_uppercase() {
        return b"ABCDEGHJKLMPQRSTUV".contains(&b[0])
            && b[1..].iter().all(u8::is_ascii_digit)
            && num(&b[1..]) != 0;
    }
    if !b[..4].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let n4 = num(&b[..4]);
    match b[4] {
        b'F' => (1..=9007).contains(&n4),
        b'T' => b[0] == b'0' && (42..=999).contains(&n4),
        c if c.is_ascii_digit() => {
            let n = num(b);
            (100..=1999).contains(&n) || (10004..=99607).contains(&n)
        }
        _ => false,
    }
}

/// NDC: 10 digits as 4-4-2, 5-3-2 or 5-4-1, or the 11-digit 5-4-2 billing
/// form (which pads one segment with a leading zero, so one of them starts
/// with 0); labeler and product not all zeros.
fn us_ndc(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if junk_digits(b) {
        return false;
    }
    let (n, lens, k) = numbers(v);
    match k {
        3 => {
            let shape = (lens[0], lens[1], lens[2]);
            if n[0] == 0 || n[1] == 0 {
                return false;
            }
            match shape {
                (4, 4, 2) | (5, 3, 2) | (5, 4, 1) => true,
                (5, 4, 2) => b[0] == b'0' || b[5] == b'0' || b[9] == b'0',
                _ => false,
            }
        }
        1 if b.len() == 11 => num(&b[..5]) != 0 && (b[0] == b'0' || b[5] == b'0' || b[9] == b'0'),
        1 if b.len() == 10 => num(&b[..4]) != 0,
        _ => false,
    }
}

/// NPI: 10 digits starting with 1 or 2, Luhn over `80840` + the number.
fn us_npi(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if b.len() != 10 || !(b[0] == b'1' || b[0] == b'2') || junk_digits(b) {
        return false;
    }
    let mut full = [0u8; 15];
    full[..5].copy_from_slice(b"80840");
    full[5..].copy_from_slice(b);
    luhn_ok(&full)
}

/// GS1 mod-10 check digit of a GTIN (any length): weights 3,1,3,… from the
/// digit left of the check digit.
fn gs1_ok(d: &[u8]) -> bool {
    if d.len() < 8 || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (body, check) = (&d[..d.len() - 1], (d[d.len() - 1] - b'0') as u32);
    let s: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &c)| (c - b'0') as u32 * if i % 2 == 0 { 3 } else { 1 })
        .sum();
    (10 - s % 10) % 10 == check
}

/// HIBCC character values for the mod-43 check character.
fn hibc_val(c: u8) -> Option<u32> {
    Some(match c {
        b'0'..=b'9' => (c - b'0') as u32,
        b'A'..=b'Z' => (c - b'A') as u32 + 10,
        b'-' => 36,
        b'.' => 37,
        b' ' => 38,
        b'$' => 39,
        b'/' => 40,
        b'+' => 41,
        b'%' => 42,
        _ => return None,
    })
}

/// HIBCC: the sum of all character values before the last, mod 43, is the
/// value of the last (the check character).
fn hibc_ok(v: &[u8]) -> bool {
    if v.len() < 8 {
        return false;
    }
    let (body, check) = (&v[..v.len() - 1], v[v.len() - 1]);
    let mut s = 0u32;
    for &c in body {
        match hibc_val(c) {
            Some(x) => s += x,
            None => return false,
        }
    }
    hibc_val(check) == Some(s % 43)
}

/// Medical device UDI: GS1 (`(01)` + GTIN-14, `01` + GTIN-14 + more AIs, or
/// a bare GTIN-14 device identifier) with the GS1 check digit; HIBCC
/// (`+` + labeler code …) with its mod-43 check character (a trailing
/// full stop may be the check character or sentence punctuation); ICCBBA /
/// ISBT 128 (`=` data structures) by structure.
fn med_udi(v: &[u8]) -> bool {
    match v.first() {
        Some(b'(') => {
            let d = digits(v);
            // (01) then 14 digits: the GTIN sits right after the AI.
            d.len() >= 16
                && &d.as_bytes()[..2] == b"01"
                && gs1_ok(&d.as_bytes()[2..16])
                && !junk_digits(&d.as_bytes()[2..15])
        }
        Some(b'+') => {
            let body = &v[1..];
            let has_digit = body.iter().any(u8::is_ascii_digit);
            has_digit
                && (hibc_ok(v)
                    || (v.len() > 8
                        && hibc_val(v[v.len() - 1]).is_some_and(|x| x >= 36)
                        && hibc_ok(&v[..v.len() - 1])))
        }
        Some(b'=') => {
            let d = digits(v);
            d.len() >= 6 && !junk_digits(d.as_bytes())
        }
        Some(c) if c.is_ascii_digit() => {
            if v.len() == 14 {
                return v.iter().all(u8::is_ascii_digit) && gs1_ok(v) && !junk_digits(&v[..13]);
            }
            v.len() >= 16
                && v.starts_with(b"01")
                && v[2..16].iter().all(u8::is_ascii_digit)
                && gs1_ok(&v[2..16])
                && !junk_digits(&v[2..15])
        }
        _ => false,
    }
}

/// BC PHN: 10 digits starting with 9, mod-11 check digit (weights
/// 2,4,8,5,10,9,7,3 over digits 2–9).
fn bc_phn_ok(b: &[u8]) -> bool {
    if b.len() != 10 || b[0] != b'9' {
        return false;
    }
    const W: [u32; 8] = [2, 4, 8, 5, 10, 9, 7, 3];
    let s: u32 = b[1..9]
        .iter()
        .zip(W)
        .map(|(&c, w)| ((c - b'0') as u32 * w) % 11)
        .sum();
    (11 - s % 11) % 11 == (b[9] - b'0') as u32
}

/// Canadian provincial health number: Ontario (10 digits, Luhn, optional
/// 2-letter version code), British Columbia (10 digits from 9, mod-11) or
/// Quebec RAMQ (4 letters + YYMMDD with month +50 for women + 2 digits).
fn ca_phn(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() == 12 && b[..4].iter().all(u8::is_ascii_uppercase) {
        let r = &b[4..];
        if !r.iter().all(u8::is_ascii_digit) {
            return false;
        }
        let (m, d) = (num(&r[2..4]), num(&r[4..6]));
        let m = if m > 50 { m - 50 } else { m };
        return valid_date(2000, m, d);
    }
    let d = digits(v);
    let n = d.as_bytes();
    let letters = b.len() - n.len();
    if n.len() != 10
        || !(letters == 0 || (letters == 2 && b[10..].iter().all(u8::is_ascii_uppercase)))
        || junk_digits(n)
    {
        return false;
    }
    bc_phn_ok(n) || luhn_ok(n)
}

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "us_dea" => us_dea,
        "us_hicn" => us_hicn,
        "us_mbi" => us_mbi,
        "us_hcpcs" => us_hcpcs,
        "us_ndc" => us_ndc,
        "us_npi" => us_npi,
        "med_udi" => med_udi,
        "ca_phn" => ca_phn,
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
    fn dea_hicn_mbi() {
        check(
            "us_dea",
            &[
                ("AB1234563", true),
                ("BJ6125341", true),
                ("FS9387627", true),
                ("M94726189", true),
                ("AB1234564", false),
                ("ZB1234563", false),
                ("A11234563", false),
                ("AB0000000", false),
            ],
        );
        check(
            "us_hicn",
            &[
                ("536-22-8137A", true),
                ("536228137B1", true),
                ("421 57 6309 D", true),
                ("MA482913", true),
                ("WCA284719356", true),
                ("536-22-8137Z", false),
                ("666-22-8137A", false),
                ("536-00-8137A", false),
                ("XY482913", false),
                ("123456789A", false),
            ],
        );
        check(
            "us_mbi",
            &[
                ("1EG4-TE5-MK73", true),
                ("5KQ7TN2RA93", true),
                ("9AA9AA9AA99", true),
                ("0EG4-TE5-MK73", false),
                ("1SG4-TE5-MK73", false),
                ("1EG4-TE5-MK7", false),
                ("1EG4-TE5-M173", false),
            ],
        );
    }

    #[test]
    fn codes() {
        check(
            "us_hcpcs",
            &[
                ("J1100", true),
                ("G0438", true),
                ("99213", true),
                ("00100", true),
                ("3074F", true),
                ("0042T", true),
                ("J0000", false),
                ("F1234", false),
                ("05000", false),
                ("99999", false),
                ("1042T", false),
                ("0000F", false),
            ],
        );
        check(
            "us_ndc",
            &[
                ("0002-7597-01", true),
                ("50242-040-62", true),
                ("60505-2519-1", true),
                ("00002-7597-01", true),
                ("00002759701", true),
                ("12345-6789-12", false),
                ("0000-7597-01", false),
                ("123-4567-890", false),
                ("12345678901", false),
            ],
        );
        check(
            "us_npi",
            &[
                ("1245319599", true),
                ("1679576722", true),
                ("2387432190", true),
                ("1245319598", false),
                ("3245319599", false),
                ("1111111111", false),
            ],
        );
    }

    #[test]
    fn udi() {
        check(
            "med_udi",
            &[
                (
                    "(01)51022222233336(11)141231(17)150707(10)A213B1(21)1234",
                    true,
                ),
                ("(01)00643169007222", true),
                ("0100643169007222172006301005052213", true),
                ("00643169007222", true),
                ("+A123BJC5D6E71G", true),
                ("=/A9999XYZ100T0944=,000025", true),
                ("(01)51022222233337", false),
                ("00643169007223", false),
                ("+A123BJC5D6E71H", false),
                ("(01)00000000000000", false),
            ],
        );
    }

    #[test]
    fn canada_health() {
        check(
            "ca_phn",
            &[
                ("9698 658 215", true),
                ("1234-567-898", false),
                ("4532 722 842 AB", true),
                ("2872496134", true),
                ("GAGN 5512 3112", true),
                ("TREM 8204 1512", true),
                ("9698 658 216", false),
                ("GAGN 5513 3112", false),
                ("GAGN 5502 3012", false),
                ("1111111111", false),
            ],
        );
    }
}
