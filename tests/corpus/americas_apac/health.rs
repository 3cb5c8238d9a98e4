//! US health identifiers (DEA, HICN, MBI, HCPCS/CPT, NDC, NPI, UDI) and
//! Canadian provincial health numbers.

use super::*;

fn dea(r: &mut Rng) -> String {
    let d = dv(&r.digits(6));
    let s = d[0] + d[2] + d[4] + 2 * (d[1] + d[3] + d[5]);
    let digits: String = d.iter().map(|x| char::from(b'0' + *x as u8)).collect();
    format!(
        "{}{}{digits}{}",
        letter(r, b"ABFGMABFGMCDEHJKLPRSTUX"),
        letter(r, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ9"),
        s % 10
    )
}

fn ssn_digits(r: &mut Rng) -> String {
    let area = loop {
        let a = 1 + r.below(899);
        if a != 666 {
            break a;
        }
    };
    format!("{area:03}{:02}{:04}", 1 + r.below(99), 1 + r.below(9999))
}

/// MBI: C A AN N A AN N A A N N; letters without S L O I B Z.
fn mbi(r: &mut Rng) -> String {
    const L: &[u8] = b"ACDEFGHJKMNPQRTUVWXY";
    const LN: &[u8] = b"ACDEFGHJKMNPQRTUVWXY0123456789";
    let x = format!(
        "{}{}{}{}{}{}{}{}{}{}{}",
        1 + r.below(9),
        letter(r, L),
        letter(r, LN),
        r.digit() as char,
        letter(r, L),
        letter(r, LN),
        r.digit() as char,
        letter(r, L),
        letter(r, L),
        r.digit() as char,
        r.digit() as char
    );
    if r.below(2) == 0 {
        format!("{}-{}-{}", &x[0..4], &x[4..7], &x[7..])
    } else {
        x
    }
}

/// GS1 mod-10 check digit (weights 3,1 from the right).
fn gs1_check(body: &str) -> u32 {
    let s: u32 = dv(body)
        .iter()
        .rev()
        .enumerate()
        .map(|(i, x)| if i % 2 == 0 { 3 * x } else { *x })
        .sum();
    (10 - s % 10) % 10
}

/// A GTIN-14-shaped number whose GS1 check digit is wrong.
pub(super) fn gtin14_bad_check(r: &mut Rng) -> String {
    let body = format!("{}{}", r.pick(&["0", "1"]), r.digits(12));
    let bad = (gs1_check(&body) + 1 + r.below(9) as u32) % 10;
    format!("{body}{bad}")
}

fn gtin14(r: &mut Rng) -> String {
    let body = format!("{}{}", r.pick(&["0", "0", "1"]), r.digits(12));
    format!("{body}{}", gs1_check(&body))
}

/// HIBCC primary data: + LIC (letter + 3) + product + unit of measure +
/// mod-43 check character.
fn hibcc(r: &mut Rng) -> String {
    const SET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%";
    let n = 3 + r.below(6) as usize;
    let body = format!(
        "+{}{}{}{}",
        letter(r, AZ),
        r.alnum(3, b"0123456789ABCDEFGHJKLMNPRSTUVWXYZ"),
        r.alnum(n, b"0123456789ABCDEFGHJKLMNPRSTUVWXYZ"),
        r.below(10)
    );
    let s: usize = body
        .bytes()
        .map(|c| SET.iter().position(|&d| d == c).unwrap())
        .sum();
    format!("{body}{}", SET[s % 43] as char)
}

/// Ontario health number: 10 digits, Luhn.
fn ohip(r: &mut Rng) -> String {
    let lead = (1 + r.below(9)).to_string();
    let x = luhn_number(r, &lead, 10);
    match r.below(3) {
        0 => format!(
            "{}-{}-{}-{}",
            &x[0..4],
            &x[4..7],
            &x[7..],
            r.alnum(2, b"ABCDEFGHJKLMNPRSTVWXYZ")
        ),
        1 => format!("{} {} {}", &x[0..4], &x[4..7], &x[7..]),
        _ => x,
    }
}

/// BC PHN: 9 + 8 digits + check (weights 2,4,8,5,10,9,7,3 mod 11).
fn bc_phn(r: &mut Rng) -> Option<String> {
    let d = r.digits(8);
    let w = [2, 4, 8, 5, 10, 9, 7, 3];
    let s: u32 = dv(&d).iter().zip(w).map(|(a, b)| a * b).sum();
    let c = 11 - s % 11;
    if c >= 10 {
        return None;
    }
    let x = format!("9{d}{c}");
    Some(format!("{} {} {}", &x[0..4], &x[4..7], &x[7..]))
}

pub fn positives(r: &mut Rng, v: &mut Vec<Plant>) {
    let x = dea(r);
    let t = ctx(
        r,
        &[
            "DEA #",
            "DEA Registration Number",
            "Prescriber DEA",
            "DEA no",
        ],
        "prescriber_dea",
        &x,
    );
    v.push(plant(t, x, &["US_DRUG_ENFORCEMENT_AGENCY_NUMBER"]));

    let s = ssn_digits(r);
    let bic = *r.pick(&[
        "A", "A", "B", "B1", "C1", "C3", "D", "E", "F", "HA", "T", "W", "M",
    ]);
    let x = match r.below(4) {
        0 => format!("{}-{}-{}{bic}", &s[0..3], &s[3..5], &s[5..]),
        1 => format!("{}-{}-{}-{bic}", &s[0..3], &s[3..5], &s[5..]),
        2 => format!("{s}{bic}"),
        _ => format!("{}{}", r.pick(&["MA", "A", "WA", "PA"]), r.digits(6)),
    };
    let t = ctx(
        r,
        &[
            "HICN",
            "Health Insurance Claim Number",
            "HIC#",
            "Medicare claim number",
        ],
        "hicn",
        &x,
    );
    v.push(plant(t, x, &["USA_HEALTH_INSURANCE_CLAIM_NUMBER"]));

    let x = mbi(r);
    let x = if r.below(5) == 0 { x.to_lowercase() } else { x };
    let t = ctx(
        r,
        &[
            "MBI",
            "Medicare Beneficiary Identifier",
            "Medicare ID",
            "mbi",
        ],
        "mbi",
        &x,
    );
    v.push(plant(t, x, &["USA_MEDICARE_BENEFICIARY_IDENTIFIER"]));

    let x = match r.below(4) {
        0 => format!(
            "{}{:04}",
            letter(r, b"ABCDEGHJKLMPQRSTV"),
            100 + r.below(9800)
        ),
        1 => format!("{}", 10_004 + r.below(89_000)),
        2 => format!("{:04}F", 1 + r.below(9000)),
        _ => format!("{:04}T", 42 + r.below(950)),
    };
    let t = ctx(
        r,
        &["HCPCS", "CPT code", "procedure code", "CPT", "HCPCS code"],
        "cpt_code",
        &x,
    );
    v.push(plant(t, x, &["USA_HEALTHCARE_PROCEDURE_CODE"]));

    let lab4 = format!("{:04}", 1 + r.below(9998));
    let lab5 = format!("{:05}", 1 + r.below(99998));
    let x = match r.below(5) {
        0 => format!("{lab4}-{:04}-{:02}", 1 + r.below(9998), r.below(100)),
        1 => format!("{lab5}-{:03}-{:02}", 1 + r.below(998), r.below(100)),
        2 => format!("{lab5}-{:04}-{}", 1 + r.below(9998), r.below(10)),
        3 => format!("{lab5}-{:04}-{:02}", 1 + r.below(998), r.below(100)),
        _ => format!("0{lab4}{:04}{:02}", 1 + r.below(9998), r.below(100)),
    };
    let t = ctx(
        r,
        &["NDC", "National Drug Code", "NDC#", "ndc code"],
        "ndc",
        &x,
    );
    v.push(plant(t, x, &["USA_NATIONAL_DRUG_CODE"]));

    let body = format!("{}{}", r.pick(&["1", "2"]), r.digits(8));
    let c = luhn_check_digit(&format!("80840{body}")) as char;
    let x = format!("{body}{c}");
    let t = ctx(
        r,
        &["NPI", "National Provider Identifier", "NPI#", "npi number"],
        "npi",
        &x,
    );
    v.push(plant(t, x, &["USA_NATIONAL_PROVIDER_IDENTIFIER"]));

    let g = gtin14(r);
    let (x, t) = match r.below(5) {
        0 => {
            let x = format!(
                "(01){g}(17)2{}{:02}{:02}(10){}",
                r.below(10),
                1 + r.below(12),
                1 + r.below(28),
                r.alnum(6, b"0123456789ABCDEFGHJKLMNPRSTUVWXYZ")
            );
            (x.clone(), format!("UDI: {x}"))
        }
        1 => {
            let x = format!(
                "01{g}172{}{:02}{:02}10{}",
                r.below(10),
                1 + r.below(12),
                1 + r.below(28),
                r.digits(6)
            );
            (x.clone(), format!("udi={x}"))
        }
        2 => (g.clone(), format!("Device identifier (GTIN) {g}")),
        3 => {
            let x = hibcc(r);
            (x.clone(), format!("HIBCC label {x}"))
        }
        _ => {
            let x = format!("(01){g}");
            (x.clone(), format!("{{\"udi_di\": \"{x}\", \"qty\": 2}}"))
        }
    };
    v.push(plant(t, x, &["MEDICAL_DEVICE_UDI"]));

    let x = match r.below(3) {
        0 => ohip(r),
        1 => loop {
            if let Some(x) = bc_phn(r) {
                break x;
            }
        },
        _ => {
            let yy = r.below(100);
            let mm = 1 + r.below(12) + if r.below(2) == 0 { 50 } else { 0 };
            format!(
                "{}{} {yy:02}{mm:02} {:02}{}",
                r.pick(&["TRE", "GAG", "ROY", "BOU", "COT"]),
                letter(r, AZ),
                1 + r.below(28),
                r.digits(2)
            )
        }
    };
    let t = ctx(
        r,
        &[
            "Health Card Number",
            "PHN",
            "OHIP",
            "Personal Health Number",
            "RAMQ",
        ],
        "health_card_number",
        &x,
    );
    v.push(plant(t, x, &["CANADA_HEALTH_NUMBER"]));
}

pub fn decoys(r: &mut Rng, v: &mut Vec<String>) {
    let d = dea(r);
    v.push(format!("DEA: {}", bump_last(&d)));
    v.push(format!("DEA: Z{}", &d[1..]));
    v.push(format!("Ref {d} filed"));
    let s = ssn_digits(r);
    v.push(format!("HICN: {}-{}-{}Z", &s[0..3], &s[3..5], &s[5..]));
    v.push(format!("HICN: 666-{}-{}A", &s[3..5], &s[5..]));
    v.push(format!(
        "Claim {}-{}-{}A closed",
        &s[0..3],
        &s[3..5],
        &s[5..]
    ));
    let m = mbi(r).replace('-', "");
    v.push(format!("MBI: {}S{}", &m[..1], &m[2..]));
    v.push(format!("MBI: 0{}", &m[1..]));
    v.push(format!("Order {m} shipped"));
    v.push("CPT: 99999".into());
    v.push(format!("Zip {} Spokane", 99201 + r.below(20)));
    v.push("HCPCS: J0000".into());
    v.push("NDC: 0000-7597-01".into());
    v.push(format!(
        "Lot {:04}-{:04}-{:02} expired",
        1 + r.below(9998),
        r.below(9999),
        r.below(100)
    ));
    let body = format!("1{}", r.digits(8));
    let c = luhn_check_digit(&format!("80840{body}"));
    v.push(format!(
        "NPI: {body}{}",
        (b'0' + (c - b'0' + 3) % 10) as char
    ));
    v.push(format!("Phone {body}{}", c as char));
    v.push("NPI: 1234567893".into());
    let g = gtin14(r);
    v.push(format!("UDI: (01){}", bump_last(&g)));
    v.push(format!("Order (01){g} received"));
    let o = ohip(r).replace(['-', ' '], "");
    v.push(format!("OHIP {}", bump_last(&o[..10])));
    v.push(format!(
        "Account {}-{}-{} closed",
        &o[0..4],
        &o[4..7],
        &o[7..10]
    ));
    v.push("RAMQ: TREM 8213 1512".into());
}
