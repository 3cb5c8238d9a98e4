//! Window anchors: a structural token every match of a detector's
//! keyword-triggered patterns contains (`window_anchor` in the catalog), so
//! a keyword window with none within reach is skipped before any regex
//! runs. Addresses are the case: their patterns read many words before they
//! fail (a CSV line after a `shipping` column reads like a street), but
//! every address ends in a postcode.
//!
//! In: the trigger pass's `Marks` and the buffer. Out: whether a range holds
//! an anchor. Bits are computed lazily, 64 bytes at a time, only where a
//! window asks, and kept for the rest of the scan call.

use super::triggers::Marks;

/// The anchors a detector can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Anchor {
    /// A postcode-like token: four or more digits at a word start after a
    /// space (US ZIP, Australian postcode, a postcode after its town); five
    /// digits at a word start followed by a space or `, ` (a postcode before
    /// its town, `10115 Berlin`, `D-10115 Berlin`); or a capital at a word
    /// start with a digit one or two bytes on (UK and Canadian postcodes,
    /// `SW1A 2AA`, `M5V 3L9`).
    Postcode,
}

impl Anchor {
    pub(super) fn parse(s: &str) -> Option<Anchor> {
        match s {
            "postcode" => Some(Anchor::Postcode),
            _ => None,
        }
    }
}

/// Anchor bits of one buffer, filled in on demand.
#[derive(Debug, Default)]
pub(super) struct AnchorMarks {
    bits: Vec<u64>,
    /// One bit per word of `bits`: computed.
    done: Vec<u64>,
}

impl AnchorMarks {
    /// Forget the last buffer; `len` is the new one's length.
    pub(super) fn reset(&mut self, len: usize) {
        let words = len / 64 + 1;
        self.bits.clear();
        self.bits.resize(words, 0);
        self.done.clear();
        self.done.resize(words / 64 + 1, 0);
    }

    /// Whether `from..to` of `hay` holds an anchor of this kind (there is
    /// one kind so far).
    pub(super) fn any(
        &mut self,
        _kind: Anchor,
        marks: &Marks,
        hay: &[u8],
        from: usize,
        to: usize,
    ) -> bool {
        let to = to.min(hay.len());
        if from >= to {
            return false;
        }
        let (first, last) = (from >> 6, (to - 1) >> 6);
        for w in first..=last {
            if self.done[w >> 6] & (1 << (w & 63)) == 0 {
                self.bits[w] = postcode_word(marks, hay, w);
                self.done[w >> 6] |= 1 << (w & 63);
            }
            let mut b = self.bits[w];
            if w == first {
                b &= !0u64 << (from & 63);
            }
            if w == last && (to & 63) != 0 {
                b &= (1u64 << (to & 63)) - 1;
            }
            if b != 0 {
                return true;
            }
        }
        false
    }
}

/// `Anchor::Postcode` bits of word `w` of the marks.
fn postcode_word(marks: &Marks, hay: &[u8], w: usize) -> u64 {
    let at = |i: usize| hay.get(i).copied().unwrap_or(0);
    let digit = |i: usize| at(i).is_ascii_digit();
    let mut out = 0u64;
    let mut d = marks.d4[w];
    while d != 0 {
        let p = (w << 6) | d.trailing_zeros() as usize;
        if (p > 0 && at(p - 1) == b' ')
            || (digit(p + 4) && (at(p + 5) == b' ' || (at(p + 5) == b',' && at(p + 6) == b' ')))
        {
            out |= 1 << (p & 63);
        }
        d &= d - 1;
    }
    let mut u = marks.up[w];
    while u != 0 {
        let p = (w << 6) | u.trailing_zeros() as usize;
        if digit(p + 1) || digit(p + 2) {
            out |= 1 << (p & 63);
        }
        u &= u - 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::triggers::{TriggerFinder, TriggerSpec};

    fn anchors(text: &str) -> Vec<usize> {
        let hay = text.as_bytes();
        let mut marks = Marks::default();
        TriggerFinder::new(TriggerSpec::default()).for_each_block(hay, &mut marks, |_| {});
        let mut a = AnchorMarks::default();
        a.reset(hay.len());
        (0..hay.len())
            .filter(|&i| a.any(Anchor::Postcode, &marks, hay, i, i + 1))
            .collect()
    }

    #[test]
    fn postcodes_and_not() {
        assert_eq!(anchors("Springfield, IL 62704"), vec![16]);
        assert_eq!(anchors("Hauptstraße 5, 10115 Berlin"), vec![16]);
        assert_eq!(anchors("Paris\n75002, Paris"), vec![6]);
        assert_eq!(anchors("London SW1A 2AA"), vec![7]);
        assert_eq!(anchors("Toronto, ON M5V 3L9"), vec![12]);
        assert_eq!(anchors("D-10115 Berlin"), vec![0, 2]);
        for none in [
            "95165,an for,13,428.21,2024-07-11,cache",
            "2024-05-03T20:46:39.331Z INFO  http request_id=4aa0203878cee4d2",
            "{\"event\":\"quarter\",\"ts\":1708771847}",
            "order shipping shipping",
        ] {
            assert!(anchors(none).is_empty(), "{none}");
        }
    }
}
