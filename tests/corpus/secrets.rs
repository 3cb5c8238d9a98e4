//! Corpus part: Credentials and secrets (detectors/credentials.toml, detectors/secrets.toml).
//! Positives are generated afresh with each token's public structure
//! (prefix, length, alphabet, checksum where the format has one) in the
//! contexts real leaks show up in (.env, YAML, JSON, shell, Dockerfiles,
//! HTTP, code, logs); decoys are look-alikes no detector may report
//! (placeholders, documentation values, broken checksums, hashes, UUIDs,
//! identifiers in non-secret names, truncated tokens).

use super::gen::*;

mod decoys;
mod keys;
mod saas;
mod util;
mod web;

/// Planted positives, one set per document.
pub fn positives(r: &mut Rng) -> Vec<Plant> {
    let mut v = Vec::new();
    v.extend(keys::positives(r));
    v.extend(saas::positives(r));
    v.extend(web::positives(r));
    v
}

/// Look-alikes, one set per document.
pub fn decoys(r: &mut Rng) -> Vec<String> {
    decoys::decoys(r)
}
