//! One entry of a ticket's thread: a customer's or agent's message, an internal note, or a
//! system event, with its attachments.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuthorKind {
    Customer,
    Agent,
    System,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    pub kind: AuthorKind,
    pub name: String,
    /// Backend id of the person, when there is one.
    pub id: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Visibility {
    Public,
    Internal,
}

/// Message text as the backend sent it. HTML must go through the sanitizer before it
/// reaches the DOM; plain text is always rendered as text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "format", content = "content", rename_all = "snake_case")]
pub enum Body {
    Text(String),
    Html(String),
}

impl Body {
    pub fn raw(&self) -> &str {
        match self {
            Body::Text(s) | Body::Html(s) => s,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    pub id: String,
    pub name: String,
    pub mime: String,
    pub size: u64,
    /// Where to download it: an absolute URL, or a data URL for the demo backend.
    pub url: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Message {
    pub id: String,
    pub author: Author,
    pub visibility: Visibility,
    pub body: Body,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    pub created_at: DateTime<Utc>,
    pub attachments: Vec<Attachment>,
}

/// A file the user picked, read into memory, not yet sent.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewAttachment {
    pub name: String,
    pub mime: String,
    #[serde(with = "base64_bytes")]
    pub bytes: Vec<u8>,
}

/// Bytes as base64 text in JSON: a quarter larger than the file, not four times.
mod base64_bytes {
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(bytes: &[u8], s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&crate::domain::base64::encode(bytes))
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
        let text = String::deserialize(d)?;
        crate::domain::base64::decode(&text).ok_or_else(|| serde::de::Error::custom("not base64"))
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewMessage {
    pub body: String,
    pub attachments: Vec<NewAttachment>,
}
