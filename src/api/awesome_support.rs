//! Awesome Support (6.3, its bundled REST API 1.0.4 under `/wp-json/wpas-api/v1`): the
//! adapter's DTOs, mapping and HTTP client, tested on exchanges recorded from a real
//! Awesome Support 6.3.0 on WordPress 6.1 (`tests/fixtures/awesome-support/`).
//!
//! What shapes the mapping, in short (the fixtures' README has the details):
//! - Times: `date`/`modified` are the site's wall clock without an offset; the `*_gmt` twins
//!   are UTC without a `Z`, and are what the mapping reads. Embedded replies carry only
//!   `date`, converted with the offset between the ticket's own `date` and `date_gmt`.
//! - Status vs state: `status` is `queued`/`processing`/`hold` (or a site's own) and survives
//!   closing; `state: closed` is what makes a ticket Closed. The domain sees one status, with
//!   the pseudo-key `closed`; writes send `state` for it and `status` + `state: open` otherwise.
//! - Single-valued taxonomies (department, priority, channel) come back as term slugs and are
//!   written as slugs, but list filters take term ids; tags are term ids both ways. Priority
//!   levels come from the words of each site's own priority terms.
//! - Waiting on customer: the plugin keeps no such flag in the API, so it is derived from who
//!   wrote the last reply (the ticket's author is the customer, anyone else an agent — the
//!   plugin's own rule). There are no internal notes (a paid add-on): `add_note` is
//!   `Unsupported`, and `Capabilities` says so.
//! - An anonymous caller, or a login cookie without its nonce, gets `200 []` instead of 401,
//!   while `X-WP-Total` counts what it hid; `X-WP-Total` also counts tickets a signed-in agent
//!   may not read. So lists are fetched whole and counted here, and an empty first page is
//!   checked against `/users/me` (a 401 there is `ApiError::Unauthorized`).

pub mod client;
pub mod dto;
pub mod mapping;

pub use client::AwesomeSupportBackend;
pub use mapping::{
    capabilities, check_attachments, closed_at, create_body, customer_capabilities, decode, error_for, level_for,
    list_params, may_be_signed_out, priorities, priority_for, reply_body, status_for, statuses, thread_from,
    ticket_from, ticket_statuses, update_body, viewer_from, vocabulary, Directory,
};

#[cfg(test)]
mod tests;
