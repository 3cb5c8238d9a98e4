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

mod address;
mod address_words;
mod dates;
mod geo;
mod name;
mod name_stopwords;
mod network;
mod phone;
mod regions;
mod text;
mod vehicle;

use super::Validator;
use address::{address_eu, address_uk, address_us};
use dates::date_of_birth;
use geo::{latlong_any_order, latlong_pair};
use name::full_name;
use network::{email_address, ipv4_address, ipv6_address, mac_address};
use phone::{phone_br, phone_de, phone_es, phone_fr, phone_it, phone_uk, phone_us_ca};
use vehicle::vin;

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
    use super::address_words::{STREET_SUFFIX_EN, UNIT_WORDS};
    use super::name::NAME_PARTICLES;
    use super::name_stopwords::name_stop;
    use super::regions::{AU_STATES, CA_PROVINCES, US_STATES, US_STATE_NAMES};
    use super::*;

    /// Every validator of this module, by name.
    const VALIDATORS: &[&str] = &[
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
    ];

    #[test]
    fn word_lists_sorted() {
        for (name, l) in [
            ("NAME_PARTICLES", NAME_PARTICLES),
            ("NAME_STOP", name_stop()),
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
            for name in VALIDATORS {
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
                for name in VALIDATORS {
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
        for name in VALIDATORS {
            let f = lookup(name).unwrap();
            for i in inputs {
                let _ = f(i);
            }
        }
    }
}
