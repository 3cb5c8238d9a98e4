//! Validates payment cards: card numbers (Luhn, issuer prefix and length,
//! test and placeholder numbers, printed groupings), the Argentine SUBE card,
//! expiry dates, security codes and magnetic-stripe tracks.

use crate::detect::validate::common::{digits, luhn_ok, month_from_name, numbers};

// ---------------------------------------------------------------------------
// Payment cards
// ---------------------------------------------------------------------------

/// Issuer test numbers Amazon Macie never reports (macie.md 1c), plus the
/// most common processor test cards (Stripe, Adyen, Braintree docs).
const TEST_PANS: &[&[u8]] = &[
    b"122000000000003",
    b"2222405343248877",
    b"2222990905257051",
    b"2223007648726984",
    b"2223577120017656",
    b"30569309025904",
    b"34343434343434",
    b"3528000700000000",
    b"3530111333300000",
    b"3566002020360505",
    b"36148900647913",
    b"36700102000000",
    b"371449635398431",
    b"378282246310005",
    b"378734493671000",
    b"38520000023237",
    b"4012888888881881",
    b"4111111111111111",
    b"4222222222222",
    b"4444333322221111",
    b"4462030000000000",
    b"4484070000000000",
    b"4911830000000",
    b"4917300800000000",
    b"4917610000000000",
    b"4917610000000000003",
    b"5019717010103742",
    b"5105105105105100",
    b"5111010030175156",
    b"5185540810000019",
    b"5200828282828210",
    b"5204230080000017",
    b"5204740009900014",
    b"5420923878724339",
    b"5454545454545454",
    b"5455330760000018",
    b"5506900490000436",
    b"5506900490000444",
    b"5506900510000234",
    b"5506920809243667",
    b"5506922400634930",
    b"5506927427317625",
    b"5553042241984105",
    b"5555553753048194",
    b"5555555555554444",
    b"5610591081018250",
    b"6011000990139424",
    b"6011000400000000",
    b"6011111111111117",
    b"630490017740292441",
    b"630495060000000000",
    b"6331101999990016",
    b"6759649826438453",
    b"6799990100000000019",
    b"76009244561",
    // processor documentation test cards (not in Macie's list)
    b"4242424242424242",
    b"4000056655665556",
    b"4000002500003155",
    b"4000000000003220",
    b"2223003122003222",
    b"3056930009020004",
    b"36227206271667",
    b"6200000000000005",
    b"6011981111111113",
    b"4917484589897107",
    b"4001919257537193",
    b"4007702835532454",
    b"5425233430109903",
    b"2222420000001113",
    b"374245455400126",
];

/// Numeric value of the first `k` digits (`d` must hold at least `k`).
pub(super) fn prefix(d: &[u8], k: usize) -> u32 {
    d.iter()
        .take(k)
        .fold(0u32, |a, &b| a * 10 + (b.wrapping_sub(b'0')) as u32)
}

/// Issuer identification number and length of a known card scheme: Visa
/// (incl. Electron), Mastercard (51–55, 2221–2720), American Express,
/// Diners Club, Discover, JCB, UnionPay, Dankort, Maestro (12–19 digits),
/// Mir.
fn card_brand_ok(d: &[u8]) -> bool {
    let n = d.len();
    if !(12..=19).contains(&n) || !d.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let (p1, p2, p3, p4, p6) = (
        prefix(d, 1),
        prefix(d, 2),
        prefix(d, 3),
        prefix(d, 4),
        prefix(d, 6),
    );
    let visa = p1 == 4 && matches!(n, 13 | 16 | 19);
    let mastercard = ((51..=55).contains(&p2) || (2221..=2720).contains(&p4)) && n == 16;
    let amex = (p2 == 34 || p2 == 37) && n == 15;
    let diners = ((300..=305).contains(&p3) || p4 == 3095 || p2 == 36 || p2 == 38 || p2 == 39)
        && (14..=19).contains(&n);
    let discover =
        (p4 == 6011 || (644..=649).contains(&p3) || p2 == 65 || (622126..=622925).contains(&p6))
            && (16..=19).contains(&n);
    let jcb = ((3528..=3589).contains(&p4) && (16..=19).contains(&n))
        || ((p4 == 2131 || p4 == 1800) && n == 15);
    let unionpay = (p2 == 62 && (16..=19).contains(&n)) || ((8100..=8171).contains(&p4) && n == 16);
    let dankort = p4 == 5019 && n == 16;
    // 0604 (read as 604) is in the Maestro ranges test-data generators use
    let maestro = (p2 == 50
        || (56..=58).contains(&p2)
        || matches!(p4, 604 | 6304 | 6390 | 6759 | 6761 | 6762 | 6763))
        && (12..=19).contains(&n);
    let mir = (2200..=2204).contains(&p4) && (16..=19).contains(&n);
    visa || mastercard || amex || diners || discover || jcb || unionpay || dankort || maestro || mir
}

/// Placeholder-looking digit strings: one digit repeated, a short period
/// (`4242…`, `1212…`), a run of seven equal digits (`4000 0000 0000 0002`),
/// or a straight ascending/descending run.
pub(super) fn digits_junk(d: &[u8]) -> bool {
    let n = d.len();
    if n == 0 {
        return true;
    }
    for p in 1..=4 {
        if n > p && (p..n).all(|i| d[i] == d[i - p]) {
            return true;
        }
    }
    let mut run = 1;
    for i in 1..n {
        run = if d[i] == d[i - 1] { run + 1 } else { 1 };
        if run >= 7 {
            return true;
        }
    }
    let up = (1..n).all(|i| d[i] == if d[i - 1] == b'9' { b'0' } else { d[i - 1] + 1 });
    let down = (1..n).all(|i| d[i] == if d[i - 1] == b'0' { b'9' } else { d[i - 1] - 1 });
    up || down
}

fn is_test_pan(d: &[u8]) -> bool {
    TEST_PANS.contains(&d)
}

/// Separators (anything not a digit) are all the same byte; returns the
/// group lengths (at most 8) and how many groups there are.
fn groups(v: &[u8]) -> Option<([usize; 8], usize)> {
    let mut g = [0usize; 8];
    let mut k = 0;
    let mut sep: Option<u8> = None;
    let mut cur = 0;
    for &b in v {
        if b.is_ascii_digit() {
            cur += 1;
        } else {
            if cur == 0 || sep.is_some_and(|s| s != b) || k >= 7 {
                return None;
            }
            sep = Some(b);
            g[k] = cur;
            k += 1;
            cur = 0;
        }
    }
    if cur == 0 {
        return None;
    }
    g[k] = cur;
    Some((g, k + 1))
}

/// A card number: 12–19 digits (12 only for Maestro), Luhn, a known issuer prefix with a length
/// that scheme issues, not a test or placeholder number, one kind of separator.
pub(super) fn card_number(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    groups(v).is_some() && luhn_ok(b) && card_brand_ok(b) && !digits_junk(b) && !is_test_pan(b)
}

/// The same, plus the groupings cards are printed in (4-4-4-4, 4-4-4-4-3,
/// 4-6-5, 4-6-4, 4-4-4-x), for the keyword-free detector. 13-digit numbers
/// (obsolete Visa) are left to the keyword detector: without a keyword they
/// are mostly EAN-13 barcodes, whose GS1 prefixes overlap card prefixes.
pub(super) fn card_number_strict(v: &[u8]) -> bool {
    if !card_number(v) || digits(v).len() < 14 {
        return false;
    }
    let Some((g, k)) = groups(v) else {
        return false;
    };
    let g = &g[..k];
    match g {
        [_] => true,
        [4, 4, 4, 4] | [4, 6, 5] | [4, 6, 4] => true,
        [4, 4, 4, x] => (1..=3).contains(x),
        [4, 4, 4, 4, x] => (1..=3).contains(x),
        _ => false,
    }
}

/// Argentina SUBE transit card: 16 digits starting 6061, Luhn.
pub(super) fn ar_sube(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    b.len() == 16
        && b.starts_with(b"6061")
        && luhn_ok(b)
        && !digits_junk(&b[4..])
        && groups(v).is_some()
}

// ---------------------------------------------------------------------------
// Expiry date, security code, magnetic stripe
// ---------------------------------------------------------------------------

/// A plausible card expiry year: two digits 00–49 or four digits 1990–2049.
fn exp_year_ok(y: u32, len: usize) -> bool {
    match len {
        2 => y <= 49,
        4 => (1990..=2049).contains(&y),
        _ => false,
    }
}

/// Month named in `v` (first alphabetic run that is a month name).
fn month_name_in(v: &[u8]) -> Option<u32> {
    let mut i = 0;
    while i < v.len() {
        if v[i].is_ascii_alphabetic() {
            let s = i;
            while i < v.len() && v[i].is_ascii_alphabetic() {
                i += 1;
            }
            if i - s >= 3 {
                if let Some(m) = month_from_name(&v[s..i]) {
                    return Some(m);
                }
            }
        } else {
            i += 1;
        }
    }
    None
}

/// Card expiry: `MM/YY`, `MM/YYYY`, `MM-YY`, `YYYY-MM`, `MMYY`, `Feb 2026`,
/// `February 26`, `26-Feb`. Month 1–12, plausible year.
pub(super) fn card_expiry(v: &[u8]) -> bool {
    let (n, lens, k) = numbers(v);
    if month_name_in(v).is_some() {
        return k == 1 && exp_year_ok(n[0], lens[0]);
    }
    match k {
        1 if lens[0] == 4 => {
            let (m, y) = (n[0] / 100, n[0] % 100);
            (1..=12).contains(&m) && exp_year_ok(y, 2)
        }
        2 if lens[0] == 4 => lens[1] == 2 && exp_year_ok(n[0], 4) && (1..=12).contains(&n[1]),
        2 if lens[0] <= 2 => (1..=12).contains(&n[0]) && exp_year_ok(n[1], lens[1]),
        _ => false,
    }
}

/// `expY=2026, expM=02`: year first, then month.
pub(super) fn card_expiry_ym(v: &[u8]) -> bool {
    let (n, lens, k) = numbers(v);
    k == 2 && exp_year_ok(n[0], lens[0]) && lens[1] <= 2 && (1..=12).contains(&n[1])
}

/// `exp_month: 2, exp_year: 2026`: month first, then year.
pub(super) fn card_expiry_my(v: &[u8]) -> bool {
    let (n, lens, k) = numbers(v);
    k == 2 && lens[0] <= 2 && (1..=12).contains(&n[0]) && exp_year_ok(n[1], lens[1])
}

/// A number next to an expiry keyword that no expiry pattern took: never an
/// expiry. It is the value the keyword labels (`keyword_nearest`), so a
/// number further on (the next line of a log or CSV) is not taken instead.
pub(super) fn card_expiry_blocker(_v: &[u8]) -> bool {
    false
}

/// CVV/CVC: three or four digits, not all zeros.
pub(super) fn card_cvv(v: &[u8]) -> bool {
    let d = digits(v);
    (3..=4).contains(&d.len()) && d.len() == v.len() && !d.as_bytes().iter().all(|&b| b == b'0')
}

/// Magnetic stripe track 1 (`%B<PAN>^NAME^YYMM<service>...?`) or track 2
/// (`;<PAN>=YYMM<service>...?`), sentinels optional: the PAN passes Luhn
/// (13–19 digits, not a test number), the expiry month is 01–12 and the
/// service code starts with 1, 2, 5, 6, 7 or 9 (ISO/IEC 7813).
pub(super) fn card_magstripe(v: &[u8]) -> bool {
    let mut i = 0;
    while i < v.len() && matches!(v[i], b'%' | b';' | b'B' | b'b') {
        i += 1;
    }
    let pan_start = i;
    while i < v.len() && v[i].is_ascii_digit() {
        i += 1;
    }
    let pan = &v[pan_start..i];
    if !(13..=19).contains(&pan.len())
        || !luhn_ok(pan)
        || digits_junk(pan)
        || is_test_pan(pan)
        || i >= v.len()
    {
        return false;
    }
    let rest = match v[i] {
        b'^' => {
            // name field up to the next '^'
            let r = &v[i + 1..];
            let Some(p) = r.iter().position(|&b| b == b'^') else {
                return false;
            };
            &r[p + 1..]
        }
        b'=' => &v[i + 1..],
        _ => return false,
    };
    if rest.len() < 7 || !rest[..7].iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mm = prefix(&rest[2..4], 2);
    (1..=12).contains(&mm) && matches!(rest[4], b'1' | b'2' | b'5' | b'6' | b'7' | b'9')
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
    fn test_pans_are_listed() {
        assert_eq!(TEST_PANS.iter().take(55).count(), 55);
        // 54 of Macie's 55 pass Luhn; the 11-digit one does not.
        assert_eq!(TEST_PANS[..55].iter().filter(|t| luhn_ok(t)).count(), 54);
        // the card detectors' exclude_values are exactly Macie's 55
        let all = crate::detect::catalog::builtin().expect("catalog");
        for id in ["CREDIT_CARD_NUMBER", "CREDIT_CARD_NUMBER_(NO_KEYWORD)"] {
            let d = all.iter().find(|d| d.id == id).expect(id);
            let ex: Vec<&[u8]> = d.exclude_values.iter().map(|v| v.as_bytes()).collect();
            assert_eq!(ex, TEST_PANS[..55].to_vec(), "{id}");
        }
    }

    #[test]
    fn cards() {
        check(
            card_number,
            "card_number",
            &[
                ("4539148803436467", true),
                ("4539 1488 0343 6467", true),
                ("4539-1488-0343-6467", true),
                ("4539.1488.0343.6467", true),
                ("4539 1488-0343 6467", false), // mixed separators
                ("4539148803436468", false),    // Luhn
                ("5425233430109903", false),    // processor test card
                ("2720994326581252", true),     // Mastercard 2-series
                ("2721001234567891", false),    // Luhn ok, outside 2221-2720
                ("371612019985236", true),      // Amex 15
                ("3716120199852364", false),    // Luhn ok, Amex prefix with 16 digits
                ("36259600000004", false),      // Diners, seven zeros in a row
                ("36070500001020", true),       // Diners 14
                ("6011514433546201", true),     // Discover
                ("6445644564456445", false),    // periodic placeholder
                ("3530111333300000", false),    // Macie test number
                ("4111111111111111", false),
                ("5019717010103742", false),
                ("5019123412341230", true),  // Dankort
                ("6250941006528599", true),  // UnionPay
                ("3589471234567895", true),  // JCB
                ("3566111111111113", false), // JCB test card, run of ones
                ("6759411100000008", false), // Maestro, seven zeros
                ("6763123456789019", true),  // Maestro
                ("9112345678901237", false), // Luhn ok, no scheme starts with 9
                ("1234567812345670", false), // Luhn ok, no scheme starts with 1
                ("4000000000000002", false), // run of zeros
                ("2200123456789019", true),  // Mir
                ("4916338506082832", true),
                ("411111111111", false), // 12 digits: only Maestro issues them
                ("503812345679", true),  // Maestro 12
                ("060412345674", true),  // Maestro 0604 range, 12
                ("60412345678", false),  // 11 digits
            ],
        );
        assert!(digits_junk(b"4321098765432109"));
        assert!(digits_junk(b"4567890123456789"));
        assert!(digits_junk(b"4242424242424242"));
        assert!(!digits_junk(b"4916338506082832"));
        check(
            card_number_strict,
            "card_number_strict",
            &[
                ("4539148803436467", true),
                ("4539 1488 0343 6467", true),
                ("3716 120199 85236", true),
                ("45391 48803 43646 7", false),
                ("4539 14880343 6467", false),
                ("4539-1488-0343-6467", true),
                ("4916945807306", false), // 13 digits: EAN-13 territory without a keyword
            ],
        );
        assert!(card_number(b"4916945807306"));
        check(
            ar_sube,
            "ar_sube",
            &[
                ("6061268912345671", true),
                ("6061 2689 1234 5671", true),
                ("6061-2689-1234-5671", true),
                ("6061268912345675", false),
                ("6062268912345670", false),
                ("6061000000000003", false),
            ],
        );
    }

    #[test]
    fn expiry() {
        check(
            card_expiry,
            "card_expiry",
            &[
                ("02/26", true),
                ("2/26", true),
                ("02/2026", true),
                ("12-29", true),
                ("13/26", false),
                ("00/26", false),
                ("02/87", false),
                ("02/2087", false),
                ("2026-02", true),
                ("2026-13", false),
                ("Feb 2026", true),
                ("February 2026", true),
                ("feb-26", true),
                ("26-Feb", true),
                ("Foo 2026", false),
                ("0226", true),
                ("1326", false),
                ("2026", false),
            ],
        );
        check(
            card_expiry_ym,
            "card_expiry_ym",
            &[
                ("expY=2026, expM=02", true),
                ("expY=2026, expM=13", false),
                ("expY=2099, expM=02", false),
            ],
        );
        check(
            card_expiry_my,
            "card_expiry_my",
            &[
                ("exp_month\": 2, \"exp_year\": 2027", true),
                ("exp_month=0, exp_year=2027", false),
            ],
        );
        check(
            card_cvv,
            "card_cvv",
            &[
                ("123", true),
                ("4821", true),
                ("000", false),
                ("12", false),
                ("12345", false),
            ],
        );
    }

    #[test]
    fn magstripe() {
        check(
            card_magstripe,
            "card_magstripe",
            &[
                (
                    "%B4539148803436467^DOE/JANE^2712101000000000000000000000000?",
                    true,
                ),
                (";4539148803436467=27121010000000000000?", true),
                ("4539148803436467=27121010000000000000", true),
                ("B4539148803436467^DOE/JANE^27121010000000?", true),
                (
                    "%B4539148803436468^DOE/JANE^2712101000000000000000000000000?",
                    false,
                ), // Luhn
                (";4539148803436467=27131010000000000000?", false), // month 13
                (";4539148803436467=27123010000000000000?", false), // service code 3xx
                (";4111111111111111=27121010000000000000?", false), // test PAN
                ("%B4539148803436467^DOE/JANE2712101000?", false),  // no second ^
            ],
        );
    }
}
