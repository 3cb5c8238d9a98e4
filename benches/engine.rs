//! Engine and end-to-end throughput on generated mixed text (logs, CSV, JSON
//! Lines, prose, code with sensitive values sprinkled in).
//!
//! `cargo bench --bench engine` — criterion reports bytes/second; the engine
//! benches run on one thread, so the figure is MB/s per core. The end-to-end
//! bench scans a directory of generated files with one worker thread.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use piiscan::detect::{build_engine, AllowList, Selection};
use std::sync::atomic::AtomicBool;

const SIZE: u64 = 16 << 20;

fn engine(c: &mut Criterion) {
    let data = piiscan::benchdata::generate_vec(SIZE, 42);
    let mut g = c.benchmark_group("engine");
    g.throughput(Throughput::Bytes(data.len() as u64));
    g.sample_size(10);
    for (name, sel) in [
        ("all", Selection::All),
        ("recommended", Selection::Recommended),
    ] {
        let engine = build_engine(&sel, &[], vec![], AllowList::default()).unwrap();
        let mut sc = engine.scanner();
        let mut out = Vec::new();
        g.bench_function(
            format!("{name} ({} detectors)", engine.detectors.len()),
            |b| {
                b.iter(|| {
                    // chunked as the text extractor does (1 MiB windows)
                    let mut n = 0;
                    for start in (0..data.len()).step_by(1 << 20) {
                        let end = (start + (1 << 20)).min(data.len());
                        out.clear();
                        sc.scan(&data[start..end], 0..end - start, &[], &mut out);
                        n += out.len();
                    }
                    n
                })
            },
        );
    }
    g.finish();
}

fn end_to_end(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..16 {
        std::fs::write(
            dir.path().join(format!("f{i}.log")),
            piiscan::benchdata::generate_vec(2 << 20, i),
        )
        .unwrap();
    }
    let engine = build_engine(&Selection::Recommended, &[], vec![], AllowList::default()).unwrap();
    let opts = piiscan::scan::ScanOptions {
        limits: Default::default(),
        findings: Default::default(),
        threads: 1,
        sort_records: piiscan::findings::store::MAX_RECORDS,
    };
    let roots = vec![dir.path().to_path_buf()];
    let mut g = c.benchmark_group("scan_local");
    g.throughput(Throughput::Bytes(16 * (2 << 20)));
    g.sample_size(10);
    g.bench_function("32 MiB in 16 files, 1 thread, recommended", |b| {
        b.iter(|| {
            let p = piiscan::scan::Progress::default();
            let stop = AtomicBool::new(false);
            piiscan::scan::scan_local(&engine, &roots, &Default::default(), &opts, &p, &stop)
                .results
                .len()
        })
    });
    g.finish();
}

criterion_group!(benches, engine, end_to_end);
criterion_main!(benches);
