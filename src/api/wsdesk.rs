//! WSDesk (ELEX WordPress Helpdesk, 1.7.0): a submit-only adapter.
//!
//! WSDesk has no REST API. Its one documented call, `admin-ajax.php` with
//! `action=wsdesk_api_create_ticket`, creates a ticket from a site-wide API key and answers
//! `{"status", "message"}` as `text/html` — no ticket id, no number, nothing to follow up
//! with. So the adapter can submit a ticket (with files) and nothing else; every other call is
//! `ApiError::Unsupported` naming the limitation.
//!
//! What shapes the mapping, in short (tested on exchanges recorded from a real WSDesk 1.7.0,
//! `tests/fixtures/wsdesk/`, whose README has the details):
//! - The key is the only credential and goes in the form: a page that submits from the
//!   browser carries it in public. That is WSDesk's design; the key can do nothing but create.
//! - The server checks nothing else: a missing e-mail still answers "success" and stores
//!   nothing, a bad e-mail is stored as sent. The form is checked here before it goes.
//! - The description is stored as HTML without sanitizing (newlines become `<br/>`), so plain
//!   text is escaped first; files go as `file[]` (a plain `file` field is silently dropped).
//! - Until an admin opens WSDesk's setup wizard once, every admin-ajax answer is a redirect to
//!   it, which a browser follows to a page: that answer is reported as such.

pub mod client;
pub mod dto;
pub mod mapping;

pub use client::WsDeskBackend;

#[cfg(test)]
mod tests;
