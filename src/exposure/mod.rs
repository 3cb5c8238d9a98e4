//! Bucket exposure: bucket settings read through the S3 API, evaluated the
//! way Macie's bucket inventory does, and turned into Macie policy findings.
//!
//! In: bucket names (or ListBuckets). Out: per bucket, the settings as read
//! (`reader` → `settings`), the verdicts (`verdict` → `inventory`: public
//! access, shared access, replication, encryption, with the settings that
//! decide them), the policy findings (`findings`), and a report joining
//! exposure with what a content scan found (`content`, `report`). The bucket
//! policy is parsed by `policy` and evaluated by `evaluate` (with
//! `matching` for action/resource globs and `conditions` for which
//! conditions restrict a grant).
//!
//! Only `reader` talks to AWS; everything after it is a pure function of a
//! [`settings::BucketSettings`], so it is tested without a server.

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
