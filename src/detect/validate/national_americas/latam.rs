//! Validates Latin American identifiers: Brazil (CPF, CNPJ, RG, CEP),
//! Argentina (DNI, CUIL/CUIT), Chile (RUT/RUN), Colombia (cédula, NIT) and
//! Mexico (CURP, RFC, NSS).

use super::helpers::{junk_digits, num};
use crate::detect::validate::common::{
    alnum_upper, date_any, digits, luhn_ok, valid_date, weighted_sum,
};

// ---------------------------------------------------------------- Brazil

/// CPF: 11 digits, two mod-11 check digits, not all one digit.
pub(super) fn br_cpf(v: &[u8]) -> bool {
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
pub(super) fn br_cnpj(v: &[u8]) -> bool {
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
pub(super) fn br_rg(v: &[u8]) -> bool {
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
pub(super) fn br_cep(v: &[u8]) -> bool {
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
pub(super) fn ar_dni(v: &[u8]) -> bool {
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
pub(super) fn ar_cuit_person(v: &[u8]) -> bool {
    matches!(ar_cuit_prefix(v), Some(20 | 23 | 24 | 27))
}

/// CUIT of an organization: prefix 30, 33 or 34.
pub(super) fn ar_cuit_org(v: &[u8]) -> bool {
    matches!(ar_cuit_prefix(v), Some(30 | 33 | 34))
}

// ---------------------------------------------------------------- Chile

/// RUT/RUN: body of 6–8 digits (not all zeros) and a mod-11 check
/// character (weights 2..7 from the right; 11 → 0, 10 → K). A bare digit
/// string that reads as a date is skipped.
pub(super) fn cl_rut(v: &[u8]) -> bool {
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
pub(super) fn co_cc(v: &[u8]) -> bool {
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
pub(super) fn co_nit_person(v: &[u8]) -> bool {
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
pub(super) fn co_nit_org(v: &[u8]) -> bool {
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
pub(super) fn mx_curp(v: &[u8]) -> bool {
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
pub(super) fn mx_rfc_person(v: &[u8]) -> bool {
    mx_rfc(v, 4)
}

/// RFC of an organization: 12 characters.
pub(super) fn mx_rfc_org(v: &[u8]) -> bool {
    mx_rfc(v, 3)
}

/// NSS (IMSS, Mexico): 11 digits — subdelegation, registration year,
/// birth year, serial — with a Luhn check digit; subdelegation and serial
/// not zero.
pub(super) fn mx_nss(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    b.len() == 11 && num(&b[..2]) != 0 && num(&b[6..10]) != 0 && luhn_ok(b) && !junk_digits(b)
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
