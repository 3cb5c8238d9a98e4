//! Word starts and special bytes of a short string, the scalar way: where
//! a keyword can start in a column name or JSON path (`KeywordSet::find`).
//!
//! In: a string and the "special" bytes (first bytes of keywords that are
//! not letters or digits). Out: in order, every position that is
//! - the start of a run of ASCII letters/digits (the byte before is not a
//!   letter or digit),
//! - the start of a run of non-ASCII bytes (keywords in other scripts), or
//! - a special byte.
//!
//! Buffers being scanned go through `triggers.rs` instead (vectorised, with
//! the bitmaps the keyword windows use); names are a few dozen bytes, where
//! a byte loop is all it takes.

/// Finds candidate start positions.
#[derive(Debug, Clone)]
pub struct StartFinder {
    special: Box<[bool; 256]>,
}

#[inline]
fn is_alnum(b: u8) -> bool {
    b.is_ascii_alphanumeric()
}

impl StartFinder {
    /// A finder for these special bytes (letters, digits and non-ASCII bytes
    /// are ignored: word starts already cover them).
    pub fn new(specials: impl IntoIterator<Item = u8>) -> StartFinder {
        let mut special = Box::new([false; 256]);
        for b in specials {
            if !is_alnum(b) && b < 0x80 {
                special[b as usize] = true;
            }
        }
        StartFinder { special }
    }

    /// Call `f` with every candidate position of `hay`, in increasing order.
    pub fn for_each(&self, hay: &[u8], mut f: impl FnMut(usize)) {
        let (mut prev_a, mut prev_h) = (false, false);
        for (i, &b) in hay.iter().enumerate() {
            let a = is_alnum(b);
            let h = b >= 0x80;
            if (a && !prev_a) || (h && !prev_h) || self.special[b as usize] {
                f(i);
            }
            prev_a = a;
            prev_h = h;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_starts_and_specials() {
        let f = StartFinder::new(*b"@-");
        let hay = "ab cd-ef@x ÿé9 __z".as_bytes();
        let mut got = Vec::new();
        f.for_each(hay, |i| got.push(i));
        // a(0) c(3) -(5) e(6) @(8) x(9) ÿ(11) 9(15) z(19)
        assert_eq!(got, vec![0, 3, 5, 6, 8, 9, 11, 15, 19]);
    }
}
