//! Corpus part: The Americas, Asia-Pacific and US health identifiers
//! (detectors/americas.toml, detectors/apac.toml, detectors/health_us.toml).
//! Positives are generated afresh (valid check digits, realistic context);
//! decoys are look-alikes no detector may report. The check digits are
//! implemented here from the public specifications, independently of the
//! validators in `src/`.
//!
//! Submodules: `us` (ITIN, EIN, passport, driver's licences), `canada`,
//! `brazil_ar` (Brazil, Argentina), `andes_mx` (Chile, Colombia, Mexico),
//! `apac` (India, Australia), `health` (US health ids, Canadian health
//! numbers).

use super::gen::*;

mod andes_mx;
mod apac;
mod brazil_ar;
mod canada;
mod health;
mod us;

/// Planted positives, one set per document.
pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    us::positives(r, &mut v);
    canada::positives(r, &mut v);
    brazil_ar::positives(r, &mut v);
    andes_mx::positives(r, &mut v);
    apac::positives(r, &mut v);
    health::positives(r, &mut v);
    v
}

/// Look-alikes, one set per document.
pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    us::decoys(r, &mut v);
    canada::decoys(r, &mut v);
    brazil_ar::decoys(r, &mut v);
    andes_mx::decoys(r, &mut v);
    apac::decoys(r, &mut v);
    health::decoys(r, &mut v);
    everyday(r, &mut v);
    v
}

/// The value in one of several realistic settings: a "Label: value" line, a
/// prose sentence, a JSON field, a CSV header and row, or a log line. `kws`
/// are keyword spellings as people write them (for labels and prose),
/// `field` a machine field name that carries the keyword (JSON, CSV, logs).
pub fn ctx(r: &mut Rng, kws: &[&str], field: &str, value: &str) -> String {
    let kw = *r.pick(kws);
    match r.below(6) {
        0 => format!("{kw}: {value}"),
        1 => format!(
            "{} {kw} {value} {}",
            r.pick(&[
                "Please verify the",
                "On file we have",
                "The applicant provided",
                "Updated record with",
            ]),
            r.pick(&[
                "before Friday.",
                "as discussed.",
                "(scanned copy attached).",
                "and closed the ticket.",
            ])
        ),
        2 => format!(
            "{{\"id\": {}, \"{field}\": \"{value}\", \"status\": \"{}\"}}",
            r.below(90000) + 1000,
            r.pick(&["active", "pending", "verified"])
        ),
        3 => format!(
            "record_id,{field},updated\n{},{value},2024-0{}-1{}",
            r.below(9000) + 1000,
            1 + r.below(9),
            r.below(10)
        ),
        4 => format!(
            "2024-06-0{}T1{}:2{}:0{}Z INFO kyc.verify {field}={value} result=match",
            1 + r.below(9),
            r.below(10),
            r.below(10),
            r.below(10)
        ),
        _ => format!("{kw} {value}"),
    }
}

/// A digit string of length `n` whose first digit is not zero.
pub fn nz_digits(r: &mut Rng, n: usize) -> String {
    format!("{}{}", 1 + r.below(9), r.digits(n - 1))
}

/// Digits of a string as numbers.
pub fn dv(s: &str) -> Vec<u32> {
    s.bytes()
        .filter(u8::is_ascii_digit)
        .map(|c| (c - b'0') as u32)
        .collect()
}

/// Replace the last character with another digit (a wrong check digit).
pub fn bump_last(s: &str) -> String {
    let (head, last) = s.split_at(s.len() - 1);
    let d = last.as_bytes()[0];
    let n = if d.is_ascii_digit() {
        b'0' + (d - b'0' + 1) % 10
    } else {
        b'0'
    };
    format!("{head}{}", n as char)
}

/// A letter from `set`.
pub fn letter(r: &mut Rng, set: &[u8]) -> char {
    set[r.below(set.len() as u64) as usize] as char
}

pub const AZ: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/// Everyday look-alikes near generic words: order numbers, phone-like
/// numbers, ZIP codes, invoice refs, timestamps, product codes, hex ids.
fn everyday(r: &mut Rng, v: &mut Vec<String>) {
    v.push(format!(
        "Order {}-{} confirmed, ships to ZIP {:05}",
        r.digits(3),
        r.digits(7),
        10000 + r.below(89999)
    ));
    v.push(format!(
        "Invoice INV-{}-{} total 1,{}.{} USD",
        2024 + r.below(2),
        r.digits(6),
        r.digits(3),
        r.digits(2)
    ));
    v.push(format!(
        "SKU {}{}-{} restocked (qty {})",
        letter(r, AZ),
        letter(r, AZ),
        r.digits(6),
        r.below(500)
    ));
    v.push(format!(
        "ts={} build={} commit={}",
        1_700_000_000 + r.below(90_000_000),
        r.digits(8),
        r.alnum(12, b"0123456789abcdef")
    ));
    v.push(format!("Tracking number {} out for delivery", r.digits(12)));
    // Short keywords that are also everyday words (run, tin, pan, med, ein,
    // pr, sin) next to everyday numbers.
    v.push(format!(
        "nightly job run {} finished in {} s",
        r.digits(8),
        r.below(90) + 10
    ));
    v.push(format!(
        "{} tin cans, pallet {} (pan {}x{} mm)",
        r.below(90) + 10,
        r.digits(9),
        800 + r.below(400),
        600 + r.below(200)
    ));
    v.push(format!(
        "Med cart restocked, barcode {} scanned",
        // "med" is one of Macie's UDI keywords: a valid GS1 number here is a
        // device identifier by Macie's rule, so the decoy's check digit is wrong
        health::gtin14_bad_check(r)
    ));
    v.push(format!(
        "Das ist ein Auftrag mit Nummer {} vom Montag.",
        r.digits(9)
    ));
    v.push(format!(
        "PR no {} merged into main (build {})",
        r.below(20000) + 100,
        r.digits(10)
    ));
    v.push(format!(
        "Customer called from {}-{}-{}, ZIP {:05}-{:04}",
        200 + r.below(700),
        200 + r.below(700),
        r.digits(4),
        10000 + r.below(89999),
        r.below(10000)
    ));
    v.push(format!(
        "Room {} booked, confirmation {}{}",
        100 + r.below(800),
        r.alnum(2, AZ),
        r.digits(6)
    ));
}
