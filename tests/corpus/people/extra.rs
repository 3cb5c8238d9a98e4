//! More real-world spellings of the personal-data detectors: other date
//! and name styles, multi-line addresses, international phone notation,
//! full IPv6, URL and GeoJSON coordinates, and everyday look-alikes.

use super::super::gen::*;

const HEX: &[u8] = b"0123456789abcdef";
const MON: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn ord(d: u64) -> &'static str {
    match d {
        1 | 21 | 31 => "st",
        2 | 22 => "nd",
        3 | 23 => "rd",
        _ => "th",
    }
}

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    let (y, m, d) = (1940 + r.below(65), 1 + r.below(12), 1 + r.below(28));
    let (text, val) = match r.below(6) {
        0 => {
            let s = format!("{d:02}/{m:02}/{y}");
            (format!("D.O.B.: {s}"), s)
        }
        1 => {
            let s = format!("{y}-{m:02}-{d:02}");
            (format!("user.signup dob={s} country=DE"), s)
        }
        2 => {
            let s = format!("{m:02}-{d:02}-{y}");
            (format!("Birth date: {s}"), s)
        }
        3 => {
            let s = format!("{d}{} {} {y}", ord(d), MON[m as usize - 1]);
            (format!("Born: {s}"), s)
        }
        4 => {
            let s = format!("{d:02}.{m:02}.{y}");
            (format!("Herr Weber, geb. {s}, wohnhaft in Köln"), s)
        }
        _ => {
            let s = format!("{d:02}/{m:02}/{y}");
            (format!("née le {s} à Lyon"), s)
        }
    };
    v.push(plant(text, val, &["DATE_OF_BIRTH"]));
    // Multi-line and PO box addresses.
    let (text, val) = match r.below(3) {
        0 => {
            let s = format!(
                "{} {} St Apt {}\nSpringfield, IL 627{:02}",
                1 + r.below(900),
                r.pick(&["Main", "Oak", "Elm", "Lincoln"]),
                1 + r.below(30),
                r.below(100)
            );
            (format!("Billing address:\n{s}"), s)
        }
        1 => {
            let s = format!(
                "P.O. Box {}, Austin, TX 787{:02}",
                100 + r.below(9000),
                r.below(100)
            );
            (format!("mailing,{s}"), s)
        }
        _ => {
            let s = format!(
                "{} {} Road\nLondon\nE{} {}{}",
                1 + r.below(150),
                r.pick(&["Mile End", "Roman", "Commercial", "Bow"]),
                1 + r.below(9),
                1 + r.below(9),
                r.alnum(2, b"ABDEFGHJLNPQRSTUWXYZ")
            );
            (format!("Deliver to:\n{s}"), s)
        }
    };
    v.push(plant(text, val, &["ADDRESS"]));
    // International notation variants.
    let ph = match r.below(8) {
        0 => {
            let s = format!(
                "+1 {} {} {}",
                r.pick(&["646", "408", "617"]),
                r.pick(&["234", "388", "462", "730", "829", "916"]),
                1000 + r.below(9000)
            );
            plant(format!("Mobile: {s}"), s, &["PHONE_NUMBER"])
        }
        1 => {
            let s = format!(
                "+1{}{}{}",
                r.pick(&["646", "408", "617"]),
                r.pick(&["234", "388", "462", "730", "829", "916"]),
                1000 + r.below(9000)
            );
            plant(
                format!("<a href=\"tel:{s}\">Call</a>"),
                s,
                &["PHONE_NUMBER"],
            )
        }
        2 => {
            let s = format!("+44 20 {} {}", 7000 + r.below(999), 1000 + r.below(9000));
            plant(format!("Switchboard: {s}"), s, &["UK_PHONE_NUMBER"])
        }
        3 => {
            let s = format!("+49-30-{}", 2000000 + r.below(7000000));
            plant(format!("Kontakt {s}"), s, &["GERMANY_PHONE_NUMBER"])
        }
        4 => {
            let s = format!(
                "+33 (0)6 {} {} {} {}",
                10 + r.below(90),
                10 + r.below(90),
                10 + r.below(90),
                10 + r.below(90)
            );
            plant(format!("WhatsApp : {s}"), s, &["FRANCE_PHONE_NUMBER"])
        }
        5 => {
            let s = format!("+39 02 {} {}", 1000 + r.below(9000), 1000 + r.below(9000));
            plant(format!("Sede di Milano {s}"), s, &["ITALY_PHONE_NUMBER"])
        }
        6 => {
            let s = format!(
                "+34 91 {} {} {}",
                100 + r.below(900),
                10 + r.below(90),
                10 + r.below(90)
            );
            plant(format!("Oficina central: {s}"), s, &["SPAIN_PHONE_NUMBER"])
        }
        _ => {
            let s = format!(
                "+55 (21) 9{}-{}",
                6000 + r.below(4000),
                1000 + r.below(9000)
            );
            plant(format!("Atendimento {s}"), s, &["BRAZIL_PHONE_NUMBER"])
        }
    };
    v.push(ph);
    // Full and compressed IPv6, IPv4 in URLs.
    let (text, val) = match r.below(3) {
        0 => {
            let s = (0..8)
                .map(|_| r.alnum(4, HEX))
                .collect::<Vec<_>>()
                .join(":");
            (format!("inet6 {s} prefixlen 64"), s)
        }
        1 => {
            let s = format!(
                "fe80::{}:{}ff:fe{}:{}",
                r.alnum(3, HEX),
                r.alnum(2, HEX),
                r.alnum(2, HEX),
                r.alnum(4, HEX)
            );
            (format!("addr {s} scope link"), s)
        }
        _ => {
            let s = format!(
                "{}.{}.{}.{}",
                80 + r.below(120),
                r.below(256),
                r.below(256),
                1 + r.below(254)
            );
            (format!("GET http://{s}:8080/health 200"), s)
        }
    };
    v.push(plant(text, val, &["IP_ADDRESS"]));
    // Coordinates in URL query strings and GeoJSON [lon, lat].
    let la = format!(
        "{}{}.{}",
        if r.below(2) == 0 { "-" } else { "" },
        r.below(80),
        r.digits(5)
    );
    let lo = format!(
        "{}{}.{}",
        if r.below(2) == 0 { "-" } else { "" },
        100 + r.below(79),
        r.digits(5)
    );
    let (text, val) = if r.below(2) == 0 {
        let s = format!("lat={la}&lon={lo}");
        (format!("GET /api/stores?{s}&radius=5km"), s)
    } else {
        let s = format!("[{lo}, {la}]");
        (format!("{{\"type\": \"Point\", \"coordinates\": {s}}}"), s)
    };
    v.push(plant(text, val, &["LATITUDE_LONGITUDE"]));
    // Names: three parts, hyphenated, title-cased surname first.
    let n = format!(
        "{} {}-{}",
        r.pick(&["Anne-Marie", "José Luis", "Karl Heinz", "Mary Kate", "Ewa"]),
        r.pick(&["Lefebvre", "Sánchez", "Kowalczyk", "Brennan"]),
        r.pick(&["Martin", "Ortega", "Nowak", "Walsh"])
    );
    let text = match r.below(3) {
        0 => format!("Passenger: {n}, seat 14C"),
        1 => format!("Contact: Dr. {n}"),
        _ => format!("Insured: {n} (policy holder)"),
    };
    v.push(plant(text, n, &["NAME"]));
    // Labels in other languages and mail headers.
    let f = *r.pick(&[
        "Lucía",
        "Thomas",
        "Chiara",
        "Émilie",
        "Sven",
        "Agnieszka",
        "Kenji",
    ]);
    let l = *r.pick(&[
        "Navarro",
        "Hoffmann",
        "Esposito",
        "Girard",
        "Lindqvist",
        "Zielińska",
        "Watanabe",
    ]);
    let n = format!("{f} {l}");
    let text = match r.below(5) {
        0 => format!("Attn: {n}"),
        1 => format!("Nombre completo: {n}"),
        2 => format!("Nom complet : {n}"),
        3 => format!("guest,room\n{n},{}", 100 + r.below(400)),
        _ => format!("Recipient: {n} <office>"),
    };
    v.push(plant(text, n, &["NAME"]));
    // A phone number in a CSV cell under its column header.
    let s = format!(
        "({}) {}-{}",
        r.pick(&["312", "206", "303"]),
        r.pick(&["284", "467", "739"]),
        1000 + r.below(9000)
    );
    v.push(plant(
        format!("account,phone\nA-{},{s}", r.digits(4)),
        s,
        &["PHONE_NUMBER"],
    ));
    v
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    v.push(format!(
        "2024-0{}-1{} 09:{}:44 INFO job finished",
        1 + r.below(9),
        r.below(9),
        10 + r.below(50)
    ));
    v.push(format!("INV-2024-{:06} due 2024-07-01", r.below(999999)));
    v.push(format!(
        "SKU {}-{}-{} in stock",
        r.digits(4),
        r.digits(4),
        r.digits(4)
    ));
    v.push(format!(
        "upgrade to v{}.{}.{}",
        r.below(20),
        r.below(30),
        r.below(100)
    ));
    v.push(format!("object_id={}", r.alnum(24, HEX)));
    v.push(
        r.pick(&[
            "Team name: Platform Engineering",
            "Project name: Blue Horizon",
            "Customer Success Manager Playbook",
            "Dear Hiring Manager,",
            "Patient Portal Login",
            "Contact Us | Privacy Policy | Terms of Service",
        ])
        .to_string(),
    );
    v.push(format!("postcode SW1A {}AA area", 1 + r.below(9)));
    v.push(format!(
        "Ticket #{} opened by support",
        100000 + r.below(900000)
    ));
    v.push(format!(
        "temperature 21.{},  humidity 45.{}",
        r.digits(4),
        r.digits(4)
    ));
    v
}
