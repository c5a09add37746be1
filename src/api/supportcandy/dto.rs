//! What SupportCandy's REST API (`/wp-json/supportcandy/v2`) sends, as recorded from 3.4.5.
//!
//! Tolerant where the server is loose: the ticket answer casts every numeric-looking value
//! to an integer (ids, but also a subject such as `"404"`), threads keep the database's
//! strings (`"12"`), unset values are `""`, and `total_pages` is PHP's `ceil()` (a float).
//! So ids and counts take text or numbers (`Id`, `Count`), text fields take numbers
//! (`Text`), and a value that can be unset is `OptId`. Unknown fields are ignored.

use std::collections::BTreeMap;
use std::fmt;

use chrono::{DateTime, Utc};
use serde::de::{self, Deserializer, Visitor};
use serde::Deserialize;
use serde_json::Value;

/// A whole non-negative number sent as `12`, `"12"` or `12.0`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Count(pub u64);

struct CountVisitor;

impl Visitor<'_> for CountVisitor {
    type Value = u64;
    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a whole non-negative number (number or text)")
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<u64, E> {
        Ok(v)
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<u64, E> {
        u64::try_from(v).map_err(|_| E::custom(format!("negative number {v}")))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<u64, E> {
        // `u64::MAX as f64` rounds up to 2^64, which `as u64` would saturate: stay below it.
        if v.is_finite() && v >= 0.0 && v.fract() == 0.0 && v < 18_446_744_073_709_551_616.0 {
            Ok(v as u64)
        } else {
            Err(E::custom(format!("not a whole non-negative number: {v}")))
        }
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<u64, E> {
        v.trim()
            .parse()
            .map_err(|_| E::custom(format!("not a whole non-negative number: {:?}", crate::api::json::shorten(v))))
    }
}

impl<'de> Deserialize<'de> for Count {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(CountVisitor).map(Count)
    }
}

/// A database id: `12` in a ticket, `"12"` in a thread.
pub type Id = Count;

/// An id that may be unset: `""`, `0`, `"0"` or `null` mean none (PHP's empty values).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct OptId(pub Option<u64>);

impl<'de> Deserialize<'de> for OptId {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct OptIdVisitor;
        impl<'de> Visitor<'de> for OptIdVisitor {
            type Value = OptId;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an id, \"\" or null")
            }
            fn visit_unit<E: de::Error>(self) -> Result<OptId, E> {
                Ok(OptId(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<OptId, E> {
                Ok(OptId(None))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<OptId, E> {
                Ok(OptId(Some(v).filter(|&n| n != 0)))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<OptId, E> {
                CountVisitor.visit_i64(v).map(|n| OptId(Some(n).filter(|&n| n != 0)))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<OptId, E> {
                CountVisitor.visit_f64(v).map(|n| OptId(Some(n).filter(|&n| n != 0)))
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<OptId, E> {
                if v.trim().is_empty() {
                    return Ok(OptId(None));
                }
                CountVisitor.visit_str(v).map(|n| OptId(Some(n).filter(|&n| n != 0)))
            }
        }
        d.deserialize_any(OptIdVisitor)
    }
}

/// Text the server may have cast to a number (`"404"` → `404`); numbers come back as text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text(pub String);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("text (or a number the server cast from text)")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(v.to_owned()))
            }
            fn visit_string<E: de::Error>(self, v: String) -> Result<Text, E> {
                Ok(Text(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_f64<E: de::Error>(self, v: f64) -> Result<Text, E> {
                Ok(Text(v.to_string()))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
                Ok(Text(String::new()))
            }
        }
        d.deserialize_any(TextVisitor)
    }
}

/// A MySQL `DATETIME` as SupportCandy writes it: UTC without an offset
/// (`2026-12-03 13:50:55`); `""` (or MySQL's zero date) when unset. Anything else is an
/// error at its path rather than a silent epoch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Time(pub Option<DateTime<Utc>>);

impl<'de> Deserialize<'de> for Time {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = Option::<String>::deserialize(d)?.unwrap_or_default();
        let text = text.trim();
        if text.is_empty() || text.starts_with("0000-00-00") {
            return Ok(Time(None));
        }
        crate::calendar::parse_iso_datetime(text)
            .map(|t| Time(Some(t)))
            .ok_or_else(|| de::Error::custom(format!("not a date-time: {:?}", crate::api::json::shorten(text))))
    }
}

/// The pagination object of `/tickets`, `/tickets/N/threads`, `/agents` and `/customers`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct PageDto<T> {
    pub total_items: Count,
    #[serde(default)]
    pub items_per_page: Option<Count>,
    #[serde(default)]
    pub current_page: Option<Count>,
    #[serde(default)]
    pub total_pages: Option<Count>,
    #[serde(default)]
    pub has_next_page: Option<bool>,
    pub results: Vec<T>,
}

/// One ticket (`/tickets` rows, `/tickets/N`, and the answer to create and update-fields).
/// The customer view leaves out the agent-only fields, hence the defaults.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct TicketDto {
    pub id: Id,
    /// A customer record id (not a WordPress user id); `/customers/N` names it.
    pub customer: OptId,
    pub subject: Text,
    pub status: OptId,
    /// Left out of the customer view.
    #[serde(default)]
    pub priority: OptId,
    #[serde(default)]
    pub category: OptId,
    /// Agent ids (the agent table, not users); left out of the customer view.
    #[serde(default)]
    pub assigned_agent: Vec<Id>,
    pub date_created: Time,
    pub date_updated: Time,
    #[serde(default)]
    pub date_closed: Time,
    #[serde(default)]
    pub last_reply_on: Time,
    /// The customer id of whoever spoke last.
    #[serde(default)]
    pub last_reply_by: OptId,
    #[serde(default)]
    pub tags: Vec<Id>,
    #[serde(default)]
    pub add_recipients: Vec<Text>,
    /// Everything else: site custom fields (`cust_N`) and the agent view's request details
    /// (`ip_address`, `browser`, `os`, `source`, `user_type`, `agent_created`, …).
    #[serde(flatten)]
    pub extra: BTreeMap<String, Value>,
}

/// One entry of `/tickets/N/threads`, and the answer to posting one.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct ThreadDto {
    pub id: Id,
    /// The customer record of the author: agents have one too.
    pub customer: OptId,
    #[serde(rename = "type")]
    pub kind: String,
    pub body: ThreadBodyDto,
    /// `"1,2"` (attachment ids) or `""`; logs have none.
    #[serde(default)]
    pub attachments: Option<Text>,
    pub date_created: Time,
}

/// A message's HTML, or a log's `{slug, prev, new}`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum ThreadBodyDto {
    Html(String),
    Log(LogDto),
}

/// What changed: `slug` names the field (`status`, `priority`, `category`,
/// `assigned_agent`, `customer`, `subject`, `cust_N`…); `prev`/`new` are ids or text, lists
/// joined with `,` by the server.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct LogDto {
    pub slug: String,
    #[serde(default)]
    pub prev: Value,
    #[serde(default)]
    pub new: Value,
}

/// A row of `/statuses` and `/priorities`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct LabelDto {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub color: Option<String>,
    #[serde(default)]
    pub bg_color: Option<String>,
}

/// A row of `/categories`.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CategoryDto {
    pub id: Id,
    pub name: Text,
}

/// A row of `/agents` (an agent or an agent group).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct AgentDto {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub is_agentgroup: OptId,
}

/// `/customers/N`: the e-mail only for agents.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct CustomerDto {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub email: Option<String>,
}

/// `/current-user`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct CurrentUserDto {
    pub name: Text,
    pub email: String,
    pub is_agent: bool,
    /// The agent role's capabilities (`{"view-unassigned": true, …}`); agents only.
    #[serde(default)]
    pub agent_caps: BTreeMap<String, Value>,
}

/// `POST /attachments` → `{id, name}`; `GET /attachments/N` adds `url`, a download link
/// that carries the user's attachment auth code.
#[derive(Clone, PartialEq, Eq, Deserialize)]
pub struct AttachmentDto {
    pub id: Id,
    pub name: Text,
    #[serde(default)]
    pub url: Option<String>,
}

impl fmt::Debug for AttachmentDto {
    // The URL's auth code lets anyone download this user's files.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AttachmentDto")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("url", &self.url.as_ref().map(|_| "<redacted>"))
            .finish()
    }
}

/// A serialized `WP_Error` (the plugin wraps one in `WP_REST_Response`): code → messages.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct WpErrorDto {
    pub errors: BTreeMap<String, Vec<Text>>,
    #[serde(default)]
    pub error_data: Value,
}

/// `wp_send_json_error`: `{success: false, data}`.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct JsonErrorDto {
    pub success: bool,
    #[serde(default)]
    pub data: Value,
}
