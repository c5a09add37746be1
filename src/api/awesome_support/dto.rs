//! What Awesome Support's REST API (`wpas-api/v1`, bundled with the plugin as REST API 1.0.4)
//! sends, field for field. Tickets, replies and history are WordPress posts under the
//! plugin's controllers; taxonomies are WordPress terms; users are core's user objects.
//!
//! Tolerant where the server is loose: fields a site may switch off (departments,
//! priorities, products) default to empty, numbers may come as strings (meta values), and
//! unknown fields are ignored. Strict where the mapping leans on a field: a ticket's `id`,
//! `date_gmt`, `status`, `state` and `author`, a reply's `author` and `date_gmt` must be
//! there with the right type, so a changed server fails at that path instead of
//! mislabelling tickets.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::Value;

/// `/tickets` and `/tickets/{id}` (`context=view`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TicketDto {
    pub id: u64,
    /// Site-local wall clock without an offset; the mapping uses `date_gmt`.
    #[serde(default)]
    pub date: Option<String>,
    #[serde(deserialize_with = "gmt_datetime")]
    pub date_gmt: DateTime<Utc>,
    #[serde(default, deserialize_with = "optional_gmt_datetime")]
    pub modified_gmt: Option<DateTime<Utc>>,
    #[serde(default)]
    pub slug: String,
    /// The post status: `queued` (New), `processing` (In Progress), `hold` (On Hold) or a
    /// site's own. Closing a ticket leaves it as it was and sets `state`.
    pub status: String,
    /// `open` or `closed`.
    pub state: String,
    #[serde(default)]
    pub link: Option<String>,
    pub title: TextDto,
    #[serde(default)]
    pub content: Option<ContentDto>,
    /// The customer (the WordPress user who owns the ticket).
    pub author: u64,
    /// The assigned agent's user id; 0 when nobody is.
    #[serde(default, deserialize_with = "loose_u64")]
    pub assignee: u64,
    #[serde(rename = "secondary-assignee", default, deserialize_with = "loose_u64")]
    pub secondary_assignee: u64,
    #[serde(rename = "tertiary-assignee", default, deserialize_with = "loose_u64")]
    pub tertiary_assignee: u64,
    /// Term ids (the one taxonomy the plugin leaves as a list).
    #[serde(rename = "ticket-tag", default)]
    pub tags: Vec<u64>,
    /// Single-valued taxonomies come back as the term's slug, `""` when none.
    #[serde(default, deserialize_with = "slug_or_empty")]
    pub department: String,
    #[serde(default, deserialize_with = "slug_or_empty")]
    pub ticket_priority: String,
    #[serde(default, deserialize_with = "slug_or_empty")]
    pub ticket_channel: String,
    #[serde(default, deserialize_with = "slug_or_empty")]
    pub product: String,
    #[serde(rename = "customer-reply-count", default, deserialize_with = "loose_u64")]
    pub customer_reply_count: u64,
    #[serde(rename = "agent-reply-count", default, deserialize_with = "loose_u64")]
    pub agent_reply_count: u64,
    #[serde(rename = "total-reply-count", default, deserialize_with = "loose_u64")]
    pub total_reply_count: u64,
    /// What `?_embed=` brought along (author, assignee, replies, terms); absent otherwise.
    #[serde(rename = "_embedded", default)]
    pub embedded: Option<EmbeddedDto>,
    /// Everything else: `time-*`, the site's own custom fields, `_links`.
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// `{ "rendered": … }`, with `raw` under `context=edit`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct TextDto {
    #[serde(default)]
    pub raw: Option<String>,
    #[serde(default)]
    pub rendered: String,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct ContentDto {
    #[serde(default)]
    pub raw: Option<String>,
    #[serde(default)]
    pub rendered: String,
    #[serde(default)]
    pub protected: bool,
}

/// `_embedded` of a ticket (`?_embed=author,assignee,replies,wp:term`). WordPress embeds one
/// answer per link, and a link the caller may not follow embeds core's error object instead
/// (an agent may not read most customers), so every entry is either.
#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct EmbeddedDto {
    #[serde(default)]
    pub author: Vec<Embedded<EmbeddedUserDto>>,
    #[serde(default)]
    pub assignee: Vec<Embedded<EmbeddedUserDto>>,
    /// The first page of replies, newest first.
    #[serde(default)]
    pub replies: Vec<Embedded<Vec<EmbeddedReplyDto>>>,
    /// One list of terms per taxonomy of the ticket.
    #[serde(rename = "wp:term", default)]
    pub terms: Vec<Embedded<Vec<TermDto>>>,
}

#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Embedded<T> {
    Found(T),
    Refused(WpErrorDto),
}

impl<T> Embedded<T> {
    pub fn found(&self) -> Option<&T> {
        match self {
            Embedded::Found(t) => Some(t),
            Embedded::Refused(_) => None,
        }
    }
}

/// A user in the `embed` context: no e-mail, no roles.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct EmbeddedUserDto {
    pub id: u64,
    pub name: String,
}

/// A reply in the `embed` context: no `date_gmt` and no content, only the site-local `date`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct EmbeddedReplyDto {
    pub id: u64,
    pub date: String,
    pub author: u64,
}

/// `/tickets/{id}/replies`. The free plugin has no internal notes: every reply is public.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ReplyDto {
    pub id: u64,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(deserialize_with = "gmt_datetime")]
    pub date_gmt: DateTime<Utc>,
    #[serde(default, deserialize_with = "optional_gmt_datetime")]
    pub modified_gmt: Option<DateTime<Utc>>,
    /// `read` or `unread` (whether an agent has seen it), not a visibility.
    #[serde(default)]
    pub status: String,
    #[serde(rename = "type", default)]
    pub kind: String,
    pub content: ContentDto,
    pub author: u64,
    /// The ticket.
    #[serde(default, deserialize_with = "loose_u64")]
    pub parent: u64,
    /// The author's user object with `?_embed=author` (an error object when the caller may
    /// not read that user).
    #[serde(rename = "_embedded", default)]
    pub embedded: Option<ReplyEmbeddedDto>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
pub struct ReplyEmbeddedDto {
    #[serde(default)]
    pub author: Vec<Embedded<EmbeddedUserDto>>,
}

/// `/tickets/{id}/history`: the plugin's log lines (human text, no keys).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct HistoryDto {
    pub id: u64,
    #[serde(deserialize_with = "gmt_datetime")]
    pub date_gmt: DateTime<Utc>,
    #[serde(rename = "type", default)]
    pub kind: String,
    #[serde(default)]
    pub content: ContentDto,
    #[serde(default, deserialize_with = "loose_u64")]
    pub author: u64,
}

/// A term of `department`, `ticket_priority`, `ticket_channel`, `ticket-tag` or `product`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct TermDto {
    pub id: u64,
    pub name: String,
    pub slug: String,
    #[serde(default)]
    pub taxonomy: String,
    #[serde(default)]
    pub description: String,
    #[serde(default, deserialize_with = "loose_u64")]
    pub parent: u64,
    #[serde(default, deserialize_with = "loose_u64")]
    pub count: u64,
    /// Priorities only: the colour the plugin shows (`#dd3333`), `""` when unset.
    #[serde(default)]
    pub color: Option<String>,
}

/// `/users/me`, `/users/{id}`, `/users?who=authors` (core's user object; `roles`,
/// `capabilities` and `email` only with `context=edit`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct UserDto {
    pub id: u64,
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub slug: String,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub roles: Vec<String>,
    #[serde(default)]
    pub capabilities: BTreeMap<String, Value>,
}

/// `/attachments` (core's media object under the plugin's namespace).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct MediaDto {
    pub id: u64,
    #[serde(deserialize_with = "gmt_datetime")]
    pub date_gmt: DateTime<Utc>,
    #[serde(default)]
    pub title: TextDto,
    #[serde(default)]
    pub mime_type: String,
    pub source_url: String,
    /// The post (ticket or reply) the file hangs under; 0 or `null` when none.
    #[serde(default, deserialize_with = "loose_u64")]
    pub post: u64,
    #[serde(default)]
    pub media_details: MediaDetailsDto,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct MediaDetailsDto {
    #[serde(default, deserialize_with = "loose_u64")]
    pub filesize: u64,
}

/// `/wp/v2/statuses`: core's post statuses by slug; the ticket statuses are among them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct PostStatusDto {
    pub name: String,
    pub slug: String,
}

/// `/settings`: the few options the adapter reads (numbers arrive as text).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct SettingsDto {
    #[serde(default = "yes", deserialize_with = "loose_bool")]
    pub enable_attachments: bool,
    /// Files per message.
    #[serde(default, deserialize_with = "loose_u64")]
    pub attachments_max: u64,
    /// Megabytes per file.
    #[serde(default, deserialize_with = "loose_u64")]
    pub filesize_max: u64,
    /// Allowed extensions, comma-separated.
    #[serde(default)]
    pub attachments_filetypes: String,
    #[serde(default = "yes", deserialize_with = "loose_bool")]
    pub allow_user_to_close_tickets: bool,
}

/// Core's error body (`{code, message, data: {status}}`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct WpErrorDto {
    pub code: String,
    pub message: String,
    #[serde(default)]
    pub data: Option<Value>,
}

/// WordPress writes `*_gmt` as `2026-11-02T07:30:00`: UTC, without the `Z`.
fn gmt_datetime<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(d)?;
    parse_gmt(&text).ok_or_else(|| D::Error::custom(format!("not a WordPress GMT date-time: {text:?}")))
}

fn optional_gmt_datetime<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse_gmt(&text)
            .map(Some)
            .ok_or_else(|| D::Error::custom(format!("not a WordPress GMT date-time: {text:?}"))),
    }
}

/// A `*_gmt` value; an explicit offset or `Z` is honoured too.
pub(crate) fn parse_gmt(text: &str) -> Option<DateTime<Utc>> {
    crate::calendar::parse_iso_datetime(text)
}

/// Meta-backed numbers: an integer, its text, or `""`/`null` for none (0).
fn loose_u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(0),
        Value::Number(n) => n.as_u64().ok_or_else(|| D::Error::custom(format!("not a non-negative integer: {n}"))),
        Value::String(s) if s.trim().is_empty() => Ok(0),
        Value::String(s) => s.trim().parse().map_err(|_| D::Error::custom(format!("not a number: {s:?}"))),
        other => Err(D::Error::custom(format!("not a number: {other}"))),
    }
}

fn yes() -> bool {
    true
}

/// Options saved by the settings screen: `true`, `"1"`, `1`, `""`, `false`…
fn loose_bool<'de, D: Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    match Value::deserialize(d)? {
        Value::Null => Ok(false),
        Value::Bool(b) => Ok(b),
        Value::Number(n) => Ok(n.as_f64().is_some_and(|f| f != 0.0)),
        Value::String(s) => Ok(!matches!(s.trim(), "" | "0" | "false" | "no" | "off")),
        other => Err(D::Error::custom(format!("not a yes/no value: {other}"))),
    }
}

/// A single-valued taxonomy: its slug, `""`, or `false`/`null` (no term).
fn slug_or_empty<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    match Value::deserialize(d)? {
        Value::Null | Value::Bool(false) => Ok(String::new()),
        Value::String(s) => Ok(s),
        other => Err(D::Error::custom(format!("not a term slug: {other}"))),
    }
}
