//! Decoding backend JSON for every adapter: the value or an error naming the JSON path that
//! failed, so a changed server points at the field that changed.

use serde::de::DeserializeOwned;

use super::ApiError;

/// Longest error detail or server message kept: enough to read, never a whole page.
const MAX_MESSAGE_CHARS: usize = 200;

/// Parses a JSON answer into `T`; on failure says where (`results[0].status`). Trailing
/// bytes after the value are an error too: a body cut and glued by a proxy must not decode
/// as its first half. The path is never empty (`.` is the root).
///
/// The path comes from scanning the text up to where serde_json stopped, not from a
/// path-tracking deserializer: that one doubled every DTO's decoding code in the bundle.
pub fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    serde_json::from_str(body).map_err(|e| {
        let offset = byte_offset(body, e.line(), e.column());
        let detail = e.to_string();
        // "… at line 1 column 57" says nothing the path does not.
        let detail = detail.split(" at line ").next().unwrap_or(&detail);
        ApiError::UnexpectedPayload { path: path_at(body, offset), detail: shorten(detail) }
    })
}

/// serde_json's 1-based line and byte column as an offset into `text`.
fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let line_start: usize = text.split_inclusive('\n').take(line.saturating_sub(1)).map(str::len).sum();
    (line_start + column).min(text.len())
}

enum Frame {
    Object { key: Option<String>, in_value: bool },
    Array { index: usize, started: bool },
}

/// The JSON path (`items[2].Creator.id`) of the value being read at byte `offset`; `.` at
/// the top level. Tolerates broken JSON: it is for naming the place, not validating.
fn path_at(text: &str, offset: usize) -> String {
    let bytes = text.as_bytes();
    let end = offset.min(bytes.len());
    let mut stack: Vec<Frame> = Vec::new();
    let mut i = 0;
    let begin_value = |stack: &mut Vec<Frame>| {
        if let Some(Frame::Array { started, .. }) = stack.last_mut() {
            *started = true;
        }
    };
    while i < end {
        match bytes[i] {
            b'{' => {
                begin_value(&mut stack);
                stack.push(Frame::Object { key: None, in_value: false });
            }
            b'[' => {
                begin_value(&mut stack);
                stack.push(Frame::Array { index: 0, started: false });
            }
            b'}' | b']' => {
                stack.pop();
            }
            b':' => {
                if let Some(Frame::Object { in_value, .. }) = stack.last_mut() {
                    *in_value = true;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array { index, started }) => {
                    *index += 1;
                    *started = false;
                }
                Some(Frame::Object { key, in_value }) => {
                    *key = None;
                    *in_value = false;
                }
                None => {}
            },
            b'"' => {
                let start = i + 1;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                match stack.last_mut() {
                    Some(Frame::Object { key, in_value: false }) => {
                        *key = Some(String::from_utf8_lossy(&bytes[start..i.min(bytes.len())]).into_owned());
                    }
                    _ => begin_value(&mut stack),
                }
            }
            b if !b.is_ascii_whitespace() => begin_value(&mut stack),
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object { key: Some(key), .. } => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Array { index, started: true } => path.push_str(&format!("[{index}]")),
            _ => {}
        }
    }
    if path.is_empty() {
        ".".into()
    } else {
        shorten(&path)
    }
}

/// A server's message, trimmed and cut to a readable length.
pub fn shorten(text: &str) -> String {
    let text = text.trim();
    match text.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_owned(),
    }
}

/// Shared by the adapters' robustness tests: deterministic truncation and mutation of
/// recorded bodies (each adapter brings its own palette of hostile bytes).
#[cfg(test)]
pub mod fuzz {
    use serde::de::DeserializeOwned;

    use super::decode;
    use crate::api::ApiError;

    /// `text` decoded as `T`, or `None` after checking the failure is an `UnexpectedPayload`
    /// that names a path (anything else, or a panic, fails the fuzz test).
    pub fn decoded_or_path<T: DeserializeOwned>(text: &str) -> Option<T> {
        match decode::<T>(text) {
            Ok(v) => Some(v),
            Err(ApiError::UnexpectedPayload { path, .. }) => {
                assert!(!path.is_empty(), "empty path for {text:?}");
                None
            }
            Err(other) => panic!("decode returned {other:?}"),
        }
    }

    /// xorshift64*: deterministic, so a failure reproduces with the same seed.
    pub struct Rng(pub u64);

    impl Rng {
        pub fn next_u64(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        pub fn below(&mut self, n: usize) -> usize {
            (self.next_u64() % n.max(1) as u64) as usize
        }
    }

    /// Up to four edits: replace, delete, insert from `palette`, duplicate a chunk, swap bytes.
    pub fn mutate(rng: &mut Rng, text: &str, palette: &[&str]) -> String {
        let mut bytes = text.as_bytes().to_vec();
        for _ in 0..=rng.below(3) {
            let len = bytes.len();
            let pos = rng.below(len + 1);
            match rng.below(5) {
                0 if pos < len => {
                    let with = palette[rng.below(palette.len())].as_bytes();
                    bytes.splice(pos..pos + 1, with.iter().copied());
                }
                1 => {
                    let end = (pos + 1 + rng.below(16)).min(len);
                    bytes.drain(pos.min(end)..end);
                }
                2 => {
                    let with = palette[rng.below(palette.len())].as_bytes();
                    bytes.splice(pos..pos, with.iter().copied());
                }
                3 => {
                    let start = rng.below(len + 1);
                    let end = (start + rng.below(64)).min(len);
                    let chunk = bytes[start..end].to_vec();
                    bytes.splice(pos..pos, chunk);
                }
                _ if len > 1 => {
                    let other = rng.below(len);
                    bytes.swap(pos.min(len - 1), other);
                }
                _ => {}
            }
        }
        String::from_utf8_lossy(&bytes).into_owned()
    }

    /// `text` cut at or before byte `at`, on a character boundary.
    pub fn prefix(text: &str, at: usize) -> &str {
        let mut at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        &text[..at]
    }

    /// `body` cut at about `cuts` evenly spaced places, then `mutations` copies mutated from
    /// `palette`, each handed to `exercise` (which returns how many shapes decoded). Returns
    /// how many variants were tried and how many mutated copies still decoded as something.
    pub fn cut_and_mutate(
        rng: &mut Rng,
        body: &str,
        cuts: usize,
        mutations: usize,
        palette: &[&str],
        mut exercise: impl FnMut(&str) -> usize,
    ) -> (usize, usize) {
        let (mut variants, mut decoded) = (0, 0);
        for at in (0..body.len()).step_by((body.len() / cuts).max(1)) {
            exercise(prefix(body, at));
            variants += 1;
        }
        for _ in 0..mutations {
            decoded += usize::from(exercise(&mutate(rng, body, palette)) > 0);
            variants += 1;
        }
        (variants, decoded)
    }
}
