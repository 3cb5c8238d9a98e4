//! The catalog against Amazon Macie's list of managed data identifier ids
//! (tests/data/macie-managed-identifier-ids.txt, copied from Macie's public
//! documentation): every id is present under Macie's exact id, every detector
//! that claims to be a Macie id is one, and each carries at least three
//! examples and three negative examples. Also keeps detectors/README.md in
//! step with the catalog.

use piiscan::detect::catalog;
use std::collections::BTreeSet;

#[test]
fn every_macie_id_is_present_with_examples() {
    let ids: BTreeSet<String> = include_str!("data/macie-managed-identifier-ids.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect();
    let all = catalog::builtin().unwrap();
    let ours: BTreeSet<String> = all
        .iter()
        .filter(|d| d.macie)
        .map(|d| d.id.clone())
        .collect();
    let missing: Vec<_> = ids.difference(&ours).collect();
    let bogus: Vec<_> = ours.difference(&ids).collect();
    println!(
        "Macie ids: {}; ours marked Macie: {}; total detectors: {}",
        ids.len(),
        ours.len(),
        all.len()
    );
    assert!(
        missing.is_empty(),
        "{} Macie ids missing: {missing:?}",
        missing.len()
    );
    assert!(
        bogus.is_empty(),
        "marked macie = true but not a Macie id: {bogus:?}"
    );
    let thin: Vec<String> = all
        .iter()
        .filter(|d| d.examples.len() < 3 || d.negative_examples.len() < 3)
        .map(|d| {
            format!(
                "{} ({}+/{}-)",
                d.id,
                d.examples.len(),
                d.negative_examples.len()
            )
        })
        .collect();
    assert!(
        thin.is_empty(),
        "detectors with fewer than 3 examples or negative examples: {thin:?}"
    );
}

#[test]
fn detectors_readme_is_current() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_piiscan"))
        .args(["detectors", "list", "--format", "markdown"])
        .output()
        .unwrap();
    let table = String::from_utf8(out.stdout).unwrap();
    let readme =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/detectors/README.md"))
            .unwrap();
    assert!(
        readme.contains(&table),
        "detectors/README.md is out of date; regenerate the table with `piiscan detectors list --format markdown` (see the file's header)"
    );
}
