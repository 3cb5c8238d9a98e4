//! Validators for health identifiers.

use super::Validator;

/// Resolve a validator of this file by name.
pub fn lookup(name: &str) -> Option<Validator> {
    #[allow(clippy::match_single_binding)]
    let f: Validator = match name {
        _ => return None,
    };
    #[allow(unreachable_code)]
    Some(f)
}
