//! Validators for national identifiers of the Americas: United States (SSN,
//! ITIN, EIN, passport, driver's licence), Canada (SIN, passport, permanent
//! resident, driver's licence), Brazil (CPF, CNPJ, RG, CEP), Argentina (DNI,
//! CUIL/CUIT), Chile (RUT/RUN), Colombia (cédula, NIT) and Mexico (CURP, RFC).
//!
//! In: the matched value with its separators. Out: keep or drop.
//! Why: the regexes only give the shape; area/group rules, issuer prefixes,
//! mod-11 check digits and embedded birth dates decide. Everything works on
//! stack buffers (`Digits`), never allocates and never panics.

mod canada;
mod helpers;
mod latam;
mod us;

use super::Validator;
use canada::{ca_dl, ca_passport, ca_pr, ca_sin};
pub(crate) use helpers::dl_plausible;
pub(crate) use helpers::junk_digits;
pub(crate) use helpers::num;
use latam::{
    ar_cuit_org, ar_cuit_person, ar_dni, br_cep, br_cnpj, br_cpf, br_rg, cl_rut, co_cc, co_nit_org,
    co_nit_person, mx_curp, mx_nss, mx_rfc_org, mx_rfc_person,
};
use us::{us_dl, us_ein, us_itin, us_passport, us_ssn};

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "us_ssn" => us_ssn,
        "us_itin" => us_itin,
        "us_ein" => us_ein,
        "us_passport" => us_passport,
        "us_dl" => us_dl,
        "ca_sin" => ca_sin,
        "ca_passport" => ca_passport,
        "ca_pr" => ca_pr,
        "ca_dl" => ca_dl,
        "br_cpf" => br_cpf,
        "br_cnpj" => br_cnpj,
        "br_rg" => br_rg,
        "br_cep" => br_cep,
        "ar_dni" => ar_dni,
        "ar_cuit_person" => ar_cuit_person,
        "ar_cuit_org" => ar_cuit_org,
        "cl_rut" => cl_rut,
        "co_cc" => co_cc,
        "co_nit_person" => co_nit_person,
        "co_nit_org" => co_nit_org,
        "mx_curp" => mx_curp,
        "mx_rfc_person" => mx_rfc_person,
        "mx_rfc_org" => mx_rfc_org,
        "mx_nss" => mx_nss,
        _ => return None,
    };
    Some(f)
}
