//! What Request Tracker 5's REST2 API sends, as recorded from RT 5.0.3.
//!
//! Tolerant where the server is loose: nearly every field is `Option` (a field is only sent
//! when `fields=` asked for it, and the customer sees fewer), unknown fields are ignored
//! (never `deny_unknown_fields`), lists default to empty. Ids are strings in lists and
//! numbers in records (`Id` takes both); counts such as `ContentLength` come as text
//! (`"206"`) and `pages` as a float (`0.0`) or `null` (`Count` takes every form).

use std::fmt;

use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;

/// An RT id: `"10"` in a search item, `10` in a record, `"agent"` for a user.
#[derive(Clone, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id(pub String);

impl Id {
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The numeric value, when the id is one (tickets, transactions, attachments, queues).
    pub fn number(&self) -> Option<u64> {
        self.0.trim().parse().ok()
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for Id {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct IdVisitor;
        impl Visitor<'_> for IdVisitor {
            type Value = Id;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id (string or integer)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Id, E> {
                Ok(Id(v.to_owned()))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Id, E> {
                Ok(Id(v.to_string()))
            }
        }
        d.deserialize_any(IdVisitor)
    }
}

/// A non-negative count sent as a number, a float (`0.0`), or text (`"206"`). Anything that
/// is not a whole non-negative number is an error at its path.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Count(pub u64);

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct CountVisitor;
        impl Visitor<'_> for CountVisitor {
            type Value = Count;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a non-negative whole number (number or text)")
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Count, E> {
                Ok(Count(v))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Count, E> {
                u64::try_from(v).map(Count).map_err(|_| E::custom(format!("negative count {v}")))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Count, E> {
                if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v <= u64::MAX as f64 {
                    Ok(Count(v as u64))
                } else {
                    Err(E::custom(format!("not a count: {v}")))
                }
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Count, E> {
                let t = v.trim();
                // `Privileged` and friends come back `""` from some lists: no value, zero.
                if t.is_empty() {
                    return Ok(Count(0));
                }
                t.parse().map(Count).map_err(|_| E::custom(format!("not a count: {v:?}")))
            }
        }
        d.deserialize_any(CountVisitor)
    }
}

/// A reference to another record: `{"id","type","_url"}`, plus whatever `fields[X]=` expanded
/// (`Name`, `RealName`, `EmailAddress`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Deserialize)]
pub struct RefDto {
    pub id: Id,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(rename = "_url", default)]
    pub url: Option<String>,
    #[serde(rename = "Name", default)]
    pub name: Option<String>,
    #[serde(rename = "RealName", default)]
    pub real_name: Option<String>,
    #[serde(rename = "EmailAddress", default)]
    pub email_address: Option<String>,
}

/// Every REST2 collection: `/tickets`, `/ticket/N/history`, `/transaction/N/attachments`.
/// `total` and `pages` are `null` for most collections when the user is not a superuser;
/// a page past the end has `items: []` and a `prev_page`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PageDto<T> {
    #[serde(default)]
    pub page: Option<Count>,
    #[serde(default)]
    pub per_page: Option<Count>,
    #[serde(default)]
    pub count: Option<Count>,
    #[serde(default)]
    pub total: Option<Count>,
    #[serde(default)]
    pub pages: Option<Count>,
    #[serde(default)]
    pub next_page: Option<String>,
    #[serde(default)]
    pub prev_page: Option<String>,
    pub items: Vec<T>,
}

/// One item of `/tickets?fields=Subject,Status,Priority,Queue,Owner,Requestor,Created,LastUpdated`
/// (with `fields[Owner]=Name&fields[Queue]=Name`). Without `fields=` only `id`, `type`, `_url`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct TicketItemDto {
    pub id: Id,
    #[serde(rename = "_url", default)]
    pub url: Option<String>,
    #[serde(rename = "Subject", default)]
    pub subject: Option<String>,
    #[serde(rename = "Status", default)]
    pub status: Option<String>,
    #[serde(rename = "Priority", default)]
    pub priority: Option<Count>,
    #[serde(rename = "Queue", default)]
    pub queue: Option<RefDto>,
    #[serde(rename = "Owner", default)]
    pub owner: Option<RefDto>,
    #[serde(rename = "Requestor", default)]
    pub requestor: Vec<RefDto>,
    #[serde(rename = "Created", default)]
    pub created: Option<String>,
    #[serde(rename = "LastUpdated", default)]
    pub last_updated: Option<String>,
    #[serde(rename = "Resolved", default)]
    pub resolved: Option<String>,
}

/// `/ticket/N`: the full record. Unset dates are `1970-01-01T00:00:00Z`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TicketRecordDto {
    pub id: Id,
    #[serde(rename = "Subject", default)]
    pub subject: Option<String>,
    #[serde(rename = "Status", default)]
    pub status: Option<String>,
    #[serde(rename = "Priority", default)]
    pub priority: Option<Count>,
    #[serde(rename = "Queue", default)]
    pub queue: Option<RefDto>,
    #[serde(rename = "Owner", default)]
    pub owner: Option<RefDto>,
    #[serde(rename = "Requestor", default)]
    pub requestor: Vec<RefDto>,
    #[serde(rename = "Creator", default)]
    pub creator: Option<RefDto>,
    #[serde(rename = "Created", default)]
    pub created: Option<String>,
    #[serde(rename = "LastUpdated", default)]
    pub last_updated: Option<String>,
    #[serde(rename = "Started", default)]
    pub started: Option<String>,
    #[serde(rename = "Told", default)]
    pub told: Option<String>,
    #[serde(rename = "Resolved", default)]
    pub resolved: Option<String>,
    #[serde(rename = "Due", default)]
    pub due: Option<String>,
    /// `[{"id","name","values":[…]}]` in RT 5; kept as JSON because its shape varies by
    /// version and custom-field type.
    #[serde(rename = "CustomFields", default)]
    pub custom_fields: Vec<serde_json::Value>,
}

/// One `/ticket/N/history` item, with `fields=Type,Field,OldValue,NewValue,Creator,Created,Data`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct HistoryItemDto {
    pub id: Id,
    #[serde(rename = "Type", default)]
    pub kind: Option<String>,
    #[serde(rename = "Creator", default)]
    pub creator: Option<RefDto>,
    #[serde(rename = "Created", default)]
    pub created: Option<String>,
    /// A Correspond's subject (`"No Subject"`), an EmailRecord's Message-ID, else `""`.
    #[serde(rename = "Data", default)]
    pub data: Option<String>,
    #[serde(rename = "Field", default)]
    pub field: Option<String>,
    /// For `Set` of `Owner` these are numeric user ids.
    #[serde(rename = "OldValue", default)]
    pub old_value: Option<String>,
    #[serde(rename = "NewValue", default)]
    pub new_value: Option<String>,
}

/// One `/transaction/N/attachments?fields=Content,ContentType,Subject,Filename,ContentLength`
/// item. `Content` is decoded text here (binary parts arrive mangled, one code point per
/// byte); a `multipart/mixed` container has empty `Content` and `ContentLength` `"0"`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct AttachmentItemDto {
    pub id: Id,
    #[serde(rename = "_url", default)]
    pub url: Option<String>,
    #[serde(rename = "Content", default)]
    pub content: Option<String>,
    #[serde(rename = "ContentType", default)]
    pub content_type: Option<String>,
    /// Folded (`"…\n …"`) when the subject was long.
    #[serde(rename = "Subject", default)]
    pub subject: Option<String>,
    #[serde(rename = "Filename", default)]
    pub filename: Option<String>,
    #[serde(rename = "ContentLength", default)]
    pub content_length: Option<Count>,
}

/// `/attachment/N`: `Content` is base64 (even for text), wrapped with `\n` every 76 chars.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct AttachmentRecordDto {
    pub id: Id,
    #[serde(rename = "Content", default)]
    pub content: Option<String>,
    #[serde(rename = "ContentType", default)]
    pub content_type: Option<String>,
    #[serde(rename = "Filename", default)]
    pub filename: Option<String>,
    #[serde(rename = "Subject", default)]
    pub subject: Option<String>,
    #[serde(rename = "TransactionId", default)]
    pub transaction: Option<RefDto>,
    #[serde(rename = "Created", default)]
    pub created: Option<String>,
}

/// `POST /ticket` → 201 `{"id":"11","type":"ticket","_url":…}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CreatedDto {
    pub id: Id,
    #[serde(rename = "type", default)]
    pub kind: Option<String>,
    #[serde(rename = "_url", default)]
    pub url: Option<String>,
}

/// `PUT /ticket/N`, `POST …/correspond|comment`: the result messages, one per change.
pub type MessagesDto = Vec<String>;

/// Every RT error body: `{"message": "Not Found"}`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct ErrorDto {
    pub message: String,
}
