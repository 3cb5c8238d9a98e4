//! Validators for credentials: entropy floors, JWT structure, token checksums.

use super::common::entropy;
use super::Validator;

/// AWS secret access key: 40 base64 characters with enough entropy and a mix
/// of cases and digits (rules out hex digests, which are lower-case hex).
fn aws_secret(v: &[u8]) -> bool {
    v.len() == 40
        && v.iter().any(u8::is_ascii_uppercase)
        && v.iter().any(u8::is_ascii_lowercase)
        && v.iter().any(u8::is_ascii_digit)
        && entropy(v) > 4.0
}

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    let f: Validator = match name {
        "aws_secret" => aws_secret,
        _ => return None,
    };
    Some(f)
}
