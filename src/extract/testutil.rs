//! Test helpers for the extractors: an engine with the built-in catalog plus
//! a keyword-required custom identifier (`EmpId`, `EMP-[0-9]{6}`, keyword
//! `employee`), and a harness that runs an extractor and returns every
//! location found, in order, per kind.

use super::{Budget, Ctx, Input, Limits};
use crate::detect::{build_engine, custom::parse_custom, AllowList, Engine, Selection};
use crate::findings::model::Location;
use crate::findings::{FindingOptions, ObjectCollector, ObjectMeta, ObjectResult};

/// A line the built-in AWS_CREDENTIALS detector reports.
pub const AWS_LINE: &str = "aws_secret_access_key = k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt";
/// The secret alone (needs a keyword or a keyword-bearing context).
pub const AWS_SECRET: &str = "k3Hq9+TbZ2mN8vLp4xWc7rYd1sFg6jAe0uIo5nBt";

/// Engine plus options for extractor tests.
pub struct Harness {
    /// The engine.
    pub engine: Engine,
    /// Finding options (occurrence cap raised so tests see everything).
    pub opts: FindingOptions,
}

impl Harness {
    /// Built-in detectors plus `EmpId`, built once and shared by every test
    /// (compiling the catalog is the slow part of a test).
    #[allow(clippy::new_ret_no_self)]
    pub fn new() -> &'static Harness {
        static H: std::sync::OnceLock<Harness> = std::sync::OnceLock::new();
        H.get_or_init(Harness::build)
    }

    fn build() -> Harness {
        let custom = parse_custom(
            "test.json",
            r#"[{"name":"EmpId","regex":"EMP-[0-9]{6}","keywords":["employee"]}]"#,
        )
        .expect("custom identifier");
        let engine =
            build_engine(&Selection::All, &[], custom, AllowList::default()).expect("engine");
        Harness {
            engine,
            opts: FindingOptions {
                max_occurrences: 100_000,
                ..FindingOptions::default()
            },
        }
    }

    /// Run `f` with a fresh context (chunk size `chunk`), return locations.
    pub fn run_with(&self, chunk: usize, f: impl FnOnce(&mut Ctx<'_, '_, '_>)) -> Vec<Location> {
        let limits = Limits {
            chunk_size: chunk,
            ..Limits::default()
        };
        let r = self.result_with(&limits, f);
        locations(&r)
    }

    /// Run `f` with the given limits and return the object's result.
    pub fn result_with(
        &self,
        limits: &Limits,
        f: impl FnOnce(&mut Ctx<'_, '_, '_>),
    ) -> ObjectResult {
        let mut scanner = self.engine.scanner();
        let mut out = ObjectCollector::new(&self.opts);
        let mut budget = Budget::default();
        {
            let mut ctx = Ctx {
                scanner: &mut scanner,
                out: &mut out,
                limits,
                budget: &mut budget,
                depth: 0,
                member: None,
            };
            f(&mut ctx);
        }
        out.finish(
            &self.engine,
            ObjectMeta {
                key: "test".into(),
                ..Default::default()
            },
        )
    }

    /// Run the dispatcher on in-memory bytes named `name`.
    pub fn extract(&self, name: &str, bytes: &[u8]) -> ObjectResult {
        self.extract_limits(name, bytes, &Limits::default())
    }

    /// Run the dispatcher with limits.
    pub fn extract_limits(&self, name: &str, bytes: &[u8], limits: &Limits) -> ObjectResult {
        self.result_with(limits, |ctx| {
            if let Err(e) = super::extract(ctx, name, Input::Bytes(bytes)) {
                ctx.out.fail(e.reason(), e.to_string());
            }
        })
    }

    /// Run the dispatcher on random-access content.
    pub fn extract_random(
        &self,
        name: &str,
        src: std::sync::Arc<dyn super::random::RandomAccess>,
        limits: &Limits,
    ) -> ObjectResult {
        self.result_with(limits, |ctx| {
            if let Err(e) = super::extract(ctx, name, Input::Random(src)) {
                ctx.out.fail(e.reason(), e.to_string());
            }
        })
    }

    /// Run the dispatcher on a reader.
    pub fn extract_reader(
        &self,
        name: &str,
        r: &mut dyn std::io::Read,
        limits: &Limits,
    ) -> ObjectResult {
        self.result_with(limits, |ctx| {
            if let Err(e) = super::extract(ctx, name, Input::Reader(r)) {
                ctx.out.fail(e.reason(), e.to_string());
            }
        })
    }
}

/// Every location in a result's finding (text, cells, records, pages), with
/// the detector id, in per-kind order.
pub fn located(r: &ObjectResult) -> Vec<(String, Location)> {
    let mut v = Vec::new();
    let Some(f) = &r.finding else { return v };
    let res = &f.classification_details.result;
    let mut push = |id: &str, o: &crate::findings::model::Occurrences| {
        for (l, off) in o.line_ranges.iter().zip(&o.offset_ranges) {
            v.push((id.to_string(), Location::Text(l.clone(), off.clone())));
        }
        for c in &o.cells {
            v.push((id.to_string(), Location::Cell(c.clone())));
        }
        for x in &o.records {
            v.push((id.to_string(), Location::Record(x.clone())));
        }
        for p in &o.pages {
            v.push((id.to_string(), Location::Page(p.clone())));
        }
    };
    for sd in &res.sensitive_data {
        for d in &sd.detections {
            push(&d.kind, &d.occurrences);
        }
    }
    for d in &res.custom_data_identifiers.detections {
        push(&d.name, &d.occurrences);
    }
    v
}

/// Locations only.
pub fn locations(r: &ObjectResult) -> Vec<Location> {
    located(r).into_iter().map(|(_, l)| l).collect()
}

/// A reader that hands out at most `n` bytes per call (boundary tests).
pub struct Trickle<'a> {
    /// Remaining data.
    pub data: &'a [u8],
    /// Bytes per read.
    pub n: usize,
}

impl std::io::Read for Trickle<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let k = self.n.min(buf.len()).min(self.data.len());
        buf[..k].copy_from_slice(&self.data[..k]);
        self.data = &self.data[k..];
        Ok(k)
    }
}
