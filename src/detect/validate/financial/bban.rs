//! Validates national BBAN check digits (FR RIB key, IT CIN, ES CCC, and the
//! other published national rules) and the national BBAN forms (FR, DE, IT,
//! ES, UK, UK sort code and account).

use super::cards::digits_junk;
use super::iban::{bban_shape_ok, iban_chars_ok, Nat};
use crate::detect::validate::common::{alnum_upper, digits, iso7064_mod11_10_ok, luhn_ok, mod97};

pub(super) fn dv(c: u8) -> u32 {
    c.wrapping_sub(b'0') as u32
}

/// Decimal value mod 97 of a digit string.
fn dec_mod97(s: &[u8]) -> u32 {
    s.iter().fold(0, |r, &c| (r * 10 + dv(c)) % 97)
}

/// French RIB key: 89·bank + 15·branch + 3·account + key ≡ 0 (mod 97),
/// account letters mapped A–I→1–9, J–R→1–9, S–Z→2–9.
fn fr_rib_ok(b: &[u8]) -> bool {
    if b.len() != 23 {
        return false;
    }
    let mut acc = 0u32;
    for &c in &b[10..21] {
        let x = match c {
            b'0'..=b'9' => c - b'0',
            b'A'..=b'I' => c - b'A' + 1,
            b'J'..=b'R' => c - b'J' + 1,
            b'S'..=b'Z' => c - b'S' + 2,
            _ => return false,
        };
        acc = (acc * 10 + x as u32) % 97;
    }
    if !b[..10].iter().chain(&b[21..]).all(u8::is_ascii_digit) {
        return false;
    }
    // the key is 97 - r, so 01..=97 (`00` is congruent to 97 but never issued)
    (1..=97).contains(&last2(b))
        && (89 * dec_mod97(&b[0..5]) + 15 * dec_mod97(&b[5..10]) + 3 * acc + dec_mod97(&b[21..23]))
            % 97
            == 0
}

/// Italian CIN: a letter computed from ABI, CAB and account (odd positions
/// through a fixed table, even positions by value).
fn it_cin_ok(b: &[u8]) -> bool {
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    if b.len() != 23 || !b[0].is_ascii_uppercase() {
        return false;
    }
    let mut s = 0u32;
    for (i, &c) in b[1..].iter().enumerate() {
        let v = match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'A'..=b'Z' => (c - b'A') as u32,
            _ => return false,
        };
        s += if i % 2 == 0 { ODD[v as usize] } else { v };
    }
    b[0] == b'A' + (s % 26) as u8
}

/// Spanish CCC: two control digits (bank+branch, account), weights
/// 1,2,4,8,5,10,9,7,3,6 mod 11 (10→1, 11→0).
fn es_ccc_ok(b: &[u8]) -> bool {
    const W: [u32; 10] = [1, 2, 4, 8, 5, 10, 9, 7, 3, 6];
    if b.len() != 20 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let f = |s: u32| match 11 - s % 11 {
        11 => 0,
        10 => 1,
        x => x,
    };
    let d1 = f(b[0..8].iter().zip(&W[2..]).map(|(&c, &w)| dv(c) * w).sum());
    let d2 = f(b[10..20].iter().zip(&W).map(|(&c, &w)| dv(c) * w).sum());
    dv(b[8]) == d1 && dv(b[9]) == d2
}

fn weighted(d: &[u8], w: &[u32]) -> u32 {
    d.iter().zip(w).map(|(&c, &w)| dv(c) * w).sum()
}

/// Value of the last two digits (100 when they are not digits).
fn last2(b: &[u8]) -> u32 {
    match b {
        [.., x, y] if x.is_ascii_digit() && y.is_ascii_digit() => dv(*x) * 10 + dv(*y),
        _ => 100,
    }
}

pub(super) fn national_ok(nat: Nat, b: &[u8]) -> bool {
    let digit_at = |i: usize| b.get(i).map(|&c| dv(c)).unwrap_or(99);
    match nat {
        Nat::None => true,
        // The two check digits of the ISO 7064 forms lie in 02..=98 (01..=97
        // for the remainder-0 variant): `00`/`01`/`99` are congruent to a
        // valid pair but never issued.
        Nat::Mod97One => mod97(b.iter().copied()) == 1 && (2..=98).contains(&last2(b)),
        Nat::Mod97Zero => mod97(b.iter().copied()) == 0 && (1..=97).contains(&last2(b)),
        Nat::FrRib => fr_rib_ok(b),
        Nat::ItCin => it_cin_ok(b),
        Nat::EsCcc => es_ccc_ok(b),
        Nat::CzSk => {
            b.len() == 20
                && weighted(&b[4..10], &[10, 5, 8, 4, 2, 1]) % 11 == 0
                && weighted(&b[10..20], &[6, 3, 7, 9, 10, 5, 8, 4, 2, 1]) % 11 == 0
        }
        Nat::Ee => {
            if b.len() != 16 {
                return false;
            }
            const W: [u32; 3] = [7, 3, 1];
            let s: u32 = b[2..15]
                .iter()
                .rev()
                .enumerate()
                .map(|(i, &c)| dv(c) * W[i % 3])
                .sum();
            (10 - s % 10) % 10 == digit_at(15)
        }
        Nat::Fi => b.len() == 14 && luhn_ok(b),
        Nat::Is => {
            if b.len() != 22 {
                return false;
            }
            let h = &b[12..22];
            let r = weighted(&h[..8], &[3, 2, 7, 6, 5, 4, 3, 2]) % 11;
            let c = if r == 0 { 0 } else { 11 - r };
            c < 10 && c == dv(h[8])
        }
        Nat::Pl => {
            b.len() == 24
                && (10 - weighted(&b[..7], &[3, 9, 7, 1, 3, 9, 7]) % 10) % 10 == digit_at(7)
        }
        Nat::Hu => {
            if b.len() != 24 {
                return false;
            }
            const W: [u32; 4] = [9, 7, 3, 1];
            let s1: u32 = b[0..7]
                .iter()
                .enumerate()
                .map(|(i, &c)| dv(c) * W[i % 4])
                .sum();
            let s2: u32 = b[8..23]
                .iter()
                .enumerate()
                .map(|(i, &c)| dv(c) * W[i % 4])
                .sum();
            (10 - s1 % 10) % 10 == digit_at(7) && (10 - s2 % 10) % 10 == digit_at(23)
        }
        Nat::Hr => b.len() == 17 && iso7064_mod11_10_ok(&b[..7]) && iso7064_mod11_10_ok(&b[7..]),
        Nat::Tr => b.get(5) == Some(&b'0'),
        Nat::De => matches!(b.first(), Some(b'1'..=b'8')),
    }
}

/// A BBAN form that may carry a swallowed IBAN prefix (`FR76 ` before the
/// BBAN): with the prefix it must be a valid IBAN of `cc`, without it the
/// national BBAN rule `bban_ok` decides.
fn bban_or_iban(v: &[u8], cc: &[u8; 2], bban_len: usize, bban_ok: fn(&[u8]) -> bool) -> bool {
    let a = alnum_upper(v);
    let a = a.as_bytes();
    if a.len() == bban_len + 4
        && a[0].is_ascii_uppercase()
        && a[1].is_ascii_uppercase()
        && a[2].is_ascii_digit()
        && a[3].is_ascii_digit()
    {
        return &a[..2] == cc && iban_chars_ok(a);
    }
    a.len() == bban_len && !a.iter().all(|&x| x == a[0]) && bban_ok(a)
}

pub(super) fn fr_bban(v: &[u8]) -> bool {
    bban_or_iban(v, b"FR", 23, |b| {
        bban_shape_ok(b"5n5n11c2n", b) && fr_rib_ok(b)
    })
}

pub(super) fn de_bban(v: &[u8]) -> bool {
    bban_or_iban(v, b"DE", 18, |b| {
        bban_shape_ok(b"8n10n", b)
            && national_ok(Nat::De, b)
            && !digits_junk(&b[8..])
            && !b[8..].iter().all(|&c| c == b'0')
    })
}

pub(super) fn it_bban(v: &[u8]) -> bool {
    bban_or_iban(v, b"IT", 23, |b| {
        bban_shape_ok(b"1a5n5n12c", b) && it_cin_ok(b)
    })
}

pub(super) fn es_bban(v: &[u8]) -> bool {
    bban_or_iban(v, b"ES", 20, |b| es_ccc_ok(b) && !digits_junk(&b[10..]))
}

pub(super) fn gb_bban(v: &[u8]) -> bool {
    bban_or_iban(v, b"GB", 18, |b| {
        bban_shape_ok(b"4a6n8n", b) && !digits_junk(&b[10..]) && !b[4..].iter().all(|&c| c == b'0')
    })
}

/// UK sort code and account number (`60-16-13 31926819`): 6 + 8 digits,
/// neither part a placeholder.
pub(super) fn gb_sort_account(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    b.len() == 14 && !digits_junk(&b[6..]) && !b[..6].iter().all(|&c| c == b'0') && !digits_junk(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::validate::Validator;

    fn check(f: Validator, name: &str, cases: &[(&str, bool)]) {
        for (s, ok) in cases {
            assert_eq!(f(s.as_bytes()), *ok, "{name}({s:?})");
        }
    }

    #[test]
    fn bban_forms() {
        check(
            fr_bban,
            "fr_bban",
            &[
                ("30006 00001 12345678901 89", true),
                ("30006000011234567890189", true),
                ("30006 00001 12345678901 88", false),
                ("FR76 3000 6000 0112 3456 7890 189", true),
                ("FR00 3000 6000 0112 3456 7890 189", false),
                ("DE76 3000 6000 0112 3456 7890 189", false),
            ],
        );
        check(
            de_bban,
            "de_bban",
            &[
                ("370400440532013000", true),
                ("37040044 0532013000", true),
                ("070400440532013000", false),
                ("370400440000000000", false),
                ("DE89 3704 0044 0532 0130 00", true),
                ("DE88 3704 0044 0532 0130 00", false),
            ],
        );
        check(
            it_bban,
            "it_bban",
            &[
                ("X0542811101000000123456", true),
                ("X 05428 11101 000000123456", true),
                ("Y0542811101000000123456", false),
            ],
        );
        check(
            es_bban,
            "es_bban",
            &[
                ("2100 0418 45 0200051332", true),
                ("21000418450200051332", true),
                ("2100 0418 46 0200051332", false),
            ],
        );
        check(
            gb_bban,
            "gb_bban",
            &[
                ("NWBK60161331926819", true),
                ("NWBK 6016 1331 9268 19", true),
                ("NWBK60161300000000", false),
                ("GB29NWBK60161331926819", true),
                ("GB28NWBK60161331926819", false),
            ],
        );
        check(
            gb_sort_account,
            "gb_sort_account",
            &[
                ("60-16-13 31926819", true),
                ("60-16-13 11111111", false),
                ("00-00-00 31926819", false),
            ],
        );
    }
}
