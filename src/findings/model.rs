//! The Macie finding JSON shape (camelCase), and piiscan's per-object result
//! record. Field names follow Macie's `GetFindings` output so tools that
//! consume Macie findings can consume these; fields Macie has that a local
//! scan cannot know (account id, job ARN) are null.

use serde::Serialize;

/// Macie `occurrences`: every kind is present (possibly empty) so consumers
/// can index any of them.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Occurrences {
    /// Text: lines (1-based) and start column (1-based characters).
    pub line_ranges: Vec<LineRange>,
    /// Byte offsets (0-based, end exclusive) — reserved in Macie, filled here.
    pub offset_ranges: Vec<OffsetRange>,
    /// Delimited text and spreadsheets.
    pub cells: Vec<Cell>,
    /// JSON, JSON Lines, Avro, Parquet.
    pub records: Vec<Record>,
    /// PDF pages.
    pub pages: Vec<Page>,
}

/// A line range.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct LineRange {
    /// First line (1-based).
    pub start: u64,
    /// Last line (1-based).
    pub end: u64,
    /// Column of the first character (1-based, in characters).
    pub start_column: u64,
    /// Archive member path, when inside an archive (piiscan extension).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
}

/// A byte range.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct OffsetRange {
    /// Start byte (0-based).
    pub start: u64,
    /// End byte (exclusive).
    pub end: u64,
    /// Column of the first character (1-based).
    pub start_column: u64,
    /// Archive member path (piiscan extension).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
}

/// A table cell.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Cell {
    /// Row (1-based, header row included as in Macie).
    pub row: u64,
    /// Column (1-based).
    pub column: u64,
    /// Header name, if any.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column_name: Option<String>,
    /// Spreadsheet reference such as `Sheet2!C5`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell_reference: Option<String>,
    /// Archive member path (piiscan extension).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
}

/// A record in a record-oriented file.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Record {
    /// 0-based record (line for JSON Lines; 0 for a JSON document).
    pub record_index: u64,
    /// JSON path of the value (`$.customer.card`).
    pub json_path: String,
    /// Archive member path (piiscan extension).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
}

/// A page.
#[derive(Debug, Clone, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Page {
    /// 1-based page number.
    pub page_number: u64,
    /// Line within the page text (Macie reserves it; filled here).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line_range: Option<LineRange>,
    /// Archive member path (piiscan extension).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
}

/// Where one occurrence is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// Plain text: lines plus byte offsets.
    Text(LineRange, OffsetRange),
    /// A cell.
    Cell(Cell),
    /// A record.
    Record(Record),
    /// A page.
    Page(Page),
}

impl Occurrences {
    /// Append a location to the matching list.
    pub fn push(&mut self, loc: Location) {
        match loc {
            Location::Text(l, o) => {
                self.line_ranges.push(l);
                self.offset_ranges.push(o);
            }
            Location::Cell(c) => self.cells.push(c),
            Location::Record(r) => self.records.push(r),
            Location::Page(p) => self.pages.push(p),
        }
    }
}

/// Severity object.
#[derive(Debug, Clone, Serialize)]
pub struct SeverityJson {
    /// Low | Medium | High.
    pub description: &'static str,
    /// 1..3.
    pub score: u8,
}

/// One detection of a managed type in a finding.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Detection {
    /// The detector id (Macie's managed data identifier id where one exists).
    #[serde(rename = "type")]
    pub kind: String,
    /// Complete count in the object.
    pub count: u64,
    /// Up to `--max-occurrences` locations (Macie lists 15).
    pub occurrences: Occurrences,
    /// Masked samples (full values only with `--reveal`) — piiscan extension.
    pub samples: Vec<String>,
}

/// Sensitive data of one category.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SensitiveData {
    /// CREDENTIALS | FINANCIAL_INFORMATION | PERSONAL_INFORMATION.
    pub category: &'static str,
    /// Sum of detection counts.
    pub total_count: u64,
    /// Detections.
    pub detections: Vec<Detection>,
}

/// A custom identifier detection.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomDetection {
    /// Identifier reference (`piiscan:custom/<name>`).
    pub arn: String,
    /// Name.
    pub name: String,
    /// Count.
    pub count: u64,
    /// Locations.
    pub occurrences: Occurrences,
    /// Masked samples.
    pub samples: Vec<String>,
}

/// Custom identifier results.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomDataIdentifiers {
    /// Total.
    pub total_count: u64,
    /// Detections.
    pub detections: Vec<CustomDetection>,
}

/// Classification status.
#[derive(Debug, Clone, Serialize)]
pub struct StatusJson {
    /// COMPLETE | PARTIAL | SKIPPED.
    pub code: &'static str,
    /// Reason code when not COMPLETE.
    pub reason: Option<String>,
}

/// `classificationDetails.result`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassificationResult {
    /// MIME type of the object.
    pub mime_type: String,
    /// Bytes classified.
    pub size_classified: u64,
    /// More occurrences exist than listed.
    pub additional_occurrences: bool,
    /// Status.
    pub status: StatusJson,
    /// Managed detections by category.
    pub sensitive_data: Vec<SensitiveData>,
    /// Custom detections.
    pub custom_data_identifiers: CustomDataIdentifiers,
}

/// `classificationDetails`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ClassificationDetails {
    /// Always SENSITIVE_DATA_DISCOVERY_JOB.
    pub origin_type: &'static str,
    /// The run id.
    pub job_id: String,
    /// Job ARN (none for local runs).
    pub job_arn: Option<String>,
    /// Where the per-object results were written (`--results`).
    pub detailed_results_location: Option<String>,
    /// The result.
    pub result: ClassificationResult,
}

/// `resourcesAffected.s3Bucket` (the scanned root for local scans).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct S3Bucket {
    /// Bucket name, or the local root path.
    pub name: String,
    /// ARN (`arn:aws:s3:::name`) for S3, null for local roots.
    pub arn: Option<String>,
    /// Region, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Owner, if known.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<serde_json::Value>,
}

/// Server-side encryption of an object.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ServerSideEncryption {
    /// NONE | AES256 | aws:kms | aws:kms:dsse.
    pub encryption_type: String,
    /// KMS key.
    pub kms_master_key_id: Option<String>,
}

/// `resourcesAffected.s3Object`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct S3Object {
    /// Bucket ARN (null for local).
    pub bucket_arn: Option<String>,
    /// Key, or the path relative to the root.
    pub key: String,
    /// `bucket/key` or the full local path.
    pub path: String,
    /// File extension.
    pub extension: Option<String>,
    /// ETag (S3).
    pub e_tag: Option<String>,
    /// Version id (S3).
    pub version_id: Option<String>,
    /// Last modified (RFC 3339).
    pub last_modified: Option<String>,
    /// Size in bytes.
    pub size: u64,
    /// Storage class (S3).
    pub storage_class: Option<String>,
    /// Encryption (S3).
    pub server_side_encryption: Option<ServerSideEncryption>,
    /// Public access (S3; unknown here).
    pub public_access: Option<bool>,
    /// Tags (S3, when read).
    pub tags: Vec<serde_json::Value>,
}

/// `resourcesAffected`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResourcesAffected {
    /// Bucket or root.
    pub s3_bucket: S3Bucket,
    /// Object or file.
    pub s3_object: S3Object,
}

/// A Macie-shaped sensitive data finding (one per object with sensitive data).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// Schema version.
    pub schema_version: &'static str,
    /// Deterministic id (hash of run, root and key).
    pub id: String,
    /// Account (S3 only, when known).
    pub account_id: Option<String>,
    /// Region (S3 only).
    pub region: Option<String>,
    /// `aws`.
    pub partition: &'static str,
    /// `SensitiveData:S3Object/Personal|Financial|Credentials|CustomIdentifier|Multiple`.
    #[serde(rename = "type")]
    pub kind: String,
    /// CLASSIFICATION.
    pub category: &'static str,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Severity.
    pub severity: SeverityJson,
    /// Always 1 for sensitive data findings.
    pub count: u64,
    /// Archived (suppressed).
    pub archived: bool,
    /// Sample finding.
    pub sample: bool,
    /// Created.
    pub created_at: String,
    /// Updated.
    pub updated_at: String,
    /// Classification.
    pub classification_details: ClassificationDetails,
    /// Affected resource.
    pub resources_affected: ResourcesAffected,
}
