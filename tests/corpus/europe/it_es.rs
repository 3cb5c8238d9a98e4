//! Italy (codice fiscale, passaporto, patente) and Spain (DNI, NIE, NIF, CIF,
//! Seguridad Social, pasaporte, permiso de conducción).

use super::super::gen::*;
use super::ctx::*;

const CONS: &[u8] = b"BCDFGHJKLMNPQRSTVZ";
const MONTHS: &[u8] = b"ABCDEHLMPRST";

/// Codice fiscale check letter (DM 23/12/1976 odd / even tables).
fn cf_check(s: &str) -> char {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let mut sum = 0;
    for (i, c) in s.bytes().enumerate() {
        let v = if c.is_ascii_digit() {
            (c - b'0') as usize
        } else {
            (c - b'A') as usize
        };
        sum += if i % 2 == 0 { ODD[v] } else { v as u32 };
    }
    (b'A' + (sum % 26) as u8) as char
}

fn cf(r: &mut Rng, bad_day: bool) -> String {
    let day = if bad_day {
        32 + r.below(9)
    } else {
        1 + r.below(28) + if r.below(2) == 0 { 40 } else { 0 }
    };
    let body = format!(
        "{}{}{:02}{}{day:02}{}{:03}",
        r.alnum(3, CONS),
        r.alnum(3, CONS),
        r.below(100),
        *r.pick(MONTHS) as char,
        *r.pick(b"ABCDEFGHILM") as char,
        1 + r.below(999)
    );
    format!("{body}{}", cf_check(&body))
}

/// Omocodia: the Agenzia delle Entrate replaces digits from the right (places
/// 15, 14, 13, 11, 10, 8, 7) by L M N P Q R S T U V and recomputes the check.
fn omocodia(cf: &str, n: usize) -> String {
    let mut b: Vec<u8> = cf.as_bytes()[..15].to_vec();
    for &i in [14usize, 13, 12, 10, 9, 7, 6].iter().take(n) {
        b[i] = b"LMNPQRSTUV"[(b[i] - b'0') as usize];
    }
    let body = String::from_utf8(b).unwrap();
    format!("{body}{}", cf_check(&body))
}

fn dni_num(r: &mut Rng) -> (u64, String) {
    let n = loop {
        let n = 1_000_000 + r.below(98_999_999);
        if format!("{n:08}") != "12345678" {
            break n;
        }
    };
    (n, format!("{n:08}{}", mod23(n)))
}

fn dni_shown(r: &mut Rng, n: u64) -> String {
    let s = format!("{n:08}");
    let l = mod23(n);
    match r.below(5) {
        0 => format!("{s}-{l}"),
        1 => format!("{}.{}.{}-{l}", &s[..2], &s[2..5], &s[5..]),
        2 => format!("{s} {l}"),
        _ => format!("{s}{l}"),
    }
}

fn nie(r: &mut Rng) -> String {
    let p = r.below(3);
    let d = serial(r, 7);
    let n: u64 = format!("{p}{d}").parse().unwrap();
    let x = b"XYZ"[p as usize] as char;
    let l = mod23(n);
    match r.below(3) {
        0 => format!("{x}-{d}-{l}"),
        _ => format!("{x}{d}{l}"),
    }
}

/// CIF control: doubled odd places (digit sums) plus even places.
fn cif(r: &mut Rng, wrong: bool) -> String {
    let t = *r.pick(b"ABCDEFGHJNPQRSUVW");
    let d = format!("{:02}{}", 1 + r.below(52), serial(r, 5));
    let mut sum = 0u32;
    for (i, c) in d.bytes().enumerate() {
        let x = (c - b'0') as u32;
        sum += if i % 2 == 0 {
            (2 * x) / 10 + (2 * x) % 10
        } else {
            x
        };
    }
    let mut c = (10 - sum % 10) % 10;
    if wrong {
        c = (c + 1 + r.below(9) as u32) % 10;
    }
    let letter = b"JABCDEFGHI"[c as usize] as char;
    let digit = (b'0' + c as u8) as char;
    let ctl = match t {
        b'A' | b'B' | b'E' | b'H' => digit,
        b'N' | b'P' | b'Q' | b'R' | b'S' | b'W' => letter,
        _ => {
            if r.below(2) == 0 {
                digit
            } else {
                letter
            }
        }
    };
    let t = t as char;
    match r.below(3) {
        0 => format!("{t}-{d}{ctl}"),
        _ => format!("{t}{d}{ctl}"),
    }
}

/// Número de la Seguridad Social: province, 8-digit number, (both) mod 97.
fn nss(r: &mut Rng, prov: u64, wrong: bool) -> String {
    let b = 10_000_000 + r.below(89_999_999);
    let mut c = (prov * 100_000_000 + b) % 97;
    if wrong {
        c = (c + 1 + r.below(90)) % 97;
    }
    match r.below(4) {
        0 => format!("{prov:02}/{b:08}/{c:02}"),
        1 => format!("{prov:02} {b:08} {c:02}"),
        2 => format!("{prov:02}-{b:08}-{c:02}"),
        _ => format!("{prov:02}{b:08}{c:02}"),
    }
}

const CF_KW: &[&str] = &[
    "Codice fiscale",
    "C.F.",
    "cod. fiscale",
    "CF",
    "codice fiscale n.",
];
const CF_KEYS: &[&str] = &["codice_fiscale", "cf", "codiceFiscale"];
const ITP_KW: &[&str] = &[
    "Passaporto",
    "Numero passaporto",
    "passaporto n.",
    "N. passaporto",
];
const ITP_KEYS: &[&str] = &["passaporto", "numero_passaporto"];
const ITDL_KW: &[&str] = &[
    "Patente di guida",
    "Numero patente",
    "patente n.",
    "Patente",
];
const ITDL_KEYS: &[&str] = &["patente", "numero_patente", "patente_di_guida"];
const DNI_KW: &[&str] = &[
    "DNI",
    "D.N.I.",
    "Documento Nacional de Identidad",
    "número de DNI",
    "Nº DNI",
];
const DNI_KEYS: &[&str] = &["dni", "numero_dni", "documento_de_identidad"];
const NIE_KW: &[&str] = &[
    "NIE",
    "N.I.E.",
    "Número de identidad de extranjero",
    "nº NIE",
];
const NIE_KEYS: &[&str] = &["nie", "numero_nie"];
const NIF_KW: &[&str] = &[
    "NIF",
    "N.I.F.",
    "Número de identificación fiscal",
    "nif/cif",
];
const NIF_KEYS: &[&str] = &["nif", "numero_nif"];
const CIF_KW: &[&str] = &[
    "CIF",
    "C.I.F.",
    "Código de identificación fiscal",
    "NIF/CIF",
];
const CIF_KEYS: &[&str] = &["cif", "nif_cif"];
const NSS_KW: &[&str] = &[
    "Número de la Seguridad Social",
    "NSS",
    "Nº de afiliación",
    "Seguridad Social",
    "NUSS",
];
const NSS_KEYS: &[&str] = &["nss", "nuss", "numero_seguridad_social"];
const ESP_KW: &[&str] = &[
    "Pasaporte",
    "Número de pasaporte",
    "nº pasaporte",
    "pasaporte español",
];
const ESP_KEYS: &[&str] = &["pasaporte", "numero_pasaporte"];
const ESDL_KW: &[&str] = &[
    "Permiso de conducción",
    "Carnet de conducir",
    "permiso de conducir",
    "carné de conducir",
];
const ESDL_KEYS: &[&str] = &["permiso_de_conducir", "carnet_conducir"];

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    let mut x = cf(r, false);
    if r.below(10) == 0 {
        x = omocodia(&x, 1 + r.below(3) as usize);
    }
    if r.below(8) == 0 {
        x = x.to_lowercase();
    }
    v.push(plant(
        ctx(r, CF_KW, CF_KEYS, &x),
        x,
        &["ITALY_NATIONAL_IDENTIFICATION_NUMBER"],
    ));
    let x = format!("{}{}", r.alnum(2, UPPER), serial(r, 7));
    v.push(plant(
        ctx(r, ITP_KW, ITP_KEYS, &x),
        x,
        &["ITALY_PASSPORT_NUMBER"],
    ));
    let x = if r.below(2) == 0 {
        format!(
            "{}{}{}{}",
            *r.pick(UPPER) as char,
            *r.pick(b"AV") as char,
            serial(r, 7),
            *r.pick(UPPER) as char
        )
    } else {
        // Card model: U1, 7 characters (mostly digits), a letter.
        let mid: String = (0..7)
            .map(|_| {
                if r.below(8) == 0 {
                    *r.pick(UPPER) as char
                } else {
                    r.digit() as char
                }
            })
            .collect();
        format!("U1{mid}{}", *r.pick(UPPER) as char)
    };
    v.push(plant(
        ctx(r, ITDL_KW, ITDL_KEYS, &x),
        x,
        &["ITALY_DRIVERS_LICENSE"],
    ));
    let (n, _) = dni_num(r);
    let x = dni_shown(r, n);
    v.push(plant(
        ctx(r, DNI_KW, DNI_KEYS, &x),
        x,
        &["SPAIN_DNI_NUMBER", "SPAIN_NIF_NUMBER"],
    ));
    let x = nie(r);
    v.push(plant(
        ctx(r, NIE_KW, NIE_KEYS, &x),
        x,
        &["SPAIN_NIE_NUMBER", "SPAIN_NIF_NUMBER"],
    ));
    match r.below(3) {
        0 => {
            let (_, x) = dni_num(r);
            v.push(plant(
                ctx(r, NIF_KW, NIF_KEYS, &x),
                x,
                &["SPAIN_NIF_NUMBER", "SPAIN_DNI_NUMBER"],
            ));
        }
        _ => {
            let d = serial(r, 7);
            let n: u64 = d.parse().unwrap();
            let x = format!("{}{d}{}", *r.pick(b"KLM") as char, mod23(n));
            v.push(plant(
                ctx(r, NIF_KW, NIF_KEYS, &x),
                x,
                &["SPAIN_NIF_NUMBER"],
            ));
        }
    }
    let x = cif(r, false);
    v.push(plant(
        ctx(r, CIF_KW, CIF_KEYS, &x),
        x,
        &["SPAIN_TAX_IDENTIFICATION_NUMBER"],
    ));
    let p = 1 + r.below(52);
    let x = nss(r, p, false);
    v.push(plant(
        ctx(r, NSS_KW, NSS_KEYS, &x),
        x,
        &["SPAIN_SOCIAL_SECURITY_NUMBER"],
    ));
    let x = format!("{}{}", r.alnum(3, UPPER), serial(r, 6));
    v.push(plant(
        ctx(r, ESP_KW, ESP_KEYS, &x),
        x,
        &["SPAIN_PASSPORT_NUMBER"],
    ));
    let (n, _) = dni_num(r);
    let x = dni_shown(r, n).replace('.', "");
    v.push(plant(
        ctx(r, ESDL_KW, ESDL_KEYS, &x),
        x,
        &[
            "SPAIN_DRIVERS_LICENSE",
            "SPAIN_DNI_NUMBER",
            "SPAIN_NIF_NUMBER",
        ],
    ));
    v
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    // Codice fiscale: wrong check letter, impossible day, the Rossi example, no keyword.
    let x = cf(r, false);
    v.push(kwl!(
        r,
        CF_KW,
        &replace_at(&x, 15, other_letter(r, x.as_bytes()[15]))
    ));
    let x = cf(r, true);
    v.push(kwl!(r, CF_KW, &x));
    v.push({
        let s = *r.pick(&["RSSMRA85T10A562S", "RSSMRA80A01H501U"]);
        kwl!(r, CF_KW, s)
    });
    let x = cf(r, false);
    v.push(pln!(r, &x));
    let x = cf(r, false);
    v.push(farl!(r, CF_KW, &x));
    // Passaporto: filler, short, no keyword.
    v.push(kwl!(
        r,
        ITP_KW,
        &format!("{}{}", r.alnum(2, UPPER), "0000000")
    ));
    v.push(kwl!(
        r,
        ITP_KW,
        &format!("{}{}", r.alnum(2, UPPER), serial(r, 6))
    ));
    let x = format!("{}{}", r.alnum(2, UPPER), serial(r, 7));
    v.push(pln!(r, &x));
    // Patente: second letter not A/V, no keyword.
    v.push(kwl!(
        r,
        ITDL_KW,
        &format!(
            "{}{}{}B",
            *r.pick(UPPER) as char,
            *r.pick(b"BCDEFG") as char,
            serial(r, 7)
        ),
    ));
    v.push(pln!(
        r,
        &format!(
            "{}A{}{}",
            *r.pick(UPPER) as char,
            serial(r, 7),
            *r.pick(UPPER) as char
        )
    ));
    // DNI / NIE / NIF: wrong letter, samples, no keyword.
    let (_, x) = dni_num(r);
    v.push(kwl!(
        r,
        DNI_KW,
        &replace_at(&x, 8, other_letter(r, x.as_bytes()[8]))
    ));
    v.push({
        let s = *r.pick(&["12345678Z", "00000000T", "99999999R"]);
        kwl!(r, DNI_KW, s)
    });
    let (_, x) = dni_num(r);
    v.push(pln!(r, &x));
    let (_, x) = dni_num(r);
    v.push(farl!(r, DNI_KW, &x));
    let x: String = nie(r)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect();
    v.push(kwl!(
        r,
        NIE_KW,
        &replace_at(&x, 8, other_letter(r, x.as_bytes()[8]))
    ));
    v.push(kwl!(r, NIE_KW, "X1234567L"));
    let x = nie(r);
    v.push(pln!(r, &x));
    let d = serial(r, 7);
    let n: u64 = d.parse().unwrap();
    let good = mod23(n) as u8;
    v.push(kwl!(
        r,
        NIF_KW,
        &format!("{}{d}{}", *r.pick(b"KLM") as char, other_letter(r, good))
    ));
    // CIF: wrong control, invalid organisation letter, no keyword.
    let x = cif(r, true);
    v.push(kwl!(r, CIF_KW, &x));
    let x = cif(r, false);
    v.push(pln!(r, &x));
    // NSS: wrong control, province 99, no keyword.
    let p = 1 + r.below(52);
    let x = nss(r, p, true);
    v.push(kwl!(r, NSS_KW, &x));
    let p = 60 + r.below(6);
    let x = nss(r, p, false);
    v.push(kwl!(r, NSS_KW, &x));
    let p = 1 + r.below(52);
    let x = nss(r, p, false);
    v.push(pln!(r, &x));
    // Pasaporte: filler, digits first, no keyword.
    v.push(kwl!(r, ESP_KW, &format!("{}000000", r.alnum(3, UPPER))));
    v.push(kwl!(
        r,
        ESP_KW,
        &format!("{}{}{}", r.digits(2), *r.pick(UPPER) as char, serial(r, 6))
    ));
    let x = format!("{}{}", r.alnum(3, UPPER), serial(r, 6));
    v.push(pln!(r, &x));
    // Permiso: wrong letter.
    let (_, x) = dni_num(r);
    v.push(kwl!(
        r,
        ESDL_KW,
        &replace_at(&x, 8, other_letter(r, x.as_bytes()[8]))
    ));
    v
}
