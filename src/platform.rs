//! The few browser services the lower layers need: key-value storage (behind a trait so
//! native tests run the same code over memory) and where the app's own files are.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// A string key-value store: the browser's `localStorage`, or memory.
pub trait KeyValue {
    fn get(&self, key: &str) -> Option<String>;
    /// Fails when the store refuses the write (quota exceeded, storage disabled).
    fn set(&self, key: &str, value: &str) -> Result<(), String>;
    fn remove(&self, key: &str);
}

/// The origin's `localStorage` (kept across visits) or `sessionStorage` (this tab only: for
/// credentials). Behaves as an empty store that refuses writes when storage is unavailable
/// (sandboxed iframes, some private modes).
#[derive(Clone, Copy)]
pub enum BrowserStorage {
    Local,
    Session,
}

impl BrowserStorage {
    fn storage(self) -> Option<web_sys::Storage> {
        let window = web_sys::window()?;
        match self {
            BrowserStorage::Local => window.local_storage(),
            BrowserStorage::Session => window.session_storage(),
        }
        .ok()
        .flatten()
    }
}

impl KeyValue for BrowserStorage {
    fn get(&self, key: &str) -> Option<String> {
        if !cfg!(target_arch = "wasm32") {
            return None;
        }
        self.storage()?.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        if !cfg!(target_arch = "wasm32") {
            return Err("no browser storage here".into());
        }
        let storage = self.storage().ok_or_else(|| "browser storage is not available".to_string())?;
        storage.set_item(key, value).map_err(|e| {
            e.as_string()
                .or_else(|| js_sys::Reflect::get(&e, &"name".into()).ok().and_then(|n| n.as_string()))
                .unwrap_or_else(|| "write refused".into())
        })
    }

    fn remove(&self, key: &str) {
        if cfg!(target_arch = "wasm32") {
            if let Some(s) = self.storage() {
                let _ = s.remove_item(key);
            }
        }
    }
}

/// In-memory store for native tests; `limit` simulates a quota in bytes of values.
#[derive(Clone, Default)]
pub struct MemoryStorage {
    entries: Rc<RefCell<HashMap<String, String>>>,
    limit: Option<usize>,
}

impl MemoryStorage {
    /// A store that refuses writes once its values would exceed `bytes`.
    pub fn with_limit(bytes: usize) -> MemoryStorage {
        MemoryStorage { limit: Some(bytes), ..MemoryStorage::default() }
    }
}

impl KeyValue for MemoryStorage {
    fn get(&self, key: &str) -> Option<String> {
        self.entries.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), String> {
        let mut entries = self.entries.borrow_mut();
        if let Some(limit) = self.limit {
            let others: usize = entries.iter().filter(|(k, _)| *k != key).map(|(_, v)| v.len()).sum();
            if others + value.len() > limit {
                return Err("QuotaExceededError".into());
            }
        }
        entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.entries.borrow_mut().remove(key);
    }
}

/// The URL of a file shipped with the app (beside `boot.js`), not beside the page: client
/// routes such as `/portal/tickets/7` and embedding pages live elsewhere.
pub fn app_asset_url(name: &str) -> String {
    let located = || {
        let window = web_sys::window()?;
        let script = window.document()?.query_selector("script[data-wasm-js]").ok()??;
        let boot = web_sys::Url::new_with_base(&script.get_attribute("src")?, &window.location().href().ok()?).ok()?;
        web_sys::Url::new_with_base(name, &boot.href()).ok().map(|u| u.href())
    };
    if cfg!(target_arch = "wasm32") {
        located().unwrap_or_else(|| name.to_owned())
    } else {
        name.to_owned()
    }
}
