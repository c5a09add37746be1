//! Drafts of new tickets and replies, kept in `localStorage` until sent, so nothing typed
//! is lost to a reload, a network failure or an expired session.

use serde::{de::DeserializeOwned, Serialize};

use crate::platform::{BrowserStorage, KeyValue};

fn storage_key(key: &str) -> String {
    format!("pishkhan.draft.v1.{key}")
}

pub fn load_draft<T: DeserializeOwned>(key: &str) -> Option<T> {
    BrowserStorage::Local.get(&storage_key(key)).and_then(|raw| serde_json::from_str(&raw).ok())
}

/// Best effort: when storage is full the draft still lives in the form.
pub fn save_draft<T: Serialize>(key: &str, draft: &T) {
    if let Ok(raw) = serde_json::to_string(draft) {
        let _ = BrowserStorage::Local.set(&storage_key(key), &raw);
    }
}

pub fn clear_draft(key: &str) {
    BrowserStorage::Local.remove(&storage_key(key));
}
