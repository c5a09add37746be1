//! django-helpdesk (2.x, `/helpdesk/api/`): the adapter's decode and mapping layer.
//!
//! Pure Rust, no HTTP: `dto` is what the server sends, `mapping` turns it into the domain
//! (and the domain's writes into request bodies), and every function here is tested on
//! exchanges recorded from a real django-helpdesk 2.6.1 (`tests/fixtures/django-helpdesk/`).
//!
//! What shapes the mapping, in short (the fixtures' README has the details):
//! - `tickets/` is staff-only and carries no timestamps: every time on a `Ticket` comes
//!   from its follow-ups, and the opening follow-up is the customer's request even when a
//!   staff user filed it.
//! - A customer follow-up has `user: null`; that is how replies are told apart.
//! - `public` defaults to `false` on the server, and a follow-up `title` renames the
//!   ticket, so the write side always sends `public` and never sends `title`.
//! - Bad or missing credentials answer 403, not 401; only `detail` tells them from a
//!   real permission refusal.

pub mod client;
pub mod dto;
pub mod mapping;

pub use client::DjangoHelpdeskBackend;
pub use mapping::{
    check_attachments, multipart_body, MAX_ATTACHMENT_BYTES, MAX_CREATE_ATTACHMENTS,
    capabilities, create_body, customer_capabilities, customer_ticket_from, decode, error_for, followup_body,
    is_past_last_page, messages_from, page_from, patch_body, priorities, priority_for, priority_number, queues_seen,
    status_for, status_number, status_numbers_for, statuses, thread_from, ticket_from, vocabulary,
};

#[cfg(test)]
mod tests;
