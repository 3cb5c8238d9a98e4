//! Macie policy findings from bucket verdicts.
//!
//! In: a [`BucketExposure`] (and, when a content scan's results were given,
//! the bucket's [`ContentSummary`]). Out: [`PolicyFinding`]s in Macie's
//! finding shape: `type` (`Policy:IAMUser/S3BucketPublic`...), `category`
//! POLICY, `severity{description, score}`, `title`, `description`,
//! `resourcesAffected.s3Bucket` with Macie's field names, `policyDetails`
//! null (these come from reading settings, not from a CloudTrail event),
//! and an `evidence` extension holding the statements, grants or settings
//! that raised the finding. Types beyond Macie's are named
//! `Policy:piiscan/...`.

use super::content::ContentSummary;
use super::evaluate::{Audience, Tri};
use super::verdict::{BucketExposure, EffectivePermission, PublicAccess};
use crate::findings::model::SeverityJson;
use crate::findings::object::fnv64;
use serde::Serialize;
use serde_json::{json, Value};

/// Macie finding `s3Bucket` (plus inventory fields Macie keeps in `BucketMetadata`).
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FindingBucket {
    /// Bucket name.
    pub name: String,
    /// Bucket ARN.
    pub arn: String,
    /// Creation time.
    pub created_at: Option<String>,
    /// Owner `{id, displayName}`.
    pub owner: Option<Value>,
    /// Default encryption `{encryptionType, kmsMasterKeyId}`.
    pub default_server_side_encryption: Value,
    /// Public access.
    pub public_access: PublicAccess,
    /// TRUE / FALSE / UNKNOWN.
    pub allows_unencrypted_object_uploads: Tri,
    /// Tags (not read).
    pub tags: Vec<Value>,
    /// Region (BucketMetadata).
    pub region: Option<String>,
    /// Shared access (BucketMetadata).
    pub shared_access: super::verdict::SharedAccess,
    /// Replication (BucketMetadata).
    pub replication_details: super::verdict::ReplicationDetails,
    /// Versioning (BucketMetadata).
    pub versioning: Option<bool>,
}

/// `resourcesAffected` of a policy finding.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyResources {
    /// The bucket.
    pub s3_bucket: FindingBucket,
}

/// A Macie-shaped policy finding.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyFinding {
    /// Schema version.
    pub schema_version: &'static str,
    /// Deterministic id (hash of type and bucket).
    pub id: String,
    /// Account.
    pub account_id: Option<String>,
    /// Region.
    pub region: Option<String>,
    /// `aws`.
    pub partition: &'static str,
    /// Finding type.
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// POLICY.
    pub category: &'static str,
    /// Title.
    pub title: String,
    /// Description.
    pub description: String,
    /// Severity.
    pub severity: SeverityJson,
    /// 1 (each run reports the current state).
    pub count: u64,
    /// Archived.
    pub archived: bool,
    /// Sample.
    pub sample: bool,
    /// Created.
    pub created_at: String,
    /// Updated.
    pub updated_at: String,
    /// The bucket.
    pub resources_affected: PolicyResources,
    /// Null: found by reading settings, not from an API call event.
    pub policy_details: Option<Value>,
    /// What raised the finding (piiscan extension).
    pub evidence: Value,
}

/// Finding types.
pub mod types {
    /// All bucket-level BPA settings off (and the account level does not block).
    pub const BPA_DISABLED: &str = "Policy:IAMUser/S3BlockPublicAccessDisabled";
    /// No default encryption.
    pub const ENCRYPTION_DISABLED: &str = "Policy:IAMUser/S3BucketEncryptionDisabled";
    /// Public by ACL or policy.
    pub const PUBLIC: &str = "Policy:IAMUser/S3BucketPublic";
    /// Replicated to another account.
    pub const REPLICATED_EXTERNALLY: &str = "Policy:IAMUser/S3BucketReplicatedExternally";
    /// Shared with another account.
    pub const SHARED_EXTERNALLY: &str = "Policy:IAMUser/S3BucketSharedExternally";
    /// Shared with CloudFront only.
    pub const SHARED_WITH_CLOUDFRONT: &str = "Policy:IAMUser/S3BucketSharedWithCloudFront";
    /// No TLS-only Deny.
    pub const INSECURE_TRANSPORT: &str = "Policy:piiscan/S3BucketInsecureTransportAllowed";
    /// Wildcard actions granted to principals other than the owner's account.
    pub const WILDCARD_ACTION: &str = "Policy:piiscan/S3BucketWildcardActionGranted";
    /// Versioning or MFA delete off on a bucket with sensitive data.
    pub const VERSIONING_DISABLED: &str =
        "Policy:piiscan/S3BucketVersioningDisabledWithSensitiveData";
}

fn sev(level: &'static str) -> SeverityJson {
    let score = match level {
        "High" => 3,
        "Medium" => 2,
        _ => 1,
    };
    SeverityJson {
        description: level,
        score,
    }
}

fn bucket_of(e: &BucketExposure) -> FindingBucket {
    FindingBucket {
        name: e.bucket_name.clone(),
        arn: e.bucket_arn.clone(),
        created_at: e.bucket_created_at.clone(),
        owner: e.owner.clone(),
        default_server_side_encryption: json!({
            "encryptionType": e.server_side_encryption.kind,
            "kmsMasterKeyId": e.server_side_encryption.kms_master_key_id,
        }),
        public_access: e.public_access.clone(),
        allows_unencrypted_object_uploads: e.allows_unencrypted_object_uploads,
        tags: vec![],
        region: e.region.clone(),
        shared_access: e.shared_access,
        replication_details: e.replication_details.clone(),
        versioning: e.versioning,
    }
}

/// The policy findings for one bucket. `content` is the bucket's content
/// summary when scan results were given (needed for the versioning finding).
pub fn policy_findings(
    e: &BucketExposure,
    content: Option<&ContentSummary>,
    created_at: &str,
) -> Vec<PolicyFinding> {
    let mut out = Vec::new();
    let name = &e.bucket_name;
    let mut push = |kind: &'static str,
                    level: &'static str,
                    title: String,
                    description: String,
                    evidence: Value| {
        out.push(PolicyFinding {
            schema_version: "1.0",
            id: fnv64(&[kind, name]),
            account_id: e.account_id.clone(),
            region: e.region.clone(),
            partition: "aws",
            kind,
            category: "POLICY",
            title,
            description,
            severity: sev(level),
            count: 1,
            archived: false,
            sample: false,
            created_at: created_at.to_string(),
            updated_at: created_at.to_string(),
            resources_affected: PolicyResources {
                s3_bucket: bucket_of(e),
            },
            policy_details: None,
            evidence,
        });
    };
    let pc = &e.public_access.permission_configuration;
    let acct_bpa = pc.account_level_permissions.block_public_access;
    let bucket_bpa = pc.bucket_level_permissions.block_public_access;

    // Block Public Access disabled: bucket level all off, account level not blocking.
    if let Some(b) = bucket_bpa {
        let account_blocks = acct_bpa.is_some_and(|a| !a.all_off());
        if b.all_off() && !account_blocks {
            push(
                types::BPA_DISABLED,
                "High",
                format!("Block Public Access settings are disabled for the S3 bucket {name}."),
                format!(
                    "All bucket-level Block Public Access settings are off for {name}, and the account level {}.",
                    match acct_bpa {
                        Some(_) => "blocks nothing either",
                        None => "could not be read",
                    }
                ),
                json!({"bucketLevel": b, "accountLevel": acct_bpa}),
            );
        }
    }
    if e.server_side_encryption.kind == "NONE" {
        push(
            types::ENCRYPTION_DISABLED,
            "Low",
            format!("Default encryption is disabled for the S3 bucket {name}."),
            format!("The bucket {name} has no default server-side encryption: new objects are stored unencrypted unless the uploader asks for encryption."),
            json!({"serverSideEncryption": "NONE", "allowsUnencryptedObjectUploads": e.allows_unencrypted_object_uploads}),
        );
    }
    if e.public_access.effective_permission == EffectivePermission::Public {
        let grants: Vec<&super::evaluate::PolicyGrant> = e
            .policy_grants
            .iter()
            .filter(|g| g.audience == Audience::Public)
            .collect();
        let acl: Vec<_> = e
            .acl_grants
            .iter()
            .filter(|g| {
                matches!(
                    g.grantee,
                    super::settings::Grantee::AllUsers
                        | super::settings::Grantee::AuthenticatedUsers
                )
            })
            .collect();
        push(
            types::PUBLIC,
            "High",
            format!("The S3 bucket {name} is publicly accessible."),
            format!("{}.", e.public_access.reasons.join("; ")),
            json!({
                "reasons": e.public_access.reasons,
                "policyStatements": grants.iter().map(|g| &g.evidence).collect::<Vec<_>>(),
                "aclGrants": acl,
                "accountLevelBlockPublicAccess": acct_bpa,
                "bucketLevelBlockPublicAccess": bucket_bpa,
            }),
        );
    }
    if e.replication_details.replicated_externally {
        push(
            types::REPLICATED_EXTERNALLY,
            "High",
            format!("The S3 bucket {name} is replicated to an external AWS account."),
            format!(
                "Replication rules of {name} copy objects to {} in account(s) {}.",
                e.replication_details.destinations.join(", "),
                e.replication_details.replication_accounts.join(", ")
            ),
            json!({"replicationDetails": e.replication_details}),
        );
    }
    if !e.external_principals.is_empty() {
        push(
            types::SHARED_EXTERNALLY,
            "High",
            format!("The S3 bucket {name} is shared with an external AWS account."),
            format!("{}.", e.shared_access_reasons.join("; ")),
            json!({
                "externalPrincipals": e.external_principals,
                "reasons": e.shared_access_reasons,
                "policyStatements": e.policy_grants.iter().filter(|g| matches!(g.audience, Audience::Account(_) | Audience::CanonicalUser(_) | Audience::CloudFrontOac(_))).map(|g| &g.evidence).collect::<Vec<_>>(),
                "aclGrants": e.acl_grants.iter().filter(|g| matches!(g.grantee, super::settings::Grantee::CanonicalUser{..} | super::settings::Grantee::Email{..})).collect::<Vec<_>>(),
            }),
        );
    } else if !e.cloud_front.is_empty() {
        push(
            types::SHARED_WITH_CLOUDFRONT,
            "Medium",
            format!("The S3 bucket {name} is shared with a CloudFront distribution."),
            format!(
                "The bucket policy of {name} grants access to {}.",
                e.cloud_front.join(", ")
            ),
            json!({
                "cloudFront": e.cloud_front,
                "policyStatements": e.policy_grants.iter().filter(|g| matches!(g.audience, Audience::CloudFrontOai(_) | Audience::CloudFrontOac(_))).map(|g| &g.evidence).collect::<Vec<_>>(),
            }),
        );
    }
    if e.enforces_transport_encryption == Tri::False {
        push(
            types::INSECURE_TRANSPORT,
            "Low",
            format!("The S3 bucket {name} allows requests without TLS."),
            format!("The bucket policy of {name} has no Deny of all actions for all principals when aws:SecureTransport is false."),
            json!({"enforcesTransportEncryption": false}),
        );
    }
    let wild: Vec<_> = e
        .policy_grants
        .iter()
        .filter(|g| g.wildcard_action)
        .filter(|g| match &g.audience {
            Audience::Account(a) => Some(a) != e.account_id.as_ref(),
            Audience::Service(_) => false,
            _ => true,
        })
        .collect();
    if !wild.is_empty() {
        let broad = wild.iter().any(|g| g.all_actions);
        let public = wild.iter().any(|g| g.audience == Audience::Public);
        push(
            types::WILDCARD_ACTION,
            if broad && public { "High" } else { "Medium" },
            format!("The S3 bucket {name} grants wildcard actions to other principals."),
            format!(
                "Statements {} grant wildcard actions to principals outside the owner's account.",
                wild.iter()
                    .map(|g| g.statement.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            json!({"grants": wild}),
        );
    }
    if let Some(c) = content.filter(|c| c.sensitive()) {
        let level = match (e.versioning, e.mfa_delete) {
            (Some(false), _) => Some("Medium"),
            (Some(true), Some(false)) => Some("Low"),
            _ => None,
        };
        if let Some(level) = level {
            push(
                types::VERSIONING_DISABLED,
                level,
                format!(
                    "The S3 bucket {name} holds sensitive data without {}.",
                    if e.versioning == Some(false) {
                        "versioning"
                    } else {
                        "MFA delete"
                    }
                ),
                if e.versioning == Some(false) {
                    format!(
                        "{} objects in {name} hold sensitive data and versioning is off: an overwrite or deletion cannot be undone.",
                        c.objects_with_findings
                    )
                } else {
                    format!(
                        "{} objects in {name} hold sensitive data and MFA delete is off: object versions can be deleted for good with the owner's credentials alone.",
                        c.objects_with_findings
                    )
                },
                json!({"versioning": e.versioning, "mfaDelete": e.mfa_delete, "objectsWithFindings": c.objects_with_findings}),
            );
        }
    }
    out
}
