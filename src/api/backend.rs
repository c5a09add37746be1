//! `Backend`: the one surface the UI calls. An enum over adapters because Leptos contexts
//! need `Send + Sync` and async trait methods are not object-safe; every call is async so
//! HTTP adapters and the in-browser demo look the same to views.

use serde::{Deserialize, Serialize};

#[cfg(feature = "demo")]
use super::demo::DemoBackend;
#[cfg(feature = "django-helpdesk")]
use super::django_helpdesk::DjangoHelpdeskBackend;
#[cfg(feature = "request-tracker")]
use super::request_tracker::RequestTrackerBackend;
#[cfg(feature = "fluent-support")]
use super::fluent_support::FluentSupportBackend;
#[cfg(feature = "awesome-support")]
use super::awesome_support::AwesomeSupportBackend;
#[cfg(feature = "supportcandy")]
use super::supportcandy::SupportCandyBackend;
#[cfg(feature = "wsdesk")]
use super::wsdesk::WsDeskBackend;
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
/// Serialized as `key()` (the stored connection and `boot.js` read the same names).
#[serde(rename_all = "snake_case")]
pub enum BackendKind {
    Demo,
    DjangoHelpdesk,
    RequestTracker,
    FluentSupport,
    AwesomeSupport,
    #[serde(rename = "supportcandy")]
    SupportCandy,
    Wsdesk,
}

impl BackendKind {
    pub const ALL: [BackendKind; 7] = [
        BackendKind::Demo,
        BackendKind::DjangoHelpdesk,
        BackendKind::RequestTracker,
        BackendKind::FluentSupport,
        BackendKind::AwesomeSupport,
        BackendKind::SupportCandy,
        BackendKind::Wsdesk,
    ];

    /// The name in `config.json`, `data-backend` and the bundle directory.
    pub fn key(self) -> &'static str {
        match self {
            BackendKind::Demo => "demo",
            BackendKind::DjangoHelpdesk => "django_helpdesk",
            BackendKind::RequestTracker => "request_tracker",
            BackendKind::FluentSupport => "fluent_support",
            BackendKind::AwesomeSupport => "awesome_support",
            BackendKind::SupportCandy => "supportcandy",
            BackendKind::Wsdesk => "wsdesk",
        }
    }

    pub fn from_key(key: &str) -> Option<BackendKind> {
        BackendKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// The product's own name (not translated).
    pub fn label(self) -> &'static str {
        match self {
            BackendKind::Demo => "Demo",
            BackendKind::DjangoHelpdesk => "django-helpdesk",
            BackendKind::RequestTracker => "Request Tracker",
            BackendKind::FluentSupport => "Fluent Support",
            BackendKind::AwesomeSupport => "Awesome Support",
            BackendKind::SupportCandy => "SupportCandy",
            BackendKind::Wsdesk => "WSDesk",
        }
    }

    /// Whether this build includes the adapter (each is a cargo feature; each release
    /// bundle carries one).
    pub fn is_built_in(self) -> bool {
        match self {
            BackendKind::Demo => cfg!(feature = "demo"),
            BackendKind::DjangoHelpdesk => cfg!(feature = "django-helpdesk"),
            BackendKind::RequestTracker => cfg!(feature = "request-tracker"),
            BackendKind::FluentSupport => cfg!(feature = "fluent-support"),
            BackendKind::AwesomeSupport => cfg!(feature = "awesome-support"),
            BackendKind::SupportCandy => cfg!(feature = "supportcandy"),
            BackendKind::Wsdesk => cfg!(feature = "wsdesk"),
        }
    }

    /// WordPress plugins: the base URL is the site, credentials an Application Password.
    pub fn is_wordpress(self) -> bool {
        matches!(
            self,
            BackendKind::FluentSupport | BackendKind::AwesomeSupport | BackendKind::SupportCandy | BackendKind::Wsdesk
        )
    }
}

/// Each adapter is compiled in only with its cargo feature; a kind this build lacks is
/// `Unavailable`, whose every call fails with `Unsupported`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Backend {
    #[cfg(feature = "demo")]
    Demo(DemoBackend),
    #[cfg(feature = "django-helpdesk")]
    DjangoHelpdesk(DjangoHelpdeskBackend),
    #[cfg(feature = "request-tracker")]
    RequestTracker(RequestTrackerBackend),
    #[cfg(feature = "fluent-support")]
    FluentSupport(FluentSupportBackend),
    #[cfg(feature = "awesome-support")]
    AwesomeSupport(AwesomeSupportBackend),
    #[cfg(feature = "supportcandy")]
    SupportCandy(SupportCandyBackend),
    #[cfg(feature = "wsdesk")]
    Wsdesk(WsDeskBackend),
    Unavailable(BackendKind),
}

/// A `match` over the adapters this build includes, with the adapter bound to `$b`; a kind
/// the build lacks answers `$none`.
macro_rules! on_adapter {
    ($self:expr, $b:ident => $call:expr, $kind:ident => $none:expr) => {
        match $self {
            #[cfg(feature = "demo")]
            Backend::Demo($b) => $call,
            #[cfg(feature = "django-helpdesk")]
            Backend::DjangoHelpdesk($b) => $call,
            #[cfg(feature = "request-tracker")]
            Backend::RequestTracker($b) => $call,
            #[cfg(feature = "fluent-support")]
            Backend::FluentSupport($b) => $call,
            #[cfg(feature = "awesome-support")]
            Backend::AwesomeSupport($b) => $call,
            #[cfg(feature = "supportcandy")]
            Backend::SupportCandy($b) => $call,
            #[cfg(feature = "wsdesk")]
            Backend::Wsdesk($b) => $call,
            Backend::Unavailable($kind) => $none,
        }
    };
}

impl Backend {
    pub fn kind(&self) -> BackendKind {
        match self {
            #[cfg(feature = "demo")]
            Backend::Demo(_) => BackendKind::Demo,
            #[cfg(feature = "django-helpdesk")]
            Backend::DjangoHelpdesk(_) => BackendKind::DjangoHelpdesk,
            #[cfg(feature = "request-tracker")]
            Backend::RequestTracker(_) => BackendKind::RequestTracker,
            #[cfg(feature = "fluent-support")]
            Backend::FluentSupport(_) => BackendKind::FluentSupport,
            #[cfg(feature = "awesome-support")]
            Backend::AwesomeSupport(_) => BackendKind::AwesomeSupport,
            #[cfg(feature = "supportcandy")]
            Backend::SupportCandy(_) => BackendKind::SupportCandy,
            #[cfg(feature = "wsdesk")]
            Backend::Wsdesk(_) => BackendKind::Wsdesk,
            Backend::Unavailable(kind) => *kind,
        }
    }

    pub fn capabilities(&self) -> Capabilities {
        on_adapter!(self, b => b.capabilities(), _kind => Capabilities::NONE)
    }

    pub async fn list_tickets(&self, query: &TicketQuery) -> Result<TicketPage, ApiError> {
        on_adapter!(self, b => b.list_tickets(query).await, kind => Err(unavailable(*kind)))
    }

    pub async fn ticket(&self, id: TicketId) -> Result<TicketThread, ApiError> {
        on_adapter!(self, b => b.ticket(id).await, kind => Err(unavailable(*kind)))
    }

    pub async fn create_ticket(&self, new: NewTicket) -> Result<Ticket, ApiError> {
        on_adapter!(self, b => b.create_ticket(new).await, kind => Err(unavailable(*kind)))
    }

    /// A public reply; returns the updated thread (status transitions included).
    pub async fn reply(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        on_adapter!(self, b => b.reply(id, message).await, kind => Err(unavailable(*kind)))
    }

    pub async fn add_note(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        on_adapter!(self, b => b.add_note(id, message).await, kind => Err(unavailable(*kind)))
    }

    pub async fn update_ticket(&self, id: TicketId, update: TicketUpdate) -> Result<TicketThread, ApiError> {
        on_adapter!(self, b => b.update_ticket(id, update).await, kind => Err(unavailable(*kind)))
    }

    /// Statuses, priorities, departments and agents in one call.
    pub async fn vocabulary(&self) -> Result<Vocabulary, ApiError> {
        on_adapter!(self, b => b.vocabulary().await, kind => Err(unavailable(*kind)))
    }

    /// A file of a message, downloaded with the session's credentials.
    pub async fn attachment(&self, attachment: &Attachment) -> Result<Vec<u8>, ApiError> {
        on_adapter!(self, b => b.attachment(attachment).await, kind => Err(unavailable(*kind)))
    }
}

fn unavailable(kind: BackendKind) -> ApiError {
    ApiError::Unsupported(format!("{} is not in this build", kind.label()))
}
