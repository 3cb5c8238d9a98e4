//! Small shared helpers: human sizes on the command line.

/// Parse `123`, `10k`, `10KB`, `10KiB`, `5M`, `1.5G`, `2GiB` (binary multiples).
pub fn parse_size(s: &str) -> Result<u64, String> {
    let t = s.trim();
    let split = t
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(t.len());
    let (num, unit) = t.split_at(split);
    let n: f64 = num
        .parse()
        .map_err(|_| format!("{s:?} is not a size (examples: 500, 64KiB, 10MB, 2G)"))?;
    let mult: u64 = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        "t" | "tb" | "tib" => 1 << 40,
        u => {
            return Err(format!(
                "unknown size unit {u:?} in {s:?} (use K, M, G or T)"
            ))
        }
    };
    Ok((n * mult as f64) as u64)
}

#[cfg(test)]
mod tests {
    #[test]
    fn sizes() {
        assert_eq!(super::parse_size("10KiB").unwrap(), 10240);
        assert_eq!(super::parse_size("1.5G").unwrap(), 3 << 29);
        assert!(super::parse_size("ten").is_err());
    }
}
