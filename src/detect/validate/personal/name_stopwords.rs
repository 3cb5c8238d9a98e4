//! Data: the stop-word list of the full-name validator, kept as a plain
//! word list in `name_stopwords.txt` (one lower-case word per line, sorted
//! for binary search; a test checks the order) and read once.

use std::sync::OnceLock;

/// Capitalised words that start sentences, headings and organisation names
/// but are not names: calendar words, function words, this detector's own
/// keywords and form labels, organisation / place / street words, job titles,
/// generic nouns, card and form labels (lower case, sorted for binary search).
pub(super) fn name_stop() -> &'static [&'static str] {
    static WORDS: OnceLock<Vec<&'static str>> = OnceLock::new();
    WORDS.get_or_init(|| {
        include_str!("name_stopwords.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    })
}
