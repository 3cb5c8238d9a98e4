//! S3 scanning against moto on loopback: SSE-KMS objects, buckets in
//! several regions in one run (GetBucketLocation), --all-buckets with
//! bucket globs, object tag criteria, and moto's empty-body 403 for a
//! bucket policy denying s3:GetObject.
//!
//! Needs `moto_server` (moto[server] 5.2.5): see tests/support/mod.rs.

mod support;

use serde_json::Value;
use std::collections::BTreeSet;
use support::moto::{Moto, ACCESS, SECRET};
use support::{json_doc, piiscan, result, summary, SECRET_LINE};

/// KMS CreateKey through moto's JSON protocol (the test has no KMS SDK);
/// moto routes by the service named in the Authorization credential scope.
fn kms_create_key(m: &Moto) -> String {
    use std::io::{Read, Write};
    let body = r#"{"Description":"piiscan test key"}"#;
    let req = format!(
        "POST / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/x-amz-json-1.1\r\n\
         X-Amz-Target: TrentService.CreateKey\r\nX-Amz-Date: 20240101T000000Z\r\n\
         Authorization: AWS4-HMAC-SHA256 Credential={ACCESS}/20240101/us-east-1/kms/aws4_request, SignedHeaders=host, Signature=00\r\n\
         Content-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len(),
        port = m.port
    );
    let mut s = std::net::TcpStream::connect(("127.0.0.1", m.port)).unwrap();
    s.write_all(req.as_bytes()).unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    let json = &resp[resp.find("\r\n\r\n").expect("http response") + 4..];
    let json =
        &json[json.find('{').unwrap_or(0)..json.rfind('}').map(|i| i + 1).unwrap_or(json.len())];
    let v: Value = serde_json::from_str(json).unwrap_or_else(|e| panic!("{e}: {resp}"));
    v["KeyMetadata"]["KeyId"].as_str().unwrap().to_string()
}

fn names(doc: &Value) -> BTreeSet<String> {
    doc["summaries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["root"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn moto_kms_and_regions() {
    use aws_sdk_s3::types::{
        BucketLocationConstraint, CreateBucketConfiguration, ServerSideEncryption,
    };
    let m = Moto::start();
    let key = kms_create_key(&m);
    let rt = support::runtime();
    rt.block_on(async {
        let c = m.client("us-east-1");
        c.create_bucket().bucket("kms-bucket").send().await.unwrap();
        c.put_object()
            .bucket("kms-bucket")
            .key("enc/secret.txt")
            .body(format!("{SECRET_LINE}\n").into_bytes().into())
            .server_side_encryption(ServerSideEncryption::AwsKms)
            .ssekms_key_id(&key)
            .send()
            .await
            .unwrap();
        for (b, region) in [("eu-bucket", "eu-west-1"), ("ap-bucket", "ap-southeast-2")] {
            let rc = m.client(region);
            rc.create_bucket()
                .bucket(b)
                .create_bucket_configuration(
                    CreateBucketConfiguration::builder()
                        .location_constraint(BucketLocationConstraint::from(region))
                        .build(),
                )
                .send()
                .await
                .unwrap();
            rc.put_object()
                .bucket(b)
                .key("s.txt")
                .body(format!("{region}\n{SECRET_LINE}\n").into_bytes().into())
                .send()
                .await
                .unwrap();
        }
    });
    let r = piiscan(
        &m.endpoint,
        ACCESS,
        SECRET,
        &[
            "scan",
            "s3://kms-bucket",
            "s3://eu-bucket",
            "s3://ap-bucket",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1, "findings, no failures: {}", r.stderr);
    let doc = json_doc(&r);
    for (b, region) in [
        ("kms-bucket", "us-east-1"),
        ("eu-bucket", "eu-west-1"),
        ("ap-bucket", "ap-southeast-2"),
    ] {
        let s = summary(&doc, b);
        assert_eq!(s["region"], region, "{s}");
        assert_eq!(s["objectsWithFindings"], 1, "{s}");
        assert!(
            s["requests"]["other"].as_u64().unwrap() >= 1,
            "GetBucketLocation: {s}"
        );
    }
    let f = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["resourcesAffected"]["s3Bucket"]["name"] == "kms-bucket")
        .unwrap();
    let sse = &f["resourcesAffected"]["s3Object"]["serverSideEncryption"];
    assert_eq!(sse["encryptionType"], "aws:kms", "{f}");
    assert!(
        sse["kmsMasterKeyId"].as_str().unwrap().contains(&key),
        "{sse}"
    );
    assert_eq!(f["region"], "us-east-1");
    let eu = doc["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["resourcesAffected"]["s3Bucket"]["name"] == "eu-bucket")
        .unwrap();
    assert_eq!(eu["resourcesAffected"]["s3Bucket"]["region"], "eu-west-1");

    // the same object streamed (above a tiny in-memory cap): encryption
    // headers of the streamed GET still reach the finding
    let r = piiscan(
        &m.endpoint,
        ACCESS,
        SECRET,
        &[
            "scan",
            "s3://kms-bucket",
            "--max-in-memory",
            "16",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc2 = json_doc(&r);
    let sse2 = &doc2["findings"][0]["resourcesAffected"]["s3Object"]["serverSideEncryption"];
    assert_eq!(sse2["encryptionType"], "aws:kms", "{doc2}");
    assert_eq!(
        result(&doc2, "kms-bucket", "enc/secret.txt")["sse"][0],
        "aws:kms"
    );
    assert!(
        eu["resourcesAffected"]["s3Bucket"]["owner"]["id"].is_string(),
        "{eu}"
    );

    // --all-buckets with bucket globs, mixed with an explicit location
    let r = piiscan(
        &m.endpoint,
        ACCESS,
        SECRET,
        &[
            "scan",
            "--all-buckets",
            "--bucket-include",
            "*-bucket",
            "--bucket-exclude",
            "kms-*",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc = json_doc(&r);
    assert_eq!(
        names(&doc),
        BTreeSet::from(["ap-bucket".to_string(), "eu-bucket".to_string()])
    );
    // a bucket that does not exist is a bucket-level result, not an abort
    let r = piiscan(
        &m.endpoint,
        ACCESS,
        SECRET,
        &[
            "scan",
            "s3://no-such-bucket",
            "s3://eu-bucket",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    let doc = json_doc(&r);
    assert_eq!(
        summary(&doc, "no-such-bucket")["errorCode"],
        "NO_SUCH_BUCKET_AVAILABLE"
    );
    assert_eq!(summary(&doc, "eu-bucket")["objectsWithFindings"], 1);
}

#[test]
fn moto_tags_and_denied_objects() {
    use aws_sdk_s3::types::{Tag, Tagging};
    let m = Moto::start();
    let rt = support::runtime();
    rt.block_on(async {
        let c = m.client("us-east-1");
        c.create_bucket().bucket("tagged").send().await.unwrap();
        for (k, tag) in [("a.txt", Some(("class", "pii"))), ("b.txt", Some(("class", "public"))), ("c.txt", None)] {
            c.put_object()
                .bucket("tagged")
                .key(k)
                .body(format!("{SECRET_LINE}\n").into_bytes().into())
                .send()
                .await
                .unwrap();
            if let Some((tk, tv)) = tag {
                c.put_object_tagging()
                    .bucket("tagged")
                    .key(k)
                    .tagging(
                        Tagging::builder()
                            .tag_set(Tag::builder().key(tk).value(tv).build().unwrap())
                            .build()
                            .unwrap(),
                    )
                    .send()
                    .await
                    .unwrap();
            }
        }
        c.create_bucket().bucket("classes").send().await.unwrap();
        for class in ["STANDARD", "GLACIER", "DEEP_ARCHIVE", "GLACIER_IR", "STANDARD_IA"] {
            c.put_object()
                .bucket("classes")
                .key(format!("{class}.txt"))
                .body(format!("{SECRET_LINE}\n").into_bytes().into())
                .storage_class(aws_sdk_s3::types::StorageClass::from(class))
                .send()
                .await
                .unwrap();
        }
        c.create_bucket().bucket("denied").send().await.unwrap();
        for k in ["private/x.txt", "public/y.txt"] {
            c.put_object()
                .bucket("denied")
                .key(k)
                .body(format!("{SECRET_LINE}\n").into_bytes().into())
                .send()
                .await
                .unwrap();
        }
        let policy = r#"{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::denied/private/*"}]}"#;
        c.put_bucket_policy()
            .bucket("denied")
            .policy(policy)
            .send()
            .await
            .unwrap();
    });
    let keys = |doc: &Value| -> BTreeSet<String> {
        doc["results"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["key"].as_str().unwrap().to_string())
            .collect()
    };
    let r = piiscan(
        &m.endpoint,
        ACCESS,
        SECRET,
        &[
            "scan",
            "s3://tagged",
            "--tag",
            "class=pii",
            "--format",
            "json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc = json_doc(&r);
    assert_eq!(keys(&doc), BTreeSet::from(["a.txt".to_string()]));
    let s = summary(&doc, "tagged");
    assert_eq!(s["requests"]["tagging"], 3, "{s}");
    assert_eq!(
        s["requests"]["get"], 1,
        "no GET for objects out of scope: {s}"
    );
    assert_eq!(s["objectsListed"], 3);
    let tags = &doc["findings"][0]["resourcesAffected"]["s3Object"]["tags"];
    assert_eq!(tags, &serde_json::json!([{"key": "class", "value": "pii"}]));

    let r = piiscan(
        &m.endpoint,
        ACCESS,
        SECRET,
        &[
            "scan",
            "s3://tagged",
            "--exclude-tag",
            "class=public",
            "--format",
            "json",
        ],
    );
    let doc = json_doc(&r);
    assert_eq!(
        keys(&doc),
        BTreeSet::from(["a.txt".to_string(), "c.txt".to_string()])
    );
    // no tag criterion, no tagging calls
    let r = piiscan(
        &m.endpoint,
        ACCESS,
        SECRET,
        &["scan", "s3://tagged", "--format", "json"],
    );
    assert_eq!(summary(&json_doc(&r), "tagged")["requests"]["tagging"], 0);

    // archived storage classes: in scope, SKIPPED, never fetched
    let r = piiscan(
        &m.endpoint,
        ACCESS,
        SECRET,
        &["scan", "s3://classes", "--format", "json"],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    let doc = json_doc(&r);
    for class in ["GLACIER", "DEEP_ARCHIVE"] {
        let x = result(&doc, "classes", &format!("{class}.txt"));
        assert_eq!(x["status"], "SKIPPED", "{x}");
        assert_eq!(x["reason"], "INVALID_OBJECT_STATE");
        assert_eq!(x["storageClass"], class);
    }
    for class in ["STANDARD", "GLACIER_IR", "STANDARD_IA"] {
        let x = result(&doc, "classes", &format!("{class}.txt"));
        assert_eq!(x["outcome"], "SENSITIVE", "{x}");
    }
    assert_eq!(summary(&doc, "classes")["requests"]["get"], 3);

    // moto answers a policy-denied GetObject with an empty 403
    let r = piiscan(
        &m.endpoint,
        ACCESS,
        SECRET,
        &["scan", "s3://denied", "--format", "json"],
    );
    assert_eq!(r.code, 2, "{}", r.stderr);
    let doc = json_doc(&r);
    let x = result(&doc, "denied", "private/x.txt");
    assert_eq!(x["reason"], "PERMISSION_DENIED", "{x}");
    assert_eq!(x["outcome"], "FAILED");
    assert_eq!(
        result(&doc, "denied", "public/y.txt")["outcome"],
        "SENSITIVE"
    );
}
