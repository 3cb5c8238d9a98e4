//! Condition classification: which conditions restrict who can use a grant.
//!
//! In: a statement's conditions. Out: a [`Restriction`] (to named accounts,
//! an organization, a network or caller type, or to callers we cannot name)
//! or none. An Allow is restricted by a positive test on a caller-naming key
//! (`aws:SourceVpce`, `aws:PrincipalOrgID`, `aws:SourceIp` other than
//! `0.0.0.0/0`...) without `IfExists`; a Deny restricts every Allow it
//! covers when each of its conditions is a negated test on such a key.
//! Conditions a caller can choose to satisfy (`aws:UserAgent`,
//! `aws:SecureTransport`) restrict nothing.

use super::matching::account_of;
use super::policy::{Condition, Statement};

/// A condition's effect on who a grant reaches.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Restriction {
    Accounts(Vec<String>),
    Org(Vec<String>),
    Limited(String),
    Opaque(String),
}

impl Restriction {
    fn rank(&self) -> u8 {
        match self {
            Restriction::Accounts(_) => 3,
            Restriction::Org(_) => 2,
            Restriction::Limited(_) => 1,
            Restriction::Opaque(_) => 0,
        }
    }
}

pub(super) fn is_wildcard_value(op: &str, v: &str) -> bool {
    match op {
        "ipaddress" | "notipaddress" => v == "0.0.0.0/0" || v == "::/0",
        "stringlike" | "arnlike" | "stringnotlike" | "arnnotlike" => v.chars().all(|c| c == '*'),
        _ => false,
    }
}

/// Classify a condition key with its values, if it restricts who the caller is.
pub(super) fn classify_key(c: &Condition) -> Option<Restriction> {
    let key = c.key_lc();
    let vals = c.values.clone();
    let desc = format!("{} {} {}", c.operator, c.key, vals.join(","));
    match key.as_str() {
        "aws:sourcevpce" | "aws:sourcevpc" | "aws:sourceip" | "aws:vpcsourceip" => {
            Some(Restriction::Limited(desc))
        }
        "aws:principalisawsservice" => Some(Restriction::Limited(desc)),
        "aws:principalaccount"
        | "aws:sourceaccount"
        | "aws:sourceowner"
        | "s3:dataaccesspointaccount" => {
            if vals.iter().all(|v| account_of(v).is_some()) {
                Some(Restriction::Accounts(vals))
            } else {
                Some(Restriction::Opaque(desc))
            }
        }
        "aws:principalarn" | "aws:sourcearn" | "s3:dataaccesspointarn" => {
            let accts: Option<Vec<String>> = vals.iter().map(|v| account_of(v)).collect();
            match accts {
                Some(a) => Some(Restriction::Accounts(a)),
                None => Some(Restriction::Opaque(desc)),
            }
        }
        "aws:principalorgid"
        | "aws:principalorgpaths"
        | "aws:sourceorgid"
        | "aws:sourceorgpaths" => Some(Restriction::Org(vals)),
        "aws:userid" | "aws:username" | "aws:principaltype" | "aws:federatedprovider" => {
            Some(Restriction::Opaque(desc))
        }
        k if k.starts_with("aws:principaltag/") => Some(Restriction::Opaque(desc)),
        _ => None,
    }
}

/// A condition in an Allow that restricts the caller: a positive test (no
/// `IfExists`, no `ForAllValues`) on a caller-naming key with no wildcard.
pub(super) fn allow_restriction(c: &Condition) -> Option<Restriction> {
    let op = c.base_operator();
    let positive =
        matches!(
            op.as_str(),
            "stringequals"
                | "stringequalsignorecase"
                | "stringlike"
                | "arnequals"
                | "arnlike"
                | "ipaddress"
        ) || (op == "bool" && c.key_lc() == "aws:principalisawsservice" && c.values == ["true"]);
    if !positive || c.if_exists() || c.operator.to_ascii_lowercase().starts_with("forallvalues:") {
        return None;
    }
    if c.values.is_empty() || c.values.iter().any(|v| is_wildcard_value(&op, v)) {
        return None;
    }
    classify_key(c)
}

/// A condition in a Deny that, for every caller outside some set, is true
/// (so the Deny refuses them): a negated test on a caller-naming key, or
/// `Null: key = true` on a network key.
pub(super) fn deny_restriction(c: &Condition) -> Option<Restriction> {
    let op = c.base_operator();
    let negated = matches!(
        op.as_str(),
        "stringnotequals"
            | "stringnotequalsignorecase"
            | "stringnotlike"
            | "arnnotequals"
            | "arnnotlike"
            | "notipaddress"
    );
    if negated {
        if c.values.is_empty() || c.values.iter().any(|v| is_wildcard_value(&op, v)) {
            return None;
        }
        return classify_key(c);
    }
    if op == "null" && c.values == ["true"] {
        if let Some(r @ Restriction::Limited(_)) = classify_key(c) {
            return Some(r);
        }
    }
    None
}

pub(super) fn strongest(rs: Vec<Restriction>) -> Option<Restriction> {
    rs.into_iter().max_by_key(Restriction::rank)
}

/// What a Deny does to a request it covers.
pub(super) enum DenyEffect {
    /// Refuses every such request.
    Full,
    /// Refuses all but callers within the restriction.
    Restrict(Restriction),
    /// Refuses only requests a caller can avoid making (TLS, user agent...).
    Avoidable,
}

pub(super) fn deny_effect(d: &Statement) -> DenyEffect {
    if d.conditions.is_empty() {
        return DenyEffect::Full;
    }
    let rs: Option<Vec<Restriction>> = d.conditions.iter().map(deny_restriction).collect();
    match rs {
        // All conditions must hold for the Deny; a caller escapes by failing any
        // one, so the weakest restriction is what is left.
        Some(rs) => match rs.into_iter().min_by_key(Restriction::rank) {
            Some(r) => DenyEffect::Restrict(r),
            None => DenyEffect::Full,
        },
        None => DenyEffect::Avoidable,
    }
}

pub(super) fn restriction_text(r: &Restriction) -> String {
    match r {
        Restriction::Accounts(a) => format!("accounts {}", a.join(",")),
        Restriction::Org(o) => format!("organization {}", o.join(",")),
        Restriction::Limited(d) | Restriction::Opaque(d) => d.clone(),
    }
}
