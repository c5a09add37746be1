//! The Request Tracker 5 adapter over HTTP (REST2): the `Backend` calls as requests, decoded
//! and mapped by `mapping`. Lists go to RT as TicketSQL; when RT's answer is exactly the
//! query's (`server_is_exact`) its page is shown as it is, otherwise up to a bound of RT's
//! pages is fetched and the rest of the query runs here, the page marked partial when cut.

use serde::de::DeserializeOwned;

use super::dto::{
    AttachmentItemDto, AttachmentRecordDto, CreatedDto, HistoryItemDto, MessagesDto, PageDto, RefDto, TicketItemDto,
    TicketRecordDto,
};
use super::mapping::{self, Call, Payload};
use crate::api::http::{self, FormPart, HttpBody, HttpRequest, HttpResponse, Method};
use crate::api::{ApiError, BackendKind, Capabilities, Credentials, Viewer};
use crate::calendar::tehran_offset;
use crate::domain::query::run_query_by;
use crate::domain::{
    Attachment, Department, NewMessage, NewTicket, Person, Ticket, TicketId, TicketPage, TicketQuery, TicketThread,
    TicketUpdate, Visibility, Vocabulary,
};

/// RT pages fetched for a query the server cannot answer exactly, at `MAX_PER_PAGE` each.
const MAX_PAGES: u32 = 10;
/// History pages read for one thread.
const MAX_HISTORY_PAGES: u32 = 20;

#[derive(Clone, PartialEq, Eq)]
pub struct RequestTrackerBackend {
    /// The REST2 root, e.g. `https://rt.example.ir/REST/2.0`.
    pub base: String,
    /// An RT auth token or a user name and password (Basic); none sends nothing (RT
    /// answers 401).
    pub credentials: Credentials,
    /// Queues from configuration; when empty, RT's own list (`/queues/all`).
    pub queues: Vec<Department>,
    /// Agents (RT user names as ids) from configuration: RT lists privileged users to no
    /// ordinary agent (`/users` has everyone and no usable `Privileged`).
    pub agents: Vec<Person>,
    pub viewer: Viewer,
}

/// Without the token: credentials never reach logs.
impl std::fmt::Debug for RequestTrackerBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RequestTrackerBackend")
            .field("base", &self.base)
            .field("credentials", &self.credentials)
            .field("viewer", &self.viewer)
            .finish_non_exhaustive()
    }
}

/// A write's payload as the transport sends it: multipart has a `JSON` part, then one
/// `Attachments` part per file.
fn http_body(payload: Payload) -> HttpBody {
    match payload {
        Payload::Json(json) => HttpBody::Json(json),
        Payload::Multipart { json, files } => {
            let mut parts = vec![FormPart::Text { name: "JSON".into(), value: json.to_string() }];
            parts.extend(files.into_iter().map(|f| FormPart::File {
                name: "Attachments".into(),
                file_name: f.name,
                mime: if f.mime.is_empty() { "application/octet-stream".into() } else { f.mime },
                bytes: f.bytes,
            }));
            HttpBody::Multipart(parts)
        }
    }
}

impl RequestTrackerBackend {
    pub fn capabilities(&self) -> Capabilities {
        match self.viewer {
            Viewer::Agent { .. } => mapping::capabilities(),
            Viewer::Customer { .. } => mapping::customer_capabilities(),
        }
    }

    fn request(&self, method: Method, path: &str, params: &[(&str, String)], body: HttpBody) -> HttpRequest {
        let mut url = format!("{}/{path}", self.base.trim_end_matches('/'));
        if !params.is_empty() {
            url = format!("{url}?{}", http::query_string(params));
        }
        let headers = self.credentials.headers(BackendKind::RequestTracker);
        HttpRequest { headers, body, ..HttpRequest::new(method, url) }
    }

    async fn send(&self, call: Call, request: HttpRequest) -> Result<HttpResponse, ApiError> {
        let response = http::send(&request).await?;
        // REST2 answers a browser whose credentials fail with a redirect to the login page.
        if response.redirected {
            return Err(ApiError::Unauthorized);
        }
        if response.is_success() {
            Ok(response)
        } else {
            Err(mapping::error_for_call(call, response.status, &response.text()))
        }
    }

    async fn get<T: DeserializeOwned>(&self, call: Call, path: &str, params: &[(&str, String)]) -> Result<T, ApiError> {
        let response = self.send(call, self.request(Method::Get, path, params, HttpBody::Empty)).await?;
        mapping::decode(&response.text())
    }

    fn agent_only(&self, what: &str) -> Result<(), ApiError> {
        match self.viewer {
            Viewer::Agent { .. } => Ok(()),
            Viewer::Customer { .. } => Err(ApiError::Unsupported(what.into())),
        }
    }

    pub async fn list_tickets(&self, query: &TicketQuery) -> Result<TicketPage, ApiError> {
        // RT has no tags: nothing carries one.
        if !query.tags.is_empty() {
            let per_page = query.per_page.max(1);
            return Ok(TicketPage { tickets: Vec::new(), total: 0, page: query.page.max(1), per_page, partial: false });
        }
        if mapping::server_is_exact(query) {
            let page: PageDto<TicketItemDto> = self.get(Call::Other, "tickets", &mapping::search_params(query)).await?;
            return Ok(mapping::page_from(&page, query.page.max(1), query.per_page.max(1), &self.queues));
        }
        let mut tickets: Vec<Ticket> = Vec::new();
        let mut cut = true;
        for number in 1..=MAX_PAGES {
            let batch = TicketQuery { page: number, per_page: mapping::MAX_PER_PAGE, ..query.clone() };
            let page: PageDto<TicketItemDto> =
                self.get(Call::Other, "tickets", &mapping::search_params(&batch)).await?;
            tickets.extend(page.items.iter().map(|t| mapping::ticket_from_search_item(t, &self.queues)));
            if mapping::is_last_page(&page, number, mapping::MAX_PER_PAGE) {
                cut = false;
                break;
            }
        }
        let texts: Vec<String> = tickets.iter().map(Ticket::search_text).collect();
        let mut page = run_query_by(&tickets, |t| t, &texts, query, tehran_offset());
        page.partial = cut;
        Ok(page)
    }

    pub async fn ticket(&self, id: TicketId) -> Result<TicketThread, ApiError> {
        let mut record: TicketRecordDto = self.get(Call::Other, &format!("ticket/{id}"), &[]).await?;
        let history = self.history(id).await?;
        let mut attachments = std::collections::BTreeMap::new();
        for txn in mapping::transactions_with_content(&history) {
            let params =
                [("fields", mapping::ATTACHMENT_FIELDS.to_owned()), ("per_page", mapping::MAX_PER_PAGE.to_string())];
            let page: PageDto<AttachmentItemDto> =
                self.get(Call::Other, &format!("transaction/{txn}/attachments"), &params).await?;
            attachments.insert(txn, page.items);
        }
        mapping::name_people_from_history(&mut record, &history);
        Ok(mapping::thread_from(&record, &history, &attachments, &self.queues))
    }

    async fn history(&self, id: TicketId) -> Result<Vec<HistoryItemDto>, ApiError> {
        let mut items = Vec::new();
        for number in 1..=MAX_HISTORY_PAGES {
            let page: PageDto<HistoryItemDto> =
                self.get(Call::Other, &format!("ticket/{id}/history"), &mapping::history_params(number)).await?;
            let last = mapping::is_last_page(&page, number, mapping::MAX_PER_PAGE);
            items.extend(page.items);
            if last {
                break;
            }
        }
        Ok(items)
    }

    pub async fn create_ticket(&self, new: NewTicket) -> Result<Ticket, ApiError> {
        let queue = match new.department.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
            Some(key) => key.to_owned(),
            None => self.departments().await?.into_iter().next().map(|d| d.key).unwrap_or_default(),
        };
        let payload = mapping::create_body(&new, &queue)?;
        let response = self.send(Call::Other, self.request(Method::Post, "ticket", &[], http_body(payload))).await?;
        let created: CreatedDto = mapping::decode(&response.text())?;
        let id = created.id.number().ok_or_else(|| ApiError::UnexpectedPayload {
            path: "id".into(),
            detail: format!("not a ticket id: {}", created.id),
        })?;
        Ok(self.ticket(id).await?.ticket)
    }

    /// A correspond (public) or comment (internal note). RT 5.0.3 stores one by a user whose
    /// RT language is not English and then drops the connection: on a network failure the
    /// thread is read again, and the message found there is success.
    async fn post_message(
        &self,
        id: TicketId,
        message: NewMessage,
        visibility: Visibility,
    ) -> Result<TicketThread, ApiError> {
        let action = if visibility == Visibility::Internal { "comment" } else { "correspond" };
        let payload = mapping::reply_body(&message.body, &message.attachments);
        let request = self.request(Method::Post, &format!("ticket/{id}/{action}"), &[], http_body(payload));
        match self.send(Call::Reply, request).await {
            Ok(_) => self.ticket(id).await,
            Err(sent @ ApiError::Network(_)) => match self.ticket(id).await {
                Ok(thread) if mapping::ends_with_message(&thread.messages, visibility, &message.body) => Ok(thread),
                _ => Err(sent),
            },
            Err(e) => Err(e),
        }
    }

    pub async fn reply(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        self.post_message(id, message, Visibility::Public).await
    }

    pub async fn add_note(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        self.agent_only("internal notes")?;
        self.post_message(id, message, Visibility::Internal).await
    }

    /// One `PUT` with only what changes; RT answers 200 with a message per change, failures
    /// included, which `put_outcome` reads.
    pub async fn update_ticket(&self, id: TicketId, update: TicketUpdate) -> Result<TicketThread, ApiError> {
        let body = mapping::update_body(&update)?;
        if body.as_object().is_some_and(|b| !b.is_empty()) {
            let request = self.request(Method::Put, &format!("ticket/{id}"), &[], HttpBody::Json(body));
            let messages: MessagesDto = mapping::decode(&self.send(Call::Other, request).await?.text())?;
            mapping::put_outcome(&messages)?;
        }
        self.ticket(id).await
    }

    async fn departments(&self) -> Result<Vec<Department>, ApiError> {
        if !self.queues.is_empty() {
            return Ok(self.queues.clone());
        }
        let params = [("fields", "Name".to_owned()), ("per_page", mapping::MAX_PER_PAGE.to_string())];
        let page: PageDto<RefDto> = self.get(Call::Other, "queues/all", &params).await?;
        Ok(mapping::departments_from(&page))
    }

    pub async fn vocabulary(&self) -> Result<Vocabulary, ApiError> {
        Ok(Vocabulary {
            statuses: mapping::statuses(),
            priorities: mapping::priorities(),
            departments: self.departments().await?,
            agents: self.agents.clone(),
        })
    }

    /// A file's bytes from `/attachment/N`, whose `Content` is base64 (the thread's own
    /// listing mangles binary files).
    pub async fn attachment(&self, attachment: &Attachment) -> Result<Vec<u8>, ApiError> {
        let id = attachment.id.trim();
        if id.is_empty() || !id.bytes().all(|b| b.is_ascii_digit()) {
            return Err(ApiError::NotFound);
        }
        let record: AttachmentRecordDto = self.get(Call::ReadById, &format!("attachment/{id}"), &[]).await?;
        mapping::attachment_bytes(&record)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::Backend;
    use crate::domain::NewAttachment;

    fn backend(token: Option<&str>) -> RequestTrackerBackend {
        RequestTrackerBackend {
            base: "http://127.0.0.1:18102/REST/2.0/".into(),
            credentials: token.map(|t| Credentials::Token { token: t.to_owned() }).unwrap_or_default(),
            queues: vec![],
            agents: vec![],
            viewer: Viewer::Agent { id: "agent".into(), name: "agent".into() },
        }
    }

    #[test]
    fn debug_output_never_shows_the_token() {
        let text = format!("{:?}", Backend::RequestTracker(backend(Some("1-27-6f1e0a2b9c8d7e6f5a4b3c2d1e0f9a8b"))));
        assert!(!text.contains("6f1e0a2b"), "{text}");
        assert!(text.contains("<redacted>") && text.contains("18102"), "{text}");
    }

    #[test]
    fn requests_carry_the_token_and_encoded_parameters() {
        let b = backend(Some("1-27-abc"));
        let r = b.request(
            Method::Get,
            "tickets",
            &[("query", "Subject LIKE 'خطا'".into()), ("fields[Owner]", "Name".into())],
            HttpBody::Empty,
        );
        assert_eq!(
            r.url,
            "http://127.0.0.1:18102/REST/2.0/tickets?query=Subject%20LIKE%20%27%D8%AE%D8%B7%D8%A7%27&fields%5BOwner%5D=Name"
        );
        assert_eq!(r.headers, vec![("Authorization", "token 1-27-abc".to_owned())]);
        assert!(backend(None).request(Method::Get, "queues/all", &[], HttpBody::Empty).headers.is_empty());
    }

    #[test]
    fn persian_file_names_go_as_a_json_part_and_file_parts() {
        let files = vec![NewAttachment { name: "رسید.txt".into(), mime: String::new(), bytes: b"x".to_vec() }];
        let HttpBody::Multipart(parts) = http_body(mapping::reply_body("متن", &files)) else { panic!("multipart") };
        match (&parts[0], &parts[1]) {
            (FormPart::Text { name, value }, FormPart::File { name: file_part, file_name, mime, bytes }) => {
                assert_eq!(name, "JSON");
                assert_eq!(serde_json::from_str::<serde_json::Value>(value).unwrap()["Content"], "متن");
                assert_eq!(
                    (file_part.as_str(), file_name.as_str(), mime.as_str()),
                    ("Attachments", "رسید.txt", "application/octet-stream")
                );
                assert_eq!(bytes, b"x");
            }
            other => panic!("{other:?}"),
        }
        assert!(matches!(http_body(mapping::reply_body("متن", &[])), HttpBody::Json(_)));
    }

    #[test]
    fn customers_cannot_write_notes_or_change_fields() {
        let customer = RequestTrackerBackend {
            viewer: Viewer::Customer { name: "مریم رضایی".into(), email: "customer@example.ir".into() },
            ..backend(None)
        };
        let caps = customer.capabilities();
        assert!(caps.reply && caps.threads && !caps.internal_notes && !caps.assignment && !caps.close_reopen);
        assert!(matches!(customer.agent_only("internal notes"), Err(ApiError::Unsupported(_))));
        assert!(backend(None).capabilities().internal_notes);
    }
}
