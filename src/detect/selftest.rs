//! Detectors prove themselves: every example must be found by its detector
//! and no negative example may be, through the *full* engine (so a
//! Luhn-failing number is rejected by the validator, not only by the regex).
//! Used by the library test and by `piiscan detectors check`.

use super::engine::{Engine, Match};

/// One failed example.
#[derive(Debug, Clone)]
pub struct ExampleFailure {
    /// Detector id.
    pub id: String,
    /// The example text.
    pub text: String,
    /// True for a positive example that was missed, false for a negative one that fired.
    pub positive: bool,
}

/// Run every example and negative example of every detector in `engine`.
pub fn check_examples(engine: &Engine) -> Vec<ExampleFailure> {
    let mut sc = engine.scanner();
    let mut out: Vec<Match> = Vec::new();
    let mut fails = Vec::new();
    for (di, d) in engine.detectors.iter().enumerate() {
        for (texts, positive) in [(&d.def.examples, true), (&d.def.negative_examples, false)] {
            for t in texts {
                out.clear();
                sc.scan(t.as_bytes(), 0..t.len(), &[], &mut out);
                let fired = out.iter().any(|m| m.detector as usize == di);
                if fired != positive {
                    fails.push(ExampleFailure {
                        id: d.def.id.clone(),
                        text: t.clone(),
                        positive,
                    });
                }
            }
        }
    }
    fails
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::{build_engine, AllowList, Selection};

    #[test]
    fn every_detector_example() {
        let engine = build_engine(&Selection::All, &[], vec![], AllowList::default())
            .expect("catalog compiles");
        let fails = check_examples(&engine);
        let report: Vec<String> = fails
            .iter()
            .map(|f| {
                format!(
                    "{} {}: {:?}",
                    f.id,
                    if f.positive {
                        "MISSED example"
                    } else {
                        "FIRED on negative"
                    },
                    f.text
                )
            })
            .collect();
        assert!(
            fails.is_empty(),
            "{} example failures:\n{}",
            fails.len(),
            report.join("\n")
        );
    }

    #[test]
    fn catalog_shape() {
        let all = crate::detect::catalog::builtin().unwrap();
        assert!(all.len() >= 40, "catalog has {} detectors", all.len());
        for d in &all {
            assert!(
                d.id.chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || "_()".contains(c)),
                "id {}",
                d.id
            );
        }
    }
}
