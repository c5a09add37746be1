//! `Backend`: the one surface the UI calls. An enum over adapters because Leptos contexts
//! need `Send + Sync` and async trait methods are not object-safe; every call is async so
//! HTTP adapters and the in-browser demo look the same to views.

use serde::{Deserialize, Serialize};

use super::demo::DemoBackend;
use super::django_helpdesk::DjangoHelpdeskBackend;
use super::request_tracker::RequestTrackerBackend;
use super::{ApiError, Capabilities};
use crate::domain::{
    Attachment, NewMessage, NewTicket, Ticket, TicketId, TicketPage, TicketQuery, TicketThread, TicketUpdate,
    Vocabulary,
};

/// Who is calling: the backend shows customers their own tickets only, never internal notes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Viewer {
    Agent { id: String, name: String },
    Customer { name: String, email: String },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BackendKind {
    Demo,
    DjangoHelpdesk,
    RequestTracker,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Backend {
    Demo(DemoBackend),
    DjangoHelpdesk(DjangoHelpdeskBackend),
    RequestTracker(RequestTrackerBackend),
}

impl Backend {
    pub fn kind(&self) -> BackendKind {
        match self {
            Backend::Demo(_) => BackendKind::Demo,
            Backend::DjangoHelpdesk(_) => BackendKind::DjangoHelpdesk,
            Backend::RequestTracker(_) => BackendKind::RequestTracker,
        }
    }

    pub fn capabilities(&self) -> Capabilities {
        match self {
            Backend::Demo(_) => DemoBackend::capabilities(),
            Backend::DjangoHelpdesk(b) => b.capabilities(),
            Backend::RequestTracker(b) => b.capabilities(),
        }
    }

    pub async fn list_tickets(&self, query: &TicketQuery) -> Result<TicketPage, ApiError> {
        match self {
            Backend::Demo(b) => b.list_tickets(query).await,
            Backend::DjangoHelpdesk(b) => b.list_tickets(query).await,
            Backend::RequestTracker(b) => b.list_tickets(query).await,
        }
    }

    pub async fn ticket(&self, id: TicketId) -> Result<TicketThread, ApiError> {
        match self {
            Backend::Demo(b) => b.ticket(id).await,
            Backend::DjangoHelpdesk(b) => b.ticket(id).await,
            Backend::RequestTracker(b) => b.ticket(id).await,
        }
    }

    pub async fn create_ticket(&self, new: NewTicket) -> Result<Ticket, ApiError> {
        match self {
            Backend::Demo(b) => b.create_ticket(new).await,
            Backend::DjangoHelpdesk(b) => b.create_ticket(new).await,
            Backend::RequestTracker(b) => b.create_ticket(new).await,
        }
    }

    /// A public reply; returns the updated thread (status transitions included).
    pub async fn reply(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        match self {
            Backend::Demo(b) => b.reply(id, message).await,
            Backend::DjangoHelpdesk(b) => b.reply(id, message).await,
            Backend::RequestTracker(b) => b.reply(id, message).await,
        }
    }

    pub async fn add_note(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        match self {
            Backend::Demo(b) => b.add_note(id, message).await,
            Backend::DjangoHelpdesk(b) => b.add_note(id, message).await,
            Backend::RequestTracker(b) => b.add_note(id, message).await,
        }
    }

    pub async fn update_ticket(&self, id: TicketId, update: TicketUpdate) -> Result<TicketThread, ApiError> {
        match self {
            Backend::Demo(b) => b.update_ticket(id, update).await,
            Backend::DjangoHelpdesk(b) => b.update_ticket(id, update).await,
            Backend::RequestTracker(b) => b.update_ticket(id, update).await,
        }
    }

    /// Statuses, priorities, departments and agents in one call.
    pub async fn vocabulary(&self) -> Result<Vocabulary, ApiError> {
        match self {
            Backend::Demo(b) => Ok(b.vocabulary()),
            Backend::DjangoHelpdesk(b) => Ok(b.vocabulary()),
            Backend::RequestTracker(b) => b.vocabulary().await,
        }
    }

    /// A file of a message, downloaded with the session's credentials.
    pub async fn attachment(&self, attachment: &Attachment) -> Result<Vec<u8>, ApiError> {
        match self {
            Backend::Demo(_) => DemoBackend::attachment(attachment),
            Backend::DjangoHelpdesk(b) => b.attachment(attachment).await,
            Backend::RequestTracker(b) => b.attachment(attachment).await,
        }
    }
}
