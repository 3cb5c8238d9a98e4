//! Deterministic sampling (`--sample PERCENT`).
//!
//! In: bucket, key, percentage. Out: whether the object is in the sample.
//! Why: reruns, other machines and other versions of piiscan must pick the
//! same objects, so the choice is a fixed, documented function of the
//! object's name — never Rust's `DefaultHasher`, whose output may change:
//!
//! ```text
//! h = first 8 bytes, big-endian, of SHA-256("<bucket>/<key>")   (UTF-8)
//! selected  ⇔  h mod 1,000,000  <  round(percent × 10,000)
//! ```
//!
//! Reproduce with `printf '%s' 'bucket/key' | sha256sum | cut -c1-16`.
//! SHA-256 spreads keys uniformly, so the sample is spread evenly over
//! prefixes and dates however keys are named; resolution is 0.0001 %.

use sha2::{Digest, Sha256};

/// The sampling hash of an object.
pub fn sample_hash(bucket: &str, key: &str) -> u64 {
    let mut h = Sha256::new();
    h.update(bucket.as_bytes());
    h.update(b"/");
    h.update(key.as_bytes());
    let d = h.finalize();
    u64::from_be_bytes(d[..8].try_into().expect("8 bytes"))
}

/// Whether `bucket/key` is in a `percent` % sample.
pub fn selected(bucket: &str, key: &str, percent: f64) -> bool {
    if percent >= 100.0 {
        return true;
    }
    let threshold = (percent * 10_000.0).round().max(0.0) as u64;
    sample_hash(bucket, key) % 1_000_000 < threshold
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Values computed independently with `sha256sum`.
    #[test]
    fn known_hashes() {
        assert_eq!(sample_hash("bucket", "key"), 0x0a9d370e05085703);
        assert_eq!(
            sample_hash("data", "customers/0001.csv"),
            0xfe818435f1f16025
        );
        assert_eq!(
            sample_hash("logs", "2024/01/01/app.log"),
            0x871e48af98e4e66d
        );
        // h mod 1e6: bucket/key 354819, data/… 631333, logs/… 205741, b/a 487843
        assert_eq!(sample_hash("b", "a") % 1_000_000, 487_843);
    }

    #[test]
    fn known_selection() {
        let keys = [
            ("bucket", "key"),
            ("data", "customers/0001.csv"),
            ("logs", "2024/01/01/app.log"),
            ("b", "a"),
        ];
        let pick = |p: f64| -> Vec<bool> { keys.iter().map(|(b, k)| selected(b, k, p)).collect() };
        assert_eq!(pick(10.0), [false, false, false, false]);
        assert_eq!(pick(20.5742), [false, false, true, false]);
        assert_eq!(pick(20.5741), [false, false, false, false]);
        assert_eq!(pick(40.0), [true, false, true, false]);
        assert_eq!(pick(50.0), [true, false, true, true]);
        assert_eq!(pick(64.0), [true, true, true, true]);
        assert_eq!(pick(100.0), [true, true, true, true]);
        assert_eq!(pick(0.0), [false, false, false, false]);
    }

    #[test]
    fn share_is_close_to_percent() {
        let n = 20_000;
        let hits = (0..n)
            .filter(|i| selected("bkt", &format!("p/{i:06}.txt"), 10.0))
            .count();
        assert!((1_800..=2_200).contains(&hits), "{hits} of {n}");
    }
}
