//! Bucket and account settings as plain data, read by [`super::reader`].
//!
//! In: nothing (data only). Out: [`BucketSettings`] and [`AccountSettings`]:
//! every setting as read, `Ok(None)` where the API says "not configured"
//! (404 with the documented error code), or a [`ReadError`] with the API,
//! the error code and the message where it could not be read. Nothing is
//! concluded here: a setting that could not be read stays an error, so
//! evaluation can say UNKNOWN instead of safe, and evaluation stays a pure
//! function of this struct, tested without a server.

use serde::Serialize;

/// A setting that could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(rename_all = "camelCase")]
#[error("{api}: {}{message}", code.as_ref().map(|c| format!("{c}: ")).unwrap_or_default())]
pub struct ReadError {
    /// The API call (`GetBucketPolicy`).
    pub api: String,
    /// The service's error code (`AccessDenied`), if it gave one.
    pub code: Option<String>,
    /// What went wrong.
    pub message: String,
}

impl ReadError {
    /// A read error without a service error code.
    pub fn new(api: &str, message: impl Into<String>) -> Self {
        ReadError {
            api: api.to_string(),
            code: None,
            message: message.into(),
        }
    }
}

/// A setting as read: a value, or why it could not be read.
pub type Read<T> = Result<T, ReadError>;

/// Errors that stop the whole inventory (not one bucket's setting).
#[derive(Debug, thiserror::Error)]
pub enum SettingsError {
    /// ListBuckets failed.
    #[error("cannot list buckets: {0}")]
    ListBuckets(ReadError),
}

/// The four Block Public Access flags (account or bucket level).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BlockPublicAccess {
    /// Reject new public ACLs.
    pub block_public_acls: bool,
    /// Ignore existing public ACLs.
    pub ignore_public_acls: bool,
    /// Reject new public bucket policies.
    pub block_public_policy: bool,
    /// Restrict access under a public policy to AWS services and the owner's account.
    pub restrict_public_buckets: bool,
}

impl BlockPublicAccess {
    /// All four flags off.
    pub fn all_off(&self) -> bool {
        !(self.block_public_acls
            || self.ignore_public_acls
            || self.block_public_policy
            || self.restrict_public_buckets)
    }
    /// All four flags on.
    pub fn all_on(&self) -> bool {
        self.block_public_acls
            && self.ignore_public_acls
            && self.block_public_policy
            && self.restrict_public_buckets
    }
}

/// Who an ACL grant is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Grantee {
    /// `http://acs.amazonaws.com/groups/global/AllUsers`: anyone, anonymous included.
    AllUsers,
    /// `http://acs.amazonaws.com/groups/global/AuthenticatedUsers`: any AWS identity.
    AuthenticatedUsers,
    /// `http://acs.amazonaws.com/groups/s3/LogDelivery`: the S3 log delivery group.
    LogDelivery,
    /// Another group URI.
    Group {
        /// The URI.
        uri: String,
    },
    /// A canonical user.
    CanonicalUser {
        /// Canonical id.
        id: String,
        /// Display name, if given.
        display_name: Option<String>,
    },
    /// An account by e-mail address.
    Email {
        /// The address.
        address: String,
    },
}

/// One ACL grant.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AclGrant {
    /// Grantee.
    pub grantee: Grantee,
    /// READ | WRITE | READ_ACP | WRITE_ACP | FULL_CONTROL.
    pub permission: String,
}

/// The bucket ACL.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Acl {
    /// Owner's canonical id.
    pub owner_id: Option<String>,
    /// Owner's display name.
    pub owner_display_name: Option<String>,
    /// Grants.
    pub grants: Vec<AclGrant>,
}

/// Default encryption.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DefaultEncryption {
    /// `AES256` (SSE-S3), `aws:kms` (SSE-KMS), `aws:kms:dsse` (DSSE-KMS).
    pub algorithm: String,
    /// KMS key, for the KMS types.
    pub kms_master_key_id: Option<String>,
    /// S3 Bucket Key enabled.
    pub bucket_key_enabled: bool,
}

/// Versioning.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Versioning {
    /// `Enabled`, `Suspended`, or none (never enabled).
    pub status: Option<String>,
    /// MFA delete: `Enabled` or `Disabled` (none when never configured).
    pub mfa_delete: Option<String>,
}

/// One replication rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicationRule {
    /// Rule id.
    pub id: Option<String>,
    /// `Enabled` or `Disabled`.
    pub status: String,
    /// Destination bucket ARN.
    pub destination_bucket: String,
    /// Destination account, when the rule names one.
    pub destination_account: Option<String>,
}

/// Replication configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Replication {
    /// IAM role S3 assumes to replicate.
    pub role: String,
    /// Rules.
    pub rules: Vec<ReplicationRule>,
}

/// Server access logging.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Logging {
    /// Where logs go.
    pub target_bucket: String,
    /// Key prefix of the logs.
    pub target_prefix: String,
}

/// Object Lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ObjectLock {
    /// Object Lock enabled on the bucket.
    pub enabled: bool,
    /// Default retention mode (`GOVERNANCE` | `COMPLIANCE`).
    pub mode: Option<String>,
    /// Default retention in days.
    pub days: Option<i32>,
    /// Default retention in years.
    pub years: Option<i32>,
}

/// What is known about the account, read once per run.
#[derive(Debug, Clone)]
pub struct AccountSettings {
    /// The account id (STS GetCallerIdentity or `--account-id`).
    pub account_id: Read<String>,
    /// Account-level Block Public Access (`None`: not configured).
    pub block_public_access: Read<Option<BlockPublicAccess>>,
}

/// Everything read about one bucket. Plain data: evaluation is a pure function of it.
#[derive(Debug, Clone)]
pub struct BucketSettings {
    /// Bucket name.
    pub name: String,
    /// Creation time (RFC 3339), from ListBuckets.
    pub created_at: Option<String>,
    /// Region (GetBucketLocation).
    pub region: Read<String>,
    /// The account (assumed to own the bucket).
    pub account: AccountSettings,
    /// Bucket-level Block Public Access.
    pub block_public_access: Read<Option<BlockPublicAccess>>,
    /// ACL.
    pub acl: Read<Acl>,
    /// Object ownership (`BucketOwnerEnforced` disables ACLs).
    pub ownership: Read<Option<String>>,
    /// Bucket policy text.
    pub policy: Read<Option<String>>,
    /// GetBucketPolicyStatus `IsPublic` (`None`: no policy).
    pub policy_status: Read<Option<bool>>,
    /// Default encryption (`None`: not configured).
    pub encryption: Read<Option<DefaultEncryption>>,
    /// Versioning and MFA delete.
    pub versioning: Read<Versioning>,
    /// Replication (`None`: not configured).
    pub replication: Read<Option<Replication>>,
    /// Server access logging (`None`: off).
    pub logging: Read<Option<Logging>>,
    /// Object Lock (`None`: not configured).
    pub object_lock: Read<Option<ObjectLock>>,
}
