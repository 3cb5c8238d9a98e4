//! Corpus part: Personal data and phone numbers (detectors/personal.toml, detectors/phone.toml).
//! Positives are generated afresh (valid check digits, realistic context);
//! decoys are look-alikes no detector may report.

#[allow(unused_imports)]
use super::gen::*;

mod extra;
mod names;
mod phones;

const HEX: &[u8] = b"0123456789abcdef";
const VIN_CHARS: &[u8] = b"ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// VIN check digit (ISO 3779 / 49 CFR 565): transliterate, weights
/// 8,7,6,5,4,3,2,10,0,9,8,7,6,5,4,3,2, sum mod 11, 10 written X.
fn vin_check(v: &[u8]) -> char {
    const W: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let val = |c: u8| -> u32 {
        match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'A'..=b'H' => (c - b'A') as u32 + 1,
            b'J'..=b'N' => (c - b'J') as u32 + 1,
            b'P' => 7,
            b'R' => 9,
            b'S'..=b'Z' => (c - b'S') as u32 + 2,
            _ => 0,
        }
    };
    let s: u32 = v.iter().zip(W).map(|(&c, w)| val(c) * w).sum();
    match s % 11 {
        10 => 'X',
        d => (b'0' + d as u8) as char,
    }
}

fn vin(r: &mut Rng) -> String {
    let wmi = *r.pick(&[
        "1HG", "1FT", "1G1", "2T1", "3VW", "5YJ", "JHM", "JTD", "WVW", "WBA", "KMH", "4T1", "1C4",
    ]);
    let vds = r.alnum(5, VIN_CHARS);
    let year = r.alnum(1, b"ABCDEFGHJKLMNPRSTVWXY123456789");
    let plant_c = r.alnum(1, VIN_CHARS);
    let serial = r.digits(6);
    let mut b = format!("{wmi}{vds}0{year}{plant_c}{serial}").into_bytes();
    b[8] = vin_check(&b) as u8;
    String::from_utf8(b).unwrap()
}

fn coord(r: &mut Rng, max: u64, dec: usize) -> String {
    let neg = if r.below(2) == 0 { "-" } else { "" };
    format!("{neg}{}.{}", r.below(max), r.digits(dec))
}

fn mac(r: &mut Rng) -> Vec<String> {
    // unicast, globally administered: first octet even
    let mut o: Vec<u8> = (0..6).map(|_| r.next() as u8).collect();
    o[0] &= 0xFC;
    if o[0] == 0 {
        o[0] = 0x3c;
    }
    o.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    // Dates of birth in the formats forms really use (core.rs plants ISO dates).
    let (y, m, d) = (1935 + r.below(70), 1 + r.below(12), 1 + r.below(28));
    let (text, val) = match r.below(6) {
        0 => {
            let s = format!("{m:02}/{d:02}/{y}");
            (format!("Patient DOB: {s}, MRN {}", r.digits(6)), s)
        }
        1 => {
            let s = format!("{d:02}.{m:02}.{y}");
            (format!("Geburtsdatum: {s}"), s)
        }
        2 => {
            let s = format!("{} {d}, {y}", MONTHS[m as usize - 1]);
            (format!("born on {s} in Ohio"), s)
        }
        3 => {
            let s = format!("{d} {} {y}", MONTHS[m as usize - 1]);
            (format!("Date of birth: {s}"), s)
        }
        4 => {
            let s = format!("{y}-{m:02}-{d:02}");
            (
                format!(
                    "{{\"name_hash\": \"{}\", \"date_of_birth\": \"{s}\"}}",
                    r.alnum(8, HEX)
                ),
                s,
            )
        }
        _ => {
            let s = format!("{d:02}/{m:02}/{y}");
            (format!("Fecha de nacimiento: {s}"), s)
        }
    };
    v.push(plant(text, val, &["DATE_OF_BIRTH"]));
    // GPS coordinates.
    let (la, lo) = (coord(r, 90, 6), coord(r, 180, 6));
    let (text, val) = match r.below(5) {
        0 => {
            let s = format!("{la},{lo}");
            (format!("Last known position: {s}"), s)
        }
        1 => {
            let s = format!("{la}, {lo}");
            (format!("GPS coordinates {s} (pickup point)"), s)
        }
        2 => {
            let s = format!("\"lat\": {la}, \"lng\": {lo}");
            (format!("{{\"location\": {{{s}}}}}"), s)
        }
        3 => {
            let s = format!(
                "{} N, {} W",
                la.trim_start_matches('-'),
                lo.trim_start_matches('-')
            );
            (format!("coordinates: {s}"), s)
        }
        _ => {
            let s = format!("{la} {lo}");
            (format!("geo,{s}"), s)
        }
    };
    v.push(plant(text, val, &["LATITUDE_LONGITUDE"]));
    // Vehicle identification numbers.
    let vn = vin(r);
    let text = match r.below(5) {
        0 => format!("VIN: {vn}"),
        1 => format!("vehicle identification number {vn}, colour silver"),
        2 => format!("{{\"vin\": \"{vn}\", \"make\": \"Tesla\"}}"),
        3 => format!("Fahrgestellnummer: {vn}"),
        _ => format!("stock_no,vin\nS-{},{vn}", r.digits(4)),
    };
    v.push(plant(text, vn, &["VEHICLE_IDENTIFICATION_NUMBER"]));
    // Email addresses in headers, CSV, JSON and HTML.
    let user = format!(
        "{}{}{}",
        r.pick(&["anna", "j", "m.rossi", "k_tanaka", "olivier", "s-novak"]),
        r.pick(&[".", "_", ""]),
        r.pick(&["schmidt", "lee", "garcia", "dupont", "2019", "x"])
    );
    let dom = *r.pick(&[
        "outlook.com",
        "web.de",
        "empresa.es",
        "mail.acme-corp.com",
        "uni-wien.ac.at",
    ]);
    let email = format!("{user}@{dom}");
    let text = match r.below(4) {
        0 => format!("From: \"Support\" <{email}>"),
        1 => format!("id,email\n{},{email}", r.digits(3)),
        2 => format!("<a href=\"mailto:{email}\">write to us</a>"),
        _ => format!("{{\"user\": {{\"email\": \"{email}\"}}}}"),
    };
    v.push(plant(text, email, &["EMAIL_ADDRESS"]));
    // IP addresses (v4 and v6).
    let ip4 = format!(
        "{}.{}.{}.{}",
        *r.pick(&[23u64, 31, 45, 62, 81, 91, 104, 141, 151, 185, 193, 203, 212]),
        r.below(256),
        r.below(256),
        1 + r.below(254)
    );
    let ip6 = format!(
        "2a0{}:{}:{}::{}",
        r.below(10),
        r.alnum(4, HEX),
        r.alnum(3, HEX),
        r.alnum(4, HEX)
    );
    let (text, val) = match r.below(5) {
        0 => (
            format!(
                "Accepted password for root from {ip4} port {} ssh2",
                1024 + r.below(60000)
            ),
            ip4,
        ),
        1 => (format!("client_ip={ip4} method=POST"), ip4),
        2 => (
            format!("{{\"src\": \"{ip4}\", \"bytes\": {}}}", r.below(99999)),
            ip4,
        ),
        3 => (format!("Listening on [{ip6}]:443"), ip6),
        _ => (
            format!("{ip4} - - [17/May/2024:09:12:44 +0000] \"GET / HTTP/1.1\" 200"),
            ip4,
        ),
    };
    v.push(plant(text, val, &["IP_ADDRESS"]));
    // MAC addresses.
    let o = mac(r);
    let (text, val) = match r.below(4) {
        0 => {
            let s = o.join(":");
            (format!("eth0: flags=4163 ether {s} txqueuelen 1000"), s)
        }
        1 => {
            let s = o.join("-").to_uppercase();
            (format!("Physical Address. . . . . . . . . : {s}"), s)
        }
        2 => {
            let s = format!("{}{}.{}{}.{}{}", o[0], o[1], o[2], o[3], o[4], o[5]);
            (format!("{{\"mac\": \"{s}\"}}"), s)
        }
        _ => {
            let s = o.join(":").to_uppercase();
            (format!("HWaddr {s}"), s)
        }
    };
    v.push(plant(text, val, &["MAC_ADDRESS"]));
    v.extend(names::positives(r));
    v.extend(extra::positives(r));
    v.extend(phones::positives(r));
    v
}

pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    // Dates: impossible, future, no keyword.
    v.push(format!(
        "DOB: 02/{}/19{}",
        30 + r.below(2),
        50 + r.below(49)
    ));
    v.push(format!("Date of birth: 20{}-04-12", 60 + r.below(39)));
    v.push(format!(
        "Appointment date {:02}/{:02}/20{}",
        1 + r.below(12),
        1 + r.below(28),
        20 + r.below(9)
    ));
    v.push(format!("date of birth: 13/13/19{}", 50 + r.below(49)));
    // Coordinates: out of range, too few decimals, no keyword.
    v.push(format!(
        "Last known position: 9{}.{},-87.{}",
        1 + r.below(8),
        r.digits(6),
        r.digits(6)
    ));
    v.push(format!(
        "coordinates: 41.{}, -87.{}",
        r.below(10),
        r.below(10)
    ));
    v.push(format!(
        "Price moved {}.{},-{}.{} today",
        r.below(90),
        r.digits(6),
        r.below(90),
        r.digits(6)
    ));
    v.push("position 0.125000, 0.500000 of the slider".to_string());
    // VINs: wrong check digit, no keyword, placeholder.
    // (North American WMI: only there is the check digit mandatory)
    let good = loop {
        let g = vin(r);
        if (b'1'..=b'5').contains(&g.as_bytes()[0]) {
            break g;
        }
    };
    let mut b = good.clone().into_bytes();
    b[8] = if b[8] == b'X' {
        b'3'
    } else {
        b'0' + (b[8] - b'0' + 1 + r.below(9) as u8) % 10
    };
    v.push(format!("VIN: {}", String::from_utf8(b).unwrap()));
    v.push(format!("Serial {} shipped", vin(r)));
    v.push("VIN: 11111111111111111".to_string());
    v.push(format!("vin: {}", r.alnum(17, b"ABCDEFGHJKLMNPRSTUVWXYZ")));
    // Not email addresses.
    v.push(
        r.pick(&[
            "<img src=\"logo@2x.png\">",
            "git clone git@github.com:org/repo.git",
            "npm install lodash@4.17.21",
            "ssh admin@localhost",
            "@media screen and (max-width: 600px)",
        ])
        .to_string(),
    );
    // Not IP addresses: versions, OIDs, netmasks, out of range.
    v.push(format!(
        "Running version 1.{}.{}.{} of the agent",
        r.below(10),
        r.below(20),
        r.below(20)
    ));
    v.push(format!(
        "OID 1.3.6.1.4.1.{}.{}",
        r.below(50000),
        r.below(30)
    ));
    v.push("netmask 255.255.255.0".to_string());
    v.push(format!("value 10.0.0.{} out of range", 256 + r.below(700)));
    v.push(format!(
        "See section {}.{}.{}.{} of the spec",
        1 + r.below(9),
        r.below(9),
        r.below(9),
        r.below(20)
    ));
    v.push(format!(
        "started at {:02}:{:02}:{:02} on host-1",
        r.below(24),
        r.below(60),
        r.below(60)
    ));
    // Not MAC addresses.
    v.push("mac: 00:00:00:00:00:00".to_string());
    v.push(format!("Device {} joined", mac(r).join(":")));
    v.push(format!("mac address {}", mac(r)[..5].join(":")));
    v.push(format!("build {} deployed", r.alnum(12, HEX)));
    v.extend(names::decoys(r));
    v.extend(extra::decoys(r));
    v.extend(phones::decoys(r));
    v
}
