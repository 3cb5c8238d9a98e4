//! A progress bar on stderr while a scan runs, only when stderr is a terminal.

use indicatif::{ProgressBar, ProgressStyle};
use piiscan::findings::output::human_bytes;
use piiscan::scan::Progress;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// Draw progress from `p` until `done` is set.
pub fn spawn<'a>(
    s: &'a std::thread::Scope<'a, '_>,
    p: &'a Progress,
    done: &'a AtomicBool,
    enabled: bool,
) {
    if !enabled || !std::io::stderr().is_terminal() {
        return;
    }
    s.spawn(move || {
        let bar = ProgressBar::new_spinner();
        bar.set_style(ProgressStyle::with_template("{spinner} {elapsed_precise} {msg}").unwrap());
        let start = std::time::Instant::now();
        while !done.load(Ordering::Relaxed) {
            let objs = p.objects.load(Ordering::Relaxed);
            let bytes = p.bytes.load(Ordering::Relaxed);
            let secs = start.elapsed().as_secs_f64().max(0.001);
            let listing = if p.listing_done.load(Ordering::Relaxed) {
                ""
            } else {
                " (listing…)"
            };
            bar.set_message(format!(
                "{objs} objects, {} ({}/s), {} with findings{listing}",
                human_bytes(bytes),
                human_bytes((bytes as f64 / secs) as u64),
                p.with_findings.load(Ordering::Relaxed)
            ));
            bar.tick();
            std::thread::sleep(Duration::from_millis(120));
        }
        bar.finish_and_clear();
    });
}
