//! Users' custom data identifiers and allow lists, in Macie's terms.
//!
//! In: a custom-identifier file (JSON: an array of Macie
//! `CreateCustomDataIdentifier` bodies, camelCase; or TOML: `[[identifier]]`
//! tables with the same field names) and an allow-list file (one literal per
//! line, `re:` before a regex, `#` comments).
//! Out: `DetectorDef`s of category CUSTOM_IDENTIFIER and an `AllowList`.
//! Why: Macie's limits are enforced (regex ≤ 512 chars, ≤ 50 keywords of 3–90
//! chars, ≤ 10 ignore words of 4–90 chars, distance 1–300, ≤ 3 ascending
//! severity levels) so a file that works here works in Macie and back; every
//! error names the file, the line and the problem.

use super::catalog::{line_of, CatalogError, Category, DetectorDef, SeverityLevel};
use super::engine::parse_hir;
use super::AllowList;
use serde::Deserialize;

#[derive(Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct CustomDef {
    name: String,
    #[serde(default)]
    description: String,
    regex: String,
    #[serde(default)]
    keywords: Vec<String>,
    #[serde(default = "default_distance")]
    maximum_match_distance: usize,
    #[serde(default)]
    ignore_words: Vec<String>,
    #[serde(default)]
    severity_levels: Vec<SeverityLevel>,
    #[serde(default)]
    tags: Option<serde_json::Value>,
    #[serde(default)]
    examples: Vec<String>,
    #[serde(default)]
    negative_examples: Vec<String>,
}

fn default_distance() -> usize {
    50
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TomlFile {
    identifier: Vec<CustomDef>,
}

fn err(file: &str, line: usize, message: impl Into<String>) -> CatalogError {
    CatalogError {
        file: file.to_string(),
        line,
        message: message.into(),
    }
}

/// Parse custom identifiers from a file's text (`file` names it in errors).
pub fn parse_custom(file: &str, text: &str) -> Result<Vec<DetectorDef>, CatalogError> {
    let defs: Vec<CustomDef> =
        if text.trim_start().starts_with('[') && !text.trim_start().starts_with("[[") {
            serde_json::from_str(text).map_err(|e| err(file, e.line(), e.to_string()))?
        } else {
            let t: TomlFile = toml::from_str(text).map_err(|e| {
                err(
                    file,
                    e.span().map(|s| line_of(text, s.start)).unwrap_or(0),
                    e.message(),
                )
            })?;
            t.identifier
        };
    let mut out = Vec::new();
    for d in defs {
        let _ = &d.tags;
        let line = text.find(&d.name).map(|o| line_of(text, o)).unwrap_or(0);
        let e = |m: String| err(file, line, format!("custom identifier {:?}: {m}", d.name));
        if d.name.is_empty() || d.name.len() > 128 {
            return Err(e("name must be 1–128 characters".into()));
        }
        if d.regex.is_empty() || d.regex.len() > 512 {
            return Err(e("regex must be 1–512 characters".into()));
        }
        let hir = parse_hir(&d.regex).map_err(|m| e(format!("bad regex: {m}")))?;
        if hir.properties().explicit_captures_len() > 0 {
            return Err(e(
                "capturing groups are not supported (Macie rejects them); use (?:...)".into(),
            ));
        }
        if d.keywords.len() > 50
            || d.keywords
                .iter()
                .any(|k| !(3..=90).contains(&k.chars().count()))
        {
            return Err(e("at most 50 keywords, each 3–90 characters".into()));
        }
        if d.ignore_words.len() > 10
            || d.ignore_words
                .iter()
                .any(|k| !(4..=90).contains(&k.chars().count()))
        {
            return Err(e("at most 10 ignore words, each 4–90 characters".into()));
        }
        if !(1..=300).contains(&d.maximum_match_distance) {
            return Err(e("maximumMatchDistance must be 1–300".into()));
        }
        if d.severity_levels.len() > 3
            || d.severity_levels.windows(2).any(|w| {
                w[0].occurrences_threshold >= w[1].occurrences_threshold
                    || w[0].severity >= w[1].severity
            })
        {
            return Err(e("severityLevels: at most 3, thresholds and severities ascending (LOW < MEDIUM < HIGH)".into()));
        }
        out.push(DetectorDef {
            id: d.name.clone(),
            name: d.name.clone(),
            category: Category::CustomIdentifier,
            kind: None,
            countries: vec![],
            regex: Some(d.regex),
            validator: None,
            keyword_required: !d.keywords.is_empty(),
            keyword_nearest: false,
            keywords: d.keywords,
            keyword_distance: d.maximum_match_distance,
            ignore_words: d.ignore_words,
            exclude_values: vec![],
            severity: None,
            severity_levels: d.severity_levels,
            recommended: true,
            macie: false,
            prefilter: None,
            reject_context: vec![],
            not_a_keyword: false,
            window_anchor: None,
            patterns: vec![],
            description: d.description,
            examples: d.examples,
            negative_examples: d.negative_examples,
        });
    }
    Ok(out)
}

/// Load custom identifiers from a path.
pub fn load_custom(path: &std::path::Path) -> Result<Vec<DetectorDef>, CatalogError> {
    let file = path.display().to_string();
    let text =
        std::fs::read_to_string(path).map_err(|e| err(&file, 0, format!("cannot read: {e}")))?;
    parse_custom(&file, &text)
}

/// Parse an allow list: a literal per line (case-insensitive, whole value,
/// 1–90 characters), `re:PATTERN` for a regex the whole value must match,
/// `#` comments and blank lines skipped.
pub fn parse_allow_list(
    file: &str,
    text: &str,
) -> Result<(Vec<String>, Vec<String>), CatalogError> {
    let (mut lits, mut res) = (Vec::new(), Vec::new());
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if l.is_empty() || l.starts_with('#') {
            continue;
        }
        if let Some(r) = l.strip_prefix("re:") {
            if r.len() > 512 {
                return Err(err(file, i + 1, "regex longer than 512 characters"));
            }
            parse_hir(r).map_err(|m| err(file, i + 1, format!("bad regex: {m}")))?;
            res.push(r.to_string());
        } else {
            if l.chars().count() > 90 {
                return Err(err(
                    file,
                    i + 1,
                    "entry longer than 90 characters (Macie's limit); use re: for patterns",
                ));
            }
            lits.push(l.to_string());
        }
    }
    Ok((lits, res))
}

/// Load allow lists from paths into one `AllowList`.
pub fn load_allow_lists(paths: &[std::path::PathBuf]) -> Result<AllowList, CatalogError> {
    let (mut lits, mut res) = (Vec::new(), Vec::new());
    for p in paths {
        let file = p.display().to_string();
        let text =
            std::fs::read_to_string(p).map_err(|e| err(&file, 0, format!("cannot read: {e}")))?;
        let (l, r) = parse_allow_list(&file, &text)?;
        lits.extend(l);
        res.extend(r);
    }
    AllowList::new(&lits, &res).map_err(|m| err("allow list", 0, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn custom_json_and_errors() {
        let j = r#"[{"name":"EmployeeId","regex":"EMP-[0-9]{6}","keywords":["employee"],"maximumMatchDistance":20,
                    "severityLevels":[{"occurrencesThreshold":1,"severity":"LOW"},{"occurrencesThreshold":10,"severity":"HIGH"}]}]"#;
        let d = parse_custom("c.json", j).unwrap();
        assert_eq!(d[0].keyword_distance, 20);
        assert!(d[0].keyword_required);
        let bad = "[[identifier]]\nname = \"x\"\nregex = \"EMP-(\"\n";
        let e = parse_custom("c.toml", bad).unwrap_err().to_string();
        assert!(e.starts_with("c.toml:2:"), "{e}");
        assert!(e.contains("bad regex"), "{e}");
        let e = parse_custom(
            "c.toml",
            "[[identifier]]\nname = \"x\"\nregex = \"a\"\nmaximumMatchDistance = 400\n",
        )
        .unwrap_err();
        assert!(e.to_string().contains("1–300"));
    }

    #[test]
    fn allow_list() {
        let (l, r) = parse_allow_list("a.txt", "# comment\nJohn Doe\n\nre:EMP-0+\n").unwrap();
        let a = AllowList::new(&l, &r).unwrap();
        assert!(a.allows(b"john doe"));
        assert!(a.allows(b"EMP-0000"));
        assert!(!a.allows(b"EMP-0001"));
        let e = parse_allow_list("a.txt", "ok\nre:(\n").unwrap_err();
        assert_eq!(e.line, 2);
    }
}
