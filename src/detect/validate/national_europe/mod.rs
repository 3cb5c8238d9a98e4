//! Validators for European national identifiers: UK (driving licence, NINO,
//! NHS, passport, UTR/TRN, electoral roll), France (NIR, SPI, passport,
//! permis), Germany (Personalausweis, Reisepass, Steuer-IdNr, Steuernummer,
//! Führerschein), Italy (codice fiscale, passport, patente), Spain (DNI, NIE,
//! NIF, CIF, NSS, passport), EHIC card numbers, and the structural checks of
//! the other EU driving licences (Finnish HETU, Swedish personnummer, junk
//! rejection for the purely numeric ones).
//!
//! Every function takes the matched bytes (separators included) and works on
//! the stack; none allocates or panics on short or odd input.

mod eu_wide;
mod france_germany;
mod helpers;
mod italy_spain;
mod uk;

use super::Validator;
use eu_wide::{dl_digits, dl_fi_hetu, dl_se_pnr, eu_ehic, fi_ehic};
use france_germany::{
    de_dl, de_id, de_passport, de_steuernummer, de_taxid, fr_dl, fr_nir, fr_passport, fr_spi,
};
use italy_spain::{es_cif, es_dni, es_nie, es_nif, es_nss, es_passport, it_cf, it_dl, it_passport};
use uk::{uk_dl, uk_electoral, uk_nhs, uk_nino, uk_passport, uk_tax};

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "uk_dl" => uk_dl,
        "uk_nino" => uk_nino,
        "uk_nhs" => uk_nhs,
        "uk_passport" => uk_passport,
        "uk_tax" => uk_tax,
        "uk_electoral" => uk_electoral,
        "fr_nir" => fr_nir,
        "fr_spi" => fr_spi,
        "fr_passport" => fr_passport,
        "fr_dl" => fr_dl,
        "de_id" => de_id,
        "de_passport" => de_passport,
        "de_taxid" => de_taxid,
        "de_steuernummer" => de_steuernummer,
        "de_dl" => de_dl,
        "it_cf" => it_cf,
        "it_passport" => it_passport,
        "it_dl" => it_dl,
        "es_dni" => es_dni,
        "es_nie" => es_nie,
        "es_nif" => es_nif,
        "es_cif" => es_cif,
        "es_nss" => es_nss,
        "es_passport" => es_passport,
        "eu_ehic" => eu_ehic,
        "fi_ehic" => fi_ehic,
        "dl_digits" => dl_digits,
        "dl_fi_hetu" => dl_fi_hetu,
        "dl_se_pnr" => dl_se_pnr,
        _ => return None,
    };
    Some(f)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_panics() {
        let inputs: [&[u8]; 8] = [
            b"",
            b"-",
            b"A",
            b"9",
            b"\xff\xfe",
            b"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            b"2A2B2A2B2A2B2A2",
            b"12345678901234567890123456789012345678901234567890123456789012345678901234567890",
        ];
        let names = [
            "uk_dl",
            "uk_nino",
            "uk_nhs",
            "uk_passport",
            "uk_tax",
            "uk_electoral",
            "fr_nir",
            "fr_spi",
            "fr_passport",
            "fr_dl",
            "de_id",
            "de_passport",
            "de_taxid",
            "de_steuernummer",
            "de_dl",
            "it_cf",
            "it_passport",
            "it_dl",
            "es_dni",
            "es_nie",
            "es_nif",
            "es_cif",
            "es_nss",
            "es_passport",
            "eu_ehic",
            "fi_ehic",
            "dl_digits",
            "dl_fi_hetu",
            "dl_se_pnr",
        ];
        const ALPHABET: &[u8] = b"0123456789ABCKLMXYZ2A -/+.\xc3\xa9";
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for n in names {
            let f = lookup(n).unwrap();
            for i in inputs {
                let _ = f(i);
            }
            let mut buf = [0u8; 24];
            for _ in 0..3000 {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                let len = (seed % 25) as usize;
                for (k, b) in buf[..len].iter_mut().enumerate() {
                    *b = ALPHABET[((seed >> (k % 8 * 8)) as usize + k * 7) % ALPHABET.len()];
                }
                let _ = f(&buf[..len]);
            }
        }
    }
}
