//! The bucket inventory record: Macie's `BucketMetadata` field names plus
//! piiscan's evidence fields.
//!
//! In: nothing (data only; built by `verdict`). Out: [`BucketExposure`] and
//! its parts, serialised in Macie's camelCase names
//! (`publicAccess.effectivePermission`, `permissionConfiguration`,
//! `sharedAccess`, `replicationDetails`, `serverSideEncryption`,
//! `allowsUnencryptedObjectUploads`, `versioning`, `errorCode`) so tools that
//! read Macie's inventory can read these.

use super::evaluate::{PolicyGrant, Tri};
use super::settings::{AclGrant, BlockPublicAccess, ReadError};
use serde::Serialize;

/// PUBLIC / NOT_PUBLIC / UNKNOWN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum EffectivePermission {
    /// Anyone can read or write.
    Public,
    /// Not public.
    NotPublic,
    /// Could not be determined (a setting could not be read).
    Unknown,
}

/// EXTERNAL / INTERNAL / NOT_SHARED / UNKNOWN.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum SharedAccess {
    /// Shared with another account, or a CloudFront OAI/OAC.
    External,
    /// Shared only with accounts of the organization.
    Internal,
    /// Not shared.
    NotShared,
    /// Could not be determined.
    Unknown,
}

/// `allowsPublicReadAccess` / `allowsPublicWriteAccess` of an ACL or policy.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicRw {
    /// Anyone can read.
    pub allows_public_read_access: bool,
    /// Anyone can write.
    pub allows_public_write_access: bool,
}

/// `accountLevelPermissions`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AccountLevelPermissions {
    /// Account BPA (null when unreadable; all false when not configured).
    pub block_public_access: Option<BlockPublicAccess>,
}

/// `bucketLevelPermissions`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BucketLevelPermissions {
    /// From the ACL (null when unreadable).
    pub access_control_list: Option<PublicRw>,
    /// Bucket BPA (null when unreadable).
    pub block_public_access: Option<BlockPublicAccess>,
    /// From the policy (null when unreadable or unparseable).
    pub bucket_policy: Option<PublicRw>,
}

/// `permissionConfiguration`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PermissionConfiguration {
    /// Account level.
    pub account_level_permissions: AccountLevelPermissions,
    /// Bucket level.
    pub bucket_level_permissions: BucketLevelPermissions,
}

/// `publicAccess`.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PublicAccess {
    /// The verdict.
    pub effective_permission: EffectivePermission,
    /// The settings it comes from.
    pub permission_configuration: PermissionConfiguration,
    /// Which settings make it so (piiscan extension).
    pub reasons: Vec<String>,
}

/// `replicationDetails`.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplicationDetails {
    /// An enabled replication rule exists.
    pub replicated: bool,
    /// A rule replicates to another account.
    pub replicated_externally: bool,
    /// Destination accounts named by the rules.
    pub replication_accounts: Vec<String>,
    /// Destination bucket ARNs (piiscan extension).
    pub destinations: Vec<String>,
}

/// `serverSideEncryption` (default encryption).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BucketEncryption {
    /// NONE | AES256 | aws:kms | aws:kms:dsse | UNKNOWN.
    #[serde(rename = "type")]
    pub kind: String,
    /// KMS key.
    pub kms_master_key_id: Option<String>,
    /// S3 Bucket Key (piiscan extension).
    pub bucket_key_enabled: bool,
}

/// The GetBucketPolicyStatus cross-check.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyStatusCheck {
    /// S3's `IsPublic` (null when unavailable).
    pub is_public_according_to_s3: Option<bool>,
    /// piiscan's evaluation of the policy alone (null when unknown).
    pub is_public_according_to_piiscan: Option<bool>,
    /// Both answers known and equal.
    pub agree: Option<bool>,
}

/// Everything evaluated about one bucket, in Macie's `BucketMetadata` names.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BucketExposure {
    /// Owner account.
    pub account_id: Option<String>,
    /// `arn:aws:s3:::name`.
    pub bucket_arn: String,
    /// Name.
    pub bucket_name: String,
    /// Creation time.
    pub bucket_created_at: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// Owner canonical id and display name (from the ACL).
    pub owner: Option<serde_json::Value>,
    /// Public access.
    pub public_access: PublicAccess,
    /// Shared access.
    pub shared_access: SharedAccess,
    /// Why shared access is what it is (piiscan extension).
    pub shared_access_reasons: Vec<String>,
    /// External accounts or canonical ids with access (piiscan extension).
    pub external_principals: Vec<String>,
    /// CloudFront OAIs and OAC distributions with access (piiscan extension).
    pub cloud_front: Vec<String>,
    /// Replication.
    pub replication_details: ReplicationDetails,
    /// Default encryption.
    pub server_side_encryption: BucketEncryption,
    /// Does the policy allow uploads without a server-side-encryption header.
    pub allows_unencrypted_object_uploads: Tri,
    /// Does the policy deny requests without TLS (piiscan extension).
    pub enforces_transport_encryption: Tri,
    /// Versioning enabled (null when unreadable).
    pub versioning: Option<bool>,
    /// MFA delete enabled (null when unreadable; piiscan extension).
    pub mfa_delete: Option<bool>,
    /// Server access logging target bucket (piiscan extension).
    pub logging_target: Option<String>,
    /// Server access logging on (null when unreadable).
    pub logging_enabled: Option<bool>,
    /// Object Lock on (null when unreadable).
    pub object_lock_enabled: Option<bool>,
    /// ACLs disabled by `BucketOwnerEnforced`.
    pub acls_disabled: Option<bool>,
    /// ACL grants to anyone but the owner.
    pub acl_grants: Vec<AclGrant>,
    /// Policy grants (after Deny statements).
    pub policy_grants: Vec<PolicyGrant>,
    /// Allow statements cancelled by Deny statements.
    pub policy_neutralised: Vec<String>,
    /// The GetBucketPolicyStatus cross-check.
    pub policy_status: PolicyStatusCheck,
    /// Macie's `errorCode` (ACCESS_DENIED, or READ_ERROR) when some setting could not be read.
    pub error_code: Option<String>,
    /// Macie's `errorMessage`.
    pub error_message: Option<String>,
    /// Every setting that could not be read.
    pub read_errors: Vec<ReadError>,
    /// The policy text could not be parsed (reason).
    pub policy_parse_error: Option<String>,
}
