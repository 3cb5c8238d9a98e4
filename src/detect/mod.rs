//! Detection: the catalog (data), validators (functions), the engine (one
//! pass, all detectors), and the user's custom identifiers and allow lists.
//!
//! In: detector definitions and text. Out: validated matches with spans.
//! Nothing here knows about files, S3 or output formats.

mod analysis;
mod anchor;
pub mod catalog;
pub mod custom;
pub mod engine;
pub mod keywords;
mod prefilter;
pub mod quick;
pub mod scanner;
pub mod selftest;
pub mod starts;
pub mod trie;
pub mod triggers;
pub mod validate;

pub use catalog::{Category, DetectorDef, Severity};
pub use engine::{Confidence, ContextRegion, Engine, Match, Rejection, Scanner};

use std::collections::HashSet;

/// Macie-style allow list: literal entries (case-insensitive, the whole value
/// must equal one) and regexes (the whole value must match one). Matches on
/// it are dropped from findings, counts and results.
#[derive(Debug, Default)]
pub struct AllowList {
    literals: HashSet<Vec<u8>>,
    regex: Option<regex_automata::meta::Regex>,
}

impl AllowList {
    /// Build from literal strings and regex sources (already checked).
    pub fn new(literals: &[String], regexes: &[String]) -> Result<AllowList, String> {
        let regex = if regexes.is_empty() {
            None
        } else {
            let wrapped: Vec<String> = regexes.iter().map(|r| format!("^(?:{r})$")).collect();
            Some(regex_automata::meta::Regex::new_many(&wrapped).map_err(|e| e.to_string())?)
        };
        Ok(AllowList {
            literals: literals
                .iter()
                .map(|l| l.trim().to_lowercase().into_bytes())
                .collect(),
            regex,
        })
    }

    /// Whether a value is allowed (suppressed).
    pub fn allows(&self, value: &[u8]) -> bool {
        if !self.literals.is_empty() {
            let low: Vec<u8> = value.iter().map(|b| b.to_ascii_lowercase()).collect();
            if self.literals.contains(&low) {
                return true;
            }
        }
        self.regex.as_ref().is_some_and(|r| r.is_match(value))
    }

    /// True when nothing is allowed.
    pub fn is_empty(&self) -> bool {
        self.literals.is_empty() && self.regex.is_none()
    }
}

/// Which detectors to use: Macie's selector idea.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    /// Every detector.
    All,
    /// The low-noise recommended set (the default).
    Recommended,
    /// Exactly these ids.
    Only(Vec<String>),
}

impl Selection {
    /// Parse `all`, `recommended` or a comma-separated id list.
    pub fn parse(s: &str) -> Selection {
        match s.trim().to_ascii_lowercase().as_str() {
            "all" => Selection::All,
            "recommended" | "" => Selection::Recommended,
            _ => Selection::Only(
                s.split(',')
                    .map(|x| x.trim().to_string())
                    .filter(|x| !x.is_empty())
                    .collect(),
            ),
        }
    }
}

/// Errors building the engine from the catalog and the user's files.
#[derive(Debug, thiserror::Error)]
pub enum BuildError {
    /// A catalog or custom-identifier file is malformed.
    #[error(transparent)]
    Catalog(#[from] catalog::CatalogError),
    /// Compilation failed.
    #[error(transparent)]
    Engine(#[from] engine::EngineError),
    /// An unknown detector id was named.
    #[error("unknown detector id {0:?} (see `piiscan detectors list`)")]
    UnknownId(String),
}

/// Select built-in detectors, add custom identifiers, and compile.
pub fn build_engine(
    selection: &Selection,
    exclude: &[String],
    custom: Vec<DetectorDef>,
    allow: AllowList,
) -> Result<Engine, BuildError> {
    let all = catalog::builtin()?;
    for id in exclude.iter().chain(match selection {
        Selection::Only(v) => v.iter(),
        _ => [].iter(),
    }) {
        if !all.iter().any(|d| &d.id == id) {
            return Err(BuildError::UnknownId(id.clone()));
        }
    }
    let mut defs: Vec<DetectorDef> = all
        .into_iter()
        .filter(|d| match selection {
            Selection::All => true,
            Selection::Recommended => d.recommended,
            Selection::Only(ids) => ids.contains(&d.id),
        })
        .filter(|d| !exclude.contains(&d.id))
        .collect();
    let n_builtin = defs.len();
    let n_custom = custom.len();
    defs.extend(custom);
    let mut custom_flags = vec![false; n_builtin];
    custom_flags.extend(std::iter::repeat_n(true, n_custom));
    Ok(Engine::new(defs, &custom_flags, allow)?)
}
