//! The SupportCandy adapter over HTTP: the `Backend` calls as REST requests, decoded and
//! mapped by `mapping`. The server pages and searches; status, priority, category and
//! assignee filters and every sort but the ticket number run here over pages fetched by id
//! (up to a bound, the page marked partial when the bound cut it short). Names need extra
//! calls the API offers no batch for: one `/customers/N` per person and one
//! `/attachments/N` per file, each bounded.

use std::collections::BTreeSet;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::dto::{AgentDto, AttachmentDto, CategoryDto, CustomerDto, LabelDto, PageDto, ThreadDto, TicketDto};
use super::mapping::{self, FileNames, ListParams, People, NAMESPACE};
use crate::api::http::{self, FormPart, HttpBody, HttpRequest, HttpResponse, Method};
use crate::api::wordpress::{rest_url, WpAuth};
use crate::api::{ApiError, Capabilities, Viewer};
use crate::calendar::tehran_offset;
use crate::domain::query::run_query_by;
use crate::domain::{
    AssigneeFilter, Attachment, NewAttachment, NewMessage, NewTicket, Person, SortField, Ticket, TicketId, TicketPage,
    TicketQuery, TicketThread, TicketUpdate, Vocabulary,
};

/// Listing pages fetched for a query the server cannot answer alone, `PAGE_SIZE` each.
const MAX_PAGES: u32 = 10;
const PAGE_SIZE: u32 = 100;
/// Thread pages read for one ticket, `PAGE_SIZE` entries each.
const MAX_THREAD_PAGES: u32 = 20;
/// People and files looked up by id for one answer; beyond this they stay unnamed.
const MAX_LOOKUPS: usize = 50;
/// `/agents` pages read for the vocabulary.
const MAX_AGENT_PAGES: u32 = 5;

/// The credentials' `Debug` never prints the secret (`WpAuth`'s own), so deriving is safe.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SupportCandyBackend {
    /// The site (`https://example.ir`) or its REST root (`…/wp-json`).
    pub site: String,
    pub auth: WpAuth,
    /// `Agent { id }` is the SupportCandy agent id (not the WordPress user id).
    pub viewer: Viewer,
    /// Statuses, priorities, categories and agents; fetched on each call while `None`
    /// (`with_vocabulary` fills it once).
    pub vocabulary: Option<Vocabulary>,
}

impl SupportCandyBackend {
    pub fn capabilities(&self) -> Capabilities {
        match self.viewer {
            Viewer::Agent { .. } => mapping::agent_capabilities(),
            Viewer::Customer { .. } => mapping::customer_capabilities(),
        }
    }

    fn is_agent(&self) -> bool {
        matches!(self.viewer, Viewer::Agent { .. })
    }

    fn request(&self, method: Method, url: String, body: HttpBody) -> HttpRequest {
        HttpRequest {
            headers: self.auth.headers(),
            body,
            with_cookies: self.auth.with_cookies(),
            ..HttpRequest::new(method, url)
        }
    }

    async fn send(&self, method: Method, path: &str, body: HttpBody) -> Result<HttpResponse, ApiError> {
        let response = http::send(&self.request(method, rest_url(&self.site, NAMESPACE, path), body)).await?;
        if response.is_success() {
            Ok(response)
        } else {
            Err(mapping::error_for(response.status, &response.text()))
        }
    }

    async fn get<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        mapping::decode(&self.send(Method::Get, path, HttpBody::Empty).await?.text())
    }

    async fn post<T: DeserializeOwned>(&self, path: &str, body: Value) -> Result<T, ApiError> {
        mapping::decode(&self.send(Method::Post, path, HttpBody::Json(body)).await?.text())
    }

    /// This backend with the site's lists fetched once, so later calls skip four requests.
    pub async fn with_vocabulary(self) -> Result<SupportCandyBackend, ApiError> {
        let vocabulary = self.fetch_vocabulary().await?;
        Ok(SupportCandyBackend { vocabulary: Some(vocabulary), ..self })
    }

    pub async fn vocabulary(&self) -> Result<Vocabulary, ApiError> {
        match &self.vocabulary {
            Some(v) => Ok(v.clone()),
            None => self.fetch_vocabulary().await,
        }
    }

    async fn fetch_vocabulary(&self) -> Result<Vocabulary, ApiError> {
        let statuses: Vec<LabelDto> = self.get("statuses").await?;
        let priorities: Vec<LabelDto> = self.get("priorities").await?;
        let categories: Vec<CategoryDto> = self.get("categories").await?;
        let mut agents: Vec<AgentDto> = Vec::new();
        for page in 1..=MAX_AGENT_PAGES {
            let dto: PageDto<AgentDto> = self.get(&format!("agents?per_page={PAGE_SIZE}&page={page}")).await?;
            let more = has_more(&dto, page);
            agents.extend(dto.results);
            if !more {
                break;
            }
        }
        Ok(mapping::vocabulary(&statuses, &priorities, &categories, &agents))
    }

    /// Names (and, for agents, e-mails) of customer records. The customer's own record is the
    /// viewer (their view of `/customers/N` has no e-mail); someone the caller may not look up
    /// stays unnamed.
    async fn people(&self, ids: BTreeSet<u64>, own: Option<u64>) -> Result<People, ApiError> {
        let mut people = People::new();
        for id in ids.into_iter().take(MAX_LOOKUPS) {
            if let (Viewer::Customer { name, email }, Some(own)) = (&self.viewer, own) {
                if id == own {
                    people.insert(id, Person { id: id.to_string(), name: name.clone(), email: Some(email.clone()) });
                    continue;
                }
            }
            match self.get::<CustomerDto>(&format!("customers/{id}")).await {
                Ok(c) => {
                    people.insert(
                        id,
                        Person { id: id.to_string(), name: c.name.0, email: c.email.filter(|e| !e.is_empty()) },
                    );
                }
                Err(ApiError::Forbidden | ApiError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(people)
    }

    async fn file_names(&self, threads: &[ThreadDto]) -> Result<FileNames, ApiError> {
        let ids: BTreeSet<u64> =
            threads.iter().filter_map(|t| t.attachments.as_ref()).flat_map(|a| mapping::attachment_ids(&a.0)).collect();
        let mut names = FileNames::new();
        for id in ids.into_iter().take(MAX_LOOKUPS) {
            match self.get::<AttachmentDto>(&format!("attachments/{id}")).await {
                Ok(a) => {
                    names.insert(id, a.name.0);
                }
                Err(ApiError::Forbidden | ApiError::NotFound | ApiError::Validation(_)) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(names)
    }

    pub async fn list_tickets(&self, query: &TicketQuery) -> Result<TicketPage, ApiError> {
        let vocabulary = self.vocabulary().await?;
        // The customer's listing is their own already.
        let customer_email = query.customer_email.as_ref().filter(|_| self.is_agent());
        let filter = match query.assignee {
            AssigneeFilter::Unassigned if self.is_agent() => "unassigned",
            _ => "all",
        };
        let needs_local = !query.statuses.is_empty()
            || !query.priorities.is_empty()
            || query.department.is_some()
            || matches!(query.assignee, AssigneeFilter::Agent(_))
            || !query.tags.is_empty()
            || customer_email.is_some()
            || query.created_from.is_some()
            || query.created_to.is_some()
            || query.sort != SortField::Number;
        if !needs_local {
            let params = ListParams {
                filter,
                search: query.search.clone(),
                descending: query.descending,
                page: query.page,
                per_page: query.per_page,
            };
            let dto: PageDto<TicketDto> = self.get(&params.path()).await?;
            let people =
                self.people(dto.results.iter().filter_map(|t| t.customer.0).collect(), self.own(&dto.results)).await?;
            return Ok(mapping::page_from(&dto, &vocabulary, &people));
        }

        let mut rows: Vec<TicketDto> = Vec::new();
        let mut partial = false;
        for page in 1..=MAX_PAGES {
            let params =
                ListParams { filter, search: query.search.clone(), descending: true, page, per_page: PAGE_SIZE };
            let dto: PageDto<TicketDto> = self.get(&params.path()).await?;
            let more = has_more(&dto, page);
            rows.extend(dto.results);
            if !more {
                break;
            }
            partial = page == MAX_PAGES;
        }
        let own = self.own(&rows);
        // Filtering by e-mail needs every customer's e-mail; otherwise only the page's are named.
        let mut people = match customer_email {
            Some(_) => self.people(rows.iter().filter_map(|t| t.customer.0).collect(), own).await?,
            None => People::new(),
        };
        let tickets: Vec<Ticket> = rows.iter().map(|t| mapping::ticket_from(t, &vocabulary, &people)).collect();
        let texts: Vec<String> = tickets.iter().map(Ticket::search_text).collect();
        // The server searched already (thread text included, which the tickets here lack).
        let local = TicketQuery { search: String::new(), customer_email: customer_email.cloned(), ..query.clone() };
        let mut page = run_query_by(&tickets, |t| t, &texts, &local, tehran_offset());
        page.partial = partial;
        let unnamed: BTreeSet<u64> = page
            .tickets
            .iter()
            .filter_map(|t| t.customer.id.parse().ok())
            .filter(|id| !people.contains_key(id))
            .collect();
        people.extend(self.people(unnamed, own).await?);
        for t in &mut page.tickets {
            if let Some(p) = t.customer.id.parse().ok().and_then(|id: u64| people.get(&id)) {
                t.customer = p.clone();
            }
        }
        Ok(page)
    }

    /// A customer's own record id: every row of their listing carries it.
    fn own(&self, rows: &[TicketDto]) -> Option<u64> {
        if self.is_agent() {
            None
        } else {
            rows.first().and_then(|t| t.customer.0)
        }
    }

    async fn threads(&self, id: TicketId) -> Result<Vec<ThreadDto>, ApiError> {
        let mut threads = Vec::new();
        for page in 1..=MAX_THREAD_PAGES {
            let dto: PageDto<ThreadDto> =
                self.get(&format!("tickets/{id}/threads?order=ASC&per_page={PAGE_SIZE}&page={page}")).await?;
            let more = has_more(&dto, page);
            threads.extend(dto.results);
            if !more {
                break;
            }
        }
        Ok(threads)
    }

    pub async fn ticket(&self, id: TicketId) -> Result<TicketThread, ApiError> {
        let vocabulary = self.vocabulary().await?;
        let dto: TicketDto = self.get(&format!("tickets/{id}")).await?;
        let threads = self.threads(id).await?;
        let own = if self.is_agent() { None } else { dto.customer.0 };
        let people = self.people(mapping::people_named(&dto, &threads), own).await?;
        let files = self.file_names(&threads).await?;
        Ok(mapping::thread_from(&dto, &threads, &vocabulary, &people, &files, &self.site))
    }

    /// Uploads each file (`POST /attachments`) and returns their ids.
    async fn upload(&self, files: &[NewAttachment]) -> Result<Vec<u64>, ApiError> {
        if files.iter().any(|f| f.bytes.len() as u64 > mapping::MAX_ATTACHMENT_BYTES) {
            return Err(ApiError::validation("attachments", "too_large"));
        }
        let mut ids = Vec::new();
        for file in files {
            let part = FormPart::File {
                name: "file".into(),
                file_name: file.name.clone(),
                mime: file.mime.clone(),
                bytes: file.bytes.clone(),
            };
            let response = self.send(Method::Post, "attachments", HttpBody::Multipart(vec![part])).await?;
            let uploaded: AttachmentDto = mapping::decode(&response.text())?;
            ids.push(uploaded.id.0);
        }
        Ok(ids)
    }

    pub async fn create_ticket(&self, new: NewTicket) -> Result<Ticket, ApiError> {
        let vocabulary = self.vocabulary().await?;
        // Refuse a bad form before any file goes up.
        mapping::create_body(&new, &[], &vocabulary)?;
        let files = self.upload(&new.attachments).await?;
        let dto: TicketDto = self.post("tickets", mapping::create_body(&new, &files, &vocabulary)?).await?;
        let mut people = People::new();
        if let Some(id) = dto.customer.0 {
            let email = Some(new.customer_email.clone());
            people.insert(id, Person { id: id.to_string(), name: new.customer_name.clone(), email });
        }
        Ok(mapping::ticket_from(&dto, &vocabulary, &people))
    }

    async fn add_thread(&self, id: TicketId, kind: &str, message: NewMessage) -> Result<TicketThread, ApiError> {
        let files = self.upload(&message.attachments).await?;
        let _: ThreadDto =
            self.post(&format!("tickets/{id}/threads"), mapping::thread_body(kind, &message.body, &files)).await?;
        self.ticket(id).await
    }

    pub async fn reply(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        self.add_thread(id, "reply", message).await
    }

    pub async fn add_note(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        if !self.is_agent() {
            return Err(ApiError::Unsupported("internal notes: SupportCandy lets only agents write them".into()));
        }
        self.add_thread(id, "note", message).await
    }

    pub async fn update_ticket(&self, id: TicketId, update: TicketUpdate) -> Result<TicketThread, ApiError> {
        if !self.is_agent() {
            return Err(ApiError::Unsupported(
                "changing ticket fields: SupportCandy ignores a customer's changes".into(),
            ));
        }
        let vocabulary = self.vocabulary().await?;
        let body = mapping::update_body(&update, &vocabulary)?;
        if body.as_object().is_some_and(|b| !b.is_empty()) {
            let after: TicketDto = self.post(&format!("tickets/{id}/update-fields"), body).await?;
            mapping::check_applied(&update, &after)?;
        }
        self.ticket(id).await
    }

    /// The download link of a file: it carries the user's attachment auth code, so it is
    /// fetched when needed and never kept in domain values. Opening it in a new tab works
    /// cross-origin; reading its bytes from code does not (the link is a front-end URL
    /// without CORS headers).
    pub async fn attachment_link(&self, attachment: &Attachment) -> Result<String, ApiError> {
        let response = http::send(&self.request(Method::Get, attachment.url.clone(), HttpBody::Empty)).await?;
        if !response.is_success() {
            return Err(mapping::error_for(response.status, &response.text()));
        }
        let dto: AttachmentDto = mapping::decode(&response.text())?;
        dto.url.filter(|u| !u.is_empty()).ok_or_else(|| ApiError::UnexpectedPayload {
            path: "url".into(),
            detail: "the attachment has no download link".into(),
        })
    }

    /// The file's bytes (same origin, or a site that adds CORS headers to its front end).
    pub async fn attachment(&self, attachment: &Attachment) -> Result<Vec<u8>, ApiError> {
        let link = self.attachment_link(attachment).await?;
        let request = HttpRequest { with_cookies: self.auth.with_cookies(), ..HttpRequest::new(Method::Get, link) };
        let response = http::send(&request).await?;
        if response.is_success() {
            Ok(response.bytes)
        } else {
            Err(mapping::error_for(response.status, &response.text()))
        }
    }
}

/// Whether a page after `page` exists: `has_next_page` when sent, else the page counts.
fn has_more<T>(dto: &PageDto<T>, page: u32) -> bool {
    match (dto.has_next_page, dto.total_pages) {
        (Some(more), _) => more && !dto.results.is_empty(),
        (None, Some(total)) => u64::from(page) < total.0 && !dto.results.is_empty(),
        (None, None) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::supportcandy::dto::Count;

    #[test]
    fn debug_output_never_shows_the_password() {
        let backend = SupportCandyBackend {
            site: "http://127.0.0.1:18203".into(),
            auth: WpAuth::ApplicationPassword { user: "agent".into(), password: "7RbG tcvg wlrM gH87".into() },
            viewer: Viewer::Agent { id: "2".into(), name: "سارا احمدی".into() },
            vocabulary: None,
        };
        let text = format!("{backend:?}");
        assert!(!text.contains("7RbG") && !text.contains("gH87"), "{text}");
        assert!(text.contains("<redacted>") && text.contains("18203"), "{text}");
        let nonce = SupportCandyBackend { auth: WpAuth::CookieNonce { nonce: "a1b2c3d4e5".into() }, ..backend };
        assert!(!format!("{nonce:?}").contains("a1b2c3d4e5"));
    }

    #[test]
    fn requests_carry_the_credentials_and_the_rest_url() {
        let backend = SupportCandyBackend {
            site: "https://example.ir/wp-json/".into(),
            auth: WpAuth::CookieNonce { nonce: "n0nce".into() },
            viewer: Viewer::Customer { name: "علی".into(), email: "ali@example.ir".into() },
            vocabulary: None,
        };
        let r = backend.request(Method::Get, rest_url(&backend.site, NAMESPACE, "tickets/3"), HttpBody::Empty);
        assert_eq!(r.url, "https://example.ir/wp-json/supportcandy/v2/tickets/3");
        assert_eq!(r.headers, vec![("X-WP-Nonce", "n0nce".to_owned())]);
        assert!(r.with_cookies);
        assert!(!backend.capabilities().internal_notes && backend.capabilities().reply);
    }

    #[test]
    fn paging_stops_where_the_server_says() {
        let page = |next: Option<bool>, pages: Option<u64>, rows: usize| PageDto::<u8> {
            total_items: Count(0),
            items_per_page: None,
            current_page: None,
            total_pages: pages.map(Count),
            has_next_page: next,
            results: vec![0; rows],
        };
        assert!(has_more(&page(Some(true), None, 3), 1));
        assert!(!has_more(&page(Some(false), Some(9), 3), 1));
        assert!(has_more(&page(None, Some(3), 3), 2));
        assert!(!has_more(&page(None, Some(3), 3), 3));
        // A server that says "more" but sends nothing must not loop.
        assert!(!has_more(&page(Some(true), None, 0), 1));
        assert!(!has_more(&page(None, None, 3), 1));
    }
}
