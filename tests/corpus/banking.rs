//! Corpus part: Bank accounts and IBANs by country, and other financial identifiers (detectors/iban.toml, detectors/financial.toml).
//! Positives are generated afresh (valid check digits, realistic context);
//! decoys are look-alikes no detector may report.

#[allow(unused_imports)]
use super::gen::*;

mod cards;
mod domestic;
mod extra;
mod ibans;

use ibans::{bad_national_bban, bban, print_form, COUNTRIES};

/// Leak a detector id into a one-label slice (ids come from a static table).
fn one(id: &'static str) -> &'static [&'static str] {
    Box::leak(vec![id].into_boxed_slice())
}

/// An IBAN in one of the contexts it really turns up in.
fn iban_context(r: &mut Rng, iban: &str) -> (String, String) {
    let print = print_form(iban);
    let amount = format!("{}.{:02}", 10 + r.below(9000), r.below(100));
    match r.below(10) {
        0 => (format!("IBAN: {print}"), print),
        1 => (format!("{{\"iban\": \"{iban}\", \"currency\": \"EUR\"}}"), iban.into()),
        2 => (
            format!("invoice_no,iban,amount\nINV-{},{iban},{amount}", r.digits(5)),
            iban.into(),
        ),
        3 => (
            format!(
                "2024-06-0{}T10:1{}:00Z INFO payout.created beneficiary_iban={iban} amount={amount}",
                1 + r.below(9),
                r.below(10)
            ),
            iban.into(),
        ),
        4 => (
            format!("Please transfer the deposit to {print} before the end of the month."),
            print,
        ),
        5 => (format!("Bank account (IBAN) {print}, reference RENT-{}", r.digits(4)), print),
        6 => (format!("<iban>{iban}</iban>"), iban.into()),
        7 => (format!("iban = \"{iban}\""), iban.into()),
        8 => (format!("SEPA transfer to {iban} of EUR {amount} executed"), iban.into()),
        _ => (format!("International Bank Account Number: {print}"), print),
    }
}

/// Planted positives, one set per document.
pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    for &(cc, id, spec) in COUNTRIES {
        // core.rs already plants DE and GB IBANs; here they get other contexts too.
        let b = bban(r, cc, spec);
        let iban = iban(cc, &b);
        let (text, value) = iban_context(r, &iban);
        v.push(plant(text, value, one(id)));
    }
    v.extend(domestic::positives(r));
    v.extend(cards::positives(r));
    v.extend(extra::positives(r));
    v
}

/// Look-alikes, one set per document.
pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    // Three IBANs with a wrong mod-97 check digit pair, next to "IBAN".
    for _ in 0..3 {
        let &(cc, _, spec) = r.pick(COUNTRIES);
        let good = iban(cc, &bban(r, cc, spec));
        let c: u32 = good[2..4].parse().unwrap();
        let bad = format!(
            "{cc}{:02}{}",
            2 + (c - 2 + 1 + r.below(90) as u32) % 97,
            &good[4..]
        );
        if bad != good {
            let shown = if r.below(2) == 0 {
                print_form(&bad)
            } else {
                bad
            };
            v.push(format!("IBAN: {shown}"));
        }
    }
    // Two IBANs whose mod-97 is right but whose national check digits are wrong.
    let mut n = 0;
    while n < 2 {
        let &(cc, _, spec) = r.pick(COUNTRIES);
        if let Some(b) = bad_national_bban(r, cc, spec) {
            v.push(format!("IBAN {}", iban(cc, &b)));
            n += 1;
        }
    }
    // Right country prefix, one character short.
    let &(cc, _, spec) = r.pick(COUNTRIES);
    let good = iban(cc, &bban(r, cc, spec));
    v.push(format!("iban: {}", &good[..good.len() - 1]));
    // Documentation sample IBANs (ECBS / Wikipedia examples).
    v.push(
        r.pick(&[
            "IBAN: GB82 WEST 1234 5698 7654 32",
            "e.g. DE89 3704 0044 0532 0130 00",
            "iban=GB82WEST12345698765432",
            "Example IBAN FR14 2004 1010 0505 0001 3M02 606",
        ])
        .to_string(),
    );
    // Everyday codes that start with two capitals and digits.
    v.push(format!(
        "Ticket {}{}-{} escalated to tier 2",
        r.pick(&["DE", "FR", "IT", "GB", "ES"]),
        r.digits(6),
        r.digits(4)
    ));
    v.push(format!(
        "part_no=AL{} batch=CH{} qty={}",
        r.digits(10),
        r.digits(8),
        r.below(500)
    ));
    v.extend(domestic::decoys(r));
    v.extend(cards::decoys(r));
    v.extend(extra::decoys(r));
    v
}
