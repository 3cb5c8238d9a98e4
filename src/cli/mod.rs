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

/// `--color auto|always|never`: auto colours only a terminal stdout, when no
/// `--output` file is given and `NO_COLOR` is unset.
pub fn use_color(setting: &str, to_file: bool) -> bool {
    use std::io::IsTerminal;
    match setting {
        "always" => true,
        "never" => false,
        _ => !to_file && std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    }
}

/// Write a report to `--output FILE` (never coloured) or to stdout.
pub fn write_output(
    output: Option<&std::path::Path>,
    color: bool,
    write: impl FnOnce(&mut dyn std::io::Write, bool) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    use anyhow::Context;
    use std::io::Write;
    match output {
        Some(p) => {
            let mut f = std::io::BufWriter::new(
                std::fs::File::create(p)
                    .with_context(|| format!("cannot write --output {}", p.display()))?,
            );
            write(&mut f, false)?;
            f.flush()?;
        }
        None => {
            let out = std::io::stdout();
            let mut lock = out.lock();
            write(&mut lock, color)?;
            lock.flush()?;
        }
    }
    Ok(())
}
