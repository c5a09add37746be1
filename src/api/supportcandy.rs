//! SupportCandy (3.x, `/wp-json/supportcandy/v2`): the adapter for the WordPress plugin.
//!
//! `dto` is what the server sends, `mapping` turns it into the domain (and the domain's
//! writes into request bodies) without HTTP, `client` does the HTTP; every shape is tested on
//! exchanges recorded from a real SupportCandy 3.4.5 (`tests/fixtures/supportcandy/`).
//!
//! What shapes the mapping, in short (the fixtures' README has the details):
//! - Times are UTC without an offset (`2026-12-03 13:50:55`), `""` when unset.
//! - Tickets cast every numeric-looking value to a JSON number (a subject `"404"` arrives as
//!   `404`); threads keep the database's strings (`"id": "12"`). Ids and text take both.
//! - Statuses, priorities and categories (the domain's departments) are ids on a ticket; their
//!   names come from `/statuses`, `/priorities`, `/categories`, and a status's kind is read from
//!   its name (the stock four: Open, Awaiting customer reply = waiting on customer, Awaiting
//!   agent reply = open, Closed), with the stock ids as fallback.
//! - People are customer records: agents have one too, so a reply is the customer's when its
//!   `customer` is the ticket's; names come from `/customers/N` (e-mails only for agents).
//! - Thread entries are `report` (the request), `reply`, `note`, and `log` (`{slug, prev,
//!   new}`, shown as a system line); customers get no notes and no logs.
//! - Lists page with `{total_items, …, results}`. The default order (`date_updated`) has no
//!   tie-breaker, so the adapter always pages by `id` and sorts the rest itself.
//! - Errors from the plugin's own checks are a serialized `WP_Error` or `{success: false,
//!   data}`, with 401 meaning "not allowed" for a signed-in user; core's go to
//!   `wordpress::rest_error`.

pub mod client;
pub mod dto;
pub mod mapping;

pub use client::SupportCandyBackend;

#[cfg(test)]
mod tests;
