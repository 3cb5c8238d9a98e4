//! Delimited text (CSV, TSV, `;` and `|` separated): every cell scanned, with
//! the column name as keyword context, located as `cells`.
//!
//! In: bytes or a stream (any encoding; non-UTF-8 is decoded on the fly).
//! Out: detections at `Cell { row, column, columnName }` (1-based, the header
//! row counted as row 1, as Macie does); sensitive data in the header names
//! themselves is reported as `lineRanges` of line 1.
//! Why: the `csv` crate handles quoting, embedded newlines and ragged rows;
//! the delimiter is sniffed from the first lines (consistent count per line
//! wins), and whether row 1 is a header from what its cells look like. Each
//! column's keyword detectors are computed once; cells go through a
//! `ValueBatch`, column by column within each group of rows, so a million
//! rows are a few hundred scans (and a keyword column one context region
//! per scan), not millions.

use super::batch::ValueBatch;
use super::limits::DecodeReader;
use super::sniff::Encoding;
use super::text::{scan_window, LineTracker};
use super::{Ctx, ExtractError, Input};
use crate::findings::model::{Cell, Location};
use std::io::Read;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

/// Bytes of the head used to sniff the delimiter.
const HEAD: usize = 16 * 1024;

/// Pick the delimiter: the candidate whose non-zero count on the first line
/// recurs on most of the first ten lines (quotes respected); the extension's
/// delimiter breaks ties.
pub fn sniff_delimiter(head: &[u8], name: &str) -> u8 {
    let ext = super::sniff::extension(name);
    let preferred = match ext.as_str() {
        "tsv" | "tab" => b'\t',
        "psv" => b'|',
        _ => b',',
    };
    let mut best = (0usize, preferred);
    for &d in b",\t;|" {
        let mut counts = Vec::new();
        let mut n = 0;
        let mut quoted = false;
        for &b in head {
            match b {
                b'"' => quoted = !quoted,
                b'\n' if !quoted => {
                    counts.push(n);
                    n = 0;
                    if counts.len() == 10 {
                        break;
                    }
                }
                _ if b == d && !quoted => n += 1,
                _ => {}
            }
        }
        if counts.is_empty() {
            counts.push(n);
        }
        // Ragged rows happen: the first line's count must hold on at least
        // half of the lines.
        let first = counts[0];
        let same = counts.iter().filter(|&&c| c == first).count();
        if first == 0 || same * 2 < counts.len() {
            continue;
        }
        let score = same * 64 + first.min(31) * 2 + usize::from(d == preferred);
        if score > best.0 {
            best = (score, d);
        }
    }
    best.1
}

fn name_like(f: &[u8]) -> bool {
    let t = f.trim_ascii();
    !t.is_empty()
        && t.len() <= 128
        && t.iter().any(|b| b.is_ascii_alphabetic())
        && !t.contains(&b'@')
        && !(t.iter().all(|b| b.is_ascii_digit() || b"-./: ".contains(b)))
}

/// Row 1 is a header when every cell looks like a name (letters, short, no
/// `@`, not a number), the names are unique, and — when there is a second
/// row — some column's second value does not look like a name (has digits or
/// is much longer), or the second row is name-like too but differs in shape.
pub fn is_header(first: &csv::ByteRecord, second: Option<&csv::ByteRecord>) -> bool {
    if first.is_empty() || !first.iter().all(name_like) {
        return false;
    }
    let mut seen: Vec<&[u8]> = first.iter().map(|f| f.trim_ascii()).collect();
    seen.sort_unstable();
    if seen.windows(2).any(|w| w[0].eq_ignore_ascii_case(w[1])) {
        return false;
    }
    let Some(s) = second else { return true };
    first.iter().zip(s.iter()).any(|(h, v)| {
        let digits = |x: &[u8]| x.iter().any(|b| b.is_ascii_digit());
        (digits(v) && !digits(h)) || v.len() > 2 * h.len() + 8 || v.is_empty()
    }) || first.len() != s.len()
}

const BUF: usize = 256 * 1024;

/// The `csv` crate reads a whole record before returning it, so an
/// unterminated quote in a stream would buffer the rest of the file: this
/// reader fails once more than `cap` bytes were read past the start of the
/// last record returned.
struct RecordGuard<'r> {
    inner: &'r mut dyn Read,
    read: u64,
    mark: Arc<AtomicU64>,
    cap: u64,
}

impl Read for RecordGuard<'_> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        if self.read.saturating_sub(self.mark.load(Ordering::Relaxed)) > self.cap {
            return Err(super::LimitHit {
                reason: "MALFORMED_FILE",
                detail: format!(
                    "a CSV record longer than {} bytes (unbalanced quotes?); the rest is not analysed",
                    self.cap
                ),
                fatal: false,
            }
            .into_io());
        }
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

fn csv_err(e: csv::Error) -> ExtractError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => io.into(),
        other => ExtractError::malformed("CSV", format!("{other:?}")),
    }
}

/// Scan delimited text.
pub fn scan(
    ctx: &mut Ctx<'_, '_, '_>,
    name: &str,
    input: Input<'_>,
    enc: Encoding,
) -> Result<(), ExtractError> {
    match input {
        Input::Bytes(b) => {
            let text = super::limits::decode_all(b, enc);
            let d = sniff_delimiter(&text[..text.len().min(HEAD)], name);
            scan_records(ctx, d, &mut &text[..])
        }
        Input::Reader(r) => {
            let mut dec;
            let r: &mut dyn Read = if enc == Encoding::Utf8 {
                r
            } else {
                dec = DecodeReader::new(r, enc);
                &mut dec
            };
            let mut head = Vec::with_capacity(HEAD);
            (&mut *r).take(HEAD as u64).read_to_end(&mut head)?;
            let body = head.strip_prefix(&[0xEF, 0xBB, 0xBF][..]).unwrap_or(&head);
            let d = sniff_delimiter(body, name);
            let skip = head.len() - body.len();
            let mut chained = std::io::Cursor::new(&head[skip..]).chain(r);
            scan_records(ctx, d, &mut chained)
        }
        Input::Random(src) => scan(
            ctx,
            name,
            Input::Reader(&mut super::random::Cursor::new(src)),
            enc,
        ),
    }
}

fn scan_records(
    ctx: &mut Ctx<'_, '_, '_>,
    delim: u8,
    r: &mut dyn Read,
) -> Result<(), ExtractError> {
    let mark = Arc::new(AtomicU64::new(0));
    let guard = RecordGuard {
        inner: r,
        read: 0,
        mark: mark.clone(),
        cap: ctx.limits.max_in_memory.max(1 << 20) + BUF as u64,
    };
    let mut rdr = csv::ReaderBuilder::new()
        .delimiter(delim)
        .has_headers(false)
        .flexible(true)
        .buffer_capacity(BUF)
        .from_reader(guard);
    let mut first = csv::ByteRecord::new();
    if !rdr.read_byte_record(&mut first).map_err(csv_err)? {
        return Ok(());
    }
    let mut second = csv::ByteRecord::new();
    let has_second = rdr.read_byte_record(&mut second).map_err(csv_err)?;
    let header = is_header(&first, has_second.then_some(&second));
    let engine = ctx.scanner.engine();
    let mut batch = ValueBatch::<(u64, u32)>::new(ctx);
    let mut names: Vec<Option<String>> = Vec::new();
    let mut sets: Vec<Option<u32>> = Vec::new();
    if header {
        scan_header(ctx, &first, delim);
        for f in first.iter() {
            let n = String::from_utf8_lossy(f.trim_ascii()).into_owned();
            sets.push(batch.context_set(engine.detectors_for_context(&n)));
            names.push(Some(n));
        }
    }
    let mut locate = |k: &(u64, u32), member: Option<String>| {
        Location::Cell(Cell {
            row: k.0,
            column: k.1 as u64 + 1,
            column_name: names.get(k.1 as usize).cloned().flatten(),
            cell_reference: None,
            member,
        })
    };
    let mut rows = Rows {
        pool: Vec::new(),
        used: 0,
        bytes: 0,
        cap: ctx.limits.chunk_size.max(1024),
    };
    let mut row = 1u64;
    if !header {
        rows.add(&first, row);
    }
    if has_second {
        row += 1;
        rows.add(&second, row);
        loop {
            let rec = rows.next_slot();
            match rdr.read_byte_record(rec) {
                Ok(true) => {}
                Ok(false) => break,
                Err(e) => {
                    rows.flush(ctx, &mut batch, &sets, &mut locate);
                    batch.flush(ctx, &mut locate);
                    return Err(csv_err(e));
                }
            }
            row += 1;
            mark.store(
                rec.position().map(|p| p.byte()).unwrap_or(0),
                Ordering::Relaxed,
            );
            rows.commit(row);
            if rows.bytes >= rows.cap {
                rows.flush(ctx, &mut batch, &sets, &mut locate);
            }
        }
    }
    rows.flush(ctx, &mut batch, &sets, &mut locate);
    batch.flush(ctx, &mut locate);
    Ok(())
}

/// Rows waiting to be laid out column by column: each column of a group of
/// rows is contiguous in the scan buffer, so a keyword column is one context
/// region (one regex pass) instead of one per cell. Records are recycled.
struct Rows {
    pool: Vec<(u64, csv::ByteRecord)>,
    used: usize,
    bytes: usize,
    cap: usize,
}

impl Rows {
    fn next_slot(&mut self) -> &mut csv::ByteRecord {
        if self.used == self.pool.len() {
            self.pool.push((0, csv::ByteRecord::new()));
        }
        &mut self.pool[self.used].1
    }

    fn commit(&mut self, row: u64) {
        self.pool[self.used].0 = row;
        self.bytes += self.pool[self.used].1.as_slice().len() + 2 * self.pool[self.used].1.len();
        self.used += 1;
    }

    fn add(&mut self, rec: &csv::ByteRecord, row: u64) {
        self.next_slot().clone_from(rec);
        self.commit(row);
    }

    fn flush(
        &mut self,
        ctx: &mut Ctx<'_, '_, '_>,
        batch: &mut ValueBatch<(u64, u32)>,
        sets: &[Option<u32>],
        locate: &mut super::batch::Locate<'_, (u64, u32)>,
    ) {
        let cols = self.pool[..self.used]
            .iter()
            .map(|(_, r)| r.len())
            .max()
            .unwrap_or(0);
        for col in 0..cols {
            let set = sets.get(col).copied().flatten();
            for (row, rec) in &self.pool[..self.used] {
                match rec.get(col) {
                    Some(f) if !f.is_empty() => batch.push(ctx, f, (*row, col as u32), set, locate),
                    _ => {}
                }
            }
        }
        self.used = 0;
        self.bytes = 0;
    }
}

/// Header names are scanned as text of line 1 (Macie reports sensitive
/// header names as `lineRanges`).
fn scan_header(ctx: &mut Ctx<'_, '_, '_>, rec: &csv::ByteRecord, delim: u8) {
    let mut line = Vec::new();
    for (i, f) in rec.iter().enumerate() {
        if i > 0 {
            line.push(delim);
        }
        line.extend_from_slice(f);
    }
    let mut lines = LineTracker::default();
    let mut scratch = Vec::new();
    let n = line.len();
    scan_window(ctx, &line, 0, 0..n, &mut lines, &mut scratch);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::testutil::{located, Harness, AWS_SECRET};

    fn cells(r: &crate::findings::ObjectResult) -> Vec<(String, u64, u64, Option<String>)> {
        located(r)
            .into_iter()
            .filter_map(|(id, l)| match l {
                Location::Cell(c) => Some((id, c.row, c.column, c.column_name)),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn delimiter_and_header_sniffing() {
        assert_eq!(sniff_delimiter(b"a,b,c\n1,2,3\n", "x.csv"), b',');
        assert_eq!(sniff_delimiter(b"a\tb\n1\t2\n", "x.csv"), b'\t');
        assert_eq!(sniff_delimiter(b"a;b;c\n1;2;3\n", "x.csv"), b';');
        assert_eq!(sniff_delimiter(b"a|b\n\"x|y\"|2\n", "x"), b'|');
        assert_eq!(sniff_delimiter(b"just one column\n", "x.tsv"), b'\t');
        let r = |s: &[&str]| csv::ByteRecord::from(s.to_vec());
        assert!(is_header(
            &r(&["name", "ssn"]),
            Some(&r(&["Ann", "123-45-6789"]))
        ));
        assert!(!is_header(&r(&["1", "2"]), Some(&r(&["3", "4"]))));
        assert!(!is_header(&r(&["a@b.c", "x"]), None));
        assert!(!is_header(&r(&["id", "ID"]), None));
    }

    #[test]
    fn column_name_is_the_keyword() {
        let h = Harness::new();
        let csv = "employee_id,notes\nEMP-123456,EMP-654321\nEMP-111111,plain\n";
        let r = h.extract("staff.csv", csv.as_bytes());
        let got = cells(&r);
        assert_eq!(
            got,
            vec![
                ("EmpId".into(), 2, 1, Some("employee_id".into())),
                ("EmpId".into(), 3, 1, Some("employee_id".into())),
            ]
        );
    }

    #[test]
    fn quoted_newlines_ragged_rows_and_latin1() {
        let h = Harness::new();
        let csv = format!(
            "id;comment;credentials\n1;\"line one\nline two; still\";{AWS_SECRET}\n2\n3;café;x;extra;{AWS_SECRET}\n"
        );
        let bytes: Vec<u8> = csv
            .chars()
            .map(|c| if c == 'é' { 0xE9 } else { c as u8 })
            .collect();
        let r = h.extract("t.csv", &bytes);
        let got = cells(&r);
        assert_eq!(
            got,
            vec![("AWS_CREDENTIALS".into(), 2, 3, Some("credentials".into()))]
        );
    }

    #[test]
    fn headerless_and_sensitive_header() {
        let h = Harness::new();
        let csv = format!("1,aws_secret_access_key {AWS_SECRET}\n2,x\n");
        let got = cells(&h.extract("t.csv", csv.as_bytes()));
        assert_eq!(got, vec![("AWS_CREDENTIALS".into(), 1, 2, None)]);
        let csv = format!("name,id,aws_secret_access_key={AWS_SECRET}\nAnn,42,x1\n");
        let r = h.extract("t.csv", csv.as_bytes());
        let all = located(&r);
        assert_eq!(all.len(), 1);
        assert!(matches!(&all[0].1, Location::Text(l, _) if l.start == 1));
    }

    #[test]
    fn an_unbalanced_quote_in_a_stream_is_bounded() {
        let h = Harness::new();
        let mut data = String::from("a,b\n1,\"never closed\n");
        data.push_str(&"x,y\n".repeat(1 << 20));
        let limits = crate::extract::Limits {
            max_in_memory: 1 << 20,
            ..Default::default()
        };
        let r = h.extract_reader("q.csv", &mut data.as_bytes(), &limits);
        assert_eq!(r.reason.as_deref(), Some("MALFORMED_FILE"));
    }

    #[test]
    fn utf16_csv_and_json_with_bom() {
        let h = Harness::new();
        let utf16 = |s: &str| {
            let mut v = vec![0xFF, 0xFE];
            for u in s.encode_utf16() {
                v.extend_from_slice(&u.to_le_bytes());
            }
            v
        };
        let r = h.extract("u.csv", &utf16("employee_id,x\nEMP-123456,1\n"));
        assert_eq!(
            cells(&r),
            vec![("EmpId".into(), 2, 1, Some("employee_id".into()))]
        );
        let r = h.extract("u.json", &utf16("{\"employee\": \"EMP-123456\"}"));
        assert!(matches!(&located(&r)[0].1, Location::Record(x) if x.json_path == "$.employee"));
        let limits = crate::extract::Limits::default();
        let data = utf16("employee_id,x\nEMP-123456,1\n");
        let r = h.extract_reader("u.csv", &mut &data[..], &limits);
        assert_eq!(cells(&r).len(), 1);
    }

    #[test]
    fn stream_and_bytes_agree_for_many_rows() {
        let h = Harness::new();
        let mut csv = String::from("n,employee\n");
        for i in 0..20_000 {
            csv.push_str(&format!("{i},EMP-{:06}\n", i % 1000));
        }
        let a = cells(&h.extract("t.csv", csv.as_bytes()));
        let limits = crate::extract::Limits {
            chunk_size: 4096,
            ..Default::default()
        };
        let b = cells(&h.extract_reader("t.csv", &mut csv.as_bytes(), &limits));
        assert_eq!(a.len(), 20_000);
        assert_eq!(a, b);
        assert_eq!(a[19_999].1, 20_001);
    }
}
