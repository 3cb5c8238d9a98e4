//! The second half of a scan: candidates validated, checked against
//! exclusions, ignore words, context rules and the allow list, scored, and
//! reduced to the best span where they overlap.

use super::Scanner;
use crate::detect::catalog::Category;
use crate::detect::engine::{normalize_value, Confidence, Match, Rejection, Trigger};
use regex_automata::{Anchored, Input};
use std::ops::Range;

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

/// How much text before and after a value `reject_context` rules see.
const CONTEXT_BYTES: usize = 48;

impl Scanner<'_> {
    /// `reject_context` and `not_a_keyword` (see `DetectorDef`).
    fn context_rejects(&self, di: u32, hay: &[u8], s: usize, e: usize) -> bool {
        let eng = self.engine;
        let det = &eng.detectors[di as usize];
        for (before, after) in &det.reject_context {
            let b_ok = before.as_ref().is_none_or(|re| {
                let from = s.saturating_sub(CONTEXT_BYTES);
                re.is_match(Input::new(&hay[from..s]))
            });
            let a_ok = b_ok
                && after.as_ref().is_none_or(|re| {
                    let to = (e + CONTEXT_BYTES).min(hay.len());
                    re.is_match(Input::new(&hay[e..to]))
                });
            if b_ok && a_ok {
                return true;
            }
        }
        if det.def.not_a_keyword {
            // hits are ordered by end; keywords are short
            let from = self.kw_hits.partition_point(|h| h.end <= s);
            return self.kw_hits[from..]
                .iter()
                .take_while(|h| h.start < e + 256)
                .any(|h| {
                    h.start < e
                        && h.end > s
                        && h.end - h.start >= 4
                        && !eng.keywords.detectors(h.kw).contains(&di)
                });
        }
        false
    }

    pub(super) fn keyword_near(&self, di: u32, start: usize) -> bool {
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

    pub(super) fn finish(&mut self, hay: &[u8], own: Range<usize>, out: &mut Vec<Match>) {
        let eng = self.engine;
        let mut cands = std::mem::take(&mut self.cands);
        cands.sort_unstable_by_key(|c| (c.start, c.pattern, c.end));
        cands.dedup_by(|a, b| {
            a.pattern == b.pattern && a.start == b.start && a.end == b.end && {
                b.keyword |= a.keyword;
                true
            }
        });
        let mut found = std::mem::take(&mut self.found);
        found.clear();
        for c in &cands {
            let p = &eng.patterns[c.pattern as usize];
            let di = p.detector;
            let det = &eng.detectors[di as usize];
            let (mut s, mut e) = (c.start, c.end);
            if p.has_v {
                let cp =
                    self.caps[c.pattern as usize].get_or_insert_with(|| p.re.create_captures());
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
            if self.context_rejects(di, hay, s, e) {
                self.reject(di, s, e, Rejection::Context);
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
        for m in found.drain(..) {
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
        self.found = found;
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
