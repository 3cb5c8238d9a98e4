//! Validators for general personal data: dates of birth, GPS coordinates,
//! vehicle identification numbers, phone numbers (NANP, UK, FR, DE, IT, ES, BR
//! numbering plans), full names, mailing addresses (US/CA/AU, UK, DE/FR/ES/IT),
//! email addresses, IPv4 and MAC addresses.
//!
//! In: the matched bytes (separators included). Out: keep or drop.
//! Why: these detectors match loose shapes (a date, ten digits, two capitalised
//! words); the rules that make them precise are real calendars, numbering
//! plans, check digits and word lists, which belong here and not in regexes.
//! Nothing here allocates: tokens are byte-slice ranges on the stack.

use super::common::{digits, valid_date, Digits};
use super::Validator;
use chrono::Datelike;

// ───────────────────────────── shared helpers ─────────────────────────────

/// Today's date (UTC) as (year, month, day).
fn today() -> (u32, u32, u32) {
    let t = chrono::Utc::now().date_naive();
    (t.year().max(0) as u32, t.month(), t.day())
}

/// Lower-case a word into `buf`: ASCII and Latin-1 upper-case letters encoded
/// as `C3 80..9E` in UTF-8 are folded. Returns the used prefix, or `None` when
/// the word is longer than the buffer.
fn fold<'a>(w: &[u8], buf: &'a mut [u8; 32]) -> Option<&'a [u8]> {
    if w.len() > buf.len() {
        return None;
    }
    let mut i = 0;
    while i < w.len() {
        let b = w[i];
        buf[i] = b.to_ascii_lowercase();
        if b == 0xC3 && i + 1 < w.len() && (0x80..=0x9E).contains(&w[i + 1]) && w[i + 1] != 0x97 {
            buf[i + 1] = w[i + 1] + 0x20;
            i += 2;
            continue;
        }
        i += 1;
    }
    Some(&buf[..w.len()])
}

/// Whether `w` (any case) is one of `list` (lower-case entries).
fn in_list(w: &[u8], list: &[&str]) -> bool {
    let mut buf = [0u8; 32];
    let Some(l) = fold(w, &mut buf) else {
        return false;
    };
    list.iter().any(|x| x.as_bytes() == l)
}

/// Whether `w` (any case) is in `sorted` (lower-case entries in byte order).
fn in_sorted(w: &[u8], sorted: &[&str]) -> bool {
    let mut buf = [0u8; 32];
    let Some(l) = fold(w, &mut buf) else {
        return false;
    };
    sorted.binary_search_by(|x| x.as_bytes().cmp(l)).is_ok()
}

fn is_letter(b: u8) -> bool {
    b.is_ascii_alphabetic() || b >= 0x80
}

/// Up to 24 tokens of `v` split on spaces, tabs, newlines and commas, as
/// (start, end) ranges. Returns the array and the count.
fn tokens(v: &[u8]) -> ([(usize, usize); 24], usize) {
    let mut out = [(0usize, 0usize); 24];
    let mut n = 0;
    let mut i = 0;
    while i < v.len() && n < out.len() {
        while i < v.len() && matches!(v[i], b' ' | b'\t' | b'\r' | b'\n' | b',' | b';') {
            i += 1;
        }
        let s = i;
        while i < v.len() && !matches!(v[i], b' ' | b'\t' | b'\r' | b'\n' | b',' | b';') {
            i += 1;
        }
        if i > s {
            out[n] = (s, i);
            n += 1;
        }
    }
    (out, n)
}

/// A token without trailing dots (`St.` → `St`).
fn trim_dots(w: &[u8]) -> &[u8] {
    let mut e = w.len();
    while e > 0 && w[e - 1] == b'.' {
        e -= 1;
    }
    &w[..e]
}

fn all_digits(w: &[u8]) -> bool {
    !w.is_empty() && w.iter().all(u8::is_ascii_digit)
}

fn num_of(w: &[u8]) -> u32 {
    w.iter().fold(0u32, |a, &b| {
        a.saturating_mul(10).saturating_add((b - b'0') as u32)
    })
}

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
fn date_of_birth(v: &[u8]) -> bool {
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

// ───────────────────────────── GPS coordinates ─────────────────────────────

/// Signed decimal numbers in `v` (at most 2): (value, decimals).
fn decimals(v: &[u8]) -> ([(f64, usize); 2], usize) {
    let mut out = [(0.0f64, 0usize); 2];
    let mut n = 0;
    let mut i = 0;
    while i < v.len() && n < 2 {
        if v[i].is_ascii_digit() {
            let neg = i > 0 && v[i - 1] == b'-';
            let mut int: f64 = 0.0;
            while i < v.len() && v[i].is_ascii_digit() {
                int = int * 10.0 + (v[i] - b'0') as f64;
                i += 1;
            }
            let mut frac = 0.0;
            let mut dec = 0usize;
            if i + 1 < v.len() && v[i] == b'.' && v[i + 1].is_ascii_digit() {
                i += 1;
                let mut scale = 0.1;
                while i < v.len() && v[i].is_ascii_digit() {
                    frac += (v[i] - b'0') as f64 * scale;
                    scale /= 10.0;
                    dec += 1;
                    i += 1;
                }
            }
            let x = int + frac;
            out[n] = (if neg { -x } else { x }, dec);
            n += 1;
        } else {
            i += 1;
        }
    }
    (out, n)
}

/// A latitude/longitude pair in decimal degrees: |lat| ≤ 90, |lon| ≤ 180, at
/// least 3 decimals each, not both within 1° of 0 (0.125, 0.500 is a ratio,
/// not a place), hemisphere letters (N/S/E/W) in the right order when present.
fn latlong_pair(v: &[u8]) -> bool {
    let (n, k) = decimals(v);
    if k != 2 {
        return false;
    }
    let ((lat, ld), (lon, od)) = (n[0], n[1]);
    if ld < 3
        || od < 3
        || lat.abs() > 90.0
        || lon.abs() > 180.0
        || (lat.abs() < 1.0 && lon.abs() < 1.0)
    {
        return false;
    }
    // N/S must come before E/W when hemisphere letters are used (and are
    // the only letters: `LATITUDE`/`LONGITUDE` labels are not hemispheres)
    if v.iter()
        .any(|&b| b.is_ascii_alphabetic() && !matches!(b, b'N' | b'S' | b'E' | b'W'))
    {
        return true;
    }
    let ns = v.iter().position(|&b| b == b'N' || b == b'S');
    let ew = v.iter().position(|&b| b == b'E' || b == b'W');
    match (ns, ew) {
        (Some(a), Some(b)) => a < b,
        _ => true,
    }
}

/// A bracketed pair as GeoJSON writes it (`[lon, lat]`) or as most APIs do
/// (`[lat, lon]`): valid when either reading is a position.
fn latlong_any_order(v: &[u8]) -> bool {
    if latlong_pair(v) {
        return true;
    }
    let (n, k) = decimals(v);
    if k != 2 {
        return false;
    }
    let ((lon, od), (lat, ld)) = (n[0], n[1]);
    ld >= 3
        && od >= 3
        && lat.abs() <= 90.0
        && lon.abs() <= 180.0
        && !(lat.abs() < 1.0 && lon.abs() < 1.0)
}

// ───────────────────────────── VIN ─────────────────────────────

fn vin_value(b: u8) -> u32 {
    match b {
        b'0'..=b'9' => (b - b'0') as u32,
        b'A' | b'J' => 1,
        b'B' | b'K' | b'S' => 2,
        b'C' | b'L' | b'T' => 3,
        b'D' | b'M' | b'U' => 4,
        b'E' | b'N' | b'V' => 5,
        b'F' | b'W' => 6,
        b'G' | b'P' | b'X' => 7,
        b'H' | b'Y' => 8,
        b'R' | b'Z' => 9,
        _ => 0,
    }
}

/// ISO 3779 / 49 CFR 565 check character of a 17-character VIN.
fn vin_check_char(v: &[u8]) -> u8 {
    const W: [u32; 17] = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
    let s: u32 = v.iter().zip(W).map(|(&b, w)| vin_value(b) * w).sum::<u32>() % 11;
    if s == 10 {
        b'X'
    } else {
        b'0' + s as u8
    }
}

/// VIN: 17 characters from `0-9 A-Z` without I, O, Q, letters and digits
/// both present, no run of 7 identical characters; North American VINs (WMI
/// starting 1–5) must carry the right check digit in position 9.
fn vin(v: &[u8]) -> bool {
    if v.len() != 17 {
        return false;
    }
    let (mut letters, mut nums) = (0, 0);
    for &b in v {
        match b {
            b'0'..=b'9' => nums += 1,
            b'I' | b'O' | b'Q' => return false,
            b'A'..=b'Z' => letters += 1,
            _ => return false,
        }
    }
    if letters == 0 || nums == 0 || v.windows(7).any(|w| w.iter().all(|&b| b == w[0])) {
        return false;
    }
    if (b'1'..=b'5').contains(&v[0]) {
        return v[8] == vin_check_char(v);
    }
    true
}

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
fn phone_us_ca(v: &[u8]) -> bool {
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
fn phone_uk(v: &[u8]) -> bool {
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
fn phone_fr(v: &[u8]) -> bool {
    let Some(p) = phone_split(v, b"33", true, true) else {
        return false;
    };
    let n = p.n();
    n.len() == 9 && n[0] != b'0' && !phone_junk(n)
}

/// Germany: 7–12 digits after the trunk `0` or +49; `1…` only as mobile
/// 15x/16x/17x (10–11 digits) or 180 services; a nationally written 3-digit
/// first group is only one of the four 2-digit area codes (030, 040, 069, 089).
fn phone_de(v: &[u8]) -> bool {
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
fn phone_it(v: &[u8]) -> bool {
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
fn phone_es(v: &[u8]) -> bool {
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
fn phone_br(v: &[u8]) -> bool {
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

// ───────────────────────────── names ─────────────────────────────

/// Lower-case particles allowed between the capitalised parts of a name.
const NAME_PARTICLES: &[&str] = &[
    "af", "al", "av", "bin", "binti", "da", "das", "de", "del", "della", "dello", "den", "der",
    "des", "di", "do", "dos", "du", "e", "el", "ibn", "la", "le", "ten", "ter", "van", "vom",
    "von", "y", "zu",
];

/// Capitalised words that start sentences, headings and organisation names
/// but are not names: calendar words, function words, this detector's own
/// keywords and form labels, organisation / place / street words, job titles,
/// generic nouns, card and form labels (lower case, sorted for binary search).
const NAME_STOP: &[&str] = &[
    "a",
    "about",
    "access",
    "account",
    "accounts",
    "acct",
    "active",
    "address",
    "admin",
    "administrator",
    "admission",
    "after",
    "afternoon",
    "ag",
    "age",
    "agency",
    "agent",
    "agreement",
    "airport",
    "all",
    "allergies",
    "alpha",
    "amazon",
    "america",
    "american",
    "amex",
    "amount",
    "an",
    "analyst",
    "and",
    "annual",
    "any",
    "apartment",
    "apellido",
    "apellidos",
    "api",
    "app",
    "apple",
    "applicant",
    "application",
    "appointment",
    "approved",
    "apr",
    "apt",
    "are",
    "arena",
    "as",
    "assistant",
    "associate",
    "association",
    "at",
    "attention",
    "attn",
    "aug",
    "ave",
    "avenue",
    "average",
    "back",
    "balance",
    "bank",
    "basic",
    "batch",
    "be",
    "bed",
    "before",
    "beneficiary",
    "benefit",
    "benefits",
    "best",
    "beta",
    "big",
    "birthday",
    "blvd",
    "board",
    "born",
    "bottom",
    "boulevard",
    "box",
    "british",
    "bucket",
    "building",
    "business",
    "but",
    "bv",
    "by",
    "cafe",
    "call",
    "campaign",
    "capital",
    "cardholder",
    "care",
    "case",
    "center",
    "central",
    "centre",
    "chapter",
    "chart",
    "chief",
    "christmas",
    "chrome",
    "cinema",
    "city",
    "claim",
    "claims",
    "client",
    "clients",
    "clinic",
    "closed",
    "cloud",
    "cluster",
    "co",
    "code",
    "coffee",
    "cognome",
    "college",
    "column",
    "committee",
    "companies",
    "company",
    "conditions",
    "conference",
    "congratulations",
    "consent",
    "consultant",
    "consulting",
    "contact",
    "contacts",
    "contract",
    "coordinator",
    "corp",
    "corporation",
    "cost",
    "council",
    "country",
    "county",
    "court",
    "coverage",
    "cpa",
    "created",
    "ct",
    "customer",
    "customers",
    "daily",
    "dashboard",
    "data",
    "database",
    "date",
    "day",
    "dds",
    "dear",
    "dec",
    "december",
    "default",
    "deleted",
    "demo",
    "department",
    "dept",
    "desk",
    "detail",
    "details",
    "developer",
    "diagnosis",
    "digital",
    "director",
    "directory",
    "discharge",
    "discover",
    "district",
    "dob",
    "doctor",
    "document",
    "documents",
    "down",
    "dr",
    "drive",
    "dropbox",
    "dvm",
    "each",
    "east",
    "easter",
    "edition",
    "email",
    "employee",
    "employees",
    "end",
    "engagement",
    "engineer",
    "engineering",
    "english",
    "enterprises",
    "esq",
    "eu",
    "europe",
    "european",
    "evening",
    "event",
    "events",
    "every",
    "example",
    "excel",
    "executive",
    "exp",
    "experience",
    "expiration",
    "expires",
    "expiry",
    "express",
    "facebook",
    "false",
    "family",
    "fax",
    "feb",
    "february",
    "federal",
    "fedex",
    "feedback",
    "female",
    "festival",
    "field",
    "file",
    "files",
    "finance",
    "financial",
    "firefox",
    "first",
    "floor",
    "for",
    "form",
    "forms",
    "foundation",
    "frau",
    "free",
    "french",
    "fri",
    "friday",
    "from",
    "front",
    "full",
    "fund",
    "fw",
    "fwd",
    "gala",
    "gallery",
    "gender",
    "general",
    "german",
    "github",
    "gitlab",
    "given",
    "global",
    "gmbh",
    "gold",
    "good",
    "google",
    "government",
    "grand",
    "great",
    "grill",
    "gross",
    "group",
    "guest",
    "handbook",
    "happy",
    "he",
    "head",
    "health",
    "healthcare",
    "hello",
    "help",
    "her",
    "here",
    "herr",
    "hi",
    "high",
    "highway",
    "his",
    "history",
    "holder",
    "holdings",
    "holiday",
    "holidays",
    "home",
    "hospital",
    "hotel",
    "how",
    "hr",
    "hubspot",
    "human",
    "id",
    "if",
    "in",
    "inactive",
    "inbox",
    "inc",
    "incident",
    "industries",
    "info",
    "information",
    "initiative",
    "institute",
    "insurance",
    "insured",
    "intake",
    "international",
    "internet",
    "into",
    "invoice",
    "invoices",
    "iphone",
    "is",
    "issue",
    "it",
    "italian",
    "item",
    "items",
    "its",
    "january",
    "javascript",
    "journey",
    "jul",
    "july",
    "jun",
    "junior",
    "key",
    "keys",
    "kind",
    "kingdom",
    "lab",
    "labs",
    "lane",
    "large",
    "last",
    "launch",
    "lead",
    "left",
    "legal",
    "level",
    "library",
    "limited",
    "line",
    "linkedin",
    "linux",
    "list",
    "lite",
    "llc",
    "llp",
    "ln",
    "login",
    "logout",
    "long",
    "lookup",
    "lot",
    "low",
    "loyalty",
    "lp",
    "ltd",
    "macbook",
    "madam",
    "mail",
    "mailchimp",
    "main",
    "male",
    "management",
    "manager",
    "mar",
    "march",
    "market",
    "marketing",
    "mastercard",
    "max",
    "maximum",
    "md",
    "media",
    "medical",
    "medium",
    "meeting",
    "meetings",
    "member",
    "message",
    "messages",
    "meta",
    "microsoft",
    "middle",
    "mini",
    "minimum",
    "ministry",
    "miss",
    "mission",
    "mlle",
    "mme",
    "mob",
    "mobile",
    "model",
    "modified",
    "mon",
    "monday",
    "month",
    "monthly",
    "morning",
    "mr",
    "mrn",
    "mrs",
    "ms",
    "museum",
    "my",
    "n/a",
    "na",
    "nachname",
    "name",
    "names",
    "national",
    "net",
    "network",
    "new",
    "next",
    "nhs",
    "night",
    "no",
    "nom",
    "nombre",
    "nome",
    "none",
    "north",
    "not",
    "note",
    "notes",
    "notice",
    "notification",
    "notifications",
    "nov",
    "november",
    "null",
    "number",
    "nurse",
    "nv",
    "oct",
    "october",
    "of",
    "office",
    "officer",
    "old",
    "on",
    "onboarding",
    "onedrive",
    "online",
    "open",
    "operations",
    "or",
    "order",
    "orders",
    "other",
    "our",
    "out",
    "outlet",
    "outlook",
    "over",
    "overview",
    "owner",
    "page",
    "park",
    "part",
    "partners",
    "passenger",
    "password",
    "patient",
    "patients",
    "payment",
    "payments",
    "paypal",
    "pending",
    "per",
    "personal",
    "ph",
    "pharmacy",
    "phd",
    "phone",
    "physician",
    "pizza",
    "place",
    "plan",
    "plans",
    "playstation",
    "plaza",
    "plc",
    "please",
    "plus",
    "points",
    "policy",
    "portal",
    "powerpoint",
    "preferences",
    "premium",
    "prenom",
    "prescription",
    "president",
    "previous",
    "price",
    "primary",
    "privacy",
    "private",
    "pro",
    "product",
    "products",
    "prof",
    "profile",
    "program",
    "programme",
    "project",
    "projects",
    "prénom",
    "pty",
    "public",
    "query",
    "rd",
    "re",
    "receipt",
    "recipient",
    "record",
    "records",
    "ref",
    "referral",
    "regards",
    "region",
    "rejected",
    "relations",
    "relationship",
    "release",
    "report",
    "reports",
    "representative",
    "republic",
    "request",
    "requests",
    "resources",
    "restaurant",
    "results",
    "review",
    "reward",
    "rewards",
    "right",
    "road",
    "room",
    "route",
    "sa",
    "safari",
    "safety",
    "sales",
    "salesforce",
    "sample",
    "sarl",
    "sas",
    "sat",
    "satisfaction",
    "saturday",
    "schedule",
    "school",
    "search",
    "secondary",
    "section",
    "security",
    "see",
    "segment",
    "senior",
    "sep",
    "sept",
    "september",
    "series",
    "server",
    "servers",
    "service",
    "services",
    "settings",
    "sex",
    "sharepoint",
    "she",
    "shop",
    "short",
    "sig",
    "signature",
    "signed",
    "silver",
    "sin",
    "since",
    "sincerely",
    "sir",
    "site",
    "small",
    "so",
    "society",
    "software",
    "solutions",
    "south",
    "spa",
    "spanish",
    "specialist",
    "square",
    "srl",
    "ssn",
    "st",
    "stadium",
    "staff",
    "standard",
    "start",
    "state",
    "statement",
    "states",
    "status",
    "store",
    "street",
    "studios",
    "subject",
    "success",
    "suite",
    "sum",
    "summary",
    "sunday",
    "support",
    "surname",
    "survey",
    "system",
    "systems",
    "table",
    "tax",
    "tbd",
    "team",
    "teams",
    "technologies",
    "technology",
    "tel",
    "tenant",
    "terms",
    "terrace",
    "test",
    "testing",
    "thank",
    "thanks",
    "that",
    "the",
    "theater",
    "theatre",
    "their",
    "there",
    "these",
    "they",
    "this",
    "those",
    "thru",
    "thu",
    "thursday",
    "ticket",
    "tickets",
    "tier",
    "time",
    "title",
    "to",
    "today",
    "token",
    "tomorrow",
    "top",
    "total",
    "town",
    "training",
    "treatment",
    "trial",
    "true",
    "trust",
    "tue",
    "tuesday",
    "twitter",
    "type",
    "typescript",
    "uk",
    "ultra",
    "under",
    "unit",
    "united",
    "units",
    "university",
    "unknown",
    "until",
    "up",
    "update",
    "updated",
    "us",
    "usa",
    "user",
    "username",
    "users",
    "valid",
    "vat",
    "ventures",
    "version",
    "via",
    "village",
    "visa",
    "visit",
    "vorname",
    "ward",
    "was",
    "way",
    "we",
    "web",
    "website",
    "wed",
    "wednesday",
    "week",
    "weekly",
    "welcome",
    "wellness",
    "west",
    "what",
    "when",
    "where",
    "which",
    "who",
    "why",
    "widget",
    "widgets",
    "windows",
    "with",
    "word",
    "wordpress",
    "work",
    "xbox",
    "year",
    "yes",
    "yesterday",
    "you",
    "your",
    "youtube",
];

fn name_word_ok(w: &[u8]) -> Option<bool> {
    // Some(true): a name part; Some(false): skip (particle, initial); None: reject
    if w.is_empty() {
        return Some(false);
    }
    if in_sorted(w, NAME_PARTICLES) && w[0].is_ascii_lowercase() {
        return Some(false);
    }
    if (w.len() == 2 && w[1] == b'.') || (w.len() == 1 && w[0].is_ascii_uppercase()) {
        return Some(false);
    }
    for part in w.split(|&b| b == b'-') {
        let part = trim_dots(part);
        if in_sorted(part, NAME_STOP) {
            return None;
        }
    }
    Some(true)
}

/// A full name: 2–4 capitalised parts (particles and initials aside), none
/// of them a calendar word, keyword, function word, organisation or place
/// word, and not all parts the same.
fn full_name(v: &[u8]) -> bool {
    let mut parts = 0;
    let mut first: &[u8] = &[];
    let mut all_same = true;
    for w in v.split(|&b| b == b' ' || b == b',') {
        match name_word_ok(w) {
            None => return false,
            Some(false) => {}
            Some(true) => {
                if parts == 0 {
                    first = w;
                } else if !w.eq_ignore_ascii_case(first) {
                    all_same = false;
                }
                parts += 1;
            }
        }
    }
    (2..=4).contains(&parts) && !all_same
}

// ───────────────────────────── addresses ─────────────────────────────

/// English street designators (USPS suffixes and UK/AU/CA usage), lower
/// case, no dots, sorted for binary search.
const STREET_SUFFIX_EN: &[&str] = &[
    "alley",
    "aly",
    "anex",
    "anx",
    "approach",
    "arc",
    "arcade",
    "av",
    "ave",
    "avenue",
    "bayou",
    "bch",
    "beach",
    "bend",
    "blf",
    "blfs",
    "bluff",
    "bluffs",
    "blvd",
    "bnd",
    "bottom",
    "boulevard",
    "boulevarde",
    "brae",
    "branch",
    "brg",
    "bridge",
    "brk",
    "brks",
    "broadway",
    "brook",
    "brooks",
    "btm",
    "burg",
    "burgs",
    "bvd",
    "byp",
    "bypass",
    "byu",
    "byway",
    "camp",
    "canyon",
    "cape",
    "causeway",
    "cct",
    "center",
    "centers",
    "chase",
    "cir",
    "circle",
    "circles",
    "circuit",
    "circus",
    "cirs",
    "cl",
    "clb",
    "clf",
    "clfs",
    "cliff",
    "cliffs",
    "close",
    "club",
    "cmn",
    "cmns",
    "common",
    "commons",
    "concourse",
    "cor",
    "corner",
    "corners",
    "cors",
    "corso",
    "course",
    "court",
    "courts",
    "cove",
    "coves",
    "cpe",
    "creek",
    "cres",
    "crescent",
    "crest",
    "crk",
    "croft",
    "crossing",
    "crossroad",
    "crossroads",
    "crossway",
    "crse",
    "crst",
    "cswy",
    "ct",
    "ctr",
    "ctrs",
    "cts",
    "curv",
    "curve",
    "cvs",
    "cyn",
    "dale",
    "dam",
    "dene",
    "divide",
    "dr",
    "drive",
    "drives",
    "drove",
    "drs",
    "embankment",
    "esplanade",
    "est",
    "estate",
    "estates",
    "ests",
    "expressway",
    "expy",
    "ext",
    "extension",
    "extensions",
    "exts",
    "fall",
    "falls",
    "ferry",
    "field",
    "fields",
    "flat",
    "flats",
    "fld",
    "flds",
    "fls",
    "flt",
    "flts",
    "fold",
    "ford",
    "fords",
    "forest",
    "forge",
    "forges",
    "fork",
    "forks",
    "fort",
    "frd",
    "frds",
    "freeway",
    "frg",
    "frgs",
    "frk",
    "frks",
    "frst",
    "fry",
    "fwy",
    "garden",
    "gardens",
    "garth",
    "gate",
    "gateway",
    "gdn",
    "gdns",
    "glade",
    "glen",
    "glens",
    "gln",
    "glns",
    "grange",
    "green",
    "greens",
    "greenway",
    "grn",
    "grns",
    "grove",
    "groves",
    "grv",
    "grvs",
    "gtwy",
    "harbor",
    "harbors",
    "haven",
    "hbr",
    "hbrs",
    "heights",
    "highway",
    "hill",
    "hills",
    "hls",
    "hollow",
    "holw",
    "hts",
    "hvn",
    "hwy",
    "inlet",
    "inlt",
    "island",
    "islands",
    "isle",
    "jct",
    "jcts",
    "junction",
    "junctions",
    "key",
    "keys",
    "knl",
    "knls",
    "knoll",
    "knolls",
    "kys",
    "lake",
    "lakes",
    "land",
    "landing",
    "lane",
    "lck",
    "lcks",
    "ldg",
    "lea",
    "lgt",
    "lgts",
    "light",
    "lights",
    "lks",
    "ln",
    "lndg",
    "loaf",
    "lock",
    "locks",
    "lodge",
    "loop",
    "mall",
    "manor",
    "manors",
    "mdw",
    "mdws",
    "mead",
    "meadow",
    "meadows",
    "mews",
    "mill",
    "mills",
    "mission",
    "mls",
    "mnr",
    "mnrs",
    "motorway",
    "mount",
    "mountain",
    "mountains",
    "msn",
    "mt",
    "mtn",
    "mtns",
    "mtwy",
    "nck",
    "neck",
    "nook",
    "opas",
    "orch",
    "orchard",
    "oval",
    "overpass",
    "paddock",
    "parade",
    "park",
    "parks",
    "parkway",
    "parkways",
    "pass",
    "passage",
    "path",
    "pde",
    "pike",
    "pine",
    "pines",
    "pkwy",
    "pl",
    "place",
    "plain",
    "plains",
    "plaza",
    "pln",
    "plns",
    "plz",
    "pne",
    "pnes",
    "point",
    "points",
    "port",
    "ports",
    "prairie",
    "promenade",
    "prt",
    "prts",
    "psge",
    "pt",
    "pts",
    "quay",
    "radial",
    "radl",
    "ramble",
    "ramp",
    "ranch",
    "rapid",
    "rapids",
    "rd",
    "rdg",
    "rdgs",
    "rds",
    "reach",
    "rest",
    "retreat",
    "ridge",
    "ridges",
    "rise",
    "riv",
    "river",
    "rnch",
    "road",
    "roads",
    "route",
    "row",
    "rpd",
    "rpds",
    "rst",
    "rte",
    "rue",
    "run",
    "shl",
    "shls",
    "shoal",
    "shoals",
    "shore",
    "shores",
    "shr",
    "shrs",
    "skwy",
    "skyway",
    "smt",
    "spg",
    "spgs",
    "spring",
    "springs",
    "spur",
    "spurs",
    "sq",
    "sqs",
    "square",
    "squares",
    "st",
    "sta",
    "station",
    "str",
    "stra",
    "strand",
    "stravenue",
    "stream",
    "street",
    "streets",
    "strm",
    "sts",
    "summit",
    "tce",
    "ter",
    "terrace",
    "throughway",
    "tpke",
    "trace",
    "track",
    "trafficway",
    "trail",
    "trailer",
    "trak",
    "trce",
    "trfy",
    "trl",
    "trlr",
    "trwy",
    "tunl",
    "tunnel",
    "turnpike",
    "underpass",
    "union",
    "unions",
    "upas",
    "vale",
    "valley",
    "valleys",
    "via",
    "viaduct",
    "view",
    "views",
    "village",
    "villages",
    "ville",
    "vis",
    "vista",
    "vlg",
    "vlgs",
    "vly",
    "vlys",
    "vws",
    "walk",
    "walks",
    "walkway",
    "wall",
    "way",
    "ways",
    "well",
    "wells",
    "wharf",
    "wls",
    "wy",
    "wynd",
    "xing",
    "xrd",
    "xrds",
    "yard",
];

/// Unit designators that may sit between the street and the town.
const UNIT_WORDS: &[&str] = &[
    "#",
    "apartment",
    "apt",
    "bldg",
    "box",
    "building",
    "dept",
    "e",
    "east",
    "fl",
    "flat",
    "floor",
    "level",
    "lot",
    "lvl",
    "n",
    "ne",
    "north",
    "nw",
    "po",
    "rm",
    "room",
    "s",
    "se",
    "south",
    "ste",
    "suite",
    "sw",
    "trlr",
    "unit",
    "w",
    "west",
];

const US_STATES: &[&str] = &[
    "aa", "ae", "ak", "al", "ap", "ar", "as", "az", "ca", "co", "ct", "dc", "de", "fl", "fm", "ga",
    "gu", "hi", "ia", "id", "il", "in", "ks", "ky", "la", "ma", "md", "me", "mh", "mi", "mn", "mo",
    "mp", "ms", "mt", "nc", "nd", "ne", "nh", "nj", "nm", "nv", "ny", "oh", "ok", "or", "pa", "pr",
    "pw", "ri", "sc", "sd", "tn", "tx", "ut", "va", "vi", "vt", "wa", "wi", "wv", "wy",
];

const US_STATE_NAMES: &[&str] = &[
    "alabama",
    "alaska",
    "arizona",
    "arkansas",
    "california",
    "colorado",
    "connecticut",
    "delaware",
    "florida",
    "georgia",
    "hawaii",
    "idaho",
    "illinois",
    "indiana",
    "iowa",
    "kansas",
    "kentucky",
    "louisiana",
    "maine",
    "maryland",
    "massachusetts",
    "michigan",
    "minnesota",
    "mississippi",
    "missouri",
    "montana",
    "nebraska",
    "nevada",
    "ohio",
    "oklahoma",
    "oregon",
    "pennsylvania",
    "tennessee",
    "texas",
    "utah",
    "vermont",
    "virginia",
    "washington",
    "wisconsin",
    "wyoming",
];

const US_STATE_NAMES_2: &[(&str, &str)] = &[
    ("new", "hampshire"),
    ("new", "jersey"),
    ("new", "mexico"),
    ("new", "york"),
    ("north", "carolina"),
    ("north", "dakota"),
    ("rhode", "island"),
    ("south", "carolina"),
    ("south", "dakota"),
    ("west", "virginia"),
    ("puerto", "rico"),
];

const CA_PROVINCES: &[&str] = &[
    "ab", "bc", "mb", "nb", "nl", "ns", "nt", "nu", "on", "pe", "qc", "sk", "yt",
];
const AU_STATES: &[&str] = &["act", "nsw", "nt", "qld", "sa", "tas", "vic", "wa"];

fn ca_postal_ok(p: &[u8]) -> bool {
    // A1A1A1 with the space removed
    p.len() == 6
        && b"ABCEGHJKLMNPRSTVXY".contains(&p[0])
        && p[1].is_ascii_digit()
        && p[2].is_ascii_uppercase()
        && !b"DFIOQU".contains(&p[2])
        && p[3].is_ascii_digit()
        && p[4].is_ascii_uppercase()
        && !b"DFIOQU".contains(&p[4])
        && p[5].is_ascii_digit()
}

/// The street part (tokens `0..end`) starts with a house number or PO box,
/// has a street designator after at least one name word (or is a PO box), and
/// a town word follows it before `end`.
fn street_then_town(v: &[u8], t: &[(usize, usize)], end: usize, suffixes: &[&str]) -> bool {
    if end < 3 {
        return false;
    }
    let tok = |i: usize| &v[t[i].0..t[i].1];
    let mut i = 0;
    // UK "Flat 3," / "Studio 5a" / "Unit 5" before the house number (or the street)
    let flat = in_list(
        trim_dots(tok(0)),
        &[
            "flat",
            "studio",
            "apartment",
            "apt",
            "unit",
            "suite",
            "room",
        ],
    );
    if flat {
        i = 2;
    }
    if i >= end {
        return false;
    }
    let first = tok(i);
    // `Flat 12\nSmith crescent\nLake Janet\nW1 2AB`: no house number
    let name_from = if flat && !first[0].is_ascii_digit() {
        i
    } else {
        i + 1
    };
    let po_box = in_list(trim_dots(first), &["po", "p.o", "pob", "post"])
        || first.eq_ignore_ascii_case(b"P.O.");
    let mut street_end = None;
    if po_box {
        // `PO Box 123` / `P.O. Box 123` / `Post Office Box 123`
        let mut j = i + 1;
        while j < end && !all_digits(tok(j)) {
            j += 1;
        }
        if j < end {
            street_end = Some(j);
        }
    } else {
        if !first[0].is_ascii_digit() && !flat {
            return false;
        }
        for k in name_from + 1..end {
            let w = trim_dots(tok(k));
            if in_sorted(w, suffixes) {
                street_end = Some(k);
                break;
            }
        }
    }
    let Some(se) = street_end else { return false };
    // a town: an alphabetic, capitalised, non-unit token after the street
    (se + 1..end).any(|k| {
        let w = tok(k);
        w[0].is_ascii_uppercase()
            && w.len() >= 2
            && w.iter()
                .all(|&b| is_letter(b) || b == b'.' || b == b'\'' || b == b'-')
            && !in_sorted(trim_dots(w), UNIT_WORDS)
    })
}

/// US / Canadian / Australian address: house number (or PO box), street
/// name with a designator, optional unit, town, then a real USPS state code
/// or state name + ZIP (5 or 5+4), a Canadian province + postal code (A1A
/// 1A1, valid letters), or an Australian state + 4-digit postcode.
fn address_us(v: &[u8]) -> bool {
    let (t, n) = tokens(v);
    if n < 4 {
        return false;
    }
    let tok = |i: usize| &v[t[i].0..t[i].1];
    let last = tok(n - 1);
    let prev = tok(n - 2);
    // Canada: "ON M5V 2T6" or "ON M5V2T6"
    let mut cbuf = [0u8; 8];
    let mut cl = 0;
    for &b in prev.iter().chain(last.iter()) {
        if cl < 8 {
            cbuf[cl] = b;
            cl += 1;
        }
    }
    if prev.len() == 3 && last.len() == 3 && ca_postal_ok(&cbuf[..cl.min(6)]) && cl == 6 && n >= 5 {
        return in_sorted(tok(n - 3), CA_PROVINCES)
            && tok(n - 3).iter().all(u8::is_ascii_uppercase)
            && street_then_town(v, &t, n - 3, STREET_SUFFIX_EN);
    }
    if last.len() == 6 && ca_postal_ok(last) {
        return in_sorted(prev, CA_PROVINCES)
            && prev.iter().all(u8::is_ascii_uppercase)
            && street_then_town(v, &t, n - 2, STREET_SUFFIX_EN);
    }
    // Australia: "NSW 2000"
    if last.len() == 4 && all_digits(last) {
        let pc = num_of(last);
        return (200..=9999).contains(&pc)
            && in_sorted(prev, AU_STATES)
            && prev.iter().all(u8::is_ascii_uppercase)
            && street_then_town(v, &t, n - 2, STREET_SUFFIX_EN);
    }
    // United States: ZIP or ZIP+4
    let zip5 = if last.len() == 5 {
        last
    } else if last.len() == 10 && last[5] == b'-' {
        &last[..5]
    } else {
        return false;
    };
    if !all_digits(zip5) || zip5 == b"00000" || (last.len() == 10 && !all_digits(&last[6..])) {
        return false;
    }
    if prev.len() == 2 && prev.iter().all(u8::is_ascii_uppercase) && in_sorted(prev, US_STATES) {
        return street_then_town(v, &t, n - 2, STREET_SUFFIX_EN);
    }
    if in_sorted(prev, US_STATE_NAMES) {
        return street_then_town(v, &t, n - 2, STREET_SUFFIX_EN);
    }
    if n >= 6 {
        let p2 = tok(n - 3);
        let mut a = [0u8; 32];
        let mut b = [0u8; 32];
        if let (Some(x), Some(y)) = (fold(p2, &mut a), fold(prev, &mut b)) {
            if US_STATE_NAMES_2
                .iter()
                .any(|(s1, s2)| s1.as_bytes() == x && s2.as_bytes() == y)
            {
                return street_then_town(v, &t, n - 3, STREET_SUFFIX_EN);
            }
        }
    }
    false
}

/// UK postcode (outward + inward, space optional) per the Royal Mail letter
/// rules, or GIR 0AA.
fn uk_postcode_ok(out: &[u8], inw: &[u8]) -> bool {
    if out == b"GIR" && inw == b"0AA" {
        return true;
    }
    let inw_ok = inw.len() == 3
        && inw[0].is_ascii_digit()
        && inw[1..]
            .iter()
            .all(|&b| b.is_ascii_uppercase() && !b"CIKMOV".contains(&b));
    if !inw_ok
        || out.len() < 2
        || out.len() > 4
        || !out[0].is_ascii_uppercase()
        || b"QVX".contains(&out[0])
    {
        return false;
    }
    let up = |b: u8| b.is_ascii_uppercase();
    let dg = |b: u8| b.is_ascii_digit();
    match out.len() {
        2 => dg(out[1]),                                                          // A9
        3 if dg(out[1]) && dg(out[2]) => true,                                    // A99
        3 if dg(out[1]) && up(out[2]) => b"ABCDEFGHJKPSTUW".contains(&out[2]),    // A9A
        3 if up(out[1]) && dg(out[2]) => !b"IJZ".contains(&out[1]),               // AA9
        4 if up(out[1]) && dg(out[2]) && dg(out[3]) => !b"IJZ".contains(&out[1]), // AA99
        4 if up(out[1]) && dg(out[2]) && up(out[3]) => {
            !b"IJZ".contains(&out[1]) && b"ABEHMNPRVWXY".contains(&out[3])
        } // AA9A
        _ => false,
    }
}

/// UK address: house number (optionally after `Flat 3,`), street with a
/// designator, town, and a valid postcode.
fn address_uk(v: &[u8]) -> bool {
    let (t, n) = tokens(v);
    if n < 4 {
        return false;
    }
    let tok = |i: usize| &v[t[i].0..t[i].1];
    let last = tok(n - 1);
    let (ok, end) = if last.len() == 3 && uk_postcode_ok(tok(n - 2), last) {
        (true, n - 2)
    } else if (5..=7).contains(&last.len()) {
        let (o, i) = last.split_at(last.len() - 3);
        (uk_postcode_ok(o, i), n - 1)
    } else {
        (false, 0)
    };
    ok && street_then_town(v, &t, end, STREET_SUFFIX_EN)
}

/// Street types that come first (FR, ES, IT; lower case).
const STREET_TYPE_ROMANCE: &[(&str, u8)] = &[
    // France
    ("rue", b'F'),
    ("avenue", b'F'),
    ("av", b'F'),
    ("bd", b'F'),
    ("boulevard", b'F'),
    ("place", b'F'),
    ("chemin", b'F'),
    ("allée", b'F'),
    ("allee", b'F'),
    ("impasse", b'F'),
    ("quai", b'F'),
    ("cours", b'F'),
    ("route", b'F'),
    ("square", b'F'),
    ("passage", b'F'),
    ("voie", b'F'),
    ("faubourg", b'F'),
    ("fbg", b'F'),
    ("cité", b'F'),
    ("cite", b'F'),
    ("résidence", b'F'),
    ("hameau", b'F'),
    ("sentier", b'F'),
    ("promenade", b'F'),
    ("esplanade", b'F'),
    ("parvis", b'F'),
    ("villa", b'F'),
    ("traverse", b'F'),
    ("montée", b'F'),
    ("quartier", b'F'),
    ("domaine", b'F'),
    ("lotissement", b'F'),
    ("chaussée", b'F'),
    ("ruelle", b'F'),
    ("rond-point", b'F'),
    ("lieu-dit", b'F'),
    // Spain
    ("calle", b'E'),
    ("c/", b'E'),
    ("cl", b'E'),
    ("avenida", b'E'),
    ("avda", b'E'),
    ("paseo", b'E'),
    ("pº", b'E'),
    ("plaza", b'E'),
    ("pza", b'E'),
    ("carretera", b'E'),
    ("ctra", b'E'),
    ("camino", b'E'),
    ("ronda", b'E'),
    ("travesía", b'E'),
    ("travesia", b'E'),
    ("rambla", b'E'),
    ("glorieta", b'E'),
    ("urbanización", b'E'),
    ("urb", b'E'),
    ("callejón", b'E'),
    ("pasaje", b'E'),
    ("vía", b'E'),
    ("bulevar", b'E'),
    ("cuesta", b'E'),
    ("costanilla", b'E'),
    ("gran", b'E'),
    // Italy
    ("via", b'I'),
    ("viale", b'I'),
    ("v.le", b'I'),
    ("piazza", b'I'),
    ("p.zza", b'I'),
    ("piazzale", b'I'),
    ("corso", b'I'),
    ("c.so", b'I'),
    ("largo", b'I'),
    ("vicolo", b'I'),
    ("strada", b'I'),
    ("lungomare", b'I'),
    ("lungotevere", b'I'),
    ("lungarno", b'I'),
    ("contrada", b'I'),
    ("località", b'I'),
    ("loc", b'I'),
    ("borgo", b'I'),
    ("salita", b'I'),
    ("galleria", b'I'),
    ("vico", b'I'),
    ("rotonda", b'I'),
    ("canale", b'I'),
    ("incrocio", b'I'),
    ("stretto", b'I'),
    ("piazzetta", b'I'),
    ("lungolago", b'I'),
    ("calata", b'I'),
    ("vicolo", b'I'),
    ("traversa", b'I'),
    ("circonvallazione", b'I'),
    ("fondamenta", b'I'),
];

/// German street name endings (compound words) and stand-alone words.
const STREET_DE: &[&str] = &[
    "allee",
    "anger",
    "berg",
    "bruecke",
    "brücke",
    "chaussee",
    "damm",
    "feld",
    "gang",
    "garten",
    "gasse",
    "graben",
    "hoehe",
    "hof",
    "höhe",
    "kai",
    "kamp",
    "landstraße",
    "markt",
    "park",
    "pfad",
    "platz",
    "promenade",
    "ring",
    "steig",
    "stieg",
    "str",
    "strasse",
    "straße",
    "tor",
    "twiete",
    "ufer",
    "wall",
    "weg",
    "winkel",
    "zeile",
];

fn ends_with_fold(w: &[u8], suffix: &str) -> bool {
    let mut buf = [0u8; 32];
    let Some(l) = fold(w, &mut buf) else {
        return false;
    };
    l.ends_with(suffix.as_bytes())
}

/// DE / FR / ES / IT address: a street with a street type (German compound
/// ending like `-straße`, `-weg`, `-platz` or a Romance type word like `rue`,
/// `calle`, `via`), a house number, a 5-digit postcode valid for a country
/// that uses that street type (DE 01–99, FR 01–95/97/98, ES 01–52, IT
/// 00010–98168), then a town.
fn address_eu(v: &[u8]) -> bool {
    let (t, n) = tokens(v);
    if n < 4 {
        return false;
    }
    let tok = |i: usize| &v[t[i].0..t[i].1];
    // postcode: the last 5-digit token followed by a town word, or at the
    // very end after the town (Spanish `Madrid, 28013`)
    let mut pc_idx = None;
    let starts_alpha = |i: usize| tok(i).first().is_some_and(|&b| is_letter(b));
    for i in (1..n).rev() {
        let mut w = tok(i);
        if let Some(p) = w.iter().position(|&b| b == b'-') {
            if p <= 2 && w[..p].iter().all(u8::is_ascii_uppercase) {
                w = &w[p + 1..];
            }
        }
        let town = if i + 1 < n {
            starts_alpha(i + 1)
        } else {
            i >= 3 && starts_alpha(i - 1)
        };
        if w.len() == 5 && all_digits(w) && town {
            pc_idx = Some((i, num_of(w)));
            break;
        }
    }
    let Some((pi, pc)) = pc_idx else { return false };
    let (mut de, mut fr, mut es, mut it) = (false, false, false, false);
    let mut house_number = false;
    for i in 0..pi {
        let w = trim_dots(tok(i));
        if w.first().is_some_and(u8::is_ascii_digit) && w.len() <= 7 {
            house_number = true;
            continue;
        }
        let mut buf = [0u8; 32];
        if let Some(l) = fold(w, &mut buf) {
            for (name, c) in STREET_TYPE_ROMANCE {
                if name.as_bytes() == l {
                    match c {
                        b'F' => fr = true,
                        b'E' => es = true,
                        _ => it = true,
                    }
                }
            }
        }
        if STREET_DE.iter().any(|s| ends_with_fold(w, s)) && w.len() >= 3 {
            de = true;
        }
    }
    // German streets named with a preposition: `Unter den Linden`, `Am Hang`, `An der Alster`
    if in_list(
        tok(0),
        &[
            "am", "an", "auf", "im", "in", "zum", "zur", "unter", "hinter", "vor", "bei", "über",
            "ueber", "alte", "alter", "neue", "neuer", "grosse", "große", "kleine",
        ],
    ) && tok(0)[0].is_ascii_uppercase()
        && pi >= 3
    {
        de = true;
    }
    if !house_number {
        return false;
    }
    let dep = pc / 1000;
    (de && dep >= 1)
        || (fr && ((1..=95).contains(&dep) || dep == 97 || dep == 98))
        || (es && (1..=52).contains(&dep))
        || (it && (10..=98168).contains(&pc))
}

// ───────────────────────────── network and email ─────────────────────────────

/// Email: the generic rules (lengths, TLD, labels, image names), plus no
/// SSH remote (`git@host`) and no file-name or package-version "domain".
fn email_address(v: &[u8]) -> bool {
    let Some(generic) = super::common::lookup("email") else {
        return false;
    };
    if !generic(v) {
        return false;
    }
    let Some(at) = v.iter().rposition(|&b| b == b'@') else {
        return false;
    };
    let (local, domain) = (&v[..at], &v[at + 1..]);
    if local.eq_ignore_ascii_case(b"git") || local.ends_with(b".") {
        return false;
    }
    let tld = domain.rsplit(|&b| b == b'.').next().unwrap_or(&[]);
    const FILE_EXT: &[&str] = &[
        "jsx", "tsx", "vue", "php", "yml", "yaml", "json", "xml", "pdf", "bak", "tmp", "lock",
        "cfg", "ini", "conf", "bat", "jar", "class", "dat", "mp3", "mp4", "wav", "bmp", "tif",
        "tiff", "ttf", "scss", "sass", "kt", "swift", "cpp", "hpp", "gz", "tgz", "csv", "xlsx",
        "docx", "avif", "heic", "mjs", "cjs", "toml", "lua",
    ];
    !in_list(tld, FILE_EXT) && !in_list(tld, &["local", "localhost", "localdomain", "invalid"])
}

/// IPv4 for the scan pattern: no version word in front (`version 1.2.10.4`,
/// `v10.2.3.1`), exactly four parts (longer dotted runs are OIDs or
/// versions), then the generic octet rules; `x.0.0.0` (browser versions like
/// `Chrome/120.0.0.0`, class-A network numbers) is not a host address.
fn ipv4_address(v: &[u8]) -> bool {
    if !matches!(v.first(), Some(b) if b.is_ascii_digit()) {
        return false;
    }
    if v.iter().filter(|&&b| b == b'.').count() != 3 {
        return false;
    }
    if v.ends_with(b".0.0.0") {
        return false;
    }
    // well-known public resolvers that the generic all-small-parts rule drops
    const RESOLVERS: &[&[u8]] = &[
        b"8.8.8.8", b"8.8.4.4", b"1.1.1.1", b"1.0.0.1", b"9.9.9.9", b"4.2.2.2", b"4.2.2.1",
    ];
    if RESOLVERS.contains(&v) {
        return true;
    }
    // `1.2.3.10`, `4.2.1.100`: a section or version number, not a host
    let mut small = 0;
    for part in v.split(|&b| b == b'.').take(3) {
        if part.len() == 1 {
            small += 1;
        }
    }
    if small == 3 {
        return false;
    }
    super::common::lookup("ipv4").is_some_and(|f| f(v))
}

/// IPv6: parses (std), at least three non-empty groups, not `::` or `::1`,
/// and not eight 2-digit groups (an EUI-64 / MAC-like colon string).
fn ipv6_address(v: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(v) else {
        return false;
    };
    let Ok(addr) = s.parse::<std::net::Ipv6Addr>() else {
        return false;
    };
    let groups = s.split(':').filter(|g| !g.is_empty()).count();
    let eui_like = !s.contains("::") && s.split(':').all(|g| g.len() == 2);
    groups >= 3 && !addr.is_unspecified() && !addr.is_loopback() && !eui_like
}

/// MAC address: 12 hex digits (colon, hyphen, Cisco dot or no separators),
/// not all one value (00:00:…, ff:ff:…).
fn mac_address(v: &[u8]) -> bool {
    let mut hex = [0u8; 12];
    let mut n = 0;
    for &b in v {
        if b.is_ascii_hexdigit() {
            if n == 12 {
                return false;
            }
            hex[n] = b.to_ascii_lowercase();
            n += 1;
        } else if !matches!(b, b':' | b'-' | b'.') {
            return false;
        }
    }
    n == 12 && !hex.iter().all(|&b| b == hex[0])
}

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "date_of_birth" => date_of_birth,
        "latlong_pair" => latlong_pair,
        "latlong_any_order" => latlong_any_order,
        "vin" => vin,
        "phone_us_ca" => phone_us_ca,
        "phone_uk" => phone_uk,
        "phone_fr" => phone_fr,
        "phone_de" => phone_de,
        "phone_it" => phone_it,
        "phone_es" => phone_es,
        "phone_br" => phone_br,
        "full_name" => full_name,
        "address_us" => address_us,
        "address_uk" => address_uk,
        "address_eu" => address_eu,
        "email_address" => email_address,
        "ipv4_address" => ipv4_address,
        "ipv6_address" => ipv6_address,
        "mac_address" => mac_address,
        _ => return None,
    };
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn latlong() {
        check(
            latlong_pair,
            "latlong",
            &[
                ("41.948614,-87.655311", true),
                ("-33.8688, 151.2093", true),
                ("48.858370 2.294481", true),
                ("lat\": 51.507351, \"lng\": -0.127758", true),
                ("40.689247 N, 74.044502 W", true),
                ("91.948614,-87.655311", false),
                ("41.948614,-187.655311", false),
                ("41.9,-87.6", false),
                ("0.125000,0.500000", false),
                ("41.948614", false),
            ],
        );
        check(
            latlong_any_order,
            "latlong_any",
            &[
                ("[-122.419416, 37.774929]", true),
                ("[37.774929, -122.419416]", true),
                ("[-192.419416, 37.774929]", false),
                ("[122.419416, 97.774929]", false),
            ],
        );
    }

    #[test]
    fn vins() {
        check(
            vin,
            "vin",
            &[
                ("1HGCM82633A004352", true),
                ("1G1ZT53826F109149", true),
                ("JH4KA7561PC008269", true),
                ("5YJ3E1EA2KF317000", true),
                ("2T1BURHEXJC043821", true),
                ("WVWZZZ1JZXW000001", true),
                ("1HGCM82643A004352", false),
                ("5YJ3E1EA7KF317000", false),
                ("11111111111111111", false),
                ("ABCDEFGHJKLMNPRST", false),
                ("1HGCM82633A00435", false),
                ("1HGCM82633A00435I", false),
                ("WVWZZZZZZZZ000001", false),
            ],
        );
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

    #[test]
    fn names() {
        check(
            full_name,
            "name",
            &[
                ("John Smith", true),
                ("Maria del Carmen Ruiz", true),
                ("Ludwig van Beethoven", true),
                ("Seán O'Brien", true),
                ("Jean-Luc Picard", true),
                ("Mary J. Blige", true),
                ("JOHN A SMITH", true),
                ("Smith, John", true),
                ("June Carter", true),
                ("Monday Morning Meeting", false),
                ("Customer Service", false),
                ("Acme Holdings Inc", false),
                ("Main Street", false),
                ("New York", false),
                ("The Team", false),
                ("John", false),
                ("John John", false),
                ("Best Regards", false),
                ("Account Manager", false),
                ("MARIA GARCIA LOPEZ EXP", false),
                ("John Last", false),
                ("Brittany Wilson PhD", false),
                ("Luca DeVito", true),
            ],
        );
    }

    #[test]
    fn addresses() {
        check(
            address_us,
            "us",
            &[
                ("123 Main St, Springfield, IL 62704", true),
                ("1600 Pennsylvania Avenue NW, Washington, DC 20500", true),
                (
                    "742 Evergreen Terrace Apt 2B\nSpringfield, OR 97477-1234",
                    true,
                ),
                (
                    "0487 Hill Expressway Suite 123\nNorth Angela, OK 38612",
                    true,
                ),
                ("350 Fifth Avenue, New York, New York 10118", true),
                ("P.O. Box 1234, Austin, TX 78701", true),
                ("290 Bremner Blvd, Toronto, ON M5V 3L9", true),
                ("100 George Street, Sydney NSW 2000", true),
                ("12 Jones Ave\nSt. Kilda, VIC, 3182", true),
                ("123 Main St, Springfield, ZZ 62704", false),
                ("123 Main Widget, Springfield, IL 62704", false),
                ("123 Main St, Springfield, IL 00000", false),
                ("Order 123 shipped via UPS, Springfield, IL 62704", false),
                ("290 Bremner Blvd, Toronto, ON D5V 3L9", false),
                ("123 Main St, IL 62704", false),
            ],
        );
        check(
            address_uk,
            "uk",
            &[
                ("10 Downing Street, London SW1A 2AA", true),
                ("221B Baker Street\nLondon\nNW1 6XE", true),
                ("Flat 3, 12 High Street, Bristol BS1 4DJ", true),
                ("12 High Street, Bristol BS14DJ", true),
                ("Flat 12\nSmith crescent\nLake Janet\nW1 2AB", true),
                ("Flat 12\nSmith\nJanetown\nW1 2AB", false),
                ("10 Downing Street, London QW1A 2AA", false),
                ("10 Downing Street, London SW1A 2AC", false),
                ("10 Downing Widget, London SW1A 2AA", false),
            ],
        );
        check(
            address_eu,
            "eu",
            &[
                ("Hauptstraße 5, 10115 Berlin", true),
                ("Musterstr. 12a\n80331 München", true),
                ("12 rue de la Paix, 75002 Paris", true),
                ("Calle Mayor 5, 3º B, 28013 Madrid", true),
                ("Via Roma 10, 00184 Roma", true),
                ("Piazza del Duomo 1, 20122 Milano", true),
                ("Calle Mayor 5, 28013 Madrid", true),
                ("Calle de Juan Martínez 45 Puerta 3\nMadrid, 28013", true),
                ("Schmidtweg 3/7\n12345 Neustadt", true),
                ("Piazza Rossi 12\n00184, Roma (RM)", true),
                ("Calle Mayor 5, 60013 Madrid", false),
                ("12 rue de la Paix, 96002 Paris", false),
                ("Hauptstraße, 10115 Berlin", false),
                ("Order 5, 10115 Berlin", false),
                ("Unter den Linden 77, 10117 Berlin", true),
                ("Unter den Linden 77, 00117 Berlin", false),
            ],
        );
    }

    #[test]
    fn network() {
        check(
            email_address,
            "email",
            &[
                ("jane.doe@example.co.uk", true),
                ("j.smith+news@mail.acme-corp.com", true),
                ("logo@2x.png", false),
                ("git@github.com", false),
                ("config@settings.yaml", false),
                ("a..b@example.com", false),
                ("printer@host.local", false),
                ("john_smith@example.org", true),
                ("anna.k@example.pl", true),
            ],
        );
        check(
            ipv4_address,
            "ipv4",
            &[
                ("192.168.10.12", true),
                ("10.0.0.1", true),
                ("203.0.113.45", true),
                ("version 1.2.10.4", false),
                ("v10.2.3.1", false),
                ("120.0.0.0", false),
                ("1.3.6.1.4.1", false),
                ("1.2.3.4", false),
                ("1.2.3.10", false),
                ("4.2.1.100", false),
                ("3.120.45.67", true),
                ("8.8.8.8", true),
                ("127.0.0.1", true),
                ("256.1.1.1", false),
                ("255.255.255.0", false),
            ],
        );
        check(
            ipv6_address,
            "ipv6",
            &[
                ("2001:db8:85a3::8a2e:370:7334", true),
                ("fe80:0:0:0:202:b3ff:fe1e:8329", true),
                ("ff02::1:ff00:1", true),
                ("::1", false),
                ("::", false),
                ("fe80::1", false),
                ("00:1A:2B:3C:4D:5E:6F:70", false),
                ("12:30:45", false),
            ],
        );
        check(
            mac_address,
            "mac",
            &[
                ("00:1A:2B:3C:4D:5E", true),
                ("00-1a-2b-3c-4d-5e", true),
                ("001a.2b3c.4d5e", true),
                ("001A2B3C4D5E", true),
                ("00:00:00:00:00:00", false),
                ("ff:ff:ff:ff:ff:ff", false),
                ("00:1A:2B:3C:4D", false),
            ],
        );
    }

    #[test]
    fn word_lists_sorted() {
        for (name, l) in [
            ("NAME_PARTICLES", NAME_PARTICLES),
            ("NAME_STOP", NAME_STOP),
            ("STREET_SUFFIX_EN", STREET_SUFFIX_EN),
            ("UNIT_WORDS", UNIT_WORDS),
            ("US_STATES", US_STATES),
            ("US_STATE_NAMES", US_STATE_NAMES),
            ("CA_PROVINCES", CA_PROVINCES),
            ("AU_STATES", AU_STATES),
        ] {
            assert!(
                l.windows(2).all(|w| w[0].as_bytes() < w[1].as_bytes()),
                "{name} must be sorted and unique (binary search)"
            );
        }
    }

    #[test]
    fn no_panic_on_random_input() {
        // deterministic pseudo-random bytes biased towards digits, separators and letters
        let alphabet = b"0123456789 +()-./,:;#xXeE\nAZaz\xc3\xa9\xc3\x89\xff@";
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut buf = [0u8; 80];
        for round in 0..20_000 {
            let len = round % buf.len();
            for b in buf.iter_mut().take(len) {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                *b = alphabet[(seed >> 33) as usize % alphabet.len()];
            }
            for name in [
                "date_of_birth",
                "latlong_pair",
                "latlong_any_order",
                "vin",
                "phone_us_ca",
                "phone_uk",
                "phone_fr",
                "phone_de",
                "phone_it",
                "phone_es",
                "phone_br",
                "full_name",
                "address_us",
                "address_uk",
                "address_eu",
                "email_address",
                "ipv4_address",
                "ipv6_address",
                "mac_address",
            ] {
                let _ = lookup(name).unwrap()(&buf[..len]);
            }
        }
    }

    #[test]
    fn no_panic_on_truncations() {
        let samples = [
            "123 Main St Apt 4B, Springfield, IL 62704-1234",
            "290 Bremner Blvd, Toronto, ON M5V 3L9",
            "Flat 3, 12 High Street, Bristol BS1 4DJ",
            "Calle Mayor 5, 3º B, 28013 Madrid",
            "Hauptstraße 5, 10115 Berlin",
            "P.O. Box 1234, Austin, TX 78701",
            "350 Fifth Avenue, New York, New York 10118",
            "+44 (0)161 496 0123",
            "0044 7700 900123",
            "+55 (11) 97452-8163",
            "15 de marzo de 1985",
            "40.689247 N, 74.044502 W",
            "Seán O'Brien-Smith",
            "jane.doe@example.co.uk",
            "2001:db8::1",
            "00:1a:2b:3c:4d:5e",
            "1HGCM82633A004352",
        ];
        for smp in samples {
            let b = smp.as_bytes();
            for i in 0..=b.len() {
                for name in [
                    "date_of_birth",
                    "latlong_pair",
                    "latlong_any_order",
                    "vin",
                    "phone_us_ca",
                    "phone_uk",
                    "phone_fr",
                    "phone_de",
                    "phone_it",
                    "phone_es",
                    "phone_br",
                    "full_name",
                    "address_us",
                    "address_uk",
                    "address_eu",
                    "email_address",
                    "ipv4_address",
                    "ipv6_address",
                    "mac_address",
                ] {
                    let f = lookup(name).unwrap();
                    let _ = f(&b[..i]);
                    let _ = f(&b[i..]);
                }
            }
        }
    }

    #[test]
    fn no_panic_on_junk() {
        let inputs: [&[u8]; 8] = [
            b"",
            b"+",
            b"(",
            b"0",
            b"\xC3",
            b"+44",
            b"12/",
            b"\xff\xfe 1 2",
        ];
        for name in [
            "date_of_birth",
            "latlong_pair",
            "vin",
            "phone_us_ca",
            "phone_uk",
            "phone_fr",
            "phone_de",
            "phone_it",
            "phone_es",
            "phone_br",
            "full_name",
            "address_us",
            "address_uk",
            "address_eu",
            "email_address",
            "ipv4_address",
            "mac_address",
            "latlong_any_order",
            "ipv6_address",
        ] {
            let f = lookup(name).unwrap();
            for i in inputs {
                let _ = f(i);
            }
        }
    }
}
