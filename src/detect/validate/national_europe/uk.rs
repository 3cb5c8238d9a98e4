//! Validates United Kingdom identifiers: driving licence, National Insurance
//! number (NINO), NHS number, passport, UTR/TRN tax references and electoral
//! roll numbers.

use super::helpers::{all_alpha, all_digits, date_2digit_year, dv, junk_digits};
use crate::detect::validate::common::{alnum_upper, digits};

// ---------------------------------------------------------------- United Kingdom

/// UK (DVLA) driving licence: 5 surname chars (letters, padded with 9s),
/// decade digit, month (+50 for women), day, year digit, 2 initials (second
/// may be 9), a digit, 2 check characters. The embedded birth date must be real.
pub(super) fn uk_dl(v: &[u8]) -> bool {
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
pub(super) fn uk_nino(v: &[u8]) -> bool {
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
pub(super) fn uk_nhs(v: &[u8]) -> bool {
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
pub(super) fn uk_passport(v: &[u8]) -> bool {
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
pub(super) fn uk_tax(v: &[u8]) -> bool {
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
pub(super) fn uk_electoral(v: &[u8]) -> bool {
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
}
