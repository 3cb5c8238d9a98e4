//! One object's result rendered for every output format, so the result
//! itself need not be kept: a `Rec` is what the external sort (`store`)
//! buffers, writes to its runs and merges.
//!
//! In: an `ObjectResult`. Out: a `Rec` with the `--results` line and the
//! finding as compact JSON (pretty JSON is the same text re-indented:
//! `pretty_at`), what the text summary prints about the object, its SARIF
//! results, and its baseline entries.
//! Why: the writers in `output` then stream merged records and produce the
//! bytes the in-memory writers produced, in any format, from one pass of
//! rendering done when the object finished.

use super::model::Occurrences;
use super::object::{ObjectResult, Outcome};
use serde::{Deserialize, Serialize};

/// An object's result, rendered (see module docs).
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Rec {
    /// Root (bucket or local root): first sort key.
    pub root: String,
    /// Key: second sort key.
    pub key: String,
    /// Arrival order: third sort key (ties keep arrival order).
    pub seq: u64,
    /// The `--results` line (compact JSON, no newline).
    pub result_line: String,
    /// The finding, compact JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finding: Option<String>,
    /// What the text summary lists under "Findings".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<TextFinding>,
    /// What the text summary lists under "Not fully analysed".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub not_done: Option<NotDone>,
    /// SARIF results (compact JSON each).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sarif: Vec<String>,
    /// SARIF rule ids used by `sarif`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rules: Vec<String>,
    /// Baseline entries (type, count) of an object with a finding.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baseline: Vec<(String, u64)>,
}

/// A finding as the text summary prints it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TextFinding {
    /// Severity description (High, Medium, Low).
    pub severity: String,
    /// Display path.
    pub path: String,
    /// Finding type.
    pub kind: String,
    /// One line per detection type.
    pub dets: Vec<TextDet>,
}

/// One detection type of a text finding.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct TextDet {
    /// Type (custom identifiers as `custom:NAME`).
    pub kind: String,
    /// Occurrences.
    pub count: u64,
    /// First masked sample.
    pub sample: String,
    /// First location.
    pub first: String,
}

/// An object not fully analysed, as the text summary prints it.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct NotDone {
    /// `FAILED`, `SKIPPED` or `PARTIAL`.
    pub what: String,
    /// Display path.
    pub path: String,
    /// Reason code.
    pub reason: String,
    /// Detail (or the first skipped part).
    pub detail: String,
}

impl Rec {
    /// Render `r`, which arrived `seq`-th.
    pub fn from_result(r: &ObjectResult, seq: u64) -> Rec {
        let finding = r
            .finding
            .as_ref()
            .map(|f| serde_json::to_string(f).expect("a finding serializes"));
        let text = r.finding.as_ref().map(|f| {
            let mut dets = Vec::new();
            for sd in &f.classification_details.result.sensitive_data {
                for d in &sd.detections {
                    dets.push(TextDet {
                        kind: d.kind.clone(),
                        count: d.count,
                        sample: d.samples.first().cloned().unwrap_or_default(),
                        first: first_location(&d.occurrences),
                    });
                }
            }
            for d in &f
                .classification_details
                .result
                .custom_data_identifiers
                .detections
            {
                dets.push(TextDet {
                    kind: format!("custom:{}", d.name),
                    count: d.count,
                    sample: d.samples.first().cloned().unwrap_or_default(),
                    first: first_location(&d.occurrences),
                });
            }
            TextFinding {
                severity: f.severity.description.to_string(),
                path: r.meta.path.clone(),
                kind: f.kind.clone(),
                dets,
            }
        });
        let not_done = (matches!(r.outcome, Outcome::Skipped | Outcome::Failed)
            || !r.skipped_parts.is_empty())
        .then(|| NotDone {
            what: match r.outcome {
                Outcome::Failed => "FAILED ",
                Outcome::Skipped => "SKIPPED",
                _ => "PARTIAL",
            }
            .to_string(),
            path: r.meta.path.clone(),
            reason: r.reason.clone().unwrap_or_default(),
            detail: r
                .detail
                .clone()
                .or_else(|| {
                    r.skipped_parts
                        .first()
                        .map(|p| format!("{} ({})", p.member, p.detail))
                })
                .unwrap_or_default(),
        });
        let (sarif, rules) = sarif_results(r);
        Rec {
            root: r.meta.root.clone(),
            key: r.meta.key.clone(),
            seq,
            result_line: serde_json::to_string(r).expect("a result serializes"),
            finding,
            text,
            not_done,
            sarif,
            rules,
            baseline: if r.finding.is_some() {
                r.counts.iter().map(|(k, n)| (k.clone(), *n)).collect()
            } else {
                Vec::new()
            },
        }
    }

    /// Sort order: root, key, arrival.
    pub fn order(&self) -> (&str, &str, u64) {
        (&self.root, &self.key, self.seq)
    }

    /// Approximate bytes held in memory.
    pub fn weight(&self) -> usize {
        let t = self.text.as_ref().map_or(0, |t| {
            t.path.len() + t.dets.iter().map(|d| 64 + d.first.len()).sum::<usize>()
        });
        256 + self.root.len()
            + self.key.len()
            + self.result_line.len()
            + self.finding.as_ref().map_or(0, String::len)
            + t
            + self
                .not_done
                .as_ref()
                .map_or(0, |n| n.detail.len() + n.path.len())
            + self.sarif.iter().map(String::len).sum::<usize>()
    }
}

/// The SARIF results of one object (compact JSON) and the rule ids they use.
fn sarif_results(r: &ObjectResult) -> (Vec<String>, Vec<String>) {
    use serde_json::json;
    let Some(f) = &r.finding else {
        return (Vec::new(), Vec::new());
    };
    let level = match f.severity.description {
        "High" => "error",
        "Medium" => "warning",
        _ => "note",
    };
    let dets = f
        .classification_details
        .result
        .sensitive_data
        .iter()
        .flat_map(|s| {
            s.detections
                .iter()
                .map(|d| (d.kind.clone(), &d.occurrences, d.count))
        });
    let cdis = f
        .classification_details
        .result
        .custom_data_identifiers
        .detections
        .iter()
        .map(|d| (d.name.clone(), &d.occurrences, d.count));
    let (mut out, mut rules) = (Vec::new(), Vec::new());
    for (kind, occ, count) in dets.chain(cdis) {
        let mut locs: Vec<serde_json::Value> = occ
            .line_ranges
            .iter()
            .map(|l| json!({"physicalLocation": {"artifactLocation": {"uri": r.meta.path}, "region": {"startLine": l.start, "endLine": l.end, "startColumn": l.start_column}}}))
            .collect();
        if locs.is_empty() {
            locs.push(json!({"physicalLocation": {"artifactLocation": {"uri": r.meta.path}}}));
        }
        for loc in locs {
            let v = json!({"ruleId": kind, "level": level, "message": {"text": format!("{kind}: {count} occurrence(s) in {}", r.meta.path)}, "locations": [loc]});
            out.push(v.to_string());
        }
        rules.push(kind);
    }
    (out, rules)
}

/// The SARIF rule of a type.
pub fn sarif_rule(kind: &str) -> serde_json::Value {
    serde_json::json!({"id": kind, "name": kind, "shortDescription": {"text": format!("Sensitive data: {kind}")}})
}

/// Where a detection was first seen, for the text summary.
pub fn first_location(o: &Occurrences) -> String {
    let m = |m: &Option<String>| m.as_ref().map(|x| format!("{x} ")).unwrap_or_default();
    if let Some(l) = o.line_ranges.first() {
        format!("{}line {}:{}", m(&l.member), l.start, l.start_column)
    } else if let Some(c) = o.cells.first() {
        format!(
            "{}row {} col {}{}",
            m(&c.member),
            c.row,
            c.column,
            c.column_name
                .as_ref()
                .map(|n| format!(" ({n})"))
                .unwrap_or_default()
        )
    } else if let Some(r) = o.records.first() {
        format!("{}record {} {}", m(&r.member), r.record_index, r.json_path)
    } else if let Some(p) = o.pages.first() {
        format!("{}page {}", m(&p.member), p.page_number)
    } else {
        String::new()
    }
}

/// Append compact JSON `compact` re-indented as `serde_json`'s pretty
/// printer writes it nested `depth` levels deep (two spaces a level; the
/// first line is not indented). Compact JSON has no whitespace outside
/// strings and no raw newline inside them, so this is exact.
pub fn pretty_at(compact: &str, depth: usize, out: &mut String) {
    let b = compact.as_bytes();
    let mut d = depth;
    let mut i = 0;
    let (mut in_str, mut esc) = (false, false);
    let nl = |out: &mut String, d: usize| {
        out.push('\n');
        for _ in 0..d {
            out.push_str("  ");
        }
    };
    let start = out.len();
    let mut run = 0; // start of the pending verbatim run
    while i < b.len() {
        let c = b[i];
        if in_str {
            if esc {
                esc = false;
            } else if c == b'\\' {
                esc = true;
            } else if c == b'"' {
                in_str = false;
            }
            i += 1;
            continue;
        }
        match c {
            b'"' => {
                in_str = true;
                i += 1;
                continue;
            }
            b'{' | b'[' | b'}' | b']' | b',' | b':' => {}
            _ => {
                i += 1;
                continue;
            }
        }
        out.push_str(&compact[run..i]);
        match c {
            b'{' | b'[' => {
                let close = if c == b'{' { b'}' } else { b']' };
                if b.get(i + 1) == Some(&close) {
                    out.push_str(&compact[i..i + 2]);
                    i += 2;
                    run = i;
                    continue;
                }
                out.push(c as char);
                d += 1;
                nl(out, d);
            }
            b'}' | b']' => {
                d = d.saturating_sub(1);
                nl(out, d);
                out.push(c as char);
            }
            b',' => {
                out.push(',');
                nl(out, d);
            }
            _ => out.push_str(": "),
        }
        i += 1;
        run = i;
    }
    out.push_str(&compact[run..]);
    debug_assert!(out.len() >= start);
}

/// `value` pretty-printed nested `depth` levels deep (see `pretty_at`).
pub fn pretty_value_at<T: Serialize + ?Sized>(value: &T, depth: usize) -> String {
    let mut out = String::new();
    pretty_at(
        &serde_json::to_string(value).expect("serializes"),
        depth,
        &mut out,
    );
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pretty_at_matches_serde_json_pretty() {
        let v = serde_json::json!({
            "a": [], "b": {}, "c": [1, {"x": "y,\"z\": [{}]", "e": []}, [2, 3]],
            "s": "colon: brace { bracket ] back\\slash \u{1F600}", "n": null, "t": true,
            "nested": {"deep": [[[]], [{}], {"k": [1.5, -2]}]}
        });
        let mut got = String::new();
        pretty_at(&v.to_string(), 0, &mut got);
        assert_eq!(got, serde_json::to_string_pretty(&v).unwrap());
        // nested two levels: the lines after the first are indented
        let doc = serde_json::json!({"list": [v.clone()]});
        let pretty = serde_json::to_string_pretty(&doc).unwrap();
        let mut inner = String::new();
        pretty_at(&v.to_string(), 2, &mut inner);
        assert!(pretty.contains(&inner), "{inner}");
        assert_eq!(pretty_value_at(&7, 3), "7");
        assert_eq!(pretty_value_at(&Vec::<u8>::new(), 1), "[]");
    }
}
