//! piiscan: a fast, accurate sensitive-data scanner for S3 buckets and local
//! disks, with Amazon Macie-shaped findings.
//!
//! The pipeline flows one way: `source` (enumerate and open objects) →
//! `extract` (text chunks with locators) → `detect` (one pass, all
//! detectors, validation and context) → `findings` (Macie-shaped findings per
//! object, results for every object, summaries per root or bucket). `scan`
//! wires the stages with bounded channels for local roots, `scan_s3` for S3
//! buckets (async listing and GETs feeding the same workers); the library
//! never prints.
#![deny(missing_docs)]

pub mod aws;
pub mod baseline;
pub mod benchdata;
pub mod detect;
pub mod exposure;
pub mod extract;
pub mod findings;
pub mod scan;
pub mod scan_s3;
pub mod source;
pub mod util;
