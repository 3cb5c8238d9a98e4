//! Shared validator building blocks (digit extraction, Luhn, mod-97, mod-11,
//! Verhoeff, ISO 7064, dates, entropy) and the generic validators built on them.
//! Everything here works on a stack buffer: no allocation per candidate.

use super::Validator;

/// Up to 64 ASCII digits (or alphanumerics) pulled out of a value, on the stack.
#[derive(Clone, Copy)]
pub struct Digits {
    buf: [u8; 64],
    len: usize,
}

impl Digits {
    /// The collected bytes.
    pub fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
    /// Number of collected bytes.
    pub fn len(&self) -> usize {
        self.len
    }
    /// True when nothing was collected.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }
    /// Digit values (0..=9) of the collected bytes, assuming they are digits.
    pub fn values(&self) -> impl Iterator<Item = u32> + '_ {
        self.as_bytes().iter().map(|b| (b - b'0') as u32)
    }
    /// All bytes equal.
    pub fn all_same(&self) -> bool {
        self.len > 0 && self.as_bytes().iter().all(|&b| b == self.buf[0])
    }
}

fn collect(v: &[u8], keep: impl Fn(u8) -> bool, map: impl Fn(u8) -> u8) -> Digits {
    let mut d = Digits {
        buf: [0; 64],
        len: 0,
    };
    for &b in v {
        if keep(b) {
            if d.len == 64 {
                break;
            }
            d.buf[d.len] = map(b);
            d.len += 1;
        }
    }
    d
}

/// The ASCII digits of `v`, in order (separators dropped).
pub fn digits(v: &[u8]) -> Digits {
    collect(v, |b| b.is_ascii_digit(), |b| b)
}

/// The ASCII alphanumerics of `v`, upper-cased (separators dropped).
pub fn alnum_upper(v: &[u8]) -> Digits {
    collect(v, |b| b.is_ascii_alphanumeric(), |b| b.to_ascii_uppercase())
}

/// Luhn (mod 10) over a digit string.
pub fn luhn_ok(d: &[u8]) -> bool {
    if d.is_empty() {
        return false;
    }
    let mut sum = 0u32;
    for (i, &b) in d.iter().rev().enumerate() {
        let mut x = (b - b'0') as u32;
        if i % 2 == 1 {
            x *= 2;
            if x > 9 {
                x -= 9;
            }
        }
        sum += x;
    }
    sum % 10 == 0
}

/// ISO 7064 mod 97-10 over an alphanumeric string (letters A=10..Z=35), as
/// used by IBAN after moving the first four characters to the end.
pub fn mod97(chars: impl Iterator<Item = u8>) -> u32 {
    let mut r: u32 = 0;
    for c in chars {
        let v = match c {
            b'0'..=b'9' => (c - b'0') as u32,
            b'A'..=b'Z' => (c - b'A') as u32 + 10,
            b'a'..=b'z' => (c - b'a') as u32 + 10,
            _ => continue,
        };
        r = if v >= 10 {
            (r * 100 + v) % 97
        } else {
            (r * 10 + v) % 97
        };
    }
    r
}

/// Weighted sum of digit values with the given weights (stops at the shorter).
pub fn weighted_sum(d: &[u8], weights: &[u32]) -> u32 {
    d.iter()
        .zip(weights)
        .map(|(&b, &w)| (b - b'0') as u32 * w)
        .sum()
}

/// Verhoeff checksum (Aadhaar and others): true when the check digit is right.
pub fn verhoeff_ok(d: &[u8]) -> bool {
    const M: [[u8; 10]; 10] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
        [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
        [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
        [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
        [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
        [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];
    const P: [[u8; 10]; 8] = [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
        [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
        [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
        [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
        [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
        [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
        [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
        [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
    ];
    if d.is_empty() {
        return false;
    }
    let mut c = 0u8;
    for (i, &b) in d.iter().rev().enumerate() {
        c = M[c as usize][P[i % 8][(b - b'0') as usize] as usize];
    }
    c == 0
}

/// ISO 7064 MOD 11,10 (German tax id, Croatian OIB): true when the last digit checks.
pub fn iso7064_mod11_10_ok(d: &[u8]) -> bool {
    if d.len() < 2 {
        return false;
    }
    let mut p = 10u32;
    for &b in &d[..d.len() - 1] {
        let mut s = ((b - b'0') as u32 + p) % 10;
        if s == 0 {
            s = 10;
        }
        p = (2 * s) % 11;
    }
    let check = (11 - p) % 10;
    check == (d[d.len() - 1] - b'0') as u32
}

/// Days in a month of a year (Gregorian).
pub fn days_in_month(year: u32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// A real calendar date.
pub fn valid_date(year: u32, month: u32, day: u32) -> bool {
    (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month)
}

/// Month number from an English (or common European) month name or abbreviation.
pub fn month_from_name(s: &[u8]) -> Option<u32> {
    let mut l = [0u8; 3];
    if s.len() < 3 {
        return None;
    }
    for i in 0..3 {
        l[i] = s[i].to_ascii_lowercase();
    }
    Some(match &l {
        b"jan" => 1,
        b"feb" => 2,
        b"mar" => 3,
        b"apr" => 4,
        b"may" | b"mai" => 5,
        b"jun" => 6,
        b"jul" => 7,
        b"aug" => 8,
        b"sep" => 9,
        b"oct" | b"okt" => 10,
        b"nov" => 11,
        b"dec" | b"dez" => 12,
        _ => return None,
    })
}

/// Shannon entropy in bits per byte.
pub fn entropy(v: &[u8]) -> f64 {
    if v.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &b in v {
        counts[b as usize] += 1;
    }
    let n = v.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}

/// Numbers in a value (runs of ASCII digits), at most 8, as u32 (saturating).
pub fn numbers(v: &[u8]) -> ([u32; 8], [usize; 8], usize) {
    let mut out = [0u32; 8];
    let mut lens = [0usize; 8];
    let mut n = 0;
    let mut i = 0;
    while i < v.len() && n < 8 {
        if v[i].is_ascii_digit() {
            let mut x: u32 = 0;
            let s = i;
            while i < v.len() && v[i].is_ascii_digit() {
                x = x.saturating_mul(10).saturating_add((v[i] - b'0') as u32);
                i += 1;
            }
            out[n] = x;
            lens[n] = i - s;
            n += 1;
        } else {
            i += 1;
        }
    }
    (out, lens, n)
}

/// A date written with digits (y-m-d, d/m/y or m/d/y, 2- or 4-digit years) or
/// with a month name (`12 March 1980`, `Mar 12, 1980`). Accepted when some
/// reading of it is a real calendar date with a plausible year.
pub fn date_any(v: &[u8]) -> bool {
    let (n, lens, k) = numbers(v);
    let has_alpha_month = v
        .windows(3)
        .any(|w| w[0].is_ascii_alphabetic() && month_from_name(w).is_some());
    let year_ok = |y: u32, len: usize| {
        if len == 4 {
            (1900..=2099).contains(&y)
        } else {
            len == 2
        }
    };
    let full_year = |y: u32, len: usize| {
        if len == 2 {
            if y > 30 {
                1900 + y
            } else {
                2000 + y
            }
        } else {
            y
        }
    };
    if has_alpha_month {
        // find month name
        let mut month = 0;
        for i in 0..v.len().saturating_sub(2) {
            if v[i].is_ascii_alphabetic() && (i == 0 || !v[i - 1].is_ascii_alphabetic()) {
                if let Some(m) = month_from_name(&v[i..]) {
                    month = m;
                    break;
                }
            }
        }
        if month == 0 || k < 2 {
            return false;
        }
        // day and year among the numbers
        for (di, yi) in [(0usize, 1usize), (1, 0)] {
            let (d, y, ly) = (n[di], n[yi], lens[yi]);
            if lens[di] <= 2 && year_ok(y, ly) && valid_date(full_year(y, ly), month, d) {
                return true;
            }
        }
        return false;
    }
    if k != 3 {
        // compact YYYYMMDD
        if k == 1 && lens[0] == 8 {
            let x = n[0];
            let (y, m, d) = (x / 10000, (x / 100) % 100, x % 100);
            if (1900..=2099).contains(&y) && valid_date(y, m, d) {
                return true;
            }
            let (d, m, y) = (x / 1000000, (x / 10000) % 100, x % 10000);
            return (1900..=2099).contains(&y) && valid_date(y, m, d);
        }
        return false;
    }
    if lens[0] == 4 {
        return year_ok(n[0], 4) && lens[1] <= 2 && lens[2] <= 2 && valid_date(n[0], n[1], n[2]);
    }
    if lens[2] == 4 || lens[2] == 2 {
        let y = full_year(n[2], lens[2]);
        if !year_ok(n[2], lens[2]) || lens[0] > 2 || lens[1] > 2 {
            return false;
        }
        return valid_date(y, n[1], n[0]) || valid_date(y, n[0], n[1]);
    }
    false
}

fn v_luhn(v: &[u8]) -> bool {
    let d = digits(v);
    d.len() >= 2 && luhn_ok(d.as_bytes()) && !d.all_same()
}

fn v_date(v: &[u8]) -> bool {
    date_any(v)
}

fn v_not_all_same(v: &[u8]) -> bool {
    let d = alnum_upper(v);
    !d.all_same()
}

/// Email: local part and domain lengths (RFC 5321), a real-looking TLD, no
/// double dots, and not an obvious placeholder domain.
fn v_email(v: &[u8]) -> bool {
    let Some(at) = v.iter().rposition(|&b| b == b'@') else {
        return false;
    };
    let (local, domain) = (&v[..at], &v[at + 1..]);
    if local.is_empty() || local.len() > 64 || domain.len() > 253 || domain.len() < 4 {
        return false;
    }
    if local.starts_with(b".") || local.ends_with(b".") || v.windows(2).any(|w| w == b"..") {
        return false;
    }
    let Some(dot) = domain.iter().rposition(|&b| b == b'.') else {
        return false;
    };
    let tld = &domain[dot + 1..];
    if tld.len() < 2 || tld.len() > 24 || !tld.iter().all(|b| b.is_ascii_alphabetic()) {
        return false;
    }
    // file names and code like `image@2x.png`, `foo@bar.js`
    const NOT_TLDS: &[&[u8]] = &[
        b"png", b"jpg", b"jpeg", b"gif", b"svg", b"js", b"css", b"webp", b"ts", b"py", b"rs",
        b"java", b"map", b"txt", b"log", b"md", b"html", b"htm", b"exe", b"dll", b"so", b"ico",
    ];
    if NOT_TLDS.iter().any(|t| tld.eq_ignore_ascii_case(t)) {
        return false;
    }
    if domain
        .iter()
        .any(|&b| !(b.is_ascii_alphanumeric() || b == b'.' || b == b'-'))
    {
        return false;
    }
    domain
        .split(|&b| b == b'.')
        .all(|l| !l.is_empty() && l.len() <= 63 && !l.starts_with(b"-") && !l.ends_with(b"-"))
}

/// IPv4: four octets 0..=255 without leading zeros, not a version-like
/// `1.2.3.4`-style low value, not 0.0.0.0 or a broadcast/netmask.
fn v_ipv4(v: &[u8]) -> bool {
    let mut parts = [0u32; 4];
    let mut i = 0;
    for p in v.split(|&b| b == b'.') {
        if i == 4
            || p.is_empty()
            || p.len() > 3
            || (p.len() > 1 && p[0] == b'0')
            || !p.iter().all(u8::is_ascii_digit)
        {
            return false;
        }
        parts[i] = p.iter().fold(0, |a, &b| a * 10 + (b - b'0') as u32);
        if parts[i] > 255 {
            return false;
        }
        i += 1;
    }
    if i != 4 {
        return false;
    }
    // masks and placeholders
    if parts == [0, 0, 0, 0] || parts == [255, 255, 255, 255] || parts[0] == 255 || parts[0] == 0 {
        return false;
    }
    // version numbers like 1.0.0.1 / 2.3.1.0: all parts tiny
    !parts.iter().all(|&p| p < 10)
}

/// IPv6: a parse by the standard library; at least three groups so that
/// times (`12:30`) and MAC-like strings are not taken.
fn v_ipv6(v: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(v) else {
        return false;
    };
    let Ok(addr) = s.parse::<std::net::Ipv6Addr>() else {
        return false;
    };
    let groups = s.split(':').filter(|g| !g.is_empty()).count();
    groups >= 3
        && !addr.is_unspecified()
        && !addr.is_loopback()
        && s.chars().any(|c| c.is_ascii_alphabetic() || c == ':')
}

/// Latitude/longitude pair: |lat| ≤ 90, |lon| ≤ 180, at least 3 decimals each
/// (fewer is usually a measurement, not a position), not 0,0.
fn v_latlong(v: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(v) else {
        return false;
    };
    let mut it = s
        .split(|c: char| c == ',' || c == ' ' || c == ';')
        .filter(|x| !x.is_empty());
    let (Some(a), Some(b)) = (it.next(), it.next()) else {
        return false;
    };
    let dec = |x: &str| x.split('.').nth(1).map(|f| f.len()).unwrap_or(0);
    let (Ok(lat), Ok(lon)) = (a.parse::<f64>(), b.parse::<f64>()) else {
        return false;
    };
    lat.abs() <= 90.0
        && lon.abs() <= 180.0
        && dec(a) >= 3
        && dec(b) >= 3
        && !(lat == 0.0 && lon == 0.0)
}

/// Phone number: 7–15 digits (E.164), not all one digit, not a run like 1234567.
fn v_phone(v: &[u8]) -> bool {
    let d = digits(v);
    let n = d.len();
    if !(7..=15).contains(&n) || d.all_same() {
        return false;
    }
    let b = d.as_bytes();
    let ascending = b.windows(2).all(|w| w[1] == w[0] + 1);
    !ascending
}

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "luhn" => v_luhn,
        "date" => v_date,
        "not_all_same" => v_not_all_same,
        "email" => v_email,
        "ipv4" => v_ipv4,
        "ipv6" => v_ipv6,
        "latlong" => v_latlong,
        "phone" => v_phone,
        _ => return None,
    };
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checksums() {
        for (s, ok) in [
            ("4111111111111111", true),
            ("4111111111111112", false),
            ("79927398713", true),
        ] {
            assert_eq!(luhn_ok(s.as_bytes()), ok, "{s}");
        }
        assert!(verhoeff_ok(b"2363"));
        assert!(!verhoeff_ok(b"2364"));
        assert!(iso7064_mod11_10_ok(b"65929970489"));
        assert!(!iso7064_mod11_10_ok(b"65929970488"));
        // GB82WEST12345698765432 -> rearranged
        assert_eq!(mod97(b"WEST12345698765432GB82".iter().copied()), 1);
    }

    #[test]
    fn dates() {
        for (s, ok) in [
            ("1980-02-29", true),
            ("1981-02-29", false),
            ("12/31/1999", true),
            ("31/12/1999", true),
            ("13/13/1999", false),
            ("March 3, 1975", true),
            ("3 Mar 1975", true),
            ("Feb 30 1975", false),
            ("19750303", true),
            ("2024-13-01", false),
        ] {
            assert_eq!(date_any(s.as_bytes()), ok, "{s}");
        }
    }

    #[test]
    fn generic() {
        let t = |n: &str, s: &str| lookup(n).unwrap()(s.as_bytes());
        assert!(t("email", "jane.doe@example.co.uk"));
        assert!(!t("email", "logo@2x.png"));
        assert!(!t("email", "a..b@example.com"));
        assert!(t("ipv4", "192.168.10.12"));
        assert!(!t("ipv4", "1.2.3.4"));
        assert!(!t("ipv4", "256.1.1.1"));
        assert!(!t("ipv4", "10.01.1.1"));
        assert!(t("ipv6", "2001:db8:85a3::8a2e:370:7334"));
        assert!(!t("ipv6", "12:30:45"));
        assert!(t("latlong", "41.948614,-87.655311"));
        assert!(!t("latlong", "91.948614,-87.655311"));
        assert!(!t("latlong", "41.9,-87.6"));
        assert!(t("phone", "+44 20 7946 0958"));
        assert!(!t("phone", "1234567"));
    }
}
