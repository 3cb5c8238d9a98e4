//! Domestic (keyword-required) bank account forms: FR/DE/IT/ES/UK BBANs,
//! US/CA account numbers, ABA routing numbers and SWIFT/BIC codes.

use super::super::gen::*;
use super::ibans::{bban, ccc_digit, cin, rib_key};

const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";

fn groups4(s: &str) -> String {
    s.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}

/// ABA routing number: valid Federal Reserve prefix and the 3-7-1 checksum.
pub fn aba(r: &mut Rng) -> String {
    let p = *r.pick(&[
        1u64, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32,
        61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71, 72,
    ]);
    loop {
        let body = format!("{p:02}{}", r.digits(6));
        let d: Vec<u32> = body.bytes().map(|b| (b - b'0') as u32).collect();
        let s = 3 * (d[0] + d[3] + d[6]) + 7 * (d[1] + d[4] + d[7]) + d[2] + d[5];
        let n = format!("{body}{}", (10 - s % 10) % 10);
        if !n.bytes().all(|b| b == n.as_bytes()[0]) {
            return n;
        }
    }
}

/// A US/CA bank account number (9-17 digits, no run of one digit).
fn us_account(r: &mut Rng) -> String {
    loop {
        let n = 9 + r.below(9) as usize;
        let a = format!("{}{}", 1 + r.below(9), r.digits(n - 1));
        let b = a.as_bytes();
        if !b.windows(5).any(|w| w.iter().all(|&c| c == w[0])) {
            return a;
        }
    }
}

/// SWIFT/BIC: institution, ISO country, location, optional branch.
fn bic(r: &mut Rng) -> String {
    let bank = loop {
        let b = r.alnum(4, UPPER);
        if !b.bytes().all(|c| c == b.as_bytes()[0]) {
            break b;
        }
    };
    let cc = *r.pick(&[
        "DE", "FR", "GB", "IT", "ES", "NL", "BE", "CH", "AT", "US", "CA", "JP", "SG", "HK", "AU",
        "PL", "SE", "IE", "PT", "BR", "MX", "IN", "AE",
    ]);
    let loc = format!(
        "{}{}",
        r.alnum(1, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ23456789") as String,
        r.alnum(1, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ123456789")
    );
    let branch = match r.below(3) {
        0 => String::new(),
        1 => "XXX".into(),
        _ => format!(
            "{}{}",
            r.alnum(1, b"ABCDEFGHIJKLMNOPQRSTUVW0123456789"),
            r.digits(2)
        ),
    };
    format!("{bank}{cc}{loc}{branch}")
}

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    // France: RIB (bank, branch, account, key).
    let b = bban(r, "FR", "5n5n11c2n");
    let (text, val) = match r.below(3) {
        0 => {
            let s = format!("{} {} {} {}", &b[..5], &b[5..10], &b[10..21], &b[21..]);
            (format!("Relevé d'identité bancaire (RIB) : {s}"), s)
        }
        1 => (format!("RIB {b}"), b.clone()),
        _ => {
            let s = groups4(&b);
            (format!("Numéro de compte : {s}"), s)
        }
    };
    v.push(plant(text, val, &["FRANCE_BANK_ACCOUNT_NUMBER"]));
    // Germany: Bankleitzahl + Kontonummer.
    let b = bban(r, "DE", "8n10n");
    let (text, val) = match r.below(3) {
        0 => {
            let s = format!("{} {}", &b[..8], &b[8..]);
            (format!("Bankverbindung: {s} (Sparkasse)"), s)
        }
        1 => (format!("Kontonummer (BBAN): {b}"), b.clone()),
        _ => {
            let s = groups4(&b);
            (format!("kontonr. {s}"), s)
        }
    };
    v.push(plant(text, val, &["GERMANY_BANK_ACCOUNT_NUMBER"]));
    // Italy: CIN + ABI + CAB + conto.
    let b = bban(r, "IT", "1a5n5n12c");
    let (text, val) = match r.below(3) {
        0 => {
            let s = format!("{} {} {} {}", &b[..1], &b[1..6], &b[6..11], &b[11..]);
            (format!("Coordinate bancarie: {s}"), s)
        }
        1 => (format!("numero di conto {b}"), b.clone()),
        _ => {
            let s = groups4(&b);
            (format!("Conto corrente: {s}"), s)
        }
    };
    v.push(plant(text, val, &["ITALY_BANK_ACCOUNT_NUMBER"]));
    // Spain: CCC (entidad, oficina, DC, cuenta).
    let b = bban(r, "ES", "4n4n1n1n10n");
    let (text, val) = match r.below(3) {
        0 => {
            let s = format!("{} {} {} {}", &b[..4], &b[4..8], &b[8..10], &b[10..]);
            (format!("Número de cuenta: {s}"), s)
        }
        1 => (format!("CCC {b}"), b.clone()),
        _ => {
            let s = groups4(&b);
            (format!("cuenta corriente {s}"), s)
        }
    };
    v.push(plant(text, val, &["SPAIN_BANK_ACCOUNT_NUMBER"]));
    // UK: bank code + sort code + account, or sort code + account.
    let b = bban(r, "GB", "4a6n8n");
    let (text, val) = match r.below(3) {
        0 => {
            let s = format!("{} {} {}", &b[..4], &b[4..10], &b[10..]);
            (format!("Account number: {s}"), s)
        }
        1 => {
            let s = format!("{}-{}-{} {}", &b[4..6], &b[6..8], &b[8..10], &b[10..]);
            (format!("Sort code / account: {s}"), s)
        }
        _ => (format!("BBAN {b}"), b.clone()),
    };
    v.push(plant(text, val, &["UK_BANK_ACCOUNT_NUMBER"]));
    // US/CA bank account numbers.
    let acct = us_account(r);
    let text = match r.below(5) {
        0 => format!("Checking account: {acct}"),
        1 => format!("Savings acct # {acct}"),
        2 => format!("{{\"deposit_account\": \"{acct}\", \"type\": \"ACH\"}}"),
        3 => format!("Direct deposit to chequing account {acct} starts next pay period."),
        _ => format!("Wire the refund to bank account {acct} (First National)."),
    };
    v.push(plant(text, acct, &["BANK_ACCOUNT_NUMBER"]));
    // ABA routing numbers.
    let rtn = aba(r);
    let text = match r.below(5) {
        0 => format!("Routing number: {rtn}"),
        1 => format!("ABA {rtn}"),
        2 => format!("ach_routing,amount\n{rtn},{}.00", 10 + r.below(900)),
        3 => format!("RTN: {rtn}"),
        _ => format!("{{\"routing_number\": \"{rtn}\"}}"),
    };
    v.push(plant(text, rtn, &["US_BANK_ROUTING_NUMBER"]));
    // SWIFT/BIC.
    let code = bic(r);
    let text = match r.below(5) {
        0 => format!("SWIFT: {code}"),
        1 => format!("BIC {code}"),
        2 => format!("{{\"swift_bic\": \"{code}\"}}"),
        3 => format!("Bank identifier code (BIC): {code}"),
        _ => format!("Please include the SWIFT code {code} with the wire."),
    };
    v.push(plant(text, code, &["SWIFT_BIC_CODE"]));
    v
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    // Domestic BBANs with a wrong national check, next to the keyword.
    let b = bban(r, "FR", "5n5n11c2n");
    let k = rib_key(&b[..5], &b[5..10], &b[10..21]);
    v.push(format!(
        "RIB : {} {} {} {:02}",
        &b[..5],
        &b[5..10],
        &b[10..21],
        (k + 1 + r.below(90) as u32) % 97
    ));
    let b = bban(r, "ES", "4n4n1n1n10n");
    let d = ccc_digit(&b[10..]);
    v.push(format!(
        "Número de cuenta: {} {} {}{} {}",
        &b[..4],
        &b[4..8],
        &b[8..9],
        (d + 1 + r.below(8) as u32) % 10,
        &b[10..]
    ));
    let b = bban(r, "IT", "1a5n5n12c");
    let c = cin(&b[1..]);
    v.push(format!(
        "Coordinate bancarie: {} {} {} {}",
        (b'A' + (c as u8 - b'A' + 1 + r.below(24) as u8) % 26) as char,
        &b[1..6],
        &b[6..11],
        &b[11..]
    ));
    // German BBAN with a Bankleitzahl starting 0 or 9.
    v.push(format!(
        "Kontonummer: {}{}",
        r.pick(&["0", "9"]),
        r.digits(17)
    ));
    // BBAN-shaped numbers without a bank keyword.
    // (failing Luhn: an 18-digit number passing it is a plausible card number)
    let order = loop {
        let o = format!("{}{}", 1 + r.below(8), r.digits(17));
        if luhn_check_digit(&o[..17]) != o.as_bytes()[17] {
            break o;
        }
    };
    v.push(format!("Auftragsnummer {order}"));
    v.push(format!("Expediente {}", r.digits(20)));
    v.push(format!(
        "Dossier {} {} {} {}",
        r.digits(5),
        r.digits(5),
        r.digits(11),
        r.digits(2)
    ));
    v.push(format!(
        "Ticket {}-{}-{} {}",
        r.digits(2),
        r.digits(2),
        r.digits(2),
        r.digits(8)
    ));
    // US bank accounts: placeholders, too short, no keyword, amounts.
    v.push(format!(
        "Checking account: {}",
        r.pick(&["111111111", "123456789", "000000000000"])
    ));
    v.push(format!("Bank account: {}", r.digits(8)));
    v.push(format!("Account {}{}", 1 + r.below(9), r.digits(9)));
    v.push(format!(
        "Savings account balance {}{}.{:02}",
        1 + r.below(9),
        r.digits(9),
        r.below(100)
    ));
    // Routing numbers: wrong checksum, bad prefix, no keyword.
    let good = aba(r);
    let last = (good.as_bytes()[8] - b'0' + 1 + r.below(9) as u8) % 10;
    v.push(format!("Routing number: {}{last}", &good[..8]));
    v.push(format!("ABA: {}{}", 13 + r.below(8), r.digits(7)));
    v.push(format!("Invoice {} paid", aba(r)));
    // BIC look-alikes: bad country, test BIC, lower case, words, no keyword.
    v.push(format!(
        "SWIFT: {}ZZ{}",
        r.alnum(4, UPPER),
        r.alnum(2, UPPER)
    ));
    v.push(format!(
        "BIC: {}DE{}0",
        r.alnum(4, UPPER),
        r.alnum(1, UPPER)
    ));
    v.push(format!("swift: {}", bic(r).to_lowercase()));
    v.push(
        r.pick(&[
            "SWIFT TRANSFER: BENEFICIARY BANK CODE REQUIRED",
            "Payment via SWIFT transfer, CUSTOMER REFERENCE ATTACHED",
            "BIC/SWIFT: PROVIDED ON REQUEST",
            "SWIFT MESSAGES DELIVERY CONFIRMED",
        ])
        .to_string(),
    );
    v.push(format!("Product code {} in stock", bic(r)));
    v
}
