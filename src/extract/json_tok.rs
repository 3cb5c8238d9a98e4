//! An iterative JSON tokenizer over a stream, with bounded memory.
//!
//! In: a reader (or a slice) of UTF-8 JSON: one document, JSON Lines, or
//! concatenated values. Out: events (`StartObject`, `Key`, `Str` pieces,
//! `Scalar`, ...) with the decoded text in `Tokenizer::text`, and the
//! 0-based line where each top-level value starts.
//! Why hand-written: `serde_json` recurses and stops at 128 levels, while
//! Macie accepts up to 256 and skips deeper files with
//! `JSON_NESTING_LEVEL_OVER_LIMIT` — that needs a parser whose nesting is a
//! `Vec`, not the call stack, and which reports "too deep" distinctly from
//! "malformed". It also never holds more than a read buffer plus one string
//! piece (`PIECE` bytes; longer strings come in several `Str` events), so a
//! 200 MB string or a 10 GB document is streamed.

use std::io::{self, Read};

/// Longest string piece handed out at once.
pub const PIECE: usize = 64 * 1024;
/// Keys longer than this are truncated (the rest is consumed and dropped).
pub const MAX_KEY: usize = 4096;
const BUF: usize = 64 * 1024;

/// A tokenizer event; string data is in `Tokenizer::text`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// `{`
    StartObject,
    /// `}`
    EndObject,
    /// `[`
    StartArray,
    /// `]`
    EndArray,
    /// An object key (complete, possibly truncated to `MAX_KEY`).
    Key,
    /// A piece of a string value; `last` on the final piece.
    Str {
        /// Final piece of this string.
        last: bool,
    },
    /// A number, `true`, `false` or `null` (raw text).
    Scalar,
}

/// Why tokenizing stopped.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonError {
    /// Nested deeper than the limit.
    #[error("nested deeper than {0} levels")]
    TooDeep(usize),
    /// Not JSON at byte `at` (line `line`, 0-based).
    #[error("invalid JSON at byte {at} (line {}): {what}", line + 1)]
    Syntax {
        /// Byte offset.
        at: u64,
        /// Line (0-based).
        line: u64,
        /// What was wrong.
        what: &'static str,
    },
    /// Reading failed (the message of the I/O error).
    #[error("read error: {0}")]
    Io(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Top,
    Value,
    ValueOrEnd,
    KeyOrEnd,
    Key,
    Colon,
    AfterValue,
}

/// The tokenizer. One per input; not `Sync`.
pub struct Tokenizer<'r> {
    reader: &'r mut dyn Read,
    buf: Vec<u8>,
    pos: usize,
    len: usize,
    eof: bool,
    base: u64,
    line: u64,
    stack: Vec<u8>,
    state: State,
    in_string: bool,
    max_depth: usize,
    /// Decoded text of the last `Key`, `Str` or `Scalar` event.
    pub text: Vec<u8>,
    /// 0-based line where the current top-level value started.
    pub record_line: u64,
    /// Top-level values started so far.
    pub records: u64,
    /// The last I/O error, kept whole (it may carry a `LimitHit`).
    pub io_error: Option<io::Error>,
}

impl<'r> Tokenizer<'r> {
    /// Tokenize `reader`, refusing nesting deeper than `max_depth`.
    pub fn new(reader: &'r mut dyn Read, max_depth: usize) -> Tokenizer<'r> {
        Tokenizer {
            reader,
            buf: vec![0; BUF],
            pos: 0,
            len: 0,
            eof: false,
            base: 0,
            line: 0,
            stack: Vec::new(),
            state: State::Top,
            in_string: false,
            max_depth,
            text: Vec::new(),
            record_line: 0,
            records: 0,
            io_error: None,
        }
    }

    /// Current nesting depth.
    pub fn depth(&self) -> usize {
        self.stack.len()
    }

    /// Current line (0-based).
    pub fn line(&self) -> u64 {
        self.line
    }

    fn err(&self, what: &'static str) -> JsonError {
        JsonError::Syntax {
            at: self.base + self.pos as u64,
            line: self.line,
            what,
        }
    }

    /// Make at least `n` bytes available after `pos` if the stream has them.
    fn fill(&mut self, n: usize) -> Result<bool, JsonError> {
        while self.len - self.pos < n && !self.eof {
            if self.pos > 0 {
                self.buf.copy_within(self.pos..self.len, 0);
                self.base += self.pos as u64;
                self.len -= self.pos;
                self.pos = 0;
            }
            match self.reader.read(&mut self.buf[self.len..]) {
                Ok(0) => self.eof = true,
                Ok(k) => self.len += k,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
                Err(e) => {
                    let msg = e.to_string();
                    self.io_error = Some(e);
                    return Err(JsonError::Io(msg));
                }
            }
        }
        Ok(self.len - self.pos >= n)
    }

    fn skip_ws(&mut self) -> Result<Option<u8>, JsonError> {
        loop {
            while self.pos < self.len {
                match self.buf[self.pos] {
                    b'\n' => self.line += 1,
                    b' ' | b'\t' | b'\r' => {}
                    b => return Ok(Some(b)),
                }
                self.pos += 1;
            }
            if !self.fill(1)? {
                return Ok(None);
            }
        }
    }

    fn after_value(&mut self) {
        self.state = if self.stack.is_empty() {
            State::Top
        } else {
            State::AfterValue
        };
    }

    /// Everything from the first byte, if nothing has been dropped from the
    /// read buffer yet: the buffered bytes and the rest of the stream (for a
    /// fallback to plain text when the input turns out not to be JSON).
    pub fn rewind(self) -> Option<(Vec<u8>, &'r mut dyn Read)> {
        if self.base != 0 {
            return None;
        }
        let mut buf = self.buf;
        buf.truncate(self.len);
        Some((buf, self.reader))
    }

    /// Drop the current record: skip to the next line and reset nesting, so
    /// a JSON Lines file goes on after a bad line.
    pub fn resync(&mut self) -> Result<(), JsonError> {
        self.stack.clear();
        self.in_string = false;
        self.state = State::Top;
        loop {
            if let Some(i) = memchr::memchr(b'\n', &self.buf[self.pos..self.len]) {
                self.pos += i + 1;
                self.line += 1;
                return Ok(());
            }
            self.pos = self.len;
            if !self.fill(1)? {
                return Ok(());
            }
        }
    }

    /// The next event, or `None` at the end of the input.
    pub fn next_event(&mut self) -> Result<Option<Event>, JsonError> {
        self.text.clear();
        if self.in_string {
            return self.string_value().map(Some);
        }
        loop {
            let Some(b) = self.skip_ws()? else {
                return if self.state == State::Top {
                    Ok(None)
                } else {
                    Err(self.err("unexpected end of input"))
                };
            };
            match self.state {
                State::Top => {
                    self.record_line = self.line;
                    self.records += 1;
                    return self.value_start(b).map(Some);
                }
                State::Value => return self.value_start(b).map(Some),
                State::ValueOrEnd => {
                    if b == b']' {
                        return Ok(Some(self.close(b']')?));
                    }
                    return self.value_start(b).map(Some);
                }
                State::KeyOrEnd | State::Key => {
                    if b == b'}' && self.state == State::KeyOrEnd {
                        return Ok(Some(self.close(b'}')?));
                    }
                    if b != b'"' {
                        return Err(self.err("expected a key"));
                    }
                    self.pos += 1;
                    self.string_key()?;
                    self.state = State::Colon;
                    return Ok(Some(Event::Key));
                }
                State::Colon => {
                    if b != b':' {
                        return Err(self.err("expected ':'"));
                    }
                    self.pos += 1;
                    self.state = State::Value;
                }
                State::AfterValue => {
                    let top = self.stack.last().copied().unwrap_or(b'[');
                    match (top, b) {
                        (b'{', b',') => {
                            self.pos += 1;
                            self.state = State::Key;
                        }
                        (b'[', b',') => {
                            self.pos += 1;
                            self.state = State::Value;
                        }
                        (b'{', b'}') | (b'[', b']') => return Ok(Some(self.close(b)?)),
                        _ => return Err(self.err("expected ',' or a closing bracket")),
                    }
                }
            }
        }
    }

    fn close(&mut self, b: u8) -> Result<Event, JsonError> {
        self.pos += 1;
        self.stack.pop();
        self.after_value();
        Ok(if b == b'}' {
            Event::EndObject
        } else {
            Event::EndArray
        })
    }

    fn value_start(&mut self, b: u8) -> Result<Event, JsonError> {
        match b {
            b'{' | b'[' => {
                if self.stack.len() >= self.max_depth {
                    return Err(JsonError::TooDeep(self.max_depth));
                }
                self.pos += 1;
                self.stack.push(b);
                if b == b'{' {
                    self.state = State::KeyOrEnd;
                    Ok(Event::StartObject)
                } else {
                    self.state = State::ValueOrEnd;
                    Ok(Event::StartArray)
                }
            }
            b'"' => {
                self.pos += 1;
                self.in_string = true;
                self.string_value()
            }
            b'-' | b'0'..=b'9' | b't' | b'f' | b'n' => {
                loop {
                    while self.pos < self.len {
                        let c = self.buf[self.pos];
                        if c.is_ascii_alphanumeric() || c == b'.' || c == b'+' || c == b'-' {
                            if self.text.len() < 1024 {
                                self.text.push(c);
                            }
                            self.pos += 1;
                        } else {
                            break;
                        }
                    }
                    if self.pos < self.len || !self.fill(1)? {
                        break;
                    }
                }
                let t = &self.text[..];
                let ok = match t.first() {
                    Some(b't') => t == b"true",
                    Some(b'f') => t == b"false",
                    Some(b'n') => t == b"null",
                    _ => t.iter().all(|c| c.is_ascii_digit() || b"+-.eE".contains(c)),
                };
                if !ok {
                    return Err(self.err("invalid literal"));
                }
                self.after_value();
                Ok(Event::Scalar)
            }
            _ => Err(self.err("expected a value")),
        }
    }

    fn string_value(&mut self) -> Result<Event, JsonError> {
        let done = self.string_body(PIECE, usize::MAX)?;
        if done {
            self.in_string = false;
            self.after_value();
        }
        Ok(Event::Str { last: done })
    }

    fn string_key(&mut self) -> Result<(), JsonError> {
        while !self.string_body(usize::MAX, MAX_KEY)? {}
        Ok(())
    }

    /// Decode string bytes into `text` until the closing quote (true) or
    /// until `piece` bytes are decoded (false); bytes past `cap` are dropped.
    fn string_body(&mut self, piece: usize, cap: usize) -> Result<bool, JsonError> {
        loop {
            if self.pos >= self.len && !self.fill(1)? {
                return Err(self.err("unterminated string"));
            }
            let avail = &self.buf[self.pos..self.len];
            let stop = avail
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)
                .unwrap_or(avail.len());
            let take = stop.min(piece.saturating_sub(self.text.len()).max(1));
            let room = cap.saturating_sub(self.text.len()).min(take);
            self.text.extend_from_slice(&avail[..room]);
            self.pos += take;
            if take < stop {
                return Ok(false);
            }
            if self.pos >= self.len {
                if self.text.len() >= piece {
                    return Ok(false);
                }
                continue;
            }
            match self.buf[self.pos] {
                b'"' => {
                    self.pos += 1;
                    return Ok(true);
                }
                b'\\' => {
                    self.fill(12)?;
                    let ch = self.escape()?;
                    if self.text.len() < cap {
                        let mut tmp = [0u8; 4];
                        self.text
                            .extend_from_slice(ch.encode_utf8(&mut tmp).as_bytes());
                    }
                }
                _ => return Err(self.err("control character in string")),
            }
            if self.text.len() >= piece {
                return Ok(false);
            }
        }
    }

    fn hex4(&self, at: usize) -> Option<u32> {
        let s = self.buf[..self.len].get(at..at + 4)?;
        let s = std::str::from_utf8(s).ok()?;
        u32::from_str_radix(s, 16).ok()
    }

    fn escape(&mut self) -> Result<char, JsonError> {
        let Some(&c) = self.buf[..self.len].get(self.pos + 1) else {
            return Err(self.err("unterminated escape"));
        };
        let simple = match c {
            b'"' => Some('"'),
            b'\\' => Some('\\'),
            b'/' => Some('/'),
            b'b' => Some('\u{8}'),
            b'f' => Some('\u{c}'),
            b'n' => Some('\n'),
            b'r' => Some('\r'),
            b't' => Some('\t'),
            _ => None,
        };
        if let Some(ch) = simple {
            self.pos += 2;
            return Ok(ch);
        }
        if c != b'u' || self.pos + 6 > self.len {
            return Err(self.err("invalid escape"));
        }
        let Some(hi) = self.hex4(self.pos + 2) else {
            return Err(self.err("invalid \\u escape"));
        };
        self.pos += 6;
        if (0xD800..0xDC00).contains(&hi)
            && self.buf[..self.len].get(self.pos..self.pos + 2) == Some(b"\\u")
        {
            if let Some(lo) = self
                .hex4(self.pos + 2)
                .filter(|l| (0xDC00..0xE000).contains(l))
            {
                self.pos += 6;
                let cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
                return Ok(char::from_u32(cp).unwrap_or('\u{FFFD}'));
            }
        }
        Ok(char::from_u32(hi).unwrap_or('\u{FFFD}'))
    }
}

/// Check that `data` is well-formed JSON (one or more top-level values).
pub fn validate(data: &[u8], max_depth: usize) -> Result<u64, JsonError> {
    let mut r = data;
    let mut t = Tokenizer::new(&mut r, max_depth);
    while t.next_event()?.is_some() {}
    Ok(t.records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events(s: &str) -> Result<Vec<(Event, String)>, JsonError> {
        let mut r = s.as_bytes();
        let mut t = Tokenizer::new(&mut r, 256);
        let mut v = Vec::new();
        while let Some(e) = t.next_event()? {
            v.push((e, String::from_utf8_lossy(&t.text).into_owned()));
        }
        Ok(v)
    }

    #[test]
    fn tokens_escapes_and_surrogates() {
        let v = events(r#"{"a\u0041":["x\n\"y", 1.5e3, true, null, {}], "b": "\ud83d\ude00"}"#)
            .unwrap();
        let kinds: Vec<Event> = v.iter().map(|x| x.0).collect();
        assert_eq!(
            kinds,
            vec![
                Event::StartObject,
                Event::Key,
                Event::StartArray,
                Event::Str { last: true },
                Event::Scalar,
                Event::Scalar,
                Event::Scalar,
                Event::StartObject,
                Event::EndObject,
                Event::EndArray,
                Event::Key,
                Event::Str { last: true },
                Event::EndObject,
            ]
        );
        assert_eq!(v[1].1, "aA");
        assert_eq!(v[3].1, "x\n\"y");
        assert_eq!(v[11].1, "😀");
    }

    #[test]
    fn malformed_inputs_are_errors_not_panics() {
        for bad in [
            "{",
            "[1,",
            "{\"a\" 1}",
            "[1 2]",
            "\"abc",
            "{\"a\":tru}",
            "[\"\\u12\"]",
            "}",
            "[1,]x",
            "\"\\",
            "{\"a\":\"\\ud800\"",
        ] {
            assert!(events(bad).is_err(), "{bad}");
        }
        assert!(events("").unwrap().is_empty());
    }

    #[test]
    fn depth_limit_is_exact() {
        let ok = "[".repeat(256) + &"]".repeat(256);
        assert!(validate(ok.as_bytes(), 256).is_ok());
        let deep = "[".repeat(257) + &"]".repeat(257);
        assert_eq!(validate(deep.as_bytes(), 256), Err(JsonError::TooDeep(256)));
        let very = "{\"a\":".repeat(10_000) + "1" + &"}".repeat(10_000);
        assert_eq!(validate(very.as_bytes(), 256), Err(JsonError::TooDeep(256)));
    }

    #[test]
    fn long_strings_come_in_pieces() {
        let s = format!("[\"{}\"]", "x".repeat(3 * PIECE + 5));
        let v = events(&s).unwrap();
        let pieces: Vec<usize> = v
            .iter()
            .filter(|e| matches!(e.0, Event::Str { .. }))
            .map(|e| e.1.len())
            .collect();
        assert_eq!(pieces.iter().sum::<usize>(), 3 * PIECE + 5);
        assert!(pieces.len() >= 3);
        assert!(pieces.iter().all(|&p| p <= PIECE + 4));
    }

    #[test]
    fn json_lines_and_resync() {
        let data = "{\"a\":1}\n{\"a\":\n2}\n{bad}\n{\"a\":3}\n";
        let mut r = data.as_bytes();
        let mut t = Tokenizer::new(&mut r, 256);
        let mut lines = Vec::new();
        loop {
            match t.next_event() {
                Ok(Some(Event::StartObject)) if t.depth() == 1 => lines.push(t.record_line),
                Ok(Some(_)) => {}
                Ok(None) => break,
                Err(_) => t.resync().unwrap(),
            }
        }
        assert_eq!(lines, vec![0, 1, 3, 4]);
    }
}
