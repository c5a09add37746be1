//! The Awesome Support adapter over HTTP: the `Backend` calls as `wpas-api/v1` requests,
//! decoded and mapped by `mapping`. Lists are fetched whole (up to a bound) with the
//! narrowing the server does exactly (state, one status, assignee, department), and the rest
//! of the query runs here, because the server's totals count tickets the caller cannot read.

use std::collections::BTreeMap;

use serde::de::DeserializeOwned;
use serde_json::Value;

use super::dto::{HistoryDto, MediaDto, PostStatusDto, ReplyDto, SettingsDto, TermDto, TicketDto, UserDto};
use super::mapping::{self, Directory};
use crate::api::http::{self, FormPart, HttpBody, HttpRequest, HttpResponse, Method};
use crate::api::wordpress::{rest_url, total_header, WpAuth};
use crate::api::{ApiError, Capabilities, Viewer};
use crate::calendar::tehran_offset;
use crate::domain::query::run_query_by;
use crate::domain::{
    Attachment, NewAttachment, NewMessage, NewTicket, Ticket, TicketId, TicketPage, TicketQuery, TicketThread,
    TicketUpdate, Vocabulary,
};

const NAMESPACE: &str = "wpas-api/v1";
/// Listing pages fetched for one query, at `PAGE_SIZE` tickets each (the server's maximum).
const MAX_PAGES: u32 = 10;
const PAGE_SIZE: u32 = 100;

#[derive(Clone, PartialEq, Eq)]
pub struct AwesomeSupportBackend {
    /// The site (`https://example.ir`) or its REST root (`https://example.ir/wp-json`).
    pub site: String,
    pub auth: WpAuth,
    pub viewer: Viewer,
}

/// Without the secrets: `WpAuth`'s own Debug redacts them.
impl std::fmt::Debug for AwesomeSupportBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AwesomeSupportBackend")
            .field("site", &self.site)
            .field("auth", &self.auth)
            .field("viewer", &self.viewer)
            .finish()
    }
}

impl AwesomeSupportBackend {
    pub fn capabilities(&self) -> Capabilities {
        match self.viewer {
            Viewer::Agent { .. } => mapping::capabilities(),
            Viewer::Customer { .. } => mapping::customer_capabilities(),
        }
    }

    fn is_agent(&self) -> bool {
        matches!(self.viewer, Viewer::Agent { .. })
    }

    fn authorize(&self, mut request: HttpRequest) -> HttpRequest {
        request.headers.extend(self.auth.headers());
        request.with_cookies = self.auth.with_cookies();
        request
    }

    fn request(&self, method: Method, path: &str, params: &[(&str, String)], json: Option<Value>) -> HttpRequest {
        let mut url = rest_url(&self.site, NAMESPACE, path);
        if !params.is_empty() {
            url = format!("{url}?{}", http::query_string(params));
        }
        let body = json.map(HttpBody::Json).unwrap_or_default();
        self.authorize(HttpRequest { body, ..HttpRequest::new(method, url) })
    }

    async fn send(&self, request: HttpRequest) -> Result<HttpResponse, ApiError> {
        let response = http::send(&request).await?;
        if response.is_success() {
            Ok(response)
        } else {
            Err(mapping::error_for(response.status, &response.text()))
        }
    }

    async fn get<T: DeserializeOwned>(&self, path: &str, params: &[(&str, String)]) -> Result<T, ApiError> {
        mapping::decode(&self.send(self.request(Method::Get, path, params, None)).await?.text())
    }

    /// Who the credentials belong to (`/users/me`), as the `Viewer` this backend should use.
    pub async fn whoami(&self) -> Result<Viewer, ApiError> {
        let me: UserDto = self.get("users/me", &[("context", "edit".into())]).await?;
        Ok(mapping::viewer_from(&me))
    }

    async fn ticket_statuses(&self) -> Result<Vec<(String, String)>, ApiError> {
        let url = rest_url(&self.site, "wp/v2", "statuses");
        let response = self.send(self.authorize(HttpRequest::new(Method::Get, url))).await?;
        let all: BTreeMap<String, PostStatusDto> = mapping::decode(&response.text())?;
        Ok(mapping::ticket_statuses(&all))
    }

    /// A taxonomy's terms; a taxonomy the site switched off has no route (404) and no terms.
    async fn terms(&self, taxonomy: &str) -> Result<Vec<TermDto>, ApiError> {
        match self.get(taxonomy, &[("per_page", PAGE_SIZE.to_string())]).await {
            Err(ApiError::NotFound) => Ok(Vec::new()),
            other => other,
        }
    }

    async fn directory(&self) -> Result<Directory, ApiError> {
        let mut dir = Directory {
            statuses: self.ticket_statuses().await?,
            departments: self.terms("department").await?,
            priorities: self.terms("ticket_priority").await?,
            ..Directory::default()
        };
        if self.is_agent() {
            dir.tags = self.terms("ticket-tag").await?;
            let users: Vec<UserDto> =
                self.get("users", &[("who", "authors".into()), ("per_page", PAGE_SIZE.to_string())]).await?;
            dir.agents = mapping::agents(&users);
        }
        Ok(dir)
    }

    pub async fn vocabulary(&self) -> Result<Vocabulary, ApiError> {
        Ok(mapping::vocabulary(&self.directory().await?))
    }

    /// The empty-`200` trap: an empty first page is checked against `/users/me`.
    async fn check_signed_in(&self, rows: usize, total: Option<u64>) -> Result<(), ApiError> {
        let application_password = matches!(self.auth, WpAuth::ApplicationPassword { .. });
        if mapping::may_be_signed_out(rows, total, application_password) {
            self.get::<UserDto>("users/me", &[]).await?;
        }
        Ok(())
    }

    pub async fn list_tickets(&self, query: &TicketQuery) -> Result<TicketPage, ApiError> {
        let dir = Directory { statuses: self.ticket_statuses().await?, ..Directory::default() };
        let mut department = None;
        if let Some(slug) = &query.department {
            let found: Vec<TermDto> = self.get("department", &[("slug", slug.clone())]).await?;
            match found.first() {
                Some(term) => department = Some(term.id),
                None => {
                    self.check_signed_in(0, None).await?;
                    return Ok(TicketPage {
                        tickets: Vec::new(),
                        total: 0,
                        page: query.page.max(1),
                        per_page: query.per_page,
                        partial: false,
                    });
                }
            }
        }
        let params = mapping::list_query(query, self.is_agent(), department, PAGE_SIZE)?;
        let mut tickets: Vec<Ticket> = Vec::new();
        let mut partial = false;
        for page in 1..=MAX_PAGES {
            let mut with_page = params.clone();
            with_page.push(("page", page.to_string()));
            let response = http::send(&self.request(Method::Get, "tickets", &with_page, None)).await?;
            let body = response.text();
            if mapping::is_past_last_page(response.status, &body) {
                break;
            }
            if !response.is_success() {
                return Err(mapping::error_for(response.status, &body));
            }
            let rows: Vec<TicketDto> = mapping::decode(&body)?;
            if page == 1 {
                self.check_signed_in(rows.len(), total_header(response.header("x-wp-total"))).await?;
            }
            tickets.extend(rows.iter().map(|t| mapping::ticket_from(t, &dir)));
            let pages = total_header(response.header("x-wp-totalpages")).unwrap_or(0);
            if u64::from(page) >= pages {
                break;
            }
            partial = page == MAX_PAGES;
        }
        let texts: Vec<String> = tickets.iter().map(Ticket::search_text).collect();
        let mut local = query.clone();
        // The API gives no customer e-mail to match (agents may not even read customers).
        local.customer_email = None;
        let mut page = run_query_by(&tickets, |t| t, &texts, &local, tehran_offset());
        page.partial = partial;
        Ok(page)
    }

    /// All pages of a ticket's sub-collection (replies, history), oldest first where it can.
    async fn all<T: DeserializeOwned>(&self, path: &str, params: &[(&str, String)]) -> Result<Vec<T>, ApiError> {
        let mut out = Vec::new();
        for page in 1..=MAX_PAGES {
            let mut with_page = params.to_vec();
            with_page.push(("per_page", PAGE_SIZE.to_string()));
            with_page.push(("page", page.to_string()));
            let response = http::send(&self.request(Method::Get, path, &with_page, None)).await?;
            let body = response.text();
            if mapping::is_past_last_page(response.status, &body) {
                break;
            }
            if !response.is_success() {
                return Err(mapping::error_for(response.status, &body));
            }
            let rows: Vec<T> = mapping::decode(&body)?;
            out.extend(rows);
            if u64::from(page) >= total_header(response.header("x-wp-totalpages")).unwrap_or(0) {
                break;
            }
        }
        Ok(out)
    }

    pub async fn ticket(&self, id: TicketId) -> Result<TicketThread, ApiError> {
        let dto: TicketDto =
            self.get(&format!("tickets/{id}"), &[("_embed", "author,assignee,wp:term".into())]).await?;
        let reply_params = mapping::REPLY_QUERY.map(|(k, v)| (k, v.to_owned()));
        let replies: Vec<ReplyDto> = self.all(&format!("tickets/{id}/replies"), &reply_params).await?;
        let history: Vec<HistoryDto> = self.all(&format!("tickets/{id}/history"), &[]).await?;
        let parents: Vec<String> =
            std::iter::once(id).chain(replies.iter().map(|r| r.id)).map(|n| n.to_string()).collect();
        let media: Vec<MediaDto> = self.all("attachments", &[("parent", parents.join(","))]).await?;
        let dir = Directory { statuses: self.ticket_statuses().await?, ..Directory::default() };
        Ok(mapping::thread_from(&dto, &replies, &history, &media, &dir))
    }

    /// Checks the files against the site's upload settings (before anything is created).
    async fn check_files(&self, files: &[NewAttachment]) -> Result<(), ApiError> {
        if files.is_empty() {
            return Ok(());
        }
        let settings: SettingsDto = self.get("settings", &[]).await?;
        mapping::check_attachments(files, &settings)
    }

    /// Uploads each file under `post` (the new ticket or reply; only its author may).
    async fn upload(&self, post: u64, files: &[NewAttachment]) -> Result<(), ApiError> {
        for file in files {
            let parts = vec![
                FormPart::Text { name: "post".into(), value: post.to_string() },
                FormPart::File {
                    name: "file".into(),
                    file_name: file.name.clone(),
                    mime: file.mime.clone(),
                    bytes: file.bytes.clone(),
                },
            ];
            let request = HttpRequest {
                body: HttpBody::Multipart(parts),
                ..self.request(Method::Post, "attachments", &[], None)
            };
            self.send(request).await?;
        }
        Ok(())
    }

    /// The signed-in user files the ticket as its customer (the API creates no one else's).
    pub async fn create_ticket(&self, new: NewTicket) -> Result<Ticket, ApiError> {
        let body = mapping::create_body(&new)?;
        self.check_files(&new.attachments).await?;
        let response = self.send(self.request(Method::Post, "tickets", &[], Some(body))).await?;
        let created: TicketDto = mapping::decode(&response.text())?;
        self.upload(created.id, &new.attachments).await?;
        Ok(self.ticket(created.id).await?.ticket)
    }

    pub async fn reply(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        let body = mapping::reply_body(&message.body)?;
        self.check_files(&message.attachments).await?;
        let response = self.send(self.request(Method::Post, &format!("tickets/{id}/replies"), &[], Some(body))).await?;
        let reply: ReplyDto = mapping::decode(&response.text())?;
        self.upload(reply.id, &message.attachments).await?;
        self.ticket(id).await
    }

    pub async fn add_note(&self, _id: TicketId, _message: NewMessage) -> Result<TicketThread, ApiError> {
        Err(ApiError::Unsupported("internal notes".into()))
    }

    pub async fn update_ticket(&self, id: TicketId, update: TicketUpdate) -> Result<TicketThread, ApiError> {
        if !self.is_agent() {
            return self.customer_update(id, update).await;
        }
        let tag_ids = match &update.tags {
            None => None,
            Some(names) => Some(self.tag_ids(names).await?),
        };
        let dir = Directory { statuses: self.ticket_statuses().await?, ..Directory::default() };
        let body = mapping::update_body(&update, tag_ids.as_deref(), &mapping::statuses(&dir))?;
        self.send(self.request(Method::Patch, &format!("tickets/{id}"), &[], Some(body))).await?;
        self.ticket(id).await
    }

    /// Customers may only close and reopen their own tickets (`/status`).
    async fn customer_update(&self, id: TicketId, update: TicketUpdate) -> Result<TicketThread, ApiError> {
        let TicketUpdate { status: Some(key), priority: None, assignee: None, department: None, tags: None } = update
        else {
            return Err(ApiError::Forbidden);
        };
        let body = mapping::status_body(key != mapping::CLOSED_KEY);
        self.send(self.request(Method::Post, &format!("tickets/{id}/status"), &[], Some(body))).await?;
        self.ticket(id).await
    }

    /// Tag names → term ids, creating the tags the site does not have yet.
    async fn tag_ids(&self, names: &[String]) -> Result<Vec<u64>, ApiError> {
        let known = self.terms("ticket-tag").await?;
        let (mut ids, missing) = mapping::tag_ids(names, &known);
        for name in missing {
            let body = serde_json::json!({ "name": name });
            let response = self.send(self.request(Method::Post, "ticket-tag", &[], Some(body))).await?;
            let term: TermDto = mapping::decode(&response.text())?;
            ids.push(term.id);
        }
        Ok(ids)
    }

    /// The file's bytes. Uploads are plain static URLs: the server checks no credentials, and
    /// a browser reads them cross-origin only when the site sends CORS headers for its uploads.
    pub async fn attachment(&self, attachment: &Attachment) -> Result<Vec<u8>, ApiError> {
        let response = self.send(self.authorize(HttpRequest::new(Method::Get, attachment.url.clone()))).await?;
        Ok(response.bytes)
    }
}

#[cfg(test)]
mod tests {
    use super::mapping::LIST_EMBED;
    use super::*;

    #[test]
    fn debug_output_never_shows_credentials() {
        let backend = AwesomeSupportBackend {
            site: "http://127.0.0.1:18202".into(),
            auth: WpAuth::ApplicationPassword { user: "agent".into(), password: "abcd EFGH ijkl MNOP".into() },
            viewer: Viewer::Agent { id: "2".into(), name: "سارا احمدی".into() },
        };
        let text = format!("{backend:?}");
        assert!(!text.contains("abcd") && !text.contains("MNOP"), "{text}");
        assert!(text.contains("<redacted>") && text.contains("18202") && text.contains("agent"), "{text}");
        let cookie = AwesomeSupportBackend { auth: WpAuth::CookieNonce { nonce: "f00dcafe12".into() }, ..backend };
        assert!(!format!("{cookie:?}").contains("f00dcafe12"));
    }

    #[test]
    fn requests_carry_the_auth_and_an_encoded_query() {
        let backend = AwesomeSupportBackend {
            site: "http://127.0.0.1:18202/wp-json/".into(),
            auth: WpAuth::CookieNonce { nonce: "n1".into() },
            viewer: Viewer::Customer { name: "علی".into(), email: String::new() },
        };
        let r =
            backend.request(Method::Get, "tickets", &[("_embed", LIST_EMBED.into()), ("search", "چاپگر".into())], None);
        assert_eq!(
            r.url,
            "http://127.0.0.1:18202/wp-json/wpas-api/v1/tickets?_embed=author%2Cassignee%2Creplies%2Cwp%3Aterm&search=%DA%86%D8%A7%D9%BE%DA%AF%D8%B1"
        );
        assert!(r.with_cookies);
        assert_eq!(r.headers, vec![("X-WP-Nonce", "n1".to_owned())]);
        assert_eq!(backend.capabilities(), mapping::customer_capabilities());
    }
}
