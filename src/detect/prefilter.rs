//! Structural prefilters: the trigger every match of a no-keyword,
//! no-literal pattern contains (`prefilter = "email"` in the catalog), and
//! where around it a match can start.

/// A structural trigger every match of a pattern contains (named by the
/// catalog's `prefilter`); the regex is tried only in windows around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prefilter {
    /// An `@` after a local-part byte and before a letter or digit.
    Email,
    /// The first `.` of a dotted quad: between digits, with
    /// `\d{1,3}\.\d{1,3}\.\d` after it.
    Ipv4,
    /// A `:` next to a hex digit or `:` on both sides, in a run of them
    /// that holds `::` or seven colons.
    Ipv6,
    /// A card-shaped digit run at a word start: 13 digits, or 4 digits, a
    /// space or hyphen and 4 more. The pattern may look up to 8 bytes back
    /// (context alternatives emulating a look-behind), so it is searched in
    /// a small window instead of anchored.
    Card,
}

impl Prefilter {
    pub(super) const ALL: [Prefilter; 4] = [
        Prefilter::Email,
        Prefilter::Ipv4,
        Prefilter::Ipv6,
        Prefilter::Card,
    ];

    pub(super) fn parse(s: &str) -> Option<Prefilter> {
        Some(match s {
            "email" => Prefilter::Email,
            "ipv4" => Prefilter::Ipv4,
            "ipv6" => Prefilter::Ipv6,
            "card" => Prefilter::Card,
            _ => return None,
        })
    }

    /// The byte the start finder must stop at (digit runs are word starts).
    pub(super) fn byte(self) -> Option<u8> {
        match self {
            Prefilter::Email => Some(b'@'),
            Prefilter::Ipv4 => Some(b'.'),
            Prefilter::Ipv6 => Some(b':'),
            Prefilter::Card => None,
        }
    }

    /// Whether a trigger of this kind can sit on byte `b`.
    pub(super) fn on_byte(self, b: u8) -> bool {
        match self.byte() {
            Some(x) => b == x,
            None => b.is_ascii_digit(),
        }
    }

    /// Where a match around trigger `at` can start, earliest first (at most
    /// two). Each pattern with a prefilter opens with a one-byte context
    /// class (`(?:^|[^...])`), so its match starts one byte before the run
    /// of value bytes that holds the trigger: walking back over that run
    /// gives the start, and one anchored search per trigger replaces a
    /// search over every byte. IPv4 may also open with a version word
    /// (`v`, `build`, ... then up to three of ` :=/.`) kept so the validator
    /// can reject versions: that start is tried first.
    #[inline]
    pub(super) fn starts(self, hay: &[u8], at: usize) -> [Option<usize>; 2] {
        let back = |from: usize, max: usize, f: &dyn Fn(u8) -> bool| {
            let mut s = from;
            while s > 0 && from - s < max && f(hay[s - 1]) {
                s -= 1;
            }
            s
        };
        let ctx = |s: usize| s.saturating_sub(1);
        match self {
            Prefilter::Email => {
                let s = back(at, 80, &|b| {
                    b.is_ascii_alphanumeric() || b"._%+-".contains(&b)
                });
                [Some(ctx(s)), None]
            }
            Prefilter::Ipv4 => {
                let r = back(at, 64, &|b| b.is_ascii_digit() || b == b'.');
                let p = back(r, 3, &|b| b" :=/.".contains(&b));
                let w = back(p, 8, &|b| b.is_ascii_alphabetic());
                let word = (w < p).then(|| ctx(w));
                [word, Some(ctx(r))]
            }
            Prefilter::Ipv6 => {
                let r = back(at, 64, &|b| b.is_ascii_hexdigit() || b == b':');
                [Some(ctx(r)), None]
            }
            Prefilter::Card => [Some(ctx(at)), None],
        }
    }

    /// How far before a trigger a match may start when it is searched in a
    /// window (unanchored) rather than at `starts`.
    pub(super) fn window_back(self) -> Option<usize> {
        match self {
            Prefilter::Card => Some(8),
            _ => None,
        }
    }

    /// Whether position `at` of `hay` is a trigger of this kind.
    #[inline]
    pub(super) fn fires(self, hay: &[u8], at: usize) -> bool {
        let before = |f: fn(&u8) -> bool| at > 0 && f(&hay[at - 1]);
        let after = |f: fn(&u8) -> bool| hay.get(at + 1).is_some_and(f);
        match self {
            Prefilter::Email => {
                hay[at] == b'@'
                    && before(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(b))
                    && after(|b| b.is_ascii_alphanumeric() || *b == b'-')
            }
            // A match holds three dots between digits: the first has
            // `\d{1,3}\.\d{1,3}\.\d` after it (decimals and times do not).
            Prefilter::Ipv4 => {
                hay[at] == b'.' && before(u8::is_ascii_digit) && dotted_after(hay, at + 1, 2)
            }
            // A match holds `::` or seven colons in one run of hex digits and
            // colons; the run from the byte before the trigger shows either
            // (`12:30:45` does not).
            Prefilter::Ipv6 => {
                let hex = |b: &u8| b.is_ascii_hexdigit() || *b == b':';
                if !(hay[at] == b':' && before(hex) && after(hex)) {
                    return false;
                }
                let run = &hay[at - 1..hay.len().min(at + 40)];
                let run = &run[..run.iter().position(|b| !hex(b)).unwrap_or(run.len())];
                run.windows(2).any(|w| w == b"::")
                    || run.iter().filter(|&&b| b == b':').count() >= 7
            }
            Prefilter::Card => {
                let digits = |r: std::ops::Range<usize>| {
                    hay.len() >= r.end && hay[r].iter().all(u8::is_ascii_digit)
                };
                digits(at..at + 4)
                    && (digits(at + 4..at + 13)
                        || (hay.get(at + 4).is_some_and(|b| *b == b' ' || *b == b'-')
                            && digits(at + 5..at + 9)))
            }
        }
    }
}

/// Whether `hay[i..]` is `dots` more groups of 1-3 digits each ended by a
/// `.`, then a digit (the rest of a dotted quad after its first dot).
fn dotted_after(hay: &[u8], mut i: usize, dots: usize) -> bool {
    for _ in 0..dots {
        let run = hay[i.min(hay.len())..]
            .iter()
            .take(4)
            .take_while(|b| b.is_ascii_digit())
            .count();
        if !(1..=3).contains(&run) || hay.get(i + run) != Some(&b'.') {
            return false;
        }
        i += run + 1;
    }
    hay.get(i).is_some_and(u8::is_ascii_digit)
}

#[cfg(test)]
mod tests {
    use super::Prefilter;

    fn fires_in(pf: Prefilter, hay: &str) -> Vec<usize> {
        let h = hay.as_bytes();
        (0..h.len()).filter(|&i| pf.fires(h, i)).collect()
    }

    #[test]
    fn ip_triggers_skip_decimals_and_times() {
        use Prefilter::{Ipv4, Ipv6};
        assert_eq!(fires_in(Ipv4, "host 10.0.0.1 up"), vec![7]);
        assert_eq!(fires_in(Ipv4, "at 192.168.100.200"), vec![6]);
        assert_eq!(fires_in(Ipv4, "1.2.3.4.5"), vec![1, 3]);
        for no in ["428.21", "39.331Z", "1.2.3", "1.2.3.", "v1.2", "1.2222.3.4"] {
            assert!(fires_in(Ipv4, no).is_empty(), "{no}");
        }
        assert_eq!(fires_in(Ipv6, "ip fe80::1 ok"), vec![7, 8]);
        assert_eq!(fires_in(Ipv6, " ::ffff:1"), vec![2]);
        assert_eq!(fires_in(Ipv6, "2001:db8:0:0:0:0:2:1").first(), Some(&4));
        for no in [
            "12:30:45",
            "2024-05-03T20:46:39.331Z",
            "a:b:c:d:e:f:1",
            "key: value",
        ] {
            assert!(fires_in(Ipv6, no).is_empty(), "{no}");
        }
    }
}
