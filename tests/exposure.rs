//! `piiscan buckets` against moto: one bucket per exposure case, configured
//! through the S3 and S3 Control APIs, checked through the CLI's JSON
//! output (verdicts, finding types, risk) and exit codes.

mod exposure_support;

use exposure_support::cases::*;
use exposure_support::{block_on, Moto, ACCOUNT};
use serde_json::Value;
use std::collections::BTreeSet;

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
