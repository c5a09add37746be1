//! The helpdesk domain every adapter maps onto: tickets, messages, people, statuses,
//! priorities and queries, with the pure functions that filter and sort them.

pub mod base64;
pub mod html;
pub mod message;
pub mod person;
pub mod query;
pub mod status;
pub mod text;
pub mod ticket;
pub mod vocabulary;

pub use message::{Attachment, Author, AuthorKind, Body, Message, NewAttachment, NewMessage, Visibility};
pub use person::{Department, Person};
pub use query::{AssigneeFilter, SortField, TicketPage, TicketQuery};
pub use status::{Priority, PriorityLevel, Status, StatusKind};
pub use ticket::{NewTicket, Ticket, TicketId, TicketThread, TicketUpdate};
pub use vocabulary::Vocabulary;
