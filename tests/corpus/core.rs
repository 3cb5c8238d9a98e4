//! The first detectors of the corpus: cards, IBAN, SSN, email, AWS, GitHub,
//! JWT, NHS, SIN, date of birth, DNI, phone, CPF, private keys.

use super::gen::*;

pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    // Cards with keyword (both card detectors apply).
    let (p, l) = *r.pick(&[
        ("4", 16),
        ("51", 16),
        ("55", 16),
        ("2221", 16),
        ("34", 15),
        ("37", 15),
        ("6011", 16),
        ("3528", 16),
    ]);
    let card = luhn_number(r, p, l);
    let shown = if l == 16 && r.below(2) == 0 {
        format!(
            "{} {} {} {}",
            &card[0..4],
            &card[4..8],
            &card[8..12],
            &card[12..]
        )
    } else {
        card.clone()
    };
    let kw = r
        .pick(&[
            "credit card",
            "Card number",
            "visa",
            "cc#",
            "payment card number",
        ])
        .to_string();
    v.push(plant(
        format!("{kw}: {shown}"),
        shown,
        &["CREDIT_CARD_NUMBER", "CREDIT_CARD_NUMBER_(NO_KEYWORD)"],
    ));
    // A card with no keyword in a CSV export line.
    let lead = *r.pick(&["4", "51", "52", "53", "54"]);
    let card = luhn_number(r, lead, 16);
    let line = format!(
        "{},{card},2024-03-0{},shipped",
        10000 + r.below(90000),
        1 + r.below(9)
    );
    v.push(plant(line, card, &["CREDIT_CARD_NUMBER_(NO_KEYWORD)"]));
    // IBAN (DE: 8-digit bank code starting 1-8, + 10-digit account).
    let de = iban("DE", &format!("{}{}", 1 + r.below(8), r.digits(17)));
    v.push(plant(
        format!("Please transfer to IBAN {de} by Friday."),
        de,
        &["GERMANY_BANK_ACCOUNT_NUMBER"],
    ));
    let gb = iban(
        "GB",
        &format!(
            "{}{}",
            r.alnum(4, b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            r.digits(14)
        ),
    );
    v.push(plant(
        format!("beneficiary_iban={gb}"),
        gb,
        &["UK_BANK_ACCOUNT_NUMBER"],
    ));
    // US SSN with keyword (area 001-899 but not 666).
    let area = loop {
        let a = 1 + r.below(899);
        if a != 666 {
            break a;
        }
    };
    let ssn = format!("{area:03}-{:02}-{:04}", 1 + r.below(99), 1 + r.below(9999));
    v.push(plant(
        format!("SSN: {ssn}"),
        ssn,
        &["USA_SOCIAL_SECURITY_NUMBER"],
    ));
    // Email.
    let first = r
        .pick(&["maria", "j.smith", "oliver_k", "anna-lena", "t.nguyen"])
        .to_string();
    let dom = r
        .pick(&[
            "gmail.com",
            "acme-corp.io",
            "mail.example.org",
            "uni-heidelberg.de",
        ])
        .to_string();
    let email = format!("{first}{}@{dom}", r.below(100));
    v.push(plant(
        format!("Contact: {email}"),
        email,
        &["EMAIL_ADDRESS"],
    ));
    // AWS access key id + secret.
    let akid = format!("AKIA{}", r.alnum(16, UPPER_DIGITS));
    v.push(plant(
        format!("aws_access_key_id = {akid}"),
        akid,
        &["AWS_ACCESS_KEY_ID"],
    ));
    let secret = loop {
        let s = r.alnum(40, B64);
        if s.bytes().any(|b| b.is_ascii_uppercase())
            && s.bytes().any(|b| b.is_ascii_lowercase())
            && s.bytes().any(|b| b.is_ascii_digit())
        {
            break s;
        }
    };
    v.push(plant(
        format!("aws_secret_access_key = {secret}"),
        secret,
        &["AWS_CREDENTIALS"],
    ));
    // GitHub token with the CRC32 checksum.
    let body = r.alnum(30, B62);
    let gh = format!("ghp_{body}{}", base62(crc32(body.as_bytes()), 6));
    v.push(plant(format!("GITHUB_TOKEN={gh}"), gh, &["GITHUB_TOKEN"]));
    // JWT.
    let jwt = format!(
        "{}.{}.{}",
        b64url(br#"{"alg":"HS256","typ":"JWT"}"#),
        b64url(
            format!(
                r#"{{"sub":"{}","name":"User {}","iat":{}}}"#,
                r.digits(8),
                r.digits(3),
                1700000000 + r.below(10000000)
            )
            .as_bytes()
        ),
        r.alnum(
            43,
            b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
        )
    );
    v.push(plant(
        format!("Authorization: Bearer {jwt}"),
        jwt,
        &["JSON_WEB_TOKEN"],
    ));
    // UK NHS number (mod 11).
    let nhs = loop {
        let d = r.digits(9);
        let s: u32 = d
            .bytes()
            .enumerate()
            .map(|(i, c)| (c - b'0') as u32 * (10 - i as u32))
            .sum();
        let c = 11 - s % 11;
        if c == 10 {
            continue;
        }
        let c = if c == 11 { 0 } else { c };
        break format!("{} {} {}{}", &d[0..3], &d[3..6], &d[6..9], c);
    };
    v.push(plant(format!("NHS number {nhs}"), nhs, &["UK_NHS_NUMBER"]));
    // Canada SIN (Luhn, first digit 1-7 or 9).
    let lead = *r.pick(&["1", "2", "4", "5", "6", "7"]);
    let sin = luhn_number(r, lead, 9);
    let sin_shown = format!("{} {} {}", &sin[0..3], &sin[3..6], &sin[6..]);
    v.push(plant(
        format!("Social Insurance Number: {sin_shown}"),
        sin_shown,
        &["CANADA_SOCIAL_INSURANCE_NUMBER"],
    ));
    // Date of birth with keyword.
    let dob = format!(
        "{:04}-{:02}-{:02}",
        1940 + r.below(60),
        1 + r.below(12),
        1 + r.below(28)
    );
    v.push(plant(
        format!("date of birth: {dob}"),
        dob,
        &["DATE_OF_BIRTH"],
    ));
    // Spain DNI.
    let n = 10_000_000 + r.below(89_999_999);
    let dni = format!(
        "{n:08}{}",
        b"TRWAGMYFPDXBNJZSQVHLCKE"[(n % 23) as usize] as char
    );
    v.push(plant(format!("DNI: {dni}"), dni, &["SPAIN_DNI_NUMBER"]));
    // Phone with country code (UK mobile).
    let ph = format!("+44 7{} {}", r.digits(3), r.digits(6));
    v.push(plant(
        format!("Call me on {ph} tomorrow"),
        ph,
        &["UK_PHONE_NUMBER"],
    ));
    // Brazil CPF.
    let cpf = loop {
        let d: Vec<u32> = (0..9).map(|_| r.below(10) as u32).collect();
        if d.iter().all(|&x| x == d[0]) {
            continue;
        }
        let c1 = {
            let s: u32 = d.iter().enumerate().map(|(i, x)| x * (10 - i as u32)).sum();
            let m = (s * 10) % 11;
            if m == 10 {
                0
            } else {
                m
            }
        };
        let mut d2 = d.clone();
        d2.push(c1);
        let c2 = {
            let s: u32 = d2
                .iter()
                .enumerate()
                .map(|(i, x)| x * (11 - i as u32))
                .sum();
            let m = (s * 10) % 11;
            if m == 10 {
                0
            } else {
                m
            }
        };
        let s: String = d.iter().map(|x| char::from(b'0' + *x as u8)).collect();
        break format!("{}.{}.{}-{c1}{c2}", &s[0..3], &s[3..6], &s[6..9]);
    };
    v.push(plant(format!("CPF {cpf}"), cpf, &["BRAZIL_CPF_NUMBER"]));
    // Private key: a DER SEQUENCE (30 82 len) opening with version INTEGER 0, then random content, base64 in 64-column lines.
    let n = 600 + r.below(600) as usize;
    let mut der = vec![
        0x30,
        0x82,
        (n >> 8) as u8,
        (n & 0xff) as u8,
        0x02,
        0x01,
        0x00,
    ];
    der.extend((0..n - 3).map(|_| r.next() as u8));
    let b64 = {
        use base64::Engine as _;
        base64::engine::general_purpose::STANDARD.encode(&der)
    };
    let body: String = b64
        .as_bytes()
        .chunks(64)
        .map(|c| format!("{}\n", std::str::from_utf8(c).unwrap()))
        .collect();
    let pem = format!("-----BEGIN RSA PRIVATE KEY-----\n{body}-----END RSA PRIVATE KEY-----");
    v.push(plant(pem.clone(), pem, &["PKCS"]));
    v
}

/// Look-alikes that no detector should report.
pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = Vec::new();
    // Card-shaped numbers that fail Luhn, with keyword.
    let good = luhn_number(r, "4", 16);
    let bad_last = (b'0' + ((good.as_bytes()[15] - b'0' + 1 + r.below(8) as u8) % 10)) as char;
    v.push(format!("credit card: {}{bad_last}", &good[..15]));
    // Known test card (Macie never reports these).
    v.push(
        r.pick(&[
            "visa 4111111111111111",
            "card number 5555555555554444",
            "amex 378282246310005",
        ])
        .to_string(),
    );
    // Order numbers, invoice ids, tracking numbers.
    let order = loop {
        let o = r.digits(16);
        if luhn_check_digit(&o[..15]) != o.as_bytes()[15] {
            break o;
        }
    };
    v.push(format!("Order #{order} shipped"));
    v.push(format!(
        "tracking 1Z{}",
        r.alnum(16, b"0123456789ABCDEFGHJKLMNPRSTUVWXYZ")
    ));
    // IBAN with a wrong check.
    let de = iban("DE", &r.digits(18));
    let wrong = format!(
        "{}{}",
        &de[..21],
        ((de.as_bytes()[21] - b'0' + 1) % 10) as u32
    );
    v.push(format!("IBAN {wrong}"));
    // SSN-shaped with invalid areas.
    v.push(format!(
        "SSN: 666-{:02}-{:04}",
        1 + r.below(99),
        1 + r.below(9999)
    ));
    v.push(format!(
        "ssn 000-{:02}-{:04}",
        1 + r.below(99),
        1 + r.below(9999)
    ));
    // SSN-shaped with no keyword (keyword required).
    v.push(format!(
        "ref {:03}-{:02}-{:04} approved",
        100 + r.below(500),
        10 + r.below(80),
        1000 + r.below(8000)
    ));
    // UUIDs, hashes, timestamps, versions.
    v.push(format!(
        "request_id={}-{}-4{}-a{}-{}",
        r.alnum(8, b"0123456789abcdef"),
        r.alnum(4, b"0123456789abcdef"),
        r.alnum(3, b"0123456789abcdef"),
        r.alnum(3, b"0123456789abcdef"),
        r.alnum(12, b"0123456789abcdef")
    ));
    v.push(format!("commit {}", r.alnum(40, b"0123456789abcdef")));
    v.push(format!("sha256:{}", r.alnum(64, b"0123456789abcdef")));
    v.push(format!(
        "2024-0{}-1{}T12:3{}:45.123Z INFO done in {} ms",
        1 + r.below(9),
        r.below(9),
        r.below(9),
        r.below(900)
    ));
    v.push(format!(
        "version 1.{}.{}.{}",
        r.below(10),
        r.below(10),
        r.below(10)
    ));
    // Documentation placeholders.
    v.push("aws_access_key_id = AKIAIOSFODNN7EXAMPLE".into());
    v.push("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into());
    v.push("password = \"changeme\"".into());
    v.push("token: ${GITHUB_TOKEN}".into());
    v.push("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx".into());
    // GitHub-shaped token with a broken checksum.
    let body = r.alnum(30, B62);
    v.push(format!(
        "ghp_{body}{}",
        base62(crc32(body.as_bytes()) ^ 0x5a5a, 6)
    ));
    // NHS-shaped with a wrong check digit.
    v.push("NHS number 943 476 5918".into());
    // Phone-like numbers without keyword or country code.
    v.push(format!("batch {} {}", r.digits(3), r.digits(7)));
    // Base64 of prose.
    v.push("data: TG9yZW0gaXBzdW0gZG9sb3Igc2l0IGFtZXQsIGNvbnNlY3RldHVyIGFkaXBpc2Npbmc=".into());
    // Dates that are not real, with a DOB keyword.
    v.push("DOB: 1985-02-30".into());
    // CPF-shaped with wrong digits.
    v.push("CPF 123.456.789-00".into());
    v
}
