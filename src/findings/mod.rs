//! Findings: the Macie-shaped model, per-object collection, masking,
//! per-root/bucket summaries and output formats.
//!
//! In: detections with locations (from extractors). Out: one result record
//! per object, one finding per object with sensitive data, one summary per
//! root or bucket, written as text, JSON, JSON Lines or SARIF.

pub mod mask;
pub mod model;
pub mod object;
pub mod output;
pub mod render;
pub mod store;
pub mod summary;

pub use model::Finding;
pub use object::{
    FindingOptions, ObjectCollector, ObjectMeta, ObjectResult, ObjectTag, Outcome, SkippedPart,
    Status,
};
pub use summary::{RequestStats, RootSummary};
