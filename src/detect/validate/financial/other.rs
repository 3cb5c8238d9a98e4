//! Validates US/CA bank account numbers, ABA routing numbers and SWIFT/BIC
//! codes (ISO 9362, with the ISO 3166 country list).

use super::cards::{digits_junk, prefix};
use crate::detect::validate::common::digits;

// ---------------------------------------------------------------------------
// Bank accounts, routing numbers, BIC
// ---------------------------------------------------------------------------

/// US/CA bank account number: 9–17 digits, not a placeholder.
pub(super) fn us_bank_account(v: &[u8]) -> bool {
    let d = digits(v);
    (9..=17).contains(&d.len()) && d.len() == v.len() && !digits_junk(d.as_bytes())
}

/// ABA routing transit number: 9 digits, first two 00–12, 21–32, 61–72 or
/// 80, and 3·(d1+d4+d7) + 7·(d2+d5+d8) + (d3+d6+d9) ≡ 0 (mod 10).
pub(super) fn us_aba_routing(v: &[u8]) -> bool {
    let d = digits(v);
    let b = d.as_bytes();
    if b.len() != 9 || d.all_same() {
        return false;
    }
    let p = prefix(b, 2);
    if !(p <= 12 || (21..=32).contains(&p) || (61..=72).contains(&p) || p == 80) {
        return false;
    }
    let x = |i: usize| (b[i] - b'0') as u32;
    let s = 3 * (x(0) + x(3) + x(6)) + 7 * (x(1) + x(4) + x(7)) + x(2) + x(5) + x(8);
    s % 10 == 0
}

/// ISO 3166-1 alpha-2 codes (plus XK, Kosovo, which SWIFT uses).
const ISO_COUNTRIES: &[u8] = b"ADAEAFAGAIALAMAOAQARASATAUAWAXAZBABBBDBEBFBGBHBIBJBLBMBNBOBQBRBSBTBVBWBYBZCACCCDCFCGCHCICKCLCMCNCOCRCUCVCWCXCYCZDEDJDKDMDODZECEEEGEHERESETFIFJFKFMFOFRGAGBGDGEGFGGGHGIGLGMGNGPGQGRGSGTGUGWGYHKHMHNHRHTHUIDIEILIMINIOIQIRISITJEJMJOJPKEKGKHKIKMKNKPKRKWKYKZLALBLCLILKLRLSLTLULVLYMAMCMDMEMFMGMHMKMLMMMNMOMPMQMRMSMTMUMVMWMXMYMZNANCNENFNGNINLNONPNRNUNZOMPAPEPFPGPHPKPLPMPNPRPSPTPWPYQARERORSRURWSASBSCSDSESGSHSISJSKSLSMSNSOSRSSSTSVSXSYSZTCTDTFTGTHTJTKTLTMTNTOTRTTTVTWTZUAUGUMUSUYUZVAVCVEVGVIVNVUWFWSYEYTZAZMZWXK";

fn iso_country(c: &[u8]) -> bool {
    c.len() == 2 && ISO_COUNTRIES.chunks_exact(2).any(|p| p == c)
}

/// SWIFT/BIC (ISO 9362): 4-letter institution, ISO country, 2-character
/// location (not a test BIC, second character `0`; first not `0`/`1`),
/// optional 3-character branch (`XXX` or not starting with `X`).
pub(super) fn swift_bic(v: &[u8]) -> bool {
    if v.len() != 8 && v.len() != 11 {
        return false;
    }
    if !v[..6].iter().all(u8::is_ascii_uppercase)
        || !v[6..]
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        return false;
    }
    if !iso_country(&v[4..6]) || matches!(v[6], b'0' | b'1') || v[7] == b'0' {
        return false;
    }
    if v.len() == 11 && v[8] == b'X' && &v[8..] != b"XXX" {
        return false;
    }
    // all one letter (`AAAAAAAA`) is a placeholder
    !v[..4].iter().all(|&b| b == v[0]) && !BIC_LOOKALIKE_WORDS.contains(&v)
}

/// Upper-case English words that fit the BIC structure (valid country in
/// positions 5-6) and turn up next to "SWIFT"/"BIC" in forms and statements.
const BIC_LOOKALIKE_WORDS: &[&[u8]] = &[
    b"REQUIRED",
    b"REGISTER",
    b"CUSTOMER",
    b"BUSINESS",
    b"BANKNAME",
    b"BRANCHES",
    b"DOCUMENT",
    b"ORIGINAL",
    b"MESSAGES",
    b"TRANSACT",
    b"FINANCES",
    b"CHECKING",
    b"DEPOSITS",
    b"DOMESTIC",
    b"OVERSEAS",
    b"PLATINUM",
    b"SUPPLIER",
    b"SUPPLIES",
    b"BENEFITS",
    b"ATTACHED",
    b"PROVIDED",
    b"VERIFIED",
    b"CONFIRMS",
    b"SHIPMENT",
    b"DELIVERY",
    b"FEEDBACK",
    b"USERNAME",
    b"REMITTER",
    b"EUROPEAN",
    b"FRANCAIS",
    b"DEUTSCHE",
    b"ESPANOLA",
    b"ACCEPTED",
    b"DECLINED",
    b"REQUESTS",
    b"MANAGERS",
    b"HOLDINGS",
    b"PARTNERS",
    b"PROPERTY",
    b"MORTGAGE",
    b"INTEREST",
    b"BALANCES",
    b"NUMBERED",
    b"ROUTINGS",
    b"SORTCODE",
    b"ELECTRON",
    b"CREDITOR",
    b"CREDITED",
    b"BRANCHID",
    b"BANKCODE",
    b"COMMERCE",
    b"RETAILER",
    b"OPERATOR",
    b"SETTINGS",
    b"PROFILES",
    b"ACTIVITY",
    b"ANNUALLY",
    b"DIVIDEND",
    b"ESTIMATE",
    b"SHIPPERS",
    b"CARRIERS",
    b"OVERVIEW",
    b"BENEFICIARY",
    b"INSTRUCTION",
    b"TRANSACTION",
    b"NETHERLANDS",
    b"INSTITUTION",
    b"ASSOCIATION",
];

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
    fn accounts_routing_bic() {
        check(
            us_bank_account,
            "us_bank_account",
            &[
                ("000123456789", true),
                ("4820193377", true),
                ("123456789", false),
                ("111111111", false),
                ("12345678", false),
            ],
        );
        check(
            us_aba_routing,
            "us_aba_routing",
            &[
                ("021000021", true),
                ("011000015", true),
                ("121000358", true),
                ("322271627", true),
                ("021000022", false),
                ("131000021", false), // 13 is not a valid prefix
                ("000000000", false),
            ],
        );
        check(
            swift_bic,
            "swift_bic",
            &[
                ("DEUTDEFF", true),
                ("DEUTDEFF500", true),
                ("NWBKGB2L", true),
                ("BNPAFRPPXXX", true),
                ("DEUTDEF0", false), // test BIC
                ("DEUTZZFF", false), // ZZ is no country
                ("DEUTDEFFX12", false),
                ("AAAAGB2L", false),
                ("deutdeff", false),
                ("REQUIRED", false),
                ("BENEFICIARY", false),
            ],
        );
    }
}
