//! Card data beyond the number: expiry dates, security codes, magnetic
//! stripe tracks (ISO/IEC 7813), and the Argentine SUBE transit card.

use super::super::gen::*;

const MONTHS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

fn pan(r: &mut Rng) -> String {
    let (p, l) = *r.pick(&[
        ("4", 16),
        ("51", 16),
        ("53", 16),
        ("2223", 16),
        ("37", 15),
        ("6011", 16),
    ]);
    luhn_number(r, p, l)
}

fn cvv(r: &mut Rng, n: usize) -> String {
    loop {
        let c = r.digits(n);
        if c.bytes().any(|b| b != b'0') {
            return c;
        }
    }
}

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    // Expiry dates.
    let m = 1 + r.below(12);
    let y = 25 + r.below(10);
    let (text, val) = match r.below(8) {
        0 => {
            let s = format!("{m:02}/{y}");
            (format!("Expiry: {s}"), s)
        }
        1 => {
            let s = format!("{m:02}/20{y}");
            (format!("exp date {s}"), s)
        }
        2 => {
            let s = format!("{m:02}/{y}");
            (format!("Valid thru {s}"), s)
        }
        3 => {
            let s = format!("{} 20{y}", MONTHS[m as usize - 1]);
            (format!("Card expiration: {s}"), s)
        }
        4 => {
            let s = format!("20{y}-{m:02}");
            (format!("expiration date 20{y}-{m:02}"), s)
        }
        5 => {
            let s = format!("{m:02}{y}");
            (format!("cardholder_ref,expiry\nC-{},{s}", r.digits(5)), s)
        }
        6 => {
            let s = format!("{m}, \"exp_year\": 20{y}");
            (format!("{{\"exp_month\": {s}}}"), s)
        }
        _ => {
            let s = format!("{m:02}-{y}");
            (format!("Expires {s}"), s)
        }
    };
    v.push(plant(text, val, &["CREDIT_CARD_EXPIRATION"]));
    // Security codes.
    let (text, val) = match r.below(5) {
        0 => {
            let c = cvv(r, 3);
            (format!("CVV: {c}"), c)
        }
        1 => {
            let c = cvv(r, 3);
            (format!("cvv2={c}"), c)
        }
        2 => {
            let c = cvv(r, 3);
            (format!("{{\"cvc\": \"{c}\", \"save_card\": false}}"), c)
        }
        3 => {
            let c = cvv(r, 4);
            (format!("Card security code {c} (Amex)"), c)
        }
        _ => {
            let c = cvv(r, 3);
            (format!("Card verification value (CVC) {c}"), c)
        }
    };
    v.push(plant(text, val, &["CREDIT_CARD_SECURITY_CODE"]));
    // Magnetic stripe: track 1 or track 2.
    let p = pan(r);
    let exp = format!("{}{:02}", 25 + r.below(10), 1 + r.below(12));
    let svc = *r.pick(&["101", "201", "121", "221", "501", "601", "701"]);
    let dl = 8 + r.below(12) as usize;
    let disc = r.digits(dl);
    let (sur, given) = *r.pick(&[
        ("ROE", "JANE"),
        ("SCHMIDT", "ANNA"),
        ("NGUYEN", "T"),
        ("GARCIA LOPEZ", "MARIA"),
        ("OBRIEN", "SEAN M"),
    ]);
    let (text, val) = match r.below(4) {
        0 => {
            let s = format!("%B{p}^{sur}/{given}^{exp}{svc}{disc}?");
            (s.clone(), s)
        }
        1 => {
            let s = format!(";{p}={exp}{svc}{disc}?");
            (format!("swipe={s}"), s)
        }
        2 => {
            let s = format!("{p}={exp}{svc}{disc}");
            (format!("Track 2 data: {s}"), s)
        }
        _ => {
            let s = format!("%B{p}^{sur}/{given}^{exp}{svc}{disc}?");
            (format!("pos.terminal raw_track1=\"{s}\""), s)
        }
    };
    v.push(plant(
        text,
        val,
        &[
            "CREDIT_CARD_MAGNETIC_STRIPE",
            "CREDIT_CARD_NUMBER",
            "CREDIT_CARD_NUMBER_(NO_KEYWORD)",
        ],
    ));
    // SUBE transit card.
    let n = luhn_number(r, "6061", 16);
    let val = match r.below(3) {
        0 => format!("{} {} {} {}", &n[..4], &n[4..8], &n[8..12], &n[12..]),
        1 => format!("{}-{}-{}-{}", &n[..4], &n[4..8], &n[8..12], &n[12..]),
        _ => n.clone(),
    };
    let text = match r.below(4) {
        0 => format!("Tarjeta SUBE: {val}"),
        1 => format!("SUBE {val}"),
        2 => format!("sube_card,saldo\n{val},{}", 100 + r.below(5000)),
        _ => format!("Número de tarjeta SUBE {val} registrada"),
    };
    v.push(plant(text, val, &["ARGENTINA_TARJETA_SUBE"]));
    v
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    // Expiry: impossible month, full dates, non-expiry dates, durations.
    v.push(format!("Expiry: {}/{}", 13 + r.below(87), 25 + r.below(10)));
    v.push(format!(
        "Expiration date: {:02}/{:02}/20{}",
        1 + r.below(12),
        1 + r.below(28),
        24 + r.below(6)
    ));
    v.push(format!(
        "Valid from {:02}/{}",
        1 + r.below(12),
        20 + r.below(5)
    ));
    v.push(format!("Shipment expiry in {} days", 1000 + r.below(8000)));
    v.push(format!(
        "expiry: {:02}/{}",
        1 + r.below(12),
        60 + r.below(39)
    ));
    // Security code: too short, too long, all zeros, no keyword.
    v.push(format!("CVV: {}", r.digits(2)));
    v.push("CVV: 000".to_string());
    v.push(format!("cvv {}{}", 1 + r.below(9), r.digits(4)));
    v.push(format!("Order {} shipped", 100 + r.below(900)));
    // Magnetic stripe: bad Luhn, bad month.
    let p = pan(r);
    let bad = format!(
        "{}{}",
        &p[..p.len() - 1],
        (p.as_bytes()[p.len() - 1] - b'0' + 1 + r.below(8) as u8) % 10
    );
    v.push(format!(";{bad}=2712101{}?", r.digits(12)));
    v.push(format!(
        "%B{p}^TEST/CARD^{}{}101{}?",
        25 + r.below(9),
        13 + r.below(80),
        r.digits(10)
    ));
    // SUBE: bad Luhn with keyword, other prefix, no keyword.
    let n = luhn_number(r, "6061", 16);
    let bad = format!(
        "{}{}",
        &n[..15],
        (n.as_bytes()[15] - b'0' + 1 + r.below(8) as u8) % 10
    );
    v.push(format!("SUBE: {bad}"));
    v.push(format!("SUBE: {}", luhn_number(r, "6062", 16)));
    v.push(format!("Ref {} pending", luhn_number(r, "6061", 16)));
    v
}
