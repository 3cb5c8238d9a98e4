//! A typed model of S3 bucket policies, parsed from the JSON text that
//! GetBucketPolicy returns.
//!
//! In: the policy document as a string. Out: a [`PolicyDocument`] whose
//! statements keep both the typed fields (effect, principals, actions,
//! resources, conditions) and the statement's original JSON (the evidence
//! shown in findings). IAM's loose grammar is normalised here, once: a
//! `Statement` that is an object or an array, values that are a string or a
//! list, condition values that are strings, booleans or numbers. Nothing is
//! evaluated here; that is `evaluate`'s job, so the parser stays a plain
//! function of its input.

use serde::Deserialize;
use serde_json::Value;
use std::collections::BTreeMap;

/// Errors from parsing a policy document.
#[derive(Debug, thiserror::Error)]
pub enum PolicyError {
    /// Not JSON, or JSON of the wrong shape.
    #[error("bucket policy is not valid policy JSON: {0}")]
    Json(#[from] serde_json::Error),
    /// A statement with an effect other than Allow or Deny.
    #[error("statement {index}: unknown Effect {effect:?}")]
    Effect {
        /// 0-based statement index.
        index: usize,
        /// The effect found.
        effect: String,
    },
    /// A statement with neither Principal nor NotPrincipal (invalid in a resource policy).
    #[error("statement {index}: neither Principal nor NotPrincipal")]
    NoPrincipal {
        /// 0-based statement index.
        index: usize,
    },
}

/// `Allow` or `Deny`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// Grants.
    Allow,
    /// Overrides any Allow it matches.
    Deny,
}

/// A `Principal` or `NotPrincipal` element.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Principals {
    /// `"*"` (the string form): everyone, anonymous included.
    pub wildcard: bool,
    /// `{"AWS": ...}`: account ids, IAM ARNs, or `"*"`.
    pub aws: Vec<String>,
    /// `{"Service": ...}`: service principals such as `cloudfront.amazonaws.com`.
    pub service: Vec<String>,
    /// `{"CanonicalUser": ...}`: canonical user ids.
    pub canonical_user: Vec<String>,
    /// `{"Federated": ...}`: identity providers.
    pub federated: Vec<String>,
}

impl Principals {
    /// Everyone: `"*"` or `{"AWS": "*"}`.
    pub fn is_everyone(&self) -> bool {
        self.wildcard || self.aws.iter().any(|a| a == "*")
    }
}

/// One condition test: operator (`StringEquals`, `IpAddress`, `ForAnyValue:StringLike`,
/// `BoolIfExists`...), key (`aws:SourceVpce`) and values (as strings).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Condition {
    /// The operator as written.
    pub operator: String,
    /// The condition key as written.
    pub key: String,
    /// Values, booleans and numbers rendered as strings.
    pub values: Vec<String>,
}

impl Condition {
    /// The key in lower case (condition keys are case-insensitive).
    pub fn key_lc(&self) -> String {
        self.key.to_ascii_lowercase()
    }

    /// The operator without a set prefix (`ForAnyValue:`) or `IfExists`
    /// suffix, in lower case.
    pub fn base_operator(&self) -> String {
        let op = self.operator.to_ascii_lowercase();
        let op = op.rsplit(':').next().unwrap_or(&op).to_string();
        op.strip_suffix("ifexists").unwrap_or(&op).to_string()
    }

    /// Whether the operator ends in `IfExists` (a missing key passes).
    pub fn if_exists(&self) -> bool {
        self.operator.to_ascii_lowercase().ends_with("ifexists")
    }
}

/// One statement.
#[derive(Debug, Clone, PartialEq)]
pub struct Statement {
    /// 0-based position in the document.
    pub index: usize,
    /// `Sid`, if any.
    pub sid: Option<String>,
    /// Effect.
    pub effect: Effect,
    /// `Principal`, if present.
    pub principal: Option<Principals>,
    /// `NotPrincipal`, if present.
    pub not_principal: Option<Principals>,
    /// `Action` (patterns), if present.
    pub action: Option<Vec<String>>,
    /// `NotAction` (patterns), if present.
    pub not_action: Option<Vec<String>>,
    /// `Resource` (patterns), if present.
    pub resource: Option<Vec<String>>,
    /// `NotResource` (patterns), if present.
    pub not_resource: Option<Vec<String>>,
    /// Conditions (all must hold).
    pub conditions: Vec<Condition>,
    /// The statement's JSON as written (evidence).
    pub raw: Value,
}

impl Statement {
    /// `Sid=X` or `#index` for messages.
    pub fn label(&self) -> String {
        match &self.sid {
            Some(s) if !s.is_empty() => format!("Sid={s}"),
            _ => format!("#{}", self.index),
        }
    }
}

/// A parsed bucket policy.
#[derive(Debug, Clone, PartialEq)]
pub struct PolicyDocument {
    /// `Version` (`2012-10-17`), if given.
    pub version: Option<String>,
    /// `Id`, if given.
    pub id: Option<String>,
    /// Statements in document order.
    pub statements: Vec<Statement>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum OneOrMany<T> {
    // `Many` first: a `Value` would otherwise swallow an array as one item.
    Many(Vec<T>),
    One(T),
}

impl<T> OneOrMany<T> {
    fn into_vec(self) -> Vec<T> {
        match self {
            OneOrMany::One(t) => vec![t],
            OneOrMany::Many(v) => v,
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct RawDocument {
    version: Option<String>,
    id: Option<String>,
    statement: OneOrMany<Value>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum RawPrincipal {
    Star(String),
    Map(BTreeMap<String, OneOrMany<String>>),
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Scalar {
    S(String),
    B(bool),
    N(serde_json::Number),
}

impl Scalar {
    fn render(self) -> String {
        match self {
            Scalar::S(s) => s,
            Scalar::B(b) => b.to_string(),
            Scalar::N(n) => n.to_string(),
        }
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "PascalCase")]
struct RawStatement {
    sid: Option<String>,
    effect: String,
    principal: Option<RawPrincipal>,
    not_principal: Option<RawPrincipal>,
    action: Option<OneOrMany<String>>,
    not_action: Option<OneOrMany<String>>,
    resource: Option<OneOrMany<String>>,
    not_resource: Option<OneOrMany<String>>,
    condition: Option<BTreeMap<String, BTreeMap<String, OneOrMany<Scalar>>>>,
}

fn principals(p: RawPrincipal) -> Principals {
    let mut out = Principals::default();
    match p {
        RawPrincipal::Star(s) if s == "*" => out.wildcard = true,
        // Not valid IAM, but unambiguous: a bare ARN or account id.
        RawPrincipal::Star(s) => out.aws.push(s),
        RawPrincipal::Map(m) => {
            for (k, v) in m {
                let v = v.into_vec();
                match k.to_ascii_lowercase().as_str() {
                    "aws" => out.aws.extend(v),
                    "service" => out.service.extend(v),
                    "canonicaluser" => out.canonical_user.extend(v),
                    "federated" => out.federated.extend(v),
                    // An unknown principal type names nobody we can reason about;
                    // keep it visible as a federated-like opaque principal.
                    _ => out
                        .federated
                        .extend(v.into_iter().map(|x| format!("{k}:{x}"))),
                }
            }
        }
    }
    out
}

/// Parse a bucket policy document.
pub fn parse(text: &str) -> Result<PolicyDocument, PolicyError> {
    let doc: RawDocument = serde_json::from_str(text)?;
    let mut statements = Vec::new();
    for (index, raw) in doc.statement.into_vec().into_iter().enumerate() {
        let s: RawStatement = serde_json::from_value(raw.clone())?;
        let effect = match s.effect.as_str() {
            "Allow" => Effect::Allow,
            "Deny" => Effect::Deny,
            other => {
                return Err(PolicyError::Effect {
                    index,
                    effect: other.to_string(),
                })
            }
        };
        if s.principal.is_none() && s.not_principal.is_none() {
            return Err(PolicyError::NoPrincipal { index });
        }
        let mut conditions = Vec::new();
        for (operator, keys) in s.condition.unwrap_or_default() {
            for (key, values) in keys {
                conditions.push(Condition {
                    operator: operator.clone(),
                    key,
                    values: values.into_vec().into_iter().map(Scalar::render).collect(),
                });
            }
        }
        statements.push(Statement {
            index,
            sid: s.sid,
            effect,
            principal: s.principal.map(principals),
            not_principal: s.not_principal.map(principals),
            action: s.action.map(OneOrMany::into_vec),
            not_action: s.not_action.map(OneOrMany::into_vec),
            resource: s.resource.map(OneOrMany::into_vec),
            not_resource: s.not_resource.map(OneOrMany::into_vec),
            conditions,
            raw,
        });
    }
    Ok(PolicyDocument {
        version: doc.version,
        id: doc.id,
        statements,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statement_object_and_array_forms() {
        let one = r#"{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}}"#;
        let many = r#"{"Statement":[{"Sid":"A","Effect":"Deny","Principal":{"AWS":["111122223333","arn:aws:iam::444455556666:root"]},"NotAction":["s3:Get*"],"Resource":"*","Condition":{"Bool":{"aws:SecureTransport":false},"NumericLessThan":{"s3:TlsVersion":1.2}}}]}"#;
        let d = parse(one).unwrap();
        assert_eq!(d.version.as_deref(), Some("2012-10-17"));
        assert!(d.statements[0].principal.as_ref().unwrap().is_everyone());
        assert_eq!(
            d.statements[0].action.as_deref(),
            Some(&["s3:GetObject".to_string()][..])
        );
        let d = parse(many).unwrap();
        let s = &d.statements[0];
        assert_eq!(s.effect, Effect::Deny);
        assert_eq!(s.label(), "Sid=A");
        assert_eq!(s.principal.as_ref().unwrap().aws.len(), 2);
        assert_eq!(s.not_action.as_ref().unwrap()[0], "s3:Get*");
        assert_eq!(s.conditions.len(), 2);
        let tls = s
            .conditions
            .iter()
            .find(|c| c.key == "aws:SecureTransport")
            .unwrap();
        assert_eq!(tls.values, vec!["false"]);
    }

    #[test]
    fn principal_kinds_and_operator_normalisation() {
        let p = r#"{"Statement":[{"Effect":"Allow","Principal":{"Service":"cloudfront.amazonaws.com","CanonicalUser":"abc","Federated":"cognito-identity.amazonaws.com"},"Action":"s3:GetObject","Resource":"*","Condition":{"ForAnyValue:StringLikeIfExists":{"aws:SourceArn":["arn:aws:cloudfront::1:distribution/X"]}}}]}"#;
        let d = parse(p).unwrap();
        let pr = d.statements[0].principal.as_ref().unwrap();
        assert_eq!(pr.service, vec!["cloudfront.amazonaws.com"]);
        assert_eq!(pr.canonical_user, vec!["abc"]);
        assert_eq!(pr.federated.len(), 1);
        assert!(!pr.is_everyone());
        let c = &d.statements[0].conditions[0];
        assert_eq!(c.base_operator(), "stringlike");
        assert!(c.if_exists());
    }

    #[test]
    fn malformed_policies_are_errors() {
        assert!(parse("not json").is_err());
        assert!(matches!(
            parse(
                r#"{"Statement":{"Effect":"Maybe","Principal":"*","Action":"*","Resource":"*"}}"#
            ),
            Err(PolicyError::Effect { .. })
        ));
        assert!(matches!(
            parse(r#"{"Statement":{"Effect":"Allow","Action":"*","Resource":"*"}}"#),
            Err(PolicyError::NoPrincipal { .. })
        ));
    }
}
