//! United Kingdom: National Insurance number, NHS number, passport, UTR / TRN,
//! electoral roll number and DVLA driving licence.

use super::super::gen::*;
use super::ctx::*;

fn nino(r: &mut Rng) -> String {
    loop {
        let a = *r.pick(b"ABCEGHJKLMNOPRSTWXYZ");
        let b = *r.pick(b"ABCEGHJKLMNPRSTWXYZ");
        let p = format!("{}{}", a as char, b as char);
        if ["BG", "GB", "NK", "KN", "TN", "NT", "ZZ"].contains(&p.as_str()) {
            continue;
        }
        let d = serial(r, 6);
        let s = *r.pick(b"ABCD") as char;
        if p == "AB" || p == "QQ" {
            continue;
        }
        return match r.below(5) {
            0 | 1 => format!("{p} {} {} {} {s}", &d[..2], &d[2..4], &d[4..]),
            2 => format!("{p}{d}{s}").to_lowercase(),
            _ => format!("{p}{d}{s}"),
        };
    }
}

fn nhs(r: &mut Rng) -> String {
    loop {
        let d = format!("{}{}", r.pick(&["4", "6", "7"]), r.digits(8));
        let s: u32 = d
            .bytes()
            .enumerate()
            .map(|(i, c)| (c - b'0') as u32 * (10 - i as u32))
            .sum();
        let c = (11 - s % 11) % 11;
        if c == 10 {
            continue;
        }
        let n = format!("{d}{c}");
        return match r.below(3) {
            0 => format!("{} {} {}", &n[..3], &n[3..6], &n[6..]),
            1 => format!("{}-{}-{}", &n[..3], &n[3..6], &n[6..]),
            _ => n,
        };
    }
}

/// UTR check digit over the last nine digits (HMRC, as in python-stdnum gb.utr).
fn utr_check(nine: &str) -> char {
    let w = [6u32, 7, 8, 9, 10, 5, 4, 3, 2];
    let s: u32 = nine
        .bytes()
        .zip(w)
        .map(|(c, w)| (c - b'0') as u32 * w)
        .sum();
    b"21987654321"[(s % 11) as usize] as char
}

fn utr(r: &mut Rng) -> String {
    let nine = serial(r, 9);
    let n = format!("{}{nine}", utr_check(&nine));
    match r.below(4) {
        0 => format!("{} {}", &n[..5], &n[5..]),
        1 => format!("{n}K"),
        _ => n,
    }
}

/// DVLA licence number: surname(5, 9-padded), decade, month (+50 women), day,
/// year digit, initials (9-padded), a digit, two check characters.
fn uk_dl(r: &mut Rng, bad_date: bool) -> String {
    let sur = *r.pick(&[
        "SMITH", "JONES", "TAYLO", "BROWN", "WILSO", "EVANS", "KHAN9", "LI999", "PATEL", "WALKE",
        "ROBIN", "OCONN",
    ]);
    let yy = r.below(100);
    let mut m = 1 + r.below(12);
    let mut d = 1 + r.below(28);
    if bad_date {
        if r.below(2) == 0 {
            m = 13 + r.below(37);
        } else {
            d = 32 + r.below(60);
        }
    }
    if r.below(2) == 0 {
        m += 50;
    }
    let ini = format!(
        "{}{}",
        *r.pick(UPPER) as char,
        if r.below(3) == 0 {
            '9'
        } else {
            *r.pick(UPPER) as char
        }
    );
    let chk = r.alnum(2, UPPER);
    let core = format!("{sur}{}{m:02}{d:02}{}{ini}9{chk}", yy / 10, yy % 10);
    match r.below(4) {
        0 => format!("{} {} {}", &core[..5], &core[5..11], &core[11..]),
        1 => format!("{core} {:02}", 1 + r.below(20)),
        _ => core,
    }
}

const NINO_KW: &[&str] = &[
    "National Insurance number",
    "NI number",
    "NINO",
    "national insurance no",
    "NI no.",
];
const NINO_KEYS: &[&str] = &[
    "nino",
    "ni_number",
    "national_insurance_number",
    "nationalInsuranceNumber",
];
const NHS_KW: &[&str] = &["NHS number", "NHS No", "NHS", "NHS no."];
const NHS_KEYS: &[&str] = &["nhs_number", "nhsNumber", "nhs_no"];
const PP_KW: &[&str] = &[
    "Passport number",
    "passport no.",
    "UK passport",
    "British passport",
    "Passport #",
];
const PP_KEYS: &[&str] = &[
    "passport_number",
    "passport_no",
    "passportNumber",
    "uk_passport",
];
const UTR_KW: &[&str] = &[
    "UTR",
    "Unique Taxpayer Reference",
    "UTR number",
    "unique taxpayer reference (UTR)",
];
const UTR_KEYS: &[&str] = &["utr", "sa_utr", "unique_taxpayer_reference"];
const ER_KW: &[&str] = &[
    "Electoral roll number",
    "electoral number",
    "Elector number",
    "Electoral roll no.",
];
const ER_KEYS: &[&str] = &["electoral_roll_no", "elector_number", "electoralRollNumber"];
const DL_KW: &[&str] = &[
    "Driving licence number",
    "driver's licence",
    "DL#",
    "driving licence",
    "Driver licence no.",
];
const DL_KEYS: &[&str] = &[
    "driving_licence",
    "driving_licence_number",
    "dl_number",
    "drivingLicenceNumber",
    "driver_licence",
];

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    let x = nino(r);
    v.push(plant(
        ctx(r, NINO_KW, NINO_KEYS, &x),
        x,
        &["UK_NATIONAL_INSURANCE_NUMBER"],
    ));
    let x = nhs(r);
    v.push(plant(ctx(r, NHS_KW, NHS_KEYS, &x), x, &["UK_NHS_NUMBER"]));
    let x = if r.below(2) == 0 {
        serial(r, 9)
    } else {
        format!("{}{}", r.alnum(2, UPPER), serial(r, 7))
    };
    v.push(plant(
        ctx(r, PP_KW, PP_KEYS, &x),
        x,
        // 9 digits is also the US passport shape, 2 letters + 7 digits the
        // Italian / older Spanish one (and a German serial when it fits its
        // alphabet): next to the generic "passport" keyword each may report it.
        &[
            "UK_PASSPORT_NUMBER",
            "USA_PASSPORT_NUMBER",
            "ITALY_PASSPORT_NUMBER",
            "SPAIN_PASSPORT_NUMBER",
            "GERMANY_PASSPORT_NUMBER",
        ],
    ));
    let x = if r.below(6) == 0 {
        format!("{}{}{}", r.digits(2), *r.pick(UPPER) as char, serial(r, 5))
    } else {
        utr(r)
    };
    v.push(plant(
        ctx(r, UTR_KW, UTR_KEYS, &x),
        x,
        &["UK_TAX_IDENTIFICATION_NUMBER"],
    ));
    let n = 2 + r.below(2) as usize;
    let l = r.alnum(n, UPPER);
    let m = if r.below(2) == 0 { 9999 } else { 999 };
    let n = 1 + r.below(m);
    let x = match r.below(3) {
        0 => format!("{l}-{n}"),
        1 => format!("{l} {n}"),
        _ => format!("{l}{n}"),
    };
    v.push(plant(
        ctx(r, ER_KW, ER_KEYS, &x),
        x,
        &["UK_ELECTORAL_ROLL_NUMBER"],
    ));
    let x = uk_dl(r, false);
    v.push(plant(
        ctx(r, DL_KW, DL_KEYS, &x),
        x,
        &["UK_DRIVERS_LICENSE"],
    ));
    v
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    // NINO: excluded prefixes, bad suffix, placeholders, no keyword.
    let d = serial(r, 6);
    let bad = *r.pick(&["BG", "GB", "NK", "TN", "ZZ", "DA", "FA", "QA", "AO", "AD"]);
    v.push(kwl!(
        r,
        NINO_KW,
        &format!("{bad}{d}{}", *r.pick(b"ABCD") as char)
    ));
    v.push(kwl!(
        r,
        NINO_KW,
        &format!("JG{d}{}", *r.pick(b"EFGXZ") as char)
    ));
    v.push({
        let s = *r.pick(&["AB123456C", "QQ 12 34 56 C", "QQ123456C"]);
        kwl!(r, NINO_KW, s)
    });
    let x = nino(r);
    v.push(pln!(r, &x));
    let x = nino(r);
    v.push(farl!(r, NINO_KW, &x));
    // NHS: wrong check digit; valid but no keyword.
    let x: String = nhs(r).chars().filter(|c| c.is_ascii_digit()).collect();
    let bad = replace_at(&x, 9, other_digit(r, x.as_bytes()[9]));
    v.push(kwl!(r, NHS_KW, &bad));
    let x = nhs(r);
    v.push(pln!(r, &x));
    // Passport: filler, wrong length, no keyword.
    v.push({
        let s = *r.pick(&["123456789", "000000000", "999999999"]);
        kwl!(r, PP_KW, s)
    });
    v.push(kwl!(r, PP_KW, &serial(r, 8)));
    v.push(pln!(r, &serial(r, 9)));
    // UTR: wrong check digit, HMRC example, no keyword.
    let nine = serial(r, 9);
    let c = utr_check(&nine);
    v.push(kwl!(
        r,
        UTR_KW,
        &format!("{}{nine}", other_digit(r, c as u8))
    ));
    v.push(kwl!(r, UTR_KW, "1234567890"));
    let x = utr(r);
    v.push(pln!(r, &x));
    let x = nhs(r);
    v.push(farl!(r, NHS_KW, &x));
    // Electoral roll: zero elector number, digits only, no keyword.
    v.push(kwl!(r, ER_KW, &format!("{}0000", r.alnum(2, UPPER))));
    v.push(kwl!(r, ER_KW, &serial(r, 5)));
    v.push(pln!(
        r,
        &format!("{}{}", r.alnum(2, UPPER), 1 + r.below(999))
    ));
    // DVLA: impossible birth date, specimen, no keyword.
    let x = uk_dl(r, true);
    v.push(kwl!(r, DL_KW, &x));
    v.push(kwl!(r, DL_KW, "MORGA753116SM9IJ"));
    let x = uk_dl(r, false);
    v.push(pln!(r, &x));
    v
}
