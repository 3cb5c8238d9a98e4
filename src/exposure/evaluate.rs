//! The bucket policy evaluator: who can do what to a bucket, according to
//! its policy alone.
//!
//! In: a parsed [`PolicyDocument`] and what is known about the bucket (name,
//! owner account, owner canonical id). Out: a [`PolicyAnalysis`]: one
//! [`PolicyGrant`] per Allow statement and audience (the public, an
//! account, an organization, a CloudFront OAI or OAC, ...) with read and
//! write access after Deny statements are applied, plus whether the policy
//! enforces TLS and requires encrypted uploads.
//!
//! How: instead of reasoning about action patterns symbolically, every
//! Allow is tested against a fixed list of representative S3 actions (read:
//! `s3:GetObject`, `s3:ListBucket`...; write: `s3:PutObject`,
//! `s3:DeleteObject`, `s3:PutBucketPolicy`...) on the bucket or its objects.
//! That makes `NotAction`, `NotResource`, `s3:Get*` and `*` fall out of one
//! glob matcher, and lets a Deny that covers only some actions remove only
//! those. Conditions are classified by key: a positive test on a key that
//! names who or where the caller is (`aws:SourceVpce`, `aws:PrincipalOrgID`,
//! `aws:SourceIp` other than `0.0.0.0/0`, ...) restricts an otherwise public
//! grant; a negated test on such a key in a Deny restricts every Allow it
//! covers; anything else (`aws:UserAgent`, `aws:SecureTransport`) restricts
//! nothing, because a caller can choose to satisfy it.

use super::conditions::*;
pub use super::matching::account_of;
use super::matching::*;
use super::policy::{Effect, PolicyDocument, Principals, Statement};
use serde::Serialize;

/// What is known about the bucket whose policy is evaluated.
#[derive(Debug, Clone, Copy)]
pub struct PolicyContext<'a> {
    /// Bucket name.
    pub bucket: &'a str,
    /// The bucket owner's account id, if known.
    pub owner_account: Option<&'a str>,
    /// The bucket owner's canonical user id (from the ACL), if known.
    pub owner_canonical_id: Option<&'a str>,
}

/// Who a grant reaches.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", content = "id", rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Audience {
    /// Anyone, anonymous callers or every AWS identity.
    Public,
    /// One AWS account (the owner's or another).
    Account(String),
    /// The accounts of an AWS organization (or organizational unit path).
    Organization(String),
    /// A caller restricted by network or type (VPC endpoint, VPC, IP range, AWS services).
    Limited(String),
    /// A CloudFront origin access identity.
    CloudFrontOai(String),
    /// A CloudFront distribution through origin access control (`*` when any distribution).
    CloudFrontOac(String),
    /// An AWS service principal other than CloudFront.
    Service(String),
    /// A canonical user id other than the owner's.
    CanonicalUser(String),
    /// A principal or condition whose account cannot be determined.
    Unresolved(String),
}

/// Whether an action reads or changes the bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Access {
    Read,
    Write,
}

/// Representative actions each Allow is tested against.
const ACTIONS: &[(&str, Access, Kind)] = &[
    ("s3:GetObject", Access::Read, Kind::Object),
    ("s3:GetObjectVersion", Access::Read, Kind::Object),
    ("s3:GetObjectAcl", Access::Read, Kind::Object),
    ("s3:ListBucket", Access::Read, Kind::Bucket),
    ("s3:ListBucketVersions", Access::Read, Kind::Bucket),
    ("s3:ListBucketMultipartUploads", Access::Read, Kind::Bucket),
    ("s3:GetBucketAcl", Access::Read, Kind::Bucket),
    ("s3:GetBucketPolicy", Access::Read, Kind::Bucket),
    ("s3:PutObject", Access::Write, Kind::Object),
    ("s3:DeleteObject", Access::Write, Kind::Object),
    ("s3:DeleteObjectVersion", Access::Write, Kind::Object),
    ("s3:PutObjectAcl", Access::Write, Kind::Object),
    ("s3:RestoreObject", Access::Write, Kind::Object),
    ("s3:AbortMultipartUpload", Access::Write, Kind::Object),
    ("s3:PutBucketPolicy", Access::Write, Kind::Bucket),
    ("s3:DeleteBucketPolicy", Access::Write, Kind::Bucket),
    ("s3:PutBucketAcl", Access::Write, Kind::Bucket),
    ("s3:DeleteBucket", Access::Write, Kind::Bucket),
    ("s3:PutLifecycleConfiguration", Access::Write, Kind::Bucket),
    ("s3:PutBucketPublicAccessBlock", Access::Write, Kind::Bucket),
    ("s3:PutEncryptionConfiguration", Access::Write, Kind::Bucket),
    ("s3:PutBucketVersioning", Access::Write, Kind::Bucket),
    (
        "s3:PutReplicationConfiguration",
        Access::Write,
        Kind::Bucket,
    ),
];

/// One Allow statement's reach to one audience, after Denies.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyGrant {
    /// `Sid=X` or `#index`.
    pub statement: String,
    /// Who is reached.
    pub audience: Audience,
    /// Read access (objects, listing, ACL or policy).
    pub read: bool,
    /// Write access (objects, deletion, ACL, policy, configuration).
    pub write: bool,
    /// Representative actions granted.
    pub actions: Vec<&'static str>,
    /// The statement's actions are a wildcard (`*`, `s3:*`, `s3:Get*`) or `NotAction`.
    pub wildcard_action: bool,
    /// The statement's actions include everything (`*`, `s3:*`, or `NotAction`).
    pub all_actions: bool,
    /// Conditions (own or from Deny statements) that narrowed the audience.
    pub restricted_by: Vec<String>,
    /// Deny statements that removed some of the statement's actions.
    pub denied_by: Vec<String>,
    /// The statement's JSON.
    pub evidence: serde_json::Value,
}

/// Three-valued answers (Macie's TRUE / FALSE / UNKNOWN).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Tri {
    /// Yes.
    True,
    /// No.
    False,
    /// Could not be determined.
    Unknown,
}

/// What a bucket policy allows.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PolicyAnalysis {
    /// Reach per Allow statement and audience (fully denied ones are left out).
    pub grants: Vec<PolicyGrant>,
    /// Allow statements that Deny statements cancel entirely, with the Deny.
    pub neutralised: Vec<String>,
    /// The Deny statement that refuses every request without TLS, if any.
    pub enforces_tls: Option<String>,
    /// A Deny statement that refuses uploads without a server-side-encryption header, if any.
    pub requires_encrypted_uploads: Option<String>,
}

impl PolicyAnalysis {
    /// Grants to the public.
    pub fn public(&self) -> impl Iterator<Item = &PolicyGrant> {
        self.grants
            .iter()
            .filter(|g| g.audience == Audience::Public)
    }
    /// Public read access (Macie `bucketPolicy.allowsPublicReadAccess`).
    pub fn allows_public_read(&self) -> bool {
        self.public().any(|g| g.read)
    }
    /// Public write access (Macie `bucketPolicy.allowsPublicWriteAccess`).
    pub fn allows_public_write(&self) -> bool {
        self.public().any(|g| g.write)
    }
}

const OAI_PREFIX: &str = "arn:aws:iam::cloudfront:user/CloudFront Origin Access Identity ";

fn principal_names(p: &Principals, aud: &Audience) -> bool {
    if p.is_everyone() {
        return true;
    }
    match aud {
        Audience::Account(a) => p
            .aws
            .iter()
            .any(|x| account_of(x).as_deref() == Some(a.as_str())),
        Audience::CloudFrontOai(id) => p.aws.iter().any(|x| x.ends_with(id.as_str())),
        Audience::CloudFrontOac(_) => p.service.iter().any(|s| s == "cloudfront.amazonaws.com"),
        Audience::Service(s) => p.service.contains(s),
        Audience::CanonicalUser(c) => p.canonical_user.contains(c),
        _ => false,
    }
}

/// The Deny applies to requests from this audience.
fn deny_applies_to(d: &Statement, aud: &Audience) -> bool {
    if let Some(p) = &d.principal {
        return principal_names(p, aud);
    }
    if let Some(np) = &d.not_principal {
        // Denies everyone except the listed principals.
        return *aud == Audience::Public || !principal_names(np, aud);
    }
    false
}

fn audiences(s: &Statement, ctx: &PolicyContext) -> Vec<Audience> {
    if s.not_principal.is_some() {
        // Allow with NotPrincipal: everyone but the listed principals.
        return vec![Audience::Public];
    }
    let Some(p) = &s.principal else {
        return vec![];
    };
    if p.is_everyone() {
        return vec![Audience::Public];
    }
    let mut out = Vec::new();
    for a in &p.aws {
        if let Some(id) = a.strip_prefix(OAI_PREFIX) {
            out.push(Audience::CloudFrontOai(id.to_string()));
        } else if let Some(acct) = account_of(a) {
            out.push(Audience::Account(acct));
        } else {
            out.push(Audience::Unresolved(format!("AWS principal {a}")));
        }
    }
    for svc in &p.service {
        if svc == "cloudfront.amazonaws.com" {
            let dists: Vec<&String> = s
                .conditions
                .iter()
                .filter(|c| c.key_lc() == "aws:sourcearn" && !c.base_operator().contains("not"))
                .flat_map(|c| c.values.iter())
                .collect();
            if dists.is_empty() {
                out.push(Audience::CloudFrontOac("*".into()));
            }
            for d in dists {
                out.push(Audience::CloudFrontOac(d.clone()));
            }
        } else {
            out.push(Audience::Service(svc.clone()));
        }
    }
    for c in &p.canonical_user {
        match ctx.owner_canonical_id {
            Some(o) if o == c => {
                if let Some(acct) = ctx.owner_account {
                    out.push(Audience::Account(acct.to_string()));
                }
            }
            _ => out.push(Audience::CanonicalUser(c.clone())),
        }
    }
    for f in &p.federated {
        match account_of(f) {
            Some(acct) => out.push(Audience::Account(acct)),
            None => out.push(Audience::Unresolved(format!("federated principal {f}"))),
        }
    }
    out
}

/// Narrow the public audience by a restriction (other audiences stay as named).
fn narrow(aud: &Audience, r: &Option<Restriction>) -> Vec<Audience> {
    match (aud, r) {
        (Audience::Public, Some(Restriction::Accounts(a))) => {
            a.iter().map(|x| Audience::Account(x.clone())).collect()
        }
        (Audience::Public, Some(Restriction::Org(o))) => o
            .iter()
            .map(|x| Audience::Organization(x.clone()))
            .collect(),
        (Audience::Public, Some(Restriction::Limited(d))) => vec![Audience::Limited(d.clone())],
        (Audience::Public, Some(Restriction::Opaque(d))) => {
            vec![Audience::Unresolved(format!("condition {d}"))]
        }
        _ => vec![aud.clone()],
    }
}

fn is_all_actions(s: &Statement) -> bool {
    s.not_action.is_some()
        || s.action
            .as_ref()
            .is_some_and(|a| a.iter().any(|x| x == "*" || x.eq_ignore_ascii_case("s3:*")))
}

/// Evaluate a bucket policy.
pub fn analyse(doc: &PolicyDocument, ctx: &PolicyContext) -> PolicyAnalysis {
    let denies: Vec<&Statement> = doc
        .statements
        .iter()
        .filter(|s| s.effect == Effect::Deny)
        .collect();
    let mut out = PolicyAnalysis::default();
    for s in doc.statements.iter().filter(|s| s.effect == Effect::Allow) {
        let own: Vec<Restriction> = s.conditions.iter().filter_map(allow_restriction).collect();
        let all_actions = is_all_actions(s);
        let wildcard_action = all_actions
            || s.action
                .as_ref()
                .is_some_and(|a| a.iter().any(|x| x.contains('*') || x.contains('?')));
        let mut any_action = false;
        let mut grants: Vec<PolicyGrant> = Vec::new();
        let mut denied_all: Vec<String> = Vec::new();
        for base in audiences(s, ctx) {
            for &(action, access, kind) in ACTIONS {
                if !statement_action(s, action) || !resource_applies(s, ctx.bucket, kind) {
                    continue;
                }
                any_action = true;
                let mut restr = own.clone();
                let mut blocked_by = None;
                let mut notes = Vec::new();
                for d in &denies {
                    if !statement_action(d, action)
                        || !resource_covers(d, ctx.bucket, kind)
                        || !deny_applies_to(d, &base)
                    {
                        continue;
                    }
                    match deny_effect(d) {
                        DenyEffect::Full => {
                            blocked_by = Some(d.label());
                            break;
                        }
                        DenyEffect::Restrict(r) => {
                            notes.push(format!("{} ({})", d.label(), restriction_text(&r)));
                            restr.push(r);
                        }
                        DenyEffect::Avoidable => {}
                    }
                }
                if let Some(b) = blocked_by {
                    if !denied_all.contains(&b) {
                        denied_all.push(b);
                    }
                    continue;
                }
                let r = strongest(restr.clone());
                for aud in narrow(&base, &r) {
                    let g = match grants.iter_mut().find(|g| g.audience == aud) {
                        Some(g) => g,
                        None => {
                            let mut restricted_by: Vec<String> = if base == Audience::Public {
                                own.iter().map(restriction_text).collect()
                            } else {
                                vec![]
                            };
                            if base == Audience::Public {
                                restricted_by.extend(notes.iter().cloned());
                            }
                            grants.push(PolicyGrant {
                                statement: s.label(),
                                audience: aud.clone(),
                                read: false,
                                write: false,
                                actions: vec![],
                                wildcard_action,
                                all_actions,
                                restricted_by,
                                denied_by: vec![],
                                evidence: s.raw.clone(),
                            });
                            grants.last_mut().unwrap()
                        }
                    };
                    match access {
                        Access::Read => g.read = true,
                        Access::Write => g.write = true,
                    }
                    if !g.actions.contains(&action) {
                        g.actions.push(action);
                    }
                }
            }
        }
        for g in &mut grants {
            g.denied_by = denied_all.clone();
        }
        if grants.is_empty() && any_action && !denied_all.is_empty() {
            out.neutralised
                .push(format!("{} denied by {}", s.label(), denied_all.join(", ")));
        }
        out.grants.extend(grants);
    }
    out.enforces_tls = denies
        .iter()
        .find(|d| enforces_tls(d, ctx.bucket))
        .map(|d| d.label());
    out.requires_encrypted_uploads = denies
        .iter()
        .find(|d| requires_sse(d, ctx.bucket))
        .map(|d| d.label());
    out
}

fn everyone(d: &Statement) -> bool {
    d.principal.as_ref().is_some_and(Principals::is_everyone)
}

/// Deny, everyone, every action on the bucket and its objects, when `aws:SecureTransport` is false.
fn enforces_tls(d: &Statement, bucket: &str) -> bool {
    everyone(d)
        && ACTIONS.iter().all(|(a, _, _)| statement_action(d, a))
        && resource_covers(d, bucket, Kind::Bucket)
        && resource_covers(d, bucket, Kind::Object)
        && d.conditions.len() == 1
        && d.conditions.iter().all(|c| {
            c.base_operator() == "bool"
                && c.key_lc() == "aws:securetransport"
                && c.values.iter().all(|v| v.eq_ignore_ascii_case("false"))
        })
}

/// Deny, everyone, `s3:PutObject` on all objects, when the upload carries no
/// (or the wrong) server-side-encryption header.
fn requires_sse(d: &Statement, bucket: &str) -> bool {
    const SSE_KEYS: &[&str] = &[
        "s3:x-amz-server-side-encryption",
        "s3:x-amz-server-side-encryption-aws-kms-key-id",
        "s3:x-amz-server-side-encryption-customer-algorithm",
    ];
    everyone(d)
        && statement_action(d, "s3:PutObject")
        && resource_covers(d, bucket, Kind::Object)
        && !d.conditions.is_empty()
        && d.conditions.iter().all(|c| {
            let op = c.base_operator();
            SSE_KEYS.contains(&c.key_lc().as_str())
                && ((op == "null" && c.values == ["true"])
                    || (matches!(op.as_str(), "stringnotequals" | "stringnotlike")
                        && !c.values.is_empty()
                        && !c.values.iter().any(|v| v == "*")))
        })
}

#[cfg(test)]
#[path = "evaluate_tests.rs"]
mod tests;
