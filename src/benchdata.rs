//! Generated benchmark data: mixed logs, CSV, JSON Lines, prose and code with
//! a sprinkling of sensitive values (about one per 2 KiB), deterministic for
//! a seed. Used by `benches/` and by `piiscan bench-data` so that piiscan and
//! other tools (ripgrep) can be timed on the very same bytes.

use std::io::{self, Write};

/// Deterministic xorshift64* generator.
pub struct Rng(pub u64);

impl Rng {
    /// Next value.
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545F4914F6CDD1D)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n
    }
    fn digits(&mut self, n: usize) -> String {
        (0..n)
            .map(|_| (b'0' + self.below(10) as u8) as char)
            .collect()
    }
}

const WORDS: &[&str] = &[
    "the", "report", "customer", "order", "shipping", "delivery", "account", "service", "request",
    "update", "payment", "status", "invoice", "team", "meeting", "project", "review", "quarter",
    "growth", "product", "release", "support", "ticket", "issue", "deploy", "cluster", "latency",
    "cache", "and", "of", "to", "in", "for", "with", "on", "is", "was", "will", "be", "by", "from",
    "at", "as", "an", "this", "that", "number", "card", "name",
];

fn sensitive(r: &mut Rng) -> String {
    match r.below(8) {
        0 => format!(
            "ssn: {:03}-{:02}-{:04}",
            100 + r.below(500),
            10 + r.below(80),
            1000 + r.below(8000)
        ),
        1 => "credit card 4539 1488 0343 6467".to_string(),
        2 => format!("email j.doe{}@example.com", r.below(1000)),
        3 => "aws_access_key_id=AKIAQ3EGRVJ6WKXZ7N2P".to_string(),
        4 => "IBAN DE89370400440532013000".to_string(),
        5 => format!("phone +44 20 7946 {}", r.digits(4)),
        6 => "dob: 1984-07-23".to_string(),
        _ => format!(
            "ip 10.{}.{}.{}",
            r.below(255),
            r.below(255),
            1 + r.below(250)
        ),
    }
}

fn line(r: &mut Rng, kind: u64) -> String {
    let words = |r: &mut Rng, n: u64| {
        (0..n)
            .map(|_| WORDS[r.below(WORDS.len() as u64) as usize])
            .collect::<Vec<_>>()
            .join(" ")
    };
    match kind {
        0 => format!(
            "2024-05-{:02}T{:02}:{:02}:{:02}.{:03}Z INFO  http request_id={:016x} method=GET path=/api/v2/{} status={} duration_ms={}",
            1 + r.below(28),
            r.below(24),
            r.below(60),
            r.below(60),
            r.below(1000),
            r.next_u64(),
            WORDS[r.below(WORDS.len() as u64) as usize],
            [200, 200, 201, 404, 500][r.below(5) as usize],
            r.below(900)
        ),
        1 => format!("{},{},{},{}.{:02},2024-0{}-1{},{}", r.below(100000), words(r, 2), r.below(50), r.below(500), r.below(100), 1 + r.below(9), r.below(9), words(r, 3)),
        2 => format!("{{\"event\":\"{}\",\"ts\":{},\"user\":{},\"ms\":{},\"tags\":[\"{}\"]}}", words(r, 1), 1700000000 + r.below(10000000), r.below(1000000), r.below(1000), words(r, 1)),
        3 => {
            let n = 8 + r.below(12);
            let mut s = words(r, n);
            s.push('.');
            s
        }
        _ => format!("    let {} = {}.iter().map(|x| x.{} * {}).sum::<u64>();", words(r, 1), words(r, 1), words(r, 1), r.below(100)),
    }
}

/// Write about `bytes` of mixed text to `w`.
pub fn generate(w: &mut dyn Write, bytes: u64, seed: u64) -> io::Result<u64> {
    let mut r = Rng(seed | 1);
    let mut written = 0u64;
    let mut since = 0u64;
    while written < bytes {
        let kind = r.0 % 5;
        let mut l = line(&mut r, kind);
        if since > 2048 {
            l.push(' ');
            l.push_str(&sensitive(&mut r));
            since = 0;
        }
        l.push('\n');
        w.write_all(l.as_bytes())?;
        written += l.len() as u64;
        since += l.len() as u64;
        r.next_u64();
    }
    Ok(written)
}

/// Generate in memory.
pub fn generate_vec(bytes: u64, seed: u64) -> Vec<u8> {
    let mut v = Vec::with_capacity(bytes as usize + 256);
    generate(&mut v, bytes, seed).expect("write to vec");
    v
}
