//! What Fluent Support's REST API (`/wp-json/fluent-support/v2`, 1.8.4) sends, field for field.
//!
//! Tolerant where the server is loose: ids and counters are strings in reads and integers in
//! create answers and on primary keys, so every number goes through `lenient`; nullable
//! columns are `Option`; fields a version may add are ignored; relations and lists a call may
//! leave out default to empty. Strict where the mapping leans on a field: a ticket's `id`,
//! `status`, `title` and `created_at`, a response's `conversation_type` and `created_at`.
//!
//! Times come in two shapes: `created_at` / `updated_at` are ISO with `+00:00` (parsed here),
//! while `last_agent_response`, `last_customer_response` and
//! `resolved_at` are the site's wall clock without an offset (`current_time('mysql')`), so
//! they stay text until the mapping applies the site's offset.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Deserializer};
use serde_json::Value;

use crate::api::wordpress::lenient;
use crate::calendar::parse_iso_datetime;

/// Laravel's paginator as the plugin's `paginate()` writes it. `next_page_url` and
/// `prev_page_url` drop `per_page` and every filter, so the adapter builds page URLs itself.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PaginatedDto<T> {
    #[serde(deserialize_with = "lenient::u64")]
    pub current_page: u64,
    pub data: Vec<T>,
    #[serde(deserialize_with = "lenient::u64")]
    pub last_page: u64,
    #[serde(deserialize_with = "lenient::u64")]
    pub per_page: u64,
    #[serde(deserialize_with = "lenient::u64")]
    pub total: u64,
    #[serde(default)]
    pub next_page_url: Option<String>,
}

/// `GET /tickets` and `GET /customer-portal/tickets`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TicketListDto {
    pub tickets: PaginatedDto<TicketDto>,
}

/// A ticket row: the same columns in lists, single reads and create answers; the relations
/// differ by call (lists select a few person columns, the portal list has no mailbox).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TicketDto {
    #[serde(deserialize_with = "lenient::u64")]
    pub id: u64,
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub customer_id: Option<u64>,
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub agent_id: Option<u64>,
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub mailbox_id: Option<u64>,
    /// The agents' priority (`normal|medium|critical`); the portal's own choice is
    /// `client_priority`. A portal-created ticket leaves this at the column's default.
    #[serde(default)]
    pub priority: Option<String>,
    #[serde(default)]
    pub client_priority: Option<String>,
    pub status: String,
    pub title: String,
    /// HTML: run through `wpautop` on agent reads (a trailing `\n`), raw on portal reads.
    #[serde(default)]
    pub content: Option<String>,
    #[serde(default)]
    pub last_agent_response: Option<String>,
    #[serde(default)]
    pub last_customer_response: Option<String>,
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub response_count: Option<u64>,
    /// Seconds from creation to the first agent reply.
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub first_response_time: Option<u64>,
    #[serde(default)]
    pub resolved_at: Option<String>,
    #[serde(deserialize_with = "iso_time")]
    pub created_at: DateTime<Utc>,
    #[serde(default, deserialize_with = "opt_iso_time")]
    pub updated_at: Option<DateTime<Utc>>,
    #[serde(default)]
    pub customer: Option<PersonDto>,
    #[serde(default)]
    pub agent: Option<PersonDto>,
    #[serde(default)]
    pub mailbox: Option<MailboxDto>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub tags: Vec<TagDto>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub attachments: Vec<AttachmentDto>,
}

/// A row of `fs_persons`: agents and customers alike (`person_type`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct PersonDto {
    #[serde(deserialize_with = "lenient::u64")]
    pub id: u64,
    #[serde(default)]
    pub first_name: Option<String>,
    #[serde(default)]
    pub last_name: Option<String>,
    /// An accessor the server appends: first and last name joined.
    #[serde(default)]
    pub full_name: Option<String>,
    /// Left out where a list selects only names.
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub person_type: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct MailboxDto {
    #[serde(deserialize_with = "lenient::u64")]
    pub id: u64,
    pub name: String,
}

/// `fs_taxonomies` rows of type `ticket_tag`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct TagDto {
    #[serde(deserialize_with = "lenient::u64")]
    pub id: u64,
    pub title: String,
}

/// One file. `secureUrl` is the download link: signed with the attachment id and the current
/// UTC hour, so it stops working at the top of the hour.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct AttachmentDto {
    #[serde(deserialize_with = "lenient::u64")]
    pub id: u64,
    /// `null` for the files of the opening message.
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub conversation_id: Option<u64>,
    #[serde(default)]
    pub file_type: Option<String>,
    /// The file name, as `sanitize_file_name` left it (Persian survives).
    #[serde(default)]
    pub title: Option<String>,
    /// Not recorded by 1.8.4 (`null`).
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub file_size: Option<u64>,
    #[serde(default, rename = "secureUrl")]
    pub secure_url: Option<String>,
}

/// One entry of a thread (`fs_conversations`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ResponseDto {
    #[serde(deserialize_with = "lenient::u64")]
    pub id: u64,
    #[serde(default, deserialize_with = "lenient::opt_u64")]
    pub person_id: Option<u64>,
    /// `response` (public), `note` (agents only) or `internal_info` (a system event such as
    /// "Ticket has been closed"; agents only).
    pub conversation_type: String,
    #[serde(default)]
    pub content: Option<String>,
    #[serde(deserialize_with = "iso_time")]
    pub created_at: DateTime<Utc>,
    #[serde(default)]
    pub person: Option<PersonDto>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub attachments: Vec<AttachmentDto>,
}

/// `GET /tickets/{id}` (`{ticket, responses, agent_id}`) and `GET /customer-portal/tickets/{id}`
/// (`{ticket, responses, sign_on_id}`). Responses come newest first.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TicketViewDto {
    pub ticket: TicketDto,
    pub responses: Vec<ResponseDto>,
}

/// The answer to both create calls: the new row, ids as integers.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct CreatedDto {
    pub ticket: CreatedTicketDto,
}

#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CreatedTicketDto {
    #[serde(deserialize_with = "lenient::u64")]
    pub id: u64,
}

/// `POST /ticket_file_upload` and `/customer-portal/ticket_file_upload`: one hash per stored
/// file, to send as `attachments` with the ticket or response that uses them.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct UploadDto {
    pub attachments: Vec<String>,
}

/// `GET /tickets/ticket-essentials` (needs `fst_manage_settings`): the site's vocabulary.
/// Maps keep the server's order (PHP arrays are ordered; an empty one is `[]`).
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct EssentialsDto {
    #[serde(default, deserialize_with = "ordered_map")]
    pub ticket_statuses: Vec<(String, String)>,
    #[serde(default, deserialize_with = "ordered_map")]
    pub admin_priorities: Vec<(String, String)>,
    #[serde(default, deserialize_with = "ordered_map")]
    pub client_priorities: Vec<(String, String)>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub agents: Vec<PersonDto>,
    #[serde(default, deserialize_with = "list_or_null")]
    pub mailboxes: Vec<MailboxDto>,
}

/// The plugin's own error bodies besides core's `{code, message, data}`: validation as
/// `{field: {rule: message}}`, refusals as `{message, error_type}` or a bare JSON string.
/// Kept as JSON; the mapping tells them apart.
pub type ErrorBodyDto = Value;

/// `null` reads as an empty list (PHP sends either for "none").
fn list_or_null<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
    Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
}

/// A PHP associative array of strings, in order: `{"new": "New", …}`, or `[]` when empty.
fn ordered_map<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<(String, String)>, D::Error> {
    struct Pairs;
    impl<'de> serde::de::Visitor<'de> for Pairs {
        type Value = Vec<(String, String)>;

        fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.write_str("an object of strings, or an empty list")
        }

        fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
            let mut out = Vec::new();
            while let Some(pair) = map.next_entry::<String, String>()? {
                out.push(pair);
            }
            Ok(out)
        }

        fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
            match seq.next_element::<Value>()? {
                None => Ok(Vec::new()),
                Some(_) => Err(serde::de::Error::custom("expected an object, got a non-empty list")),
            }
        }

        fn visit_unit<E: serde::de::Error>(self) -> Result<Self::Value, E> {
            Ok(Vec::new())
        }
    }
    d.deserialize_any(Pairs)
}

/// `2026-12-03T16:48:07+00:00`: the framework's serialisation of a timestamp column, in UTC.
fn iso_time<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    let text = String::deserialize(d)?;
    parse_iso_datetime(&text).ok_or_else(|| serde::de::Error::custom(format!("not an ISO-8601 date-time: {text:?}")))
}

fn opt_iso_time<'de, D: Deserializer<'de>>(d: D) -> Result<Option<DateTime<Utc>>, D::Error> {
    match Option::<String>::deserialize(d)? {
        None => Ok(None),
        Some(text) => parse_iso_datetime(&text)
            .map(Some)
            .ok_or_else(|| serde::de::Error::custom(format!("not an ISO-8601 date-time: {text:?}"))),
    }
}
