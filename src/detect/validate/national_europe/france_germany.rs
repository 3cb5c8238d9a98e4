//! Validates French identifiers (NIR, SPI, passport, permis de conduire) and
//! German identifiers (Personalausweis, Reisepass, Steuer-IdNr, Steuernummer,
//! Führerschein).

use super::helpers::{all_alpha, all_digits, dv, icao_check, junk_digits, num};
use crate::detect::validate::common::{alnum_upper, digits, iso7064_mod11_10_ok};

// ---------------------------------------------------------------- France

/// NIR (INSEE / sécurité sociale): sex 1/2 (7/8 temporary), year, month
/// 01–12 or the INSEE special ranges 20–42 and 50–99, department (2A/2B for
/// Corsica), commune, order, key = 97 − (13-digit number mod 97) with 2A→19,
/// 2B→18.
pub(super) fn fr_nir(v: &[u8]) -> bool {
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
pub(super) fn fr_spi(v: &[u8]) -> bool {
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

pub(super) fn fr_passport(v: &[u8]) -> bool {
    fr_2d2l5d(alnum_upper(v).as_bytes())
}

/// French permis de conduire: 12 digits (pre-2013) or 2 digits + 2 letters + 5 digits.
pub(super) fn fr_dl(v: &[u8]) -> bool {
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
/// L M N P R T V W X Y, 8 serial characters of the document alphabet (digits
/// and C F G H J K L M N P R T V W X Y Z, not a filler run), optional ICAO
/// 9303 check digit; without the check digit the serial must contain both a
/// letter and a digit. The old
/// all-digit cards expired by 2020 and are not matched (a 10-digit number
/// near "ID number" passes their check one time in ten).
pub(super) fn de_id(v: &[u8]) -> bool {
    de_document(v, b"LMNPRTVWXY")
}

/// Reisepass: C F G H J K, 8 serial characters (any mix), optional
/// ICAO check digit; without it the serial must contain a letter (a letter +
/// 8 digits without a check digit is also a US passport shape).
pub(super) fn de_passport(v: &[u8]) -> bool {
    de_document(v, b"CFGHJK")
}

/// The shared shape of German ID cards and passports: a first letter from
/// `first`, 8 serial characters (not a run of filler digits), and an
/// optional ICAO 9303 check digit. The alphabet (BSI, ICAO 9303 document
/// number) mixes digits and letters freely: serials with one or two digits
/// (or none) are as real as the digit-heavy specimens. Without the check
/// digit the serial needs a letter (letter + 8 digits is the US passport
/// shape) and a digit (letters only is a placeholder or a word).
fn de_document(v: &[u8], first: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if !(9..=10).contains(&s.len())
        || !first.contains(&s[0])
        || !s[..9].iter().all(|&c| de_doc_char(c))
    {
        return false;
    }
    let d = digits(&s[1..9]);
    // Filler only matters when the serial is mostly digits (`P12345678`);
    // `HM88J8RYC` repeats a digit by chance.
    if d.len() >= 6 && junk_digits(d.as_bytes()) {
        return false;
    }
    if s.len() == 10 {
        return s[9].is_ascii_digit() && icao_check(&s[..9]) == Some(dv(s[9]));
    }
    if d.is_empty() {
        return false;
    }
    // Without its check digit, a letter + 8 digits is too common a shape
    // (member, patient, ticket ids): require a letter in the serial too.
    d.len() < 8
}

/// Steuerliche Identifikationsnummer: 11 digits, first not 0; in the first
/// ten exactly one digit occurs twice or three times (never three in a row)
/// and every other at most once; ISO 7064 MOD 11,10 check digit.
pub(super) fn de_taxid(v: &[u8]) -> bool {
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
pub(super) fn de_steuernummer(v: &[u8]) -> bool {
    let d = digits(v);
    (10..=11).contains(&d.len()) && !junk_digits(d.as_bytes())
}

/// Führerschein (EU card): authority char, 2 digits, 6 alnum, 1 digit, 1 alnum,
/// with at least 4 digits overall and not a filler run.
pub(super) fn de_dl(v: &[u8]) -> bool {
    let a = alnum_upper(v);
    let s = a.as_bytes();
    if s.len() != 11 {
        return false;
    }
    let nd = s.iter().filter(|c| c.is_ascii_digit()).count();
    let d = digits(s);
    nd >= 4 && !junk_digits(d.as_bytes())
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
                ("P12345678", false), // filler digits
                ("A22000129", false), // A is not an authority letter
                ("TXXXXXXXX", false), // no digits
                ("L5XY9PTXC", true),  // one digit is enough
                ("M9K9NHL9J3", true), // a digit repeated by chance is not filler
                ("VVKYMZWYM7", true), // letters only, but its check digit holds
                ("VVKYMZWYM", false), // letters only without a check digit
                ("YVVTLKF19", true),
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
}
