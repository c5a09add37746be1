//! Request Tracker 5 (REST2, `/REST/2.0/`).
//!
//! `dto` is what the server sends, `mapping` (pure Rust, no HTTP) turns it into the domain
//! (and the domain's writes into request bodies and TicketSQL), and every mapping function is
//! tested on exchanges recorded from a real RT 5.0.3 (`tests/fixtures/request-tracker/`);
//! `client` makes the requests.
//!
//! What shapes the mapping, in short (the fixtures' README has the details):
//! - `id` is a string in lists and a number in records; `Priority`, `ContentLength` are text;
//!   `pages` is `0.0` on an empty search; `total` is `null` for most non-superuser lists.
//! - Unset dates are `1970-01-01T00:00:00Z` (read as "none").
//! - `PUT /ticket/N` answers 200 with messages even when a change failed: `put_outcome`.
//! - Not-found is 500 for `/transaction/N` and `/attachment/N` and 400 for a reply to a
//!   missing ticket: `error_for_call` takes the kind of call.
//! - A non-ASCII `FileName` in JSON `Attachments` is a 500; `Payload::Multipart` is chosen
//!   for those (`needs_multipart`).
//! - A reply/comment by a user whose RT `Lang` is not English is stored but the connection
//!   drops (RT bug): the client re-reads the thread when a reply's answer is lost.

pub mod client;
pub mod dto;
pub mod mapping;

pub use client::RequestTrackerBackend;
pub use mapping::{
    attachment_bytes, capabilities, create_body, customer_capabilities, decode, departments_from, ends_with_message,
    error_for, error_for_call, history_params, is_last_page, like_pattern, messages_from, name_people_from_history,
    needs_multipart,
    page_from, parse_time, priorities, priority_for, put_outcome, reply_body, search_params, search_query,
    server_is_exact, sort_params, sql_string, status_for, statuses, thread_from, ticket_from_record,
    ticket_from_search_item, transactions_with_content, update_body, Call, Payload, ATTACHMENT_FIELDS, HISTORY_FIELDS,
    MAX_PER_PAGE, SEARCH_FIELDS, USER_FIELDS,
};

#[cfg(test)]
mod tests;
