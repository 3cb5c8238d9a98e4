//! Apache Parquet and Avro object container files: every field of every
//! record, with the field names on the path as keyword context, located as
//! `records`.
//!
//! In: Parquet as bytes, a file or random access (its footer is at the end); Avro as a
//! stream. Out: detections at `Record { recordIndex: row, jsonPath:
//! "$.customer.card" }` (lists as `[i]`, map values under their key).
//! Why: Macie treats these like JSON records, so the same path rules and the
//! same `ValueBatch` apply; strings, binary and integers are scanned (a card
//! or SSN stored as a number is still one), floats, booleans and times are
//! not. Nested values are walked with an explicit stack. A read error ends
//! the file with a skipped part (`MALFORMED_FILE`); rows read so far count.
//! Both readers run under `catch_unwind`: the `parquet` row reader panics on
//! some damaged pages (found by `hostile_tests`).

use super::batch::ValueBatch;
use super::json::{push_key, Paths};
use super::{Ctx, ExtractError};
use crate::findings::model::{Location, Record};
use parquet::file::reader::{FileReader, SerializedFileReader};
use parquet::record::Field;
use std::collections::HashMap;
use std::io::Read;

/// Where Parquet bytes come from.
pub enum ParquetSource {
    /// In memory.
    Bytes(bytes::Bytes),
    /// A file (a spilled stream).
    File(std::fs::File),
    /// Random access (ranged GETs): the footer, then the column chunks.
    Random(std::sync::Arc<dyn super::random::RandomAccess>),
}

/// Shared by both formats: batch, paths and per-name keyword sets.
struct Emitter {
    batch: ValueBatch<(u64, u32)>,
    paths: Paths,
    names: HashMap<String, Option<u32>>,
    unions: HashMap<(u32, u32), Option<u32>>,
}

impl Emitter {
    fn new(ctx: &Ctx<'_, '_, '_>) -> Emitter {
        Emitter {
            batch: ValueBatch::new(ctx),
            paths: Paths::default(),
            names: HashMap::new(),
            unions: HashMap::new(),
        }
    }

    /// The context set of a child named `name` under a parent set (each
    /// name's detectors and each union interned once).
    fn child_set(&mut self, ctx: &Ctx<'_, '_, '_>, parent: Option<u32>, name: &str) -> Option<u32> {
        let own = match self.names.get(name) {
            Some(&k) => k,
            None => {
                if self.names.len() > 10_000 {
                    self.names.clear();
                }
                let d = ctx.scanner.engine().detectors_for_context(name);
                let k = self.batch.context_set(d);
                self.names.insert(name.to_string(), k);
                k
            }
        };
        match (parent, own) {
            (p, None) => p,
            (None, k) => k,
            (Some(p), Some(k)) if p == k => Some(p),
            (Some(p), Some(k)) => {
                if let Some(&u) = self.unions.get(&(p, k)) {
                    return u;
                }
                let mut u = self.batch.set(Some(p)).to_vec();
                u.extend_from_slice(self.batch.set(Some(k)));
                let id = self.batch.context_set(u);
                self.unions.insert((p, k), id);
                id
            }
        }
    }

    fn emit(
        &mut self,
        ctx: &mut Ctx<'_, '_, '_>,
        record: u64,
        path: &str,
        value: &[u8],
        set: Option<u32>,
    ) {
        if self.batch.is_empty() {
            self.paths.arena.clear();
            self.paths.spans.clear();
        }
        let pid = self.paths.add(path);
        let paths = &self.paths;
        self.batch
            .push(ctx, value, (record, pid), set, &mut |k, m| {
                locate(paths, k, m)
            });
    }

    fn finish(mut self, ctx: &mut Ctx<'_, '_, '_>) {
        let paths = &self.paths;
        self.batch.flush(ctx, &mut |k, m| locate(paths, k, m));
    }
}

fn locate(paths: &Paths, k: &(u64, u32), member: Option<String>) -> Location {
    Location::Record(Record {
        record_index: k.0,
        json_path: paths.get(k.1).to_string(),
        member,
    })
}

fn child_path(parent: &str, name: &str) -> String {
    let mut p = parent.to_string();
    push_key(&mut p, name.as_bytes());
    p
}

/// Run a reader library that may panic on corrupt input (the `parquet` row
/// reader indexes past its buffers on some damaged pages): a panic becomes
/// `UNABLE_TO_PARSE_FILE` for this input, keeping what was found before it.
fn guarded(
    ctx: &mut Ctx<'_, '_, '_>,
    what: &str,
    f: impl FnOnce(&mut Ctx<'_, '_, '_>) -> Result<(), ExtractError>,
) -> Result<(), ExtractError> {
    // The collector only gains whole detections, so it stays consistent
    // whatever the reader was doing when it panicked.
    let res = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&mut *ctx)));
    match res {
        Ok(r) => r,
        Err(_) => {
            super::unparseable(
                ctx,
                "",
                "UNABLE_TO_PARSE_FILE",
                format!("{what}: the reader gave up on this file (internal panic)"),
            );
            Ok(())
        }
    }
}

/// Scan a Parquet file.
pub fn scan_parquet(ctx: &mut Ctx<'_, '_, '_>, src: ParquetSource) -> Result<(), ExtractError> {
    guarded(ctx, "Parquet", |ctx| scan_parquet_inner(ctx, src))
}

fn scan_parquet_inner(ctx: &mut Ctx<'_, '_, '_>, src: ParquetSource) -> Result<(), ExtractError> {
    let rows = match src {
        ParquetSource::Bytes(b) => SerializedFileReader::new(b).map(|r| parquet_rows(ctx, &r)),
        ParquetSource::File(f) => SerializedFileReader::new(f).map(|r| parquet_rows(ctx, &r)),
        ParquetSource::Random(s) => {
            SerializedFileReader::new(super::random::Chunks(s)).map(|r| parquet_rows(ctx, &r))
        }
    };
    match rows {
        Ok(res) => res,
        Err(e) => {
            super::unparseable(ctx, "", "MALFORMED_FILE", format!("Parquet: {e}"));
            Ok(())
        }
    }
}

fn parquet_rows<R: FileReader>(ctx: &mut Ctx<'_, '_, '_>, r: &R) -> Result<(), ExtractError> {
    let iter = match r.get_row_iter(None) {
        Ok(i) => i,
        Err(e) => return Err(ExtractError::malformed("Parquet", e)),
    };
    let mut em = Emitter::new(ctx);
    let mut num = String::new();
    for (i, row) in iter.enumerate() {
        let row = match row {
            Ok(r) => r,
            Err(e) => {
                em.finish(ctx);
                ctx.skip_here("", "MALFORMED_FILE", format!("Parquet row {i}: {e}"));
                return Ok(());
            }
        };
        let mut stack: Vec<(String, Option<u32>, &Field)> = Vec::new();
        for (name, f) in row.get_column_iter() {
            let set = em.child_set(ctx, None, name);
            stack.push((child_path("$", name), set, f));
        }
        stack.reverse();
        while let Some((path, set, f)) = stack.pop() {
            use std::fmt::Write;
            num.clear();
            let bytes: &[u8] = match f {
                Field::Str(s) => s.as_bytes(),
                Field::Bytes(b) => b.data(),
                Field::Int(x) => {
                    let _ = write!(num, "{x}");
                    num.as_bytes()
                }
                Field::Long(x) => {
                    let _ = write!(num, "{x}");
                    num.as_bytes()
                }
                Field::ULong(x) => {
                    let _ = write!(num, "{x}");
                    num.as_bytes()
                }
                Field::UInt(x) => {
                    let _ = write!(num, "{x}");
                    num.as_bytes()
                }
                Field::Decimal(d) => {
                    let _ = write!(num, "{}", f);
                    let _ = d;
                    num.as_bytes()
                }
                Field::Group(g) => {
                    let start = stack.len();
                    for (name, c) in g.get_column_iter() {
                        let s = em.child_set(ctx, set, name);
                        stack.push((child_path(&path, name), s, c));
                    }
                    stack[start..].reverse();
                    continue;
                }
                Field::ListInternal(l) => {
                    let start = stack.len();
                    for (j, c) in l.elements().iter().enumerate() {
                        stack.push((format!("{path}[{j}]"), set, c));
                    }
                    stack[start..].reverse();
                    continue;
                }
                Field::MapInternal(m) => {
                    let start = stack.len();
                    for (k, v) in m.entries() {
                        let key = match k {
                            Field::Str(s) => s.clone(),
                            other => other.to_string(),
                        };
                        let s = em.child_set(ctx, set, &key);
                        stack.push((child_path(&path, &key), s, v));
                    }
                    stack[start..].reverse();
                    continue;
                }
                _ => continue,
            };
            if !bytes.is_empty() {
                em.emit(ctx, i as u64, &path, bytes, set);
            }
        }
    }
    em.finish(ctx);
    Ok(())
}

/// Scan an Avro object container file.
pub fn scan_avro(ctx: &mut Ctx<'_, '_, '_>, r: &mut dyn Read) -> Result<(), ExtractError> {
    guarded(ctx, "Avro", |ctx| scan_avro_inner(ctx, r))
}

fn scan_avro_inner(ctx: &mut Ctx<'_, '_, '_>, r: &mut dyn Read) -> Result<(), ExtractError> {
    use apache_avro::types::Value;
    let reader = match apache_avro::Reader::new(r) {
        Ok(r) => r,
        Err(e) => {
            super::unparseable(ctx, "", "MALFORMED_FILE", format!("Avro: {e}"));
            return Ok(());
        }
    };
    let mut em = Emitter::new(ctx);
    let mut num = String::new();
    for (i, v) in reader.enumerate() {
        let v = match v {
            Ok(v) => v,
            Err(e) => {
                em.finish(ctx);
                ctx.skip_here("", "MALFORMED_FILE", format!("Avro record {i}: {e}"));
                return Ok(());
            }
        };
        let mut stack: Vec<(String, Option<u32>, &Value)> = vec![("$".into(), None, &v)];
        while let Some((path, set, v)) = stack.pop() {
            use std::fmt::Write;
            num.clear();
            let bytes: &[u8] = match v {
                Value::String(s) | Value::Enum(_, s) => s.as_bytes(),
                Value::Bytes(b) | Value::Fixed(_, b) => b,
                Value::Int(x) => {
                    let _ = write!(num, "{x}");
                    num.as_bytes()
                }
                Value::Long(x) => {
                    let _ = write!(num, "{x}");
                    num.as_bytes()
                }
                Value::Union(_, inner) => {
                    stack.push((path, set, inner));
                    continue;
                }
                Value::Record(fields) => {
                    for (name, c) in fields.iter().rev() {
                        let s = em.child_set(ctx, set, name);
                        stack.push((child_path(&path, name), s, c));
                    }
                    continue;
                }
                Value::Array(items) => {
                    for (j, c) in items.iter().enumerate().rev() {
                        stack.push((format!("{path}[{j}]"), set, c));
                    }
                    continue;
                }
                Value::Map(m) => {
                    let mut keys: Vec<&String> = m.keys().collect();
                    keys.sort();
                    for k in keys.into_iter().rev() {
                        let s = em.child_set(ctx, set, k);
                        if let Some(c) = m.get(k) {
                            stack.push((child_path(&path, k), s, c));
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            if !bytes.is_empty() {
                em.emit(ctx, i as u64, &path, bytes, set);
            }
        }
    }
    em.finish(ctx);
    Ok(())
}

#[cfg(test)]
#[path = "columnar_tests.rs"]
pub(crate) mod tests;
