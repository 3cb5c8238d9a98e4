//! What a scan reports: matches, their confidence, why candidates were
//! dropped, and the context regions callers pass in.

use std::ops::Range;

/// How much a match is to be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Confidence {
    /// Structural match only.
    Low,
    /// Structure plus a checksum or a keyword.
    Medium,
    /// Structure, checksum or distinctive prefix, and context.
    High,
}

/// Why a candidate was dropped (for `piiscan detectors test`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Rejection {
    /// The validator (checksum or structural rule) said no.
    FailedValidation,
    /// A documented test or example value.
    KnownTestValue,
    /// Contains one of the detector's ignore words.
    IgnoreWord,
    /// On the user's allow list.
    AllowListed,
    /// Inside a longer, better match.
    Overlapped,
    /// Part of a longer number (`123-45-6789-0`, `1.2.10.0.0.1`).
    Embedded,
    /// The text around it says it is something else (`reject_context`,
    /// `not_a_keyword`).
    Context,
}

/// A detection: which detector, where, and how sure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Detector index in `Engine::detectors`.
    pub detector: u32,
    /// Byte span of the value in the scanned buffer.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// A keyword (or column name / path) supported it.
    pub keyword: bool,
    /// Confidence.
    pub confidence: Confidence,
}

/// A region whose context (column name, JSON path) satisfies the keywords of
/// some detectors: their patterns are searched in it without a keyword.
#[derive(Debug, Clone)]
pub struct ContextRegion<'a> {
    /// Byte range in the buffer.
    pub range: Range<usize>,
    /// Detector indices satisfied by the context.
    pub detectors: &'a [u32],
}
