//! Which backend the dashboard talks to and as whom. A deployment's `config.json` may fix
//! the backend and its address; otherwise the connection screen asks and keeps the choice
//! in `localStorage` (no secrets). Credentials live in `sessionStorage` only: this tab,
//! gone when it closes.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::api::{BackendKind, Credentials};
use crate::platform::{BrowserStorage, KeyValue};
use crate::state::config::RuntimeConfig;

const CONNECTION_KEY: &str = "pishkhan.connection.v1";
pub const CREDENTIALS_KEY: &str = "pishkhan.credentials.v2";

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Connection {
    pub kind: BackendKind,
    /// The API root (django-helpdesk, RT) or the WordPress site.
    pub base: String,
}

impl Connection {
    /// What the deployment fixed, else what the user chose last, else the demo.
    pub fn resolve(config: &RuntimeConfig, stored: &dyn KeyValue) -> Connection {
        let chosen = stored.get(CONNECTION_KEY).and_then(|raw| serde_json::from_str::<Connection>(&raw).ok());
        match (config.backend_fixed, chosen) {
            (false, Some(chosen)) => chosen,
            _ => Connection { kind: config.backend, base: config.api_base.clone().unwrap_or_default() },
        }
    }

    pub fn save(&self, stored: &dyn KeyValue) {
        if let Ok(raw) = serde_json::to_string(self) {
            let _ = stored.set(CONNECTION_KEY, &raw);
        }
    }
}

pub fn load_credentials(stored: &dyn KeyValue) -> Credentials {
    stored.get(CREDENTIALS_KEY).map(|raw| Credentials::from_stored(&raw)).unwrap_or_default()
}

pub fn save_credentials(stored: &dyn KeyValue, credentials: &Credentials) {
    if credentials.is_none() {
        stored.remove(CREDENTIALS_KEY);
    } else {
        let _ = stored.set(CREDENTIALS_KEY, &credentials.to_stored());
    }
}

/// The dashboard's live connection: the backend memo reads it, the connection screen
/// writes it.
#[derive(Clone, Copy)]
pub struct ConnectionState {
    pub connection: RwSignal<Connection>,
    pub credentials: RwSignal<Credentials>,
    /// Whether the deployment fixed kind and address (the screen then asks only who you are).
    pub fixed: bool,
}

impl ConnectionState {
    pub fn connect(&self, connection: Connection, credentials: Credentials) {
        connection.save(&BrowserStorage::Local);
        save_credentials(&BrowserStorage::Session, &credentials);
        self.connection.set(connection);
        self.credentials.set(credentials);
    }

    pub fn sign_out(&self) {
        save_credentials(&BrowserStorage::Session, &Credentials::None);
        self.credentials.set(Credentials::None);
    }
}

pub fn provide_connection(config: &RuntimeConfig) -> ConnectionState {
    let state = ConnectionState {
        connection: RwSignal::new(Connection::resolve(config, &BrowserStorage::Local)),
        credentials: RwSignal::new(load_credentials(&BrowserStorage::Session)),
        fixed: config.backend_fixed,
    };
    provide_context(state);
    state
}

pub fn use_connection() -> ConnectionState {
    expect_context::<ConnectionState>()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::MemoryStorage;

    #[test]
    fn a_fixed_backend_wins_over_the_stored_choice() {
        let stored = MemoryStorage::default();
        Connection { kind: BackendKind::RequestTracker, base: "http://rt/REST/2.0".into() }.save(&stored);
        let mut config = RuntimeConfig::default();
        assert_eq!(Connection::resolve(&config, &stored).kind, BackendKind::RequestTracker);
        config.backend = BackendKind::DjangoHelpdesk;
        config.api_base = Some("http://dh/helpdesk/api".into());
        config.backend_fixed = true;
        let fixed = Connection::resolve(&config, &stored);
        assert_eq!((fixed.kind, fixed.base.as_str()), (BackendKind::DjangoHelpdesk, "http://dh/helpdesk/api"));
    }

    #[test]
    fn nothing_stored_or_garbage_means_the_configured_default() {
        let stored = MemoryStorage::default();
        assert_eq!(Connection::resolve(&RuntimeConfig::default(), &stored).kind, BackendKind::Demo);
        stored.set(CONNECTION_KEY, "{not json").unwrap();
        assert_eq!(Connection::resolve(&RuntimeConfig::default(), &stored).kind, BackendKind::Demo);
        stored.set(CREDENTIALS_KEY, "basic\nx").unwrap();
        assert_eq!(load_credentials(&stored), Credentials::None);
    }

    #[test]
    fn credentials_round_trip_and_blank_ones_are_forgotten() {
        let stored = MemoryStorage::default();
        let token = Credentials::Token { token: "abc".into() };
        save_credentials(&stored, &token);
        assert_eq!(load_credentials(&stored), token);
        save_credentials(&stored, &Credentials::Token { token: " ".into() });
        assert_eq!(stored.get(CREDENTIALS_KEY), None);
    }
}
