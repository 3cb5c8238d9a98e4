//! Validates full names: capitalised words with particles, rejected when any
//! word is on the stop-word list (`name_stopwords.txt`).

use super::name_stopwords::name_stop;
use super::text::{in_sorted, trim_dots};

// ───────────────────────────── names ─────────────────────────────

/// Lower-case particles allowed between the capitalised parts of a name.
pub(super) const NAME_PARTICLES: &[&str] = &[
    "af", "al", "av", "bin", "binti", "da", "das", "de", "del", "della", "dello", "den", "der",
    "des", "di", "do", "dos", "du", "e", "el", "ibn", "la", "le", "ten", "ter", "van", "vom",
    "von", "y", "zu",
];

fn name_word_ok(w: &[u8]) -> Option<bool> {
    // Some(true): a name part; Some(false): skip (particle, initial); None: reject
    if w.is_empty() {
        return Some(false);
    }
    if in_sorted(w, NAME_PARTICLES) && w[0].is_ascii_lowercase() {
        return Some(false);
    }
    if (w.len() == 2 && w[1] == b'.') || (w.len() == 1 && w[0].is_ascii_uppercase()) {
        return Some(false);
    }
    for part in w.split(|&b| b == b'-') {
        let part = trim_dots(part);
        if in_sorted(part, name_stop()) {
            return None;
        }
    }
    Some(true)
}

/// A full name: 2–4 capitalised parts (particles and initials aside), none
/// of them a calendar word, keyword, function word, organisation or place
/// word, and not all parts the same.
pub(super) fn full_name(v: &[u8]) -> bool {
    let mut parts = 0;
    let mut first: &[u8] = &[];
    let mut all_same = true;
    for w in v.split(|&b| b == b' ' || b == b',') {
        match name_word_ok(w) {
            None => return false,
            Some(false) => {}
            Some(true) => {
                if parts == 0 {
                    first = w;
                } else if !w.eq_ignore_ascii_case(first) {
                    all_same = false;
                }
                parts += 1;
            }
        }
    }
    (2..=4).contains(&parts) && !all_same
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::validate::Validator;

    fn check(f: Validator, name: &str, table: &[(&str, bool)]) {
        for (s, ok) in table {
            assert_eq!(f(s.as_bytes()), *ok, "{name}({s:?})");
        }
    }

    #[test]
    fn names() {
        check(
            full_name,
            "name",
            &[
                ("John Smith", true),
                ("Maria del Carmen Ruiz", true),
                ("Ludwig van Beethoven", true),
                ("Seán O'Brien", true),
                ("Jean-Luc Picard", true),
                ("Mary J. Blige", true),
                ("JOHN A SMITH", true),
                ("Smith, John", true),
                ("June Carter", true),
                ("Monday Morning Meeting", false),
                ("Customer Service", false),
                ("Acme Holdings Inc", false),
                ("Main Street", false),
                ("New York", false),
                ("The Team", false),
                ("John", false),
                ("John John", false),
                ("Best Regards", false),
                ("Account Manager", false),
                ("MARIA GARCIA LOPEZ EXP", false),
                ("John Last", false),
                ("Brittany Wilson PhD", false),
                ("Luca DeVito", true),
            ],
        );
    }
}
