//! The ticket, as every adapter maps it, and the shapes used to create and change one.

use std::collections::BTreeMap;

use chrono::serde::{ts_milliseconds, ts_milliseconds_option};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::message::{Message, NewAttachment};
use super::person::{Department, Person};
use super::status::{Priority, Status};
use super::text::normalize_for_search;

pub type TicketId = u64;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub id: TicketId,
    /// What the customer sees and types to track the ticket.
    pub number: String,
    pub subject: String,
    pub status: Status,
    pub priority: Priority,
    pub department: Option<Department>,
    pub assignee: Option<Person>,
    pub customer: Person,
    pub tags: Vec<String>,
    // Stored as epoch milliseconds: compact, and no date-text parser in the bundle.
    #[serde(with = "ts_milliseconds")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "ts_milliseconds")]
    pub updated_at: DateTime<Utc>,
    #[serde(with = "ts_milliseconds_option")]
    pub first_response_at: Option<DateTime<Utc>>,
    #[serde(with = "ts_milliseconds_option")]
    pub closed_at: Option<DateTime<Utc>>,
    #[serde(with = "ts_milliseconds_option")]
    pub last_customer_reply_at: Option<DateTime<Utc>>,
    #[serde(with = "ts_milliseconds_option")]
    pub last_agent_reply_at: Option<DateTime<Utc>>,
    pub reply_count: u32,
    pub custom_fields: BTreeMap<String, String>,
}

impl Ticket {
    /// The normalised text a search query is matched against: number, subject, customer,
    /// department, assignee and tags.
    pub fn search_text(&self) -> String {
        let mut parts: Vec<&str> = vec![&self.number, &self.subject, &self.customer.name];
        if let Some(email) = &self.customer.email {
            parts.push(email);
        }
        if let Some(d) = &self.department {
            parts.push(&d.label);
        }
        if let Some(a) = &self.assignee {
            parts.push(&a.name);
        }
        parts.extend(self.tags.iter().map(String::as_str));
        normalize_for_search(&parts.join(" "))
    }
}

/// A ticket with its thread, oldest message first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketThread {
    pub ticket: Ticket,
    pub messages: Vec<Message>,
}

/// What the portal's (or an agent's) new-ticket form sends.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewTicket {
    pub customer_name: String,
    pub customer_email: String,
    pub subject: String,
    pub body: String,
    pub department: Option<String>,
    pub priority: Option<String>,
    pub attachments: Vec<NewAttachment>,
}

/// A partial change to a ticket; `None` leaves a field as it is.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketUpdate {
    pub status: Option<String>,
    pub priority: Option<String>,
    /// `Some(None)` unassigns.
    pub assignee: Option<Option<String>>,
    pub department: Option<String>,
    pub tags: Option<Vec<String>>,
}
