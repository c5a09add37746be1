//! The django-helpdesk adapter over HTTP: the `Backend` calls as REST requests, decoded and
//! mapped by `mapping`. The server filters by status only, so lists are fetched (up to a
//! bound) and the rest of the query — search, other filters, sort, paging — runs here, with
//! the page marked partial when the bound cut it short.

use serde_json::Value;

use super::dto::{PageDto, TicketDto, UserTicketDto};
use super::mapping;
use crate::api::http::{self, HttpBody, HttpRequest, Method};
use crate::api::{ApiError, BackendKind, Capabilities, Credentials, Viewer};
use crate::calendar::tehran_offset;
use crate::domain::query::run_query_by;
use crate::domain::{
    Attachment, Department, NewAttachment, NewMessage, NewTicket, Person, Ticket, TicketId, TicketPage, TicketQuery, TicketThread,
    TicketUpdate, Vocabulary,
};

/// Listing pages fetched for one query, at `PAGE_SIZE` tickets each.
const MAX_PAGES: u32 = 10;
const PAGE_SIZE: u32 = 100;

#[derive(Clone, PartialEq, Eq)]
pub struct DjangoHelpdeskBackend {
    /// The API root, e.g. `https://support.example.ir/helpdesk/api`.
    pub base: String,
    /// A DRF token or a user name and password (Basic); none sends nothing (the server
    /// answers 403).
    pub credentials: Credentials,
    /// Queue id → title, from configuration (the API lists no queues).
    pub queues: Vec<Department>,
    pub agents: Vec<Person>,
    pub viewer: Viewer,
}

/// Without the token: credentials never reach logs.
impl std::fmt::Debug for DjangoHelpdeskBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("DjangoHelpdeskBackend")
            .field("base", &self.base)
            .field("credentials", &self.credentials)
            .field("viewer", &self.viewer)
            .finish_non_exhaustive()
    }
}

impl DjangoHelpdeskBackend {
    pub fn capabilities(&self) -> Capabilities {
        match self.viewer {
            Viewer::Agent { .. } => mapping::capabilities(),
            Viewer::Customer { .. } => mapping::customer_capabilities(),
        }
    }

    fn request(&self, method: Method, path: &str, body: HttpBody) -> HttpRequest {
        let mut headers = vec![("Accept-Language", "en".to_owned())];
        headers.extend(self.credentials.headers(BackendKind::DjangoHelpdesk));
        HttpRequest { headers, body, ..HttpRequest::new(method, format!("{}/{path}", self.base.trim_end_matches('/'))) }
    }

    async fn call(&self, method: Method, path: &str, json: Option<Value>) -> Result<String, ApiError> {
        self.send(method, path, json.map(HttpBody::Json).unwrap_or_default()).await
    }

    /// The JSON body's fields as form fields plus `files` under `file_field`: the server
    /// takes files only in `multipart/form-data`.
    async fn call_with_files(
        &self,
        path: &str,
        json: Value,
        file_field: &str,
        files: &[NewAttachment],
    ) -> Result<String, ApiError> {
        if files.is_empty() {
            return self.call(Method::Post, path, Some(json)).await;
        }
        self.send(Method::Post, path, mapping::multipart_body(&json, file_field, files)).await
    }

    async fn send(&self, method: Method, path: &str, body: HttpBody) -> Result<String, ApiError> {
        let response = http::send(&self.request(method, path, body)).await?;
        if response.is_success() {
            Ok(response.text())
        } else {
            Err(mapping::error_for(response.status, &response.text()))
        }
    }

    fn staff_only(&self) -> Result<(), ApiError> {
        match self.viewer {
            Viewer::Agent { .. } => Ok(()),
            Viewer::Customer { .. } => Err(ApiError::Unsupported("customer threads".into())),
        }
    }

    pub async fn list_tickets(&self, query: &TicketQuery) -> Result<TicketPage, ApiError> {
        let (tickets, partial) = match self.viewer {
            Viewer::Agent { .. } => self.fetch_staff_tickets(query).await?,
            Viewer::Customer { .. } => {
                let rows: Vec<UserTicketDto> = mapping::decode(&self.call(Method::Get, "user_tickets/", None).await?)?;
                (rows.iter().map(mapping::customer_ticket_from).collect(), false)
            }
        };
        let texts: Vec<String> = tickets.iter().map(Ticket::search_text).collect();
        let mut local = query.clone();
        // The customer listing is already the customer's own.
        local.customer_email = None;
        let mut page = run_query_by(&tickets, |t| t, &texts, &local, tehran_offset());
        page.partial = partial;
        Ok(page)
    }

    async fn fetch_staff_tickets(&self, query: &TicketQuery) -> Result<(Vec<Ticket>, bool), ApiError> {
        let status = mapping::status_numbers_for(&query.statuses)
            .map(|n| format!("&status={}", n.iter().map(u8::to_string).collect::<Vec<_>>().join(",")))
            .unwrap_or_default();
        let mut tickets = Vec::new();
        for page in 1..=MAX_PAGES {
            let path = format!("tickets/?page={page}&page_size={PAGE_SIZE}{status}");
            let response = http::send(&self.request(Method::Get, &path, HttpBody::Empty)).await?;
            let body = response.text();
            if mapping::is_past_last_page(response.status, &body) {
                return Ok((tickets, false));
            }
            if !response.is_success() {
                return Err(mapping::error_for(response.status, &body));
            }
            let dto: PageDto<TicketDto> = mapping::decode(&body)?;
            tickets.extend(dto.results.iter().map(|t| mapping::ticket_from(t, &self.queues)));
            if dto.next.is_none() {
                return Ok((tickets, false));
            }
        }
        Ok((tickets, true))
    }

    pub async fn ticket(&self, id: TicketId) -> Result<TicketThread, ApiError> {
        self.staff_only()?;
        let dto: TicketDto = mapping::decode(&self.call(Method::Get, &format!("tickets/{id}/"), None).await?)?;
        Ok(mapping::thread_from(&dto, &self.queues))
    }

    pub async fn create_ticket(&self, new: NewTicket) -> Result<Ticket, ApiError> {
        self.staff_only()?;
        mapping::check_attachments(&new.attachments, mapping::MAX_CREATE_ATTACHMENTS)?;
        let queue = match new.department.as_deref() {
            Some(key) => key.parse::<u64>().map_err(|_| ApiError::validation("department", "unknown"))?,
            None => self
                .queues
                .first()
                .and_then(|q| q.key.parse().ok())
                .ok_or_else(|| ApiError::validation("department", "required"))?,
        };
        let body = mapping::create_body(&new, queue);
        let dto: TicketDto = mapping::decode(&self.call_with_files("tickets/", body, "attachment", &new.attachments).await?)?;
        // The create answer has the ticket but not always its opening follow-up: read it back.
        Ok(self.ticket(dto.id).await?.ticket)
    }

    async fn followup(&self, id: TicketId, message: NewMessage, public: bool) -> Result<TicketThread, ApiError> {
        self.staff_only()?;
        mapping::check_attachments(&message.attachments, usize::MAX)?;
        let body = mapping::followup_body(id, &message.body, public, None);
        self.call_with_files("followups/", body, "attachments", &message.attachments).await?;
        self.ticket(id).await
    }

    pub async fn reply(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        self.followup(id, message, true).await
    }

    pub async fn add_note(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        self.followup(id, message, false).await
    }

    pub async fn update_ticket(&self, id: TicketId, update: TicketUpdate) -> Result<TicketThread, ApiError> {
        self.staff_only()?;
        // A status change goes as a follow-up so the thread and closed_at record it.
        if let Some(key) = &update.status {
            let number = mapping::status_number(key).ok_or_else(|| ApiError::validation("status", "unknown"))?;
            let body = mapping::followup_body(id, "", false, Some(number));
            self.call(Method::Post, "followups/", Some(body)).await?;
        }
        let rest = TicketUpdate { status: None, ..update };
        if rest != TicketUpdate::default() {
            self.call(Method::Patch, &format!("tickets/{id}/"), Some(mapping::patch_body(&rest)?)).await?;
        }
        self.ticket(id).await
    }

    pub async fn vocabulary(&self) -> Result<Vocabulary, ApiError> {
        Ok(mapping::vocabulary(&self.queues, &self.agents))
    }

    /// A file's bytes from its media URL. The token goes only to the API's own origin: a
    /// media URL elsewhere (a CDN) is fetched without it.
    pub async fn attachment(&self, attachment: &Attachment) -> Result<Vec<u8>, ApiError> {
        let mut request = HttpRequest::new(Method::Get, attachment.url.clone());
        if same_origin(&attachment.url, &self.base) {
            request.headers.extend(self.credentials.headers(BackendKind::DjangoHelpdesk));
        }
        let response = http::send(&request).await?;
        if response.is_success() {
            Ok(response.bytes)
        } else {
            Err(mapping::error_for(response.status, &response.text()))
        }
    }
}

/// `scheme://host[:port]` of an absolute URL, lower-cased.
fn origin(url: &str) -> Option<String> {
    let (scheme, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    (!scheme.is_empty() && !host.is_empty()).then(|| format!("{scheme}://{host}").to_ascii_lowercase())
}

fn same_origin(url: &str, base: &str) -> bool {
    origin(url).is_some_and(|o| Some(o) == origin(base))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Backend;

    #[test]
    fn debug_output_never_shows_the_token() {
        let backend = DjangoHelpdeskBackend {
            base: "http://127.0.0.1:18101/helpdesk/api".into(),
            credentials: Credentials::Token { token: "ef1f9a0b5830a13bd6491a634770efc3".into() },
            queues: vec![],
            agents: vec![],
            viewer: Viewer::Agent { id: "2".into(), name: "agent".into() },
        };
        let text = format!("{:?}", Backend::DjangoHelpdesk(backend));
        assert!(!text.contains("ef1f9a0b"), "{text}");
        assert!(text.contains("redacted") && text.contains("18101"), "{text}");
    }

    #[test]
    fn the_token_goes_only_to_the_apis_origin() {
        let fixture = include_str!("../../../tests/fixtures/django-helpdesk/attachment-download.json");
        let recorded: serde_json::Value = serde_json::from_str(fixture).unwrap();
        let path = recorded["request"]["path"].as_str().unwrap();
        let base = "http://127.0.0.1:18101/helpdesk/api";
        assert!(same_origin(&format!("http://127.0.0.1:18101{path}"), base));
        assert!(same_origin("HTTP://127.0.0.1:18101/media/x", base), "scheme and host are case-blind");
        assert!(!same_origin(&format!("http://127.0.0.1:18102{path}"), base), "another port");
        assert!(!same_origin(&format!("https://cdn.example.ir{path}"), base));
        assert!(!same_origin(path, base), "a relative URL has no origin to trust");
        assert!(!same_origin("http://127.0.0.1:18101@evil.example/x", base));
    }
}
