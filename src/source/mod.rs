//! Sources: where objects come from. A source enumerates object descriptors
//! (applying criteria before any byte is read) and opens them for reading.
//!
//! In: roots (local directories or files). Out: `LocalItem`s on a bounded
//! channel, so enumeration never holds a whole tree in memory.

pub mod local;
