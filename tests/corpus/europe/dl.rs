//! Driving licences of the other EU countries (one table row each: keywords,
//! field names, a generator of the published number shape) and the EHIC
//! card numbers.

use super::super::gen::*;
use super::ctx::*;
use crate::gen::luhn_check_digit;

/// 8 digits that do not read as a YYYYMMDD date (the detectors skip dates).
fn d8(r: &mut Rng) -> String {
    loop {
        let s = serial(r, 8);
        let y: u32 = s[..4].parse().unwrap();
        if !(1900..=2099).contains(&y) {
            return s;
        }
    }
}

fn d9(r: &mut Rng) -> String {
    serial(r, 9)
}
fn d10(r: &mut Rng) -> String {
    serial(r, 10)
}
fn d12(r: &mut Rng) -> String {
    serial(r, 12)
}
fn d6(r: &mut Rng) -> String {
    serial(r, 6)
}
fn l2d6(r: &mut Rng) -> String {
    format!("{}{}", r.alnum(2, UPPER), serial(r, 6))
}
fn l3d6(r: &mut Rng) -> String {
    format!("{}{}", r.alnum(3, UPPER), serial(r, 6))
}
fn cz(r: &mut Rng) -> String {
    let sp = if r.below(2) == 0 { " " } else { "" };
    format!("E{}{sp}{}", *r.pick(UPPER) as char, serial(r, 6))
}
fn ie(r: &mut Rng) -> String {
    format!("{}{}", serial(r, 6), r.alnum(4, UPPER))
}
fn mt(r: &mut Rng) -> String {
    let p = if r.below(2) == 0 {
        r.alnum(2, UPPER)
    } else {
        r.digits(2)
    };
    let d = serial(r, 6);
    if r.below(2) == 0 {
        format!("{p} {} {}", &d[..3], &d[3..])
    } else {
        format!("{p}{d}")
    }
}
fn pl(r: &mut Rng) -> String {
    format!("{}/{:02}/{}", serial(r, 5), r.below(100), serial(r, 4))
}
fn pt(r: &mut Rng) -> String {
    let sp = if r.below(2) == 0 { " " } else { "" };
    if r.below(2) == 0 {
        let l = *r.pick(&["AV", "BE", "BR", "FA", "LE", "SA", "VR", "VS", "LS"]);
        let n = 5 + r.below(2) as usize;
        format!("{l}-{}{sp}{}", serial(r, n), r.digit() as char)
    } else {
        let l = *r.pick(&["L", "P", "C", "E", "A", "F"]);
        let n = if r.below(2) == 0 { 6 } else { 8 };
        format!("{l}-{}{sp}{}", serial(r, n), r.digit() as char)
    }
}
fn ro(r: &mut Rng) -> String {
    format!(
        "{}{}",
        *r.pick(b"ABCDEFGHJKLMNPRSTVXZ123456789") as char,
        serial(r, 8)
    )
}
fn sk(r: &mut Rng) -> String {
    format!(
        "{}{}",
        *r.pick(b"ABCDEFGHJKLMNPRSTVXZ123456789") as char,
        serial(r, 7)
    )
}

/// Finnish HETU: DDMMYY, century sign, individual number, mod-31 check.
fn hetu(r: &mut Rng) -> String {
    let (d, m, y) = (1 + r.below(28), 1 + r.below(12), r.below(100));
    let sign = *r.pick(&['-', '-', 'A', 'A', 'Y', 'B']);
    let ind = 2 + r.below(898);
    let n: u64 = format!("{d:02}{m:02}{y:02}{ind:03}").parse().unwrap();
    let c = b"0123456789ABCDEFHJKLMNPRSTUVWXY"[(n % 31) as usize] as char;
    format!("{d:02}{m:02}{y:02}{sign}{ind:03}{c}")
}

/// Swedish personnummer: YYMMDD (day + 60 for samordningsnummer), -, 3 digits,
/// Luhn check over the ten digits.
fn pnr(r: &mut Rng) -> String {
    let (y, m) = (r.below(100), 1 + r.below(12));
    let d = 1 + r.below(28) + if r.below(8) == 0 { 60 } else { 0 };
    let body = format!("{y:02}{m:02}{d:02}{:03}", r.below(1000));
    let c = luhn_check_digit(&body) as char;
    match r.below(4) {
        0 => format!(
            "{}{}-{}{c}",
            if y < 25 { "20" } else { "19" },
            &body[..6],
            &body[6..]
        ),
        1 => format!("{}{c}", body),
        _ => format!("{}-{}{c}", &body[..6], &body[6..]),
    }
}

struct Dl {
    labels: &'static [&'static str],
    kws: &'static [&'static str],
    keys: &'static [&'static str],
    gen: fn(&mut Rng) -> String,
}

const DLS: &[Dl] = &[
    Dl {
        labels: &["AUSTRIA_DRIVERS_LICENSE"],
        kws: &[
            "Führerschein Republik Österreich Nr.",
            "Führerscheinnummer",
            "Führerschein-Nr.",
            "Führerschein",
        ],
        keys: &["fuehrerschein", "fuehrerscheinnummer", "fuehrerschein_nr"],
        gen: d8,
    },
    Dl {
        labels: &["BELGIUM_DRIVERS_LICENSE", "NETHERLANDS_DRIVERS_LICENSE"],
        kws: &[
            "Numéro de permis de conduire",
            "Rijbewijsnummer",
            "Permis de conduire n°",
            "rijbewijs nr.",
        ],
        keys: &["rijbewijs", "permis_de_conduire", "rijbewijsnummer"],
        gen: d10,
    },
    Dl {
        labels: &["BULGARIA_DRIVERS_LICENSE"],
        kws: &[
            "Шофьорска книжка №",
            "СУМПС",
            "номер на шофьорска книжка",
            "Свидетелство за управление на МПС",
        ],
        keys: &["шофьорска_книжка", "сумпс"],
        gen: d9,
    },
    Dl {
        labels: &["CROATIA_DRIVERS_LICENSE"],
        kws: &[
            "Vozačka dozvola",
            "Broj vozačke dozvole",
            "vozacka dozvola br.",
        ],
        keys: &["vozacka_dozvola", "broj_vozacke_dozvole"],
        gen: d8,
    },
    Dl {
        labels: &["CYPRUS_DRIVERS_LICENSE"],
        kws: &[
            "Άδεια οδήγησης",
            "Αριθμός άδειας οδήγησης",
            "άδεια οδήγησης αρ.",
        ],
        keys: &["άδεια_οδήγησης", "αριθμός_άδειας_οδήγησης"],
        gen: d12,
    },
    Dl {
        labels: &["CZECHIA_DRIVERS_LICENSE"],
        kws: &[
            "Řidičský průkaz",
            "Číslo řidičského průkazu",
            "řidičský průkaz č.",
        ],
        keys: &["ridicsky_prukaz", "cislo_ridicskeho_prukazu"],
        gen: cz,
    },
    Dl {
        labels: &["DENMARK_DRIVERS_LICENSE"],
        kws: &["Kørekortnummer", "Kørekort nr.", "kørekort"],
        keys: &["korekort", "koerekort", "kørekortnummer"],
        gen: d8,
    },
    Dl {
        labels: &["ESTONIA_DRIVERS_LICENSE"],
        kws: &["Juhiluba", "Juhiloa number", "juhiloa nr"],
        keys: &["juhiluba", "juhiloa_number"],
        gen: l2d6,
    },
    Dl {
        // "ajokortin numero" is also a Swedish keyword (Macie), and DDMMYY-NNNC
        // with a digit check can pass the personnummer date and Luhn checks.
        labels: &["FINLAND_DRIVERS_LICENSE", "SWEDEN_DRIVERS_LICENSE"],
        kws: &["Ajokortti", "Ajokortin numero", "ajokortin nro"],
        keys: &["ajokortti", "ajokorttinumero"],
        gen: hetu,
    },
    Dl {
        labels: &["GREECE_DRIVERS_LICENSE"],
        kws: &[
            "Άδεια οδήγησης",
            "Αριθμός άδειας οδήγησης",
            "Adeia odigisis",
        ],
        keys: &["adeia_odigisis", "άδεια_οδήγησης"],
        gen: d9,
    },
    Dl {
        labels: &["HUNGARY_DRIVERS_LICENSE"],
        kws: &["Jogosítvány száma", "Vezetői engedély", "jogosítvány"],
        keys: &["jogositvany", "vezetoi_engedely"],
        gen: l2d6,
    },
    Dl {
        labels: &["IRELAND_DRIVERS_LICENSE"],
        kws: &["Ceadúnas tiomána", "NDLS licence no.", "ceadunas tiomana"],
        keys: &["ceadunas_tiomana", "ndls"],
        gen: ie,
    },
    Dl {
        labels: &["LATVIA_DRIVERS_LICENSE"],
        kws: &[
            "Vadītāja apliecība",
            "Vadītāja apliecības numurs",
            "vadītāja apliecības nr.",
        ],
        keys: &["vaditaja_aplieciba", "vadītāja_apliecība"],
        gen: l3d6,
    },
    Dl {
        labels: &["LITHUANIA_DRIVERS_LICENSE"],
        kws: &[
            "Vairuotojo pažymėjimas",
            "Vairuotojo pažymėjimo numeris",
            "vairuotojo pažymėjimo nr.",
        ],
        keys: &["vairuotojo_pazymejimas"],
        gen: d8,
    },
    Dl {
        labels: &["LUXEMBOURG_DRIVERS_LICENSE"],
        kws: &["Führerschäin", "Fahrerlaubnis Nr.", "fahrerlaubnis"],
        keys: &["fahrerlaubnis", "fuhrerschain"],
        gen: d6,
    },
    Dl {
        labels: &["MALTA_DRIVERS_LICENSE"],
        kws: &[
            "Liċenzja tas-sewqan",
            "Numru tal-liċenzja tas-sewqan",
            "licenzja tas-sewqan",
        ],
        keys: &["licenzja_tas_sewqan"],
        gen: mt,
    },
    Dl {
        labels: &["NETHERLANDS_DRIVERS_LICENSE", "BELGIUM_DRIVERS_LICENSE"],
        kws: &[
            "Rijbewijsnummer",
            "Rijbewijs nr.",
            "rijbewijs",
            "Dutch driving licence",
        ],
        keys: &["rijbewijs", "rijbewijsnummer", "rijbewijsnr"],
        gen: d10,
    },
    Dl {
        labels: &["POLAND_DRIVERS_LICENSE"],
        kws: &["Prawo jazdy nr", "Numer prawa jazdy", "prawo jazdy"],
        keys: &["prawo_jazdy", "numer_prawa_jazdy"],
        gen: pl,
    },
    Dl {
        labels: &["PORTUGAL_DRIVERS_LICENSE"],
        kws: &[
            "Carta de condução",
            "Número da carta de condução",
            "carta de conducao n.º",
        ],
        keys: &[
            "carta_de_conducao",
            "numero_da_carta_de_conducao",
            "numero_carta_conducao",
        ],
        gen: pt,
    },
    Dl {
        labels: &["ROMANIA_DRIVERS_LICENSE"],
        kws: &[
            "Permis de conducere",
            "Numărul permisului de conducere",
            "permis conducere nr.",
        ],
        keys: &["permis_de_conducere", "numarul_permisului_de_conducere"],
        gen: ro,
    },
    Dl {
        labels: &["SLOVAKIA_DRIVERS_LICENSE"],
        kws: &[
            "Vodičský preukaz",
            "Číslo vodičského preukazu",
            "vodičský preukaz č.",
        ],
        keys: &["vodicsky_preukaz", "cislo_vodicskeho_preukazu"],
        gen: sk,
    },
    Dl {
        labels: &["SLOVENIA_DRIVERS_LICENSE"],
        kws: &[
            "Vozniško dovoljenje",
            "Številka vozniškega dovoljenja",
            "vozniško dovoljenje št.",
        ],
        keys: &["voznisko_dovoljenje", "stevilka_vozniskega_dovoljenja"],
        gen: d9,
    },
    Dl {
        labels: &["SWEDEN_DRIVERS_LICENSE", "FINLAND_DRIVERS_LICENSE"],
        kws: &["Körkortsnummer", "Körkort nr", "körkort"],
        keys: &["korkort", "korkortsnummer"],
        gen: pnr,
    },
];

const EHIC_CC: &[&str] = &[
    "040", "056", "100", "191", "196", "203", "208", "233", "250", "276", "300", "348", "352",
    "372", "380", "428", "438", "440", "442", "470", "528", "578", "616", "620", "642", "703",
    "705", "724", "752", "756", "826",
];
const EHIC_KW: &[&str] = &[
    "EHIC",
    "EHIC card number",
    "European Health Insurance Card",
    "Carte européenne d'assurance maladie n°",
    "Tarjeta Sanitaria Europea",
    "Europäische Krankenversicherungskarte",
    "GHIC",
];
const EHIC_KEYS: &[&str] = &["ehic", "ehic_number", "ghic"];
const FIE_KW: &[&str] = &[
    "EHIC",
    "Eurooppalainen sairaanhoitokortti",
    "Sairausvakuutuskortti",
    "Suomi EHIC-numero",
];
const FIE_KEYS: &[&str] = &["ehic", "sairausvakuutuskortti"];

fn ehic(r: &mut Rng, cc: &str) -> String {
    let s = format!("80{cc}{}", serial(r, 15));
    if r.below(3) == 0 {
        format!("{} {} {} {}", &s[..5], &s[5..10], &s[10..15], &s[15..])
    } else {
        s
    }
}

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    for dl in DLS {
        let x = (dl.gen)(r);
        v.push(plant(ctx(r, dl.kws, dl.keys, &x), x, dl.labels));
    }
    let cc = *r.pick(EHIC_CC);
    let x = ehic(r, cc);
    v.push(plant(
        ctx(r, EHIC_KW, EHIC_KEYS, &x),
        x,
        &["EUROPEAN_HEALTH_INSURANCE_CARD_NUMBER"],
    ));
    let x = ehic(r, "246");
    v.push(plant(
        ctx(r, FIE_KW, FIE_KEYS, &x),
        x,
        &["FINLAND_EUROPEAN_HEALTH_INSURANCE_NUMBER"],
    ));
    v
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    for (i, dl) in DLS.iter().enumerate() {
        // 111111-111x is a real date for a HETU: fill with zeros there.
        let fill = if i == 8 { '0' } else { '1' };
        let x = (dl.gen)(r);
        // The right shape with no keyword, and with the keyword too far away.
        v.push(pln!(r, &x));
        let kw = cap(*r.pick(dl.kws));
        v.push(format!(
            "{kw} – see the scanned copy attached to this file, page 2 – {x}"
        ));
        // Filler digits next to the keyword.
        let f = x
            .chars()
            .map(|c| if c.is_ascii_digit() { fill } else { c })
            .collect::<String>();
        v.push(kwl!(r, dl.kws, &f));
    }
    // Dates where 8 digits are expected.
    let date = format!(
        "{}{:02}{:02}",
        1950 + r.below(70),
        1 + r.below(12),
        1 + r.below(28)
    );
    v.push(kwl!(r, DLS[0].kws, &date));
    // HETU / personnummer with a wrong check character or date.
    // (a wrong check letter: a wrong digit could make a valid Swedish number)
    let h = hetu(r);
    let bad = if h.ends_with('X') { 'Y' } else { 'X' };
    v.push(kwl!(r, DLS[8].kws, &replace_at(&h, 10, bad)));
    let p = pnr(r);
    let last = p.as_bytes()[p.len() - 1];
    v.push(kwl!(
        r,
        DLS[22].kws,
        &replace_at(&p, p.len() - 1, other_digit(r, last))
    ));
    // EHIC: not an EHIC country, Finnish prefix too short, filler, no keyword.
    v.push(kwl!(
        r,
        EHIC_KW,
        &format!("80{}{}", r.pick(&["999", "840", "124"]), serial(r, 15))
    ));
    v.push(kwl!(r, EHIC_KW, "80276000000000000000"));
    v.push(kwl!(r, FIE_KW, &format!("80246{}", serial(r, 11))));
    let cc = *r.pick(EHIC_CC);
    let x = ehic(r, cc);
    v.push(pln!(r, &x));
    let x = ehic(r, "246");
    v.push(pln!(r, &x));
    v
}
