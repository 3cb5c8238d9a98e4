//! Validates email addresses, IPv4 and IPv6 addresses, and MAC addresses.

use super::text::in_list;

// ───────────────────────────── network and email ─────────────────────────────

/// Email: the generic rules (lengths, TLD, labels, image names), plus no
/// SSH remote (`git@host`) and no file-name or package-version "domain".
pub(super) fn email_address(v: &[u8]) -> bool {
    let Some(generic) = super::super::common::lookup("email") else {
        return false;
    };
    if !generic(v) {
        return false;
    }
    let Some(at) = v.iter().rposition(|&b| b == b'@') else {
        return false;
    };
    let (local, domain) = (&v[..at], &v[at + 1..]);
    if local.eq_ignore_ascii_case(b"git") || local.ends_with(b".") {
        return false;
    }
    let tld = domain.rsplit(|&b| b == b'.').next().unwrap_or(&[]);
    const FILE_EXT: &[&str] = &[
        "jsx", "tsx", "vue", "php", "yml", "yaml", "json", "xml", "pdf", "bak", "tmp", "lock",
        "cfg", "ini", "conf", "bat", "jar", "class", "dat", "mp3", "mp4", "wav", "bmp", "tif",
        "tiff", "ttf", "scss", "sass", "kt", "swift", "cpp", "hpp", "gz", "tgz", "csv", "xlsx",
        "docx", "avif", "heic", "mjs", "cjs", "toml", "lua",
    ];
    !in_list(tld, FILE_EXT) && !in_list(tld, &["local", "localhost", "localdomain", "invalid"])
}

/// IPv4 for the scan pattern: no version word in front (`version 1.2.10.4`,
/// `v10.2.3.1`), exactly four parts (longer dotted runs are OIDs or
/// versions), then the generic octet rules; `x.0.0.0` (browser versions like
/// `Chrome/120.0.0.0`, class-A network numbers) is not a host address.
pub(super) fn ipv4_address(v: &[u8]) -> bool {
    if !matches!(v.first(), Some(b) if b.is_ascii_digit()) {
        return false;
    }
    if v.iter().filter(|&&b| b == b'.').count() != 3 {
        return false;
    }
    if v.ends_with(b".0.0.0") {
        return false;
    }
    // well-known public resolvers that the generic all-small-parts rule drops
    const RESOLVERS: &[&[u8]] = &[
        b"8.8.8.8", b"8.8.4.4", b"1.1.1.1", b"1.0.0.1", b"9.9.9.9", b"4.2.2.2", b"4.2.2.1",
    ];
    if RESOLVERS.contains(&v) {
        return true;
    }
    // `1.2.3.10`, `4.2.1.100`: a section or version number, not a host
    let mut small = 0;
    for part in v.split(|&b| b == b'.').take(3) {
        if part.len() == 1 {
            small += 1;
        }
    }
    if small == 3 {
        return false;
    }
    super::super::common::lookup("ipv4").is_some_and(|f| f(v))
}

/// IPv6: parses (std), at least three non-empty groups, not `::` or `::1`,
/// and not eight 2-digit groups (an EUI-64 / MAC-like colon string).
pub(super) fn ipv6_address(v: &[u8]) -> bool {
    let Ok(s) = std::str::from_utf8(v) else {
        return false;
    };
    let Ok(addr) = s.parse::<std::net::Ipv6Addr>() else {
        return false;
    };
    let groups = s.split(':').filter(|g| !g.is_empty()).count();
    let eui_like = !s.contains("::") && s.split(':').all(|g| g.len() == 2);
    groups >= 3 && !addr.is_unspecified() && !addr.is_loopback() && !eui_like
}

/// MAC address: 12 hex digits (colon, hyphen, Cisco dot or no separators),
/// not all one value (00:00:…, ff:ff:…).
pub(super) fn mac_address(v: &[u8]) -> bool {
    let mut hex = [0u8; 12];
    let mut n = 0;
    for &b in v {
        if b.is_ascii_hexdigit() {
            if n == 12 {
                return false;
            }
            hex[n] = b.to_ascii_lowercase();
            n += 1;
        } else if !matches!(b, b':' | b'-' | b'.') {
            return false;
        }
    }
    n == 12 && !hex.iter().all(|&b| b == hex[0])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::detect::validate::Validator;

    fn check(f: Validator, name: &str, table: &[(&str, bool)]) {
        for (s, ok) in table {
            assert_eq!(f(s.as_bytes()), *ok, "{name}({s:?})");
        }
    }

    #[test]
    fn network() {
        check(
            email_address,
            "email",
            &[
                ("jane.doe@example.co.uk", true),
                ("j.smith+news@mail.acme-corp.com", true),
                ("logo@2x.png", false),
                ("git@github.com", false),
                ("config@settings.yaml", false),
                ("a..b@example.com", false),
                ("printer@host.local", false),
                ("john_smith@example.org", true),
                ("anna.k@example.pl", true),
            ],
        );
        check(
            ipv4_address,
            "ipv4",
            &[
                ("192.168.10.12", true),
                ("10.0.0.1", true),
                ("203.0.113.45", true),
                ("version 1.2.10.4", false),
                ("v10.2.3.1", false),
                ("120.0.0.0", false),
                ("1.3.6.1.4.1", false),
                ("1.2.3.4", false),
                ("1.2.3.10", false),
                ("4.2.1.100", false),
                ("3.120.45.67", true),
                ("8.8.8.8", true),
                ("127.0.0.1", true),
                ("256.1.1.1", false),
                ("255.255.255.0", false),
            ],
        );
        check(
            ipv6_address,
            "ipv6",
            &[
                ("2001:db8:85a3::8a2e:370:7334", true),
                ("fe80:0:0:0:202:b3ff:fe1e:8329", true),
                ("ff02::1:ff00:1", true),
                ("::1", false),
                ("::", false),
                ("fe80::1", false),
                ("00:1A:2B:3C:4D:5E:6F:70", false),
                ("12:30:45", false),
            ],
        );
        check(
            mac_address,
            "mac",
            &[
                ("00:1A:2B:3C:4D:5E", true),
                ("00-1a-2b-3c-4d-5e", true),
                ("001a.2b3c.4d5e", true),
                ("001A2B3C4D5E", true),
                ("00:00:00:00:00:00", false),
                ("ff:ff:ff:ff:ff:ff", false),
                ("00:1A:2B:3C:4D", false),
            ],
        );
    }
}
