//! Validators for national identifiers of the Americas: United States (SSN,
//! ITIN, EIN, passport, driver's licence), Canada (SIN, passport, permanent
//! resident, driver's licence), Brazil (CPF, CNPJ, RG, CEP), Argentina (DNI,
//! CUIL/CUIT), Chile (RUT/RUN), Colombia (cédula, NIT) and Mexico (CURP, RFC).
//!
//! In: the matched value with its separators. Out: keep or drop.
//! Why: the regexes only give the shape; area/group rules, issuer prefixes,
//! mod-11 check digits and embedded birth dates decide. Everything works on
//! stack buffers (`Digits`), never allocates and never panics.

use super::common::{alnum_upper, date_any, digits, luhn_ok, numbers, valid_date, weighted_sum};
use super::Validator;

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

// ---------------------------------------------------------------- US

/// SSN: area 001–899 except 666, group 01–99, serial 0001–9999, not junk.
fn us_ssn(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if b.len() != 9 || junk_digits(b) {
        return false;
    }
    let (area, group, serial) = (num(&b[0..3]), num(&b[3..5]), num(&b[5..9]));
    area != 0 && area != 666 && area < 900 && group != 0 && serial != 0
}

/// ITIN: 9xx, group 50–65, 70–88, 90–92 or 94–99, serial not 0000.
fn us_itin(v: &[u8]) -> bool {
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
fn us_ein(v: &[u8]) -> bool {
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
fn us_passport(v: &[u8]) -> bool {
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
/// digits, `WDL` + 9, grouped forms); 4–14 digits, at most 3 letters, all
/// letters before the digits except Washington's `WDL` format.
fn us_dl(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() == 12 && b.starts_with(b"WDL") {
        return b.iter().any(u8::is_ascii_digit) && !junk_digits(digits(v).as_bytes());
    }
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    letters <= 3 && b[letters..].iter().all(u8::is_ascii_digit) && dl_plausible(v, 4, 14)
}

// ---------------------------------------------------------------- Canada

/// SIN: 9 digits, Luhn, first digit not 0 (unused) or 8 (business numbers).
fn ca_sin(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    b.len() == 9 && b[0] != b'0' && b[0] != b'8' && luhn_ok(b) && !junk_digits(b)
}

/// Canadian passport: 2 letters + 6 digits, digits not junk.
fn ca_passport(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    b.len() == 8
        && b[..2].iter().all(u8::is_ascii_alphabetic)
        && b[2..].iter().all(u8::is_ascii_digit)
        && !junk_digits(&b[2..])
}

/// Permanent resident: card number (2 letters + 7 digits) or the Unique
/// Client Identifier (8 or 10 digits); digits not junk.
fn ca_pr(v: &[u8]) -> bool {
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
fn ca_dl(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    letters <= 5 && b[letters..].iter().all(u8::is_ascii_digit) && dl_plausible(v, 5, 14)
}

// ---------------------------------------------------------------- Brazil

/// CPF: 11 digits, two mod-11 check digits, not all one digit.
fn br_cpf(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if b.len() != 11 || d.all_same() {
        return false;
    }
    let dv = |n: usize| {
        let s: u32 = b[..n]
            .iter()
            .enumerate()
            .map(|(i, &c)| (c - b'0') as u32 * (n as u32 + 1 - i as u32))
            .sum();
        (s * 10 % 11) % 10
    };
    dv(9) == (b[9] - b'0') as u32 && dv(10) == (b[10] - b'0') as u32
}

/// CNPJ: 14 characters, two mod-11 check digits (weights 5..2,9..2 and
/// 6..2,9..2). The first 12 may be letters (the alphanumeric CNPJ from
/// 2026: value = ASCII − 48); the check digits are always digits.
fn br_cnpj(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() != 14 || a.all_same() || !b[12..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    const W1: [u32; 12] = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    const W2: [u32; 13] = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
    let dv = |w: &[u32]| {
        let s: u32 = b.iter().zip(w).map(|(&c, &w)| (c - b'0') as u32 * w).sum();
        let r = s % 11;
        if r < 2 {
            0
        } else {
            11 - r
        }
    };
    dv(&W1) == (b[12] - b'0') as u32 && dv(&W2) == (b[13] - b'0') as u32
}

/// Brazilian state codes (UF).
const BR_UF: [&[u8; 2]; 27] = [
    b"AC", b"AL", b"AP", b"AM", b"BA", b"CE", b"DF", b"ES", b"GO", b"MA", b"MT", b"MS", b"MG",
    b"PA", b"PB", b"PR", b"PE", b"PI", b"RJ", b"RN", b"RS", b"RO", b"RR", b"SC", b"SP", b"SE",
    b"TO",
];

/// RG: the São Paulo form (8 digits + a mod-11 check digit or `X`, weights
/// 2..9), or a state-prefixed number (`MG-12.345.678`: a real UF code and
/// 7–8 digits, no check digit).
fn br_rg(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() >= 9 && b[..2].iter().all(u8::is_ascii_alphabetic) {
        let body = &b[2..];
        return BR_UF.iter().any(|uf| &b[..2] == *uf)
            && (7..=8).contains(&body.len())
            && body.iter().all(u8::is_ascii_digit)
            && !junk_digits(body);
    }
    if b.len() != 9 || !b[..8].iter().all(u8::is_ascii_digit) || junk_digits(&b[..8]) {
        return false;
    }
    let s = weighted_sum(&b[..8], &[2, 3, 4, 5, 6, 7, 8, 9]);
    let dv = (11 - s % 11) % 11;
    match b[8] {
        b'X' => dv == 10,
        c if c.is_ascii_digit() => dv == (c - b'0') as u32,
        _ => false,
    }
}

/// CEP: 8 digits, from 01000-000 up, not all one digit.
fn br_cep(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    b.len() == 8 && !d.all_same() && num(&b[..2]) != 0 && num(&b[5..]) <= 999
}

// ---------------------------------------------------------------- Argentina

/// Amount-shaped: a number ending in `000` (`1.500.000`) is far more often
/// money or a round figure than an identity number.
fn round_thousands(b: &[u8]) -> bool {
    b.len() >= 3 && b[b.len() - 3..] == *b"000"
}

/// DNI: 7–8 digits, no leading zero, not junk (skips 99.999.999, zeros),
/// not a round amount (`1.500.000`).
fn ar_dni(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    (7..=8).contains(&b.len()) && b[0] != b'0' && !junk_digits(b) && !round_thousands(b)
}

/// CUIL/CUIT: 11 digits, mod-11 check digit (weights 5,4,3,2,7,6,5,4,3,2;
/// 11 → 0; 10 is never issued), returning the 2-digit type prefix.
fn ar_cuit_prefix(v: &[u8]) -> Option<u32> {
    let d = digits(v);
    let b = d.as_bytes();
    if b.len() != 11 || junk_digits(&b[2..10]) {
        return None;
    }
    let s = weighted_sum(&b[..10], &[5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
    let dv = (11 - s % 11) % 11;
    (dv != 10 && dv == (b[10] - b'0') as u32).then(|| num(&b[..2]))
}

/// CUIL/CUIT of a person: prefix 20, 23, 24 or 27.
fn ar_cuit_person(v: &[u8]) -> bool {
    matches!(ar_cuit_prefix(v), Some(20 | 23 | 24 | 27))
}

/// CUIT of an organization: prefix 30, 33 or 34.
fn ar_cuit_org(v: &[u8]) -> bool {
    matches!(ar_cuit_prefix(v), Some(30 | 33 | 34))
}

// ---------------------------------------------------------------- Chile

/// RUT/RUN: body of 6–8 digits (not all zeros) and a mod-11 check
/// character (weights 2..7 from the right; 11 → 0, 10 → K). A bare digit
/// string that reads as a date is skipped.
fn cl_rut(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let b = a.as_bytes();
    if b.len() < 7 || b.len() > 9 {
        return false;
    }
    let (body, dv) = (&b[..b.len() - 1], b[b.len() - 1]);
    if !body.iter().all(u8::is_ascii_digit) || body.iter().all(|&c| c == b'0') || junk_digits(body)
    {
        return false;
    }
    // A bare run of digits that reads as a date (`run 20240512`) is not a RUT.
    if v.iter().all(u8::is_ascii_digit) && date_any(v) {
        return false;
    }
    let s: u32 = body
        .iter()
        .rev()
        .enumerate()
        .map(|(i, &c)| (c - b'0') as u32 * (2 + (i as u32 % 6)))
        .sum();
    match 11 - s % 11 {
        11 => dv == b'0',
        10 => dv == b'K',
        x => dv == b'0' + x as u8,
    }
}

// ---------------------------------------------------------------- Colombia

/// Cédula de ciudadanía: 6–8 digits (older series) or 10 digits starting
/// with 1 (issued since 2003), no leading zero, not junk, not a round
/// amount (`1.500.000` pesos).
fn co_cc(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    let len_ok = match b.len() {
        6..=8 => b[0] != b'0',
        10 => b[0] == b'1',
        _ => false,
    };
    len_ok && !junk_digits(b) && !round_thousands(b)
}

/// NIT check digit (DIAN): weights 3,7,13,17,... from the right, mod 11;
/// remainders 0 and 1 are the digit, otherwise 11 − remainder.
fn co_nit_dv(body: &[u8]) -> u32 {
    const W: [u32; 15] = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
    let s: u32 = body
        .iter()
        .rev()
        .zip(W.iter())
        .map(|(&c, &w)| (c - b'0') as u32 * w)
        .sum();
    let r = s % 11;
    if r < 2 {
        r
    } else {
        11 - r
    }
}

/// Whether a NIT body is a company's: 9 digits starting with 8 or 9.
fn co_org_body(body: &[u8]) -> bool {
    body.len() == 9 && (body[0] == b'8' || body[0] == b'9')
}

/// NIT of a person: the cédula number and its check digit, written apart
/// (`79.123.456-1`); the body is not company-shaped.
fn co_nit_person(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if b.len() < 7
        || !v
            .iter()
            .rev()
            .nth(1)
            .is_some_and(|&c| c == b'-' || c == b' ')
    {
        return false;
    }
    let body = &b[..b.len() - 1];
    co_cc(body) && !co_org_body(body) && co_nit_dv(body) == (b[b.len() - 1] - b'0') as u32
}

/// NIT of an organization: 9 digits starting with 8 or 9, followed by its
/// check digit; a bare 9-digit body (no check digit) is accepted too.
fn co_nit_org(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    match b.len() {
        9 => co_org_body(b) && !junk_digits(b),
        10 => {
            co_org_body(&b[..9])
                && !junk_digits(&b[..9])
                && co_nit_dv(&b[..9]) == (b[9] - b'0') as u32
        }
        _ => false,
    }
}

// ---------------------------------------------------------------- Mexico

/// The value without `-`/space separators, upper-cased, keeping `&` (RFC).
fn mx_compact(v: &[u8]) -> ([u8; 24], usize) {
    let mut out = [0u8; 24];
    let mut n = 0;
    for &c in v {
        if c == b'-' || c == b' ' {
            continue;
        }
        if n == out.len() {
            return (out, 0);
        }
        out[n] = c.to_ascii_uppercase();
        n += 1;
    }
    (out, n)
}

/// RENAPO state codes (plus `NE`, born abroad; `QO` as some generators write
/// Querétaro).
const MX_STATES: [&[u8; 2]; 34] = [
    b"AS", b"BC", b"BS", b"CC", b"CL", b"CM", b"CS", b"CH", b"DF", b"DG", b"GT", b"GR", b"HG",
    b"JC", b"MC", b"MN", b"MS", b"NT", b"NL", b"OC", b"PL", b"QT", b"QO", b"QR", b"SP", b"SL",
    b"SR", b"TC", b"TS", b"TL", b"VZ", b"YN", b"ZS", b"NE",
];

/// YYMMDD is a real date in some century (the caller may pin it).
fn yymmdd(b: &[u8], century: Option<u32>) -> bool {
    if b.len() != 6 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (y, m, d) = (num(&b[..2]), num(&b[2..4]), num(&b[4..6]));
    match century {
        Some(c) => valid_date(c + y, m, d),
        None => valid_date(1900 + y, m, d) || valid_date(2000 + y, m, d),
    }
}

/// CURP: 4 letters, a real birth date (century from the 17th character:
/// digit → 1900s, letter → 2000s), sex H/M/X, a RENAPO state, 3 letters,
/// and the check digit (values 0–9, A=10 … Z=36 without Ñ gap issues,
/// weights 18..2, (10 − sum mod 10) mod 10).
fn mx_curp(v: &[u8]) -> bool {
    let (b, n) = mx_compact(v);
    if n != 18 {
        return false;
    }
    let b = &b[..18];
    let letters = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_uppercase);
    if !letters(0..4)
        || !letters(11..16)
        || !matches!(b[10], b'H' | b'M' | b'X')
        || !b[17].is_ascii_digit()
    {
        return false;
    }
    if !MX_STATES.iter().any(|s| &b[11..13] == *s) || !b[16].is_ascii_alphanumeric() {
        return false;
    }
    let century = if b[16].is_ascii_digit() { 1900 } else { 2000 };
    if !yymmdd(&b[4..10], Some(century)) {
        return false;
    }
    // "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ": letters after N shift by one.
    let val = |c: u8| -> u32 {
        match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'A'..=b'N' => (c - b'A') as u32 + 10,
            _ => (c - b'A') as u32 + 11,
        }
    };
    let s: u32 = b[..17]
        .iter()
        .enumerate()
        .map(|(i, &c)| val(c) * (18 - i as u32))
        .sum();
    (10 - s % 10) % 10 == (b[17] - b'0') as u32
}

/// RFC common part: `k` name characters (letters or `&`), a real date,
/// a 3-character alphanumeric homoclave.
fn mx_rfc(v: &[u8], k: usize) -> bool {
    let (b, n) = mx_compact(v);
    if n != k + 9 {
        return false;
    }
    let b = &b[..n];
    b[..k].iter().all(|&c| c.is_ascii_uppercase() || c == b'&')
        && b[..k].iter().any(u8::is_ascii_uppercase)
        && yymmdd(&b[k..k + 6], None)
        && b[k + 6..].iter().all(u8::is_ascii_alphanumeric)
        && !(b.starts_with(b"XAXX") || b.starts_with(b"XEXX"))
}

/// RFC of a person: 13 characters.
fn mx_rfc_person(v: &[u8]) -> bool {
    mx_rfc(v, 4)
}

/// RFC of an organization: 12 characters.
fn mx_rfc_org(v: &[u8]) -> bool {
    mx_rfc(v, 3)
}

/// NSS (IMSS, Mexico): 11 digits — subdelegation, registration year,
/// birth year, serial — with a Luhn check digit; subdelegation and serial
/// not zero.
fn mx_nss(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    b.len() == 11 && num(&b[..2]) != 0 && num(&b[6..10]) != 0 && luhn_ok(b) && !junk_digits(b)
}

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "us_ssn" => us_ssn,
        "us_itin" => us_itin,
        "us_ein" => us_ein,
        "us_passport" => us_passport,
        "us_dl" => us_dl,
        "ca_sin" => ca_sin,
        "ca_passport" => ca_passport,
        "ca_pr" => ca_pr,
        "ca_dl" => ca_dl,
        "br_cpf" => br_cpf,
        "br_cnpj" => br_cnpj,
        "br_rg" => br_rg,
        "br_cep" => br_cep,
        "ar_dni" => ar_dni,
        "ar_cuit_person" => ar_cuit_person,
        "ar_cuit_org" => ar_cuit_org,
        "cl_rut" => cl_rut,
        "co_cc" => co_cc,
        "co_nit_person" => co_nit_person,
        "co_nit_org" => co_nit_org,
        "mx_curp" => mx_curp,
        "mx_rfc_person" => mx_rfc_person,
        "mx_rfc_org" => mx_rfc_org,
        "mx_nss" => mx_nss,
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
                ("2026-05-01", false),
                ("20260501", false),
                ("555-201-4477", false),
                ("ABCD12345", false),
                ("D1111111", false),
            ],
        );
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

    #[test]
    fn brazil() {
        check(
            "br_cpf",
            &[
                ("390.533.447-05", true),
                ("39053344705", true),
                ("529.982.247-25", true),
                ("390.533.447-06", false),
                ("111.111.111-11", false),
                ("3905334470", false),
            ],
        );
        check(
            "br_cnpj",
            &[
                ("11.222.333/0001-81", true),
                ("11222333000181", true),
                ("12.ABC.345/01DE-35", true),
                ("11.222.333/0001-82", false),
                ("00.000.000/0000-00", false),
                ("12.ABC.345/01DE-36", false),
            ],
        );
        check(
            "br_rg",
            &[
                ("31.203.131-2", true),
                ("35.540.462-X", true),
                ("355404620", false),
                ("MG-14.382.907", true),
                ("31.203.131-3", false),
                ("ZZ-12.345.678", false),
                ("11.111.111-1", false),
            ],
        );
        check(
            "br_cep",
            &[
                ("01310-100", true),
                ("70040010", true),
                ("00000-000", false),
                ("00123-456", false),
                ("11111-111", false),
            ],
        );
    }

    #[test]
    fn argentina_chile_colombia() {
        check(
            "ar_dni",
            &[
                ("12.345.679", true),
                ("28456123", true),
                ("4829071", true),
                ("99.999.999", false),
                ("00000000", false),
                ("1.500.000", false),
                ("12345678", false),
                ("0456789", false),
            ],
        );
        check(
            "ar_cuit_person",
            &[
                ("20-28456123-7", true),
                ("27-33456781-3", true),
                ("20284561237", true),
                ("20-28456123-6", false),
                ("30-71234567-1", false),
            ],
        );
        check(
            "ar_cuit_org",
            &[
                ("30-71234567-1", true),
                ("33-69345023-9", true),
                ("20-28456123-7", false),
                ("30-71234567-2", false),
            ],
        );
        check(
            "cl_rut",
            &[
                ("15.832.467-9", true),
                ("7.482.913-9", true),
                ("76.086.428-5", true),
                ("10.000.013-K", true),
                ("10000013k", true),
                ("20240512", false),
                ("20240512-6", true),
                ("15.832.467-8", false),
                ("00.000.000-0", false),
                ("11.111.111-1", false),
            ],
        );
        check(
            "co_cc",
            &[
                ("79.482.316", true),
                ("1095312769", true),
                ("52418736", true),
                ("2095312769", false),
                ("123456789", false),
                ("2.500.000", false),
                ("11111111", false),
                ("12345", false),
            ],
        );
        check(
            "co_nit_person",
            &[
                ("79.482.316-7", true),
                ("1095312769-0", true),
                ("79.482.316-4", false),
                ("900.123.456-8", false),
                ("794823163", false),
            ],
        );
        check(
            "co_nit_org",
            &[
                ("900.123.456-8", true),
                ("860002964-4", true),
                ("900123456", true),
                ("9001234568", true),
                ("900.123.456-7", false),
                ("79.482.316-7", false),
                ("999999999", false),
            ],
        );
    }

    #[test]
    fn mexico() {
        check(
            "mx_curp",
            &[
                ("GOMC920415HDFRRR01", true),
                ("BADD110313HCMLNS06", true),
                ("SAHE000101MNLNRRA2", true),
                ("GOMC920415HDFRRR02", false),
                ("GOMC921315HDFRRR01", false),
                ("GOMC920415HZZRRR01", false),
                ("GOMC920415HDFRRR0", false),
            ],
        );
        check(
            "mx_rfc_person",
            &[
                ("GODE561231GR8", true),
                ("GODE 561231 GR8", true),
                ("VACE-460910-SX6", true),
                ("GODE561331GR8", false),
                ("XAXX010101000", false),
                ("XEXX010101000", false),
                ("MAB9307148T4", false),
            ],
        );
        check(
            "mx_nss",
            &[
                ("37019165614", true),
                ("1446 10 0009 4", true),
                ("28307665126", true),
                ("37019165615", false),
                ("00019165612", false),
                ("3701916561", false),
            ],
        );
        check(
            "mx_rfc_org",
            &[
                ("MAB9307148T4", true),
                ("M&B930714AB1", true),
                ("MAB-930231-8T4", false),
                ("GODE561231GR8", false),
            ],
        );
    }
}
