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
    after_help = "Examples:\n  piiscan scan ./exports\n  piiscan scan ./exports --format json --output findings.json --results results.jsonl\n  piiscan scan . --include '*.csv' --exclude 'node_modules/**' --max-file-size 100MB\n  piiscan detectors list\n  piiscan detectors test suspicious.txt\n\nRun 'piiscan help scan' for all scan options."
)]
pub struct Cli {
    #[command(subcommand)]
    pub cmd: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Scan files, directories (or S3 locations) for sensitive data.
    #[command(after_help = concat!("Examples:\n  piiscan scan ./exports\n  piiscan scan ./logs --format jsonl > findings.jsonl\n  piiscan scan data.csv --reveal\n  piiscan scan ./repo --detectors all --exclude-detectors IP_ADDRESS\n  piiscan scan ./exports --custom-identifiers ids.json --allow-list allow.txt\n  piiscan scan ./exports --write-baseline baseline.json   # accept what is there now\n  piiscan scan ./exports --baseline baseline.json         # report only what is new\n\n", "Exit codes:\n  0  nothing sensitive found      1  findings\n  2  some objects failed          3  usage or configuration error\n  130 interrupted (partial results still written)"))]
    Scan(ScanArgs),
    /// List, test and check detectors.
    #[command(subcommand)]
    Detectors(DetectorsCmd),
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
    /// Files or directories to scan.
    #[arg(required = true, value_name = "PATH")]
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
}
