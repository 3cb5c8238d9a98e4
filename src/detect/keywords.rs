//! Keywords: every detector's keywords in one Aho-Corasick automaton.
//!
//! In: the keyword lists of the catalog. Out: keyword hits (span + which
//! detectors the keyword serves) for a buffer, and the detectors a column name
//! or JSON path element points to.
//! Why: Macie keywords are case-insensitive and a keyword with a space also
//! matches its `_`, `-` and no-space forms; generating those variants once at
//! build time keeps the scan a single automaton pass. Hits must sit on word
//! boundaries (`sin` in `using` is not the SIN keyword).

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
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
    if kw.contains(' ') {
        for sep in ["_", "-", ""] {
            v.push(kw.replace(' ', sep));
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

/// The compiled keyword automaton.
pub struct KeywordSet {
    ac: Option<AhoCorasick>,
    /// Per automaton pattern: the detector indices it serves.
    groups: Vec<Vec<u32>>,
    /// Per automaton pattern: (starts with a word byte, ends with a word byte).
    edges: Vec<(bool, bool)>,
}

impl KeywordSet {
    /// Build from (variant, detector) pairs.
    pub fn new(entries: Vec<(String, u32)>) -> Result<KeywordSet, String> {
        let mut map: BTreeMap<Vec<u8>, Vec<u32>> = BTreeMap::new();
        for (k, d) in entries {
            // ASCII case is folded by the automaton: merge on the folded form.
            let key: Vec<u8> = k.bytes().map(|b| b.to_ascii_lowercase()).collect();
            let e = map.entry(key).or_default();
            if !e.contains(&d) {
                e.push(d);
            }
        }
        if map.is_empty() {
            return Ok(KeywordSet {
                ac: None,
                groups: vec![],
                edges: vec![],
            });
        }
        let (pats, groups): (Vec<_>, Vec<_>) = map.into_iter().unzip();
        let edges = pats
            .iter()
            .map(|p: &Vec<u8>| (is_word(p[0]), is_word(p[p.len() - 1])))
            .collect();
        let ac = AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&pats)
            .map_err(|e| e.to_string())?;
        Ok(KeywordSet {
            ac: Some(ac),
            groups,
            edges,
        })
    }

    /// Detectors served by keyword group `kw`.
    pub fn detectors(&self, kw: u32) -> &[u32] {
        &self.groups[kw as usize]
    }

    /// All keyword hits on word boundaries, in order of end position.
    pub fn find(&self, hay: &[u8], out: &mut Vec<KwHit>) {
        out.clear();
        let Some(ac) = &self.ac else { return };
        for m in ac.find_overlapping_iter(hay) {
            let id = m.pattern().as_usize();
            let (w0, w1) = self.edges[id];
            if w0 && m.start() > 0 && is_word(hay[m.start() - 1]) {
                continue;
            }
            if w1
                && m.end() < hay.len()
                && (hay[m.end()].is_ascii_alphabetic() || hay[m.end()] >= 0x80)
            {
                continue;
            }
            out.push(KwHit {
                start: m.start(),
                end: m.end(),
                kw: id as u32,
            });
        }
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
