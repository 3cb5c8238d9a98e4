//! Chile (RUT/RUN), Colombia (cédula, NIT), Mexico (CURP, RFC, IMSS NSS).

use super::*;

/// Chilean RUT check character: weights 2..7 from the right, 11 - sum mod
/// 11, 11 = 0, 10 = K.
fn rut_dv(body: u64) -> char {
    let s: u32 = dv(&body.to_string())
        .iter()
        .rev()
        .enumerate()
        .map(|(i, x)| x * (2 + (i as u32) % 6))
        .sum();
    match 11 - s % 11 {
        11 => '0',
        10 => 'K',
        n => char::from(b'0' + n as u8),
    }
}

fn dots(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// DIAN NIT check digit: weights 3,7,13,... from the right, r = sum mod 11,
/// check = r for r < 2, else 11 - r.
fn nit_dv(body: &str) -> u32 {
    let w = [3, 7, 13, 17, 19, 23, 29, 37, 41, 43, 47, 53, 59, 67, 71];
    let s: u32 = dv(body).iter().rev().zip(w).map(|(a, b)| a * b).sum();
    let m = s % 11;
    if m < 2 {
        m
    } else {
        11 - m
    }
}

const CURP_STATES: &[&str] = &[
    "AS", "BC", "BS", "CC", "CL", "CM", "CS", "CH", "DF", "DG", "GT", "GR", "HG", "JC", "MC", "MN",
    "MS", "NT", "NL", "OC", "PL", "QT", "QR", "SP", "SL", "SR", "TC", "TS", "TL", "VZ", "YN", "ZS",
    "NE",
];
const CONS: &[u8] = b"BCDFGHJKLMNPQRSTVWXYZ";
const VOW: &[u8] = b"AEIOU";

fn date6(r: &mut Rng) -> (u64, String) {
    let year = 1940 + r.below(84);
    let m = 1 + r.below(12);
    let d = 1 + r.below(28);
    (year, format!("{:02}{m:02}{d:02}", year % 100))
}

fn curp(r: &mut Rng) -> String {
    let (year, date) = date6(r);
    let head = format!(
        "{}{}{}{}",
        letter(r, CONS),
        letter(r, VOW),
        letter(r, AZ),
        letter(r, AZ)
    );
    let diff = if year < 2000 {
        r.digit() as char
    } else {
        letter(r, AZ)
    };
    let body = format!(
        "{head}{date}{}{}{}{}{}{diff}",
        r.pick(&["H", "M"]),
        r.pick(CURP_STATES),
        letter(r, CONS),
        letter(r, CONS),
        letter(r, CONS)
    );
    const DICT: &str = "0123456789ABCDEFGHIJKLMNÑOPQRSTUVWXYZ";
    let s: u32 = body
        .chars()
        .enumerate()
        .map(|(i, c)| DICT.chars().position(|d| d == c).unwrap() as u32 * (18 - i as u32))
        .sum();
    format!("{body}{}", (10 - s % 10) % 10)
}

/// RFC with its SAT check character (dictionary 0-9 A-N & O-Z space Ñ,
/// weights 13..2 over 12 characters, a company RFC padded with a space).
fn rfc(r: &mut Rng, person: bool) -> String {
    let (_, date) = date6(r);
    let n = if person { 4 } else { 3 };
    let head: String = (0..n).map(|_| letter(r, AZ)).collect();
    let homo = r.alnum(2, b"123456789ABCDEFGHIJKLMNPQRSTUVWXYZ");
    let body = format!("{head}{date}{homo}");
    const DICT: &[u8] = b"0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ ";
    let padded = if person {
        body.clone()
    } else {
        format!(" {body}")
    };
    let s: u32 = padded
        .bytes()
        .enumerate()
        .map(|(i, c)| DICT.iter().position(|&d| d == c).unwrap() as u32 * (13 - i as u32))
        .sum();
    let c = match 11 - s % 11 {
        11 => '0',
        10 => 'A',
        k => char::from(b'0' + k as u8),
    };
    let x = format!("{body}{c}");
    if r.below(4) == 0 {
        format!("{}-{}-{}", &x[..n], &x[n..n + 6], &x[n + 6..])
    } else {
        x
    }
}

/// IMSS NSS: subdelegation, registration year, birth year, serial, Luhn.
fn nss(r: &mut Rng) -> String {
    let body = format!(
        "{:02}{:02}{:02}{:04}",
        1 + r.below(98),
        r.below(100),
        r.below(100),
        1 + r.below(9999)
    );
    let c = luhn_check_digit(&body) as char;
    if r.below(3) == 0 {
        format!(
            "{}-{}-{}-{}-{c}",
            &body[0..2],
            &body[2..4],
            &body[4..6],
            &body[6..]
        )
    } else {
        format!("{body}{c}")
    }
}

pub fn positives(r: &mut Rng, v: &mut Vec<Plant>) {
    let body = if r.below(3) == 0 {
        76_000_000 + r.below(3_000_000)
    } else {
        5_000_000 + r.below(22_000_000)
    };
    let c = rut_dv(body);
    let c = if r.below(3) == 0 {
        c.to_ascii_lowercase()
    } else {
        c
    };
    let x = match r.below(3) {
        0 => format!("{}-{c}", dots(&body.to_string())),
        1 => format!("{body}-{c}"),
        _ => format!("{body}{c}"),
    };
    let t = ctx(
        r,
        &["RUT", "RUN", "Rol Único Tributario", "R.U.T.", "rut"],
        "rut",
        &x,
    );
    v.push(plant(t, x, &["CHILE_RUT_NUMBER"]));

    // Cédula: 6-8 digits (older) or 10 digits from 1 (since 2003).
    let cc = if r.below(2) == 0 {
        format!("10{}", r.digits(8))
    } else {
        {
            let n = 6 + r.below(3) as usize;
            nz_digits(r, n)
        }
    };
    let x = if r.below(2) == 0 {
        dots(&cc)
    } else {
        cc.clone()
    };
    let t = ctx(
        r,
        &["Cédula de ciudadanía", "C.C.", "cedula", "Cédula"],
        "cedula",
        &x,
    );
    v.push(plant(t, x, &["COLOMBIA_CITIZENSHIP_CARD_NUMBER"]));
    let x = format!(
        "{}-{}",
        if r.below(2) == 0 {
            dots(&cc)
        } else {
            cc.clone()
        },
        nit_dv(&cc)
    );
    let t = ctx(r, &["NIT", "N.I.T.", "nit", "NIT."], "nit", &x);
    v.push(plant(t, x, &["COLOMBIA_INDIVIDUAL_NIT_NUMBER"]));
    let body = format!("{}{}", r.pick(&["8", "9"]), r.digits(8));
    let x = match r.below(3) {
        0 => format!("{}-{}", dots(&body), nit_dv(&body)),
        1 => format!("{body}-{}", nit_dv(&body)),
        _ => format!("{body}{}", nit_dv(&body)),
    };
    let t = ctx(
        r,
        &[
            "NIT",
            "Proveedor con NIT",
            "nit#",
            "Número de Identificación Tributaria",
        ],
        "nit",
        &x,
    );
    v.push(plant(t, x, &["COLOMBIA_ORGANIZATION_NIT_NUMBER"]));

    let x = curp(r);
    let t = ctx(
        r,
        &[
            "CURP",
            "curp",
            "Clave Única de Registro de Población",
            "C.U.R.P.",
        ],
        "curp",
        &x,
    );
    v.push(plant(t, x, &["MEXICO_CURP_NUMBER"]));
    let x = rfc(r, true);
    let t = ctx(
        r,
        &["RFC", "R.F.C.", "Registro Federal de Contribuyentes", "rfc"],
        "rfc",
        &x,
    );
    v.push(plant(t, x, &["MEXICO_INDIVIDUAL_RFC_NUMBER"]));
    let x = rfc(r, false);
    let t = ctx(r, &["RFC de la empresa", "RFC", "R.F.C."], "rfc", &x);
    v.push(plant(t, x, &["MEXICO_ORGANIZATION_RFC_NUMBER"]));
    let x = nss(r);
    let t = ctx(
        r,
        &[
            "NSS",
            "Número de Seguridad Social",
            "IMSS",
            "número de afiliación",
        ],
        "nss",
        &x,
    );
    v.push(plant(t, x, &["MEXICO_SOCIAL_SECURITY_NUMBER"]));
}

pub fn decoys(r: &mut Rng, v: &mut Vec<String>) {
    let body = 5_000_000 + r.below(20_000_000);
    let c = rut_dv(body);
    let wrong = if c == '0' { '1' } else { '0' };
    v.push(format!("RUT: {}-{wrong}", dots(&body.to_string())));
    v.push(format!("Folio {}-{c}", dots(&body.to_string())));
    v.push("RUT 00.000.000-0".into());
    v.push(format!(
        "Test run 2024{:02}{:02} completed",
        1 + r.below(12),
        1 + r.below(28)
    ));
    v.push("Cédula: 11.111.111".into());
    v.push(format!(
        "Cédula: pendiente, salario {}.{}.000",
        1 + r.below(9),
        r.digits(3)
    ));
    let cc = nz_digits(r, 8);
    v.push(format!("NIT: {}-{}", dots(&cc), (nit_dv(&cc) + 1) % 10));
    v.push(format!("Radicado {}-{}", dots(&cc), nit_dv(&cc)));
    let good = curp(r);
    v.push(format!("CURP: {}", bump_last(&good)));
    v.push(format!("Folio {good}"));
    let bad_date = format!("{}13{}", &good[..6], &good[8..]);
    v.push(format!("CURP: {bad_date}"));
    v.push("RFC: XAXX010101000".into());
    let p = rfc(r, true).replace('-', "");
    v.push(format!("RFC: {}{}{}", &p[..6], 13 + r.below(6), &p[8..]));
    let x = nss(r).replace('-', "");
    v.push(format!("NSS: {}", bump_last(&x)));
    v.push(format!("Folio {x}"));
}
