//! The WSDesk adapter over HTTP: one multipart POST to `admin-ajax.php` to submit a ticket;
//! every other `Backend` call answers `ApiError::Unsupported` without a request.
//!
//! Cross-origin, the browser sends the form (a multipart POST needs no preflight) but may
//! not read the answer: core echoes only the site's own host, compared without its port.
//! Such a submission ends as `ApiError::Network` although the ticket may have been stored —
//! the portal should be served from the WordPress site itself.

use super::mapping;
use crate::api::http::{self, HttpBody, HttpRequest, Method};
use crate::api::{ApiError, Capabilities};
use crate::domain::{
    Attachment, NewMessage, NewTicket, Ticket, TicketId, TicketPage, TicketQuery, TicketThread, TicketUpdate,
    Vocabulary,
};

#[derive(Clone, PartialEq, Eq)]
pub struct WsDeskBackend {
    /// The WordPress site (`https://example.ir`; its REST root works too).
    pub site: String,
    /// WSDesk's site-wide API key. It can only create tickets, and a page that submits from
    /// the browser necessarily shows it to every visitor: that is WSDesk's design.
    pub api_key: String,
}

/// Without the key: credentials never reach logs.
impl std::fmt::Debug for WsDeskBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WsDeskBackend").field("site", &self.site).field("api_key", &"<redacted>").finish()
    }
}

impl WsDeskBackend {
    pub fn capabilities(&self) -> Capabilities {
        mapping::capabilities()
    }

    pub async fn list_tickets(&self, _query: &TicketQuery) -> Result<TicketPage, ApiError> {
        Err(mapping::unsupported("listing tickets"))
    }

    pub async fn ticket(&self, _id: TicketId) -> Result<TicketThread, ApiError> {
        Err(mapping::unsupported("reading a ticket"))
    }

    /// Submits the ticket; the answer names no ticket, so what comes back is what was sent
    /// (see `mapping::submitted_ticket`).
    pub async fn create_ticket(&self, new: NewTicket) -> Result<Ticket, ApiError> {
        let parts = mapping::create_form(&new, &self.api_key)?;
        let request = HttpRequest {
            body: HttpBody::Multipart(parts),
            ..HttpRequest::new(Method::Post, mapping::ajax_url(&self.site))
        };
        let response = http::send(&request).await?;
        mapping::answer_for(response.status, &response.text())?;
        Ok(mapping::submitted_ticket(&new, chrono::Utc::now()))
    }

    pub async fn reply(&self, _id: TicketId, _message: NewMessage) -> Result<TicketThread, ApiError> {
        Err(mapping::unsupported("replying"))
    }

    pub async fn add_note(&self, _id: TicketId, _message: NewMessage) -> Result<TicketThread, ApiError> {
        Err(mapping::unsupported("internal notes"))
    }

    pub async fn update_ticket(&self, _id: TicketId, _update: TicketUpdate) -> Result<TicketThread, ApiError> {
        Err(mapping::unsupported("changing a ticket"))
    }

    /// Nothing to list: the API names no statuses, priorities, departments or agents.
    pub async fn vocabulary(&self) -> Result<Vocabulary, ApiError> {
        Ok(Vocabulary::default())
    }

    pub async fn attachment(&self, _attachment: &Attachment) -> Result<Vec<u8>, ApiError> {
        Err(mapping::unsupported("downloading attachments"))
    }
}
