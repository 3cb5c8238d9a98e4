//! The exposure cases: one bucket per case, configured through the S3 API
//! the way an owner would, and helpers to read `piiscan buckets --format
//! json` output.

use super::ACCOUNT;
use aws_sdk_s3::types::*;
use serde_json::Value;
use std::collections::BTreeSet;

pub const OTHER: &str = "111122223333";

pub fn tls_deny(bucket: &str) -> String {
    format!(
        r#"{{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::{bucket}","arn:aws:s3:::{bucket}/*"],"Condition":{{"Bool":{{"aws:SecureTransport":"false"}}}}}}"#
    )
}

pub fn policy(stmts: &[String]) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        stmts.join(",")
    )
}

pub fn allow(sid: &str, principal: &str, action: &str, resource: &str, cond: &str) -> String {
    let cond = if cond.is_empty() {
        String::new()
    } else {
        format!(r#","Condition":{cond}"#)
    };
    format!(
        r#"{{"Sid":"{sid}","Effect":"Allow","Principal":{principal},"Action":{action},"Resource":{resource}{cond}}}"#
    )
}

/// A bucket with the protections a careful owner sets: bucket BPA on,
/// SSE-S3 default encryption, versioning. Cases then loosen one thing.
pub async fn create(c: &aws_sdk_s3::Client, name: &str, bpa: bool, sse: bool) {
    create_v(c, name, bpa, sse, true).await
}

pub async fn create_v(c: &aws_sdk_s3::Client, name: &str, bpa: bool, sse: bool, versioned: bool) {
    c.create_bucket().bucket(name).send().await.unwrap();
    if bpa {
        c.put_public_access_block()
            .bucket(name)
            .public_access_block_configuration(
                PublicAccessBlockConfiguration::builder()
                    .block_public_acls(true)
                    .ignore_public_acls(true)
                    .block_public_policy(true)
                    .restrict_public_buckets(true)
                    .build(),
            )
            .send()
            .await
            .unwrap();
    }
    if sse {
        c.put_bucket_encryption()
            .bucket(name)
            .server_side_encryption_configuration(
                ServerSideEncryptionConfiguration::builder()
                    .rules(
                        ServerSideEncryptionRule::builder()
                            .apply_server_side_encryption_by_default(
                                ServerSideEncryptionByDefault::builder()
                                    .sse_algorithm(ServerSideEncryption::Aes256)
                                    .build()
                                    .unwrap(),
                            )
                            .build(),
                    )
                    .build()
                    .unwrap(),
            )
            .send()
            .await
            .unwrap();
    }
    if !versioned {
        return;
    }
    c.put_bucket_versioning()
        .bucket(name)
        .versioning_configuration(
            VersioningConfiguration::builder()
                .status(BucketVersioningStatus::Enabled)
                .build(),
        )
        .send()
        .await
        .unwrap();
}

pub async fn put_policy(c: &aws_sdk_s3::Client, name: &str, p: String) {
    c.put_bucket_policy()
        .bucket(name)
        .policy(p)
        .send()
        .await
        .unwrap_or_else(|e| panic!("put policy {name}: {e:?}"));
}

pub async fn setup_cases(c: &aws_sdk_s3::Client) {
    let objs = |b: &str| format!(r#""arn:aws:s3:::{b}/*""#);
    // Public through the ACL (no BPA, so a public ACL is accepted and effective).
    create(c, "case-acl-public", false, true).await;
    c.put_bucket_acl()
        .bucket("case-acl-public")
        .acl(BucketCannedAcl::PublicRead)
        .send()
        .await
        .unwrap();
    put_policy(c, "case-acl-public", policy(&[tls_deny("case-acl-public")])).await;
    // Public through the policy.
    create_v(c, "case-policy-public", false, true, false).await;
    put_policy(
        c,
        "case-policy-public",
        policy(&[
            allow(
                "PublicRead",
                r#""*""#,
                r#""s3:GetObject""#,
                &objs("case-policy-public"),
                "",
            ),
            tls_deny("case-policy-public"),
        ]),
    )
    .await;
    // Shared with another account.
    create(c, "case-shared-account", true, true).await;
    put_policy(
        c,
        "case-shared-account",
        policy(&[
            allow(
                "PartnerRead",
                &format!(r#"{{"AWS":"arn:aws:iam::{OTHER}:root"}}"#),
                r#"["s3:GetObject","s3:ListBucket"]"#,
                r#"["arn:aws:s3:::case-shared-account","arn:aws:s3:::case-shared-account/*"]"#,
                "",
            ),
            tls_deny("case-shared-account"),
        ]),
    )
    .await;
    // CloudFront OAI.
    create(c, "case-cloudfront-oai", true, true).await;
    put_policy(
        c,
        "case-cloudfront-oai",
        policy(&[
            allow(
                "OAI",
                r#"{"AWS":"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL"}"#,
                r#""s3:GetObject""#,
                &objs("case-cloudfront-oai"),
                "",
            ),
            tls_deny("case-cloudfront-oai"),
        ]),
    )
    .await;
    // CloudFront OAC.
    create(c, "case-cloudfront-oac", true, true).await;
    put_policy(
        c,
        "case-cloudfront-oac",
        policy(&[
            allow(
                "OAC",
                r#"{"Service":"cloudfront.amazonaws.com"}"#,
                r#""s3:GetObject""#,
                &objs("case-cloudfront-oac"),
                &format!(r#"{{"StringEquals":{{"AWS:SourceArn":"arn:aws:cloudfront::{ACCOUNT}:distribution/EDFDVBD6EXAMPLE"}}}}"#),
            ),
            tls_deny("case-cloudfront-oac"),
        ]),
    )
    .await;
    // Replicated to another account.
    create(c, "case-replicated", true, true).await;
    put_policy(c, "case-replicated", policy(&[tls_deny("case-replicated")])).await;
    c.put_bucket_replication()
        .bucket("case-replicated")
        .replication_configuration(
            ReplicationConfiguration::builder()
                .role(format!("arn:aws:iam::{ACCOUNT}:role/replication"))
                .rules(
                    ReplicationRule::builder()
                        .id("to-partner")
                        .status(ReplicationRuleStatus::Enabled)
                        .priority(1)
                        .filter(ReplicationRuleFilter::builder().prefix("").build())
                        .delete_marker_replication(
                            DeleteMarkerReplication::builder()
                                .status(DeleteMarkerReplicationStatus::Disabled)
                                .build(),
                        )
                        .destination(
                            Destination::builder()
                                .bucket("arn:aws:s3:::partner-archive")
                                .account(OTHER)
                                .build()
                                .unwrap(),
                        )
                        .build()
                        .unwrap(),
                )
                .build()
                .unwrap(),
        )
        .send()
        .await
        .unwrap_or_else(|e| panic!("put replication: {e:?}"));
    // No default encryption (moto's new buckets have none; AWS's get SSE-S3).
    create(c, "case-unencrypted", true, false).await;
    put_policy(
        c,
        "case-unencrypted",
        policy(&[tls_deny("case-unencrypted")]),
    )
    .await;
    // TLS not enforced: no policy at all.
    create(c, "case-tls-not-enforced", true, true).await;
    // Public Allow cancelled by "Deny unless from a VPC endpoint": piiscan says
    // not public; moto's GetBucketPolicyStatus ignores Deny and says public.
    create(c, "case-vpce-only", false, true).await;
    put_policy(
        c,
        "case-vpce-only",
        policy(&[
            allow("PublicRead", r#""*""#, r#""s3:GetObject""#, &objs("case-vpce-only"), ""),
            r#"{"Sid":"OnlyFromVpce","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::case-vpce-only","arn:aws:s3:::case-vpce-only/*"],"Condition":{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c4d"}}}"#.to_string(),
            tls_deny("case-vpce-only"),
        ]),
    )
    .await;
    // Private and clean: BPA, SSE-S3, versioning, TLS-only policy.
    create(c, "case-private", true, true).await;
    put_policy(c, "case-private", policy(&[tls_deny("case-private")])).await;
}

pub fn read_errors(doc: &Value) -> String {
    doc["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| format!("{}: {}", b["bucketName"], b["readErrors"]))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn json_of(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); stdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

pub fn bucket<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bucketName"] == name)
        .unwrap_or_else(|| panic!("{name} not in the report"))
}

pub fn types_of(b: &Value) -> BTreeSet<String> {
    b["findingTypes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().rsplit('/').next().unwrap().to_string())
        .collect()
}
