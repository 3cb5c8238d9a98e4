//! Named cases for bucket verdicts and findings, from plain settings (no
//! server): Block Public Access at either level, ACLs disabled, unreadable
//! settings, the GetBucketPolicyStatus cross-check, sharing verdicts.

use super::*;
use crate::exposure::content::ContentSummary;
use crate::exposure::findings::{policy_findings, types};
use crate::exposure::settings::*;

const OWNER_ID: &str = "owner-canonical-id";

fn on() -> BlockPublicAccess {
    BlockPublicAccess {
        block_public_acls: true,
        ignore_public_acls: true,
        block_public_policy: true,
        restrict_public_buckets: true,
    }
}

fn denied(api: &str) -> ReadError {
    ReadError {
        api: api.into(),
        code: Some("AccessDenied".into()),
        message: "Access Denied".into(),
    }
}

/// A careful owner's bucket: BPA on, SSE-S3, versioning, TLS-only policy.
fn base() -> BucketSettings {
    BucketSettings {
        name: "b".into(),
        created_at: None,
        region: Ok("eu-west-1".into()),
        account: AccountSettings {
            account_id: Ok("123456789012".into()),
            block_public_access: Ok(None),
        },
        block_public_access: Ok(Some(on())),
        acl: Ok(Acl {
            owner_id: Some(OWNER_ID.into()),
            owner_display_name: None,
            grants: vec![AclGrant {
                grantee: Grantee::CanonicalUser {
                    id: OWNER_ID.into(),
                    display_name: None,
                },
                permission: "FULL_CONTROL".into(),
            }],
        }),
        ownership: Ok(None),
        policy: Ok(Some(policy(&[TLS]))),
        policy_status: Ok(Some(false)),
        encryption: Ok(Some(DefaultEncryption {
            algorithm: "AES256".into(),
            kms_master_key_id: None,
            bucket_key_enabled: false,
        })),
        versioning: Ok(Versioning {
            status: Some("Enabled".into()),
            mfa_delete: Some("Enabled".into()),
        }),
        replication: Ok(None),
        logging: Ok(None),
        object_lock: Ok(None),
    }
}

const TLS: &str = r#"{"Sid":"TLS","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}"#;
const PUBLIC_READ: &str = r#"{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#;

fn policy(stmts: &[&str]) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        stmts.join(",")
    )
}

fn public_acl(s: &mut BucketSettings) {
    if let Ok(a) = &mut s.acl {
        a.grants.push(AclGrant {
            grantee: Grantee::AllUsers,
            permission: "READ".into(),
        });
    }
}

fn kinds(e: &BucketExposure, content: Option<&ContentSummary>) -> Vec<&'static str> {
    let mut k: Vec<&'static str> = policy_findings(e, content, "t")
        .iter()
        .map(|f| f.kind)
        .collect();
    k.sort();
    k
}

#[test]
fn verdict_cases() {
    use EffectivePermission::{NotPublic, Public};
    use SharedAccess::{External, Internal, NotShared};
    const UNKNOWN: EffectivePermission = EffectivePermission::Unknown;
    type Case = (
        &'static str,
        fn(&mut BucketSettings),
        EffectivePermission,
        SharedAccess,
        &'static str,
    );
    let cases: Vec<Case> = vec![
        ("careful owner", |_| {}, NotPublic, NotShared, ""),
        (
            "public ACL, bucket BPA off",
            |s| {
                s.block_public_access = Ok(None);
                public_acl(s);
            },
            Public,
            NotShared,
            "ACL grants AllUsers READ; account BPA not configured; bucket BPA not configured",
        ),
        (
            "public ACL, bucket IgnorePublicAcls",
            |s| public_acl(s),
            NotPublic,
            NotShared,
            "neutralised by bucket BPA IgnorePublicAcls",
        ),
        (
            "public ACL, only BlockPublicAcls (existing ACLs stay effective)",
            |s| {
                s.block_public_access = Ok(Some(BlockPublicAccess {
                    block_public_acls: true,
                    ..Default::default()
                }));
                public_acl(s);
            },
            Public,
            NotShared,
            "bucket BPA partly on (BlockPublicAcls)",
        ),
        (
            "public ACL ignored when ACLs are disabled",
            |s| {
                s.block_public_access = Ok(None);
                s.ownership = Ok(Some("BucketOwnerEnforced".into()));
                public_acl(s);
            },
            NotPublic,
            NotShared,
            "ACLs disabled (BucketOwnerEnforced)",
        ),
        (
            "public policy, account RestrictPublicBuckets",
            |s| {
                s.block_public_access = Ok(None);
                s.account.block_public_access = Ok(Some(on()));
                s.policy = Ok(Some(policy(&[PUBLIC_READ, TLS])));
                s.policy_status = Ok(Some(true));
            },
            NotPublic,
            NotShared,
            "neutralised by account BPA RestrictPublicBuckets",
        ),
        (
            "public policy, account BPA unreadable: unknown, never safe",
            |s| {
                s.block_public_access = Ok(None);
                s.account.block_public_access = Err(denied("GetPublicAccessBlock (account)"));
                s.policy = Ok(Some(policy(&[PUBLIC_READ])));
                s.policy_status = Ok(Some(true));
            },
            UNKNOWN,
            NotShared,
            "whether RestrictPublicBuckets applies is unknown",
        ),
        (
            "account BPA unreadable, nothing public: the rest is still evaluated",
            |s| s.account.block_public_access = Err(denied("GetPublicAccessBlock (account)")),
            NotPublic,
            NotShared,
            "",
        ),
        (
            "policy unreadable",
            |s| {
                s.block_public_access = Ok(None);
                s.policy = Err(denied("GetBucketPolicy"));
            },
            UNKNOWN,
            SharedAccess::Unknown,
            "bucket policy unreadable (GetBucketPolicy: AccessDenied: Access Denied)",
        ),
        (
            "policy unreadable but RestrictPublicBuckets on: not public",
            |s| s.policy = Err(denied("GetBucketPolicy")),
            NotPublic,
            SharedAccess::Unknown,
            "",
        ),
        (
            "ACL unreadable",
            |s| {
                s.block_public_access = Ok(None);
                s.acl = Err(denied("GetBucketAcl"));
            },
            UNKNOWN,
            SharedAccess::Unknown,
            "ACL unreadable",
        ),
        (
            "malformed policy",
            |s| {
                s.block_public_access = Ok(None);
                s.policy = Ok(Some("{not json".into()));
            },
            UNKNOWN,
            SharedAccess::Unknown,
            "not valid policy JSON",
        ),
        (
            "S3 says public, piiscan does not: unknown with both answers",
            |s| {
                s.block_public_access = Ok(None);
                s.policy_status = Ok(Some(true));
            },
            UNKNOWN,
            NotShared,
            "GetBucketPolicyStatus says IsPublic=true, piiscan's evaluation of the policy says not public",
        ),
        (
            "organization only: internal",
            |s| {
                s.policy = Ok(Some(policy(&[
                    r#"{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*","Condition":{"StringEquals":{"aws:PrincipalOrgID":"o-abc"}}}"#,
                ])))
            },
            NotPublic,
            Internal,
            "",
        ),
        (
            "ACL grant to another canonical user: external",
            |s| {
                if let Ok(a) = &mut s.acl {
                    a.grants.push(AclGrant {
                        grantee: Grantee::CanonicalUser {
                            id: "someone-else".into(),
                            display_name: None,
                        },
                        permission: "READ".into(),
                    });
                }
            },
            NotPublic,
            External,
            "",
        ),
        (
            "owner account unknown: a named account cannot be judged",
            |s| {
                s.account.account_id = Err(denied("GetCallerIdentity"));
                s.policy = Ok(Some(policy(&[
                    r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#,
                ])));
            },
            NotPublic,
            SharedAccess::Unknown,
            "",
        ),
    ];
    let mut failures = Vec::new();
    for (name, change, public, shared, reason) in cases {
        let mut s = base();
        change(&mut s);
        let e = evaluate(&s);
        let reasons = e.public_access.reasons.join(" | ");
        if e.public_access.effective_permission != public {
            failures.push(format!(
                "{name}: public {:?} ({reasons})",
                e.public_access.effective_permission
            ));
        }
        if e.shared_access != shared {
            failures.push(format!(
                "{name}: shared {:?} ({:?})",
                e.shared_access, e.shared_access_reasons
            ));
        }
        if !reasons.contains(reason) {
            failures.push(format!("{name}: reasons {reasons:?} lack {reason:?}"));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn findings_from_settings() {
    let e = evaluate(&base());
    assert!(kinds(&e, None).is_empty(), "{:?}", kinds(&e, None));

    let mut s = base();
    s.block_public_access = Ok(None);
    s.encryption = Ok(None);
    s.policy = Ok(Some(policy(&[PUBLIC_READ])));
    s.policy_status = Ok(Some(true));
    let e = evaluate(&s);
    assert_eq!(
        kinds(&e, None),
        vec![
            types::BPA_DISABLED,
            types::ENCRYPTION_DISABLED,
            types::PUBLIC,
            types::INSECURE_TRANSPORT
        ]
    );
    assert_eq!(e.allows_unencrypted_object_uploads, Tri::True);
    assert!(e.read_errors.is_empty());

    // Bucket BPA off but account BPA on: no BPA finding.
    let mut s = base();
    s.block_public_access = Ok(None);
    s.account.block_public_access = Ok(Some(on()));
    assert!(kinds(&evaluate(&s), None).is_empty());

    // Versioning off matters only with sensitive content.
    let mut s = base();
    s.versioning = Ok(Versioning::default());
    let e = evaluate(&s);
    assert!(kinds(&e, None).is_empty());
    let content = ContentSummary {
        objects: 3,
        objects_with_findings: 1,
        ..Default::default()
    };
    assert_eq!(kinds(&e, Some(&content)), vec![types::VERSIONING_DISABLED]);

    // Replication to another account; an unreadable setting is an error code.
    let mut s = base();
    s.replication = Ok(Some(Replication {
        role: "arn:aws:iam::123456789012:role/r".into(),
        rules: vec![ReplicationRule {
            id: Some("r1".into()),
            status: "Enabled".into(),
            destination_bucket: "arn:aws:s3:::dest".into(),
            destination_account: Some("111122223333".into()),
        }],
    }));
    s.logging = Err(denied("GetBucketLogging"));
    let e = evaluate(&s);
    assert_eq!(kinds(&e, None), vec![types::REPLICATED_EXTERNALLY]);
    assert_eq!(e.error_code.as_deref(), Some("ACCESS_DENIED"));
    assert_eq!(e.logging_enabled, None);

    // CloudFront OAI alone: shared with CloudFront; plus another account: shared externally.
    let oai = r#"{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E1"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}"#;
    let other = r#"{"Effect":"Allow","Principal":{"AWS":"111122223333"},"Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}"#;
    let mut s = base();
    s.policy = Ok(Some(policy(&[oai, TLS])));
    assert_eq!(
        kinds(&evaluate(&s), None),
        vec![types::SHARED_WITH_CLOUDFRONT]
    );
    s.policy = Ok(Some(policy(&[oai, other, TLS])));
    assert_eq!(
        kinds(&evaluate(&s), None),
        vec![types::SHARED_EXTERNALLY, types::WILDCARD_ACTION]
    );
}
