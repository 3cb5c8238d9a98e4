//! Bucket exposure: bucket settings read through the S3 API, evaluated the
//! way Macie's bucket inventory does, and turned into Macie policy findings.
//!
//! In: bucket names (or ListBuckets). Out: per bucket, the settings as read
//! (`settings`), the verdicts (`verdict`: public access, shared access,
//! encryption, with the settings that decide them), the policy findings
//! (`findings`), and reports combining exposure with what a content scan
//! found (`report`). Reading is the only part that talks to AWS; everything
//! after it is a pure function of a [`settings::BucketSettings`], so it is
//! tested without a server.

mod conditions;
pub mod content;
pub mod evaluate;
pub mod findings;
pub mod inventory;
mod matching;
pub mod policy;
pub mod reader;
pub mod report;
pub mod settings;
pub mod verdict;
