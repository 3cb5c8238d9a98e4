//! Validates GPS coordinates: latitude/longitude decimal pairs, in either
//! order.

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
pub(super) fn latlong_pair(v: &[u8]) -> bool {
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
pub(super) fn latlong_any_order(v: &[u8]) -> bool {
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
}
