//! Validates phone numbers against the NANP, UK, FR, DE, IT, ES and BR
//! numbering plans (country code, trunk prefix, lengths, junk digit runs).

use crate::detect::validate::common::{digits, Digits};

// ───────────────────────────── phone numbers ─────────────────────────────

/// A phone value split into its digits: where the national significant
/// number starts, whether it was written with a country code, and how many
/// digits the first group of a nationally written number has.
struct Phone {
    d: Digits,
    nsn: usize,
    intl: bool,
    first_group: usize,
}

impl Phone {
    fn n(&self) -> &[u8] {
        self.d.as_bytes().get(self.nsn..).unwrap_or(&[])
    }
}

/// Split a phone value for country code `cc`. `trunk`: the country dials a
/// national `0` that is dropped after the country code (UK, FR, DE, BR);
/// `trunk_required`: a nationally written number must start with it.
fn phone_split(v: &[u8], cc: &[u8], trunk: bool, trunk_required: bool) -> Option<Phone> {
    // an extension (`x123`, `ext. 123`, `#123`) is not part of the number
    let v = match v
        .iter()
        .position(|&b| matches!(b, b'x' | b'X' | b'e' | b'E' | b'#' | b';'))
    {
        Some(p) => &v[..p],
        None => v,
    };
    let d = digits(v);
    if d.len() > 16 || d.len() < 6 {
        return None;
    }
    let b = d.as_bytes();
    let start = v.iter().position(|&c| c.is_ascii_digit() || c == b'+')?;
    let (mut nsn, intl) = if v[start] == b'+' {
        if !b.starts_with(cc) {
            return None;
        }
        (cc.len(), true)
    } else if b.len() > 2 + cc.len() && b[0] == b'0' && b[1] == b'0' && &b[2..2 + cc.len()] == cc {
        (2 + cc.len(), true)
    } else if b[0] == b'0' && b[1] == b'0' {
        // an international prefix for another country
        return None;
    } else {
        (0, false)
    };
    if trunk && b.get(nsn) == Some(&b'0') {
        nsn += 1;
    } else if !intl && trunk_required {
        return None;
    }
    let mut first_group = 0;
    if !intl {
        // `(020) 7946 0958`: `start` is already inside the parentheses
        let mut i = start;
        while i < v.len() && v[i].is_ascii_digit() {
            first_group += 1;
            i += 1;
        }
    }
    Some(Phone {
        d,
        nsn,
        intl,
        first_group,
    })
}

/// Placeholder numbers: all one digit, the last seven all one digit, or a
/// run of six or more consecutive ascending or descending digits.
fn phone_junk(n: &[u8]) -> bool {
    if n.is_empty() || n.iter().all(|&b| b == n[0]) {
        return true;
    }
    if n.len() >= 7 && n[n.len() - 7..].iter().all(|&b| b == n[n.len() - 1]) {
        return true;
    }
    let (mut up, mut down) = (1, 1);
    for w in n.windows(2) {
        up = if w[1] == w[0].wrapping_add(1) {
            up + 1
        } else {
            1
        };
        down = if w[1].wrapping_add(1) == w[0] {
            down + 1
        } else {
            1
        };
        if up >= 6 || down >= 6 {
            return true;
        }
    }
    false
}

/// NANP (US, Canada, Caribbean): 10 digits after an optional `1` / `+1`;
/// area code and exchange start 2–9, neither is N11, area code's middle digit
/// is not 9 (unassigned), no placeholder digit runs.
pub(super) fn phone_us_ca(v: &[u8]) -> bool {
    let Some(p) = phone_split(v, b"1", false, false) else {
        return false;
    };
    let mut n = p.n();
    if !p.intl && n.len() == 11 && n[0] == b'1' {
        n = &n[1..];
    }
    if n.len() != 10 {
        return false;
    }
    let npa_ok = (b'2'..=b'9').contains(&n[0]) && n[1] != b'9' && !(n[1] == b'1' && n[2] == b'1');
    let nxx_ok = (b'2'..=b'9').contains(&n[3]) && !(n[4] == b'1' && n[5] == b'1');
    npa_ok && nxx_ok && !phone_junk(n)
}

/// UK (Ofcom plan): 10-digit national significant number (9 for some 01
/// areas and 0800), leading digits 1x, 2[03489], 3[0347], 5[56], 7x,
/// 8[047], 9[018]; a nationally written first group of 3 digits is only
/// `02x` (London style), 5–6 only `01…`/`07…`.
pub(super) fn phone_uk(v: &[u8]) -> bool {
    let Some(p) = phone_split(v, b"44", true, true) else {
        return false;
    };
    let n = p.n();
    if n.len() < 9 {
        return false;
    }
    let prefix_ok = match n[0] {
        // 011x: 0113-0118; 01x1: 0121, 0131, 0141, 0151, 0161, 0191 (0171/0181 retired)
        b'1' if n[1] == b'1' => (b'3'..=b'8').contains(&n[2]),
        b'1' if n[2] == b'1' => matches!(n[1], b'2' | b'3' | b'4' | b'5' | b'6' | b'9'),
        b'1' => n[1] != b'0',
        b'2' => matches!(n[1], b'0' | b'3' | b'4' | b'8' | b'9'),
        b'3' => matches!(n[1], b'0' | b'3' | b'4' | b'7'),
        b'5' => matches!(n[1], b'5' | b'6'),
        b'7' => true,
        b'8' => matches!(n[1], b'0' | b'4' | b'7'),
        b'9' => matches!(n[1], b'0' | b'1' | b'8'),
        _ => false,
    };
    let len_ok = n.len() == 10 || (n.len() == 9 && (n[0] == b'1' || n.starts_with(b"800")));
    let group_ok = p.intl
        || match p.first_group {
            3 => n[0] == b'2',
            4 => n[0] != b'7',
            5 | 6 => n[0] == b'1' || n[0] == b'7',
            g => g == p.d.len(),
        };
    prefix_ok && len_ok && group_ok && !phone_junk(n)
}

/// France: 9-digit national significant number after the trunk `0` or +33,
/// first digit 1–9.
pub(super) fn phone_fr(v: &[u8]) -> bool {
    let Some(p) = phone_split(v, b"33", true, true) else {
        return false;
    };
    let n = p.n();
    n.len() == 9 && n[0] != b'0' && !phone_junk(n)
}

/// Germany: 7–12 digits after the trunk `0` or +49; `1…` only as mobile
/// 15x/16x/17x (10–11 digits) or 180 services; a nationally written 3-digit
/// first group is only one of the four 2-digit area codes (030, 040, 069, 089).
pub(super) fn phone_de(v: &[u8]) -> bool {
    let Some(p) = phone_split(v, b"49", true, true) else {
        return false;
    };
    let n = p.n();
    if !(7..=12).contains(&n.len()) {
        return false;
    }
    let prefix_ok = match n[0] {
        b'1' => {
            (matches!(n[1], b'5' | b'6' | b'7') && (10..=11).contains(&n.len()))
                || n.starts_with(b"180")
        }
        b'2'..=b'9' => true,
        _ => false,
    };
    let group_ok = p.intl
        || match p.first_group {
            3 => matches!(&n[..2], b"30" | b"40" | b"69" | b"89"),
            4..=6 => true,
            g => g == p.d.len(),
        };
    prefix_ok && group_ok && !phone_junk(n)
}

/// Italy (no trunk prefix, the leading 0 of landlines is dialled after +39):
/// landline `0…` 7–11 digits, mobile `3[1-9]…` 9–10 digits, `80[03]`, `84x`,
/// `89x` services 9–10 digits.
pub(super) fn phone_it(v: &[u8]) -> bool {
    let Some(p) = phone_split(v, b"39", false, false) else {
        return false;
    };
    let n = p.n();
    if n.len() < 7 {
        return false;
    }
    let ok = match n[0] {
        b'0' => (7..=11).contains(&n.len()),
        b'3' => n[1] != b'0' && (9..=10).contains(&n.len()),
        b'8' => match n[1] {
            b'0' => matches!(n[2], b'0' | b'3') && n.len() == 9,
            b'4' => matches!(n[2], b'0' | b'7' | b'8') && n.len() == 9,
            b'9' => (b'2'..=b'9').contains(&n[2]) && (9..=10).contains(&n.len()),
            _ => false,
        },
        _ => false,
    };
    // Milan (02) and Rome (06) have 2-digit area codes: a nationally written
    // first group `020…`/`06x…` of 3+ digits is not Italian (London 020 …).
    let group_ok = p.intl
        || p.first_group < 3
        || p.first_group == p.d.len()
        || !(n.starts_with(b"02") || n.starts_with(b"06"));
    ok && group_ok && !phone_junk(n)
}

/// Spain: 9 digits, `6…` and `7[1-4]…` mobile, `8[1-8]…` / `9[1-8]…`
/// geographic, `90x` services.
pub(super) fn phone_es(v: &[u8]) -> bool {
    let Some(p) = phone_split(v, b"34", false, false) else {
        return false;
    };
    let n = p.n();
    if n.len() != 9 {
        return false;
    }
    let ok = match n[0] {
        b'6' => true,
        b'7' => (b'1'..=b'4').contains(&n[1]),
        b'8' => (b'1'..=b'8').contains(&n[1]),
        b'9' => n[1] != b'9',
        _ => false,
    };
    ok && !phone_junk(n)
}

/// Brazil: a real two-digit area code (DDD) then 9 digits starting with 9
/// (mobile) or 8 digits starting 2–5 (landline); optional trunk `0`.
pub(super) fn phone_br(v: &[u8]) -> bool {
    let Some(p) = phone_split(v, b"55", true, false) else {
        return false;
    };
    let n = p.n();
    if n.len() != 10 && n.len() != 11 {
        return false;
    }
    const DDD: &[u8] = &[
        11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 22, 24, 27, 28, 31, 32, 33, 34, 35, 37, 38, 41, 42,
        43, 44, 45, 46, 47, 48, 49, 51, 53, 54, 55, 61, 62, 63, 64, 65, 66, 67, 68, 69, 71, 73, 74,
        75, 77, 79, 81, 82, 83, 84, 85, 86, 87, 88, 89, 91, 92, 93, 94, 95, 96, 97, 98, 99,
    ];
    let ddd = (n[0] - b'0') * 10 + (n[1] - b'0');
    if !DDD.contains(&ddd) {
        return false;
    }
    let sub_ok = if n.len() == 11 {
        n[2] == b'9'
    } else {
        (b'2'..=b'5').contains(&n[2])
    };
    sub_ok && !phone_junk(&n[2..])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::validate::Validator;

    fn check(f: Validator, name: &str, table: &[(&str, bool)]) {
        for (s, ok) in table {
            assert_eq!(f(s.as_bytes()), *ok, "{name}({s:?})");
        }
    }

    #[test]
    fn phones() {
        check(
            phone_us_ca,
            "us",
            &[
                ("(212) 555-0147", true),
                ("212-555-0147", true),
                ("+1 415 867 5309", true),
                ("1-800-642-7676", true),
                ("+1 (604) 555-0192", true),
                ("2125550147", true),
                ("212-555-0147x1234", true),
                ("(212)555-0147 ext. 22", true),
                ("(123) 555-0147", false),
                ("212-911-0147", false),
                ("411-555-0147", false),
                ("292-555-0147", false),
                ("234-567-8901", false),
                ("212-555-555", false),
                ("999-999-9999", false),
            ],
        );
        check(
            phone_uk,
            "uk",
            &[
                ("020 7946 0958", true),
                ("07700 900123", true),
                ("+44 20 7946 0958", true),
                ("+44 (0)161 496 0123", true),
                ("0161 496 0123", true),
                ("01632 960123", true),
                ("0044 7700 900123", true),
                ("0800 731 456", true),
                ("+44 20 7946 095", false),
                ("040 7946 0958", false),
                ("030 12345678", false),
                ("0661 496 0123", false),
                ("0171 4729183", false),
                ("0113 496 0781", true),
                ("07777 777777", false),
                ("02 079 460 958", false),
            ],
        );
        check(
            phone_fr,
            "fr",
            &[
                ("01 42 68 53 00", true),
                ("06 12 45 78 93", true),
                ("+33 1 42 68 53 00", true),
                ("+33 (0)6 12 45 78 93", true),
                ("0033 6 12 45 78 93", true),
                ("0142685300", true),
                ("01 23 45 67 89", false),
                ("+33 1 42 68 53", false),
                ("00 42 68 53 00", false),
                ("06 66 66 66 66", false),
            ],
        );
        check(
            phone_de,
            "de",
            &[
                ("030 8841273", true),
                ("(089) 2180 3344", true),
                ("0171 4729183", true),
                ("+49 30 8841273", true),
                ("+49 (0)221 9384711", true),
                ("0049 171 4729183", true),
                ("06221 547812", true),
                ("030 1234567", false),
                ("020 7946 0958", false),
                ("0111 4729183", false),
                ("+49 30 12", false),
                ("0171 47291", false),
            ],
        );
        check(
            phone_it,
            "it",
            &[
                ("06 6982 1234", true),
                ("347 218 4563", true),
                ("+39 02 8901 7345", true),
                ("+39 347 218 4563", true),
                ("800 123 456", false),
                ("800 813 456", true),
                ("800 642 7676", false),
                ("020 7946 0958", false),
                ("0612345678", false),
                ("0669821734", true),
                ("0039 06 6982 1234", true),
                ("447 218 4563", false),
                ("307 218 4563", false),
                ("+39 347 21", false),
                ("333 333 3333", false),
            ],
        );
        check(
            phone_es,
            "es",
            &[
                ("912 345 678", false),
                ("913 874 215", true),
                ("91 387 42 15", true),
                ("612 48 39 71", true),
                ("+34 612 483 971", true),
                ("0034 913 874 215", true),
                ("512 483 971", false),
                ("752 483 971", false),
                ("+34 612 483 97", false),
                ("666 666 666", false),
            ],
        );
        check(
            phone_br,
            "br",
            &[
                ("(11) 98765-4321", false),
                ("(11) 97452-8163", true),
                ("(21) 3847-2915", true),
                ("+55 11 97452-8163", true),
                ("+55 (21) 3847-2915", true),
                ("011 97452-8163", true),
                ("11974528163", true),
                ("(20) 97452-8163", false),
                ("(11) 87452-8163", false),
                ("(21) 7847-2915", false),
                ("+55 11 9745-816", false),
            ],
        );
        assert!(phone_junk(b"2345678901"));
        assert!(!phone_junk(b"2125550147"));
    }
}
