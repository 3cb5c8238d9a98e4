//! Validators: plain functions over the matched bytes that accept or reject a
//! candidate (checksums, structural rules, calendar dates).
//!
//! In: the candidate value as bytes (separators included, as matched).
//! Out: `true` to keep the candidate.
//! Why: the regex only proposes; rules that regexes cannot express (Luhn,
//! mod-97, check letters, real dates) decide. A detector names its validator in
//! TOML and `lookup` resolves it once when the catalog is compiled, so an
//! unknown name is a load error, not a runtime surprise. The functions are in
//! files by domain; each file exposes `lookup(name)`.

pub mod common;
pub mod credentials;
pub mod financial;
pub mod health;
pub mod national_americas;
pub mod national_apac;
pub mod national_europe;
pub mod personal;

/// A validator: accepts or rejects the matched bytes.
pub type Validator = fn(&[u8]) -> bool;

/// Resolve a validator by name.
pub fn lookup(name: &str) -> Option<Validator> {
    common::lookup(name)
        .or_else(|| credentials::lookup(name))
        .or_else(|| financial::lookup(name))
        .or_else(|| health::lookup(name))
        .or_else(|| national_americas::lookup(name))
        .or_else(|| national_europe::lookup(name))
        .or_else(|| national_apac::lookup(name))
        .or_else(|| personal::lookup(name))
}

pub use common::{digits, luhn_ok, Digits};
