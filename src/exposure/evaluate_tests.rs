//! Named cases for the policy evaluator: each row is a policy, the bucket
//! `b` owned by account 123456789012, and what the evaluator must conclude.

use super::*;
use crate::exposure::policy::parse;
use std::collections::BTreeSet;

const OWNER: &str = "123456789012";
const OTHER: &str = "111122223333";

struct Expect {
    public_read: bool,
    public_write: bool,
    audiences: &'static [&'static str],
    tls: bool,
    sse: bool,
    wildcard: bool,
}

const NONE: Expect = Expect {
    public_read: false,
    public_write: false,
    audiences: &[],
    tls: false,
    sse: false,
    wildcard: false,
};

fn stmt(effect: &str, principal: &str, action: &str, resource: &str, cond: &str) -> String {
    let cond = if cond.is_empty() {
        String::new()
    } else {
        format!(r#","Condition":{cond}"#)
    };
    format!(
        r#"{{"Effect":"{effect}","Principal":{principal},"Action":{action},"Resource":{resource}{cond}}}"#
    )
}

fn doc(stmts: &[String]) -> String {
    format!(
        r#"{{"Version":"2012-10-17","Statement":[{}]}}"#,
        stmts.join(",")
    )
}

fn aud_name(a: &Audience) -> String {
    match a {
        Audience::Public => "public".into(),
        Audience::Account(x) if x == OWNER => "owner".into(),
        Audience::Account(x) => format!("account:{x}"),
        Audience::Organization(o) => format!("org:{o}"),
        Audience::Limited(_) => "limited".into(),
        Audience::CloudFrontOai(i) => format!("oai:{i}"),
        Audience::CloudFrontOac(d) => format!("oac:{d}"),
        Audience::Service(s) => format!("service:{s}"),
        Audience::CanonicalUser(c) => format!("canonical:{c}"),
        Audience::Unresolved(_) => "unresolved".into(),
    }
}

#[test]
fn policy_cases() {
    let objs = r#""arn:aws:s3:::b/*""#;
    let both = r#"["arn:aws:s3:::b","arn:aws:s3:::b/*"]"#;
    let get = r#""s3:GetObject""#;
    let star = r#""*""#;
    let vpce_deny = r#"{"StringNotEquals":{"aws:SourceVpce":"vpce-1a2b3c"}}"#;
    let tls = r#"{"Bool":{"aws:SecureTransport":"false"}}"#;
    let pub_read = |aud: &'static [&'static str]| Expect {
        public_read: true,
        audiences: aud,
        ..NONE
    };
    let cases: Vec<(&str, String, Expect)> = vec![
        (
            "principal string star, GetObject",
            doc(&[stmt("Allow", star, get, objs, "")]),
            pub_read(&["public"]),
        ),
        (
            "principal AWS star as object",
            doc(&[stmt("Allow", r#"{"AWS":"*"}"#, get, objs, "")]),
            pub_read(&["public"]),
        ),
        (
            "principal AWS star in an array",
            doc(&[stmt(
                "Allow",
                r#"{"AWS":["*"]}"#,
                r#"["s3:GetObject"]"#,
                objs,
                "",
            )]),
            pub_read(&["public"]),
        ),
        (
            "action as array with ListBucket on the bucket arn",
            doc(&[stmt(
                "Allow",
                star,
                r#"["s3:ListBucket","s3:GetObject"]"#,
                both,
                "",
            )]),
            pub_read(&["public"]),
        ),
        (
            "NotPrincipal with Allow reaches everyone else",
            doc(&[format!(
                r#"{{"Effect":"Allow","NotPrincipal":{{"AWS":"arn:aws:iam::{OTHER}:root"}},"Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#
            )]),
            pub_read(&["public"]),
        ),
        (
            "NotAction with Allow grants read and write, a wildcard",
            doc(&[format!(
                r#"{{"Effect":"Allow","Principal":"*","NotAction":"s3:DeleteObject","Resource":{both}}}"#
            )]),
            Expect {
                public_read: true,
                public_write: true,
                audiences: &["public"],
                wildcard: true,
                ..NONE
            },
        ),
        (
            "s3:Get* is read-only and a wildcard",
            doc(&[stmt("Allow", star, r#""s3:Get*""#, objs, "")]),
            Expect {
                wildcard: true,
                ..pub_read(&["public"])
            },
        ),
        (
            "s3:* grants write",
            doc(&[stmt("Allow", star, r#""s3:*""#, both, "")]),
            Expect {
                public_read: true,
                public_write: true,
                audiences: &["public"],
                wildcard: true,
                ..NONE
            },
        ),
        (
            "SourceVpce restricts",
            doc(&[stmt(
                "Allow",
                star,
                get,
                objs,
                r#"{"StringEquals":{"aws:SourceVpce":"vpce-1a2b3c"}}"#,
            )]),
            Expect {
                audiences: &["limited"],
                ..NONE
            },
        ),
        (
            "SourceVpce with IfExists does not restrict",
            doc(&[stmt(
                "Allow",
                star,
                get,
                objs,
                r#"{"StringEqualsIfExists":{"aws:SourceVpce":"vpce-1a2b3c"}}"#,
            )]),
            pub_read(&["public"]),
        ),
        (
            "PrincipalOrgID restricts to the organization",
            doc(&[stmt(
                "Allow",
                star,
                get,
                objs,
                r#"{"StringEquals":{"aws:PrincipalOrgID":"o-abc123"}}"#,
            )]),
            Expect {
                audiences: &["org:o-abc123"],
                ..NONE
            },
        ),
        (
            "SourceIp 10.0.0.0/8 restricts",
            doc(&[stmt(
                "Allow",
                star,
                get,
                objs,
                r#"{"IpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
            )]),
            Expect {
                audiences: &["limited"],
                ..NONE
            },
        ),
        (
            "SourceIp 0.0.0.0/0 does not restrict",
            doc(&[stmt(
                "Allow",
                star,
                get,
                objs,
                r#"{"IpAddress":{"aws:SourceIp":["10.0.0.0/8","0.0.0.0/0"]}}"#,
            )]),
            pub_read(&["public"]),
        ),
        (
            "NotIpAddress in an Allow does not restrict",
            doc(&[stmt(
                "Allow",
                star,
                get,
                objs,
                r#"{"NotIpAddress":{"aws:SourceIp":"10.0.0.0/8"}}"#,
            )]),
            pub_read(&["public"]),
        ),
        (
            "a condition on an unrelated key (aws:UserAgent) does not restrict",
            doc(&[stmt(
                "Allow",
                star,
                get,
                objs,
                r#"{"StringLike":{"aws:UserAgent":"MyApp*"}}"#,
            )]),
            pub_read(&["public"]),
        ),
        (
            "PrincipalAccount of another account makes it shared, not public",
            doc(&[stmt(
                "Allow",
                star,
                get,
                objs,
                &format!(r#"{{"StringEquals":{{"aws:PrincipalAccount":"{OTHER}"}}}}"#),
            )]),
            Expect {
                audiences: &["account:111122223333"],
                ..NONE
            },
        ),
        (
            "aws:userid restricts to someone we cannot name",
            doc(&[stmt(
                "Allow",
                star,
                get,
                objs,
                r#"{"StringLike":{"aws:userid":"AROAEXAMPLE:*"}}"#,
            )]),
            Expect {
                audiences: &["unresolved"],
                ..NONE
            },
        ),
        (
            "Deny * unless SourceVpce makes a public Allow not public",
            doc(&[
                stmt("Allow", star, get, objs, ""),
                stmt("Deny", star, r#""s3:*""#, both, vpce_deny),
            ]),
            Expect {
                audiences: &["limited"],
                ..NONE
            },
        ),
        (
            "unconditional Deny of GetObject cancels the Allow",
            doc(&[
                stmt("Allow", star, get, objs, ""),
                stmt("Deny", star, get, objs, ""),
            ]),
            NONE,
        ),
        (
            "Deny of PutObject leaves the read",
            doc(&[
                stmt(
                    "Allow",
                    star,
                    r#"["s3:GetObject","s3:PutObject"]"#,
                    objs,
                    "",
                ),
                stmt("Deny", star, r#""s3:PutObject""#, objs, ""),
            ]),
            pub_read(&["public"]),
        ),
        (
            "Deny on another bucket's objects does not cover",
            doc(&[
                stmt("Allow", star, get, objs, ""),
                stmt("Deny", star, get, r#""arn:aws:s3:::other/*""#, ""),
            ]),
            pub_read(&["public"]),
        ),
        (
            "Deny with NotPrincipal of the owner cancels a public Allow",
            doc(&[
                stmt("Allow", star, get, objs, ""),
                format!(
                    r#"{{"Effect":"Deny","NotPrincipal":{{"AWS":"arn:aws:iam::{OWNER}:root"}},"Action":"s3:*","Resource":{both}}}"#
                ),
            ]),
            NONE,
        ),
        (
            "TLS Deny enforces transport encryption but does not restrict the public",
            doc(&[
                stmt("Allow", star, get, objs, ""),
                stmt("Deny", star, r#""s3:*""#, both, tls),
            ]),
            Expect {
                tls: true,
                ..pub_read(&["public"])
            },
        ),
        (
            "TLS Deny on objects only is not enforcement",
            doc(&[stmt("Deny", star, r#""s3:*""#, objs, tls)]),
            NONE,
        ),
        (
            "uploads without an SSE header are denied",
            doc(&[stmt(
                "Deny",
                star,
                r#""s3:PutObject""#,
                objs,
                r#"{"StringNotEquals":{"s3:x-amz-server-side-encryption":"aws:kms"}}"#,
            )]),
            Expect { sse: true, ..NONE },
        ),
        (
            "cross-account ARN vs same account",
            doc(&[stmt(
                "Allow",
                &format!(
                    r#"{{"AWS":["arn:aws:iam::{OTHER}:role/reader","arn:aws:iam::{OWNER}:role/app"]}}"#
                ),
                get,
                objs,
                "",
            )]),
            Expect {
                audiences: &["account:111122223333", "owner"],
                ..NONE
            },
        ),
        (
            "bare account id principal",
            doc(&[stmt(
                "Allow",
                &format!(r#"{{"AWS":"{OTHER}"}}"#),
                r#""s3:*""#,
                both,
                "",
            )]),
            Expect {
                audiences: &["account:111122223333"],
                wildcard: true,
                ..NONE
            },
        ),
        (
            "CloudFront OAI",
            doc(&[stmt(
                "Allow",
                r#"{"AWS":"arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity E2QWRUHAPOMQZL"}"#,
                get,
                objs,
                "",
            )]),
            Expect {
                audiences: &["oai:E2QWRUHAPOMQZL"],
                ..NONE
            },
        ),
        (
            "CloudFront OAC with the distribution in AWS:SourceArn",
            doc(&[stmt(
                "Allow",
                r#"{"Service":"cloudfront.amazonaws.com"}"#,
                get,
                objs,
                &format!(
                    r#"{{"StringEquals":{{"AWS:SourceArn":"arn:aws:cloudfront::{OWNER}:distribution/EDFDVBD6EXAMPLE"}}}}"#
                ),
            )]),
            Expect {
                audiences: &["oac:arn:aws:cloudfront::123456789012:distribution/EDFDVBD6EXAMPLE"],
                ..NONE
            },
        ),
        (
            "multiple statements: public read and cross-account write",
            doc(&[
                stmt("Allow", star, get, objs, ""),
                stmt(
                    "Allow",
                    &format!(r#"{{"AWS":"arn:aws:iam::{OTHER}:root"}}"#),
                    r#""s3:PutObject""#,
                    objs,
                    "",
                ),
            ]),
            pub_read(&["public", "account:111122223333"]),
        ),
        (
            "a prefix of the bucket is still the bucket",
            doc(&[stmt("Allow", star, get, r#""arn:aws:s3:::b/public/*""#, "")]),
            pub_read(&["public"]),
        ),
        (
            "another bucket's resources grant nothing here",
            doc(&[stmt("Allow", star, get, r#""arn:aws:s3:::bb/*""#, "")]),
            NONE,
        ),
        (
            "non-S3 actions grant nothing",
            doc(&[stmt("Allow", star, r#""kms:Decrypt""#, star, "")]),
            NONE,
        ),
    ];
    let ctx = PolicyContext {
        bucket: "b",
        owner_account: Some(OWNER),
        owner_canonical_id: None,
    };
    let mut failures = Vec::new();
    for (name, text, want) in &cases {
        let d = parse(text).unwrap_or_else(|e| panic!("{name}: {e}\n{text}"));
        let a = analyse(&d, &ctx);
        let got: BTreeSet<String> = a.grants.iter().map(|g| aud_name(&g.audience)).collect();
        let exp: BTreeSet<String> = want.audiences.iter().map(|s| s.to_string()).collect();
        let wildcard = a.grants.iter().any(|g| g.wildcard_action);
        let checks = [
            ("public read", a.allows_public_read(), want.public_read),
            ("public write", a.allows_public_write(), want.public_write),
            ("tls", a.enforces_tls.is_some(), want.tls),
            ("sse", a.requires_encrypted_uploads.is_some(), want.sse),
            ("wildcard", wildcard, want.wildcard),
            ("audiences", got == exp, true),
        ];
        for (what, g, w) in checks {
            if g != w {
                failures.push(format!(
                    "{name}: {what}: got {g}, want {w} (audiences {got:?})"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn neutralised_allows_are_reported() {
    let text = r#"{"Statement":[{"Sid":"PublicRead","Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"},
        {"Sid":"DenyAll","Effect":"Deny","Principal":"*","Action":"s3:*","Resource":["arn:aws:s3:::b","arn:aws:s3:::b/*"]}]}"#;
    let a = analyse(
        &parse(text).unwrap(),
        &PolicyContext {
            bucket: "b",
            owner_account: Some(OWNER),
            owner_canonical_id: None,
        },
    );
    assert!(a.grants.is_empty());
    assert_eq!(a.neutralised, vec!["Sid=PublicRead denied by Sid=DenyAll"]);
}

#[test]
fn globs() {
    assert!(glob_match("s3:get*", "s3:getobject"));
    assert!(glob_match("*", ""));
    assert!(!glob_match("s3:Get?", "s3:Get"));
    assert!(glob_can_extend("arn:aws:s3:::b/p/*", "arn:aws:s3:::b/"));
    assert!(!glob_can_extend("arn:aws:s3:::bb/*", "arn:aws:s3:::b/"));
    assert!(glob_covers_extensions("arn:aws:s3:::b*", "arn:aws:s3:::b/"));
    assert!(!glob_covers_extensions(
        "arn:aws:s3:::b/p/*",
        "arn:aws:s3:::b/"
    ));
    assert_eq!(
        account_of("arn:aws:sts::111122223333:assumed-role/r/s").as_deref(),
        Some(OTHER)
    );
    assert_eq!(account_of("arn:aws:iam::cloudfront:user/x"), None);
}
