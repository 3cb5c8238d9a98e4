//! Command implementations for the binary.
pub mod args;
pub mod buckets_cmd;
pub mod detectors_cmd;
pub mod engine_setup;
pub mod progress;
pub mod scan_cmd;
