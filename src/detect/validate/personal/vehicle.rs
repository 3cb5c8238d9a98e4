//! Validates vehicle identification numbers (VIN, ISO 3779 with the North
//! American check digit).

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
pub(super) fn vin(v: &[u8]) -> bool {
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
}
