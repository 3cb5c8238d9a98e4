//! Streams that a format must read with random access (zip, PDF, Parquet).
//!
//! In: a reader. Out: the whole content as a byte slice — in memory up to
//! `Limits::max_in_memory`, beyond that written to a temporary file (created
//! exclusively, removed on drop) and memory-mapped, up to
//! `Limits::max_member_bytes`; larger is `FILE_EXCEEDS_SIZE_LIMIT`.
//! Why: those formats keep their index at the end of the file, so a stream
//! has to land somewhere; a map keeps resident memory to the pages touched.

use super::{ExtractError, LimitHit, Limits};
use std::io::{self, Read, Write};
use std::sync::atomic::{AtomicU64, Ordering};

/// Content read up to a cap.
pub enum Capped<'r> {
    /// Everything (it fitted).
    Whole(Vec<u8>),
    /// The head read so far chained with the rest of the stream.
    Partial(io::Chain<io::Cursor<Vec<u8>>, &'r mut dyn Read>),
}

/// Read `r` whole if it has at most `cap` bytes.
pub fn read_capped(r: &mut dyn Read, cap: u64) -> io::Result<Capped<'_>> {
    let mut v = Vec::new();
    (&mut *r).take(cap + 1).read_to_end(&mut v)?;
    if v.len() as u64 <= cap {
        Ok(Capped::Whole(v))
    } else {
        Ok(Capped::Partial(io::Cursor::new(v).chain(r)))
    }
}

/// A materialized stream.
pub enum Materialized {
    /// In memory.
    Mem(Vec<u8>),
    /// In a temporary file, mapped.
    Mapped(memmap2::Mmap, TempFile),
}

impl Materialized {
    /// The content.
    pub fn bytes(&self) -> &[u8] {
        match self {
            Materialized::Mem(v) => v,
            Materialized::Mapped(m, _) => m,
        }
    }
}

/// A temporary file removed when dropped.
pub struct TempFile {
    path: std::path::PathBuf,
}

impl TempFile {
    /// Open the file for reading.
    pub fn open(&self) -> std::io::Result<std::fs::File> {
        std::fs::File::open(&self.path)
    }

    /// Where it is.
    pub fn path(&self) -> &std::path::Path {
        &self.path
    }
}

/// A new temporary file (`<tmp>/<prefix>-<pid>-<n>`, created exclusively,
/// read-write), removed when the `TempFile` is dropped.
pub fn temp_file(prefix: &str) -> io::Result<(std::fs::File, TempFile)> {
    let path = std::env::temp_dir().join(format!(
        "{prefix}-{}-{}",
        std::process::id(),
        SEQ.fetch_add(1, Ordering::Relaxed)
    ));
    let file = std::fs::OpenOptions::new()
        .read(true)
        .write(true)
        .create_new(true)
        .open(&path)?;
    Ok((file, TempFile { path }))
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

static SEQ: AtomicU64 = AtomicU64::new(0);

/// Read `r` into memory or a mapped temporary file (see the module doc).
pub fn materialize(r: &mut dyn Read, limits: &Limits) -> Result<Materialized, ExtractError> {
    let head = match read_capped(r, limits.max_in_memory)? {
        Capped::Whole(v) => return Ok(Materialized::Mem(v)),
        Capped::Partial(c) => c,
    };
    let (mut file, tmp) = temp_file("piiscan-spill")?;
    let mut capped = head.take(limits.max_member_bytes + 1);
    let n = io::copy(&mut capped, &mut file)?;
    if n > limits.max_member_bytes {
        return Err(ExtractError::Limit(LimitHit {
            reason: "FILE_EXCEEDS_SIZE_LIMIT",
            detail: format!(
                "needs random access and is larger than {} bytes",
                limits.max_member_bytes
            ),
            fatal: false,
        }));
    }
    file.flush()?;
    // SAFETY: the file is ours (created exclusively), private to this
    // function's caller, and not truncated while the map lives.
    let map = unsafe { memmap2::Mmap::map(&file) }?;
    Ok(Materialized::Mapped(map, tmp))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_stays_in_memory_large_spills_and_is_removed() {
        let limits = Limits {
            max_in_memory: 10,
            ..Limits::default()
        };
        let data = b"0123456789abcdef".to_vec();
        let m = materialize(&mut &data[..8], &limits).unwrap();
        assert!(matches!(m, Materialized::Mem(_)));
        let m = materialize(&mut &data[..], &limits).unwrap();
        assert_eq!(m.bytes(), &data[..]);
        let Materialized::Mapped(_, t) = &m else {
            panic!("expected a spill")
        };
        let p = t.path.clone();
        assert!(p.exists());
        drop(m);
        assert!(!p.exists());
        let tiny = Limits {
            max_in_memory: 4,
            max_member_bytes: 8,
            ..Limits::default()
        };
        assert!(materialize(&mut &data[..], &tiny).is_err());
    }
}
