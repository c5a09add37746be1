//! Decoding backend JSON for every adapter: the value or an error naming the JSON path that
//! failed, so a changed server points at the field that changed.

use serde::de::DeserializeOwned;

use super::ApiError;

/// Longest error detail or server message kept: enough to read, never a whole page.
const MAX_MESSAGE_CHARS: usize = 200;

/// Parses a JSON answer into `T`; on failure says where (`results[0].status`). Trailing
/// bytes after the value are an error too: a body cut and glued by a proxy must not decode
/// as its first half. The path is never empty (`.` is the root).
pub fn decode<T: DeserializeOwned>(body: &str) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_str(body);
    let value: T = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        // A key that is `""` prints as an empty path; the root is what it is about then.
        let path = e.path().to_string();
        ApiError::UnexpectedPayload {
            path: if path.is_empty() { ".".into() } else { path },
            detail: shorten(&e.into_inner().to_string()),
        }
    })?;
    de.end().map_err(|e| ApiError::UnexpectedPayload { path: ".".into(), detail: shorten(&e.to_string()) })?;
    Ok(value)
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
}
