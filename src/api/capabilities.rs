//! What a backend can do. The UI hides what a backend cannot do and says why; it never fakes it.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Capabilities {
    pub list_tickets: bool,
    pub threads: bool,
    pub create_ticket: bool,
    pub reply: bool,
    pub internal_notes: bool,
    pub attachments: bool,
    /// Largest attachment the backend accepts, in bytes.
    pub max_attachment_bytes: u64,
    pub departments: bool,
    pub tags: bool,
    pub assignment: bool,
    pub priorities: bool,
    pub server_search: bool,
    pub server_status_filter: bool,
    pub server_sort: bool,
    pub close_reopen: bool,
    pub bulk: bool,
    pub guest_tracking: bool,
    pub reports: bool,
}
