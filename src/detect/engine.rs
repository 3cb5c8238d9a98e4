//! The engine: the catalog compiled once into an immutable `Engine`, and a
//! per-worker `Scanner` with reusable scratch that finds every detector in one
//! pass over a buffer.
//!
//! In: `&[u8]` text, the byte range this call "owns" (matches starting there
//! are reported; bytes around it are context), and optional context regions
//! (cells whose column name or JSON path carries a keyword).
//! Out: `Match`es with byte spans, already validated and deduplicated.
//!
//! Why this shape (measured, see `benches/engine.rs`): a union of 200 PII
//! regexes with bounded repetitions makes the lazy DFA thrash (~2.5 MB/s in a
//! measured union of 40). Most Macie identifiers need a keyword anyway, so
//! candidates come from three cheap triggers, and the regexes only confirm on
//! short windows:
//! 1. **keywords** — one ASCII-case-insensitive Aho-Corasick automaton over
//!    every keyword (with `_`, `-` and no-space variants). Each hit opens a
//!    window of `keyword_distance + max match length` bytes after it for the
//!    keyword-required patterns of the detectors that keyword belongs to;
//!    a 256-bit first-byte table rejects most windows before any regex runs.
//! 2. **literals** — patterns that need no keyword and whose every match
//!    starts with a literal (`AKIA`, `ghp_`, `-----BEGIN`, `DE` + digits for
//!    an IBAN, ...) are triggered by one case-sensitive Aho-Corasick
//!    automaton over those prefixes (extracted from the regex itself by
//!    `regex-syntax`) and confirmed by an anchored search.
//! 3. **scan** — the few remaining patterns (email, IP, card numbers without
//!    keyword, phone numbers with a country code) share one multi-pattern
//!    meta regex that runs over the whole buffer once; at each match the
//!    other scan patterns are tried anchored at the same start.
//!
//! Validators, exclusions, ignore words, allow lists and keyword proximity run
//! only on candidates. Overlapping candidates are reduced to the best span.

use super::catalog::{Category, DetectorDef};
use super::keywords::{keyword_variants, KeywordSet};
use super::validate::{self, Validator};
use super::AllowList;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use regex_automata::meta::{self, Regex};
use regex_automata::util::syntax;
use regex_automata::{Anchored, Input};
use regex_syntax::hir::literal::{ExtractKind, Extractor};
use std::ops::Range;

/// Longest window a pattern without an upper bound gets.
const UNBOUNDED_MAX: usize = 8192;

/// How much a match is to be trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum Confidence {
    /// Structural match only.
    Low,
    /// Structure plus a checksum or a keyword.
    Medium,
    /// Structure, checksum or distinctive prefix, and context.
    High,
}

/// A compiled detector.
#[derive(Debug)]
pub struct Detector {
    /// The definition it was built from.
    pub def: DetectorDef,
    /// Keyword-required patterns (triggered by keywords).
    kw_patterns: Vec<u32>,
    /// All patterns.
    patterns: Vec<u32>,
    /// Keyword distance semantics: Macie custom identifiers measure from the
    /// end of the keyword to the end of the match; managed ones to its start.
    end_to_end: bool,
    /// Upper-cased exclusion values.
    excludes: Vec<Vec<u8>>,
}

#[derive(Debug)]
enum Trigger {
    Keyword,
    Literal,
    Scan,
}

#[derive(Debug)]
struct Pattern {
    detector: u32,
    re: Regex,
    has_v: bool,
    validator: Option<Validator>,
    max_len: usize,
    first: Box<[bool; 256]>,
    /// Every match starts at a word boundary (`\b...`): no attempt inside a word.
    word_start: bool,
    /// The possible first two bytes of a match (a 65,536-bit set), when the
    /// regex says so: a finer filter than `first` for keyword windows.
    first2: Option<Box<[u64; 1024]>>,
    trigger: Trigger,
}

/// Why a candidate was dropped (for `piiscan detectors test`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Rejection {
    /// The validator (checksum or structural rule) said no.
    FailedValidation,
    /// A documented test or example value.
    KnownTestValue,
    /// Contains one of the detector's ignore words.
    IgnoreWord,
    /// On the user's allow list.
    AllowListed,
    /// Inside a longer, better match.
    Overlapped,
    /// Part of a longer number (`123-45-6789-0`, `1.2.10.0.0.1`).
    Embedded,
}

/// A value that starts or ends with a digit and continues a longer number
/// outside its span: a digit right next to it, or a `-` `.` `/` separator
/// followed by another digit. Regexes cannot see past the region they search
/// (`\b` is satisfied by `-`), so this check is shared by every detector.
fn embedded_in_number(hay: &[u8], s: usize, e: usize) -> bool {
    let sep = |b: u8| b == b'-' || b == b'.' || b == b'/';
    let digit = |i: usize| hay.get(i).is_some_and(u8::is_ascii_digit);
    if hay[s].is_ascii_digit()
        && s > 0
        && (digit(s - 1) || (s > 1 && sep(hay[s - 1]) && digit(s - 2)))
    {
        return true;
    }
    hay[e - 1].is_ascii_digit() && (digit(e) || (e + 1 < hay.len() && sep(hay[e]) && digit(e + 1)))
}

/// A detection: which detector, where, and how sure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Detector index in `Engine::detectors`.
    pub detector: u32,
    /// Byte span of the value in the scanned buffer.
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
    /// A keyword (or column name / path) supported it.
    pub keyword: bool,
    /// Confidence.
    pub confidence: Confidence,
}

/// A region whose context (column name, JSON path) satisfies the keywords of
/// some detectors: their patterns are searched in it without a keyword.
#[derive(Debug, Clone)]
pub struct ContextRegion<'a> {
    /// Byte range in the buffer.
    pub range: Range<usize>,
    /// Detector indices satisfied by the context.
    pub detectors: &'a [u32],
}

/// The compiled catalog. Immutable and `Sync`: share it behind an `Arc` and
/// give each worker its own `Scanner`.
pub struct Engine {
    /// Compiled detectors, in catalog order.
    pub detectors: Vec<Detector>,
    patterns: Vec<Pattern>,
    keywords: KeywordSet,
    lit_ac: Option<AhoCorasick>,
    lit_targets: Vec<Vec<u32>>,
    scan_re: Option<Regex>,
    scan_patterns: Vec<u32>,
    allow: AllowList,
    /// Longest window any pattern needs: the overlap chunked readers keep.
    pub max_window: usize,
}

/// A catalog that failed to compile.
#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    /// A regex did not compile.
    #[error("detector {id}: regex does not compile: {message}")]
    Regex {
        /// Detector id.
        id: String,
        /// Compiler message.
        message: String,
    },
    /// A validator name is unknown.
    #[error("detector {id}: unknown validator {name:?}")]
    Validator {
        /// Detector id.
        id: String,
        /// The name.
        name: String,
    },
    /// Automaton construction failed.
    #[error("building automaton: {0}")]
    Automaton(String),
}

fn syntax_config() -> syntax::Config {
    syntax::Config::new().unicode(false).utf8(false)
}

/// Parse a pattern the way the engine compiles it.
pub fn parse_hir(pattern: &str) -> Result<regex_syntax::hir::Hir, String> {
    regex_syntax::ParserBuilder::new()
        .unicode(false)
        .utf8(false)
        .build()
        .parse(pattern)
        .map_err(|e| e.to_string())
}

fn first_bytes(hir: &regex_syntax::hir::Hir) -> Box<[bool; 256]> {
    let mut t = Box::new([false; 256]);
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_literal_len(1)
        .limit_class(256)
        .limit_total(512)
        .extract(hir);
    match seq.literals() {
        Some(lits) if !lits.iter().any(|l| l.as_bytes().is_empty()) => {
            for l in lits {
                t[l.as_bytes()[0] as usize] = true;
            }
        }
        _ => t.iter_mut().for_each(|b| *b = true),
    }
    t
}

fn first_two_bytes(hir: &regex_syntax::hir::Hir) -> Option<Box<[u64; 1024]>> {
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_literal_len(2)
        .limit_class(64)
        .limit_total(4096)
        .extract(hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.iter().any(|l| l.as_bytes().len() < 2) {
        return None;
    }
    let mut t = Box::new([0u64; 1024]);
    for l in lits {
        let b = l.as_bytes();
        let i = (b[0] as usize) << 8 | b[1] as usize;
        t[i >> 6] |= 1 << (i & 63);
    }
    Some(t)
}

/// Whether every match of `hir` starts with a word-boundary assertion.
fn starts_with_word_boundary(hir: &regex_syntax::hir::Hir) -> bool {
    use regex_syntax::hir::{HirKind, Look};
    match hir.kind() {
        HirKind::Look(l) => matches!(
            l,
            Look::WordAscii
                | Look::WordUnicode
                | Look::WordStartAscii
                | Look::WordStartUnicode
                | Look::WordStartHalfAscii
                | Look::WordStartHalfUnicode
        ),
        HirKind::Concat(v) => v.first().is_some_and(starts_with_word_boundary),
        HirKind::Capture(c) => starts_with_word_boundary(&c.sub),
        HirKind::Alternation(v) => v.iter().all(starts_with_word_boundary),
        _ => false,
    }
}

fn literal_prefixes(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
    let seq = Extractor::new()
        .kind(ExtractKind::Prefix)
        .limit_total(600)
        .extract(hir);
    let lits = seq.literals()?;
    if lits.is_empty() || lits.len() > 500 {
        return None;
    }
    let mut v: Vec<Vec<u8>> = lits.iter().map(|l| l.as_bytes().to_vec()).collect();
    // Two bytes at least (`DE`+digits is fine; one byte would fire everywhere).
    // A prefix that starts with a digit is a character class expanded into
    // literals (`\d{3}` → 1,000 prefixes) and would trigger an anchored
    // search at nearly every number: such patterns belong to the scan regex.
    if v.iter().any(|l| l.len() < 2 || l[0].is_ascii_digit()) {
        return None;
    }
    v.sort();
    v.dedup();
    Some(v)
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
        for (di, def) in defs.into_iter().enumerate() {
            let di = di as u32;
            let mut det = Detector {
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
            for (re_src, vname, kw_req) in det.def.effective_patterns() {
                let err = |m: String| EngineError::Regex {
                    id: det.def.id.clone(),
                    message: m,
                };
                let hir = parse_hir(&re_src).map_err(err)?;
                let re = Regex::builder()
                    .syntax(syntax_config())
                    .configure(Regex::config().hybrid_cache_capacity(4 << 20))
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
                let kw_req = kw_req && !det.def.keywords.is_empty();
                let trigger = if kw_req {
                    Trigger::Keyword
                } else if let Some(lits) = literal_prefixes(&hir) {
                    for l in lits {
                        lit_map.entry(l).or_default().push(pi);
                    }
                    Trigger::Literal
                } else {
                    scan.push((pi, re_src.clone()));
                    Trigger::Scan
                };
                if kw_req {
                    det.kw_patterns.push(pi);
                }
                det.patterns.push(pi);
                patterns.push(Pattern {
                    detector: di,
                    re,
                    has_v,
                    validator,
                    max_len,
                    first: first_bytes(&hir),
                    word_start: starts_with_word_boundary(&hir),
                    first2: first_two_bytes(&hir),
                    trigger,
                });
            }
            detectors.push(det);
        }
        let keywords = KeywordSet::new(kw_entries).map_err(EngineError::Automaton)?;
        let (lit_ac, lit_targets) = if lit_map.is_empty() {
            (None, vec![])
        } else {
            let (lits, targets): (Vec<_>, Vec<_>) = lit_map.into_iter().unzip();
            let ac = AhoCorasickBuilder::new()
                .match_kind(MatchKind::Standard)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&lits)
                .map_err(|e| EngineError::Automaton(e.to_string()))?;
            (Some(ac), targets)
        };
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
            lit_ac,
            lit_targets,
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

    /// How each pattern is triggered: (keyword, literal, scan) counts.
    pub fn trigger_counts(&self) -> (usize, usize, usize) {
        let mut c = (0, 0, 0);
        for p in &self.patterns {
            match p.trigger {
                Trigger::Keyword => c.0 += 1,
                Trigger::Literal => c.1 += 1,
                Trigger::Scan => c.2 += 1,
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
        Scanner {
            engine: self,
            caches: (0..self.patterns.len()).map(|_| None).collect(),
            scan_cache: self.scan_re.as_ref().map(|r| r.create_cache()),
            kw_hits: Vec::new(),
            tried_to: vec![0; self.patterns.len()],
            cands: Vec::new(),
            rejected: None,
        }
    }
}

fn is_word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Upper-case alphanumerics only: the form exclusions and allow lists compare.
pub fn normalize_value(v: &[u8]) -> Vec<u8> {
    v.iter()
        .filter(|b| b.is_ascii_alphanumeric() || **b >= 0x80)
        .map(|b| b.to_ascii_uppercase())
        .collect()
}

#[derive(Debug, Clone, Copy)]
struct Cand {
    pattern: u32,
    start: usize,
    end: usize,
    keyword: bool,
}

/// A worker's scanner: regex caches and scratch buffers reused across calls,
/// so scanning allocates nothing per byte and almost nothing per match.
/// Not `Sync`; one per thread.
pub struct Scanner<'e> {
    engine: &'e Engine,
    caches: Vec<Option<meta::Cache>>,
    scan_cache: Option<meta::Cache>,
    kw_hits: Vec<super::keywords::KwHit>,
    /// Per pattern: positions before this were already tried for an earlier
    /// keyword hit of this scan call.
    tried_to: Vec<usize>,
    cands: Vec<Cand>,
    rejected: Option<Vec<(u32, usize, usize, Rejection)>>,
}

impl<'e> Scanner<'e> {
    /// The engine this scanner belongs to.
    pub fn engine(&self) -> &'e Engine {
        self.engine
    }

    /// Record rejected candidates too (for `detectors test`).
    pub fn record_rejections(&mut self, on: bool) {
        self.rejected = if on { Some(Vec::new()) } else { None };
    }

    /// Rejected candidates of the last scan: (detector, start, end, why).
    pub fn rejections(&self) -> &[(u32, usize, usize, Rejection)] {
        self.rejected.as_deref().unwrap_or(&[])
    }

    fn search(&mut self, pi: u32, input: &Input<'_>) -> Option<regex_automata::Match> {
        let p = &self.engine.patterns[pi as usize];
        let cache = self.caches[pi as usize].get_or_insert_with(|| p.re.create_cache());
        p.re.search_with(cache, input)
    }

    /// Scan `hay`; report matches that start inside `own`. `ctx` regions add
    /// detectors whose keyword is in the surrounding column name or path.
    pub fn scan(
        &mut self,
        hay: &[u8],
        own: Range<usize>,
        ctx: &[ContextRegion<'_>],
        out: &mut Vec<Match>,
    ) {
        let eng = self.engine;
        self.cands.clear();
        if let Some(r) = self.rejected.as_mut() {
            r.clear();
        }
        // 1. keywords
        eng.keywords.find(hay, &mut self.kw_hits);
        self.tried_to.iter_mut().for_each(|t| *t = 0);
        let hits = std::mem::take(&mut self.kw_hits);
        for h in &hits {
            for &di in eng.keywords.detectors(h.kw) {
                let det = &eng.detectors[di as usize];
                let ws = h.start;
                let zone_end = (h.end + det.def.keyword_distance + 1).min(hay.len());
                if ws >= hay.len() {
                    continue;
                }
                let nearest = det.def.keyword_nearest;
                let mut best: Option<Cand> = None;
                for &pi in &det.kw_patterns {
                    let p = &eng.patterns[pi as usize];
                    // Anchored attempts at each position of the keyword's zone
                    // whose byte can start this pattern: a failed attempt ends
                    // within a few bytes, where an unanchored search would read
                    // the whole window (hundreds of bytes for names, addresses).
                    let dedupe = !nearest && !det.end_to_end;
                    let mut at = if dedupe {
                        ws.max(self.tried_to[pi as usize])
                    } else {
                        ws
                    };
                    while at < zone_end {
                        let b = hay[at];
                        if !p.first[b as usize]
                            || (p.word_start
                                && at > 0
                                && is_word_byte(b)
                                && is_word_byte(hay[at - 1]))
                        {
                            at += 1;
                            continue;
                        }
                        if let (Some(t), Some(&b2)) = (&p.first2, hay.get(at + 1)) {
                            let i = (b as usize) << 8 | b2 as usize;
                            if t[i >> 6] & (1 << (i & 63)) == 0 {
                                at += 1;
                                continue;
                            }
                        }
                        let we = (at + p.max_len).min(hay.len());
                        let input = Input::new(hay).range(at..we).anchored(Anchored::Yes);
                        let Some(m) = self.search(pi, &input) else {
                            at += 1;
                            continue;
                        };
                        let ok = !det.end_to_end
                            || (m.end() <= h.end + det.def.keyword_distance
                                && m.start() >= h.start);
                        if ok && m.end() > m.start() {
                            let c = Cand {
                                pattern: pi,
                                start: m.start(),
                                end: m.end(),
                                keyword: true,
                            };
                            if nearest {
                                // the keyword labels only the value nearest to it
                                if best.is_none_or(|b| c.start < b.start) {
                                    best = Some(c);
                                }
                                break;
                            }
                            self.cands.push(c);
                        }
                        // A match that swallowed the keyword itself ("Employee
                        // Ludwig van Beethoven" as a name) may fail validation
                        // later: keep trying after the keyword. Otherwise go on
                        // after the match.
                        at = if m.start() == h.start {
                            h.end.max(at + 1)
                        } else {
                            m.end().max(at + 1)
                        };
                    }
                    if dedupe {
                        self.tried_to[pi as usize] = at.max(zone_end);
                    }
                }
                if let Some(b) = best {
                    self.cands.push(b);
                }
            }
        }
        self.kw_hits = hits;
        // 2. literal prefixes
        if let Some(ac) = &eng.lit_ac {
            for lm in ac.find_overlapping_iter(hay) {
                for &pi in &eng.lit_targets[lm.pattern().as_usize()] {
                    let p = &eng.patterns[pi as usize];
                    let we = (lm.start() + p.max_len).min(hay.len());
                    let input = Input::new(hay)
                        .range(lm.start()..we)
                        .anchored(Anchored::Yes);
                    if let Some(m) = self.search(pi, &input) {
                        self.cands.push(Cand {
                            pattern: pi,
                            start: m.start(),
                            end: m.end(),
                            keyword: false,
                        });
                    }
                }
            }
        }
        // 3. the shared scan regex
        let mut scan_cache = self.scan_cache.take();
        if let (Some(re), Some(cache)) = (&eng.scan_re, scan_cache.as_mut()) {
            let mut at = 0;
            while at < hay.len() {
                let Some(m) = re.search_with(cache, &Input::new(hay).range(at..)) else {
                    break;
                };
                let first = eng.scan_patterns[m.pattern().as_usize()];
                self.cands.push(Cand {
                    pattern: first,
                    start: m.start(),
                    end: m.end(),
                    keyword: false,
                });
                for &pi in &eng.scan_patterns {
                    if pi == first || !eng.patterns[pi as usize].first[hay[m.start()] as usize] {
                        continue;
                    }
                    let we = (m.start() + eng.patterns[pi as usize].max_len).min(hay.len());
                    let input = Input::new(hay).range(m.start()..we).anchored(Anchored::Yes);
                    if let Some(m2) = self.search(pi, &input) {
                        self.cands.push(Cand {
                            pattern: pi,
                            start: m2.start(),
                            end: m2.end(),
                            keyword: false,
                        });
                    }
                }
                at = if m.end() > m.start() {
                    m.end()
                } else {
                    m.start() + 1
                };
            }
        }
        self.scan_cache = scan_cache;
        // 4. context regions: each searched as its own haystack, so `^`/`$`
        // and leading-context classes see the cell's edges.
        for r in ctx {
            let range = r.range.start.min(hay.len())..r.range.end.min(hay.len());
            let cell = &hay[range.clone()];
            for &di in r.detectors {
                for &pi in &eng.detectors[di as usize].patterns {
                    let mut at = 0;
                    while at < cell.len() {
                        let Some(m) = self.search(pi, &Input::new(cell).range(at..)) else {
                            break;
                        };
                        self.cands.push(Cand {
                            pattern: pi,
                            start: range.start + m.start(),
                            end: range.start + m.end(),
                            keyword: true,
                        });
                        at = if m.end() > m.start() {
                            m.end()
                        } else {
                            m.start() + 1
                        };
                    }
                }
            }
        }
        self.finish(hay, own, out);
    }

    fn keyword_near(&self, di: u32, start: usize) -> bool {
        let eng = self.engine;
        let dist = eng.detectors[di as usize].def.keyword_distance;
        // Hits are ordered by end: skip to the first that ends close enough,
        // stop once hits end past the value (keywords are short).
        let from = self.kw_hits.partition_point(|h| h.end + dist < start);
        self.kw_hits[from..]
            .iter()
            .take_while(|h| h.end <= start + 256)
            .filter(|h| h.start <= start)
            .any(|h| eng.keywords.detectors(h.kw).contains(&di))
    }

    fn reject(&mut self, di: u32, s: usize, e: usize, why: Rejection) {
        if let Some(r) = self.rejected.as_mut() {
            r.push((di, s, e, why));
        }
    }

    fn finish(&mut self, hay: &[u8], own: Range<usize>, out: &mut Vec<Match>) {
        let eng = self.engine;
        let mut cands = std::mem::take(&mut self.cands);
        cands.sort_unstable_by_key(|c| (c.start, c.pattern, c.end));
        cands.dedup_by(|a, b| {
            a.pattern == b.pattern && a.start == b.start && a.end == b.end && {
                b.keyword |= a.keyword;
                true
            }
        });
        let mut found: Vec<Match> = Vec::new();
        let mut caps: Option<regex_automata::util::captures::Captures> = None;
        for c in &cands {
            let p = &eng.patterns[c.pattern as usize];
            let di = p.detector;
            let det = &eng.detectors[di as usize];
            let (mut s, mut e) = (c.start, c.end);
            if p.has_v {
                let cp = caps.insert(p.re.create_captures());
                let cache =
                    self.caches[c.pattern as usize].get_or_insert_with(|| p.re.create_cache());
                p.re.search_captures_with(
                    cache,
                    &Input::new(hay).range(s..e).anchored(Anchored::Yes),
                    cp,
                );
                if let Some(g) = cp.get_group_by_name("v") {
                    s = g.start;
                    e = g.end;
                }
            }
            let value = &hay[s..e];
            if value.is_empty() {
                continue;
            }
            if embedded_in_number(hay, s, e) {
                self.reject(di, s, e, Rejection::Embedded);
                continue;
            }
            if let Some(v) = p.validator {
                if !v(value) {
                    self.reject(di, s, e, Rejection::FailedValidation);
                    continue;
                }
            }
            if !det.excludes.is_empty() {
                let n = normalize_value(value);
                if det.excludes.contains(&n) {
                    self.reject(di, s, e, Rejection::KnownTestValue);
                    continue;
                }
            }
            if det
                .def
                .ignore_words
                .iter()
                .any(|w| memchr::memmem::find(&hay[c.start..c.end], w.as_bytes()).is_some())
            {
                self.reject(di, s, e, Rejection::IgnoreWord);
                continue;
            }
            if eng.allow.allows(value) {
                self.reject(di, s, e, Rejection::AllowListed);
                continue;
            }
            let keyword =
                c.keyword || (!det.def.keywords.is_empty() && self.keyword_near(di, c.start));
            let confidence = match (p.validator.is_some(), keyword, &p.trigger) {
                (true, true, _) => Confidence::High,
                (_, _, Trigger::Literal) if det.def.category == Category::Credentials => {
                    Confidence::High
                }
                (true, false, _) | (false, true, _) => Confidence::Medium,
                (false, false, Trigger::Literal) => Confidence::Medium,
                _ => Confidence::Low,
            };
            found.push(Match {
                detector: di,
                start: s,
                end: e,
                keyword,
                confidence,
            });
        }
        self.cands = cands;
        // Overlaps: keep the longest span (ties: higher confidence, then all of
        // equal rank); a span inside a kept one is dropped.
        found.sort_unstable_by(|a, b| {
            a.start
                .cmp(&b.start)
                .then(b.end.cmp(&a.end))
                .then(b.confidence.cmp(&a.confidence))
        });
        let base = out.len();
        // Kept matches that still reach past the current start: the only ones
        // that can contain it (sorted by start, longest first).
        let mut cover: Vec<usize> = Vec::new();
        let mut removed: Vec<usize> = Vec::new();
        for m in found {
            cover.retain(|&k| out[k].end > m.start);
            let mut drop = false;
            for &k in &cover {
                let kk = &out[k];
                if removed.contains(&k) || !(kk.start <= m.start && m.end <= kk.end) {
                    continue;
                }
                let same = kk.start == m.start && kk.end == m.end;
                if same && kk.detector == m.detector {
                    drop = true;
                    break;
                }
                // A credential inside a personal or financial match (a token as
                // the user part of an "email", a key in a cookie) is the real
                // finding: the enclosing one goes instead.
                let cat = |d: u32| eng.detectors[d as usize].def.category;
                if !same
                    && cat(m.detector) == Category::Credentials
                    && cat(kk.detector) != Category::Credentials
                {
                    removed.push(k);
                    continue;
                }
                if !same || kk.confidence > m.confidence {
                    drop = true;
                    break;
                }
            }
            if drop {
                self.reject(m.detector, m.start, m.end, Rejection::Overlapped);
            } else {
                cover.push(out.len());
                out.push(m);
            }
        }
        removed.sort_unstable();
        for &k in removed.iter().rev() {
            let m = out.remove(k);
            self.reject(m.detector, m.start, m.end, Rejection::Overlapped);
        }
        // Only now keep what this call owns: a long match that starts in the
        // overlap before `own` still hides the shorter ones inside it, so every
        // chunk size gives the same answer.
        let mut i = base;
        out.retain(|m| {
            i += 1;
            i - 1 < base || (m.start >= own.start && m.start < own.end)
        });
        if let Some(r) = self.rejected.as_mut() {
            r.retain(|x| x.1 >= own.start && x.1 < own.end);
        }
    }
}
