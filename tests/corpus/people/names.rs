//! Full names and mailing addresses as they appear in forms, CRM exports,
//! letters and shipping labels (US, UK, DE, FR, ES, IT).

use super::super::gen::*;

const FIRST: &[&str] = &[
    "James",
    "Maria",
    "Oliver",
    "Sophie",
    "Liam",
    "Emma",
    "Lukas",
    "Anna",
    "Hugo",
    "Camille",
    "Pablo",
    "Lucía",
    "Giulia",
    "Marco",
    "Aisha",
    "Chen",
    "Priya",
    "Mateo",
    "Zoë",
    "Jürgen",
    "François",
    "Siobhán",
    "Noah",
    "Olivia",
    "Henrik",
    "Ingrid",
    "Rafael",
    "Beatriz",
    "Tomasz",
    "Katarzyna",
    "Daniel",
    "Sarah",
    "Mohammed",
    "Fatima",
    "Elena",
    "Jean-Pierre",
    "Ana",
    "Luca",
];
const LAST: &[&str] = &[
    "Smith",
    "Johnson",
    "Williams",
    "Brown",
    "García",
    "Müller",
    "Schmidt",
    "Rossi",
    "Bianchi",
    "Dubois",
    "Lefèvre",
    "Martínez",
    "López",
    "O'Connor",
    "McAllister",
    "Nguyen",
    "Kowalski",
    "Novak",
    "Jensen",
    "Andersson",
    "Fernández",
    "Costa",
    "Silva",
    "Moreau",
    "Fischer",
    "Weber",
    "Romano",
    "Ferrari",
    "Patel",
    "Okafor",
    "Hernández",
    "Schäfer",
    "Dupont",
    "Walsh",
    "Byrne",
];

fn name(r: &mut Rng) -> String {
    let f = *r.pick(FIRST);
    let l = *r.pick(LAST);
    match r.below(6) {
        0 => format!("{f} {} {l}", (b'A' + r.below(26) as u8) as char),
        1 => format!("{f} {} {l}", r.pick(&["van der", "de", "von", "del"])),
        _ => format!("{f} {l}"),
    }
}

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    let n = name(r);
    let (text, val) = match r.below(9) {
        0 => (format!("Patient: {n}, MRN {}", r.digits(6)), n),
        1 => (
            format!("{{\"customer_name\": \"{n}\", \"tier\": \"gold\"}}"),
            n,
        ),
        2 => (
            format!("Dear {} {n},", r.pick(&["Mr.", "Mrs.", "Ms.", "Dr."])),
            n,
        ),
        3 => {
            let up = n.to_uppercase();
            (format!("CARDHOLDER: {up}"), up)
        }
        4 => (format!("Full name: {n}"), n),
        5 => (format!("Beneficiary: {n} (account holder)"), n),
        6 => {
            let parts: Vec<&str> = n.split(' ').collect();
            let s = format!("{}, {}", parts[parts.len() - 1], parts[0]);
            (format!("Name: {s}"), s)
        }
        7 => (format!("Vorname und Nachname: {n}"), n),
        _ => (format!("Signed by {n} on behalf of the tenant."), n),
    };
    v.push(plant(text, val, &["NAME"]));
    v.push(address(r));
    v
}

fn address(r: &mut Rng) -> Plant {
    let no = 1 + r.below(2400);
    match r.below(6) {
        0 => {
            let (city, st, zip) = *r.pick(&[
                ("Springfield", "IL", "627"),
                ("Austin", "TX", "787"),
                ("Portland", "OR", "972"),
                ("Denver", "CO", "802"),
                ("Boston", "MA", "021"),
                ("Seattle", "WA", "981"),
                ("Columbus", "OH", "432"),
                ("Nashville", "TN", "372"),
            ]);
            let street = *r.pick(&[
                "Main St",
                "Oak Avenue",
                "Evergreen Terrace",
                "Maple Drive",
                "Elm Street",
                "Cedar Lane",
                "Pine Rd",
                "Washington Blvd",
            ]);
            let zip = format!("{zip}{:02}", r.below(100));
            let apt = if r.below(3) == 0 {
                format!(" Apt {}", 1 + r.below(40))
            } else {
                String::new()
            };
            let a = format!("{no} {street}{apt}, {city}, {st} {zip}");
            let kw = *r.pick(&[
                "Ship to: ",
                "Billing address: ",
                "Mailing address: ",
                "{\"address\": \"",
            ]);
            let tail = if kw.starts_with('{') { "\"}" } else { "" };
            plant(format!("{kw}{a}{tail}"), a, &["ADDRESS"])
        }
        1 => {
            let (city, pc) = *r.pick(&[
                ("London", "SW1A"),
                ("London", "EC1V"),
                ("Manchester", "M1"),
                ("Leeds", "LS1"),
                ("Bristol", "BS8"),
                ("Glasgow", "G12"),
                ("Cardiff", "CF10"),
                ("Edinburgh", "EH1"),
            ]);
            let street = *r.pick(&[
                "High Street",
                "Station Road",
                "Church Lane",
                "Victoria Road",
                "Park Avenue",
            ]);
            let pc = format!(
                "{pc} {}{}",
                1 + r.below(9),
                r.alnum(2, b"ABDEFGHJLNPQRSTUWXYZ")
            );
            let a = format!("{} {street}, {city} {pc}", 1 + r.below(200));
            plant(format!("Address: {a}"), a, &["ADDRESS"])
        }
        2 => {
            let (city, lo) = *r.pick(&[
                ("Berlin", 10115),
                ("München", 80331),
                ("Hamburg", 20095),
                ("Köln", 50667),
            ]);
            let street = *r.pick(&[
                "Hauptstraße",
                "Bahnhofstraße",
                "Goethestraße",
                "Lindenallee",
                "Schillerstraße",
            ]);
            let a = format!("{street} {}, {} {city}", 1 + r.below(120), lo + r.below(80));
            plant(format!("Anschrift: {a}"), a, &["ADDRESS"])
        }
        3 => {
            let (city, dep) = *r.pick(&[("Paris", "750"), ("Lyon", "6900"), ("Marseille", "130")]);
            let street = *r.pick(&[
                "rue de la Paix",
                "avenue Victor Hugo",
                "boulevard Voltaire",
                "rue Lafayette",
            ]);
            let cp = if dep.len() == 3 {
                format!("{dep}{:02}", 1 + r.below(16))
            } else {
                format!("{dep}{}", 1 + r.below(9))
            };
            let a = format!("{} {street}, {cp} {city}", 1 + r.below(150));
            plant(format!("Adresse : {a}"), a, &["ADDRESS"])
        }
        4 => {
            let (city, pre) =
                *r.pick(&[("Madrid", "280"), ("Barcelona", "080"), ("Sevilla", "410")]);
            let street = *r.pick(&[
                "Calle Mayor",
                "Calle de Alcalá",
                "Avenida de la Constitución",
                "Paseo de Gracia",
            ]);
            let a = format!(
                "{street} {}, {pre}{:02} {city}",
                1 + r.below(200),
                1 + r.below(20)
            );
            plant(format!("Dirección: {a}"), a, &["ADDRESS"])
        }
        _ => {
            let (city, pre) = *r.pick(&[("Roma", "001"), ("Milano", "201"), ("Torino", "101")]);
            let street = *r.pick(&[
                "Via Roma",
                "Via Garibaldi",
                "Corso Vittorio Emanuele",
                "Piazza Duomo",
            ]);
            let a = format!(
                "{street} {}, {pre}{:02} {city}",
                1 + r.below(90),
                21 + r.below(35)
            );
            plant(format!("Indirizzo: {a}"), a, &["ADDRESS"])
        }
    }
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    v.push(
        r.pick(&[
            "Name: Monday Morning Meeting",
            "Customer Service Team will reply within 24 hours",
            "Contact: Acme Holdings Inc",
            "name: New York Office",
            "Dear Valued Customer,",
            "Product Name: Blue Sky Ventures",
            "Client: Global Logistics Partners",
            "Attention: Accounts Payable Department",
            "Employee Handbook Version Two",
            "Recipient: Head Office Reception",
        ])
        .to_string(),
    );
    v.push(format!(
        "{} {} joined the call late",
        r.pick(FIRST),
        r.pick(LAST)
    ));
    v.push(format!(
        "Release Notes: Improved Search Performance and {} Bug Fixes",
        2 + r.below(30)
    ));
    // Address-shaped text that is not an address.
    v.push(format!(
        "Address: Order {} of {} shipped, Springfield, IL 62704",
        1 + r.below(9),
        10 + r.below(20)
    ));
    v.push(format!(
        "Ship to: {} Main St, Springfield, ZZ 627{:02}",
        1 + r.below(900),
        r.below(100)
    ));
    v.push(format!(
        "{} Main St, Springfield, IL 627{:02}",
        1 + r.below(900),
        r.below(100)
    ));
    v.push(format!(
        "Adresse : 12 rue de la Paix, 96{:03} Paris",
        r.below(1000)
    ));
    v.push(format!(
        "Build {} of {} completed, Pipeline OK 200",
        r.below(999),
        1000 + r.below(9000)
    ));
    v
}
