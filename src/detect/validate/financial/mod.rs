//! Validators for financial identifiers: payment card numbers (Luhn, issuer
//! prefix and length), card expiry dates and security codes, magnetic-stripe
//! tracks, IBANs (ISO 13616 structure and length per country, ISO 7064
//! mod 97-10, national BBAN check digits where published), national BBAN
//! forms (FR, DE, IT, ES, UK), US/CA bank accounts, ABA routing numbers,
//! SWIFT/BIC codes and the Argentine SUBE card.
//!
//! Every function works on the matched bytes (separators included) with the
//! stack buffers of `common`; nothing allocates, nothing panics.

mod bban;
mod cards;
mod iban;
mod other;

use super::Validator;
use bban::{de_bban, es_bban, fr_bban, gb_bban, gb_sort_account, it_bban};
use cards::{
    ar_sube, card_cvv, card_expiry, card_expiry_blocker, card_expiry_my, card_expiry_ym,
    card_magstripe, card_number, card_number_strict,
};
use iban::iban;
use other::{swift_bic, us_aba_routing, us_bank_account};

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "card_number" => card_number,
        "card_number_strict" => card_number_strict,
        "card_expiry" => card_expiry,
        "card_expiry_ym" => card_expiry_ym,
        "card_expiry_my" => card_expiry_my,
        "card_expiry_blocker" => card_expiry_blocker,
        "card_cvv" => card_cvv,
        "card_magstripe" => card_magstripe,
        "ar_sube" => ar_sube,
        "us_bank_account" => us_bank_account,
        "us_aba_routing" => us_aba_routing,
        "swift_bic" => swift_bic,
        "iban" => iban,
        "fr_bban" => fr_bban,
        "de_bban" => de_bban,
        "it_bban" => it_bban,
        "es_bban" => es_bban,
        "gb_bban" => gb_bban,
        "gb_sort_account" => gb_sort_account,
        _ => return None,
    };
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every validator name this file registers.
    const NAMES: [&str; 19] = [
        "card_number",
        "card_number_strict",
        "card_expiry",
        "card_expiry_ym",
        "card_expiry_my",
        "card_expiry_blocker",
        "card_cvv",
        "card_magstripe",
        "ar_sube",
        "us_bank_account",
        "us_aba_routing",
        "swift_bic",
        "iban",
        "fr_bban",
        "de_bban",
        "it_bban",
        "es_bban",
        "gb_bban",
        "gb_sort_account",
    ];

    #[test]
    fn all_names_resolve() {
        for n in NAMES {
            assert!(lookup(n).is_some(), "{n}");
        }
        assert!(lookup("nope").is_none());
    }

    #[test]
    fn no_panic_on_odd_input() {
        for s in [
            "",
            "^",
            "%B",
            ";=",
            "%B1234567890123^^",
            "B^",
            "==",
            "\u{00e9}\u{00e9}",
            "FR",
            "GB2",
            "0",
            "-",
            " - - ",
        ] {
            for n in NAMES {
                let _ = lookup(n).unwrap()(s.as_bytes());
            }
        }
    }
}
