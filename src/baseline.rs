//! Baselines: accept what is already known, report only what is new.
//!
//! A baseline records, per object (root + key) and detector type, how many
//! occurrences were accepted. A later scan suppresses a type in an object
//! while its count does not exceed the baseline's; one more occurrence and
//! the whole type is reported again. The file holds no value, hash or sample
//! of the sensitive data itself (a hash of a 9-digit SSN is trivially
//! reversed), so it is safe to commit next to the data it describes.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A baseline: (root, key, type) → accepted count.
#[derive(Debug, Default, Clone, Serialize, Deserialize)]
pub struct Baseline {
    /// Format version (1).
    pub version: u32,
    /// Entries, sorted.
    pub entries: Vec<BaselineEntry>,
    #[serde(skip)]
    index: BTreeMap<(String, String, String), u64>,
}

/// One accepted (object, type) pair.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord)]
pub struct BaselineEntry {
    /// Root path or bucket.
    pub root: String,
    /// Key or relative path.
    pub key: String,
    /// Detector id.
    #[serde(rename = "type")]
    pub kind: String,
    /// Accepted occurrences.
    pub count: u64,
}

impl Baseline {
    /// Build from entries.
    pub fn from_entries(mut entries: Vec<BaselineEntry>) -> Baseline {
        entries.sort();
        let index = entries
            .iter()
            .map(|e| ((e.root.clone(), e.key.clone(), e.kind.clone()), e.count))
            .collect();
        Baseline {
            version: 1,
            entries,
            index,
        }
    }

    /// Load a baseline file.
    pub fn load(path: &std::path::Path) -> Result<Baseline, String> {
        let text = std::fs::read_to_string(path)
            .map_err(|e| format!("{}: cannot read baseline: {e}", path.display()))?;
        let b: Baseline = serde_json::from_str(&text).map_err(|e| {
            format!(
                "{}:{}: not a piiscan baseline: {e}",
                path.display(),
                e.line()
            )
        })?;
        Ok(Baseline::from_entries(b.entries))
    }

    /// Accepted count for a type in an object.
    pub fn accepted(&self, root: &str, key: &str, kind: &str) -> Option<u64> {
        self.index
            .get(&(root.to_string(), key.to_string(), kind.to_string()))
            .copied()
    }
}
