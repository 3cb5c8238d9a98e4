//! Glob matching of IAM action and resource patterns against a bucket.
//!
//! In: a statement's `Action`/`NotAction` and `Resource`/`NotResource`
//! patterns (`*` and `?` globs). Out: whether a statement applies to an
//! action, whether it reaches some or covers all of a bucket or its
//! objects, and the account id inside an ARN. One small NFA simulation
//! answers all three questions (matches, can match a longer text, matches
//! every longer text), so prefixes such as `arn:aws:s3:::b/public/*` and
//! wildcards such as `arn:aws:s3:::b*` are handled exactly.

use super::policy::Statement;

/// Whether an action applies to the bucket or its objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    /// The bucket ARN.
    Bucket,
    /// An object ARN.
    Object,
}

/// Glob simulation: the pattern positions alive after reading `text`.
pub(super) fn glob_states(pat: &[u8], text: &[u8]) -> Vec<usize> {
    fn close(pat: &[u8], mut st: Vec<usize>) -> Vec<usize> {
        let mut i = 0;
        while i < st.len() {
            let p = st[i];
            if p < pat.len() && pat[p] == b'*' && !st.contains(&(p + 1)) {
                st.push(p + 1);
            }
            i += 1;
        }
        st
    }
    let mut st = close(pat, vec![0]);
    for &c in text {
        let mut next = Vec::new();
        for &p in &st {
            if p < pat.len() {
                match pat[p] {
                    b'*' => next.push(p),
                    b'?' => next.push(p + 1),
                    x if x == c => next.push(p + 1),
                    _ => {}
                }
            }
        }
        next.sort_unstable();
        next.dedup();
        st = close(pat, next);
        if st.is_empty() {
            break;
        }
    }
    st
}

/// `*`/`?` glob match of the whole text.
pub fn glob_match(pat: &str, text: &str) -> bool {
    glob_states(pat.as_bytes(), text.as_bytes()).contains(&pat.len())
}

/// Some text starting with `prefix` matches the pattern.
pub(super) fn glob_can_extend(pat: &str, prefix: &str) -> bool {
    !glob_states(pat.as_bytes(), prefix.as_bytes()).is_empty()
}

/// Every text starting with `prefix` (and longer) matches the pattern.
pub(super) fn glob_covers_extensions(pat: &str, prefix: &str) -> bool {
    let p = pat.as_bytes();
    glob_states(p, prefix.as_bytes())
        .iter()
        .any(|&i| i < p.len() && p[i..].iter().all(|&c| c == b'*'))
}

pub(super) fn action_matches(patterns: &[String], action: &str) -> bool {
    let a = action.to_ascii_lowercase();
    patterns
        .iter()
        .any(|p| glob_match(&p.to_ascii_lowercase(), &a))
}

pub(super) fn statement_action(s: &Statement, action: &str) -> bool {
    match (&s.action, &s.not_action) {
        (Some(a), _) => action_matches(a, action),
        (None, Some(na)) => !action_matches(na, action),
        (None, None) => false,
    }
}

/// The statement's resources reach at least some of `kind` in the bucket.
pub(super) fn resource_applies(s: &Statement, bucket: &str, kind: Kind) -> bool {
    let arn = format!("arn:aws:s3:::{bucket}");
    let reaches = |p: &String| match kind {
        Kind::Bucket => glob_match(p, &arn),
        Kind::Object => glob_can_extend(p, &format!("{arn}/")),
    };
    let covers = |p: &String| match kind {
        Kind::Bucket => glob_match(p, &arn),
        Kind::Object => glob_covers_extensions(p, &format!("{arn}/")),
    };
    match (&s.resource, &s.not_resource) {
        (Some(r), _) => r.iter().any(reaches),
        (None, Some(nr)) => !nr.iter().any(covers),
        (None, None) => true,
    }
}

/// The statement's resources cover all of `kind` in the bucket.
pub(super) fn resource_covers(s: &Statement, bucket: &str, kind: Kind) -> bool {
    let arn = format!("arn:aws:s3:::{bucket}");
    let covers = |p: &String| match kind {
        Kind::Bucket => glob_match(p, &arn),
        Kind::Object => glob_covers_extensions(p, &format!("{arn}/")),
    };
    let reaches = |p: &String| match kind {
        Kind::Bucket => glob_match(p, &arn),
        Kind::Object => glob_can_extend(p, &format!("{arn}/")),
    };
    match (&s.resource, &s.not_resource) {
        (Some(r), _) => r.iter().any(covers),
        (None, Some(nr)) => !nr.iter().any(reaches),
        (None, None) => true,
    }
}

/// The account id in an IAM/STS ARN or a bare 12-digit id.
pub fn account_of(principal: &str) -> Option<String> {
    if principal.len() == 12 && principal.bytes().all(|b| b.is_ascii_digit()) {
        return Some(principal.to_string());
    }
    let parts: Vec<&str> = principal.splitn(6, ':').collect();
    if parts.len() >= 5 && parts[0] == "arn" {
        let acct = parts[4];
        if acct.len() == 12 && acct.bytes().all(|b| b.is_ascii_digit()) {
            return Some(acct.to_string());
        }
    }
    None
}
