//! `piiscan buckets` against moto: one bucket per exposure case, configured
//! through the S3 and S3 Control APIs, checked through the CLI's JSON
//! output (verdicts, finding types, risk) and exit codes.

mod exposure_support;

use aws_sdk_s3::types::*;
use exposure_support::{block_on, Moto, ACCOUNT};
use serde_json::Value;
use std::collections::BTreeSet;

const OTHER: &str = "111122223333";

fn tls_deny(bucket: &str) -> String {
    format!(
        r#"{{"Sid":"DenyInsecureTransport","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::{bucket}","arn:aws:s3:::{bucket}/*"],"Condition":{{"Bool":{{"aws:SecureTransport":"false"}}}}}}"#
    )
}

fn policy(stmts: &[String]) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        stmts.join(",")
    )
}

fn allow(sid: &str, principal: &str, action: &str, resource: &str, cond: &str) -> String {
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
async fn create(c: &aws_sdk_s3::Client, name: &str, bpa: bool, sse: bool) {
    create_v(c, name, bpa, sse, true).await
}

async fn create_v(c: &aws_sdk_s3::Client, name: &str, bpa: bool, sse: bool, versioned: bool) {
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

async fn put_policy(c: &aws_sdk_s3::Client, name: &str, p: String) {
    c.put_bucket_policy()
        .bucket(name)
        .policy(p)
        .send()
        .await
        .unwrap_or_else(|e| panic!("put policy {name}: {e:?}"));
}

async fn setup_cases(c: &aws_sdk_s3::Client) {
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

fn read_errors(doc: &Value) -> String {
    doc["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| format!("{}: {}", b["bucketName"], b["readErrors"]))
        .collect::<Vec<_>>()
        .join("\n")
}

fn json_of(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "not JSON ({e}); stdout:\n{}\nstderr:\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn bucket<'a>(doc: &'a Value, name: &str) -> &'a Value {
    doc["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["bucketName"] == name)
        .unwrap_or_else(|| panic!("{name} not in the report"))
}

fn types_of(b: &Value) -> BTreeSet<String> {
    b["findingTypes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().rsplit('/').next().unwrap().to_string())
        .collect()
}

#[test]
fn bucket_exposure_cases_against_moto() {
    let moto = Moto::start();
    block_on(async {
        let (s3, _) = moto.clients().await;
        setup_cases(&s3).await;
    });
    let out = moto.piiscan_buckets(&["--format", "json"]);
    let doc = json_of(&out);
    assert_eq!(
        out.status.code(),
        Some(1),
        "findings exit 1; stderr: {}\n{}",
        String::from_utf8_lossy(&out.stderr),
        read_errors(&doc)
    );
    assert_eq!(doc["accountId"], ACCOUNT);
    // (bucket, public, shared, encryption, finding types, reason fragment)
    type Case<'a> = (&'a str, &'a str, &'a str, &'a str, &'a [&'a str], &'a str);
    let cases: &[Case] = &[
        (
            "case-acl-public",
            "PUBLIC",
            "NOT_SHARED",
            "AES256",
            &["S3BlockPublicAccessDisabled", "S3BucketPublic"],
            "ACL grants AllUsers READ",
        ),
        (
            "case-policy-public",
            "PUBLIC",
            "NOT_SHARED",
            "AES256",
            &["S3BlockPublicAccessDisabled", "S3BucketPublic"],
            "Sid=PublicRead allows * s3:GetObject",
        ),
        (
            "case-shared-account",
            "NOT_PUBLIC",
            "EXTERNAL",
            "AES256",
            &["S3BucketSharedExternally"],
            "",
        ),
        (
            "case-cloudfront-oai",
            "NOT_PUBLIC",
            "EXTERNAL",
            "AES256",
            &["S3BucketSharedWithCloudFront"],
            "",
        ),
        (
            "case-cloudfront-oac",
            "NOT_PUBLIC",
            "EXTERNAL",
            "AES256",
            &["S3BucketSharedWithCloudFront"],
            "",
        ),
        (
            "case-replicated",
            "NOT_PUBLIC",
            "NOT_SHARED",
            "AES256",
            &["S3BucketReplicatedExternally"],
            "",
        ),
        (
            "case-unencrypted",
            "NOT_PUBLIC",
            "NOT_SHARED",
            "NONE",
            &["S3BucketEncryptionDisabled"],
            "",
        ),
        (
            "case-tls-not-enforced",
            "NOT_PUBLIC",
            "NOT_SHARED",
            "AES256",
            &["S3BucketInsecureTransportAllowed"],
            "",
        ),
        (
            "case-private",
            "NOT_PUBLIC",
            "NOT_SHARED",
            "AES256",
            &[],
            "",
        ),
    ];
    let mut failures = Vec::new();
    for (name, public, shared, enc, types, reason) in cases {
        let b = bucket(&doc, name);
        let got_types = types_of(b);
        let want_types: BTreeSet<String> = types.iter().map(|s| s.to_string()).collect();
        let reasons = b["publicAccess"]["reasons"].to_string();
        let checks = [
            (
                "public",
                b["publicAccess"]["effectivePermission"].as_str() == Some(public),
            ),
            ("shared", b["sharedAccess"].as_str() == Some(shared)),
            (
                "encryption",
                b["serverSideEncryption"]["type"].as_str() == Some(enc),
            ),
            ("finding types", got_types == want_types),
            ("reason", reasons.contains(reason)),
            ("readable", b["readErrors"].as_array().unwrap().is_empty()),
        ];
        for (what, ok) in checks {
            if !ok {
                failures.push(format!(
                    "{name}: {what}: {}",
                    serde_json::to_string_pretty(b).unwrap()
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n\n"));
    let b = bucket(&doc, "case-vpce-only");
    assert_eq!(b["policyStatus"]["agree"], false);
    assert_eq!(b["policyStatus"]["isPublicAccordingToS3"], true);
    assert_eq!(b["policyStatus"]["isPublicAccordingToPiiscan"], false);
    assert_eq!(b["policyGrants"][0]["audience"]["kind"], "LIMITED");
    let b = bucket(&doc, "case-replicated");
    assert_eq!(b["replicationDetails"]["replicatedExternally"], true);
    assert_eq!(b["replicationDetails"]["replicationAccounts"][0], OTHER);
    let b = bucket(&doc, "case-shared-account");
    assert_eq!(b["externalPrincipals"][0], OTHER);
    let b = bucket(&doc, "case-private");
    assert_eq!(b["enforcesTransportEncryption"], "TRUE");
    assert_eq!(b["risk"], "NONE");
    assert_eq!(
        bucket(&doc, "case-tls-not-enforced")["enforcesTransportEncryption"],
        "FALSE"
    );
    assert_eq!(
        bucket(&doc, "case-cloudfront-oai")["cloudFront"][0],
        "OAI E2QWRUHAPOMQZL"
    );
    // Every finding is Macie-shaped.
    for f in doc["findings"].as_array().unwrap() {
        assert_eq!(f["category"], "POLICY");
        assert!(f["type"].as_str().unwrap().starts_with("Policy:"));
        assert!(f["severity"]["score"].as_u64().unwrap() >= 1);
        assert!(f["policyDetails"].is_null());
        assert!(
            f["resourcesAffected"]["s3Bucket"]["publicAccess"]["effectivePermission"].is_string()
        );
        assert!(!f["evidence"].is_null());
    }
    let public = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["type"] == "Policy:IAMUser/S3BucketPublic"
                && f["resourcesAffected"]["s3Bucket"]["name"] == "case-policy-public"
        })
        .unwrap();
    assert_eq!(public["severity"]["description"], "High");
    assert_eq!(
        public["evidence"]["policyStatements"][0]["Sid"],
        "PublicRead"
    );

    // JSON Lines: one finding per line, same count.
    let out = moto.piiscan_buckets(&["--format", "jsonl"]);
    let lines: Vec<&str> = std::str::from_utf8(&out.stdout).unwrap().lines().collect();
    assert_eq!(lines.len(), doc["findings"].as_array().unwrap().len());
    for l in lines {
        let f: Value = serde_json::from_str(l).unwrap();
        assert_eq!(f["category"], "POLICY");
    }

    // Named buckets and globs; a private bucket alone exits 0.
    let out = moto.piiscan_buckets(&["case-private", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json_of(&out)["buckets"].as_array().unwrap().len(), 1);
    let out = moto.piiscan_buckets(&["--bucket-include", "case-cloudfront-*", "--format", "json"]);
    let names: Vec<String> = json_of(&out)["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["bucketName"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    let out = moto.piiscan_buckets(&["--bucket-exclude", "case-*", "--format", "json"]);
    assert!(json_of(&out)["buckets"].as_array().unwrap().is_empty());

    // Exposure x content: scan results say what each bucket holds.
    let dir = tempfile::tempdir().unwrap();
    let results = dir.path().join("results.jsonl");
    let line = |root: &str, key: &str, outcome: &str, counts: &str, sev: &str, ty: &str| {
        let extra = if ty.is_empty() {
            String::new()
        } else {
            format!(r#","severity":"{sev}","findingType":"{ty}""#)
        };
        format!(
            r#"{{"root":"{root}","key":"{key}","path":"s3://{root}/{key}","size":10,"status":"COMPLETE","outcome":"{outcome}","reason":null,"mimeType":"text/plain","bytesScanned":10,"counts":{counts}{extra}}}"#
        )
    };
    std::fs::write(
        &results,
        [
            line(
                "case-policy-public",
                "config/.env",
                "SENSITIVE",
                r#"{"AWS_CREDENTIALS":2}"#,
                "HIGH",
                "SensitiveData:S3Object/Credentials",
            ),
            line("case-policy-public", "readme.txt", "CLEAN", "{}", "", ""),
            line(
                "case-shared-account",
                "people.csv",
                "SENSITIVE",
                r#"{"NAME":40}"#,
                "MEDIUM",
                "SensitiveData:S3Object/Personal",
            ),
            line(
                "case-tls-not-enforced",
                "cards.csv",
                "SENSITIVE",
                r#"{"CREDIT_CARD_NUMBER":3}"#,
                "HIGH",
                "SensitiveData:S3Object/Financial",
            ),
            line("case-private", "notes.txt", "CLEAN", "{}", "", ""),
        ]
        .join("\n")
            + "\n",
    )
    .unwrap();
    let out = moto.piiscan_buckets(&["--format", "json", "--results", results.to_str().unwrap()]);
    let doc = json_of(&out);
    let first = &doc["buckets"][0];
    assert_eq!(
        first["bucketName"], "case-policy-public",
        "a public bucket with credentials comes first"
    );
    assert_eq!(first["risk"], "CRITICAL");
    assert_eq!(first["content"]["credentials"], true);
    assert!(
        types_of(first).contains("S3BucketVersioningDisabledWithSensitiveData"),
        "{first:#}"
    );
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| {
            f["type"] == "Policy:piiscan/S3BucketVersioningDisabledWithSensitiveData"
                && f["resourcesAffected"]["s3Bucket"]["name"] == "case-policy-public"
        })
        .unwrap();
    assert_eq!(f["severity"]["description"], "Medium");
    assert_eq!(bucket(&doc, "case-shared-account")["risk"], "HIGH");
    assert_eq!(bucket(&doc, "case-private")["risk"], "NONE");
    assert_eq!(bucket(&doc, "case-private")["holding"], "CLEAN");
    assert_eq!(bucket(&doc, "case-tls-not-enforced")["risk"], "MEDIUM");
    assert_eq!(bucket(&doc, "case-acl-public")["holding"], "NOT_SCANNED");
    assert_eq!(bucket(&doc, "case-acl-public")["risk"], "HIGH");
    let risks: Vec<&str> = doc["buckets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["risk"].as_str().unwrap())
        .collect();
    let rank = |r: &str| {
        ["NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL"]
            .iter()
            .position(|x| *x == r)
            .unwrap()
    };
    assert!(
        risks.windows(2).all(|w| rank(w[0]) >= rank(w[1])),
        "sorted by risk: {risks:?}"
    );

    // The table puts the same bucket on the first line.
    let out = moto.piiscan_buckets(&["--results", results.to_str().unwrap()]);
    let table = String::from_utf8(out.stdout).unwrap();
    let mut rows = table.lines();
    assert!(rows.next().unwrap().starts_with("BUCKET"));
    let top = rows.next().unwrap();
    assert!(
        top.starts_with("case-policy-public")
            && top.contains("PUBLIC")
            && top.ends_with("CRITICAL"),
        "{table}"
    );
    assert!(table.contains("credentials 2 (1/2 objects)"), "{table}");
    assert!(table.contains("Most urgent"), "{table}");
    assert!(
        first["riskReason"]
            .as_str()
            .unwrap()
            .contains("holds credentials (AWS_CREDENTIALS 2)"),
        "{first:#}"
    );

    // Usage errors exit 3.
    let out = moto.piiscan_buckets(&["--account-id", "12"]);
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn account_block_public_access_neutralises_a_public_policy() {
    let moto = Moto::start();
    block_on(async {
        let (s3, s3control) = moto.clients().await;
        create(&s3, "case-blocked-by-account", false, true).await;
        put_policy(
            &s3,
            "case-blocked-by-account",
            policy(&[
                allow(
                    "PublicRead",
                    r#""*""#,
                    r#""s3:GetObject""#,
                    r#""arn:aws:s3:::case-blocked-by-account/*""#,
                    "",
                ),
                tls_deny("case-blocked-by-account"),
            ]),
        )
        .await;
        s3control
            .put_public_access_block()
            .account_id(ACCOUNT)
            .public_access_block_configuration(
                aws_sdk_s3control::types::PublicAccessBlockConfiguration::builder()
                    .block_public_acls(true)
                    .ignore_public_acls(true)
                    .block_public_policy(true)
                    .restrict_public_buckets(true)
                    .build(),
            )
            .send()
            .await
            .unwrap_or_else(|e| panic!("account BPA: {e:?}"));
    });
    let out = moto.piiscan_buckets(&["--format", "json"]);
    let doc = json_of(&out);
    let b = bucket(&doc, "case-blocked-by-account");
    assert_eq!(
        b["publicAccess"]["effectivePermission"], "NOT_PUBLIC",
        "{b:#}"
    );
    assert_eq!(
        b["publicAccess"]["permissionConfiguration"]["accountLevelPermissions"]
            ["blockPublicAccess"]["restrictPublicBuckets"],
        true
    );
    assert_eq!(
        b["publicAccess"]["permissionConfiguration"]["bucketLevelPermissions"]["bucketPolicy"]
            ["allowsPublicReadAccess"],
        true
    );
    assert!(
        b["publicAccess"]["reasons"]
            .to_string()
            .contains("neutralised by account BPA RestrictPublicBuckets"),
        "{b:#}"
    );
    // Bucket-level BPA is off, but the account level blocks: no BPA finding, no public finding.
    assert!(types_of(b).is_empty(), "{b:#}");
    assert_eq!(out.status.code(), Some(0), "{}", read_errors(&doc));
}

#[test]
fn unreadable_policy_is_unknown_never_safe() {
    // moto checks IAM policies after the first N requests: exactly the setup
    // below (2 S3 calls, 3 IAM calls). Then an auditor with the documented
    // read-only policy minus s3:GetBucketPolicy runs piiscan.
    let moto = Moto::start_with_env(&[("INITIAL_NO_AUTH_ACTION_COUNT", "5")]);
    block_on(async {
        let (s3, _) = moto.clients().await;
        s3.create_bucket()
            .bucket("case-locked")
            .send()
            .await
            .unwrap();
        put_policy(
            &s3,
            "case-locked",
            policy(&[allow(
                "PublicRead",
                r#""*""#,
                r#""s3:GetObject""#,
                r#""arn:aws:s3:::case-locked/*""#,
                "",
            )]),
        )
        .await;
    });
    moto.iam_call(&[("Action", "CreateUser"), ("UserName", "auditor")]);
    // docs/exposure.md's least-privilege list without s3:GetBucketPolicy, plus
    // moto's own names: it checks s3:ListBucket for the bucket GETs it does
    // not map (encryption, replication, ownership, object lock, bucket BPA)
    // and s3:GetPublicAccessBlock for the account level.
    let actions = [
        "s3:ListAllMyBuckets",
        "s3:GetBucketLocation",
        "s3:GetBucketAcl",
        "s3:GetBucketPolicyStatus",
        "s3:GetBucketPublicAccessBlock",
        "s3:GetAccountPublicAccessBlock",
        "s3:GetEncryptionConfiguration",
        "s3:GetBucketVersioning",
        "s3:GetReplicationConfiguration",
        "s3:GetBucketLogging",
        "s3:GetBucketObjectLockConfiguration",
        "s3:GetBucketOwnershipControls",
        "sts:GetCallerIdentity",
        "s3:ListBucket",
        "s3:GetPublicAccessBlock",
    ];
    let doc = serde_json::json!({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": actions, "Resource": "*"}]});
    moto.iam_call(&[
        ("Action", "PutUserPolicy"),
        ("UserName", "auditor"),
        ("PolicyName", "piiscan-buckets"),
        ("PolicyDocument", &doc.to_string()),
    ]);
    let key = moto.iam_call(&[("Action", "CreateAccessKey"), ("UserName", "auditor")]);
    let (id, secret) = (
        exposure_support::xml_value(&key, "AccessKeyId"),
        exposure_support::xml_value(&key, "SecretAccessKey"),
    );
    let out = moto.piiscan_buckets_as(&id, &secret, &["--format", "json"]);
    let doc = json_of(&out);
    let b = bucket(&doc, "case-locked");
    let errors: Vec<&str> = b["readErrors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["api"].as_str().unwrap())
        .collect();
    assert_eq!(errors, vec!["GetBucketPolicy"], "{b:#}");
    assert_eq!(b["readErrors"][0]["code"], "AccessDenied");
    assert_eq!(b["publicAccess"]["effectivePermission"], "UNKNOWN", "{b:#}");
    assert!(
        b["publicAccess"]["reasons"]
            .to_string()
            .contains("bucket policy unreadable"),
        "{b:#}"
    );
    assert_eq!(b["sharedAccess"], "UNKNOWN");
    assert_eq!(b["allowsUnencryptedObjectUploads"], "UNKNOWN");
    assert_eq!(b["errorCode"], "ACCESS_DENIED");
    assert!(!types_of(b).contains("S3BucketPublic"));
    assert_eq!(out.status.code(), Some(2), "unreadable settings exit 2");
    // The table says so too.
    let out = moto.piiscan_buckets_as(&id, &secret, &[]);
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(
        table.contains("case-locked") && table.contains("UNKNOWN"),
        "{table}"
    );
    assert!(table.contains("GetBucketPolicy: AccessDenied"), "{table}");
}
