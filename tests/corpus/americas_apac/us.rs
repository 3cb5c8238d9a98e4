//! US: ITIN, EIN, passport, state driver's licences.

use super::*;

fn itin(r: &mut Rng) -> String {
    // IRS: 9XX-GG-SSSS, group 50-65, 70-88, 90-92, 94-99.
    let groups: Vec<u64> = (50..=65)
        .chain(70..=88)
        .chain(90..=92)
        .chain(94..=99)
        .collect();
    let g = *r.pick(&groups);
    let s = 1 + r.below(9999);
    let a = r.digits(2);
    match r.below(3) {
        0 => format!("9{a}{g:02}{s:04}"),
        1 => format!("9{a} {g:02} {s:04}"),
        _ => format!("9{a}-{g:02}-{s:04}"),
    }
}

/// EIN prefixes the IRS assigns (campus and internet prefixes).
const EIN_PREFIXES: &[u32] = &[
    1, 2, 3, 4, 5, 6, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23, 24, 25, 26, 27, 30, 31, 32, 33,
    34, 35, 36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47, 48, 50, 51, 52, 53, 54, 55, 56, 57, 58,
    59, 60, 61, 62, 63, 64, 65, 66, 67, 68, 71, 72, 73, 74, 75, 76, 77, 80, 81, 82, 83, 84, 85, 86,
    87, 88, 90, 91, 92, 93, 94, 95, 98, 99,
];

/// Labels of a driver's licence value: the detector that must find it, then
/// the other jurisdictions whose published formats the same value also fits
/// (the English keywords are shared, so those may report it too).
pub type Labels = &'static [&'static str];

/// A US driver's licence of one of several states, as printed.
fn us_dl(r: &mut Rng) -> (String, &'static str, Labels) {
    const US: Labels = &["DRIVERS_LICENSE"];
    // 8-9 digits: also Saskatchewan / Alberta (CA) and NSW / QLD (AU) forms.
    const US_CA_AU: Labels = &[
        "DRIVERS_LICENSE",
        "CANADA_DRIVERS_LICENSE",
        "AUSTRALIA_DRIVERS_LICENSE",
    ];
    // letter + 7 digits: also fits the AU letter forms (1-2 letters + 4-8).
    const US_AU: Labels = &["DRIVERS_LICENSE", "AUSTRALIA_DRIVERS_LICENSE"];
    let l = letter(r, AZ);
    match r.below(9) {
        // California: letter + 7 digits.
        0 => (format!("{l}{}", r.digits(7)), "CA", US_AU),
        // Florida: letter + 12 digits, grouped L123-456-78-901-2.
        1 => {
            let d = r.digits(12);
            (
                format!(
                    "{l}{}-{}-{}-{}-{}",
                    &d[0..3],
                    &d[3..6],
                    &d[6..8],
                    &d[8..11],
                    &d[11..]
                ),
                "FL",
                US,
            )
        }
        // Illinois: letter + 11 digits, L123-4567-8901.
        2 => {
            let d = r.digits(11);
            (
                format!("{l}{}-{}-{}", &d[0..3], &d[3..7], &d[7..]),
                "IL",
                US,
            )
        }
        // New York: 9 digits, often 3-3-3.
        3 => {
            let d = nz_digits(r, 9);
            if r.below(2) == 0 {
                (format!("{} {} {}", &d[0..3], &d[3..6], &d[6..]), "NY", US)
            } else {
                (d, "NY", US_CA_AU)
            }
        }
        // Texas: 8 digits.
        4 => (format!("{}{}", 1 + r.below(4), r.digits(7)), "TX", US_CA_AU),
        // Washington (since 2018): WDL + 9 alphanumerics.
        5 => (
            format!("WDL{}", r.alnum(9, b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789")),
            "WA",
            US,
        ),
        // Michigan: letter + 12 digits, L 123 456 789 012.
        6 => {
            let d = r.digits(12);
            (
                format!("{l} {} {} {} {}", &d[0..3], &d[3..6], &d[6..9], &d[9..]),
                "MI",
                US,
            )
        }
        // New Jersey: letter + 14 digits, L1234 56789 01234.
        7 => {
            let d = r.digits(14);
            (
                format!("{l}{} {} {}", &d[0..4], &d[4..9], &d[9..]),
                "NJ",
                US,
            )
        }
        // Pennsylvania: 8 digits, 12 345 678.
        _ => {
            let d = nz_digits(r, 8);
            (format!("{} {} {}", &d[0..2], &d[2..5], &d[5..]), "PA", US)
        }
    }
}

pub fn positives(r: &mut Rng, v: &mut Vec<Plant>) {
    let x = itin(r);
    let t = ctx(
        r,
        &[
            "ITIN",
            "itin",
            "ITIN#",
            "Individual Taxpayer Identification Number",
        ],
        "itin",
        &x,
    );
    v.push(plant(t, x, &["USA_INDIVIDUAL_TAX_IDENTIFICATION_NUMBER"]));

    let p = *r.pick(EIN_PREFIXES);
    let x = if r.below(4) == 0 {
        format!("{p:02}{}", r.digits(7))
    } else {
        format!("{p:02}-{}", r.digits(7))
    };
    let t = ctx(
        r,
        &[
            "EIN",
            "FEIN",
            "Employer Identification Number",
            "Federal Tax ID",
            "EIN#",
        ],
        "tax_id",
        &x,
    );
    v.push(plant(t, x, &["US_EMPLOYER_IDENTIFICATION_NUMBER"]));

    // Passport book (9 digits) or Next Generation passport (letter + 8).
    let x = if r.below(2) == 0 {
        nz_digits(r, 9)
    } else {
        format!("{}{}", letter(r, b"ACEFGHJKLMNPRSTUVWXYZ"), r.digits(8))
    };
    let t = ctx(
        r,
        &[
            "US Passport No",
            "Passport Number",
            "passport",
            "U.S. passport #",
        ],
        "passport_no",
        &x,
    );
    // Nine digits with no country named is also the UK passport format.
    let labels: Labels = if x.len() == 9
        && x.as_bytes()[0].is_ascii_digit()
        && !t.contains("US ")
        && !t.contains("U.S.")
    {
        &["USA_PASSPORT_NUMBER", "UK_PASSPORT_NUMBER"]
    } else {
        &["USA_PASSPORT_NUMBER"]
    };
    v.push(plant(t, x, labels));

    let (x, st, labels) = us_dl(r);
    let kw = *r.pick(&[
        "Driver's License",
        "driver license",
        "DL#",
        "Drivers Lic.",
        "driver's license number",
    ]);
    let t = match r.below(4) {
        0 => format!("{st} {kw}: {x}"),
        1 => format!("{{\"state\": \"{st}\", \"driversLicense\": \"{x}\"}}"),
        2 => format!("state,drivers_license\n{st},{x}"),
        _ => format!("Applicant presented a {st} {kw} {x} at the counter."),
    };
    v.push(plant(t, x, labels));
}

pub fn decoys(r: &mut Rng, v: &mut Vec<String>) {
    // ITIN with a group the IRS does not issue, and an SSN-range number.
    let g = *r.pick(&[10u64, 45, 66, 69, 89, 93]);
    v.push(format!(
        "ITIN: 9{}-{g:02}-{:04}",
        r.digits(2),
        1 + r.below(9999)
    ));
    v.push(format!(
        "ITIN {:03}-7{}-{}",
        100 + r.below(600),
        r.digit() as char,
        r.digits(4)
    ));
    // EIN with prefixes never assigned; an EIN-shaped invoice number.
    let p = *r.pick(&[
        0u32, 7, 8, 9, 17, 18, 19, 28, 29, 49, 69, 70, 78, 79, 89, 96, 97,
    ]);
    v.push(format!("EIN: {p:02}-{}", r.digits(7)));
    v.push(format!(
        "Invoice {:02}-{} due",
        10 + r.below(80),
        r.digits(7)
    ));
    // Passport placeholders and no-keyword look-alikes.
    v.push(
        r.pick(&[
            "Passport: 000000000",
            "Passport No: 123456789",
            "passport number A00000000",
        ])
        .to_string(),
    );
    v.push(format!(
        "Tracking {}{} delivered",
        letter(r, AZ),
        r.digits(8)
    ));
    // Driver's licence keyword with a date, a phone number, a status word.
    v.push(format!(
        "Driver's license expires 20{}-0{}-1{}",
        25 + r.below(9),
        1 + r.below(9),
        r.below(10)
    ));
    v.push(format!(
        "DL: {}-{}-{} (call back)",
        200 + r.below(700),
        200 + r.below(700),
        r.digits(4)
    ));
    v.push("driver's license status: VALID".into());
    v.push(format!(
        "License plate {}{}{} registered",
        1 + r.below(9),
        r.alnum(3, AZ),
        r.digits(3)
    ));
}
