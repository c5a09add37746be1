//! What django-helpdesk's REST API sends, field for field (DRF serializers of 2.6.1).
//!
//! Tolerant where the server is loose: nullable columns are `Option`, fields a version may
//! add are ignored (never `deny_unknown_fields`), lists a version may leave out default to
//! empty. Strict where the mapping leans on a field: a follow-up's `user`, `public` and
//! `date`, a ticket's `status`, `priority`, `on_hold`, `queue` and `followup_set` must be
//! present with the right type, so a changed server fails loudly at that path instead of
//! mislabelling tickets.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};

/// DRF's page: `?page=` is 1-based, `count` spans every page, and a page past the end is a
/// 404 rather than an empty page.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PageDto<T> {
    pub count: u64,
    #[serde(default)]
    pub next: Option<String>,
    #[serde(default)]
    pub previous: Option<String>,
    pub results: Vec<T>,
}

/// `tickets/` and `tickets/N/` (staff only).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TicketDto {
    pub id: u64,
    pub queue: u64,
    pub title: String,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub resolution: Option<String>,
    #[serde(default)]
    pub submitter_email: Option<String>,
    #[serde(default)]
    pub assigned_to: Option<u64>,
    pub status: u8,
    pub on_hold: bool,
    pub priority: u8,
    #[serde(default)]
    pub due_date: Option<String>,
    #[serde(default)]
    pub merged_to: Option<u64>,
    pub followup_set: Vec<FollowupDto>,
    /// Everything else the server sent; the site's custom fields arrive here as
    /// `custom_<name>` (django-helpdesk adds one serializer field per `CustomField`).
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

/// One entry of `followup_set`, and the answer to `POST followups/`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct FollowupDto {
    pub id: u64,
    #[serde(default)]
    pub ticket: Option<u64>,
    /// The staff user who wrote it; `null` for the customer (the server records `user` only
    /// for staff). Required-but-nullable: a server that stopped sending it would turn every
    /// agent reply into a customer reply.
    #[serde(deserialize_with = "Option::deserialize")]
    pub user: Option<u64>,
    /// Not the message: the ticket's title at the time ("… and Resolved" after a status
    /// change, "Ticket Opened" for the first one).
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub comment: Option<String>,
    pub public: bool,
    #[serde(default)]
    pub new_status: Option<u8>,
    /// DRF duration text such as `"01:30:00"`.
    #[serde(default)]
    pub time_spent: Option<String>,
    #[serde(default)]
    pub followupattachment_set: Vec<FollowupAttachmentDto>,
    #[serde(deserialize_with = "server_datetime")]
    pub date: DateTime<Utc>,
    #[serde(default)]
    pub message_id: Option<String>,
    /// Read-only in 2.6.1 (not in the shared notes): who was e-mailed; `[]` for notes.
    #[serde(default)]
    pub email_recipients: Vec<String>,
}

/// One file of a follow-up (`followupattachment_set`, `followups-attachments/`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct FollowupAttachmentDto {
    pub id: u64,
    #[serde(default)]
    pub followup: Option<u64>,
    /// Absolute URL built from the request's Host; DRF sends `null` for a row whose file is
    /// gone.
    #[serde(default)]
    pub file: Option<String>,
    pub filename: String,
    pub mime_type: String,
    pub size: u64,
}

/// `user_tickets/` rows and `user_tickets/N/`: the logged-in customer's own tickets, in a
/// different shape from `tickets/` (status as a label, no priority, no thread).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct UserTicketDto {
    /// `"<id> [<queue-slug>-<id>]"`: the bracketed part is what django-helpdesk's own
    /// e-mails show the customer.
    pub ticket: String,
    pub id: u64,
    pub title: String,
    pub queue: QueueRefDto,
    /// The English (or site-language) label from `Ticket.get_status`, e.g. `"Open"` or
    /// `"Open - On Hold"`.
    pub status: String,
    /// ISO-8601 in 2.6.1; older releases sent humanized text ("3 days ago"), so it stays text
    /// here and the mapping parses what it can.
    #[serde(default)]
    pub created: Option<String>,
    #[serde(default)]
    pub due_date: Option<String>,
    #[serde(default)]
    pub submitter: Option<String>,
    #[serde(default)]
    pub kbitem: Option<String>,
    /// Grants access to the public ticket page: kept out of every domain value.
    #[serde(default)]
    pub secret_key: Option<String>,
    #[serde(flatten)]
    pub extra: BTreeMap<String, serde_json::Value>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct QueueRefDto {
    pub id: u64,
    pub title: String,
}

/// `POST api-token-auth/`.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct TokenDto {
    pub token: String,
}

impl std::fmt::Debug for TokenDto {
    // A token in a log is a credential in a log.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("TokenDto { token: <redacted> }")
    }
}

/// DRF's error body for permission, authentication and not-found answers.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct DetailDto {
    pub detail: String,
}

/// DRF's validation body: field name → messages. Values are usually lists of strings, but
/// list fields nest by index (`{"attachments": {"0": ["…"]}}`) and some errors are a bare
/// string, so the values stay JSON and the mapping walks them.
pub type FieldErrorsDto = BTreeMap<String, serde_json::Value>;

/// DRF writes `DateTimeField` as ISO-8601: `Z` or an offset with `USE_TZ = True`, with
/// microseconds only when there are some, and without any offset when the site runs with
/// `USE_TZ = False` — then the time is the site's wall clock, read here as UTC because the
/// API never says which zone that is.
fn server_datetime<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(d)?;
    parse_server_datetime(&text).ok_or_else(|| serde::de::Error::custom(format!("not an ISO-8601 date-time: {text:?}")))
}

pub(crate) fn parse_server_datetime(text: &str) -> Option<DateTime<Utc>> {
    crate::calendar::parse_iso_datetime(text)
}
