//! The detector catalog as data: the TOML schema of `detectors/*.toml`, the
//! embedded built-in files, and checks that run before anything is compiled.
//!
//! In: TOML text (embedded at build time by `build.rs`, or a user's file).
//! Out: a validated `Vec<DetectorDef>`; compiling them is `engine`'s job.
//! Why: detectors are data so that every rule carries its own examples and the
//! catalog documents itself; a malformed file is an error that names the file,
//! the line and the problem, never a silent skip.

use serde::{Deserialize, Serialize};
use std::collections::HashSet;

include!(concat!(env!("OUT_DIR"), "/embedded_detectors.rs"));

/// Macie's three managed categories, plus custom identifiers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Category {
    /// Secrets: keys, tokens, passwords.
    Credentials,
    /// Card numbers, bank accounts, IBANs.
    FinancialInformation,
    /// PII and PHI.
    PersonalInformation,
    /// User-defined custom data identifiers.
    CustomIdentifier,
}

impl Category {
    /// The API spelling (`CREDENTIALS`, ...).
    pub fn as_str(self) -> &'static str {
        match self {
            Category::Credentials => "CREDENTIALS",
            Category::FinancialInformation => "FINANCIAL_INFORMATION",
            Category::PersonalInformation => "PERSONAL_INFORMATION",
            Category::CustomIdentifier => "CUSTOM_IDENTIFIER",
        }
    }
}

/// Sub-kind of personal information.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum SubKind {
    /// Personally identifiable information.
    PII,
    /// Protected health information.
    PHI,
}

/// Finding severity level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Severity {
    /// Low.
    Low,
    /// Medium.
    Medium,
    /// High.
    High,
}

impl Severity {
    /// Macie's `severity.description` (`Low`, `Medium`, `High`).
    pub fn description(self) -> &'static str {
        match self {
            Severity::Low => "Low",
            Severity::Medium => "Medium",
            Severity::High => "High",
        }
    }
    /// Macie's numeric `severity.score` (1..3).
    pub fn score(self) -> u8 {
        match self {
            Severity::Low => 1,
            Severity::Medium => 2,
            Severity::High => 3,
        }
    }
}

fn default_distance() -> usize {
    30
}

/// One regex of a detector. A detector has one pattern from its top-level
/// `regex`, and any number more under `[[detector.patterns]]`, each of which may
/// override the validator and the keyword requirement (Macie's UK bank account
/// id, say, needs no keyword for the IBAN form but one for the BBAN form).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PatternDef {
    /// The regex (Rust `regex` syntax, bytes, ASCII classes). A group named
    /// `v` narrows the reported value to that group.
    pub regex: String,
    /// Validator name; falls back to the detector's.
    #[serde(default)]
    pub validator: Option<String>,
    /// Keyword requirement; falls back to the detector's.
    #[serde(default)]
    pub keyword_required: Option<bool>,
    /// Structural trigger; falls back to the detector's (see `prefilter`).
    #[serde(default)]
    pub prefilter: Option<String>,
}

/// A context rule (see `DetectorDef::reject_context`).
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct ContextRule {
    /// Regex over the text before the value (end anchored by `$`).
    #[serde(default)]
    pub before: Option<String>,
    /// Regex over the text after the value (start anchored by `^`).
    #[serde(default)]
    pub after: Option<String>,
}

/// A detector as written in `detectors/*.toml`.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DetectorDef {
    /// Macie's managed data identifier id where one exists.
    pub id: String,
    /// Human-readable name.
    pub name: String,
    /// Category.
    pub category: Category,
    /// PII or PHI, for personal information.
    #[serde(default)]
    pub kind: Option<SubKind>,
    /// ISO 3166 alpha-2 country codes, empty for any.
    #[serde(default)]
    pub countries: Vec<String>,
    /// Main regex (optional if `patterns` is given).
    #[serde(default)]
    pub regex: Option<String>,
    /// Validator function name (see `validate::lookup`).
    #[serde(default)]
    pub validator: Option<String>,
    /// Keywords; case-insensitive, spaces also match `_`, `-` and nothing.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// Maximum characters between the end of a keyword and the start of the match.
    #[serde(default = "default_distance")]
    pub keyword_distance: usize,
    /// Whether a keyword (or a matching column name / JSON path) is required.
    #[serde(default)]
    pub keyword_required: bool,
    /// A keyword labels only the nearest value after it (a `DOB:` label does
    /// not make the next line's timestamp a birth date).
    #[serde(default)]
    pub keyword_nearest: bool,
    /// Case-sensitive words: a match containing one is dropped.
    #[serde(default)]
    pub ignore_words: Vec<String>,
    /// Known test or documentation values never reported (compared with
    /// separators removed, case-insensitively).
    #[serde(default)]
    pub exclude_values: Vec<String>,
    /// Severity for 1, 2–99 and ≥100 occurrences in one object.
    #[serde(default)]
    pub severity: Option<[Severity; 3]>,
    /// Custom identifiers only: Macie's `severityLevels` (ascending thresholds).
    #[serde(default)]
    pub severity_levels: Vec<SeverityLevel>,
    /// In the low-noise recommended set (Macie's "recommended" where it has one).
    #[serde(default)]
    pub recommended: bool,
    /// Whether `id` is an Amazon Macie managed data identifier id.
    #[serde(default)]
    pub macie: bool,
    /// For patterns needing no keyword and having no literal prefix: a
    /// structural trigger every match contains, so the pattern is tried only
    /// around it instead of over every byte (`engine.rs`, `Prefilter`):
    /// `email` (an `@`), `ipv4` (digit `.` digit), `ipv6` (`:` next to a hex
    /// digit or `:`), `card` (13 digits, or 4 + separator + 4, at a word
    /// start).
    #[serde(default)]
    pub prefilter: Option<String>,
    /// Context that makes a match something else (`Dutch driving licence
    /// 5157167811` is not a US licence): a match is dropped when a rule's
    /// `before` regex matches the text just before it (up to 48 bytes, `$`
    /// is the value's start) and its `after` regex the text just after it
    /// (`^` is the value's end); a missing side always holds.
    #[serde(default)]
    pub reject_context: Vec<ContextRule>,
    /// A match overlapping another detector's keyword is that keyword, not a
    /// value (`Documento Nacional de Identidad` is not a person's name).
    #[serde(default)]
    pub not_a_keyword: bool,
    /// A token every match of the keyword-triggered patterns contains
    /// (`anchor.rs`): a keyword window with none within reach of a match is
    /// skipped. `postcode`: four digits after a space, five digits before a
    /// space, or a capital with a digit one or two bytes on.
    #[serde(default)]
    pub window_anchor: Option<String>,
    /// Extra patterns.
    #[serde(default)]
    pub patterns: Vec<PatternDef>,
    /// Short description of the rule and its validation.
    #[serde(default)]
    pub description: String,
    /// Texts in which this detector must fire.
    #[serde(default)]
    pub examples: Vec<String>,
    /// Texts in which this detector must not fire.
    #[serde(default)]
    pub negative_examples: Vec<String>,
}

impl DetectorDef {
    /// All patterns with the detector's defaults applied: (regex, validator, keyword_required).
    pub fn effective_patterns(&self) -> Vec<(String, Option<String>, bool)> {
        let mut v = Vec::new();
        if let Some(r) = &self.regex {
            v.push((r.clone(), self.validator.clone(), self.keyword_required));
        }
        for p in &self.patterns {
            v.push((
                p.regex.clone(),
                p.validator.clone().or_else(|| self.validator.clone()),
                p.keyword_required.unwrap_or(self.keyword_required),
            ));
        }
        v
    }

    /// The prefilter of each pattern, in `effective_patterns` order.
    pub fn pattern_prefilters(&self) -> Vec<Option<String>> {
        let mut v = Vec::new();
        if self.regex.is_some() {
            v.push(self.prefilter.clone());
        }
        for p in &self.patterns {
            v.push(p.prefilter.clone().or_else(|| self.prefilter.clone()));
        }
        v
    }

    /// Severity for `count` occurrences (Macie: 1 / 2–99 / ≥100). Custom
    /// identifiers use their `severity_levels` (none below the lowest
    /// threshold: no finding) or Medium when they have none.
    pub fn severity_for(&self, count: u64) -> Option<Severity> {
        if self.category == Category::CustomIdentifier {
            if self.severity_levels.is_empty() {
                return Some(Severity::Medium);
            }
            return self
                .severity_levels
                .iter()
                .filter(|l| count >= l.occurrences_threshold)
                .map(|l| l.severity)
                .max();
        }
        let s = self.severity.unwrap_or(match self.category {
            Category::Credentials | Category::FinancialInformation => [Severity::High; 3],
            _ => [Severity::Low, Severity::Medium, Severity::High],
        });
        Some(match count {
            0 | 1 => s[0],
            2..=99 => s[1],
            _ => s[2],
        })
    }
}

/// Macie's custom identifier severity level.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct SeverityLevel {
    /// Minimum occurrences in one object for this level.
    pub occurrences_threshold: u64,
    /// The level.
    pub severity: Severity,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogFile {
    #[serde(default)]
    detector: Vec<DetectorDef>,
}

/// An error in a detector file: which file, which line, what is wrong.
#[derive(Debug, thiserror::Error)]
#[error("{file}:{line}: {message}")]
pub struct CatalogError {
    /// File name.
    pub file: String,
    /// 1-based line (0 when unknown).
    pub line: usize,
    /// The problem.
    pub message: String,
}

/// Line number (1-based) of a byte offset.
pub fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()[..offset.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Parse one detector file.
pub fn parse_file(file: &str, text: &str) -> Result<Vec<DetectorDef>, CatalogError> {
    let parsed: CatalogFile = toml::from_str(text).map_err(|e| CatalogError {
        file: file.to_string(),
        line: e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
        message: e.message().to_string(),
    })?;
    for d in &parsed.detector {
        let line = text
            .find(&format!("\"{}\"", d.id))
            .map(|o| line_of(text, o))
            .unwrap_or(0);
        let err = |m: String| CatalogError {
            file: file.to_string(),
            line,
            message: format!("detector {}: {m}", d.id),
        };
        if d.effective_patterns().is_empty() {
            return Err(err("has no regex".into()));
        }
        if d.keyword_required && d.keywords.is_empty() {
            return Err(err("keyword_required but no keywords".into()));
        }
        if d.examples.is_empty() || d.negative_examples.is_empty() {
            return Err(err(
                "needs at least one example and one negative example".into()
            ));
        }
        if d.category == Category::PersonalInformation && d.kind.is_none() {
            return Err(err(
                "personal information needs kind = \"PII\" or \"PHI\"".into()
            ));
        }
    }
    Ok(parsed.detector)
}

/// The built-in catalog, parsed and checked (duplicate ids are an error).
pub fn builtin() -> Result<Vec<DetectorDef>, CatalogError> {
    let mut all = Vec::new();
    let mut seen = HashSet::new();
    for (file, text) in EMBEDDED {
        for d in parse_file(file, text)? {
            if !seen.insert(d.id.clone()) {
                return Err(CatalogError {
                    file: file.to_string(),
                    line: 0,
                    message: format!("duplicate detector id {}", d.id),
                });
            }
            all.push(d);
        }
    }
    Ok(all)
}
