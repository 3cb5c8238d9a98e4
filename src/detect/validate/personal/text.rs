//! Shared text helpers for the personal-data validators: case folding
//! (ASCII and Latin-1), word-list membership, tokenising on separators, and
//! small digit helpers. Nothing here allocates.

use chrono::Datelike;

// ───────────────────────────── shared helpers ─────────────────────────────

/// Today's date (UTC) as (year, month, day).
pub(super) fn today() -> (u32, u32, u32) {
    let t = chrono::Utc::now().date_naive();
    (t.year().max(0) as u32, t.month(), t.day())
}

/// Lower-case a word into `buf`: ASCII and Latin-1 upper-case letters encoded
/// as `C3 80..9E` in UTF-8 are folded. Returns the used prefix, or `None` when
/// the word is longer than the buffer.
pub(super) fn fold<'a>(w: &[u8], buf: &'a mut [u8; 32]) -> Option<&'a [u8]> {
    if w.len() > buf.len() {
        return None;
    }
    let mut i = 0;
    while i < w.len() {
        let b = w[i];
        buf[i] = b.to_ascii_lowercase();
        if b == 0xC3 && i + 1 < w.len() && (0x80..=0x9E).contains(&w[i + 1]) && w[i + 1] != 0x97 {
            buf[i + 1] = w[i + 1] + 0x20;
            i += 2;
            continue;
        }
        i += 1;
    }
    Some(&buf[..w.len()])
}

/// Whether `w` (any case) is one of `list` (lower-case entries).
pub(super) fn in_list(w: &[u8], list: &[&str]) -> bool {
    let mut buf = [0u8; 32];
    let Some(l) = fold(w, &mut buf) else {
        return false;
    };
    list.iter().any(|x| x.as_bytes() == l)
}

/// Whether `w` (any case) is in `sorted` (lower-case entries in byte order).
pub(super) fn in_sorted(w: &[u8], sorted: &[&str]) -> bool {
    let mut buf = [0u8; 32];
    let Some(l) = fold(w, &mut buf) else {
        return false;
    };
    sorted.binary_search_by(|x| x.as_bytes().cmp(l)).is_ok()
}

pub(super) fn is_letter(b: u8) -> bool {
    b.is_ascii_alphabetic() || b >= 0x80
}

/// Up to 24 tokens of `v` split on spaces, tabs, newlines and commas, as
/// (start, end) ranges. Returns the array and the count.
pub(super) fn tokens(v: &[u8]) -> ([(usize, usize); 24], usize) {
    let mut out = [(0usize, 0usize); 24];
    let mut n = 0;
    let mut i = 0;
    while i < v.len() && n < out.len() {
        while i < v.len() && matches!(v[i], b' ' | b'\t' | b'\r' | b'\n' | b',' | b';') {
            i += 1;
        }
        let s = i;
        while i < v.len() && !matches!(v[i], b' ' | b'\t' | b'\r' | b'\n' | b',' | b';') {
            i += 1;
        }
        if i > s {
            out[n] = (s, i);
            n += 1;
        }
    }
    (out, n)
}

/// A token without trailing dots (`St.` → `St`).
pub(super) fn trim_dots(w: &[u8]) -> &[u8] {
    let mut e = w.len();
    while e > 0 && w[e - 1] == b'.' {
        e -= 1;
    }
    &w[..e]
}

pub(super) fn all_digits(w: &[u8]) -> bool {
    !w.is_empty() && w.iter().all(u8::is_ascii_digit)
}

pub(super) fn num_of(w: &[u8]) -> u32 {
    w.iter().fold(0u32, |a, &b| {
        a.saturating_mul(10).saturating_add((b - b'0') as u32)
    })
}
