//! Structural prefilters: the trigger every match of a no-keyword,
//! no-literal pattern contains (`prefilter = "email"` in the catalog), and
//! where around it a match can start.

/// A structural trigger every match of a pattern contains (named by the
/// catalog's `prefilter`); the regex is tried only in windows around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Prefilter {
    /// An `@` after a local-part byte and before a letter or digit.
    Email,
    /// A `.` between two digits.
    Ipv4,
    /// A `:` next to a hex digit or `:` on both sides.
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
            Prefilter::Ipv4 => {
                hay[at] == b'.' && before(u8::is_ascii_digit) && after(u8::is_ascii_digit)
            }
            Prefilter::Ipv6 => {
                let hex = |b: &u8| b.is_ascii_hexdigit() || *b == b':';
                hay[at] == b':' && before(hex) && after(hex)
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
