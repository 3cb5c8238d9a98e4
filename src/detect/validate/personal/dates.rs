//! Validates dates of birth: numeric and month-name forms in English, French,
//! German, Spanish, Italian and Portuguese, checked against the real calendar
//! and today's date.

use super::text::{fold, in_list, is_letter, num_of, today};
use crate::detect::validate::common::valid_date;

// ───────────────────────────── date of birth ─────────────────────────────

/// Month names and abbreviations in English, French, German, Spanish,
/// Italian and Portuguese (lower case, UTF-8).
const MONTHS: &[(&str, u32)] = &[
    ("january", 1),
    ("jan", 1),
    ("janvier", 1),
    ("janv", 1),
    ("januar", 1),
    ("jänner", 1),
    ("enero", 1),
    ("ene", 1),
    ("gennaio", 1),
    ("gen", 1),
    ("janeiro", 1),
    ("february", 2),
    ("feb", 2),
    ("février", 2),
    ("fevrier", 2),
    ("févr", 2),
    ("fevr", 2),
    ("fév", 2),
    ("februar", 2),
    ("febrero", 2),
    ("febbraio", 2),
    ("fevereiro", 2),
    ("fev", 2),
    ("march", 3),
    ("mar", 3),
    ("mars", 3),
    ("märz", 3),
    ("maerz", 3),
    ("mär", 3),
    ("mrz", 3),
    ("marzo", 3),
    ("março", 3),
    ("marco", 3),
    ("april", 4),
    ("apr", 4),
    ("avril", 4),
    ("avr", 4),
    ("abril", 4),
    ("abr", 4),
    ("aprile", 4),
    ("may", 5),
    ("mai", 5),
    ("mayo", 5),
    ("maggio", 5),
    ("mag", 5),
    ("maio", 5),
    ("june", 6),
    ("jun", 6),
    ("juin", 6),
    ("juni", 6),
    ("junio", 6),
    ("giugno", 6),
    ("giu", 6),
    ("junho", 6),
    ("july", 7),
    ("jul", 7),
    ("juillet", 7),
    ("juil", 7),
    ("juli", 7),
    ("julio", 7),
    ("luglio", 7),
    ("lug", 7),
    ("julho", 7),
    ("august", 8),
    ("aug", 8),
    ("août", 8),
    ("aout", 8),
    ("agosto", 8),
    ("ago", 8),
    ("september", 9),
    ("sep", 9),
    ("sept", 9),
    ("septembre", 9),
    ("septiembre", 9),
    ("setiembre", 9),
    ("settembre", 9),
    ("set", 9),
    ("setembro", 9),
    ("october", 10),
    ("oct", 10),
    ("octobre", 10),
    ("oktober", 10),
    ("okt", 10),
    ("octubre", 10),
    ("ottobre", 10),
    ("ott", 10),
    ("outubro", 10),
    ("out", 10),
    ("november", 11),
    ("nov", 11),
    ("novembre", 11),
    ("noviembre", 11),
    ("novembro", 11),
    ("december", 12),
    ("dec", 12),
    ("décembre", 12),
    ("decembre", 12),
    ("déc", 12),
    ("dezember", 12),
    ("dez", 12),
    ("diciembre", 12),
    ("dic", 12),
    ("dicembre", 12),
    ("dezembro", 12),
];

fn month_by_name(w: &[u8]) -> Option<u32> {
    let mut buf = [0u8; 32];
    let l = fold(w, &mut buf)?;
    MONTHS
        .iter()
        .find(|(n, _)| n.as_bytes() == l)
        .map(|&(_, m)| m)
}

/// A date of birth: a real calendar date, digits (y-m-d, d/m/y, m/d/y, 2- or
/// 4-digit years, compact yyyymmdd / ddmmyyyy) or with a month name in EN, FR,
/// DE, ES, IT or PT; the same separator between all numeric parts; year from
/// 1900 and not after today.
pub(super) fn date_of_birth(v: &[u8]) -> bool {
    let mut nums = [(0u32, 0usize); 3];
    let mut nn = 0;
    let mut month: Option<u32> = None;
    let mut seps = [0u8; 2];
    let mut i = 0;
    while i < v.len() {
        let b = v[i];
        if b.is_ascii_digit() {
            let s = i;
            while i < v.len() && v[i].is_ascii_digit() {
                i += 1;
            }
            if nn == 3 || i - s > 8 {
                return false;
            }
            nums[nn] = (num_of(&v[s..i]), i - s);
            nn += 1;
            if nn <= 2 && i < v.len() {
                seps[nn - 1] = v[i];
            }
        } else if is_letter(b) {
            let s = i;
            while i < v.len() && is_letter(v[i]) {
                i += 1;
            }
            let w = &v[s..i];
            if in_list(w, &["st", "nd", "rd", "th", "er", "de", "of", "del", "o"]) {
                continue;
            }
            match month_by_name(w) {
                Some(m) if month.is_none() => month = Some(m),
                _ => return false,
            }
        } else {
            i += 1;
        }
    }
    let (ty, tm, td) = today();
    let ok = |y: u32, m: u32, d: u32| y >= 1900 && valid_date(y, m, d) && (y, m, d) <= (ty, tm, td);
    let year = |x: u32, len: usize| -> Option<u32> {
        match len {
            4 => Some(x),
            2 => Some(if x <= ty % 100 { 2000 + x } else { 1900 + x }),
            _ => None,
        }
    };
    if let Some(m) = month {
        if nn != 2 {
            return false;
        }
        let ((d, dl), (y, yl)) = if nums[0].1 == 4 {
            (nums[1], nums[0])
        } else {
            (nums[0], nums[1])
        };
        return dl <= 2 && year(y, yl).is_some_and(|y| ok(y, m, d));
    }
    match nn {
        1 if nums[0].1 == 8 => {
            let x = nums[0].0;
            let (a, b, c) = (x / 10000, (x / 100) % 100, x % 100);
            let (p, q, r) = (x / 1_000_000, (x / 10000) % 100, x % 10000);
            ok(a, b, c) || ok(r, q, p) || ok(r, p, q)
        }
        3 => {
            if seps[0] != seps[1] {
                return false;
            }
            let [(a, al), (b, bl), (c, cl)] = nums;
            if al == 4 {
                return bl <= 2 && cl <= 2 && ok(a, b, c);
            }
            if al > 2 || bl > 2 {
                return false;
            }
            match year(c, cl) {
                Some(y) => ok(y, b, a) || ok(y, a, b),
                None => false,
            }
        }
        _ => false,
    }
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
    fn dob() {
        let next_year = format!("03/15/{}", today().0 + 1);
        check(
            date_of_birth,
            "dob",
            &[
                ("1985-03-15", true),
                ("15/03/1985", true),
                ("03/15/1985", true),
                ("15.03.1985", true),
                ("15 03 1985", true),
                ("03/15/85", true),
                ("19850315", true),
                ("15 March 1985", true),
                ("March 15, 1985", true),
                ("Mar. 15, 1985", true),
                ("15-Mar-1985", true),
                ("1er mars 1985", true),
                ("15. März 1985", true),
                ("15 de marzo de 1985", true),
                ("15th of March 1985", true),
                ("29 février 1984", true),
                ("1985-Mar-15", true),
                ("02/30/1985", false),
                ("29/02/1985", false),
                ("1899-12-31", false),
                ("2099-01-01", false),
                (next_year.as_str(), false),
                ("15/03-1985", false),
                ("13/13/1985", false),
                ("15 Foo 1985", false),
                ("12345678", false),
                ("30 February 1990", false),
            ],
        );
    }
}
