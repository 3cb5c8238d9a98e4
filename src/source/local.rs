//! Local files: a parallel directory walk (the `ignore` crate's walker, with
//! every ignore rule off — secrets hide in `.env` files that `.gitignore`
//! lists), include/exclude globs, a size limit, no symlinks unless asked.
//!
//! In: roots and options. Out: `LocalItem`s (files in scope, or entries that
//! could not be read) sent to a bounded channel; files excluded by criteria
//! are only counted.

use crossbeam_channel::Sender;
use globset::{Glob, GlobSet, GlobSetBuilder};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

/// Criteria for local scans.
#[derive(Debug, Clone, Default)]
pub struct LocalOptions {
    /// Only paths matching one of these globs (relative to the root).
    pub include: Option<GlobSet>,
    /// Skip paths matching one of these globs (relative to the root).
    pub exclude: Option<GlobSet>,
    /// Files larger than this are skipped with FILE_EXCEEDS_SIZE_LIMIT.
    pub max_file_size: Option<u64>,
    /// Follow symbolic links.
    pub follow_symlinks: bool,
    /// Walker threads.
    pub threads: usize,
}

/// Build a glob set; `**/` is implied for patterns without a slash so `*.csv`
/// matches at any depth.
pub fn globset(patterns: &[String]) -> Result<Option<GlobSet>, globset::Error> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut b = GlobSetBuilder::new();
    for p in patterns {
        b.add(Glob::new(p)?);
        if !p.contains('/') {
            b.add(Glob::new(&format!("**/{p}"))?);
        }
    }
    Ok(Some(b.build()?))
}

/// One entry of the walk.
#[derive(Debug)]
pub enum LocalItem {
    /// A regular file in scope.
    File {
        /// Index of its root.
        root: usize,
        /// Full path.
        path: PathBuf,
        /// Path relative to the root (the "key").
        key: String,
        /// Size.
        size: u64,
        /// Modification time, RFC 3339.
        modified: Option<String>,
    },
    /// An entry that could not be read (permission denied on a directory...).
    Error {
        /// Index of its root.
        root: usize,
        /// Path, if known.
        path: PathBuf,
        /// Key relative to the root.
        key: String,
        /// The error.
        message: String,
        /// Permission problem.
        denied: bool,
    },
    /// Seen but excluded by criteria (counted as listed, not in scope).
    OutOfScope {
        /// Index of its root.
        root: usize,
    },
}

fn rel_key(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    let s = rel.to_string_lossy().replace('\\', "/");
    if s.is_empty() {
        path.file_name()
            .map(|f| f.to_string_lossy().to_string())
            .unwrap_or_default()
    } else {
        s
    }
}

/// Walk `roots`, sending items to `tx` until done or `stop` is set.
/// Returns the number of entries visited.
pub fn walk(
    roots: &[PathBuf],
    opts: &LocalOptions,
    tx: &Sender<LocalItem>,
    stop: &AtomicBool,
) -> u64 {
    let visited = AtomicU64::new(0);
    for (ri, root) in roots.iter().enumerate() {
        if stop.load(Ordering::Relaxed) {
            break;
        }
        let base: PathBuf = if root.is_file() {
            root.parent().map(Path::to_path_buf).unwrap_or_default()
        } else {
            root.clone()
        };
        let walker = ignore::WalkBuilder::new(root)
            .standard_filters(false)
            .hidden(false)
            .follow_links(opts.follow_symlinks)
            .threads(opts.threads.max(1))
            .build_parallel();
        walker.run(|| {
            let tx = tx.clone();
            let base = base.clone();
            let visited = &visited;
            Box::new(move |entry| {
                if stop.load(Ordering::Relaxed) {
                    return ignore::WalkState::Quit;
                }
                visited.fetch_add(1, Ordering::Relaxed);
                let item = match entry {
                    Err(e) => {
                        let path = match &e {
                            ignore::Error::WithPath { path, .. } => path.clone(),
                            _ => base.clone(),
                        };
                        let denied = e
                            .io_error()
                            .is_some_and(|io| io.kind() == std::io::ErrorKind::PermissionDenied);
                        Some(LocalItem::Error {
                            root: ri,
                            key: rel_key(&base, &path),
                            path,
                            message: e.to_string(),
                            denied,
                        })
                    }
                    Ok(ent) => {
                        let ft = ent.file_type();
                        if ft.is_some_and(|t| t.is_dir()) || ft.is_some_and(|t| t.is_symlink()) {
                            // directories are walked; symlinks (when not followed) are not objects
                            None
                        } else if !ft.is_some_and(|t| t.is_file()) {
                            None // sockets, fifos, devices: never read
                        } else {
                            let path = ent.path().to_path_buf();
                            let key = rel_key(&base, &path);
                            let excluded = opts.exclude.as_ref().is_some_and(|g| g.is_match(&key))
                                || opts.include.as_ref().is_some_and(|g| !g.is_match(&key));
                            if excluded {
                                Some(LocalItem::OutOfScope { root: ri })
                            } else {
                                match ent.metadata() {
                                    Ok(md) => Some(LocalItem::File {
                                        root: ri,
                                        size: md.len(),
                                        modified: md.modified().ok().map(|t| {
                                            chrono::DateTime::<chrono::Utc>::from(t)
                                                .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
                                        }),
                                        path,
                                        key,
                                    }),
                                    Err(e) => Some(LocalItem::Error {
                                        root: ri,
                                        path,
                                        key,
                                        message: e.to_string(),
                                        denied: false,
                                    }),
                                }
                            }
                        }
                    }
                };
                if let Some(item) = item {
                    if tx.send(item).is_err() {
                        return ignore::WalkState::Quit;
                    }
                }
                ignore::WalkState::Continue
            })
        });
    }
    visited.load(Ordering::Relaxed)
}
