//! Sources: where objects come from. A source enumerates object descriptors
//! (applying criteria before any byte is read) and opens them for reading.
//!
//! In: roots (local directories or files) or S3 locations. Out: `LocalItem`s
//! on a bounded channel, or S3 listing pages handed on as they arrive, so
//! enumeration never holds a whole tree or bucket in memory.

pub mod local;
pub mod s3;
