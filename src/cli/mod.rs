//! Command implementations for the binary.
pub mod args;
pub mod buckets_cmd;
pub mod detectors_cmd;
pub mod engine_setup;
pub mod progress;
pub mod scan_cmd;

/// `piiscan bench-data`: write `files` files totalling `size` into `dir`.
pub fn bench_data(dir: &std::path::Path, size: &str, files: u64) -> anyhow::Result<u8> {
    let total = piiscan::util::parse_size(size).map_err(anyhow::Error::msg)?;
    std::fs::create_dir_all(dir)?;
    let files = files.max(1);
    for i in 0..files {
        let mut f =
            std::io::BufWriter::new(std::fs::File::create(dir.join(format!("data-{i:04}.log")))?);
        piiscan::benchdata::generate(&mut f, total / files, i + 1)?;
        std::io::Write::flush(&mut f)?;
    }
    println!(
        "wrote {} in {files} files to {}",
        piiscan::findings::output::human_bytes(total),
        dir.display()
    );
    Ok(0)
}
