//! Masking of sensitive values for every output and log line.
//!
//! In: matched bytes and the detector category. Out: a printable sample that
//! shows the shape and a few characters, never the whole value (unless the
//! user passed `--reveal`). Rules: credentials keep at most a 4-character
//! prefix and hide every other character, separators included (`AKIA`, `ghp_` tell the kind, not the secret); other values keep
//! the last 4 alphanumerics when they have 9 or more (2 when 6–8, none
//! below), like a card receipt; emails keep the first character and the
//! domain. Separators stay so `****-****-****-1111` still reads as a card.

use crate::detect::Category;

const MAX_SHOWN: usize = 48;

/// Mask `value` for display.
pub fn mask(value: &[u8], category: Category, reveal: bool) -> String {
    let s = String::from_utf8_lossy(value);
    if reveal {
        return s.chars().take(256).collect();
    }
    let chars: Vec<char> = s.chars().collect();
    let alnum = chars.iter().filter(|c| c.is_alphanumeric()).count();
    let mut out = String::new();
    if category == Category::Credentials {
        let keep = if alnum >= 16 { 4 } else { 0 };
        for (i, c) in chars.iter().enumerate() {
            if out.chars().count() >= MAX_SHOWN {
                out.push('…');
                break;
            }
            out.push(if i < keep { *c } else { '*' });
        }
        return out;
    }
    if let Some(at) = chars.iter().position(|&c| c == '@') {
        for (i, c) in chars.iter().enumerate() {
            out.push(if i == 0 || i >= at { *c } else { '*' });
        }
        return out.chars().take(MAX_SHOWN).collect();
    }
    let keep = if alnum >= 9 {
        4
    } else if alnum >= 6 {
        2
    } else {
        0
    };
    let mut seen = 0;
    for c in &chars {
        if c.is_alphanumeric() {
            seen += 1;
            out.push(if seen > alnum - keep { *c } else { '*' });
        } else {
            out.push(*c);
        }
    }
    if out.chars().count() > MAX_SHOWN {
        let tail: String = out
            .chars()
            .rev()
            .take(MAX_SHOWN)
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        out = format!("…{tail}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks() {
        let p = Category::PersonalInformation;
        assert_eq!(
            mask(
                b"4111-1111-1111-1111",
                Category::FinancialInformation,
                false
            ),
            "****-****-****-1111"
        );
        assert_eq!(mask(b"536-22-8137", p, false), "***-**-8137");
        assert_eq!(
            mask(b"jane.doe@example.com", p, false),
            "j*******@example.com"
        );
        assert_eq!(
            mask(b"AKIAQ3EGRVJ6WKXZ7N2P", Category::Credentials, false),
            "AKIA****************"
        );
        assert_eq!(mask(b"hunter2!", Category::Credentials, false), "********");
        assert_eq!(
            mask(b"k3Hq9+TbZ2mN8vLp4xWc", Category::Credentials, false),
            "k3Hq****************"
        );
        assert_eq!(mask(b"12345", p, false), "*****");
        assert_eq!(mask(b"536-22-8137", p, true), "536-22-8137");
    }
}
