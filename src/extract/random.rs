//! Random-access inputs: content that can be read at any offset without
//! being held whole (an S3 object read by ranged GETs, a file).
//!
//! In: anything implementing `RandomAccess` (`len` and positioned
//! `read_at`, like `pread`). Out: the adapters the format libraries want —
//! `Cursor` (`Read + Seek`, for `zip::ZipArchive` and sequential fallbacks)
//! and `Chunks` (parquet's `ChunkReader`).
//! Why: zip keeps its central directory and Parquet its footer at the end;
//! with random access only the index and the parts actually extracted are
//! read, instead of the whole object being downloaded and spilled to disk.
//! The trait takes `&self` and is `Send + Sync` because parquet's reader
//! requires both (and `'static`, hence `Arc`); implementations that need
//! state (a cache) lock it inside.

use std::io::{self, Read, Seek, SeekFrom};
use std::sync::Arc;

/// Content readable at any offset.
pub trait RandomAccess: Send + Sync {
    /// Length in bytes.
    fn len(&self) -> u64;
    /// Whether the content is empty.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Read up to `buf.len()` bytes at `offset`; 0 only at or past the end.
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize>;
    /// Why the source failed, once it has: every later read fails the same
    /// way, so extractors stop instead of trying each part.
    fn failure(&self) -> Option<String> {
        None
    }
}

/// Fill `buf` from `offset`; `UnexpectedEof` when the content ends first.
pub fn read_exact_at(
    src: &dyn RandomAccess,
    mut offset: u64,
    mut buf: &mut [u8],
) -> io::Result<()> {
    while !buf.is_empty() {
        let n = src.read_at(offset, buf)?;
        if n == 0 {
            return Err(io::Error::new(
                io::ErrorKind::UnexpectedEof,
                format!("content ends before offset {offset}"),
            ));
        }
        offset += n as u64;
        buf = &mut buf[n..];
    }
    Ok(())
}

/// In-memory content (tests, and small inputs that must look random-access).
impl RandomAccess for Vec<u8> {
    fn len(&self) -> u64 {
        self.as_slice().len() as u64
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        let Some(rest) = usize::try_from(offset).ok().and_then(|o| self.get(o..)) else {
            return Ok(0);
        };
        let n = rest.len().min(buf.len());
        buf[..n].copy_from_slice(&rest[..n]);
        Ok(n)
    }
}

/// A local file read by positioned reads (`pread`): large local zip and
/// Parquet files are read in place instead of being copied to a spill file.
#[cfg(unix)]
pub struct LocalFile {
    file: std::fs::File,
    len: u64,
}

#[cfg(unix)]
impl LocalFile {
    /// `file`, whose length is `len`.
    pub fn new(file: std::fs::File, len: u64) -> LocalFile {
        LocalFile { file, len }
    }
}

#[cfg(unix)]
impl RandomAccess for LocalFile {
    fn len(&self) -> u64 {
        self.len
    }
    fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
        use std::os::unix::fs::FileExt;
        if offset >= self.len {
            return Ok(0);
        }
        let n = buf
            .len()
            .min((self.len - offset).min(usize::MAX as u64) as usize);
        self.file.read_at(&mut buf[..n], offset)
    }
}

/// `Read + Seek` over a `RandomAccess` (its own position; clones share the
/// content, not the position).
#[derive(Clone)]
pub struct Cursor {
    src: Arc<dyn RandomAccess>,
    pos: u64,
}

impl Cursor {
    /// A cursor at offset 0.
    pub fn new(src: Arc<dyn RandomAccess>) -> Cursor {
        Cursor { src, pos: 0 }
    }

    /// A cursor at `pos`.
    pub fn at(src: Arc<dyn RandomAccess>, pos: u64) -> Cursor {
        Cursor { src, pos }
    }

    /// Content length.
    pub fn len(&self) -> u64 {
        self.src.len()
    }

    /// Whether the content is empty.
    pub fn is_empty(&self) -> bool {
        self.src.is_empty()
    }
}

impl Read for Cursor {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if buf.is_empty() || self.pos >= self.src.len() {
            return Ok(0);
        }
        let n = self.src.read_at(self.pos, buf)?;
        self.pos += n as u64;
        Ok(n)
    }
}

impl Seek for Cursor {
    fn seek(&mut self, to: SeekFrom) -> io::Result<u64> {
        let p = match to {
            SeekFrom::Start(n) => n as i128,
            SeekFrom::End(d) => self.src.len() as i128 + d as i128,
            SeekFrom::Current(d) => self.pos as i128 + d as i128,
        };
        if p < 0 {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "seek before the start",
            ));
        }
        self.pos = p as u64;
        Ok(self.pos)
    }
}

/// Parquet's `ChunkReader` over a `RandomAccess`.
pub struct Chunks(pub Arc<dyn RandomAccess>);

impl parquet::file::reader::Length for Chunks {
    fn len(&self) -> u64 {
        self.0.len()
    }
}

impl parquet::file::reader::ChunkReader for Chunks {
    type T = Cursor;

    fn get_read(&self, start: u64) -> parquet::errors::Result<Cursor> {
        Ok(Cursor::at(self.0.clone(), start))
    }

    fn get_bytes(&self, start: u64, length: usize) -> parquet::errors::Result<bytes::Bytes> {
        let end = start.saturating_add(length as u64);
        if end > self.0.len() {
            return Err(parquet::errors::ParquetError::EOF(format!(
                "{length} bytes at {start} run past the end ({})",
                self.0.len()
            )));
        }
        let mut v = vec![0u8; length];
        read_exact_at(&*self.0, start, &mut v)
            .map_err(|e| parquet::errors::ParquetError::External(Box::new(e)))?;
        Ok(v.into())
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::sync::Mutex;

    /// In-memory content that records every `read_at` (offset, length asked).
    pub struct Counting {
        pub data: Vec<u8>,
        pub reads: Mutex<Vec<(u64, usize)>>,
    }

    impl Counting {
        pub fn new(data: Vec<u8>) -> Arc<Counting> {
            Arc::new(Counting {
                data,
                reads: Mutex::new(Vec::new()),
            })
        }
    }

    impl RandomAccess for Counting {
        fn len(&self) -> u64 {
            self.data.len() as u64
        }
        fn read_at(&self, offset: u64, buf: &mut [u8]) -> io::Result<usize> {
            self.reads.lock().unwrap().push((offset, buf.len()));
            self.data.read_at(offset, buf)
        }
    }

    #[test]
    fn cursor_reads_and_seeks() {
        let data: Vec<u8> = (0..1000u32).map(|i| i as u8).collect();
        let mut c = Cursor::new(Arc::new(data.clone()));
        c.seek(SeekFrom::End(-10)).unwrap();
        let mut t = Vec::new();
        c.read_to_end(&mut t).unwrap();
        assert_eq!(t, &data[990..]);
        c.seek(SeekFrom::Start(5)).unwrap();
        c.seek(SeekFrom::Current(5)).unwrap();
        let mut b = [0u8; 4];
        c.read_exact(&mut b).unwrap();
        assert_eq!(b, [10, 11, 12, 13]);
        assert!(c.seek(SeekFrom::Current(-100)).is_err());
        c.seek(SeekFrom::Start(5000)).unwrap();
        assert_eq!(c.read(&mut b).unwrap(), 0);
    }

    #[test]
    fn chunks_give_bytes_and_readers() {
        use parquet::file::reader::ChunkReader;
        let data: Vec<u8> = (0..1000u32).map(|i| (i % 7) as u8).collect();
        let ch = Chunks(Arc::new(data.clone()));
        assert_eq!(&ch.get_bytes(100, 50).unwrap()[..], &data[100..150]);
        assert!(ch.get_bytes(990, 50).is_err());
        let mut r = ch.get_read(998).unwrap();
        let mut v = Vec::new();
        r.read_to_end(&mut v).unwrap();
        assert_eq!(v, &data[998..]);
    }
}
