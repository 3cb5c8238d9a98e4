//! Building the engine from the command line's detector selection.

use super::args::DetectorSelection;
use anyhow::{Context, Result};
use piiscan::detect::{self, custom, Engine, Selection};

/// Compile the engine for a selection (built-in set, custom identifiers, allow lists).
pub fn build(sel: &DetectorSelection) -> Result<Engine> {
    let mut customs = Vec::new();
    for p in &sel.custom_identifiers {
        customs.extend(custom::load_custom(p)?);
    }
    let allow = custom::load_allow_lists(&sel.allow_list)?;
    let selection = Selection::parse(&sel.detectors);
    let engine = detect::build_engine(&selection, &sel.exclude_detectors, customs, allow)
        .context("building the detector set")?;
    if engine.detectors.is_empty() {
        anyhow::bail!("no detectors selected (check --detectors / --exclude-detectors)");
    }
    Ok(engine)
}
