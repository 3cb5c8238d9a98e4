//! What the engine learns from a pattern before scanning: its literal
//! prefixes (for the literal trigger), first-byte and first-two-byte sets
//! (for attempts in keyword windows), whether it starts at a word boundary,
//! and, where literal extraction gives up, the same sets read off a lazy DFA;
//! its shape (the bytes its first eight offsets allow) and which word starts
//! can lead it.

use super::triggers::Sel;
use regex_automata::util::syntax;
use regex_syntax::hir::literal::{ExtractKind, Extractor};

pub(super) fn syntax_config() -> syntax::Config {
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

pub(super) fn first_bytes(hir: &regex_syntax::hir::Hir) -> Box<[bool; 256]> {
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

pub(super) fn first_two_bytes(hir: &regex_syntax::hir::Hir) -> Option<Box<[u64; 1024]>> {
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

/// A lazy DFA of `re_src` as the engine parses it, and its cache, for the
/// analyses below.
fn lazy_dfa(
    re_src: &str,
) -> Option<(
    regex_automata::hybrid::dfa::DFA,
    regex_automata::hybrid::dfa::Cache,
)> {
    let dfa = regex_automata::hybrid::dfa::DFA::builder()
        .syntax(syntax_config())
        .configure(regex_automata::hybrid::dfa::DFA::config().cache_capacity(4 << 20))
        .build(re_src)
        .ok()?;
    let cache = dfa.create_cache();
    Some((dfa, cache))
}

/// The DFA's anchored start states at any position but the haystack's
/// start (look-behind: a word byte, a space, line ends), without repeats.
fn start_states(
    dfa: &regex_automata::hybrid::dfa::DFA,
    cache: &mut regex_automata::hybrid::dfa::Cache,
) -> Option<Vec<regex_automata::hybrid::LazyStateID>> {
    let mut v = Vec::new();
    for lb in [b'a', b' ', b'\n', b'\r'] {
        let cfg = regex_automata::util::start::Config::new()
            .anchored(regex_automata::Anchored::Yes)
            .look_behind(Some(lb));
        let s = dfa.start_state(cache, &cfg).ok()?;
        if !v.contains(&s) {
            v.push(s);
        }
    }
    Some(v)
}

/// The exact sets of first bytes and first two bytes a match can start
/// with at any position but the haystack's start (the scanner always tries
/// position 0), read off a lazy DFA: the state after one or two bytes from
/// every start state (look-behind: word byte, other byte, line ends) is
/// not dead. Few distinct states follow the first byte, so this costs a few
/// thousand transitions per pattern. `None` when the DFA gives up.
pub(super) fn dfa_first_sets(re_src: &str) -> Option<(Box<[bool; 256]>, Box<[u64; 1024]>)> {
    let (dfa, mut cache) = lazy_dfa(re_src)?;
    let mut f1 = Box::new([false; 256]);
    let mut f2 = Box::new([0u64; 1024]);
    let mut seen: std::collections::HashMap<regex_automata::hybrid::LazyStateID, Vec<bool>> =
        Default::default();
    for s0 in start_states(&dfa, &mut cache)? {
        for b0 in 0..=255u8 {
            let s1 = dfa.next_state(&mut cache, s0, b0).ok()?;
            if s1.is_dead() || s1.is_quit() {
                if s1.is_quit() {
                    return None;
                }
                continue;
            }
            f1[b0 as usize] = true;
            let row = match seen.get(&s1) {
                Some(r) => r.clone(),
                None => {
                    let mut r = vec![false; 256];
                    for b1 in 0..=255u8 {
                        let s2 = dfa.next_state(&mut cache, s1, b1).ok()?;
                        if s2.is_quit() {
                            return None;
                        }
                        // a match state means a match ended before b1
                        r[b1 as usize] = !s2.is_dead() || s1.is_match();
                    }
                    seen.insert(s1, r.clone());
                    r
                }
            };
            for (b1, ok) in row.iter().enumerate() {
                if *ok {
                    let i = (b0 as usize) << 8 | b1;
                    f2[i >> 6] |= 1 << (i & 63);
                }
            }
        }
    }
    Some((f1, f2))
}

/// Whether a match can start with an ASCII word byte right after another
/// word byte (mid-word); true when unsure.
pub(super) fn word_byte_after_word(re_src: &str) -> bool {
    use regex_automata::hybrid::dfa::DFA;
    use regex_automata::util::start;
    let Ok(dfa) = DFA::builder().syntax(syntax_config()).build(re_src) else {
        return true;
    };
    let mut cache = dfa.create_cache();
    let cfg = start::Config::new()
        .anchored(regex_automata::Anchored::Yes)
        .look_behind(Some(b'a'));
    let Ok(s0) = dfa.start_state(&mut cache, &cfg) else {
        return true;
    };
    (0..=255u8)
        .filter(|b| b.is_ascii_alphanumeric() || *b == b'_')
        .any(|b| {
            dfa.next_state(&mut cache, s0, b)
                .map_or(true, |s| !s.is_dead())
        })
}

/// Whether every match of `hir` starts with a word-boundary assertion.
pub(super) fn starts_with_word_boundary(hir: &regex_syntax::hir::Hir) -> bool {
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

pub(super) fn literal_prefixes(hir: &regex_syntax::hir::Hir) -> Option<Vec<Vec<u8>>> {
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

/// How many leading bytes of a match `dfa_shape` describes.
pub(super) const SHAPE_LEN: usize = 8;

/// The bytes a match can have at each of its first `SHAPE_LEN` offsets
/// (bit `i` of entry `b`: byte `b` can be the match's `i`-th byte), away
/// from the haystack's start, read off a lazy DFA by walking every live
/// state breadth first from the anchored start states (look-behind: word
/// byte, other byte, line ends). Once some state at depth `i` is a match
/// state (a match ended before byte `i`), later offsets are unconstrained.
/// Eight loads and ANDs then reject most attempts (a number too short for
/// a card, `GET` for `GE` + digits, `http://` for a webhook URL) before a
/// regex search. `None` when the DFA gives up (it was built unanchored on
/// Unicode, or too many states).
pub(super) fn dfa_shape(re_src: &str) -> Option<Box<[u8; 256]>> {
    let (dfa, mut cache) = lazy_dfa(re_src)?;
    let classes = dfa.byte_classes();
    let mut members: Vec<Vec<u8>> = vec![Vec::new(); 256];
    for b in 0..=255u8 {
        members[classes.get(b) as usize].push(b);
    }
    members.retain(|m| !m.is_empty());
    let mut cur = start_states(&dfa, &mut cache)?;
    let mut shape = Box::new([0u8; 256]);
    let mut next = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for i in 0..SHAPE_LEN {
        if cur.iter().any(|s| s.is_match()) || cur.len() > 512 {
            let rest = !((1u8 << i) - 1);
            shape.iter_mut().for_each(|x| *x |= rest);
            break;
        }
        next.clear();
        seen.clear();
        for &s in &cur {
            for m in &members {
                let t = dfa.next_state(&mut cache, s, m[0]).ok()?;
                if t.is_quit() {
                    return None;
                }
                if t.is_dead() {
                    continue;
                }
                for &b in m {
                    shape[b as usize] |= 1 << i;
                }
                if seen.insert(t) {
                    next.push(t);
                }
            }
        }
        std::mem::swap(&mut cur, &mut next);
        if cur.is_empty() {
            break;
        }
    }
    Some(shape)
}

/// For patterns that open with context bytes (`(?:^|[^0-9])[ ]` before a
/// number): the largest offset `k` such that every match (away from the
/// haystack's start) has a word start (a word byte after a non-word byte)
/// at one of its offsets `1..=k`, and the bytes such word starts can be.
/// Keyword windows then try only the `k` positions before each such word
/// start instead of every byte. Read off a lazy DFA breadth first, paths
/// ending at their first word start; `None` when some path can match (or
/// end the input) before one, or none is found within `SHAPE_LEN` bytes.
/// The flag: every such word start is four digits (`Sel::Digits4`).
pub(super) fn word_start_within(re_src: &str) -> Option<(usize, Box<[bool; 256]>, bool)> {
    let (dfa, mut cache) = lazy_dfa(re_src)?;
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    // (state, whether the last byte read was a word byte); offset 0 cannot
    // be the word start sought: treat what came before as a word byte
    let mut cur: Vec<_> = start_states(&dfa, &mut cache)?
        .into_iter()
        .map(|s| (s, true))
        .collect();
    let mut lead = Box::new([false; 256]);
    let mut k = 0;
    let mut next = Vec::new();
    let mut seen = std::collections::HashSet::new();
    // states right after each word start's first byte; whether all are
    // digits
    let mut found = Vec::new();
    let mut digit_leads = true;
    for i in 0..=SHAPE_LEN {
        if cur.is_empty() {
            if k == 0 {
                return None;
            }
            let four = digit_leads && digits_follow(&dfa, &mut cache, found, 3)?;
            return Some((k, lead, four));
        }
        if i == SHAPE_LEN {
            return None;
        }
        next.clear();
        seen.clear();
        for &(s, prev_word) in &cur {
            let eoi = dfa.next_eoi_state(&mut cache, s).ok()?;
            if s.is_match() || eoi.is_match() || cur.len() > 512 {
                return None;
            }
            for b in 0..=255u8 {
                let t = dfa.next_state(&mut cache, s, b).ok()?;
                if t.is_quit() {
                    return None;
                }
                if t.is_dead() {
                    continue;
                }
                if i > 0 && word(b) && !prev_word {
                    lead[b as usize] = true;
                    k = k.max(i);
                    digit_leads &= b.is_ascii_digit();
                    if !found.contains(&t) {
                        found.push(t);
                    }
                } else if seen.insert((t, word(b))) {
                    next.push((t, word(b)));
                }
            }
        }
        std::mem::swap(&mut cur, &mut next);
    }
    None
}

/// Whether from each of `states`, every live path reads `n` more digits
/// and no match can end before them (`word_start_within`).
fn digits_follow(
    dfa: &regex_automata::hybrid::dfa::DFA,
    cache: &mut regex_automata::hybrid::dfa::Cache,
    mut states: Vec<regex_automata::hybrid::LazyStateID>,
    n: usize,
) -> Option<bool> {
    for _ in 0..n {
        let mut next = Vec::new();
        for &s in &states {
            if s.is_match() || dfa.next_eoi_state(cache, s).ok()?.is_match() {
                return Some(false);
            }
            for b in 0..=255u8 {
                let t = dfa.next_state(cache, s, b).ok()?;
                if t.is_quit() {
                    return None;
                }
                if t.is_dead() {
                    continue;
                }
                if !b.is_ascii_digit() {
                    return Some(false);
                }
                if !next.contains(&t) {
                    next.push(t);
                }
            }
        }
        states = next;
    }
    Some(true)
}

/// Whether the bytes at `pos..` fit a shape from `dfa_shape` (bytes past
/// the haystack's end are not checked).
#[inline(always)]
pub(super) fn fits_shape(shape: &[u8; 256], hay: &[u8], pos: usize) -> bool {
    if let Some(w) = hay.get(pos..pos + SHAPE_LEN) {
        let mut bad = 0u8;
        for (i, &b) in w.iter().enumerate() {
            bad |= !shape[b as usize] & (1 << i);
        }
        bad == 0
    } else {
        hay[pos.min(hay.len())..]
            .iter()
            .enumerate()
            .all(|(i, &b)| shape[b as usize] & (1 << i) != 0)
    }
}

/// Whether every byte a shape allows at each offset of `offsets` passes
/// `f` (`dfa_shape`).
pub(super) fn shape_only(
    shape: &[u8; 256],
    offsets: std::ops::Range<usize>,
    f: fn(&u8) -> bool,
) -> bool {
    offsets
        .into_iter()
        .all(|i| (0..=255u8).all(|b| shape[b as usize] & (1 << i) == 0 || f(&b)))
}

/// Which word starts can lead a match (see `Pattern::lead`): the bytes a
/// match can begin with, or for a `before_word` pattern the bytes after its
/// first, all digits, or none of them.
pub(super) fn lead_class(
    first: &[bool; 256],
    first2: Option<&[u64; 1024]>,
    before_word: bool,
    shape: Option<&[u8; 256]>,
) -> Sel {
    let mut lead = [false; 256];
    match (before_word, first2) {
        (true, Some(t)) => {
            for i in 0..65536usize {
                if t[i >> 6] & (1 << (i & 63)) != 0 {
                    lead[i & 255] = true;
                }
            }
        }
        _ => lead = *first,
    }
    let only = |f: &dyn Fn(u8) -> bool| (0..=255u8).all(|b| !lead[b as usize] || f(b));
    // four digits from the lead byte on, by the shape's offsets
    let off = before_word as usize;
    let four = shape.is_some_and(|sh| shape_only(sh, off..off + 4, u8::is_ascii_digit));
    if only(&|b| b.is_ascii_digit()) {
        if four {
            Sel::Digits4
        } else {
            Sel::Digits
        }
    } else if only(&|b| b.is_ascii_uppercase() || b >= 0x80) {
        // (non-ASCII leads only for patterns tried at non-ASCII bytes too:
        // the scanner makes this `UpperHigh` for them)
        Sel::Upper
    } else if only(&|b| !b.is_ascii_digit()) {
        Sel::NonDigits
    } else {
        Sel::Words
    }
}

#[cfg(test)]
mod tests {
    use super::word_start_within;

    #[test]
    fn word_start_within_leading_context() {
        let digits = |v: &[bool; 256]| (0..=255u8).all(|b| v[b as usize] == b.is_ascii_digit());
        let (k, lead, four) =
            word_start_within(r"(?:^|[^0-9A-Za-z_ ]|(?:^|[^0-9])[ ])\d{4}[ ]\d{4}").unwrap();
        assert_eq!((k, four), (2, true));
        assert!(digits(&lead));
        let (k, lead, four) = word_start_within(r"(?:^|[^0-9A-Za-z_])\d{5}").unwrap();
        assert_eq!((k, four), (1, true));
        assert!(digits(&lead));
        // fewer than four digits on some path, or a letter first
        let (_, _, four) = word_start_within(r"(?:^|[^0-9A-Za-z_])\d{3}(?:\d|[ ]x)").unwrap();
        assert!(!four);
        let (_, _, four) = word_start_within(r"(?:^|[^0-9A-Za-z_])(?:\d{4}|A\d{3})").unwrap();
        assert!(!four);
        let (_, _, four) = word_start_within(r"(?:^|[^0-9A-Za-z_])\d{2}").unwrap();
        assert!(!four);
        // no non-word byte before the first word byte (`_` is a word byte),
        // or a match may end first
        assert!(word_start_within(r"(?:^|[^0-9A-Za-z])\d{5}").is_none());
        assert!(word_start_within(r"\bFR\d{2}").is_none());
        assert!(word_start_within(r"[ ]{0,9}\d").is_none());
        assert!(word_start_within(r"[ ]?").is_none());
    }
}
