//! Validators for European national identifiers: UK (driving licence, NINO,
//! NHS, passport, UTR/TRN, electoral roll), France (NIR, SPI, passport,
//! permis), Germany (Personalausweis, Reisepass, Steuer-IdNr, Steuernummer,
//! Führerschein), Italy (codice fiscale, passport, patente), Spain (DNI, NIE,
//! NIF, CIF, NSS, passport), EHIC card numbers, and the structural checks of
//! the other EU driving licences (Finnish HETU, Swedish personnummer, junk
//! rejection for the purely numeric ones).
//!
//! Every function takes the matched bytes (separators included) and works on
//! the stack; none allocates or panics on short or odd input.

use super::common::{
    alnum_upper, days_in_month, digits, iso7064_mod11_10_ok, luhn_ok, valid_date, Digits,
};
use super::Validator;

// ---------------------------------------------------------------- helpers

/// Value of a digit byte.
fn dv(b: u8) -> u32 {
    (b.wrapping_sub(b'0')) as u32
}

/// Number formed by digit bytes (at most 18 digits, else saturates).
fn num(d: &[u8]) -> u64 {
    d.iter().fold(0u64, |a, &b| {
        a.saturating_mul(10).saturating_add(dv(b) as u64)
    })
}

fn all_digits(d: &[u8]) -> bool {
    !d.is_empty() && d.iter().all(u8::is_ascii_digit)
}

fn all_alpha(d: &[u8]) -> bool {
    !d.is_empty() && d.iter().all(u8::is_ascii_uppercase)
}

/// Obvious filler: one repeated digit, a repeated pair (`121212`), or a
/// straight run up or down (`12345678`, `98765432`, `0123456789`).
fn junk_digits(d: &[u8]) -> bool {
    if d.is_empty() {
        return true;
    }
    if d.iter().all(|&b| b == d[0]) {
        return true;
    }
    if d.len() >= 6 && d.windows(3).all(|w| w[0] == w[2]) {
        return true;
    }
    if d.len() >= 5 {
        let up = d.windows(2).all(|w| (dv(w[0]) + 1) % 10 == dv(w[1]));
        let down = d.windows(2).all(|w| (dv(w[1]) + 1) % 10 == dv(w[0]));
        if up || down {
            return true;
        }
    }
    false
}

/// ICAO 9303 check digit (weights 7, 3, 1; A=10 .. Z=35, `<`=0).
fn icao_check(s: &[u8]) -> Option<u32> {
    const W: [u32; 3] = [7, 3, 1];
    let mut sum = 0u32;
    for (i, &c) in s.iter().enumerate() {
        let v = match c {
            b'0'..=b'9' => dv(c),
            b'A'..=b'Z' => (c - b'A') as u32 + 10,
            b'<' => 0,
            _ => return None,
        };
        sum += v * W[i % 3];
    }
    Some(sum % 10)
}

/// Day/month/two-digit-year plausibility in either century.
fn date_2digit_year(yy: u32, m: u32, d: u32) -> bool {
    valid_date(1900 + yy, m, d) || valid_date(2000 + yy, m, d)
}

// ---------------------------------------------------------------- United Kingdom

/// UK (DVLA) driving licence: 5 surname chars (letters, padded with 9s),
/// decade digit, month (+50 for women), day, year digit, 2 initials (second
/// may be 9), a digit, 2 check characters. The embedded birth date must be real.
fn uk_dl(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 16 {
        return false;
    }
    // surname: letters, then only 9 padding
    if !s[0].is_ascii_uppercase() {
        return false;
    }
    let mut padded = false;
    for &c in &s[1..5] {
        match c {
            b'9' => padded = true,
            b'A'..=b'Z' if !padded => {}
            _ => return false,
        }
    }
    if !all_digits(&s[5..11]) {
        return false;
    }
    let decade = dv(s[5]);
    let mut month = dv(s[6]) * 10 + dv(s[7]);
    if month > 50 {
        month -= 50;
    }
    let day = dv(s[8]) * 10 + dv(s[9]);
    let yy = decade * 10 + dv(s[10]);
    if !date_2digit_year(yy, month, day) {
        return false;
    }
    s[11].is_ascii_uppercase()
        && (s[12].is_ascii_uppercase() || s[12] == b'9')
        && s[13].is_ascii_digit()
        && s[14].is_ascii_alphanumeric()
        && s[15].is_ascii_alphanumeric()
}

/// National Insurance number: HMRC prefix rules (first letter not D F I Q U V,
/// second not D F I O Q U V, not BG GB NK KN TN NT ZZ), 6 digits, suffix A–D.
fn uk_nino(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 9
        || !all_alpha(&s[..2])
        || !all_digits(&s[2..8])
        || !(b'A'..=b'D').contains(&s[8])
    {
        return false;
    }
    if b"DFIQUV".contains(&s[0]) || b"DFIOQUV".contains(&s[1]) {
        return false;
    }
    const BAD: [&[u8; 2]; 7] = [b"BG", b"GB", b"NK", b"KN", b"TN", b"NT", b"ZZ"];
    if BAD.iter().any(|p| &s[..2] == *p) {
        return false;
    }
    !s[2..8].iter().all(|&b| b == b'0') && !junk_digits(&s[2..8])
}

/// NHS number: 10 digits, mod-11 check (weights 10..2; 11 -> 0, 10 invalid);
/// not one repeated digit; not the 999 test range.
fn uk_nhs(v: &[u8]) -> bool {
    let d = digits(v);
    let s = d.as_bytes();
    if s.len() != 10 || d.all_same() || s.starts_with(b"999") {
        return false;
    }
    let sum: u32 = s[..9]
        .iter()
        .zip((2..=10).rev())
        .map(|(&b, w)| dv(b) * w)
        .sum();
    let c = 11 - sum % 11;
    let c = if c == 11 { 0 } else { c };
    c != 10 && c == dv(s[9])
}

/// UK passport: 9 digits, or 2 letters + 7 digits; no filler digits.
fn uk_passport(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    match s.len() {
        9 if all_digits(s) => !junk_digits(s),
        9 if all_alpha(&s[..2]) && all_digits(&s[2..]) => !junk_digits(&s[2..]),
        _ => false,
    }
}

/// UTR check digit (the first digit) over the other nine: weights
/// 6,7,8,9,10,5,4,3,2, remainder mod 11 mapped through `21987654321`.
fn utr_ok(s: &[u8]) -> bool {
    if s.len() != 10 || !all_digits(s) {
        return false;
    }
    const W: [u32; 9] = [6, 7, 8, 9, 10, 5, 4, 3, 2];
    let sum: u32 = s[1..].iter().zip(W).map(|(&b, w)| dv(b) * w).sum();
    b"21987654321"[(sum % 11) as usize] == s[0]
}

/// UK tax reference: a UTR (10 digits, optional K before or after, check
/// digit verified) or a TRN (2 digits, letter, 5 digits).
fn uk_tax(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let mut s = a.as_bytes();
    if s.len() == 8 && all_digits(&s[..2]) && s[2].is_ascii_uppercase() && all_digits(&s[3..]) {
        return !junk_digits(&s[3..]);
    }
    if s.len() == 11 {
        if s[0] == b'K' {
            s = &s[1..];
        } else if s[10] == b'K' {
            s = &s[..10];
        }
    }
    utr_ok(s) && !junk_digits(s)
}

/// Electoral roll number: polling district letters (2–3) and an elector
/// number (1–4 digits, not all zero).
fn uk_electoral(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    let letters = s.iter().take_while(|b| b.is_ascii_uppercase()).count();
    if !(2..=3).contains(&letters) {
        return false;
    }
    let rest = &s[letters..];
    if rest.is_empty() || rest.len() > 4 || !all_digits(rest) || rest.iter().all(|&b| b == b'0') {
        return false;
    }
    // "NO 12", "NR 5": the abbreviation of "number", not a district code
    !(letters == 2 && (&s[..2] == b"NO" || &s[..2] == b"NR"))
}

// ---------------------------------------------------------------- France

/// NIR (INSEE / sécurité sociale): sex 1/2 (7/8 temporary), year, month
/// 01–12 or the INSEE special ranges 20–42 and 50–99, department (2A/2B for
/// Corsica), commune, order, key = 97 − (13-digit number mod 97) with 2A→19,
/// 2B→18.
fn fr_nir(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 15 || !b"1278".contains(&s[0]) {
        return false;
    }
    // only the department may carry a letter: 2A -> 19, 2B -> 18
    let mut buf = [0u8; 13];
    buf.copy_from_slice(&s[..13]);
    if s[5] == b'2' && (s[6] == b'A' || s[6] == b'B') {
        buf[5] = b'1';
        buf[6] = if s[6] == b'A' { b'9' } else { b'8' };
    }
    if !all_digits(&buf) || !all_digits(&s[13..]) {
        return false;
    }
    let month = dv(s[3]) * 10 + dv(s[4]);
    if !((1..=12).contains(&month) || (20..=42).contains(&month) || month >= 50) {
        return false;
    }
    if &s[5..7] == b"00" || s[7..13].iter().all(|&b| b == b'0') || junk_digits(&buf) {
        return false;
    }
    let n = num(&buf);
    let key = num(&s[13..]);
    key == 97 - n % 97
}

/// French numéro fiscal (SPI): 13 digits, first 0–3, last three = first ten mod 511.
fn fr_spi(v: &[u8]) -> bool {
    let d = digits(v);
    let s = d.as_bytes();
    if s.len() != 13 || s[0] > b'3' || junk_digits(&s[..10]) {
        return false;
    }
    num(&s[..10]) % 511 == num(&s[10..])
}

/// 2 digits + 2 letters + 5 digits (French passport; also the post-2013
/// permis de conduire number), digits not filler.
fn fr_2d2l5d(s: &[u8]) -> bool {
    s.len() == 9
        && all_digits(&s[..2])
        && all_alpha(&s[2..4])
        && all_digits(&s[4..])
        && !junk_digits(&s[4..])
}

fn fr_passport(v: &[u8]) -> bool {
    fr_2d2l5d(alnum_upper(v).as_bytes())
}

/// French permis de conduire: 12 digits (pre-2013) or 2 digits + 2 letters + 5 digits.
fn fr_dl(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    (s.len() == 12 && all_digits(s) && !junk_digits(s)) || fr_2d2l5d(s)
}

// ---------------------------------------------------------------- Germany

/// Characters of German document serial numbers (no vowels, no B D Q S).
fn de_doc_char(c: u8) -> bool {
    c.is_ascii_digit() || b"CFGHJKLMNPRTVWXYZ".contains(&c)
}

/// Personalausweis (card issued since November 2010): authority letter
/// L M N P R T V W X Y, 8 serial characters without vowels (at least 3
/// digits, not a filler run), optional ICAO 9303 check digit; without the
/// check digit the serial must also contain a letter. The old
/// all-digit cards expired by 2020 and are not matched (a 10-digit number
/// near "ID number" passes their check one time in ten).
fn de_id(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if !(9..=10).contains(&s.len())
        || !b"LMNPRTVWXY".contains(&s[0])
        || !s[..9].iter().all(|&c| de_doc_char(c))
    {
        return false;
    }
    let d = digits(&s[1..9]);
    if d.len() < 3 || junk_digits(d.as_bytes()) {
        return false;
    }
    if s.len() == 10 {
        return s[9].is_ascii_digit() && icao_check(&s[..9]) == Some(dv(s[9]));
    }
    // Without its check digit, a letter + 8 digits is too common a shape
    // (member, patient, ticket ids): require a letter in the serial too.
    d.len() < 8
}

/// Reisepass: C F G H J K, 8 serial characters (at least 3 digits), optional
/// ICAO check digit; without it the serial must contain a letter.
fn de_passport(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if !(9..=10).contains(&s.len())
        || !b"CFGHJK".contains(&s[0])
        || !s[..9].iter().all(|&c| de_doc_char(c))
    {
        return false;
    }
    let d = digits(&s[1..9]);
    if d.len() < 3 || junk_digits(d.as_bytes()) {
        return false;
    }
    if s.len() == 10 {
        return s[9].is_ascii_digit() && icao_check(&s[..9]) == Some(dv(s[9]));
    }
    // letter + 8 digits without a check digit is also a US passport shape
    d.len() < 8
}

/// Steuerliche Identifikationsnummer: 11 digits, first not 0; in the first
/// ten exactly one digit occurs twice or three times (never three in a row)
/// and every other at most once; ISO 7064 MOD 11,10 check digit.
fn de_taxid(v: &[u8]) -> bool {
    let d = digits(v);
    let s = d.as_bytes();
    if s.len() != 11 || s[0] == b'0' {
        return false;
    }
    let mut counts = [0u8; 10];
    for &b in &s[..10] {
        counts[dv(b) as usize] += 1;
    }
    let mut repeated = 0;
    let mut which = 10usize;
    for (digit, &c) in counts.iter().enumerate() {
        match c {
            0 | 1 => {}
            2 | 3 => {
                repeated += 1;
                which = digit;
            }
            _ => return false,
        }
    }
    if repeated != 1 {
        return false;
    }
    if counts[which] == 3 {
        let t = b'0' + which as u8;
        if s[..10]
            .windows(3)
            .any(|w| w[0] == t && w[1] == t && w[2] == t)
        {
            return false;
        }
    }
    iso7064_mod11_10_ok(s)
}

/// Steuernummer in the slash forms of the Länder (`12/345/67890`,
/// `181/815/08155`, `133/8150/8159`, `93815/08152`): 10–11 digits, not filler.
fn de_steuernummer(v: &[u8]) -> bool {
    let d = digits(v);
    (10..=11).contains(&d.len()) && !junk_digits(d.as_bytes())
}

/// Führerschein (EU card): authority char, 2 digits, 6 alnum, 1 digit, 1 alnum,
/// with at least 4 digits overall and not a filler run.
fn de_dl(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 11 {
        return false;
    }
    let nd = s.iter().filter(|c| c.is_ascii_digit()).count();
    let d = digits(s);
    nd >= 4 && !junk_digits(d.as_bytes())
}

// ---------------------------------------------------------------- Italy

const CF_OMO: &[u8; 10] = b"LMNPQRSTUV";

/// Decode a codice fiscale digit position (digit or omocodia letter).
fn cf_digit(c: u8) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(dv(c));
    }
    CF_OMO.iter().position(|&o| o == c).map(|p| p as u32)
}

/// Codice fiscale: 6 letters, year, month letter (ABCDEHLMPRST), day 01–31
/// (41–71 for women) valid for the month, place code, check letter from the
/// official odd/even tables; omocodia letters accepted in digit places.
fn it_cf(v: &[u8]) -> bool {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 16
        || !all_alpha(&s[..6])
        || !s[11].is_ascii_uppercase()
        || !s[15].is_ascii_uppercase()
    {
        return false;
    }
    let mut dd = [0u32; 7];
    for (k, &i) in [6usize, 7, 9, 10, 12, 13, 14].iter().enumerate() {
        match cf_digit(s[i]) {
            Some(x) => dd[k] = x,
            None => return false,
        }
    }
    let Some(month) = MONTHS.iter().position(|&m| m == s[8]) else {
        return false;
    };
    let mut day = dd[2] * 10 + dd[3];
    if day > 40 {
        day -= 40;
    }
    // leap-year agnostic: 29 Feb is allowed (the century is unknown)
    if day == 0 || day > days_in_month(2000, month as u32 + 1) {
        return false;
    }
    let mut sum = 0u32;
    for (i, &c) in s[..15].iter().enumerate() {
        let val = if c.is_ascii_digit() {
            dv(c)
        } else {
            (c - b'A') as u32
        };
        // 1-based odd positions use the odd table
        sum += if i % 2 == 0 {
            if c.is_ascii_digit() {
                ODD[dv(c) as usize]
            } else {
                ODD[val as usize]
            }
        } else {
            val
        };
    }
    s[15] == b'A' + (sum % 26) as u8
}

/// Italian passport: 2 letters + 7 digits, digits not filler.
fn it_passport(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    s.len() == 9 && all_alpha(&s[..2]) && all_digits(&s[2..]) && !junk_digits(&s[2..])
}

/// Patente di guida: letter + A/V + 7 digits + letter (paper model), or the
/// card model `U1` + 7 alphanumerics (at least 4 digits) + letter.
fn it_dl(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 10 || !s[0].is_ascii_uppercase() || !s[9].is_ascii_uppercase() {
        return false;
    }
    let mid = &s[2..9];
    if &s[..2] == b"U1" {
        let d = digits(mid);
        return d.len() >= 4 && !junk_digits(d.as_bytes());
    }
    (s[1] == b'A' || s[1] == b'V') && all_digits(mid) && !junk_digits(mid)
}

// ---------------------------------------------------------------- Spain

const ES_LETTERS: &[u8; 23] = b"TRWAGMYFPDXBNJZSQVHLCKE";

/// DNI: 8 digits + check letter (number mod 23); all-zero, one repeated digit
/// and `99999999` skipped.
fn es_dni(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 9 || !all_digits(&s[..8]) || junk_digits(&s[..8]) {
        return false;
    }
    ES_LETTERS[(num(&s[..8]) % 23) as usize] == s[8]
}

/// NIE: X/Y/Z (0/1/2) + 7 digits + check letter.
fn es_nie(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 9 || !all_digits(&s[1..8]) || junk_digits(&s[1..8]) {
        return false;
    }
    let lead = match s[0] {
        b'X' => 0,
        b'Y' => 1,
        b'Z' => 2,
        _ => return false,
    };
    ES_LETTERS[((lead * 10_000_000 + num(&s[1..8])) % 23) as usize] == s[8]
}

/// NIF of a person: DNI form, NIE form, or K/L/M + 7 digits + letter
/// (letter from the 7 digits mod 23).
fn es_nif(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 9 {
        return false;
    }
    match s[0] {
        b'0'..=b'9' => es_dni(s),
        b'X' | b'Y' | b'Z' => es_nie(s),
        b'K' | b'L' | b'M' => {
            all_digits(&s[1..8])
                && !junk_digits(&s[1..8])
                && ES_LETTERS[(num(&s[1..8]) % 23) as usize] == s[8]
        }
        _ => false,
    }
}

/// CIF (entity NIF): organisation letter, 7 digits, control. Digits in odd
/// places are doubled (digit sum), even places added; c = (10 − sum mod 10)
/// mod 10; the control is the digit c or the letter `JABCDEFGHI`[c]. A B E H
/// take the digit, N P Q R S W the letter, the others either.
fn es_cif(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 9
        || !b"ABCDEFGHJNPQRSUVW".contains(&s[0])
        || !all_digits(&s[1..8])
        || junk_digits(&s[1..8])
    {
        return false;
    }
    let mut sum = 0u32;
    for (i, &b) in s[1..8].iter().enumerate() {
        let x = dv(b);
        sum += if i % 2 == 0 {
            let y = x * 2;
            y / 10 + y % 10
        } else {
            x
        };
    }
    let c = (10 - sum % 10) % 10;
    let digit = b'0' + c as u8;
    let letter = b"JABCDEFGHI"[c as usize];
    let ctrl = s[8];
    match s[0] {
        b'A' | b'B' | b'E' | b'H' => ctrl == digit,
        b'N' | b'P' | b'Q' | b'R' | b'S' | b'W' => ctrl == letter,
        _ => ctrl == digit || ctrl == letter,
    }
}

/// Número de la Seguridad Social: province (01–53, 66), 8 digits, 2 control
/// digits = (province·10^8 + number) mod 97, or with province·10^7 when the
/// number is below 10^7 (both readings of the TGSS rule are accepted).
fn es_nss(v: &[u8]) -> bool {
    let d = digits(v);
    let s = d.as_bytes();
    if s.len() != 12 || junk_digits(&s[2..10]) {
        return false;
    }
    let prov = num(&s[..2]);
    if !((1..=53).contains(&prov) || prov == 66) {
        return false;
    }
    let mid = num(&s[2..10]);
    let ctrl = num(&s[10..]);
    let a = (prov * 100_000_000 + mid) % 97;
    let b = (prov * 10_000_000 + mid) % 97;
    ctrl == a || (mid < 10_000_000 && ctrl == b)
}

/// Spanish passport: 2–3 letters then 6–7 digits (9 characters), digits not filler.
fn es_passport(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 9 || !all_alpha(&s[..2]) {
        return false;
    }
    let start = if s[2].is_ascii_uppercase() { 3 } else { 2 };
    all_digits(&s[start..]) && !junk_digits(&s[start..])
}

// ---------------------------------------------------------------- EHIC

/// ISO 3166 numeric codes of the countries that issue the EHIC (EU, EEA,
/// Switzerland, UK GHIC).
const EHIC_COUNTRIES: [&[u8; 3]; 32] = [
    b"040", b"056", b"100", b"191", b"196", b"203", b"208", b"233", b"246", b"250", b"276", b"300",
    b"348", b"352", b"372", b"380", b"428", b"438", b"440", b"442", b"470", b"528", b"578", b"616",
    b"620", b"642", b"703", b"705", b"724", b"752", b"756", b"826",
];

fn ehic_digits(v: &[u8]) -> Option<Digits> {
    let d = digits(v);
    let s = d.as_bytes();
    if !(16..=20).contains(&s.len())
        || &s[..2] != b"80"
        || junk_digits(&s[5..])
        || s[5..].iter().all(|&b| b == b'0')
    {
        return None;
    }
    Some(d)
}

/// EHIC card number (ISO/IEC 7812 health card): `80` + an EHIC country's
/// numeric code + issuer and serial, 16–20 digits. Finnish cards (80246) are
/// left to the Finnish identifier.
fn eu_ehic(v: &[u8]) -> bool {
    let Some(d) = ehic_digits(v) else {
        return false;
    };
    let s = d.as_bytes();
    let cc = &s[2..5];
    cc != b"246" && EHIC_COUNTRIES.iter().any(|c| &c[..] == cc)
}

/// Finnish EHIC card number: 20 digits beginning 80246.
fn fi_ehic(v: &[u8]) -> bool {
    let Some(d) = ehic_digits(v) else {
        return false;
    };
    d.len() == 20 && d.as_bytes().starts_with(b"80246")
}

// ---------------------------------------------------------------- other EU driving licences

/// Purely numeric (or mostly numeric) licence numbers: the digits must not
/// be filler, and an 8-digit value must not read as a YYYYMMDD date.
fn dl_digits(v: &[u8]) -> bool {
    let d = digits(v);
    let s = d.as_bytes();
    if s.len() < 5 || junk_digits(s) {
        return false;
    }
    if s.len() == 8 {
        let (y, m, dd) = (
            num(&s[..4]) as u32,
            num(&s[4..6]) as u32,
            num(&s[6..]) as u32,
        );
        if (1900..=2099).contains(&y) && valid_date(y, m, dd) {
            return false;
        }
    }
    true
}

/// Finnish personal identity code (HETU) as carried by the licence:
/// DDMMYY, century sign (+ - A, or the 2023 additions B–F, U–Y), individual
/// number 002–999, check character = `0123456789ABCDEFHJKLMNPRSTUVWXY`[DDMMYYNNN mod 31].
fn dl_fi_hetu(v: &[u8]) -> bool {
    const CHK: &[u8; 31] = b"0123456789ABCDEFHJKLMNPRSTUVWXY";
    if v.len() != 11 {
        return false;
    }
    let mut s = [0u8; 11];
    for (o, &b) in s.iter_mut().zip(v) {
        *o = b.to_ascii_uppercase();
    }
    if !all_digits(&s[..6]) || !all_digits(&s[7..10]) {
        return false;
    }
    let century = match s[6] {
        b'+' => 1800,
        b'-' | b'Y' | b'X' | b'W' | b'V' | b'U' => 1900,
        b'A' | b'B' | b'C' | b'D' | b'E' | b'F' => 2000,
        _ => return false,
    };
    let (d, m, y) = (
        num(&s[..2]) as u32,
        num(&s[2..4]) as u32,
        num(&s[4..6]) as u32,
    );
    if !valid_date(century + y, m, d) || num(&s[7..10]) < 2 {
        return false;
    }
    let mut n = [0u8; 9];
    n[..6].copy_from_slice(&s[..6]);
    n[6..].copy_from_slice(&s[7..10]);
    CHK[(num(&n) % 31) as usize] == s[10]
}

/// Swedish personnummer as carried by the licence: (YY)YYMMDD, optional -/+,
/// 4 digits; real date (day + 60 for samordningsnummer); Luhn over the
/// 10-digit form.
fn dl_se_pnr(v: &[u8]) -> bool {
    let d = digits(v);
    let mut s = d.as_bytes();
    let mut century = None;
    if s.len() == 12 {
        century = Some(num(&s[..2]) as u32 * 100);
        s = &s[2..];
    }
    if s.len() != 10 || junk_digits(s) {
        return false;
    }
    let (y, m, mut dd) = (
        num(&s[..2]) as u32,
        num(&s[2..4]) as u32,
        num(&s[4..6]) as u32,
    );
    if dd > 60 {
        dd -= 60;
    }
    let date_ok = match century {
        Some(c) => valid_date(c + y, m, dd),
        None => date_2digit_year(y, m, dd),
    };
    date_ok && luhn_ok(s)
}

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "uk_dl" => uk_dl,
        "uk_nino" => uk_nino,
        "uk_nhs" => uk_nhs,
        "uk_passport" => uk_passport,
        "uk_tax" => uk_tax,
        "uk_electoral" => uk_electoral,
        "fr_nir" => fr_nir,
        "fr_spi" => fr_spi,
        "fr_passport" => fr_passport,
        "fr_dl" => fr_dl,
        "de_id" => de_id,
        "de_passport" => de_passport,
        "de_taxid" => de_taxid,
        "de_steuernummer" => de_steuernummer,
        "de_dl" => de_dl,
        "it_cf" => it_cf,
        "it_passport" => it_passport,
        "it_dl" => it_dl,
        "es_dni" => es_dni,
        "es_nie" => es_nie,
        "es_nif" => es_nif,
        "es_cif" => es_cif,
        "es_nss" => es_nss,
        "es_passport" => es_passport,
        "eu_ehic" => eu_ehic,
        "fi_ehic" => fi_ehic,
        "dl_digits" => dl_digits,
        "dl_fi_hetu" => dl_fi_hetu,
        "dl_se_pnr" => dl_se_pnr,
        _ => return None,
    };
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(name: &str, cases: &[(&str, bool)]) {
        let f = lookup(name).unwrap_or_else(|| panic!("validator {name}"));
        for (v, ok) in cases {
            assert_eq!(f(v.as_bytes()), *ok, "{name}({v:?})");
        }
    }

    #[test]
    fn uk() {
        check(
            "uk_dl",
            &[
                ("MORGA753116SM9IJ", true),
                ("SMITH801225JD9AB", true),
                ("LI999702104J99XY", true),
                ("MORGA 753116 SM9IJ", true),
                ("SMITH813325JD9AB", false), // month 13
                ("JONES702305AB9CD", false), // 30 February
                ("SM1TH801225JD9AB", false), // digit in surname
                ("S9ITH801225JD9AB", false), // letter after padding
                ("SMITH80122", false),
            ],
        );
        check(
            "uk_nino",
            &[
                ("JG103759A", true),
                ("NY 45 78 21 B", true),
                ("jg103759a", true),
                ("BG103759A", false), // reserved prefix
                ("DA103759A", false), // D first
                ("AO103759A", false), // O second
                ("QQ123456C", false),
                ("JG000000A", false),
                ("JG103759E", false),
            ],
        );
        check(
            "uk_nhs",
            &[
                ("4526018155", true),
                ("452 601 8155", true),
                ("943-476-5919", true),
                ("6390996039", true),
                ("4526018154", false),
                ("4444444444", false),
                ("9990000018", false),
                ("123", false),
            ],
        );
        check(
            "uk_passport",
            &[
                ("512849307", true),
                ("AB4829103", true),
                ("123456789", false),
                ("000000000", false),
                ("A12345678", false),
            ],
        );
        check(
            "uk_tax",
            &[
                ("1948219935", true),
                ("5860920998", true),
                ("19558 39661", true),
                ("K1097172564", true),
                ("2234567890K", true),
                ("48K27391", true),
                ("2955839661", false),
                ("1234567890", false),
                ("0000000000", false),
                ("48K00000", false),
            ],
        );
        check(
            "uk_electoral",
            &[
                ("AB123", true),
                ("KLA 1024", true),
                ("EA7", true),
                ("AB0000", false),
                ("NO 12", false),
                ("A123", false),
                ("AB12345", false),
            ],
        );
    }

    #[test]
    fn france() {
        check(
            "fr_nir",
            &[
                ("185057800608491", true),
                ("2 55 08 14 168 025 38", true),
                ("2940375108123 42", true),
                ("1 78 02 2A 012 345 83", true),
                ("2851 12B 034 567 46", true),
                ("185057800608492", false),
                ("185137800608491", false),  // month 13
                ("385057800608491", false),  // sex digit
                ("1780229012345 83", false), // 2A taken as 29
            ],
        );
        check(
            "fr_spi",
            &[
                ("3023217600053", true),
                ("30 23 217 600 053", true),
                ("1174218096394", true),
                ("3023217600054", false),
                ("4023217600053", false),
                ("0000000000000", false),
            ],
        );
        check(
            "fr_passport",
            &[
                ("18AB12954", true),
                ("07ZK48210", true),
                ("18AB00000", false),
                ("1AB123456", false),
            ],
        );
        check(
            "fr_dl",
            &[
                ("120476300452", true),
                ("13AB48291", true),
                ("123456789012", false),
                ("000000000000", false),
            ],
        );
    }

    #[test]
    fn germany() {
        check(
            "de_id",
            &[
                ("T220001293", true),
                ("T22000129", false), // no check digit and no letter in the serial
                ("T4X9R2M71", true),
                ("L01X00T471", true),
                ("T220001294", false),
                ("P12345678", false),  // filler digits
                ("A22000129", false),  // A is not an authority letter
                ("TXXXXXXXX", false),  // no digits
                ("1220001297", false), // old all-digit card: not matched
            ],
        );
        check(
            "de_passport",
            &[
                ("C01X00T478", true),
                ("C01X00T47", true),
                ("CFJ4R7N832", true),
                ("C01X00T479", false),
                ("A01X00T47", false),
                ("CFJKLMNPR", false),
                ("C48291736", false),
            ],
        );
        check(
            "de_taxid",
            &[
                ("65929970489", true),
                ("65 929 970 489", true),
                ("86095742719", true),
                ("94580730215", true),
                ("65929970488", false),
                ("05929970489", false),
                ("47308125963", false), // no repeated digit
                ("11123456786", false), // three in a row
            ],
        );
        check(
            "de_steuernummer",
            &[
                ("181/815/08155", true),
                ("93815/08152", true),
                ("133/8150/8159", true),
                ("11/111/11111", false),
                ("1/2/3", false),
            ],
        );
        check(
            "de_dl",
            &[
                ("B072RRE2I55", true),
                ("J010000SD51", true),
                ("AAAAAAAAAAA", false),
                ("B01234567890", false),
            ],
        );
    }

    #[test]
    fn italy() {
        check(
            "it_cf",
            &[
                ("RSSMRA85T10A562S", true),
                ("BNCGPP72M44F205L", true),
                ("rssmra85t10a562s", true),
                ("RSSMRA85T10A56NH", true), // omocodia
                ("BNCMRA80A41F205H", true),
                ("RSSMRA85T10A562T", false),
                ("RSSMRA85B30A562G", false), // 30 February
                ("RSSMRA85Z10A562S", false), // month letter
                ("RSSMRA85T10A56", false),
            ],
        );
        check(
            "it_passport",
            &[
                ("YA4829173", true),
                ("AA1234567", false),
                ("Y14829173", false),
            ],
        );
        check(
            "it_dl",
            &[
                ("RA4829173B", true),
                ("U18T93628J", true),
                ("RB4829173B", false),
                ("U1ABCDEFGJ", false),
                ("RA1234567B", false),
            ],
        );
    }

    #[test]
    fn spain() {
        check(
            "es_dni",
            &[
                ("48291736Q", true),
                ("48.291.736-Q", true),
                ("05849273m", true),
                ("48291736R", false),
                ("00000000T", false),
                ("12345678Z", false),
                ("99999999R", false),
            ],
        );
        check(
            "es_nie",
            &[
                ("X5274019G", true),
                ("Y-3091842-N", true),
                ("Z7410263J", true),
                ("X5274019H", false),
                ("W5274019G", false),
            ],
        );
        check(
            "es_nif",
            &[
                ("48291736Q", true),
                ("X5274019G", true),
                ("L8402917M", true),
                ("M5091846Z", true),
                ("L8402917N", false),
                ("A58818501", false),
            ],
        );
        check(
            "es_cif",
            &[
                ("A58818501", true),
                ("B28159309", true),
                ("Q8472901A", true),
                ("P7391046E", true),
                ("A-58818501", true),
                ("A58818502", false),
                ("Q84729011", false), // Q needs the letter
                ("A5881850A", false), // A needs the digit
                ("I58818501", false),
            ],
        );
        check(
            "es_nss",
            &[
                ("283049281731", true),
                ("28/30492817/31", true),
                ("084091827353", true),
                ("410038472939", true),
                ("283049281732", false),
                ("993049281731", false), // province
                ("281111111140", false),
            ],
        );
        check(
            "es_passport",
            &[
                ("XDA482917", true),
                ("AB4829173", true),
                ("PAA123456", false),
                ("A12482917", false),
            ],
        );
    }

    #[test]
    fn ehic() {
        check(
            "eu_ehic",
            &[
                ("80276470174681453840", true),
                ("80250 19161 46100 33076", true),
                ("8072466193451450", true),
                ("80246661934514506123", false), // Finnish: own identifier
                ("80999100772837832661", false), // not an EHIC country
                ("80276000000000000000", false),
                ("70276470174681453840", false),
            ],
        );
        check(
            "fi_ehic",
            &[
                ("80246661934514506123", true),
                ("80246 66304 94032 69910", true),
                ("80276470174681453840", false),
                ("8024666193451450", false),
            ],
        );
    }

    #[test]
    fn other_licences() {
        check(
            "dl_digits",
            &[
                ("48291736", true),
                ("4829 1736 05", true),
                ("12345678", false),
                ("77777777", false),
                ("19850312", false),
                ("1234", false),
            ],
        );
        check(
            "dl_fi_hetu",
            &[
                ("131052-308T", true),
                ("230278-123J", true),
                ("150601A428K", true),
                ("010594Y9021", true),
                ("131052-308U", false),
                ("311352-308T", false),
                ("131052-001T", false),
                ("131052", false),
            ],
        );
        check(
            "dl_se_pnr",
            &[
                ("850312-4821", true),
                ("720611-5037", true),
                ("19910228-7316", true),
                ("850371-2047", true),
                ("850312-4822", false),
                ("851312-4821", false),
                ("1212121212", false),
            ],
        );
    }

    #[test]
    fn never_panics() {
        let inputs: [&[u8]; 8] = [
            b"",
            b"-",
            b"A",
            b"9",
            b"\xff\xfe",
            b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            b"2A2B2A2B2A2B2A2",
            b"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
        ];
        let names = [
            "uk_dl",
            "uk_nino",
            "uk_nhs",
            "uk_passport",
            "uk_tax",
            "uk_electoral",
            "fr_nir",
            "fr_spi",
            "fr_passport",
            "fr_dl",
            "de_id",
            "de_passport",
            "de_taxid",
            "de_steuernummer",
            "de_dl",
            "it_cf",
            "it_passport",
            "it_dl",
            "es_dni",
            "es_nie",
            "es_nif",
            "es_cif",
            "es_nss",
            "es_passport",
            "eu_ehic",
            "fi_ehic",
            "dl_digits",
            "dl_fi_hetu",
            "dl_se_pnr",
        ];
        const ALPHABET: &[u8] = b"0123456789ABCKLMXYZ2A -/+.\xc3\xa9";
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for n in names {
            let f = lookup(n).unwrap();
            for i in inputs {
                let _ = f(i);
            }
            let mut buf = [0u8; 24];
            for _ in 0..3000 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let len = (seed % 25) as usize;
                for (k, b) in buf[..len].iter_mut().enumerate() {
                    *b = ALPHABET[((seed >> (k % 8 * 8)) as usize + k * 7) % ALPHABET.len()];
                }
                let _ = f(&buf[..len]);
            }
        }
    }
}
