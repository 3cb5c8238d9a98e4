//! JSON and JSON Lines: every key and value scanned, with the keys on the
//! path as keyword context, located as `records`.
//!
//! In: bytes or a stream of JSON (one document, JSON Lines, or concatenated
//! values; any encoding). Out: detections at `Record { recordIndex,
//! jsonPath }` — `recordIndex` 0 for the first top-level value and the
//! 0-based line of each later one (= the line number in JSON Lines), and
//! `jsonPath` like `$.customer.billing[3].card`.
//! Why: Macie treats every element name on the path as near the value, so
//! each path level carries the detectors its key names (computed once per
//! distinct key) joined with its parent's. In-memory input is validated
//! first, so malformed JSON falls back to plain text as in Macie and JSON
//! nested deeper than `max_json_depth` is skipped with
//! `JSON_NESTING_LEVEL_OVER_LIMIT`. Streams are scanned in one pass: a
//! stream that is not JSON from its first record is read as plain text; a
//! later bad record is a skipped part and scanning resumes at the next line.

use super::batch::ValueBatch;
use super::json_tok::{Event, JsonError, Tokenizer};
use super::limits::{decode_all, DecodeReader};
use super::sniff::Encoding;
use super::{Ctx, ExtractError};
use crate::findings::model::{Location, Record};
use std::collections::HashMap;
use std::io::Read;

/// Macie truncates a path element to 240 characters and a path to 250.
const MAX_ELEMENT: usize = 240;
const MAX_PATH: usize = 250;

/// Scan in-memory JSON.
pub fn scan_bytes(ctx: &mut Ctx<'_, '_, '_>, b: &[u8], enc: Encoding) -> Result<(), ExtractError> {
    let text = decode_all(b, enc);
    match super::json_tok::validate(&text, ctx.limits.max_json_depth) {
        Ok(_) => walk(ctx, &mut &text[..]),
        Err(JsonError::TooDeep(n)) => {
            let detail = format!("JSON nested deeper than {n} levels");
            if ctx.depth == 0 {
                ctx.out.skip("JSON_NESTING_LEVEL_OVER_LIMIT", detail);
            } else {
                ctx.skip_here("", "JSON_NESTING_LEVEL_OVER_LIMIT", detail);
            }
            Ok(())
        }
        // Malformed: read as plain text, as Macie does.
        Err(_) => super::text::scan_bytes(ctx, &text, Encoding::Utf8),
    }
}

/// Scan a JSON stream.
pub fn scan_reader(
    ctx: &mut Ctx<'_, '_, '_>,
    r: &mut dyn Read,
    enc: Encoding,
) -> Result<(), ExtractError> {
    if enc == Encoding::Utf8 {
        walk(ctx, r)
    } else {
        walk(ctx, &mut DecodeReader::new(r, enc))
    }
}

struct Frame {
    base: usize,
    set: Option<u32>,
    next_index: u64,
    is_array: bool,
}

/// Paths of the values in a batch, in one arena (cleared when the batch is).
#[derive(Default)]
pub(crate) struct Paths {
    pub(crate) arena: String,
    pub(crate) spans: Vec<(u32, u32)>,
}

impl Paths {
    /// Store a path (truncated as Macie does); its id.
    pub(crate) fn add(&mut self, path: &str) -> u32 {
        let s = self.arena.len();
        let p = if path.len() > MAX_PATH {
            let mut end = MAX_PATH;
            while !path.is_char_boundary(end) {
                end -= 1;
            }
            &path[..end]
        } else {
            path
        };
        self.arena.push_str(p);
        self.spans.push((s as u32, self.arena.len() as u32));
        (self.spans.len() - 1) as u32
    }
    /// A stored path.
    pub(crate) fn get(&self, i: u32) -> &str {
        let (s, e) = self.spans[i as usize];
        &self.arena[s as usize..e as usize]
    }
}

/// Append `.key` (or `['odd key']`) to a path.
pub(crate) fn push_key(path: &mut String, key: &[u8]) {
    let k = String::from_utf8_lossy(key);
    let mut end = k.len().min(MAX_ELEMENT);
    while !k.is_char_boundary(end) {
        end -= 1;
    }
    let k = &k[..end];
    let plain = !k.is_empty()
        && k.chars()
            .all(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '@' || c == '$');
    if plain {
        path.push('.');
        path.push_str(k);
    } else {
        path.push_str("['");
        path.push_str(&k.replace('\'', "\\'"));
        path.push_str("']");
    }
}

/// Walk the events, feeding keys and values to a batch.
fn walk(ctx: &mut Ctx<'_, '_, '_>, r: &mut dyn Read) -> Result<(), ExtractError> {
    let engine = ctx.scanner.engine();
    let mut tok = Tokenizer::new(r, ctx.limits.max_json_depth);
    let mut batch = ValueBatch::<(u64, u32)>::new(ctx);
    let mut paths = Paths {
        arena: String::new(),
        spans: Vec::new(),
    };
    let mut key_sets: HashMap<Vec<u8>, Option<u32>> = HashMap::new();
    let mut unions: HashMap<(u32, u32), Option<u32>> = HashMap::new();
    let mut frames: Vec<Frame> = Vec::new();
    let mut path = String::from("$");
    let mut record = 0u64;
    // context set of the value about to start (set by its key)
    let mut pending_set: Option<u32> = None;
    let mut bad_records = 0u64;
    macro_rules! locate {
        () => {
            &mut |k: &(u64, u32), member: Option<String>| {
                Location::Record(Record {
                    record_index: k.0,
                    json_path: paths.get(k.1).to_string(),
                    member,
                })
            }
        };
    }
    loop {
        if batch.is_empty() {
            paths.arena.clear();
            paths.spans.clear();
        }
        let ev = match tok.next_event() {
            Ok(Some(ev)) => ev,
            Ok(None) => break,
            Err(e) => {
                if let Some(io) = tok.io_error.take() {
                    batch.flush(ctx, locate!());
                    return Err(io.into());
                }
                // Not JSON from the start (and nothing scanned yet): read it
                // all as plain text, as for in-memory input.
                if tok.records <= 1 && !batch.scanned() && !matches!(e, JsonError::TooDeep(_)) {
                    if let Some((head, rest)) = tok.rewind() {
                        let mut all = std::io::Cursor::new(head).chain(rest);
                        return super::text::scan_reader(ctx, &mut all, Encoding::Utf8);
                    }
                    return Err(ExtractError::malformed("JSON", e));
                }
                batch.flush(ctx, locate!());
                if let JsonError::TooDeep(n) = e {
                    ctx.skip_here(
                        "",
                        "JSON_NESTING_LEVEL_OVER_LIMIT",
                        format!(
                            "record at line {}: nested deeper than {n} levels",
                            tok.record_line + 1
                        ),
                    );
                } else {
                    bad_records += 1;
                    if bad_records <= 10 {
                        ctx.skip_here("", "MALFORMED_FILE", e.to_string());
                    }
                }
                frames.clear();
                path.truncate(1);
                pending_set = None;
                if tok.resync().is_err() {
                    if let Some(io) = tok.io_error.take() {
                        return Err(io.into());
                    }
                    break;
                }
                continue;
            }
        };
        // A value starts: find its path and context.
        let starts_value = matches!(
            ev,
            Event::StartObject | Event::StartArray | Event::Scalar | Event::Str { .. }
        ) && !(matches!(ev, Event::Str { .. }) && batch.is_open());
        let mut set = None;
        if starts_value {
            match frames.last_mut() {
                None => {
                    record = if tok.records <= 1 { 0 } else { tok.record_line };
                    path.truncate(1);
                }
                Some(f) if f.is_array => {
                    path.truncate(f.base);
                    use std::fmt::Write;
                    let _ = write!(path, "[{}]", f.next_index);
                    f.next_index += 1;
                    set = f.set;
                }
                Some(_) => set = pending_set,
            }
        }
        match ev {
            Event::StartObject | Event::StartArray => frames.push(Frame {
                base: path.len(),
                set,
                next_index: 0,
                is_array: ev == Event::StartArray,
            }),
            Event::EndObject | Event::EndArray => {
                frames.pop();
                if let Some(f) = frames.last() {
                    path.truncate(f.base);
                } else {
                    path.truncate(1);
                }
            }
            Event::Key => {
                let Some(f) = frames.last() else { continue };
                let parent_set = f.set;
                path.truncate(f.base);
                push_key(&mut path, &tok.text);
                // the key's own detectors, interned once per distinct key
                let key_set = match key_sets.get(&tok.text[..]) {
                    Some(&k) => k,
                    None => {
                        if key_sets.len() > 100_000 {
                            key_sets.clear();
                        }
                        let d = engine.detectors_for_context(&String::from_utf8_lossy(&tok.text));
                        let k = batch.context_set(d);
                        key_sets.insert(tok.text.clone(), k);
                        k
                    }
                };
                pending_set = match (parent_set, key_set) {
                    (p, None) => p,
                    (None, k) => k,
                    (Some(p), Some(k)) if p == k => Some(p),
                    (Some(p), Some(k)) => *unions.entry((p, k)).or_insert_with(|| {
                        let mut u = batch.set(Some(p)).to_vec();
                        u.extend_from_slice(batch.set(Some(k)));
                        batch.context_set(u)
                    }),
                };
                // The key is scanned too, under its own path (whose elements
                // are its context, as for the value that follows): values and
                // keys of one keyword-bearing object form one context region.
                let pid = paths.add(&path);
                batch.push(ctx, &tok.text, (record, pid), pending_set, locate!());
            }
            Event::Scalar => {
                let pid = paths.add(&path);
                batch.push(ctx, &tok.text, (record, pid), set, locate!());
            }
            Event::Str { last } => {
                if starts_value {
                    let pid = paths.add(&path);
                    batch.begin((record, pid), set);
                }
                batch.extend(ctx, &tok.text, locate!());
                if last {
                    batch.end(ctx, locate!());
                }
            }
        }
    }
    batch.flush(ctx, locate!());
    if let Some(io) = tok.io_error.take() {
        return Err(io.into());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testutil::{located, Harness, AWS_LINE, AWS_SECRET};

    fn records(r: &crate::findings::ObjectResult) -> Vec<(String, u64, String)> {
        located(r)
            .into_iter()
            .filter_map(|(id, l)| match l {
                Location::Record(x) => Some((id, x.record_index, x.json_path)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn paths_and_path_keywords() {
        let h = Harness::new();
        let doc = format!(
            r#"{{"customer": {{"employee": {{"id": "EMP-123456"}}, "notes": ["x", "EMP-654321"],
               "credentials": [{{"k": "{AWS_SECRET}"}}], "we ird": "{AWS_LINE}"}}}}"#
        );
        let got = records(&h.extract("doc.json", doc.as_bytes()));
        assert_eq!(
            got,
            vec![
                (
                    "AWS_CREDENTIALS".into(),
                    0,
                    "$.customer.credentials[0].k".into()
                ),
                ("AWS_CREDENTIALS".into(), 0, "$.customer['we ird']".into()),
                ("EmpId".into(), 0, "$.customer.employee.id".into()),
            ]
        );
    }

    #[test]
    fn every_read_path_gives_the_same_records() {
        use crate::extract::testutil::Trickle;
        let h = Harness::new();
        let mut data = String::new();
        for i in 0..300 {
            data.push_str(&format!(
                "{{\"k\\u0041\": [1, {{\"employee\": \"EMP-{i:06}\"}}], \"s\": \"caf\\u00e9 \\\"q\\\" {AWS_LINE}\"}}\n"
            ));
        }
        let want = records(&h.extract("x.jsonl", data.as_bytes()));
        assert_eq!(want.len(), 600);
        for (chunk, n) in [(1024, 1), (4096, 7), (1 << 20, 65536)] {
            let limits = crate::extract::Limits {
                chunk_size: chunk,
                ..Default::default()
            };
            let mut r = Trickle {
                data: data.as_bytes(),
                n,
            };
            let got = records(&h.extract_reader("x.jsonl", &mut r, &limits));
            assert_eq!(got, want, "chunk {chunk}, reads of {n}");
        }
    }

    #[test]
    fn json_lines_record_index_is_the_line() {
        let h = Harness::new();
        let data = "{\"a\":1}\n{\"employee\":\"EMP-000001\"}\n\n{\"x\":[{\"employee_id\":\"EMP-000002\"}]}\n";
        let got = records(&h.extract("x.jsonl", data.as_bytes()));
        assert_eq!(
            got,
            vec![
                ("EmpId".into(), 1, "$.employee".into()),
                ("EmpId".into(), 3, "$.x[0].employee_id".into()),
            ]
        );
    }

    #[test]
    fn malformed_falls_back_to_text_and_deep_is_skipped() {
        let h = Harness::new();
        let bad = format!("{{\"a\": \"{AWS_LINE}\", oops}}\n");
        let r = h.extract("x.json", bad.as_bytes());
        let l = located(&r);
        assert_eq!(l.len(), 1);
        assert!(matches!(l[0].1, Location::Text(..)));
        let deep = "[".repeat(10_000) + &"]".repeat(10_000);
        let r = h.extract("deep.json", deep.as_bytes());
        assert_eq!(r.reason.as_deref(), Some("JSON_NESTING_LEVEL_OVER_LIMIT"));
        // 256 levels are fine
        let ok = "[".repeat(255) + "{\"employee\":\"EMP-123456\"}" + &"]".repeat(255);
        assert_eq!(records(&h.extract("ok.json", ok.as_bytes())).len(), 1);
    }

    #[test]
    fn a_stream_that_is_not_json_is_read_as_text() {
        let h = Harness::new();
        let data = format!("{{not json at all\n{AWS_LINE}\n{{\"employee\":\"EMP-123456\"}}\n");
        let limits = crate::extract::Limits::default();
        let r = h.extract_reader("x.json", &mut data.as_bytes(), &limits);
        let l = located(&r);
        assert_eq!(l.len(), 2);
        assert!(l.iter().all(|(_, x)| matches!(x, Location::Text(..))));
        assert!(r.skipped_parts.is_empty());
    }

    #[test]
    fn streams_resync_after_a_bad_line_and_split_huge_strings() {
        let h = Harness::new();
        let mut data = String::from("{\"employee\":\"EMP-000001\"}\n{broken\n");
        data.push_str(&format!(
            "{{\"employee\":\"{}EMP-000002\"}}\n",
            "y ".repeat(200_000)
        ));
        let limits = crate::extract::Limits {
            chunk_size: 4096,
            ..Default::default()
        };
        let r = h.extract_reader("x.jsonl", &mut data.as_bytes(), &limits);
        let got = records(&r);
        assert_eq!(
            got,
            vec![
                ("EmpId".into(), 0, "$.employee".into()),
                ("EmpId".into(), 2, "$.employee".into()),
            ]
        );
        assert_eq!(r.skipped_parts.len(), 1);
        assert_eq!(r.skipped_parts[0].reason, "MALFORMED_FILE");
    }
}
