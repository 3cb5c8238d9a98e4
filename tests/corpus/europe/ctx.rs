//! Shared helpers of the European corpus part: realistic contexts around a
//! planted value (label lines, CSV rows, JSON fields, log lines, prose, XML),
//! generic look-alike contexts for decoys, and the check-digit schemes used by
//! several countries (ISO 7064 MOD 11,10, ICAO 9303, the Spanish mod-23
//! letter), written from their public specifications.

use super::super::gen::*;

/// `kwline` with a value computed from the same RNG.
macro_rules! kwl {
    ($r:ident, $k:expr, $v:expr $(,)?) => {{
        let v: &str = $v;
        kwline($r, $k, v)
    }};
}

/// `plain` with a value computed from the same RNG.
macro_rules! farl {
    ($r:ident, $k:expr, $v:expr $(,)?) => {{
        let v: &str = $v;
        far($r, $k, v)
    }};
}

/// `plain` with a value computed from the same RNG.
macro_rules! pln {
    ($r:ident, $v:expr $(,)?) => {{
        let v: &str = $v;
        plain($r, v)
    }};
}

pub const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Neutral second-column values (no person names: the NAME detector would
/// rightly report those, and they are not what this part measures).
const NAMES: &[&str] = &[
    "active", "pending", "verified", "expired", "on_hold", "renewed", "new", "archived",
];

const CITIES: &[&str] = &[
    "Berlin", "Paris", "Madrid", "Roma", "London", "Wien", "Praha", "Lisboa", "Dublin", "Riga",
];

/// Upper-case the first character (keywords written at a line start).
pub fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// A planted value in one of several real-world contexts. `kws` are keyword
/// phrases as people write them in text, `keys` field / column names; every
/// context puts a keyword within 30 characters before the value.
pub fn ctx(r: &mut Rng, kws: &[&str], keys: &[&str], v: &str) -> String {
    let kw = *r.pick(kws);
    let key = *r.pick(keys);
    let name = *r.pick(NAMES);
    let city = *r.pick(CITIES);
    match r.below(8) {
        0 => format!("{}: {v}", cap(kw)),
        1 => format!("{} {v}", cap(kw)),
        2 => format!("{key},status,city\n{v},{name},{city}"),
        3 => format!("status;{key};city\n{name};{v};{city}"),
        4 => format!("{{\"status\": \"{name}\", \"{key}\": \"{v}\", \"verified\": true}}"),
        5 => format!(
            "2024-05-1{}T10:2{}:0{}Z INFO kyc.check {key}={v} result=match",
            r.below(9),
            r.below(9),
            r.below(9)
        ),
        6 => format!("Applicant ({city}, {name}) – {kw} {v}, checked at the desk."),
        _ => format!("<holder><status>{name}</status><{key}>{v}</{key}></holder>"),
    }
}

/// A look-alike in everyday context with no keyword near it.
pub fn plain(r: &mut Rng, v: &str) -> String {
    let w = *r.pick(&[
        "Order",
        "Invoice",
        "Tracking no.",
        "Ticket",
        "SKU",
        "Booking ref",
        "Batch",
        "Serial",
        "Shipment",
        "Case",
    ]);
    match r.below(4) {
        0 => format!("{w} {v} has been processed."),
        1 => format!("{},{v},{},EUR", 1000 + r.below(9000), 10 + r.below(90)),
        2 => format!("{{\"item\": \"{v}\", \"qty\": {}}}", 1 + r.below(9)),
        _ => format!(
            "2024-06-0{}T08:00:00Z DEBUG cache miss key={v}",
            1 + r.below(8)
        ),
    }
}

/// Keyword then value, a label line (used for decoys next to a keyword).
pub fn kwline(r: &mut Rng, kws: &[&str], v: &str) -> String {
    let kw = *r.pick(kws);
    format!("{}: {v}", cap(kw))
}

/// The keyword more than 30 characters before the value (Macie's distance):
/// no keyword-required detector may report it.
pub fn far(r: &mut Rng, kws: &[&str], v: &str) -> String {
    let kw = *r.pick(kws);
    let gap = *r.pick(&[
        "(see the form attached to the letter of 12 May, section 4)",
        "– the office will confirm the details by post within ten days –",
        "was requested; the reference printed on the receipt is",
    ]);
    format!("{} {gap} {v}", cap(kw))
}

/// ISO 7064 MOD 11,10 check digit.
pub fn mod11_10(body: &str) -> u32 {
    let mut p = 10u32;
    for c in body.bytes() {
        let mut s = ((c - b'0') as u32 + p) % 10;
        if s == 0 {
            s = 10;
        }
        p = (s * 2) % 11;
    }
    (11 - p) % 10
}

/// ICAO 9303 check digit (weights 7, 3, 1; A = 10 .. Z = 35).
pub fn icao(s: &str) -> u32 {
    let w = [7u32, 3, 1];
    s.bytes()
        .enumerate()
        .map(|(i, c)| {
            let v = if c.is_ascii_digit() {
                (c - b'0') as u32
            } else {
                (c - b'A') as u32 + 10
            };
            v * w[i % 3]
        })
        .sum::<u32>()
        % 10
}

/// The Spanish DNI / NIE / NIF check letter of a number.
pub fn mod23(n: u64) -> char {
    b"TRWAGMYFPDXBNJZSQVHLCKE"[(n % 23) as usize] as char
}

/// Random digits that are not filler (no single repeated digit, no straight
/// run, no repeated pair): what real serial numbers look like.
pub fn serial(r: &mut Rng, n: usize) -> String {
    loop {
        let d = r.digits(n);
        let b = d.as_bytes();
        let same = b.iter().all(|&x| x == b[0]);
        let up = b.windows(2).all(|w| (w[0] - b'0' + 1) % 10 == w[1] - b'0');
        let down = b.windows(2).all(|w| (w[1] - b'0' + 1) % 10 == w[0] - b'0');
        let pair = n >= 6 && b.windows(3).all(|w| w[0] == w[2]);
        if !(same || up || down || pair) {
            return d;
        }
    }
}

/// A digit different from `c`.
pub fn other_digit(r: &mut Rng, c: u8) -> char {
    (b'0' + ((c - b'0') + 1 + r.below(9) as u8) % 10) as char
}

/// A letter different from `c`.
pub fn other_letter(r: &mut Rng, c: u8) -> char {
    (b'A' + ((c.to_ascii_uppercase() - b'A') + 1 + r.below(25) as u8) % 26) as char
}

/// Replace the character at `i` of `s` by `c`.
pub fn replace_at(s: &str, i: usize, c: char) -> String {
    let mut v: Vec<char> = s.chars().collect();
    v[i] = c;
    v.into_iter().collect()
}

/// Everyday look-alikes of European identifiers near generic words: postcode columns,
/// EAN barcodes, timestamps, hex ids, product codes, phone-like extensions,
/// invoice references, with short keywords only inside longer words (Martin,
/// running, Kingston).
pub fn everyday(r: &mut Rng) -> Vec<String> {
    vec![
        format!(
            "region,postcode,orders\nIDF,750{:02},{}\nBE,{},{}",
            1 + r.below(20),
            r.below(900),
            10115 + r.below(2000),
            r.below(900)
        ),
        format!(
            "EAN {}{}",
            r.pick(&["400", "300", "800", "840"]),
            r.digits(10)
        ),
        format!(
            "build {}{:02}{:02}{}",
            2020 + r.below(5),
            1 + r.below(12),
            1 + r.below(28),
            r.digits(6)
        ),
        format!("object id 0x{}", r.alnum(12, b"0123456789abcdef")),
        format!(
            "SKU {}-{}-{}",
            r.alnum(3, UPPER),
            r.digits(4),
            r.alnum(2, UPPER)
        ),
        format!(
            "Martin {} running {} in Kingston",
            r.digits(11),
            r.digits(9)
        ),
        format!("Invoice INV-{}-{}", 2024, r.digits(6)),
        format!("ext. {} {}", r.digits(4), r.digits(6)),
        format!("Tracking {}{}", r.alnum(2, UPPER), r.digits(9)),
    ]
}
