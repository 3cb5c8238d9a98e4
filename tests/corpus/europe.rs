//! Corpus part: European national identifiers and driving licences (detectors/europe.toml, detectors/drivers_licenses_eu.toml).
//! Positives are generated afresh (valid check digits, realistic context);
//! decoys are look-alikes no detector may report.

#[macro_use]
mod ctx;
mod dl;
mod fr_de;
mod it_es;
mod uk;

use super::gen::*;

/// Planted positives, one set per document.
pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = uk::positives(r);
    v.extend(fr_de::positives(r));
    v.extend(it_es::positives(r));
    v.extend(dl::positives(r));
    v
}

/// Look-alikes, one set per document.
pub fn decoys(r: &mut Rng) -> Vec<String> {
    let mut v = uk::decoys(r);
    v.extend(fr_de::decoys(r));
    v.extend(it_es::decoys(r));
    v.extend(dl::decoys(r));
    v.extend(ctx::everyday(r));
    v
}
