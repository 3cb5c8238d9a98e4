//! The engine: the catalog compiled once into an immutable `Engine` (this
//! file), and a per-worker `Scanner` (`scanner.rs`) with reusable scratch that
//! finds every detector in one pass over a buffer.
//!
//! In: `&[u8]` text, the byte range this call "owns" (matches starting there
//! are reported; bytes around it are context), and optional context regions
//! (cells whose column name or JSON path carries a keyword).
//! Out: `Match`es with byte spans, already validated and deduplicated.
//!
//! Why this shape (measured, see `benches/engine.rs`): a union of 200 PII
//! regexes with bounded repetitions makes the lazy DFA thrash (~2.5 MB/s in a
//! measured union of 40). Most Macie identifiers need a keyword anyway, so
//! candidates come from cheap triggers, and the regexes only confirm on
//! short windows:
//! 1. **keywords** — one ASCII-case-folding prefix trie over every keyword
//!    (with `_`, `-` and no-space variants; `trie.rs`). Each hit opens a
//!    window of `keyword_distance + max match length` bytes after it for the
//!    keyword-required patterns of the detectors that keyword belongs to,
//!    tried anchored only where the pattern's exact first-two-byte set
//!    allows (word starts for `\b` patterns).
//! 2. **literals** — patterns that need no keyword and whose every match
//!    starts with a literal (`AKIA`, `ghp_`, `-----BEGIN`, `DE` + digits for
//!    an IBAN, ...) are triggered by one case-sensitive prefix trie over
//!    those prefixes (extracted from the regex itself by `regex-syntax`) and
//!    confirmed by an anchored search.
//! 3. **prefilters** — patterns with neither (email, IP addresses, card
//!    numbers without keyword) name a structural trigger in the catalog
//!    (`prefilter = "email"`: an `@`); the pattern's regex runs only in
//!    windows around those bytes.
//! 4. **scan** — anything left (custom identifiers without keywords or
//!    literal prefix) shares one multi-pattern meta regex over the buffer.
//!
//! Keywords and literal prefixes (ASCII letters or digits first) may only
//! start at a word boundary, so one vectorised pass (`triggers.rs`) yields
//! the letter word starts plus the few special bytes (`-` of `-----BEGIN`,
//! `@`) and prefilter contexts (`.` between digits, card-shaped digit runs),
//! a branch-free filter (`quick.rs`) drops nearly all of them, and every
//! trigger is tried at the rest: one pass over the bytes, no automaton
//! stepping through every byte. Measured on generated mixed text with the
//! whole catalog (`benches/engine.rs`): two Aho-Corasick passes (keywords and
//! literals, overlapping) plus the scan regex took ~36 % + ~18 % of the time
//! in the first engine. Every anchored attempt is first checked against the
//! pattern's shape (`analysis::dfa_shape`: the bytes its first eight offsets
//! allow), which rejects three in four before a regex runs. A keyword window
//! is skipped with one bitmap look when none of its detector's patterns can
//! start in it (`Detector::kw_lead`) or, for addresses, when no postcode is
//! within reach (`anchor.rs`). With every detector the engine runs at 314
//! MiB/s (330 MB/s) per core on the benchmark's mixed text.
//!
//! Validators, exclusions, ignore words, allow lists and keyword proximity run
//! only on candidates. Overlapping candidates are reduced to the best span.

use super::analysis::{
    dfa_first_sets, dfa_shape, first_bytes, first_two_bytes, lead_class, literal_prefixes,
    shape_only, starts_with_word_boundary, syntax_config, word_byte_after_word, word_start_within,
};
use super::anchor::Anchor;
use super::catalog::DetectorDef;
use super::keywords::{keyword_variants, KeywordSet};
pub(super) use super::prefilter::Prefilter;
use super::quick::QuickFilter;
use super::trie::PrefixTrie;
use super::triggers::{Sel, TriggerFinder, TriggerSpec};
use super::validate::{self, Validator};
use super::AllowList;
use regex_automata::meta::Regex;

pub use super::analysis::parse_hir;

mod error;
mod types;
pub use error::EngineError;
pub use types::{Confidence, ContextRegion, Match, Rejection};

/// Longest literal-prefix key the literal trie holds.
const LITERAL_KEY_MAX: usize = 4;

/// Longest window a pattern without an upper bound gets.
const UNBOUNDED_MAX: usize = 8192;

/// A compiled detector.
#[derive(Debug)]
pub struct Detector {
    /// The definition it was built from.
    pub def: DetectorDef,
    /// Keyword-required patterns (triggered by keywords).
    pub(super) kw_patterns: Vec<u32>,
    /// All patterns.
    pub(super) patterns: Vec<u32>,
    /// Keyword distance semantics: Macie custom identifiers measure from the
    /// end of the keyword to the end of the match; managed ones to its start.
    pub(super) end_to_end: bool,
    /// Upper-cased exclusion values.
    pub(super) excludes: Vec<Vec<u8>>,
    /// Compiled `reject_context` rules: (before, after).
    pub(super) reject_context: Vec<(Option<Regex>, Option<Regex>)>,
    /// `window_anchor`, and the longest match of the keyword patterns.
    pub(super) anchor: Option<(Anchor, usize)>,
    /// Where any keyword pattern's match can start: within `k` bytes
    /// before a mark of this kind (`Pattern::window_sel`, `before`), when
    /// every keyword pattern says so. A keyword window with no such mark is
    /// skipped with one bitmap look instead of a walk per pattern.
    pub(super) kw_lead: Option<(Sel, usize)>,
}

#[derive(Debug)]
pub(super) enum Trigger {
    Keyword,
    Literal,
    Prefiltered,
    Scan,
}

#[derive(Debug)]
pub(super) struct Pattern {
    pub(super) detector: u32,
    pub(super) re: Regex,
    pub(super) has_v: bool,
    pub(super) validator: Option<Validator>,
    pub(super) max_len: usize,
    pub(super) first: Box<[bool; 256]>,
    /// Every match starts at a word boundary (`\b...`): no attempt inside a word.
    pub(super) word_start: bool,
    /// Some byte that can start a match is not a word byte (`[A-Za-z0-9_]`).
    pub(super) first_nonword: bool,
    /// Every match (away from position 0) has a word start at one of its
    /// offsets `1..=before`: 1 when it starts with a non-word byte followed
    /// by a word byte (a leading context class such as `(?:^|[^0-9A-Za-z])`),
    /// more for longer leading context such as `(?:^|[^0-9])[ ]`
    /// (`analysis::word_start_within`); 0: no such bound.
    pub(super) before: u8,
    /// Every match starts at a word start or on a non-ASCII byte (names and
    /// addresses with accented capitals): attempts only there.
    pub(super) word_or_high: bool,
    /// The possible first two bytes of a match (a 65,536-bit set), when the
    /// regex says so: a finer filter than `first` for keyword windows.
    pub(super) first2: Option<Box<[u64; 1024]>>,
    /// Which word starts can lead a match in a keyword window: the first
    /// byte (word-start patterns) or the second (`before_word` patterns)
    /// is always a digit, never one, or either.
    pub(super) lead: Sel,
    /// The bytes a match can have at each of its first eight offsets
    /// (`analysis::dfa_shape`): checked before every anchored attempt.
    pub(super) shape: Option<Box<[u8; 256]>>,
    pub(super) trigger: Trigger,
}

/// The compiled catalog. Immutable and `Sync`: share it behind an `Arc` and
/// give each worker its own `Scanner`.
pub struct Engine {
    /// Compiled detectors, in catalog order.
    pub detectors: Vec<Detector>,
    pub(super) patterns: Vec<Pattern>,
    pub(super) keywords: KeywordSet,
    pub(super) lit_trie: PrefixTrie,
    pub(super) lit_targets: Vec<Vec<u32>>,
    /// Patterns by prefilter, in `Prefilter::ALL` order.
    pub(super) prefiltered: [Vec<u32>; 4],
    /// The one pass over the bytes: where any trigger can fire.
    pub(super) triggers: TriggerFinder,
    /// The branch-free first look at those positions.
    pub(super) quick: QuickFilter,
    /// Per byte: bit `i` set when prefilter `Prefilter::ALL[i]` is in use
    /// and can fire on that byte.
    pub(super) pre_by_byte: Box<[u8; 256]>,
    pub(super) scan_re: Option<Regex>,
    pub(super) scan_patterns: Vec<u32>,
    pub(super) allow: AllowList,
    /// Longest window any pattern needs: the overlap chunked readers keep.
    pub max_window: usize,
}

impl Pattern {
    /// Keyword windows try it only at word starts (or non-ASCII bytes).
    pub(super) fn fast(&self) -> bool {
        (self.word_start && !self.first_nonword) || self.word_or_high
    }

    /// Which marks a `fast` pattern's keyword windows walk: word starts of
    /// its lead class, or (names, addresses) those and non-ASCII bytes.
    pub(super) fn window_sel(&self) -> Sel {
        match (self.word_start && !self.first_nonword, self.lead) {
            (true, lead) => lead,
            (false, Sel::Upper) => Sel::UpperHigh,
            (false, _) => Sel::WordsHigh,
        }
    }
}

impl Engine {
    /// Compile detectors (built-in and custom) and an allow list.
    pub fn new(
        defs: Vec<DetectorDef>,
        custom_ids: &[bool],
        allow: AllowList,
    ) -> Result<Engine, EngineError> {
        let mut detectors = Vec::new();
        let mut patterns: Vec<Pattern> = Vec::new();
        let mut kw_entries: Vec<(String, u32)> = Vec::new();
        let mut lit_map: std::collections::BTreeMap<Vec<u8>, Vec<u32>> = Default::default();
        let mut scan: Vec<(u32, String)> = Vec::new();
        let mut prefiltered: [Vec<u32>; 4] = Default::default();
        for (di, def) in defs.into_iter().enumerate() {
            let di = di as u32;
            let ctx_re = |src: &Option<String>| -> Result<Option<Regex>, EngineError> {
                match src {
                    None => Ok(None),
                    Some(r) => Regex::builder()
                        .syntax(syntax_config())
                        .build(r)
                        .map(Some)
                        .map_err(|e| EngineError::Regex {
                            id: def.id.clone(),
                            message: format!("reject_context: {e}"),
                        }),
                }
            };
            let mut reject_context = Vec::new();
            for r in &def.reject_context {
                reject_context.push((ctx_re(&r.before)?, ctx_re(&r.after)?));
            }
            let anchor = match &def.window_anchor {
                Some(a) => Some((
                    Anchor::parse(a).ok_or_else(|| EngineError::Anchor {
                        id: def.id.clone(),
                        name: a.clone(),
                    })?,
                    0,
                )),
                None => None,
            };
            let mut det = Detector {
                reject_context,
                anchor,
                kw_lead: None,
                kw_patterns: vec![],
                patterns: vec![],
                end_to_end: custom_ids.get(di as usize).copied().unwrap_or(false),
                excludes: def
                    .exclude_values
                    .iter()
                    .map(|v| normalize_value(v.as_bytes()))
                    .collect(),
                def,
            };
            for kw in &det.def.keywords {
                for v in keyword_variants(kw) {
                    kw_entries.push((v, di));
                }
            }
            let prefilters = det.def.pattern_prefilters();
            for (k, (re_src, vname, kw_req)) in det.def.effective_patterns().into_iter().enumerate()
            {
                let err = |m: String| EngineError::Regex {
                    id: det.def.id.clone(),
                    message: m,
                };
                let hir = parse_hir(&re_src).map_err(err)?;
                let re = Regex::builder()
                    .syntax(syntax_config())
                    .configure(
                        Regex::config()
                            .hybrid_cache_capacity(4 << 20)
                            .auto_prefilter(false),
                    )
                    .build(&re_src)
                    .map_err(|e| EngineError::Regex {
                        id: det.def.id.clone(),
                        message: e.to_string(),
                    })?;
                let has_v = re
                    .group_info()
                    .to_index(regex_automata::PatternID::ZERO, "v")
                    .is_some();
                let validator = match &vname {
                    Some(n) => Some(validate::lookup(n).ok_or_else(|| EngineError::Validator {
                        id: det.def.id.clone(),
                        name: n.clone(),
                    })?),
                    None => None,
                };
                let max_len = hir
                    .properties()
                    .maximum_len()
                    .unwrap_or(UNBOUNDED_MAX)
                    .min(UNBOUNDED_MAX);
                let pi = patterns.len() as u32;
                let mut first = first_bytes(&hir);
                let mut first2 = first_two_bytes(&hir);
                // Keyword-window attempts run at every position of a zone the
                // filters let through: where literal extraction gives up (a
                // leading `(?:^|[^0-9A-Za-z])`, big classes), ask the DFA.
                if kw_req && !det.def.keywords.is_empty() && first2.is_none() {
                    if let Some((f1, f2)) = dfa_first_sets(&re_src) {
                        first = f1;
                        first2 = Some(f2);
                    }
                }
                let kw_req = kw_req && !det.def.keywords.is_empty();
                let word_start = starts_with_word_boundary(&hir);
                let prefilter = match &prefilters[k] {
                    Some(n) => Some(Prefilter::parse(n).ok_or_else(|| EngineError::Prefilter {
                        id: det.def.id.clone(),
                        name: n.clone(),
                    })?),
                    None => None,
                };
                // Literal triggers are tried at word starts and special
                // bytes only: a prefix starting with a letter or digit needs
                // a `\b` in front, or its pattern is scanned everywhere.
                let lits = literal_prefixes(&hir).filter(|lits| {
                    lits.iter().all(|l| {
                        (l[0].is_ascii_alphanumeric() && word_start)
                            || (l[0] < 0x80 && !l[0].is_ascii_alphanumeric())
                    })
                });
                let trigger = if kw_req {
                    Trigger::Keyword
                } else if let Some(lits) = lits {
                    // Four bytes say enough to trigger an anchored attempt
                    // (`AKIA`, `ghp_`, `----`, `DE`); shorter keys keep the
                    // trie and its filters small (7,672 prefixes → a few
                    // hundred).
                    for mut l in lits {
                        // Digits after the first two bytes (`DE` + check
                        // digits) multiply keys by 100 and say little.
                        let digit = l.iter().skip(2).position(u8::is_ascii_digit);
                        l.truncate(
                            digit
                                .map_or(LITERAL_KEY_MAX, |d| d + 2)
                                .min(LITERAL_KEY_MAX),
                        );
                        let e = lit_map.entry(l).or_default();
                        if !e.contains(&pi) {
                            e.push(pi);
                        }
                    }
                    Trigger::Literal
                } else if let Some(pf) = prefilter {
                    prefiltered[pf as usize].push(pi);
                    Trigger::Prefiltered
                } else {
                    scan.push((pi, re_src.clone()));
                    Trigger::Scan
                };
                if kw_req {
                    det.kw_patterns.push(pi);
                    if let Some((_, reach)) = det.anchor.as_mut() {
                        *reach = (*reach).max(max_len);
                    }
                }
                det.patterns.push(pi);
                let shape = dfa_shape(&re_src);
                let first_nonword = first
                    .iter()
                    .enumerate()
                    .any(|(b, &ok)| ok && !(b as u8).is_ascii_alphanumeric() && b != b'_' as usize);
                let word_or_high = kw_req
                    && first.iter().enumerate().all(|(b, &ok)| {
                        !ok || b >= 0x80 || (b as u8).is_ascii_alphanumeric() || b == b'_' as usize
                    })
                    && !word_byte_after_word(&re_src);
                let before_word = first2.as_ref().is_some_and(|t| {
                    let w = |b: usize| (b as u8).is_ascii_alphanumeric() || b == b'_' as usize;
                    (0..65536usize)
                        .all(|i| t[i >> 6] & (1 << (i & 63)) == 0 || (!w(i >> 8) && w(i & 255)))
                });
                let lead = lead_class(&first, first2.as_deref(), before_word, shape.as_deref());
                patterns.push(Pattern {
                    detector: di,
                    re,
                    has_v,
                    validator,
                    max_len,
                    first_nonword,
                    before: before_word as u8,
                    word_or_high,
                    lead,
                    first,
                    word_start,
                    first2,
                    shape,
                    trigger,
                });
                // longer leading context: the few bytes before word starts
                let p = patterns.last_mut().expect("just pushed");
                if kw_req && !p.fast() && p.before == 0 {
                    if let Some((k, bytes, four)) = word_start_within(&re_src) {
                        p.before = k as u8;
                        p.lead = if four {
                            Sel::Digits4
                        } else {
                            lead_class(&bytes, None, false, None)
                        };
                    }
                }
            }
            det.kw_lead = det
                .kw_patterns
                .iter()
                .try_fold(None, |acc: Option<(Sel, usize)>, &pi| {
                    let p = &patterns[pi as usize];
                    let one = match (p.fast(), p.before) {
                        (true, _) => (p.window_sel(), 0),
                        (false, k) if k > 0 => (p.lead, k as usize),
                        _ => return None,
                    };
                    Some(Some(match acc {
                        None => one,
                        Some((s, k)) => (s.union(one.0), k.max(one.1)),
                    }))
                })
                .flatten();
            detectors.push(det);
        }
        let keywords = KeywordSet::new(kw_entries).map_err(EngineError::Automaton)?;
        let (lits, lit_targets): (Vec<_>, Vec<_>) = lit_map.into_iter().unzip();
        let lit_trie = PrefixTrie::new(
            lits.iter()
                .enumerate()
                .map(|(i, l)| (l.as_slice(), i as u32)),
            false,
        );
        let mut pre_by_byte = Box::new([0u8; 256]);
        for (i, pf) in Prefilter::ALL.iter().enumerate() {
            if !prefiltered[i].is_empty() {
                for b in 0..=255u8 {
                    if pf.on_byte(b) {
                        pre_by_byte[b as usize] |= 1 << i;
                    }
                }
            }
        }
        let mut spec = TriggerSpec::default();
        spec.add_strings(keywords.trie());
        spec.add_strings(&lit_trie);
        let on = |pf: Prefilter| !prefiltered[pf as usize].is_empty();
        if on(Prefilter::Email) {
            spec.specials.push(b'@');
        }
        spec.card = on(Prefilter::Card);
        spec.ipv4 = on(Prefilter::Ipv4);
        spec.ipv6 = on(Prefilter::Ipv6);
        spec.postcode = detectors
            .iter()
            .any(|d| matches!(d.anchor, Some((Anchor::Postcode, _))));
        let triggers = TriggerFinder::new(spec);
        // `DE`, `GB`, ... (IBAN country codes): two check digits follow
        let digits_after = |key: &[u8]| {
            lits.iter()
                .position(|l| l.as_slice() == key)
                .is_some_and(|li| {
                    lit_targets[li].iter().all(|&pi| {
                        patterns[pi as usize]
                            .shape
                            .as_deref()
                            .is_some_and(|sh| shape_only(sh, 2..4, u8::is_ascii_digit))
                    })
                })
        };
        let quick = QuickFilter::new(&[keywords.trie(), &lit_trie], &pre_by_byte, digits_after);
        let scan_re = if scan.is_empty() {
            None
        } else {
            let srcs: Vec<&str> = scan.iter().map(|(_, s)| s.as_str()).collect();
            Some(
                Regex::builder()
                    .syntax(syntax_config())
                    .configure(
                        Regex::config()
                            .hybrid_cache_capacity(8 << 20)
                            .which_captures(regex_automata::nfa::thompson::WhichCaptures::Implicit),
                    )
                    .build_many(&srcs)
                    .map_err(|e| EngineError::Automaton(e.to_string()))?,
            )
        };
        let max_window = patterns
            .iter()
            .map(|p| p.max_len)
            .max()
            .unwrap_or(0)
            .min(UNBOUNDED_MAX)
            + detectors
                .iter()
                .map(|d| d.def.keyword_distance + 64)
                .max()
                .unwrap_or(0);
        Ok(Engine {
            detectors,
            patterns,
            keywords,
            lit_trie,
            lit_targets,
            prefiltered,
            triggers,
            quick,
            pre_by_byte,
            scan_re,
            scan_patterns: scan.into_iter().map(|(p, _)| p).collect(),
            allow,
            max_window,
        })
    }

    /// Detector index by id.
    pub fn detector_index(&self, id: &str) -> Option<u32> {
        self.detectors
            .iter()
            .position(|d| d.def.id == id)
            .map(|i| i as u32)
    }

    /// Detectors whose keywords occur in a column name or JSON path element
    /// (looser than in text: `customer_ssn`, `billingCardNumber`, `SSN`).
    pub fn detectors_for_context(&self, name: &str) -> Vec<u32> {
        self.keywords.detectors_in_name(name)
    }

    /// How each pattern is triggered: (keyword, literal, prefiltered, scan)
    /// counts.
    pub fn trigger_counts(&self) -> (usize, usize, usize, usize) {
        let mut c = (0, 0, 0, 0);
        for p in &self.patterns {
            match p.trigger {
                Trigger::Keyword => c.0 += 1,
                Trigger::Literal => c.1 += 1,
                Trigger::Prefiltered => c.2 += 1,
                Trigger::Scan => c.3 += 1,
            }
        }
        c
    }

    /// Ids of detectors with a pattern in the shared scan regex (these cost
    /// the most: they run over every byte).
    pub fn scan_triggered(&self) -> Vec<&str> {
        let mut v: Vec<&str> = self
            .scan_patterns
            .iter()
            .map(|&p| {
                self.detectors[self.patterns[p as usize].detector as usize]
                    .def
                    .id
                    .as_str()
            })
            .collect();
        v.dedup();
        v
    }

    /// A fresh scanner for one worker thread.
    pub fn scanner(&self) -> Scanner<'_> {
        Scanner::new(self)
    }
}

/// Upper-case alphanumerics only: the form exclusions and allow lists compare.
pub fn normalize_value(v: &[u8]) -> Vec<u8> {
    v.iter()
        .filter(|b| b.is_ascii_alphanumeric() || **b >= 0x80)
        .map(|b| b.to_ascii_uppercase())
        .collect()
}

pub use super::scanner::Scanner;
