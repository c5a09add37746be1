//! App-wide state: runtime configuration, preferences (language, calendar), the backend
//! and who is using it, drafts, and the locale messages — each a `provide_*`/`use_*` pair.

pub mod config;
pub mod connection;
pub mod drafts;
pub mod i18n;
pub mod prefs;
pub mod route;
pub mod session;
