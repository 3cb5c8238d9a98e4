//! Bucket verdicts: from the settings as read to Macie's inventory fields.
//!
//! In: a [`BucketSettings`]. Out: a [`BucketExposure`] with Macie's
//! `BucketMetadata` names (`publicAccess.effectivePermission` and
//! `permissionConfiguration`, `sharedAccess`, `replicationDetails`,
//! `serverSideEncryption`, `allowsUnencryptedObjectUploads`, `versioning`)
//! plus piiscan's additions: the reasons behind each verdict, the policy
//! grants and ACL grants that decide them, the GetBucketPolicyStatus
//! cross-check, and every setting that could not be read.
//!
//! Block Public Access is applied as S3 applies it: `IgnorePublicAcls`
//! (account or bucket) neutralises public ACL grants, `RestrictPublicBuckets`
//! neutralises a public policy (and the cross-account grants in it).
//! `BlockPublicAcls` and `BlockPublicPolicy` only refuse *new* public ACLs
//! and policies; an existing one stays effective, so they neutralise nothing.
//! A setting that could not be read makes the verdict it feeds UNKNOWN,
//! never safe.

use super::evaluate::{analyse, Audience, PolicyAnalysis, PolicyContext, PolicyGrant, Tri};
pub use super::inventory::*;
use super::policy::parse;
use super::settings::{AclGrant, BlockPublicAccess, BucketSettings, Grantee, ReadError};

fn tri_or(a: Result<Option<bool>, ()>, b: Result<Option<bool>, ()>) -> Option<bool> {
    // Some(true) if either is on; Some(false) if both known off; None otherwise.
    match (a, b) {
        (Ok(Some(true)), _) | (_, Ok(Some(true))) => Some(true),
        (Ok(_), Ok(_)) => Some(false),
        _ => None,
    }
}

fn bpa_text(level: &str, b: &Result<Option<BlockPublicAccess>, ReadError>) -> String {
    match b {
        Err(e) => format!("{level} BPA unreadable ({e})"),
        Ok(None) => format!("{level} BPA not configured"),
        Ok(Some(b)) if b.all_off() => format!("{level} BPA off"),
        Ok(Some(b)) if b.all_on() => format!("{level} BPA on"),
        Ok(Some(b)) => {
            let mut on = vec![];
            for (n, v) in [
                ("BlockPublicAcls", b.block_public_acls),
                ("IgnorePublicAcls", b.ignore_public_acls),
                ("BlockPublicPolicy", b.block_public_policy),
                ("RestrictPublicBuckets", b.restrict_public_buckets),
            ] {
                if v {
                    on.push(n);
                }
            }
            format!("{level} BPA partly on ({})", on.join(", "))
        }
    }
}

fn flag(
    b: &Result<Option<BlockPublicAccess>, ReadError>,
    f: fn(&BlockPublicAccess) -> bool,
) -> Result<Option<bool>, ()> {
    match b {
        Ok(x) => Ok(x.as_ref().map(f)),
        Err(_) => Err(()),
    }
}

fn grant_text(g: &PolicyGrant) -> String {
    let who = match &g.audience {
        Audience::Public => "*".to_string(),
        Audience::Account(a) => format!("account {a}"),
        Audience::Organization(o) => format!("organization {o}"),
        Audience::Limited(d) => format!("callers with {d}"),
        Audience::CloudFrontOai(i) => format!("CloudFront OAI {i}"),
        Audience::CloudFrontOac(d) => format!("CloudFront distribution {d}"),
        Audience::Service(s) => format!("service {s}"),
        Audience::CanonicalUser(c) => format!("canonical user {c}"),
        Audience::Unresolved(d) => d.clone(),
    };
    let acts = if g.actions.len() > 3 {
        format!(
            "{} and {} more",
            g.actions[..3].join(","),
            g.actions.len() - 3
        )
    } else {
        g.actions.join(",")
    };
    format!(
        "bucket policy statement {} allows {who} {acts}",
        g.statement
    )
}

fn is_public_grantee(g: &Grantee) -> bool {
    matches!(g, Grantee::AllUsers | Grantee::AuthenticatedUsers)
}

fn acl_rw(grants: &[AclGrant]) -> PublicRw {
    let mut rw = PublicRw::default();
    for g in grants.iter().filter(|g| is_public_grantee(&g.grantee)) {
        match g.permission.as_str() {
            "READ" | "READ_ACP" => rw.allows_public_read_access = true,
            "WRITE" | "WRITE_ACP" => rw.allows_public_write_access = true,
            "FULL_CONTROL" => {
                rw.allows_public_read_access = true;
                rw.allows_public_write_access = true;
            }
            _ => {}
        }
    }
    rw
}

/// Evaluate one bucket's settings.
pub fn evaluate(s: &BucketSettings) -> BucketExposure {
    let account = s.account.account_id.as_ref().ok().cloned();
    let mut read_errors: Vec<ReadError> = Vec::new();
    macro_rules! note {
        ($r:expr) => {
            if let Err(e) = &$r {
                read_errors.push(e.clone());
            }
        };
    }
    note!(s.account.account_id);
    note!(s.account.block_public_access);
    note!(s.region);
    note!(s.block_public_access);
    note!(s.acl);
    note!(s.ownership);
    note!(s.policy);
    note!(s.policy_status);
    note!(s.encryption);
    note!(s.versioning);
    note!(s.replication);
    note!(s.logging);
    note!(s.object_lock);

    let owner_id = s.acl.as_ref().ok().and_then(|a| a.owner_id.clone());
    let acls_disabled = match &s.ownership {
        Ok(o) => Some(o.as_deref() == Some("BucketOwnerEnforced")),
        Err(_) => None,
    };

    // Policy.
    let mut policy_parse_error = None;
    let analysis: Option<PolicyAnalysis> = match &s.policy {
        Err(_) => None,
        Ok(None) => Some(PolicyAnalysis::default()),
        Ok(Some(text)) => match parse(text) {
            Ok(doc) => Some(analyse(
                &doc,
                &PolicyContext {
                    bucket: &s.name,
                    owner_account: account.as_deref(),
                    owner_canonical_id: owner_id.as_deref(),
                },
            )),
            Err(e) => {
                policy_parse_error = Some(e.to_string());
                None
            }
        },
    };
    let policy_rw = analysis.as_ref().map(|a| PublicRw {
        allows_public_read_access: a.allows_public_read(),
        allows_public_write_access: a.allows_public_write(),
    });

    // ACL.
    let acl_grants: Vec<AclGrant> = match &s.acl {
        Ok(a) => a
            .grants
            .iter()
            .filter(|g| {
                !matches!(&g.grantee, Grantee::CanonicalUser { id, .. } if Some(id) == owner_id.as_ref())
            })
            .cloned()
            .collect(),
        Err(_) => vec![],
    };
    let acl_rw_v = match (&s.acl, acls_disabled) {
        (_, Some(true)) => Some(PublicRw::default()),
        (Ok(_), _) => Some(acl_rw(&acl_grants)),
        (Err(_), _) => None,
    };

    // Block Public Access.
    let ab = &s.account.block_public_access;
    let bb = &s.block_public_access;
    let ignore_acls = tri_or(
        flag(ab, |b| b.ignore_public_acls),
        flag(bb, |b| b.ignore_public_acls),
    );
    let restrict = tri_or(
        flag(ab, |b| b.restrict_public_buckets),
        flag(bb, |b| b.restrict_public_buckets),
    );
    let bpa_ctx = format!("{}; {}", bpa_text("account", ab), bpa_text("bucket", bb));
    let neutraliser = |acct: fn(&BlockPublicAccess) -> bool, name: &str| -> String {
        let at_account = matches!(ab, Ok(Some(b)) if acct(b));
        format!(
            "neutralised by {} BPA {name}",
            if at_account { "account" } else { "bucket" }
        )
    };

    let mut reasons = Vec::new();
    let mut public = false;
    let mut unknown = false;

    // ACL publicness.
    match acl_rw_v {
        Some(rw) if rw.allows_public_read_access || rw.allows_public_write_access => {
            let what: Vec<String> = acl_grants
                .iter()
                .filter(|g| is_public_grantee(&g.grantee))
                .map(|g| format!("ACL grants {:?} {}", g.grantee, g.permission))
                .collect();
            let weigh = Weigh {
                blocked: ignore_acls,
                setting: "IgnorePublicAcls",
                neutralised: || neutraliser(|b| b.ignore_public_acls, "IgnorePublicAcls"),
            };
            weigh.apply(&what, &bpa_ctx, &mut public, &mut unknown, &mut reasons);
        }
        Some(_) => {
            if acls_disabled == Some(true) {
                reasons.push("ACLs disabled (BucketOwnerEnforced)".into());
            }
        }
        None => {
            if ignore_acls != Some(true) {
                unknown = true;
                let e = s
                    .acl
                    .as_ref()
                    .err()
                    .map(|e| e.to_string())
                    .unwrap_or_default();
                reasons.push(format!("ACL unreadable ({e})"));
            }
        }
    }

    // Policy publicness.
    let public_grants: Vec<&PolicyGrant> = analysis
        .as_ref()
        .map(|a| a.public().collect())
        .unwrap_or_default();
    match &analysis {
        Some(_) if !public_grants.is_empty() => {
            let what: Vec<String> = public_grants.iter().map(|g| grant_text(g)).collect();
            let weigh = Weigh {
                blocked: restrict,
                setting: "RestrictPublicBuckets",
                neutralised: || neutraliser(|b| b.restrict_public_buckets, "RestrictPublicBuckets"),
            };
            weigh.apply(&what, &bpa_ctx, &mut public, &mut unknown, &mut reasons);
        }
        Some(a) => {
            for n in &a.neutralised {
                reasons.push(format!("bucket policy statement {n}"));
            }
        }
        None => {
            if restrict != Some(true) {
                unknown = true;
                match (&s.policy, &policy_parse_error) {
                    (Err(e), _) => reasons.push(format!("bucket policy unreadable ({e})")),
                    (_, Some(p)) => reasons.push(p.clone()),
                    _ => {}
                }
            }
        }
    }

    // Cross-check with GetBucketPolicyStatus.
    let mine = policy_rw.map(|p| p.allows_public_read_access || p.allows_public_write_access);
    let theirs = s.policy_status.as_ref().ok().map(|x| x.unwrap_or(false));
    let agree = match (mine, theirs) {
        (Some(m), Some(t)) => Some(m == t),
        _ => None,
    };
    if agree == Some(false) {
        reasons.push(format!(
            "GetBucketPolicyStatus says IsPublic={}, piiscan's evaluation of the policy says {}",
            theirs.unwrap_or(false),
            if mine == Some(true) {
                "public"
            } else {
                "not public"
            }
        ));
        if theirs == Some(true) && restrict != Some(true) && !public {
            unknown = true;
        }
    }

    let effective = if public {
        EffectivePermission::Public
    } else if unknown {
        EffectivePermission::Unknown
    } else {
        EffectivePermission::NotPublic
    };
    if effective == EffectivePermission::NotPublic && reasons.is_empty() {
        reasons.push(format!(
            "no public ACL grant or policy statement; {bpa_ctx}"
        ));
    }

    // Shared access.
    let mut external: Vec<String> = Vec::new();
    let mut cloudfront: Vec<String> = Vec::new();
    let mut shared_reasons: Vec<String> = Vec::new();
    let mut internal = false;
    let mut shared_unknown = false;
    let policy_is_public = !public_grants.is_empty();
    if let Some(a) = &analysis {
        for g in &a.grants {
            let blocked = policy_is_public && restrict == Some(true);
            match &g.audience {
                Audience::Account(x) => match &account {
                    Some(o) if o == x => {}
                    Some(_) if blocked => {}
                    Some(_) => {
                        external.push(x.clone());
                        shared_reasons.push(grant_text(g));
                    }
                    None => {
                        shared_unknown = true;
                        shared_reasons.push(format!(
                            "{} (the owner's account id is unknown)",
                            grant_text(g)
                        ));
                    }
                },
                Audience::CanonicalUser(c) if !blocked => {
                    external.push(c.clone());
                    shared_reasons.push(grant_text(g));
                }
                Audience::CloudFrontOai(i) if !blocked => {
                    cloudfront.push(format!("OAI {i}"));
                    shared_reasons.push(grant_text(g));
                }
                Audience::CloudFrontOac(d) => {
                    cloudfront.push(format!("OAC {d}"));
                    shared_reasons.push(grant_text(g));
                    if let (Some(da), Some(o)) = (super::evaluate::account_of(d), &account) {
                        if &da != o {
                            external.push(da);
                        }
                    }
                }
                Audience::Organization(_) if !blocked => {
                    internal = true;
                    shared_reasons.push(grant_text(g));
                }
                Audience::Unresolved(_) if !blocked => {
                    shared_unknown = true;
                    shared_reasons
                        .push(format!("{} (account cannot be determined)", grant_text(g)));
                }
                _ => {}
            }
        }
    } else {
        shared_unknown = true;
        shared_reasons.push("bucket policy could not be evaluated".into());
    }
    if acls_disabled != Some(true) {
        match &s.acl {
            Ok(_) => {
                for g in &acl_grants {
                    match &g.grantee {
                        Grantee::CanonicalUser { id, .. } => {
                            external.push(id.clone());
                            shared_reasons
                                .push(format!("ACL grants canonical user {id} {}", g.permission));
                        }
                        Grantee::Email { address } => {
                            external.push(address.clone());
                            shared_reasons.push(format!("ACL grants {address} {}", g.permission));
                        }
                        _ => {}
                    }
                }
            }
            Err(e) => {
                shared_unknown = true;
                shared_reasons.push(format!("ACL unreadable ({e})"));
            }
        }
    }
    external.sort();
    external.dedup();
    let shared = if !external.is_empty() || !cloudfront.is_empty() {
        SharedAccess::External
    } else if shared_unknown {
        SharedAccess::Unknown
    } else if internal {
        SharedAccess::Internal
    } else {
        SharedAccess::NotShared
    };

    // Replication.
    let mut repl = ReplicationDetails::default();
    if let Ok(Some(r)) = &s.replication {
        for rule in r.rules.iter().filter(|r| r.status == "Enabled") {
            repl.replicated = true;
            repl.destinations.push(rule.destination_bucket.clone());
            if let Some(a) = &rule.destination_account {
                if !repl.replication_accounts.contains(a) {
                    repl.replication_accounts.push(a.clone());
                }
                if account.as_ref() != Some(a) {
                    repl.replicated_externally = true;
                }
            }
        }
    }

    let server_side_encryption = match &s.encryption {
        Ok(None) => BucketEncryption {
            kind: "NONE".into(),
            kms_master_key_id: None,
            bucket_key_enabled: false,
        },
        Ok(Some(e)) => BucketEncryption {
            kind: e.algorithm.clone(),
            kms_master_key_id: e.kms_master_key_id.clone(),
            bucket_key_enabled: e.bucket_key_enabled,
        },
        Err(_) => BucketEncryption {
            kind: "UNKNOWN".into(),
            kms_master_key_id: None,
            bucket_key_enabled: false,
        },
    };
    let (allows_unencrypted, tls) = match &analysis {
        None => (Tri::Unknown, Tri::Unknown),
        Some(a) => (
            if a.requires_encrypted_uploads.is_some() {
                Tri::False
            } else {
                Tri::True
            },
            if a.enforces_tls.is_some() {
                Tri::True
            } else {
                Tri::False
            },
        ),
    };
    let denied = read_errors
        .iter()
        .any(|e| e.code.as_deref() == Some("AccessDenied") || e.message.contains("403"));
    BucketExposure {
        account_id: account,
        bucket_arn: format!("arn:aws:s3:::{}", s.name),
        bucket_name: s.name.clone(),
        bucket_created_at: s.created_at.clone(),
        region: s.region.as_ref().ok().cloned(),
        owner: s
            .acl
            .as_ref()
            .ok()
            .map(|a| serde_json::json!({"id": a.owner_id, "displayName": a.owner_display_name})),
        public_access: PublicAccess {
            effective_permission: effective,
            permission_configuration: PermissionConfiguration {
                account_level_permissions: AccountLevelPermissions {
                    block_public_access: ab.as_ref().ok().map(|b| b.unwrap_or_default()),
                },
                bucket_level_permissions: BucketLevelPermissions {
                    access_control_list: acl_rw_v,
                    block_public_access: bb.as_ref().ok().map(|b| b.unwrap_or_default()),
                    bucket_policy: policy_rw,
                },
            },
            reasons,
        },
        shared_access: shared,
        shared_access_reasons: shared_reasons,
        external_principals: external,
        cloud_front: cloudfront,
        replication_details: repl,
        server_side_encryption,
        allows_unencrypted_object_uploads: allows_unencrypted,
        enforces_transport_encryption: tls,
        versioning: s
            .versioning
            .as_ref()
            .ok()
            .map(|v| v.status.as_deref() == Some("Enabled")),
        mfa_delete: s
            .versioning
            .as_ref()
            .ok()
            .map(|v| v.mfa_delete.as_deref() == Some("Enabled")),
        logging_target: s
            .logging
            .as_ref()
            .ok()
            .and_then(|l| l.as_ref().map(|l| l.target_bucket.clone())),
        logging_enabled: s.logging.as_ref().ok().map(|l| l.is_some()),
        object_lock_enabled: s
            .object_lock
            .as_ref()
            .ok()
            .map(|l| l.as_ref().is_some_and(|l| l.enabled)),
        acls_disabled,
        acl_grants,
        policy_grants: analysis
            .as_ref()
            .map(|a| a.grants.clone())
            .unwrap_or_default(),
        policy_neutralised: analysis
            .as_ref()
            .map(|a| a.neutralised.clone())
            .unwrap_or_default(),
        policy_status: PolicyStatusCheck {
            is_public_according_to_s3: theirs,
            is_public_according_to_piiscan: mine,
            agree,
        },
        error_code: (!read_errors.is_empty()).then(|| {
            if denied {
                "ACCESS_DENIED"
            } else {
                "READ_ERROR"
            }
            .to_string()
        }),
        error_message: (!read_errors.is_empty()).then(|| {
            read_errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        }),
        read_errors,
        policy_parse_error,
    }
}

#[cfg(test)]
#[path = "verdict_tests.rs"]
mod tests;

/// Public grants (ACL or policy) weighed against the Block Public Access
/// setting that would neutralise them: blocked, not blocked (public), or not
/// known (unknown).
struct Weigh<F: Fn() -> String> {
    blocked: Option<bool>,
    setting: &'static str,
    neutralised: F,
}

impl<F: Fn() -> String> Weigh<F> {
    fn apply(
        &self,
        what: &[String],
        bpa_ctx: &str,
        public: &mut bool,
        unknown: &mut bool,
        reasons: &mut Vec<String>,
    ) {
        let what = what.join("; ");
        match self.blocked {
            Some(true) => reasons.push(format!("{what} ({})", (self.neutralised)())),
            Some(false) => {
                *public = true;
                reasons.push(format!("{what}; {bpa_ctx}"));
            }
            None => {
                *unknown = true;
                reasons.push(format!(
                    "{what}; whether {} applies is unknown: {bpa_ctx}",
                    self.setting
                ));
            }
        }
    }
}
