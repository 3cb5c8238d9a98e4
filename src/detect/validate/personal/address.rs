//! Validates mailing addresses: US/CA/AU (street, town, state, ZIP or postal
//! code), UK (postcode rules) and DE/FR/ES/IT street forms.

use super::address_words::{STREET_DE, STREET_SUFFIX_EN, STREET_TYPE_ROMANCE, UNIT_WORDS};
use super::regions::{AU_STATES, CA_PROVINCES, US_STATES, US_STATE_NAMES, US_STATE_NAMES_2};
use super::text::{all_digits, fold, in_list, in_sorted, is_letter, num_of, tokens, trim_dots};

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
pub(super) fn address_us(v: &[u8]) -> bool {
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
pub(super) fn address_uk(v: &[u8]) -> bool {
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
pub(super) fn address_eu(v: &[u8]) -> bool {
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
}
