//! The Fluent Support adapter over HTTP: the `Backend` calls as REST requests to the agent
//! endpoints (`/tickets…`) or the customer portal's (`/customer-portal/tickets…`), chosen by
//! the `Viewer`, decoded and mapped by `mapping`.
//!
//! Lists go to the server as one page when it can answer the query exactly; otherwise the
//! matching superset is fetched (up to a bound) and filtered, sorted and paged here, with
//! the page marked partial when the bound cut it short. Every write is followed by a fresh
//! read of the ticket: the write answers' shapes differ by call (a re-open by a customer
//! answers with the customer).

use chrono::FixedOffset;
use serde_json::{json, Value};

use super::dto::{CreatedDto, EssentialsDto, TicketListDto, TicketViewDto, UploadDto};
use super::mapping::{self, ListPlan, Step};
use crate::api::http::{self, HttpBody, HttpRequest, Method};
use crate::api::wordpress::{rest_url, WpAuth};
use crate::api::{ApiError, Capabilities, Viewer};
use crate::calendar::tehran_offset;
use crate::domain::query::run_query_by;
use crate::domain::{
    Attachment, Department, NewAttachment, NewMessage, NewTicket, Person, Ticket, TicketId, TicketPage, TicketQuery,
    TicketThread, TicketUpdate, Vocabulary,
};

const NAMESPACE: &str = "fluent-support/v2";
/// Listing pages fetched for one query that must run here, at `PAGE_SIZE` tickets each.
const MAX_PAGES: u32 = 10;
const PAGE_SIZE: u32 = 100;

#[derive(Clone, PartialEq, Eq)]
pub struct FluentSupportBackend {
    /// The site (`https://example.ir`) or its REST root (`https://example.ir/wp-json`).
    pub site: String,
    pub auth: WpAuth,
    pub viewer: Viewer,
    /// The site's UTC offset (Settings → General → Timezone): the server writes reply and
    /// resolve times as its wall clock without saying which.
    pub site_offset: FixedOffset,
    /// Mailbox id → name, for calls that send only the id and for agents who may not read
    /// `ticket-essentials`.
    pub mailboxes: Vec<Department>,
    /// Agents by person id, for the same reason.
    pub agents: Vec<Person>,
}

/// Without the credentials: they never reach logs.
impl std::fmt::Debug for FluentSupportBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FluentSupportBackend")
            .field("site", &self.site)
            .field("auth", &self.auth)
            .field("viewer", &self.viewer)
            .field("site_offset", &self.site_offset)
            .finish_non_exhaustive()
    }
}

impl FluentSupportBackend {
    /// A backend for a site in Iran's time zone (+03:30); set `site_offset` for another.
    pub fn new(site: impl Into<String>, auth: WpAuth, viewer: Viewer) -> FluentSupportBackend {
        FluentSupportBackend {
            site: site.into(),
            auth,
            viewer,
            site_offset: tehran_offset(),
            mailboxes: Vec::new(),
            agents: Vec::new(),
        }
    }

    pub fn capabilities(&self) -> Capabilities {
        if self.is_agent() {
            mapping::capabilities()
        } else {
            mapping::customer_capabilities()
        }
    }

    fn is_agent(&self) -> bool {
        matches!(self.viewer, Viewer::Agent { .. })
    }

    /// `tickets` or `customer-portal/tickets`, plus `rest`.
    fn tickets_path(&self, rest: &str) -> String {
        let root = if self.is_agent() { "tickets" } else { "customer-portal/tickets" };
        format!("{root}{rest}")
    }

    fn request(&self, method: Method, path: &str, params: &[(String, String)], body: HttpBody) -> HttpRequest {
        let url = http::with_query(rest_url(&self.site, NAMESPACE, path), params);
        HttpRequest { headers: self.auth.headers(), body, with_cookies: self.auth.with_cookies(), ..HttpRequest::new(method, url) }
    }

    async fn call(&self, method: Method, path: &str, params: &[(String, String)], body: HttpBody) -> Result<String, ApiError> {
        let response = http::send(&self.request(method, path, params, body)).await?;
        if response.is_success() {
            Ok(response.text())
        } else {
            Err(mapping::error_for(response.status, &response.text()))
        }
    }

    async fn get(&self, path: &str, params: &[(String, String)]) -> Result<String, ApiError> {
        self.call(Method::Get, path, params, HttpBody::Empty).await
    }

    async fn send_json(&self, method: Method, path: &str, body: Value) -> Result<String, ApiError> {
        self.call(method, path, &[], HttpBody::Json(body)).await
    }

    fn agent_only(&self, what: &str) -> Result<(), ApiError> {
        if self.is_agent() {
            Ok(())
        } else {
            Err(ApiError::Unsupported(format!("{what} for customers")))
        }
    }

    pub async fn list_tickets(&self, query: &TicketQuery) -> Result<TicketPage, ApiError> {
        let plan = if self.is_agent() { mapping::agent_list_plan(query) } else { mapping::customer_list_plan(query) };
        let per_page = query.per_page.max(1);
        let Some(ListPlan { params, exact }) = plan else {
            return Ok(TicketPage { tickets: vec![], total: 0, page: query.page.max(1), per_page, partial: false });
        };
        let path = self.tickets_path("");
        if exact {
            let mut params = params;
            params.push(("page".into(), query.page.max(1).to_string()));
            params.push(("per_page".into(), per_page.to_string()));
            return match self.list_page(&path, &params).await? {
                Some(dto) => Ok(mapping::page_from(&dto.tickets, self.site_offset, &self.mailboxes)),
                None => Ok(TicketPage { tickets: vec![], total: 0, page: query.page.max(1), per_page, partial: false }),
            };
        }
        let mut tickets: Vec<Ticket> = Vec::new();
        let mut partial = true;
        for page in 1..=MAX_PAGES {
            let mut page_params = params.clone();
            page_params.push(("page".into(), page.to_string()));
            page_params.push(("per_page".into(), PAGE_SIZE.to_string()));
            let Some(dto) = self.list_page(&path, &page_params).await? else {
                partial = false;
                break;
            };
            tickets.extend(dto.tickets.data.iter().map(|t| mapping::ticket_from(t, self.site_offset, &self.mailboxes)));
            if dto.tickets.current_page >= dto.tickets.last_page || dto.tickets.data.is_empty() {
                partial = false;
                break;
            }
        }
        let texts: Vec<String> = tickets.iter().map(Ticket::search_text).collect();
        // An agent's search ran on the server; the portal lists only the customer's own.
        let local = if self.is_agent() {
            TicketQuery { search: String::new(), ..query.clone() }
        } else {
            TicketQuery { customer_email: None, ..query.clone() }
        };
        let mut page = run_query_by(&tickets, |t| t, &texts, &local, self.site_offset);
        page.partial = partial;
        Ok(page)
    }

    /// One list page; `None` when the customer has no customer record yet (no tickets).
    async fn list_page(&self, path: &str, params: &[(String, String)]) -> Result<Option<TicketListDto>, ApiError> {
        let response = http::send(&self.request(Method::Get, path, params, HttpBody::Empty)).await?;
        let body = response.text();
        if !self.is_agent() && mapping::is_unknown_customer(response.status, &body) {
            return Ok(None);
        }
        if !response.is_success() {
            return Err(mapping::error_for(response.status, &body));
        }
        mapping::decode(&body).map(Some)
    }

    async fn view(&self, id: TicketId) -> Result<TicketViewDto, ApiError> {
        mapping::decode(&self.get(&self.tickets_path(&format!("/{id}")), &[]).await?)
    }

    pub async fn ticket(&self, id: TicketId) -> Result<TicketThread, ApiError> {
        Ok(mapping::thread_from(&self.view(id).await?, self.site_offset, &self.mailboxes))
    }

    /// Uploads each file on its own (as the plugin's forms do) and returns their hashes.
    async fn upload(&self, files: &[NewAttachment], ticket_id: Option<TicketId>) -> Result<Vec<String>, ApiError> {
        let path = if self.is_agent() { "ticket_file_upload" } else { "customer-portal/ticket_file_upload" };
        let mut hashes = Vec::new();
        for file in files {
            let parts = mapping::upload_parts(file, ticket_id, self.is_agent());
            let dto: UploadDto = mapping::decode(&self.call(Method::Post, path, &[], HttpBody::Multipart(parts)).await?)?;
            hashes.extend(dto.attachments);
        }
        Ok(hashes)
    }

    pub async fn create_ticket(&self, new: NewTicket) -> Result<Ticket, ApiError> {
        // Check the form before any file is uploaded.
        if self.is_agent() {
            mapping::agent_create_body(&new, &[])?;
        } else {
            mapping::portal_create_body(&new, &[])?;
        }
        let hashes = self.upload(&new.attachments, None).await?;
        let body = if self.is_agent() {
            mapping::agent_create_body(&new, &hashes)?
        } else {
            mapping::portal_create_body(&new, &hashes)?
        };
        let created: CreatedDto = mapping::decode(&self.send_json(Method::Post, &self.tickets_path(""), body).await?)?;
        Ok(self.ticket(created.ticket.id).await?.ticket)
    }

    async fn respond(&self, id: TicketId, message: NewMessage, note: bool) -> Result<TicketThread, ApiError> {
        let hashes = self.upload(&message.attachments, Some(id)).await?;
        let body = mapping::response_body(&message.body, note, &hashes);
        self.send_json(Method::Post, &self.tickets_path(&format!("/{id}/responses")), body).await?;
        self.ticket(id).await
    }

    pub async fn reply(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        self.respond(id, message, false).await
    }

    pub async fn add_note(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        self.agent_only("internal notes")?;
        self.respond(id, message, true).await
    }

    pub async fn update_ticket(&self, id: TicketId, update: TicketUpdate) -> Result<TicketThread, ApiError> {
        let current = self.view(id).await?;
        let steps = if self.is_agent() {
            mapping::agent_update_steps(&current.ticket.status, &update)?
        } else {
            mapping::customer_update_steps(&current.ticket.status, &update)?
        };
        for step in steps {
            match step {
                Step::Close => self.send_json(Method::Post, &self.tickets_path(&format!("/{id}/close")), json!({})).await?,
                Step::Reopen => {
                    self.send_json(Method::Post, &self.tickets_path(&format!("/{id}/re-open")), json!({})).await?
                }
                Step::Property(name, value) => {
                    let path = format!("tickets/{id}/property");
                    self.send_json(Method::Put, &path, mapping::property_body(name, &value)).await?
                }
            };
        }
        self.ticket(id).await
    }

    /// The site's own vocabulary when the agent may read `ticket-essentials` (it needs the
    /// settings permission); otherwise the plugin's defaults with the configured mailboxes
    /// and agents.
    pub async fn vocabulary(&self) -> Result<Vocabulary, ApiError> {
        if self.is_agent() {
            match self.get("tickets/ticket-essentials", &[]).await {
                Ok(body) => return Ok(mapping::vocabulary_from(&mapping::decode::<EssentialsDto>(&body)?)),
                Err(ApiError::Forbidden) => {}
                Err(e) => return Err(e),
            }
            Ok(mapping::vocabulary(&self.mailboxes, &self.agents))
        } else {
            Ok(mapping::vocabulary(&self.mailboxes, &[]))
        }
    }

    /// A file's bytes by its signed link (`secureUrl`), sent without credentials: the link is
    /// the credential, and an `Authorization` header would make the browser ask the site's
    /// `index.php` for CORS permission it never gives. That page sends no CORS headers at all,
    /// so from another origin the download fails as a network error; there the UI should
    /// open `attachment.url` as a plain link instead.
    pub async fn attachment(&self, attachment: &Attachment) -> Result<Vec<u8>, ApiError> {
        let request = HttpRequest::new(Method::Get, attachment.url.clone());
        let response = http::send(&request).await?;
        mapping::attachment_bytes(response.status, response.header("content-type"), &response.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_never_shows_the_application_password() {
        let backend = FluentSupportBackend::new(
            "http://127.0.0.1:18201",
            WpAuth::ApplicationPassword { user: "agent".into(), password: "dCtH b0Oa q5y1 kMt1 fFJZ Y8CN".into() },
            Viewer::Agent { id: "2".into(), name: "سارا احمدی".into() },
        );
        let text = format!("{backend:?}");
        assert!(!text.contains("dCtH") && !text.contains("Y8CN"), "{text}");
        assert!(text.contains("<redacted>") && text.contains("18201") && text.contains("agent"), "{text}");
        let nonce = FluentSupportBackend { auth: WpAuth::CookieNonce { nonce: "9f8e7d6c5b".into() }, ..backend };
        assert!(!format!("{nonce:?}").contains("9f8e7d6c5b"));
    }

    #[test]
    fn requests_carry_the_auth_and_encode_the_query() {
        let backend = FluentSupportBackend::new(
            "http://127.0.0.1:18201/wp-json/",
            WpAuth::ApplicationPassword { user: "agent".into(), password: "abcd efgh".into() },
            Viewer::Agent { id: "2".into(), name: String::new() },
        );
        let params = vec![("filters[status_type]".to_owned(), "closed".to_owned()), ("search".to_owned(), "چاپگر".to_owned())];
        let request = backend.request(Method::Get, "tickets", &params, HttpBody::Empty);
        assert_eq!(
            request.url,
            "http://127.0.0.1:18201/wp-json/fluent-support/v2/tickets?filters%5Bstatus_type%5D=closed&search=%DA%86%D8%A7%D9%BE%DA%AF%D8%B1"
        );
        assert_eq!(request.headers, backend.auth.headers());
        assert!(!request.with_cookies);
        // Cookie auth: the nonce header and the site's cookies.
        let cookie = FluentSupportBackend {
            auth: WpAuth::CookieNonce { nonce: "n0nce".into() },
            viewer: Viewer::Customer { name: String::new(), email: String::new() },
            ..backend
        };
        let request = cookie.request(Method::Post, &cookie.tickets_path("/3/close"), &[], HttpBody::Empty);
        assert_eq!(request.url, "http://127.0.0.1:18201/wp-json/fluent-support/v2/customer-portal/tickets/3/close");
        assert_eq!(request.headers, vec![("X-WP-Nonce", "n0nce".to_owned())]);
        assert!(request.with_cookies);
    }

    #[test]
    fn capabilities_follow_the_viewer() {
        let agent = FluentSupportBackend::new("http://x", WpAuth::Anonymous, Viewer::Agent { id: "1".into(), name: String::new() });
        let customer = FluentSupportBackend { viewer: Viewer::Customer { name: String::new(), email: String::new() }, ..agent.clone() };
        assert!(agent.capabilities().internal_notes && agent.capabilities().assignment);
        assert!(!customer.capabilities().internal_notes && !customer.capabilities().assignment);
        assert_eq!(agent.site_offset.local_minus_utc(), 3 * 3600 + 1800);
    }
}
