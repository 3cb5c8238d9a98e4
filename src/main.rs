//! The `piiscan` command: parses the command line, calls the library, prints,
//! and decides the exit code (nowhere else does).

mod cli;

use clap::Parser;
use cli::args::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { 3 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let res = match cli.cmd {
        Command::Scan(a) => cli::scan_cmd::run(a),
        Command::Buckets(a) => cli::buckets_cmd::run(a),
        Command::Detectors(d) => cli::detectors_cmd::run(d),
        Command::BenchData { dir, size, files } => cli::bench_data(&dir, &size, files),
    };
    match res {
        Ok(code) => ExitCode::from(code),
        Err(e)
            if e.chain().any(|c| {
                c.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) =>
        {
            // the reader went away (`piiscan scan . | head`): stop quietly
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("piiscan: error: {e:#}");
            ExitCode::from(3)
        }
    }
}
