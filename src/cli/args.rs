//! Command-line definitions (clap). Help texts carry examples; exit codes are
//! documented here and in the README.

use clap::{Args, Parser, Subcommand};
use piiscan::findings::output::Format;
use std::path::PathBuf;

#[derive(Parser, Debug)]
#[command(
    name = "piiscan",
    version,
    about = "Find personal data, financial data and credentials in local files and S3 buckets.",
    long_about = "piiscan finds personal data (PII, PHI), financial data and credentials in files on local disks and objects in S3 buckets, \
and reports per object and per bucket what is exposed and how badly. Findings use Amazon Macie's finding JSON shape.",
    after_help = "Examples:\n  piiscan scan ./exports\n  piiscan scan ./exports --format json --output findings.json --results results.jsonl\n  piiscan scan . --include '*.csv' --exclude 'node_modules/**' --max-file-size 100MB\n  piiscan scan s3://my-bucket/exports/ --extensions csv,json --sample 10 --results results.jsonl\n  piiscan scan --all-buckets --bucket-exclude '*-logs' --profile audit\n  piiscan detectors list\n  piiscan detectors test suspicious.txt\n  piiscan buckets --results results.jsonl\n\nRun 'piiscan help scan' for all scan options."
)]
pub struct Cli {
    #[command(subcommand)]
    pub cmd: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Scan files, directories (or S3 locations) for sensitive data.
    #[command(after_help = concat!("Examples:\n  piiscan scan ./exports\n  piiscan scan ./logs --format jsonl > findings.jsonl\n  piiscan scan data.csv --reveal\n  piiscan scan s3://my-bucket s3://other/prefix/ --results results.jsonl\n  piiscan scan s3://test --endpoint-url http://127.0.0.1:8333   # SeaweedFS, MinIO, ...\n  piiscan scan ./repo --detectors all --exclude-detectors IP_ADDRESS\n  piiscan scan ./exports --custom-identifiers ids.json --allow-list allow.txt\n  piiscan scan ./exports --write-baseline baseline.json   # accept what is there now\n  piiscan scan ./exports --baseline baseline.json         # report only what is new\n\n", "Exit codes:\n  0  nothing sensitive found      1  findings\n  2  some objects failed          3  usage or configuration error\n  130 interrupted (partial results still written)"))]
    Scan(ScanArgs),
    /// Check bucket exposure (public, shared, replicated, encryption) and join it with scan results.
    Buckets(super::buckets_cmd::BucketsArgs),
    /// List, test and check detectors.
    #[command(subcommand)]
    Detectors(DetectorsCmd),
    /// Write generated benchmark data (mixed logs, CSV, JSON Lines, prose, code) for timing runs.
    #[command(hide = true)]
    BenchData {
        /// Directory to create.
        dir: PathBuf,
        /// Total size (e.g. 400MiB).
        #[arg(long, default_value = "400MiB")]
        size: String,
        /// Number of files.
        #[arg(long, default_value_t = 40)]
        files: u64,
    },
}

#[derive(Subcommand, Debug)]
pub enum DetectorsCmd {
    /// List detectors (id, category, countries, keyword required, validation).
    #[command(
        after_help = "Examples:\n  piiscan detectors list\n  piiscan detectors list --format json\n  piiscan detectors list --recommended"
    )]
    List {
        /// table or json (or markdown, used to generate detectors/README.md).
        #[arg(long, default_value = "table")]
        format: String,
        /// Only the recommended (default) set.
        #[arg(long)]
        recommended: bool,
    },
    /// Show what each detector finds in a file, and why candidates were rejected.
    #[command(after_help = "Example:\n  piiscan detectors test sample.txt --detectors all")]
    Test {
        /// The file to test.
        file: PathBuf,
        #[command(flatten)]
        sel: DetectorSelection,
        /// Show full values instead of masked samples.
        #[arg(long)]
        reveal: bool,
    },
    /// Run the examples and negative examples of custom identifiers (and the built-in catalog).
    #[command(after_help = "Example:\n  piiscan detectors check --custom-identifiers ids.json")]
    Check {
        #[command(flatten)]
        sel: DetectorSelection,
    },
}

#[derive(Args, Debug, Clone)]
pub struct DetectorSelection {
    /// Detectors to use: `recommended` (default), `all`, or a comma-separated id list.
    #[arg(long, default_value = "recommended", value_name = "SET")]
    pub detectors: String,
    /// Detector ids to leave out (comma-separated or repeated).
    #[arg(long, value_delimiter = ',', value_name = "ID")]
    pub exclude_detectors: Vec<String>,
    /// Custom data identifiers file (Macie JSON array or TOML [[identifier]]).
    #[arg(long, value_name = "FILE")]
    pub custom_identifiers: Vec<PathBuf>,
    /// Allow list file: one literal per line, `re:REGEX` for patterns.
    #[arg(long, value_name = "FILE")]
    pub allow_list: Vec<PathBuf>,
}

#[derive(Args, Debug)]
pub struct ScanArgs {
    /// Files, directories or S3 locations (s3://bucket[/prefix]) to scan.
    #[arg(required_unless_present = "all_buckets", value_name = "PATH|S3URL")]
    pub paths: Vec<String>,
    #[command(flatten)]
    pub sel: DetectorSelection,
    /// Output format.
    #[arg(long, value_enum, default_value = "text")]
    pub format: Format,
    /// Write the output here instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write one JSON line per object in scope (clean, sensitive, skipped, failed).
    #[arg(long, value_name = "FILE")]
    pub results: Option<PathBuf>,
    /// Print full sensitive values instead of masked samples.
    #[arg(long)]
    pub reveal: bool,
    /// Only paths matching these globs (relative to the root; repeatable).
    #[arg(long, value_name = "GLOB")]
    pub include: Vec<String>,
    /// Skip paths matching these globs (relative to the root; repeatable).
    #[arg(long, value_name = "GLOB")]
    pub exclude: Vec<String>,
    /// Skip files larger than this (e.g. 100MB); they are reported as skipped.
    #[arg(long, value_name = "SIZE")]
    pub max_file_size: Option<String>,
    /// Follow symbolic links (off by default).
    #[arg(long)]
    pub follow_symlinks: bool,
    /// Worker threads (default: one per core).
    #[arg(long, short = 'j', default_value_t = 0)]
    pub threads: usize,
    /// Hidden (tests): per-object results held in memory before a sorted
    /// run is written to a temporary file (external sort of the output).
    #[arg(long, value_name = "N", hide = true, env = "PIISCAN_SORT_RECORDS",
          default_value_t = piiscan::findings::store::MAX_RECORDS)]
    pub sort_records: usize,
    /// Locations listed per detection type in a finding (Macie lists 15); counts stay complete.
    #[arg(long, default_value_t = 15)]
    pub max_occurrences: usize,
    /// Suppress findings already accepted in this baseline file.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write a baseline accepting every finding of this scan.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// Archive nesting depth limit.
    #[arg(long, default_value_t = 10)]
    pub max_depth: u32,
    /// Total decompressed bytes per object (e.g. 10GB).
    #[arg(long, value_name = "SIZE", default_value = "10GiB")]
    pub max_expanded: String,
    /// Bytes per archive member (e.g. 3GB).
    #[arg(long, value_name = "SIZE", default_value = "3GiB")]
    pub max_member_size: String,
    /// Decompressed/compressed ratio treated as a zip bomb.
    #[arg(long, default_value_t = 1000)]
    pub max_ratio: u64,
    /// Archive members extracted per object.
    #[arg(long, default_value_t = 1_000_000)]
    pub max_members: u64,
    /// JSON nesting depth; deeper files are skipped (Macie: 256).
    #[arg(long, default_value_t = 256)]
    pub max_json_depth: usize,
    /// Members and random-access streams held in memory up to this size; larger ones stream or spill to a temporary file.
    #[arg(long, value_name = "SIZE", default_value = "64MiB")]
    pub max_in_memory: String,
    /// No progress bar.
    #[arg(long)]
    pub no_progress: bool,
    /// Exit 0 after a completed scan, whatever was found.
    #[arg(long)]
    pub exit_zero: bool,
    /// Failed objects do not raise the exit code to 2.
    #[arg(long)]
    pub ignore_errors: bool,
    /// Colour in text output: auto, always, never.
    #[arg(long, default_value = "auto")]
    pub color: String,
    #[command(flatten)]
    pub s3: S3Args,
    #[command(flatten)]
    pub aws: AwsArgs,
}

/// S3 scope: which buckets and which objects (criteria apply before any GetObject).
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "S3")]
pub struct S3Args {
    /// Scan every bucket ListBuckets returns (with the locations given, if any).
    #[arg(long)]
    pub all_buckets: bool,
    /// With --all-buckets: only buckets whose name matches (glob, repeatable).
    #[arg(long, value_name = "GLOB")]
    pub bucket_include: Vec<String>,
    /// With --all-buckets: leave out buckets whose name matches (glob, repeatable).
    #[arg(long, value_name = "GLOB")]
    pub bucket_exclude: Vec<String>,
    /// S3 objects: only these file extensions (comma-separated, e.g. csv,json; case-insensitive).
    #[arg(long, value_delimiter = ',', value_name = "EXT")]
    pub extensions: Vec<String>,
    /// S3 objects: only objects at least this large (e.g. 1KB).
    #[arg(long, value_name = "SIZE")]
    pub min_size: Option<String>,
    /// S3 objects: only objects at most this large (larger are out of scope).
    #[arg(long, value_name = "SIZE")]
    pub max_size: Option<String>,
    /// S3 objects: only objects last modified at or after (RFC 3339 or YYYY-MM-DD, UTC).
    #[arg(long, value_name = "TIME")]
    pub modified_after: Option<String>,
    /// S3 objects: only objects last modified before (RFC 3339 or YYYY-MM-DD, UTC).
    #[arg(long, value_name = "TIME")]
    pub modified_before: Option<String>,
    /// S3 objects: scan a deterministic PERCENT of the objects in scope (by SHA-256 of bucket/key).
    #[arg(long, value_name = "PERCENT")]
    pub sample: Option<f64>,
    /// S3 objects: only objects with this tag (KEY or KEY=VALUE, repeatable, OR'd); one GetObjectTagging per object.
    #[arg(long, value_name = "KEY[=VALUE]")]
    pub tag: Vec<String>,
    /// S3 objects: leave out objects with this tag (KEY or KEY=VALUE, repeatable).
    #[arg(long, value_name = "KEY[=VALUE]")]
    pub exclude_tag: Vec<String>,
    /// S3 objects larger than this are SKIPPED (FILE_EXCEEDS_SIZE_LIMIT) without any GET.
    #[arg(long, value_name = "SIZE", default_value = "20GiB")]
    pub max_object_size: String,
    /// S3 requests in flight at once.
    #[arg(long, default_value_t = 16)]
    pub concurrency: usize,
    /// ListObjectsV2 page size (MaxKeys; default: the server's, 1,000).
    #[arg(long, value_name = "N", hide = true)]
    pub page_size: Option<i32>,
    /// Hidden (tests, measurements): zip/Office/Parquet objects larger than
    /// this are read by ranged GETs instead of downloaded whole; default:
    /// the in-memory cap (--max-in-memory, 64 MiB).
    #[arg(long, value_name = "SIZE", hide = true, env = "PIISCAN_RANGED_ABOVE")]
    pub ranged_above: Option<String>,
    /// Hidden (tests, measurements): largest ranged GET of sequential
    /// reading (4 MiB).
    #[arg(long, value_name = "SIZE", hide = true, env = "PIISCAN_RANGE_WINDOW")]
    pub range_window: Option<String>,
}

/// How to reach AWS or an S3-compatible store (shared by `scan s3://...` and `buckets`).
#[derive(Args, Debug, Clone, Default)]
#[command(next_help_heading = "AWS connection")]
pub struct AwsArgs {
    /// Named profile from the shared AWS config/credentials files.
    #[arg(long, value_name = "NAME")]
    pub profile: Option<String>,
    /// Region for requests (each bucket's own region is discovered).
    #[arg(long, value_name = "REGION")]
    pub region: Option<String>,
    /// Endpoint of an S3-compatible store (MinIO, Ceph, SeaweedFS, moto); forces path-style addressing.
    #[arg(long, value_name = "URL", env = "PIISCAN_ENDPOINT_URL")]
    pub endpoint_url: Option<String>,
    /// Attempts per request (throttling and transient errors are retried with backoff).
    #[arg(long, default_value_t = 5)]
    pub max_attempts: u32,
    /// Seconds without a byte before a request fails.
    #[arg(long, default_value_t = 30)]
    pub read_timeout: u64,
}

impl AwsArgs {
    /// The library's options.
    pub fn options(&self) -> piiscan::aws::AwsOptions {
        piiscan::aws::AwsOptions {
            profile: self.profile.clone(),
            region: self.region.clone(),
            endpoint_url: self.endpoint_url.clone(),
            max_attempts: self.max_attempts,
            read_timeout: std::time::Duration::from_secs(self.read_timeout),
            ..Default::default()
        }
    }
}
