//! IBAN generation for every country of detectors/iban.toml: the ISO 13616
//! registry BBAN structure and the published national check digits,
//! implemented here from the public specifications (not from `src/`).

use super::super::gen::*;

const UPPER: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS: &[u8] = b"0123456789";

/// (country code, detector id, BBAN structure in registry notation).
pub const COUNTRIES: &[(&str, &str, &str)] = &[
    ("AL", "ALBANIA_BANK_ACCOUNT_NUMBER", "8n16c"),
    ("AD", "ANDORRA_BANK_ACCOUNT_NUMBER", "4n4n12c"),
    (
        "BA",
        "BOSNIA_AND_HERZEGOVINA_BANK_ACCOUNT_NUMBER",
        "3n3n8n2n",
    ),
    ("BR", "BRAZIL_BANK_ACCOUNT_NUMBER", "8n5n10n1a1c"),
    ("BG", "BULGARIA_BANK_ACCOUNT_NUMBER", "4a4n2n8c"),
    ("CR", "COSTA_RICA_BANK_ACCOUNT_NUMBER", "4n14n"),
    ("HR", "CROATIA_BANK_ACCOUNT_NUMBER", "7n10n"),
    ("CY", "CYPRUS_BANK_ACCOUNT_NUMBER", "3n5n16c"),
    ("CZ", "CZECH_REPUBLIC_BANK_ACCOUNT_NUMBER", "4n6n10n"),
    ("DK", "DENMARK_BANK_ACCOUNT_NUMBER", "4n9n1n"),
    ("DO", "DOMINICAN_REPUBLIC_BANK_ACCOUNT_NUMBER", "4a20n"),
    ("EG", "EGYPT_BANK_ACCOUNT_NUMBER", "4n4n17n"),
    ("EE", "ESTONIA_BANK_ACCOUNT_NUMBER", "2n2n11n1n"),
    ("FO", "FAROE_ISLANDS_BANK_ACCOUNT_NUMBER", "4n9n1n"),
    ("FI", "FINLAND_BANK_ACCOUNT_NUMBER", "3n11n"),
    ("FR", "FRANCE_BANK_ACCOUNT_NUMBER", "5n5n11c2n"),
    ("GE", "GEORGIA_BANK_ACCOUNT_NUMBER", "2a16n"),
    ("DE", "GERMANY_BANK_ACCOUNT_NUMBER", "8n10n"),
    ("GR", "GREECE_BANK_ACCOUNT_NUMBER", "3n4n16c"),
    ("GL", "GREENLAND_BANK_ACCOUNT_NUMBER", "4n9n1n"),
    ("HU", "HUNGARY_BANK_ACCOUNT_NUMBER", "3n4n1n15n1n"),
    ("IS", "ICELAND_BANK_ACCOUNT_NUMBER", "4n2n6n10n"),
    ("IE", "IRELAND_BANK_ACCOUNT_NUMBER", "4a6n8n"),
    ("IT", "ITALY_BANK_ACCOUNT_NUMBER", "1a5n5n12c"),
    ("JO", "JORDAN_BANK_ACCOUNT_NUMBER", "4a4n18c"),
    ("XK", "KOSOVO_BANK_ACCOUNT_NUMBER", "4n10n2n"),
    ("LI", "LIECHTENSTEIN_BANK_ACCOUNT_NUMBER", "5n12c"),
    ("LT", "LITHUANIA_BANK_ACCOUNT_NUMBER", "5n11n"),
    ("MT", "MALTA_BANK_ACCOUNT_NUMBER", "4a5n18c"),
    ("MR", "MAURITANIA_BANK_ACCOUNT_NUMBER", "5n5n11n2n"),
    ("MU", "MAURITIUS_BANK_ACCOUNT_NUMBER", "4a2n2n12n3n3a"),
    ("MC", "MONACO_BANK_ACCOUNT_NUMBER", "5n5n11c2n"),
    ("ME", "MONTENEGRO_BANK_ACCOUNT_NUMBER", "3n13n2n"),
    ("NL", "NETHERLANDS_BANK_ACCOUNT_NUMBER", "4a10n"),
    ("MK", "NORTH_MACEDONIA_BANK_ACCOUNT_NUMBER", "3n10c2n"),
    ("PL", "POLAND_BANK_ACCOUNT_NUMBER", "8n16n"),
    ("PT", "PORTUGAL_BANK_ACCOUNT_NUMBER", "4n4n11n2n"),
    ("SM", "SAN_MARINO_BANK_ACCOUNT_NUMBER", "1a5n5n12c"),
    ("SN", "SENEGAL_BANK_ACCOUNT_NUMBER", "1a1c22n"),
    ("RS", "SERBIA_BANK_ACCOUNT_NUMBER", "3n13n2n"),
    ("SK", "SLOVAKIA_BANK_ACCOUNT_NUMBER", "4n6n10n"),
    ("SI", "SLOVENIA_BANK_ACCOUNT_NUMBER", "5n8n2n"),
    ("ES", "SPAIN_BANK_ACCOUNT_NUMBER", "4n4n1n1n10n"),
    ("SE", "SWEDEN_BANK_ACCOUNT_NUMBER", "3n16n1n"),
    ("CH", "SWITZERLAND_BANK_ACCOUNT_NUMBER", "5n12c"),
    ("TL", "TIMOR_LESTE_BANK_ACCOUNT_NUMBER", "3n14n2n"),
    ("TN", "TUNISIA_BANK_ACCOUNT_NUMBER", "2n3n13n2n"),
    ("TR", "TURKIYE_BANK_ACCOUNT_NUMBER", "5n1n16c"),
    ("GB", "UK_BANK_ACCOUNT_NUMBER", "4a6n8n"),
    ("UA", "UKRAINE_BANK_ACCOUNT_NUMBER", "6n19c"),
    ("AE", "UNITED_ARAB_EMIRATES_BANK_ACCOUNT_NUMBER", "3n16n"),
    ("VG", "VIRGIN_ISLANDS_BANK_ACCOUNT_NUMBER", "4a16n"),
];

/// A random string following a registry structure such as `4a6n8n`.
/// Alphanumeric (`c`) fields are mostly digits, as real accounts are.
fn fill(r: &mut Rng, spec: &str) -> String {
    let mut out = String::new();
    let mut n = 0usize;
    for ch in spec.chars() {
        if let Some(d) = ch.to_digit(10) {
            n = n * 10 + d as usize;
            continue;
        }
        for _ in 0..n {
            let set: &[u8] = match ch {
                'n' => DIGITS,
                'a' => UPPER,
                _ if r.below(6) == 0 => UPPER,
                _ => DIGITS,
            };
            out.push(set[r.below(set.len() as u64) as usize] as char);
        }
        n = 0;
    }
    out
}

fn dig(s: &str) -> Vec<u32> {
    s.bytes().map(|b| (b - b'0') as u32).collect()
}

fn weighted(s: &str, w: &[u32]) -> u32 {
    dig(s)
        .iter()
        .zip(w.iter().cycle())
        .map(|(a, b)| a * b)
        .sum()
}

/// ISO 7064 mod 97-10 national check digits appended to `body`.
fn mod97_10(body: &str) -> String {
    format!("{body}{:02}", 98 - mod97_str(&format!("{body}00")))
}

/// Mod 97 key so that the whole BBAN is divisible by 97 (key 01-97).
fn mod97_zero(body: &str) -> String {
    let k = 97 - mod97_str(&format!("{body}00"));
    format!("{body}{k:02}")
}

/// ISO 7064 MOD 11,10 check digit.
fn mod11_10(s: &str) -> u32 {
    let mut p = 10;
    for d in dig(s) {
        let mut t = (p + d) % 10;
        if t == 0 {
            t = 10;
        }
        p = (t * 2) % 11;
    }
    (11 - p) % 10
}

/// Weighted mod 11 where the last digit has weight 1 and the sum must be 0.
fn mod11_zero(r: &mut Rng, w: &[u32]) -> String {
    loop {
        let body = r.digits(w.len() - 1);
        let c = (11 - weighted(&body, w) % 11) % 11;
        if c < 10 && body.bytes().any(|b| b != b'0') {
            return format!("{body}{c}");
        }
    }
}

fn mod10_check(s: &str, w: &[u32]) -> u32 {
    (10 - weighted(s, w) % 10) % 10
}

/// French RIB key: 97 - (89*bank + 15*branch + 3*account) mod 97.
pub fn rib_key(bank: &str, branch: &str, account: &str) -> u32 {
    let acc: String = account
        .bytes()
        .map(|b| match b {
            b'0'..=b'9' => b as char,
            b'A'..=b'I' => (b'1' + (b - b'A')) as char,
            b'J'..=b'R' => (b'1' + (b - b'J')) as char,
            _ => (b'2' + (b - b'S')) as char,
        })
        .collect();
    let m = |s: &str| s.parse::<u64>().unwrap() % 97;
    let t = (89 * m(bank) + 15 * m(branch) + 3 * m(&acc)) % 97;
    97 - t as u32
}

/// Italian CIN check letter over ABI + CAB + account (22 characters).
pub fn cin(s: &str) -> char {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let mut sum = 0;
    for (i, b) in s.bytes().enumerate() {
        let v = if b.is_ascii_digit() {
            b - b'0'
        } else {
            b - b'A'
        } as usize;
        sum += if i % 2 == 0 { ODD[v] } else { v as u32 };
    }
    (b'A' + (sum % 26) as u8) as char
}

/// Spanish CCC control digit (weights 1,2,4,8,5,10,9,7,3,6 mod 11).
pub fn ccc_digit(s10: &str) -> u32 {
    let c = 11 - weighted(s10, &[1, 2, 4, 8, 5, 10, 9, 7, 3, 6]) % 11;
    match c {
        11 => 0,
        10 => 1,
        c => c,
    }
}

/// A valid BBAN for `cc` with its national check digits.
pub fn bban(r: &mut Rng, cc: &str, spec: &str) -> String {
    match cc {
        "BA" | "ME" | "RS" | "TL" | "SI" | "PT" => {
            let n = fill(r, spec).len();
            mod97_10(&r.digits(n - 2))
        }
        "MK" => mod97_10(&r.digits(13)),
        "MR" => mod97_zero(&r.digits(21)),
        "TN" => mod97_zero(&r.digits(18)),
        "HR" => {
            let b = r.digits(6);
            let a = r.digits(9);
            format!("{b}{}{a}{}", mod11_10(&b), mod11_10(&a))
        }
        "CZ" | "SK" => {
            let bank = *r.pick(&[
                "0100", "0300", "0800", "2010", "0600", "5500", "1100", "0900",
            ]);
            let prefix = if r.below(2) == 0 {
                "000000".to_string()
            } else {
                mod11_zero(r, &[10, 5, 8, 4, 2, 1])
            };
            format!(
                "{bank}{prefix}{}",
                mod11_zero(r, &[6, 3, 7, 9, 10, 5, 8, 4, 2, 1])
            )
        }
        "EE" => {
            let body = r.digits(13);
            // 7-3-1 weights from the right, over branch + account
            let s: u32 = dig(&body)
                .iter()
                .rev()
                .zip([7, 3, 1].iter().cycle())
                .map(|(a, b)| a * b)
                .sum();
            format!("{}{body}{}", r.digits(2), (10 - s % 10) % 10)
        }
        "FI" => {
            let lead = format!("{}", 1 + r.below(8));
            luhn_number(r, &lead, 14)
        }
        "FR" | "MC" => {
            let bank = format!("{}{}", 1 + r.below(9), r.digits(4));
            let branch = r.digits(5);
            let acc = fill(r, "11c");
            let k = rib_key(&bank, &branch, &acc);
            format!("{bank}{branch}{acc}{k:02}")
        }
        "DE" => format!("{}{}", 1 + r.below(8), r.digits(17)),
        "HU" => {
            let bb = r.digits(7);
            let tail = if r.below(2) == 0 {
                "00000000".to_string()
            } else {
                r.digits(8)
            };
            let acc = format!("{}{tail}", r.digits(7));
            format!(
                "{bb}{}{acc}{}",
                mod10_check(&bb, &[9, 7, 3, 1]),
                mod10_check(&acc, &[9, 7, 3, 1])
            )
        }
        "IS" => {
            let kt = loop {
                let body = format!(
                    "{:02}{:02}{:02}{}",
                    1 + r.below(28),
                    1 + r.below(12),
                    r.below(100),
                    r.digits(2)
                );
                let c = 11 - weighted(&body, &[3, 2, 7, 6, 5, 4, 3, 2]) % 11;
                if c == 10 {
                    continue;
                }
                break format!("{body}{}{}", c % 11, r.pick(&["9", "0"]));
            };
            format!(
                "{}{}{}{kt}",
                r.digits(4),
                *r.pick(&["26", "15", "05"]),
                r.digits(6)
            )
        }
        "IT" | "SM" => {
            let body = format!("{}{}", r.digits(10), fill(r, "12c"));
            format!("{}{body}", cin(&body))
        }
        "PL" => {
            let s = r.digits(7);
            format!("{s}{}{}", mod10_check(&s, &[3, 9, 7, 1]), r.digits(16))
        }
        "ES" => {
            let bb = r.digits(8);
            let acc = r.digits(10);
            format!(
                "{bb}{}{}{acc}",
                ccc_digit(&format!("00{bb}")),
                ccc_digit(&acc)
            )
        }
        "TR" => format!("{}0{}", r.digits(5), fill(r, "16c")),
        "CR" => format!("0{}", r.digits(17)),
        _ => fill(r, spec),
    }
}

/// A BBAN of the right shape whose national check digits are wrong (only
/// for countries that have them).
pub fn bad_national_bban(r: &mut Rng, cc: &str, spec: &str) -> Option<String> {
    if !matches!(
        cc,
        "BA" | "ME"
            | "RS"
            | "TL"
            | "SI"
            | "PT"
            | "MK"
            | "MR"
            | "TN"
            | "HR"
            | "CZ"
            | "EE"
            | "FI"
            | "FR"
            | "HU"
            | "IS"
            | "IT"
            | "PL"
            | "ES"
    ) {
        return None;
    }
    let good = bban(r, cc, spec);
    // the position of a check digit in each structure
    let at = match cc {
        "HR" => 6,
        "CZ" => 19,
        "EE" | "FI" => good.len() - 1,
        "HU" => 7,
        "IS" => 20,
        "IT" => 0,
        "PL" => 7,
        "ES" => 8,
        _ => good.len() - 1,
    };
    let mut b = good.into_bytes();
    b[at] = if b[at].is_ascii_digit() {
        b'0' + (b[at] - b'0' + 1 + r.below(8) as u8) % 10
    } else {
        b'A' + (b[at] - b'A' + 1 + r.below(24) as u8) % 26
    };
    Some(String::from_utf8(b).unwrap())
}

/// Print form: groups of four separated by single spaces.
pub fn print_form(iban: &str) -> String {
    iban.as_bytes()
        .chunks(4)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join(" ")
}
