//! Canada: passport, permanent resident card / UCI, provincial driver's
//! licences.

use super::*;

/// A provincial licence and its labels (see `us::Labels`).
fn ca_dl(r: &mut Rng) -> (String, super::us::Labels) {
    const CA: super::us::Labels = &["CANADA_DRIVERS_LICENSE"];
    // letter + 12-14 digits is also a US form (letter + 4-14 digits).
    const CA_US: super::us::Labels = &["CANADA_DRIVERS_LICENSE", "DRIVERS_LICENSE"];
    // 7 digits: also a US (7-12 digits) and an AU (6-10 digits) form.
    const CA_US_AU: super::us::Labels = &[
        "CANADA_DRIVERS_LICENSE",
        "DRIVERS_LICENSE",
        "AUSTRALIA_DRIVERS_LICENSE",
    ];
    let l = letter(r, AZ);
    let yy = 50 + r.below(50);
    let mm = 1 + r.below(12);
    let dd = 1 + r.below(28);
    match r.below(5) {
        // Ontario: surname letter, 4 + 5 digits, then YYMDD-ish birth date
        // block: A1234-56789-YYMDD (15 characters).
        0 => {
            let body = format!("{}{}{yy:02}{mm:01}{dd:02}", r.digits(4), r.digits(5));
            let body = &body[..14];
            if r.below(2) == 0 {
                (
                    format!("{l}{}-{}-{}", &body[0..4], &body[4..9], &body[9..]),
                    CA_US,
                )
            } else {
                (format!("{l}{body}"), CA_US)
            }
        }
        // Quebec: letter + 12 digits (L1234-567890-12 or plain).
        1 => {
            let d = format!("{}{dd:02}{mm:02}{yy:02}{}", r.digits(4), r.digits(2));
            if r.below(2) == 0 {
                (format!("{l}{}-{}-{}", &d[0..4], &d[4..10], &d[10..]), CA)
            } else {
                (format!("{l}{d}"), CA_US)
            }
        }
        // British Columbia: 7 digits.
        2 => (nz_digits(r, 7), CA_US_AU),
        // Alberta: 123456-789.
        3 => (format!("{}-{}", nz_digits(r, 6), r.digits(3)), CA),
        // Nova Scotia: 5 surname letters + 9 digits.
        _ => (
            format!(
                "{}{dd:02}{mm:02}{yy:02}{}",
                r.pick(&["SMITH", "MACDO", "TREMB", "GAGNO", "LEBLA", "ROYJE"]),
                r.digits(3)
            ),
            CA,
        ),
    }
}

pub fn positives(r: &mut Rng, v: &mut Vec<Plant>) {
    // Passport: two letters + six digits.
    let x = format!("{}{}", r.alnum(2, AZ), r.digits(6));
    let t = ctx(
        r,
        &[
            "Canadian passport number",
            "Passport No",
            "Passeport",
            "numéro de passeport",
        ],
        "passport_number",
        &x,
    );
    v.push(plant(t, x, &["CANADA_PASSPORT_NUMBER"]));

    // Permanent resident card (2 letters + 7 digits) or UCI.
    let x = match r.below(3) {
        0 => format!("{}{}", r.pick(&["PA", "PE", "RA", "PR"]), r.digits(7)),
        1 => {
            let d = r.digits(8);
            format!("00-{}-{}", &d[0..4], &d[4..])
        }
        _ => {
            let d = nz_digits(r, 8);
            format!("{}-{}", &d[0..4], &d[4..])
        }
    };
    let t = ctx(
        r,
        &[
            "Permanent Resident Card No.",
            "UCI",
            "PR card",
            "Unique Client Identifier",
            "numéro résident permanent",
        ],
        "uci",
        &x,
    );
    v.push(plant(t, x, &["CANADA_NATIONAL_IDENTIFICATION_NUMBER"]));

    let (x, labels) = ca_dl(r);
    let kw = *r.pick(&[
        "Ontario driver's licence",
        "permis de conduire",
        "Driver's Licence No",
        "BC driver licence",
        "drivers licence",
    ]);
    let t = match r.below(3) {
        0 => format!("{kw}: {x}"),
        1 => format!("{{\"province\": \"ON\", \"driver_licence\": \"{x}\"}}"),
        _ => format!("Numéro de permis de conduire {x} (Québec)"),
    };
    v.push(plant(t, x, labels));
}

pub fn decoys(r: &mut Rng, v: &mut Vec<String>) {
    v.push(format!("Passport: {}000000", r.alnum(2, AZ)));
    v.push(format!(
        "Flight AC{} departs at 10:{}",
        r.digits(6),
        r.below(50) + 10
    ));
    v.push(format!(
        "Permanent resident card number: {}0000000",
        r.pick(&["PA", "RA"])
    ));
    v.push("PR no: 12345678".into());
    v.push(format!("Ticket PA{} opened", r.digits(7)));
    v.push(format!(
        "Driver's licence issued 19{}0{}1{}",
        50 + r.below(50),
        1 + r.below(9),
        r.below(10)
    ));
    v.push(format!(
        "Order {}{}-{}-{} shipped",
        letter(r, AZ),
        r.digits(4),
        r.digits(5),
        r.digits(5)
    ));
}
