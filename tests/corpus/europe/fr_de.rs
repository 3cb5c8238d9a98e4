//! France (NIR / carte Vitale, passport, SPI tax number, permis de conduire)
//! and Germany (Personalausweis, Reisepass, Steuer-IdNr / Steuernummer,
//! Führerschein).

use super::super::gen::*;
use super::ctx::*;

/// NIR: sex, year, month, department + commune, order, key = 97 - n mod 97
/// (Corsica 2A / 2B count as 19 / 18).
fn nir(r: &mut Rng, bad_month: bool) -> (String, String) {
    let sex = *r.pick(&["1", "2", "1", "2", "7", "8"]);
    let yy = r.digits(2);
    let mm = if bad_month {
        format!("{}", 13 + r.below(7))
    } else {
        format!("{:02}", 1 + r.below(12))
    };
    let (dept, commune) = match r.below(10) {
        0 => (
            r.pick(&["2A", "2B"]).to_string(),
            format!("{:03}", 1 + r.below(366)),
        ),
        1 => (
            format!("97{}", 1 + r.below(6)),
            format!("{:02}", 1 + r.below(34)),
        ),
        _ => {
            let d = loop {
                let d = 1 + r.below(95);
                if d != 20 {
                    break d;
                }
            };
            (format!("{d:02}"), format!("{:03}", 1 + r.below(900)))
        }
    };
    let order = format!("{:03}", 1 + r.below(999));
    let body = format!("{sex}{yy}{mm}{dept}{commune}{order}");
    let n: u64 = body
        .replace("2A", "19")
        .replace("2B", "18")
        .parse()
        .unwrap();
    let key = 97 - n % 97;
    let full = format!("{body}{key:02}");
    let shown = match r.below(3) {
        0 => format!(
            "{} {} {} {} {} {} {}",
            &full[..1],
            &full[1..3],
            &full[3..5],
            &full[5..7],
            &full[7..10],
            &full[10..13],
            &full[13..]
        ),
        1 => format!("{} {}", &full[..13], &full[13..]),
        _ => full.clone(),
    };
    (shown, full)
}

fn spi(r: &mut Rng) -> String {
    let ten = format!("{}{}", r.below(4), serial(r, 9));
    let n: u64 = ten.parse().unwrap();
    let s = format!("{ten}{:03}", n % 511);
    if r.below(2) == 0 {
        format!(
            "{} {} {} {} {}",
            &s[..2],
            &s[2..4],
            &s[4..7],
            &s[7..10],
            &s[10..]
        )
    } else {
        s
    }
}

const DE_SER: &[u8] = b"CFGHJKLMNPRTVWXYZ0123456789";

/// German document serial: first letter, 8 characters drawn uniformly from
/// the document alphabet (digits and C F G H J K L M N P R T V W X Y Z),
/// optional ICAO 9303 check digit.
fn de_doc(r: &mut Rng, first: &[u8], check: bool, wrong: bool) -> String {
    let mut s = String::new();
    s.push(*r.pick(first) as char);
    for _ in 0..8 {
        let c = *r.pick(DE_SER);
        s.push(c as char);
    }
    if check {
        let c = icao(&s);
        let c = if wrong {
            (c + 1 + r.below(9) as u32) % 10
        } else {
            c
        };
        s.push((b'0' + c as u8) as char);
    }
    s
}

/// Steuer-IdNr: 10 digits, first not 0, one digit twice (or three times, not
/// all adjacent), ISO 7064 MOD 11,10 check digit.
fn de_taxid(r: &mut Rng, all_distinct: bool) -> String {
    loop {
        let mut ds: Vec<u8> = (0..10).collect();
        for i in (1..10).rev() {
            let j = r.below(i as u64 + 1) as usize;
            ds.swap(i, j);
        }
        if !all_distinct {
            let times = if r.below(4) == 0 { 3 } else { 2 };
            let keep = 11 - times;
            ds.truncate(keep);
            let dup = ds[0];
            for _ in 1..times {
                ds.push(dup);
            }
            for i in (1..10).rev() {
                let j = r.below(i as u64 + 1) as usize;
                ds.swap(i, j);
            }
            if ds.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
                continue;
            }
        }
        if ds[0] == 0 {
            continue;
        }
        let s: String = ds.iter().map(|d| (b'0' + d) as char).collect();
        return format!("{s}{}", mod11_10(&s));
    }
}

const NIR_KW: &[&str] = &[
    "Numéro de sécurité sociale",
    "N° INSEE",
    "numéro INSEE",
    "NIR",
    "sécurité sociale",
    "numero de securite sociale",
];
const NIR_KEYS: &[&str] = &[
    "nir",
    "numero_insee",
    "securite_sociale",
    "social_security_number",
];
const VIT_KW: &[&str] = &[
    "Carte Vitale",
    "numéro de carte Vitale",
    "n° d'assuré",
    "carte d'assuré social",
    "assurance maladie",
];
const VIT_KEYS: &[&str] = &["carte_vitale", "carteVitale", "numero_carte_vitale"];
const FRP_KW: &[&str] = &[
    "Numéro de passeport",
    "passeport n°",
    "Passeport",
    "N° de passeport",
];
const FRP_KEYS: &[&str] = &["numero_passeport", "passeport", "passeport_no"];
const SPI_KW: &[&str] = &[
    "Numéro fiscal",
    "numéro d'identification fiscale",
    "SPI",
    "identifiant fiscal",
    "n° fiscal",
];
const SPI_KEYS: &[&str] = &["numero_fiscal", "spi", "identifiant_fiscal"];
const FRDL_KW: &[&str] = &[
    "Permis de conduire n°",
    "Numéro de permis",
    "n° de permis",
    "permis de conduire",
];
const FRDL_KEYS: &[&str] = &[
    "permis_de_conduire",
    "numero_permis",
    "numero_de_permis",
    "permisDeConduire",
];
const DEID_KW: &[&str] = &[
    "Personalausweis",
    "Ausweisnummer",
    "Personalausweis-Nr.",
    "Ausweis-Nr.",
    "Personalausweisnummer",
];
const DEID_KEYS: &[&str] = &[
    "personalausweis",
    "ausweisnummer",
    "ausweis_nr",
    "personalausweisnummer",
];
const DEP_KW: &[&str] = &[
    "Reisepass",
    "Reisepassnummer",
    "Reisepass-Nr.",
    "Passnummer",
];
const DEP_KEYS: &[&str] = &[
    "reisepass",
    "reisepassnummer",
    "passnummer",
    "pass_nr",
    "reisepass_nr",
];
const DET_KW: &[&str] = &[
    "Steuer-IdNr.",
    "Steueridentifikationsnummer",
    "steuerliche Identifikationsnummer",
    "IdNr",
    "Steuer-ID",
];
const DET_KEYS: &[&str] = &[
    "steuer_id",
    "steuerid",
    "idnr",
    "steueridentifikationsnummer",
];
const STNR_KW: &[&str] = &["Steuernummer", "St.-Nr.", "StNr"];
const DEDL_KW: &[&str] = &[
    "Führerscheinnummer",
    "Führerschein-Nr.",
    "Führerschein",
    "Fuehrerschein",
];
const DEDL_KEYS: &[&str] = &["fuehrerschein", "fuehrerscheinnummer", "fuehrerschein_nr"];

const NIR_LABELS: &[&str] = &[
    "FRANCE_NATIONAL_IDENTIFICATION_NUMBER",
    "FRANCE_HEALTH_INSURANCE_NUMBER",
];
const VIT_LABELS: &[&str] = &[
    "FRANCE_HEALTH_INSURANCE_NUMBER",
    "FRANCE_NATIONAL_IDENTIFICATION_NUMBER",
];

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    let (x, _) = nir(r, false);
    v.push(plant(ctx(r, NIR_KW, NIR_KEYS, &x), x, NIR_LABELS));
    let (x, _) = nir(r, false);
    v.push(plant(ctx(r, VIT_KW, VIT_KEYS, &x), x, VIT_LABELS));
    let x = format!("{}{}{}", r.digits(2), r.alnum(2, UPPER), serial(r, 5));
    v.push(plant(
        ctx(r, FRP_KW, FRP_KEYS, &x),
        x,
        &["FRANCE_PASSPORT_NUMBER"],
    ));
    let x = spi(r);
    v.push(plant(
        ctx(r, SPI_KW, SPI_KEYS, &x),
        x,
        &["FRANCE_TAX_IDENTIFICATION_NUMBER"],
    ));
    let x = if r.below(2) == 0 {
        format!("{:02}{:02}{}", r.below(100), 1 + r.below(12), serial(r, 8))
    } else {
        format!("{:02}{}{}", r.below(25), r.alnum(2, UPPER), serial(r, 5))
    };
    v.push(plant(
        ctx(r, FRDL_KW, FRDL_KEYS, &x),
        x,
        &["FRANCE_DRIVERS_LICENSE"],
    ));
    let c = r.below(2) == 0;
    let x = de_doc(r, b"LMNPRTVWXY", c, false);
    v.push(plant(
        ctx(r, DEID_KW, DEID_KEYS, &x),
        x,
        &["GERMANY_NATIONAL_IDENTIFICATION_NUMBER"],
    ));
    let c = r.below(2) == 0;
    let x = de_doc(r, b"CFGHJK", c, false);
    v.push(plant(
        ctx(r, DEP_KW, DEP_KEYS, &x),
        x,
        &["GERMANY_PASSPORT_NUMBER"],
    ));
    if r.below(5) == 0 {
        let x = match r.below(4) {
            0 => format!("{}/{}/{}", r.digits(2), serial(r, 3), serial(r, 5)),
            1 => format!("{}/{}/{}", r.digits(3), serial(r, 3), serial(r, 5)),
            2 => format!("{}/{}/{}", r.digits(3), serial(r, 4), serial(r, 4)),
            _ => format!("{}/{}", serial(r, 5), serial(r, 5)),
        };
        v.push(plant(
            ctx(r, STNR_KW, &["steuernummer", "st_nr", "stnr"], &x),
            x,
            &["GERMANY_TAX_IDENTIFICATION_NUMBER"],
        ));
    } else {
        let t = de_taxid(r, false);
        let x = if r.below(2) == 0 {
            format!("{} {} {} {}", &t[..2], &t[2..5], &t[5..8], &t[8..])
        } else {
            t
        };
        v.push(plant(
            ctx(r, DET_KW, DET_KEYS, &x),
            x,
            &["GERMANY_TAX_IDENTIFICATION_NUMBER"],
        ));
    }
    let x = loop {
        let x = format!(
            "{}{}{}{}{}",
            *r.pick(b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789") as char,
            r.digits(2),
            r.alnum(6, b"0123456789ABCDEFGHJKLMNPRSTUVWXYZ"),
            r.digit() as char,
            *r.pick(b"0123456789ABCDEFGHJKLMNPRSTUVWXYZ") as char
        );
        if x.bytes().filter(u8::is_ascii_digit).count() >= 5 {
            break x;
        }
    };
    v.push(plant(
        ctx(r, DEDL_KW, DEDL_KEYS, &x),
        x,
        &["GERMANY_DRIVERS_LICENSE"],
    ));
    v
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    // NIR: wrong key, month 13+, specimen, no keyword.
    let (_, full) = nir(r, false);
    let k: u32 = full[13..].parse().unwrap();
    let bad = format!(
        "{}{:02}",
        &full[..13],
        (k + 1 + r.below(90) as u32) % 97 + 1
    );
    if bad != full {
        v.push(kwl!(r, NIR_KW, &bad));
    }
    let (x, _) = nir(r, true);
    v.push(kwl!(r, VIT_KW, &x));
    v.push(kwl!(r, NIR_KW, "2 55 08 14 168 025 38"));
    let (_, full) = nir(r, false);
    v.push(pln!(r, &full));
    let (x, _) = nir(r, false);
    v.push(farl!(r, NIR_KW, &x));
    // French passport: filler serial, no keyword.
    v.push(kwl!(
        r,
        FRP_KW,
        &format!("{}{}00000", r.digits(2), r.alnum(2, UPPER))
    ));
    let x = format!("{}{}{}", r.digits(2), r.alnum(2, UPPER), serial(r, 5));
    v.push(pln!(r, &x));
    // SPI: wrong key, first digit 4-9, no keyword.
    let s: String = spi(r).chars().filter(|c| c.is_ascii_digit()).collect();
    let k: u32 = s[10..].parse().unwrap();
    v.push(kwl!(
        r,
        SPI_KW,
        &format!("{}{:03}", &s[..10], (k + 1 + r.below(500) as u32) % 511)
    ));
    let x = spi(r);
    v.push(pln!(r, &x));
    // Permis: filler, wrong length, no keyword.
    v.push(kwl!(r, FRDL_KW, "123456789012"));
    v.push(kwl!(r, FRDL_KW, &serial(r, 11)));
    v.push(pln!(r, &format!("{}{}", r.digits(4), serial(r, 8))));
    // Personalausweis / Reisepass: wrong check digit, specimens, vowels, no keyword.
    let x = de_doc(r, b"LMNPRTVWXY", true, true);
    v.push(kwl!(r, DEID_KW, &x));
    v.push({
        let s = *r.pick(&["T220001293", "L01X00T471", "LZ6311T475"]);
        kwl!(r, DEID_KW, s)
    });
    let x = de_doc(r, b"AEIOU", false, false);
    v.push(kwl!(r, DEID_KW, &x));
    let x = de_doc(r, b"LMNPRTVWXY", true, false);
    v.push(pln!(r, &x));
    let x = de_doc(r, b"CFGHJK", true, true);
    v.push(kwl!(r, DEP_KW, &x));
    v.push(kwl!(r, DEP_KW, "C01X00T478"));
    let x = de_doc(r, b"CFGHJK", true, false);
    v.push(pln!(r, &x));
    // Steuer-IdNr: wrong check, no repeated digit, no keyword; filler Steuernummer.
    let t = de_taxid(r, false);
    v.push(kwl!(
        r,
        DET_KW,
        &replace_at(&t, 10, other_digit(r, t.as_bytes()[10]))
    ));
    let t = de_taxid(r, true);
    v.push(kwl!(r, DET_KW, &t));
    let t = de_taxid(r, false);
    v.push(pln!(r, &t));
    let t = de_taxid(r, false);
    v.push(farl!(r, DET_KW, &t));
    v.push({
        let s = *r.pick(&["11/111/11111", "123/456/78901"]);
        kwl!(r, STNR_KW, s)
    });
    // Führerschein: specimen, too short, no keyword.
    v.push(kwl!(r, DEDL_KW, "B072RRE2I55"));
    v.push(kwl!(
        r,
        DEDL_KW,
        &format!("J{}{}", r.digits(2), r.alnum(6, b"0123456789XKL"))
    ));
    v.push(pln!(
        r,
        &format!(
            "K{}{}{}",
            r.digits(2),
            r.alnum(6, b"0123456789XKLMP"),
            r.digits(2)
        )
    ));
    v
}
