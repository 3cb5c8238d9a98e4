//! Tests of `triggers.rs`: both vector loops against the byte-by-byte
//! definition of a trigger position, and the bitmaps.

use super::*;

fn random_text(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            match x % 100 {
                0..=35 => b'a' + (x >> 8) as u8 % 26,
                36..=40 => b'A' + (x >> 8) as u8 % 26,
                41..=66 => b'0' + (x >> 8) as u8 % 10,
                67..=72 => b' ',
                73..=92 => b"@.:-_\"\\;+%/=_#"[(x >> 8) as usize % 14],
                _ => 0x80 | (x >> 8) as u8,
            }
        })
        .collect()
}

/// Runs of 1-20 digits between separators: card-shaped and not, postcodes
/// and not.
fn digit_runs(len: usize, seed: u64) -> Vec<u8> {
    let mut x = seed | 1;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    let mut v = Vec::new();
    while v.len() < len {
        let n = 1 + next() % 20;
        for _ in 0..n {
            v.push(b'0' + (next() % 10) as u8);
        }
        v.push(b" -.a:,A"[(next() % 7) as usize]);
    }
    v.truncate(len);
    v
}

#[test]
fn vector_pass_matches_the_definition() {
    let specs = [
        TriggerSpec::default(),
        TriggerSpec {
            specials: b"-\"#@".to_vec(),
            digit_starts: false,
            card: true,
            ipv4: true,
            ipv6: true,
            postcode: true,
        },
        TriggerSpec {
            specials: b"%".to_vec(),
            digit_starts: true,
            card: false,
            ipv4: false,
            ipv6: true,
            postcode: false,
        },
    ];
    // both vector loops (AVX2 where the machine has it, SSE2 always)
    let finders = specs.into_iter().flat_map(|spec| {
        let f = TriggerFinder::new(spec);
        let mut sse2 = f.clone();
        sse2.avx2 = false;
        [f, sse2]
    });
    for f in finders {
        for (len, seed) in [
            (0, 1),
            (1, 2),
            (63, 3),
            (64, 4),
            (65, 5),
            (200, 6),
            (5000, 7),
        ]
        .into_iter()
        .chain((0..8).map(|s| (70_000, 100 + s)))
        .chain((0..4).map(|s| (20_000, 200 + s)))
        {
            let hay = if seed >= 200 {
                digit_runs(len, seed)
            } else {
                random_text(len, seed)
            };
            let mut marks = Marks::default();
            let mut got = Vec::new();
            f.for_each_block(&hay, &mut marks, |p| {
                assert!(p.len() <= BLOCK_MAX);
                got.extend_from_slice(p)
            });
            let want: Vec<usize> = (0..len).filter(|&i| f.is_position(&hay, i)).collect();
            assert_eq!(got, want, "positions, len {len}");
            for (i, &b) in hay.iter().enumerate() {
                let ws = is_word(b) && (i == 0 || !is_word(hay[i - 1]));
                assert_eq!(marks.ws[i >> 6] >> (i & 63) & 1 == 1, ws, "ws {i} of {len}");
                assert_eq!(marks.hi[i >> 6] >> (i & 63) & 1 == 1, b >= 0x80, "hi {i}");
                let ds = ws && b.is_ascii_digit();
                assert_eq!(marks.ds[i >> 6] >> (i & 63) & 1 == 1, ds, "ds {i}");
                let pc = f.spec.postcode && postcode_at(&hay, i);
                assert_eq!(marks.pc[i >> 6] >> (i & 63) & 1 == 1, pc, "pc {i} of {len}");
            }
            let mut from = 0;
            let mut seen = Vec::new();
            while let Some(p) = marks.next(from, len, Sel::WordsHigh) {
                seen.push(p);
                from = p + 1;
            }
            let want: Vec<usize> = (0..len)
                .filter(|&i| {
                    hay[i] >= 0x80 || (is_word(hay[i]) && (i == 0 || !is_word(hay[i - 1])))
                })
                .collect();
            assert_eq!(seen, want);
            for (sel, keep) in [(Sel::Digits, true), (Sel::NonDigits, false)] {
                let mut from = 0;
                let mut seen = Vec::new();
                while let Some(p) = marks.next(from, len, sel) {
                    seen.push(p);
                    from = p + 1;
                }
                let want: Vec<usize> = (0..len)
                    .filter(|&i| {
                        is_word(hay[i])
                            && (i == 0 || !is_word(hay[i - 1]))
                            && hay[i].is_ascii_digit() == keep
                    })
                    .collect();
                assert_eq!(seen, want, "{sel:?}");
            }
        }
    }
}
