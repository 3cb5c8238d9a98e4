//! More real-world spellings of the financial detectors: IBANs glued to
//! their label or in tab-separated exports, cards with foreign keywords and
//! dot separators, expiry and security-code variants, account and routing
//! labels, and everyday look-alikes.

use super::super::gen::*;
use super::ibans::{bban, print_form, COUNTRIES};

fn one(id: &'static str) -> &'static [&'static str] {
    Box::leak(vec![id].into_boxed_slice())
}

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    // Two more IBANs per document in other layouts.
    for _ in 0..2 {
        let &(cc, id, spec) = r.pick(COUNTRIES);
        let iban = iban(cc, &bban(r, cc, spec));
        let (text, val) = match r.below(4) {
            0 => (format!("IBAN:{iban}"), iban.clone()),
            1 => (
                format!("{}\t{iban}\tEUR\t{}.00", r.digits(6), r.below(9000)),
                iban.clone(),
            ),
            2 => {
                let p = print_form(&iban);
                (format!("Kindly remit to ({p})."), p)
            }
            _ => (format!("'iban': '{iban}',"), iban.clone()),
        };
        v.push(plant(text, val, one(id)));
    }
    // Cards with local-language keywords and other separators.
    let (pre, len) = *r.pick(&[
        ("4", 16),
        ("53", 16),
        ("2720", 16),
        ("6011", 16),
        ("3530", 16),
    ]);
    let c = luhn_number(r, pre, len);
    let (text, val) = match r.below(4) {
        0 => {
            let s = format!("{}-{}-{}-{}", &c[..4], &c[4..8], &c[8..12], &c[12..]);
            (format!("Kreditkarte: {s}"), s)
        }
        1 => {
            let s = format!("{}.{}.{}.{}", &c[..4], &c[4..8], &c[8..12], &c[12..]);
            (format!("Numéro de carte {s}"), s)
        }
        2 => (
            format!("{{\"pan\": \"{c}\", \"brand\": \"card\"}}"),
            c.clone(),
        ),
        _ => (format!("número de tarjeta: {c}"), c.clone()),
    };
    let labels: &'static [&'static str] = if text.contains('.') {
        &["CREDIT_CARD_NUMBER"]
    } else {
        &["CREDIT_CARD_NUMBER", "CREDIT_CARD_NUMBER_(NO_KEYWORD)"]
    };
    v.push(plant(text, val, labels));
    // Expiry variants.
    let m = 1 + r.below(12);
    let y = 26 + r.below(8);
    let (text, val) = match r.below(4) {
        0 => {
            let s = format!("{m}/{y}");
            (format!("exp: {s}"), s)
        }
        1 => {
            let s = format!("{m:02} / 20{y}");
            (format!("Expiry Date: {s}"), s)
        }
        2 => {
            let s = format!("{m:02}/{y}");
            (format!("Ablaufdatum: {s}"), s)
        }
        _ => {
            let s = format!("{m:02}/20{y}");
            (format!("Fecha de caducidad {s}"), s)
        }
    };
    v.push(plant(text, val, &["CREDIT_CARD_EXPIRATION"]));
    // Security code variants.
    let cv = format!("{}{}", 1 + r.below(9), r.digits(2));
    let text = match r.below(3) {
        0 => format!("CVC2: {cv}"),
        1 => format!("security code (CVV): {cv}"),
        _ => format!("cvv,billing_zip\n{cv},94107"),
    };
    v.push(plant(text, cv, &["CREDIT_CARD_SECURITY_CODE"]));
    // Account and routing labels.
    let n = 10 + r.below(4) as usize;
    let acct = format!("{}{}", 1 + r.below(9), r.digits(n));
    let text = match r.below(3) {
        0 => format!("Bank acct no. {acct}"),
        1 => format!("Savings account #: {acct}"),
        _ => format!("deposit acct\t{acct}"),
    };
    v.push(plant(text, acct, &["BANK_ACCOUNT_NUMBER"]));
    let rtn = super::domestic::aba(r);
    let text = match r.below(2) {
        0 => format!("ABA/Routing: {rtn}"),
        _ => format!("Routing #\t{rtn}"),
    };
    v.push(plant(text, rtn, &["US_BANK_ROUTING_NUMBER"]));
    v
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    v.push(format!(
        "SEPA mandate reference MNDT-{}-{}",
        r.digits(6),
        r.digits(4)
    ));
    v.push(format!("Card ending in {} was charged", r.digits(4)));
    v.push(format!(
        "card id: {}:{}",
        10 + r.below(13),
        10 + r.below(50)
    ));
    v.push(format!(
        "Expiry: {:02}/{:02}/20{}",
        1 + r.below(28),
        1 + r.below(12),
        24 + r.below(5)
    ));
    v.push(format!("exp(x) = {}.{}", r.below(9), r.digits(3)));
    v.push(format!("Bank account: see attachment, ref {}", r.digits(6)));
    v.push(format!(
        "routing table size {} entries",
        1000 + r.below(90000)
    ));
    v.push(format!("bic: {}", r.pick(&["n/a", "unknown", "TBD"])));
    v
}
