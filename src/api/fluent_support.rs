//! Fluent Support (WordPress plugin, free 1.8.4, REST `/wp-json/fluent-support/v2`): the
//! adapter's decode and mapping layer and its HTTP client.
//!
//! `dto` is what the server sends, `mapping` turns it into the domain (and the domain's writes
//! into request bodies) as pure functions, `client` does the HTTP; every mapping is tested on
//! exchanges recorded from a real Fluent Support 1.8.4 on WordPress 6.1
//! (`tests/fixtures/fluent-support/`). Auth, REST URLs and core's errors come from
//! `crate::api::wordpress`.
//!
//! What shapes the mapping, in short (the fixtures' README has the details):
//! - Agents and customers use different endpoints (`/tickets…` and `/customer-portal/tickets…`),
//!   picked by the `Viewer`; the portal hides notes and system entries.
//! - Ids and counters are strings in reads and integers in create answers: all numbers are
//!   read leniently.
//! - `created_at` / `updated_at` are UTC with `+00:00`, but `last_agent_response`,
//!   `last_customer_response` and `resolved_at` are the site's wall clock without an offset:
//!   the backend carries the site's offset (`site_offset`, +03:30 by default).
//! - Statuses are `new|active|closed`; "waiting on customer" is derived (an active ticket whose
//!   last agent reply is later than the customer's last word). Priorities `normal|medium|critical`.
//! - A thread is the ticket's own `content` (the opening message) plus the responses, which
//!   come newest first.
//! - Lists are Laravel pages whose `next_page_url` drops the filters, so page URLs are built
//!   here; what the server cannot filter (`filters[agent_id]=N` needs Pro) runs locally.
//! - Files are uploaded first (`ticket_file_upload`, multipart) and their hashes sent with the
//!   ticket or reply; downloads go through a link signed for the current UTC hour, whose
//!   handler appends `readfile()`'s byte count and answers failures with 200 HTML.
//! - The plugin's controllers catch their own exceptions: a missing ticket is a 422 with a bare
//!   JSON string; validation is `{field: {rule: message}}`; refusals `{message, error_type}`.
//! - Writes use real PUT/POST (never `X-HTTP-Method-Override`, which core's CORS does not allow).

pub mod client;
pub mod dto;
pub mod mapping;

pub use client::FluentSupportBackend;
pub use mapping::{
    agent_create_body, agent_list_plan, agent_update_steps, attachment_bytes, capabilities, customer_capabilities,
    customer_list_plan, customer_update_steps, decode, error_for, is_unknown_customer, is_waiting_on_customer,
    messages_from, page_from, portal_create_body, priorities, priority_for, property_body, response_body, status_for,
    statuses, strip_readfile_count, text_to_html, thread_from, ticket_from, upload_parts, vocabulary, vocabulary_from,
    ListPlan, Step, MAX_ATTACHMENT_BYTES,
};

#[cfg(test)]
mod tests;
