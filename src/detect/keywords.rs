//! Keywords: every detector's keywords in one case-folding prefix trie.
//!
//! In: the keyword lists of the catalog. Out: keyword hits (span + which
//! detectors the keyword serves) for a buffer, and the detectors a column name
//! or JSON path element points to.
//! Why: Macie keywords are case-insensitive and a keyword with a space also
//! matches its `_`, `-` and no-space forms; generating those variants once at
//! build time keeps the scan a single pass. Hits must sit on word
//! boundaries (`sin` in `using` is not the SIN keyword).

use super::starts::StartFinder;
use super::trie::PrefixTrie;
use std::collections::BTreeMap;

/// A keyword occurrence.
#[derive(Debug, Clone, Copy)]
pub struct KwHit {
    /// Start byte.
    pub start: usize,
    /// End byte (exclusive).
    pub end: usize,
    /// Keyword group index (see `KeywordSet::detectors`).
    pub kw: u32,
}

/// Variants of a keyword: itself, and with spaces as `_`, `-` or nothing;
/// for non-ASCII keywords also lower, upper and title case (the automaton
/// folds ASCII case only).
pub fn keyword_variants(kw: &str) -> Vec<String> {
    let kw = kw.trim();
    let mut v = vec![kw.to_string()];
    // Spaces and hyphens between words are interchangeable in labels and
    // field names (`e-mail`, `e mail`, `e_mail`, `email`).
    if kw.contains(' ') || (kw.contains('-') && !kw.starts_with('-') && !kw.ends_with('-')) {
        for sep in [" ", "_", "-", ""] {
            v.push(kw.replace([' ', '-'], sep));
        }
    }
    if !kw.is_ascii() {
        let more: Vec<String> = v
            .iter()
            .flat_map(|k| {
                let lower = k.to_lowercase();
                let mut title = String::new();
                let mut cs = lower.chars();
                if let Some(c) = cs.next() {
                    title.extend(c.to_uppercase());
                    title.push_str(cs.as_str());
                }
                [lower, k.to_uppercase(), title]
            })
            .collect();
        v.extend(more);
    }
    v.retain(|s| !s.is_empty());
    v.sort();
    v.dedup();
    v
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b >= 0x80
}

/// The compiled keywords: one case-folding prefix trie over every variant,
/// tried at word starts (see `starts.rs` and `trie.rs`).
pub struct KeywordSet {
    trie: PrefixTrie,
    /// Per keyword group: the detector indices it serves.
    groups: Vec<Vec<u32>>,
    /// Per keyword group: (starts with a word byte, ends with a word byte).
    edges: Vec<(bool, bool)>,
    /// For standalone searches (column names).
    starts: StartFinder,
}

impl KeywordSet {
    /// Build from (variant, detector) pairs.
    pub fn new(entries: Vec<(String, u32)>) -> Result<KeywordSet, String> {
        let mut map: BTreeMap<Vec<u8>, Vec<u32>> = BTreeMap::new();
        for (k, d) in entries {
            // ASCII case is folded by the trie: merge on the folded form.
            let key: Vec<u8> = k.bytes().map(|b| b.to_ascii_lowercase()).collect();
            if key.is_empty() {
                continue;
            }
            let e = map.entry(key).or_default();
            if !e.contains(&d) {
                e.push(d);
            }
        }
        let (pats, groups): (Vec<_>, Vec<_>) = map.into_iter().unzip();
        let edges = pats
            .iter()
            .map(|p: &Vec<u8>| (is_word(p[0]), is_word(p[p.len() - 1])))
            .collect();
        let trie = PrefixTrie::new(
            pats.iter()
                .enumerate()
                .map(|(i, p)| (p.as_slice(), i as u32)),
            true,
        )
        .with_boundary_after();
        let specials: Vec<u8> = pats.iter().map(|p: &Vec<u8>| p[0]).collect();
        Ok(KeywordSet {
            trie,
            groups,
            edges,
            starts: StartFinder::new(specials),
        })
    }

    /// Detectors served by keyword group `kw`.
    pub fn detectors(&self, kw: u32) -> &[u32] {
        &self.groups[kw as usize]
    }

    /// The keyword trie (for the scanner's trigger filter).
    pub fn trie(&self) -> &PrefixTrie {
        &self.trie
    }

    /// Keyword hits that start at `at` (on word boundaries), appended.
    #[inline(always)]
    pub fn hits_at(&self, hay: &[u8], at: usize, out: &mut Vec<KwHit>) {
        if self.trie.may_start(hay, at) {
            self.walk_at(hay, at, out);
        }
    }

    /// `hits_at` without the trie's filter (for positions a filter of the
    /// caller's already passed).
    #[inline(always)]
    pub fn walk_at(&self, hay: &[u8], at: usize, out: &mut Vec<KwHit>) {
        let prev_word = at > 0 && is_word(hay[at - 1]);
        self.trie.walk(hay, at, |end, id| {
            let (w0, w1) = self.edges[id as usize];
            if w0 && prev_word {
                return;
            }
            if w1 && end < hay.len() && (hay[end].is_ascii_alphabetic() || hay[end] >= 0x80) {
                return;
            }
            out.push(KwHit {
                start: at,
                end,
                kw: id,
            });
        });
    }

    /// All keyword hits on word boundaries, in order of end position.
    pub fn find(&self, hay: &[u8], out: &mut Vec<KwHit>) {
        out.clear();
        self.starts.for_each(hay, |at| self.hits_at(hay, at, out));
        out.sort_by_key(|h| h.end);
    }

    /// Detectors whose keywords occur in a column or field name, after
    /// splitting camelCase and turning `_ - . / $ [ ]` into spaces.
    pub fn detectors_in_name(&self, name: &str) -> Vec<u32> {
        let mut norm = String::with_capacity(name.len() + 8);
        let mut prev_lower = false;
        for c in name.chars() {
            if c.is_uppercase() && prev_lower {
                norm.push(' ');
            }
            prev_lower = c.is_lowercase() || c.is_ascii_digit();
            norm.push(if "_-./$[]:".contains(c) { ' ' } else { c });
        }
        let mut hits = Vec::new();
        self.find(norm.as_bytes(), &mut hits);
        let mut v: Vec<u32> = hits
            .iter()
            .flat_map(|h| self.groups[h.kw as usize].iter().copied())
            .collect();
        // A no-space form of the whole name ("cardnumber") also counts.
        let squashed: String = norm.split_whitespace().collect();
        if squashed.len() != norm.len() {
            self.find(squashed.as_bytes(), &mut hits);
            v.extend(
                hits.iter()
                    .filter(|h| h.start == 0 && h.end == squashed.len())
                    .flat_map(|h| self.groups[h.kw as usize].iter().copied()),
            );
        }
        v.sort_unstable();
        v.dedup();
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_and_boundaries() {
        assert!(keyword_variants("secret key").contains(&"secret_key".to_string()));
        assert!(keyword_variants("secret key").contains(&"secretkey".to_string()));
        assert!(keyword_variants("e-mail").contains(&"e mail".to_string()));
        assert!(keyword_variants("e-mail").contains(&"email".to_string()));
        let ks = KeywordSet::new(vec![
            ("sin".into(), 0),
            ("card number".into(), 1),
            ("card_number".into(), 1),
            ("führerschein".into(), 2),
            ("Führerschein".into(), 2),
        ])
        .unwrap();
        let mut h = Vec::new();
        ks.find(b"using a SIN: 046 454 286", &mut h);
        assert_eq!(h.len(), 1);
        assert_eq!(h[0].start, 8);
        ks.find("Führerschein Nr".as_bytes(), &mut h);
        assert_eq!(h.len(), 1);
        assert_eq!(ks.detectors_in_name("billingCardNumber"), vec![1]);
        assert_eq!(ks.detectors_in_name("customer_sin"), vec![0]);
        assert!(ks.detectors_in_name("business").is_empty());
    }
}
