//! Temporary: print the context of misses and false positives of one
//! detector in the exact corpus (run with --ignored, DBG_ID=<id>).
use super::super::gen::*;
use piiscan::detect::{build_engine, AllowList, Selection};

#[test]
#[ignore]
fn debug_misses() {
    let want = std::env::var("DBG_ID").unwrap_or_default();
    let engine = build_engine(&Selection::All, &[], vec![], AllowList::default()).unwrap();
    let mut rng = Rng(0x9E3779B97F4A7C15);
    for _doc in 0..crate::DOCS {
        let mut text = String::new();
        let mut spans: Vec<(usize, usize, &'static [&'static str])> = Vec::new();
        let mut plants = Vec::new();
        let mut decs = Vec::new();
        for (_, pos, dec) in crate::PARTS {
            plants.extend(pos(&mut rng));
            decs.extend(dec(&mut rng));
        }
        let mut items: Vec<Result<Plant, String>> = plants
            .drain(..)
            .map(Ok)
            .chain(decs.into_iter().map(Err))
            .collect();
        for i in (1..items.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
        for it in items {
            for _ in 0..1 + rng.below(3) {
                text.push_str(*rng.pick(crate::FILLER));
                text.push('\n');
            }
            match it {
                Ok(p) => {
                    let at = text.len() + p.text.find(&p.value).expect("value inside text");
                    spans.push((at, at + p.value.len(), p.labels));
                    text.push_str(&p.text);
                }
                Err(d) => text.push_str(&d),
            }
            text.push('\n');
        }
        let out = crate::scan(&engine, &text);
        let b = |i: usize| text.floor_char_boundary(i);
        for &(s, e, labels) in &spans {
            if labels[0] != want {
                continue;
            }
            if !out.iter().any(|m| {
                engine.detectors[m.detector as usize].def.id == want && m.start < e && m.end > s
            }) {
                println!("MISS {:?}", &text[b(s.saturating_sub(100))..b(e + 40)]);
            }
        }
        for m in &out {
            let id = &engine.detectors[m.detector as usize].def.id;
            if *id != want {
                continue;
            }
            if !spans
                .iter()
                .any(|&(s, e, l)| l.contains(&id.as_str()) && m.start < e && m.end > s)
            {
                println!(
                    "FP {:?} <<{}>>",
                    &text[b(m.start.saturating_sub(100))..m.start],
                    &text[m.start..m.end]
                );
            }
        }
    }
}
