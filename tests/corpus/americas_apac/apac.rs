//! India (Aadhaar, PAN, driving licence, GSTIN) and Australia (TFN, driver's
//! licence, Medicare, ABN).

use super::*;

const VD: [[u8; 10]; 10] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
    [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
    [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
    [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
    [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
    [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
    [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
];
const VP: [[u8; 10]; 8] = [
    [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
    [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
    [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
    [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
    [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
    [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
    [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
];
const VINV: [u8; 10] = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9];

/// Verhoeff check digit for `body`.
fn verhoeff(body: &str) -> u8 {
    let mut c = 0u8;
    for (i, d) in body.bytes().rev().enumerate() {
        c = VD[c as usize][VP[(i + 1) % 8][(d - b'0') as usize] as usize];
    }
    VINV[c as usize]
}

fn aadhaar(r: &mut Rng) -> String {
    let body = format!("{}{}", 2 + r.below(8), r.digits(10));
    let x = format!("{body}{}", verhoeff(&body));
    match r.below(3) {
        0 => format!("{} {} {}", &x[0..4], &x[4..8], &x[8..]),
        1 => format!("{}-{}-{}", &x[0..4], &x[4..8], &x[8..]),
        _ => x,
    }
}

fn pan(r: &mut Rng) -> String {
    format!(
        "{}{}{}{:04}{}",
        r.alnum(3, AZ),
        letter(r, b"PPPPCHFATBLJG"),
        letter(r, AZ),
        1 + r.below(9999),
        letter(r, AZ)
    )
}

/// GSTIN check character: Luhn mod 36 over 0-9A-Z, factor 1,2,1,2... from
/// the left.
fn gstin(r: &mut Rng) -> String {
    let body = format!(
        "{:02}{}{}Z",
        1 + r.below(37),
        pan(r),
        letter(r, b"123456789ABC")
    );
    const CH: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let s: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, c)| {
            let v = CH.iter().position(|&d| d == c).unwrap() as u32 * (1 + (i as u32 % 2));
            v / 36 + v % 36
        })
        .sum();
    format!("{body}{}", CH[((36 - s % 36) % 36) as usize] as char)
}

fn tfn(r: &mut Rng) -> String {
    loop {
        let d = r.digits(8);
        let w = [1, 4, 3, 7, 5, 8, 6, 9];
        let s: u32 = dv(&d).iter().zip(w).map(|(a, b)| a * b).sum();
        // last weight 10 = -1 mod 11: the check digit is s mod 11.
        let c = s % 11;
        if c == 10 || d.starts_with("000") {
            continue;
        }
        let x = format!("{d}{c}");
        return match r.below(3) {
            0 => format!("{} {} {}", &x[0..3], &x[3..6], &x[6..]),
            1 => format!("{}-{}-{}", &x[0..3], &x[3..6], &x[6..]),
            _ => x,
        };
    }
}

fn medicare(r: &mut Rng) -> String {
    let d = format!("{}{}", 2 + r.below(5), r.digits(7));
    let w = [1, 3, 7, 9, 1, 3, 7, 9];
    let s: u32 = dv(&d).iter().zip(w).map(|(a, b)| a * b).sum();
    let issue = 1 + r.below(9);
    let x = format!("{d}{}{issue}", s % 10);
    match r.below(3) {
        0 => format!("{} {} {}", &x[0..4], &x[4..9], &x[9..]),
        1 => format!("{} {} {} {}", &x[0..4], &x[4..9], &x[9..], 1 + r.below(5)),
        _ => x,
    }
}

fn abn(r: &mut Rng) -> String {
    let rest = r.digits(9);
    let w = [3, 5, 7, 9, 11, 13, 15, 17, 19];
    let s: u32 = dv(&rest).iter().zip(w).map(|(a, b)| a * b).sum();
    let x = (89 - s % 89) % 89;
    let d1 = x / 10 + 1;
    let d2 = x % 10;
    let n = format!("{d1}{d2}{rest}");
    if r.below(2) == 0 {
        format!("{} {} {} {}", &n[0..2], &n[2..5], &n[5..8], &n[8..])
    } else {
        n
    }
}

pub fn positives(r: &mut Rng, v: &mut Vec<Plant>) {
    let x = aadhaar(r);
    let t = ctx(
        r,
        &["Aadhaar", "Aadhaar No.", "aadhar number", "UIDAI Aadhaar"],
        "aadhaar_number",
        &x,
    );
    v.push(plant(t, x, &["INDIA_AADHAAR_NUMBER"]));
    let x = pan(r);
    let t = ctx(
        r,
        &[
            "PAN",
            "PAN card number",
            "Permanent Account Number",
            "PAN No",
        ],
        "pan",
        &x,
    );
    v.push(plant(t, x, &["INDIA_PERMANENT_ACCOUNT_NUMBER"]));
    let st = *r.pick(&["MH", "DL", "KA", "TN", "UP", "GJ", "RJ", "KL", "WB", "HR"]);
    let (rto, yr, serial) = (1 + r.below(50), 1995 + r.below(30), r.digits(7));
    let x = match r.below(3) {
        0 => format!("{st}{rto:02} {yr}{serial}"),
        1 => format!("{st}-{rto:02}{yr}{serial}"),
        _ => format!("{st}{rto:02}{yr}{serial}"),
    };
    let t = ctx(
        r,
        &[
            "Driving Licence No",
            "driving license",
            "DL No",
            "Driving Licence",
        ],
        "driving_licence_no",
        &x,
    );
    v.push(plant(t, x, &["INDIA_DRIVERS_LICENSE"]));
    let x = gstin(r);
    let t = ctx(
        r,
        &[
            "GSTIN",
            "GST No.",
            "Supplier GSTIN/UIN",
            "GST Registration Number",
        ],
        "gstin",
        &x,
    );
    v.push(plant(t, x, &["INDIA_GST_IDENTIFICATION_NUMBER"]));

    let x = tfn(r);
    let t = ctx(r, &["TFN", "Tax File Number", "tax file no"], "tfn", &x);
    v.push(plant(t, x, &["AUSTRALIA_TAX_FILE_NUMBER"]));
    // 8-9 digits are also US and Canadian (SK, AB) forms; 10 digits and a
    // letter + 5 digits also US forms (see `us::Labels`).
    const AU_US_CA: super::us::Labels = &[
        "AUSTRALIA_DRIVERS_LICENSE",
        "DRIVERS_LICENSE",
        "CANADA_DRIVERS_LICENSE",
    ];
    const AU_US: super::us::Labels = &["AUSTRALIA_DRIVERS_LICENSE", "DRIVERS_LICENSE"];
    let (x, st, labels) = match r.below(4) {
        0 => (nz_digits(r, 8), "NSW", AU_US_CA),
        1 => (nz_digits(r, 9), "QLD", AU_US_CA),
        2 => (format!("0{}", r.digits(9)), "VIC", AU_US),
        _ => (format!("S{}", r.digits(5)), "SA", AU_US),
    };
    let t = match r.below(3) {
        0 => format!("Driver licence number: {x} ({st})"),
        1 => format!("{st} driver's licence {x}"),
        _ => format!("{{\"state\": \"{st}\", \"driver_licence\": \"{x}\"}}"),
    };
    v.push(plant(t, x, labels));
    let x = medicare(r);
    let t = ctx(
        r,
        &[
            "Medicare card",
            "Medicare number",
            "medicare no",
            "Medicare card number",
        ],
        "medicare_no",
        &x,
    );
    v.push(plant(t, x, &["AUSTRALIA_MEDICARE_NUMBER"]));
    let x = abn(r);
    let t = ctx(
        r,
        &["ABN", "Australian Business Number", "Tax invoice - ABN"],
        "abn",
        &x,
    );
    v.push(plant(t, x, &["AUSTRALIA_BUSINESS_NUMBER"]));
}

pub fn decoys(r: &mut Rng, v: &mut Vec<String>) {
    let a = aadhaar(r).replace([' ', '-'], "");
    v.push(format!("Aadhaar: {}", bump_last(&a)));
    v.push(format!("Invoice {} {} {}", &a[0..4], &a[4..8], &a[8..]));
    v.push(format!("Aadhaar 1{}", r.digits(11)));
    let p = pan(r);
    v.push(format!("PAN: {}D{}", &p[..3], &p[4..]));
    v.push(format!("PAN: {}0000{}", &p[..5], &p[9..]));
    v.push(format!("Ref {p}"));
    v.push(format!(
        "Driving licence: ZZ{:02} 2011{}",
        1 + r.below(50),
        r.digits(7)
    ));
    v.push(format!(
        "Vehicle MH{:02} 2011{} registered",
        1 + r.below(50),
        r.digits(7)
    ));
    let g = gstin(r);
    let last = g.as_bytes()[14];
    let wrong = if last == b'A' { 'B' } else { 'A' };
    v.push(format!("GSTIN: {}{wrong}", &g[..14]));
    v.push(format!("Ref {g}"));
    let t = tfn(r).replace([' ', '-'], "");
    v.push(format!("TFN: {}", bump_last(&t)));
    v.push(format!("Invoice {} {} {}", &t[0..3], &t[3..6], &t[6..]));
    v.push("TFN: 123 456 782".into());
    v.push("Driver licence: 11111111".into());
    v.push(format!(
        "Driver's licence expiry 20{}0{}1{}",
        25 + r.below(9),
        1 + r.below(9),
        r.below(10)
    ));
    let m = medicare(r).replace(' ', "");
    let m9 = (m.as_bytes()[8] - b'0' + 1) % 10;
    v.push(format!("Medicare card: {}{m9}{}", &m[..8], &m[9..10]));
    v.push(format!("Medicare number 7{}", r.digits(9)));
    let a = abn(r).replace(' ', "");
    v.push(format!("ABN: {}", bump_last(&a)));
    v.push(format!(
        "Order {} {} {} {}",
        &a[0..2],
        &a[2..5],
        &a[5..8],
        &a[8..]
    ));
}
