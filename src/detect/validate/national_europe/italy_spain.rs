//! Validates Italian identifiers (codice fiscale, passport, patente) and
//! Spanish identifiers (DNI, NIE, NIF, CIF, NSS, passport).

use super::helpers::{all_alpha, all_digits, dv, junk_digits, num};
use crate::detect::validate::common::{alnum_upper, days_in_month, digits};

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
pub(super) fn it_cf(v: &[u8]) -> bool {
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
pub(super) fn it_passport(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    s.len() == 9 && all_alpha(&s[..2]) && all_digits(&s[2..]) && !junk_digits(&s[2..])
}

/// Patente di guida: letter + A/V + 7 digits + letter (paper model), or the
/// card model `U1` + 7 alphanumerics (at least 4 digits) + letter.
pub(super) fn it_dl(v: &[u8]) -> bool {
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
pub(super) fn es_dni(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 9 || !all_digits(&s[..8]) || junk_digits(&s[..8]) {
        return false;
    }
    ES_LETTERS[(num(&s[..8]) % 23) as usize] == s[8]
}

/// NIE: X/Y/Z (0/1/2) + 7 digits + check letter.
pub(super) fn es_nie(v: &[u8]) -> bool {
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
pub(super) fn es_nif(v: &[u8]) -> bool {
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
pub(super) fn es_cif(v: &[u8]) -> bool {
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
pub(super) fn es_nss(v: &[u8]) -> bool {
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
pub(super) fn es_passport(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 9 || !all_alpha(&s[..2]) {
        return false;
    }
    let start = if s[2].is_ascii_uppercase() { 3 } else { 2 };
    all_digits(&s[start..]) && !junk_digits(&s[start..])
}

#[cfg(test)]
mod tests {
    use super::super::lookup;

    fn check(name: &str, cases: &[(&str, bool)]) {
        let f = lookup(name).unwrap_or_else(|| panic!("validator {name}"));
        for (v, ok) in cases {
            assert_eq!(f(v.as_bytes()), *ok, "{name}({v:?})");
        }
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
}
