//! SupportCandy DTOs → domain, domain writes → request bodies, HTTP answers → `ApiError`.
//! Pure functions: the adapter does the HTTP and calls these on what it got.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{json, Map, Value};

use super::dto::{
    AgentDto, CategoryDto, JsonErrorDto, LabelDto, LogDto, PageDto, ThreadBodyDto, ThreadDto, TicketDto, WpErrorDto,
};
use crate::api::json::shorten;
use crate::api::wordpress::{rest_error, rest_url};
use crate::api::{ApiError, Capabilities, FieldError};
use crate::domain::html::html_to_text;
use crate::domain::{
    Attachment, Author, AuthorKind, Body, Department, Message, NewTicket, Person, Priority, PriorityLevel, Status,
    StatusKind, Ticket, TicketPage, TicketThread, TicketUpdate, Visibility, Vocabulary,
};

pub use crate::api::json::decode;

/// The REST namespace every path below lives in.
pub const NAMESPACE: &str = "supportcandy/v2";

// ---------------------------------------------------------------------------------------
// Statuses, priorities, categories, agents

/// What a status means, read from its name (English or Persian), because a site renames and
/// adds statuses; the four stock ids are the fallback for names we cannot read.
pub fn status_kind(id: u64, name: &str) -> StatusKind {
    let n = name.trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&["customer", "مشتری"]) && has(&["await", "wait", "pending", "انتظار"]) {
        StatusKind::WaitingOnCustomer
    } else if has(&["hold", "معلق", "نگه"]) {
        StatusKind::OnHold
    } else if has(&["resolv", "solved", "حل"]) {
        StatusKind::Resolved
    } else if has(&["close", "بسته"]) {
        StatusKind::Closed
    } else if has(&["progress", "بررسی", "پیگیری"]) {
        StatusKind::InProgress
    } else if n == "new" || n == "جدید" {
        StatusKind::New
    } else if has(&["open", "agent", "باز", "کارشناس"]) {
        // "Awaiting agent reply": the customer spoke last, the agent owes an answer.
        StatusKind::Open
    } else {
        match id {
            2 => StatusKind::WaitingOnCustomer,
            4 => StatusKind::Closed,
            _ => StatusKind::Open,
        }
    }
}

/// How urgent a priority is, read from its name; the stock ids 1–3 are Low, Medium, High.
pub fn priority_level(id: u64, name: &str) -> PriorityLevel {
    let n = name.trim().to_lowercase();
    let has = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if has(&["urgent", "critical", "emergency", "فوری", "بحرانی", "اضطراری"]) {
        PriorityLevel::Critical
    } else if has(&["high", "زیاد", "بالا", "مهم"]) {
        PriorityLevel::High
    } else if has(&["medium", "normal", "متوسط", "عادی"]) {
        PriorityLevel::Medium
    } else if has(&["low", "کم", "پایین"]) {
        PriorityLevel::Low
    } else {
        match id {
            1 => PriorityLevel::Low,
            3 => PriorityLevel::High,
            _ => PriorityLevel::Medium,
        }
    }
}

pub fn statuses(rows: &[LabelDto]) -> Vec<Status> {
    rows.iter()
        .map(|r| Status { key: r.id.0.to_string(), label: r.name.0.clone(), kind: status_kind(r.id.0, &r.name.0) })
        .collect()
}

pub fn priorities(rows: &[LabelDto]) -> Vec<Priority> {
    rows.iter()
        .map(|r| Priority {
            key: r.id.0.to_string(),
            label: r.name.0.clone(),
            level: priority_level(r.id.0, &r.name.0),
        })
        .collect()
}

/// Categories are what the domain calls departments.
pub fn departments(rows: &[CategoryDto]) -> Vec<Department> {
    rows.iter().map(|c| Department { key: c.id.0.to_string(), label: c.name.0.clone() }).collect()
}

/// Agents by their agent id (not their WordPress user id); agent groups are assignable too.
pub fn agents(rows: &[AgentDto]) -> Vec<Person> {
    rows.iter().map(|a| Person { id: a.id.0.to_string(), name: a.name.0.clone(), email: None }).collect()
}

pub fn vocabulary(
    status_rows: &[LabelDto],
    priority_rows: &[LabelDto],
    category_rows: &[CategoryDto],
    agent_rows: &[AgentDto],
) -> Vocabulary {
    Vocabulary {
        statuses: statuses(status_rows),
        priorities: priorities(priority_rows),
        departments: departments(category_rows),
        agents: agents(agent_rows),
    }
}

/// A ticket's status by id, named from the site's list; an id the list lacks stays visible
/// as open work under its number.
pub fn status_for(id: Option<u64>, vocabulary: &Vocabulary) -> Status {
    let key = id.map(|n| n.to_string()).unwrap_or_default();
    vocabulary.statuses.iter().find(|s| s.key == key).cloned().unwrap_or(Status {
        label: key.clone(),
        kind: StatusKind::Open,
        key,
    })
}

/// `None` (the customer view sends no priority) is an empty-keyed Medium that the UI should
/// not present as the ticket's.
pub fn priority_for(id: Option<u64>, vocabulary: &Vocabulary) -> Priority {
    let Some(id) = id else {
        return Priority { key: String::new(), label: String::new(), level: PriorityLevel::Medium };
    };
    let key = id.to_string();
    vocabulary.priorities.iter().find(|p| p.key == key).cloned().unwrap_or(Priority {
        label: key.clone(),
        level: priority_level(id, ""),
        key,
    })
}

fn department_for(id: Option<u64>, vocabulary: &Vocabulary) -> Option<Department> {
    let key = id?.to_string();
    Some(
        vocabulary.departments.iter().find(|d| d.key == key).cloned().unwrap_or(Department { label: key.clone(), key }),
    )
}

fn agent_for(id: u64, vocabulary: &Vocabulary) -> Person {
    let key = id.to_string();
    vocabulary.agents.iter().find(|a| a.id == key).cloned().unwrap_or(Person {
        name: key.clone(),
        id: key,
        email: None,
    })
}

// ---------------------------------------------------------------------------------------
// Tickets and threads

/// Customer record id → the person, as `/customers/N` names them (the adapter looks up the
/// ids it meets; a customer sees no e-mail there, not even their own).
pub type People = BTreeMap<u64, Person>;

fn person(id: Option<u64>, people: &People) -> Person {
    match id {
        Some(id) => people.get(&id).cloned().unwrap_or(Person { id: id.to_string(), name: String::new(), email: None }),
        None => Person { id: String::new(), name: String::new(), email: None },
    }
}

/// One ticket as the list and the single-ticket answer send it. Without its thread, the
/// reply times come from `last_reply_on`/`last_reply_by`, which notes update too: in a
/// list, an agent's last note counts as their last reply. The first response and the reply
/// count need the thread (`thread_from`).
pub fn ticket_from(dto: &TicketDto, vocabulary: &Vocabulary, people: &People) -> Ticket {
    let created_at = dto.date_created.0.unwrap_or_default();
    let last_reply = dto.last_reply_on.0;
    let by_customer = dto.last_reply_by.0.is_some() && dto.last_reply_by == dto.customer;
    Ticket {
        id: dto.id.0,
        // The number SupportCandy shows ("Ticket #12") is the id.
        number: dto.id.0.to_string(),
        subject: dto.subject.0.clone(),
        status: status_for(dto.status.0, vocabulary),
        priority: priority_for(dto.priority.0, vocabulary),
        department: department_for(dto.category.0, vocabulary),
        // The domain has one assignee; SupportCandy may have several: the first is shown.
        assignee: dto.assigned_agent.first().map(|a| agent_for(a.0, vocabulary)),
        customer: person(dto.customer.0, people),
        // Tags come as ids and the API names none of them.
        tags: Vec::new(),
        created_at,
        updated_at: dto.date_updated.0.unwrap_or(created_at),
        first_response_at: None,
        closed_at: dto.date_closed.0,
        last_customer_reply_at: last_reply.filter(|_| by_customer),
        last_agent_reply_at: last_reply.filter(|_| dto.last_reply_by.0.is_some() && !by_customer),
        reply_count: 0,
        custom_fields: custom_fields(&dto.extra),
    }
}

/// The site's own ticket fields (`cust_N`), as text; empty values are left out.
fn custom_fields(extra: &BTreeMap<String, Value>) -> BTreeMap<String, String> {
    extra
        .iter()
        .filter(|(key, _)| key.starts_with("cust_"))
        .filter_map(|(key, value)| {
            let text = match value {
                Value::Null => return None,
                Value::String(s) => s.clone(),
                Value::Array(items) => items.iter().map(value_text).collect::<Vec<_>>().join(", "),
                other => other.to_string(),
            };
            (!text.is_empty()).then(|| (key.clone(), text))
        })
        .collect()
}

fn value_text(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// Attachment ids in a thread's `"1,2"`; anything that is not an id is skipped.
pub fn attachment_ids(list: &str) -> Vec<u64> {
    list.split(',').filter_map(|id| id.trim().parse().ok()).filter(|&id| id != 0).collect()
}

/// Attachment id → file name, from `/attachments/N`.
pub type FileNames = BTreeMap<u64, String>;

/// Who wrote a thread entry: the ticket's customer or an agent (agents have customer
/// records too); logs are the system's.
fn author_kind(thread: &ThreadDto, ticket: &TicketDto) -> AuthorKind {
    match thread.kind.as_str() {
        "log" => AuthorKind::System,
        "note" => AuthorKind::Agent,
        // The opening request is the customer's even when an agent filed it for them.
        "report" => AuthorKind::Customer,
        _ if thread.customer.0.is_some() && thread.customer == ticket.customer => AuthorKind::Customer,
        _ => AuthorKind::Agent,
    }
}

/// The thread, oldest first, whatever order the pages came in: by id, because logs are
/// stamped a second late on purpose (`get_log_datetime` adds one), so times misorder them. `site` is what the adapter
/// was configured with: an attachment's `url` is its REST resource (`/attachments/N`), not
/// the download link, because that link carries the user's auth code (`client` fetches it
/// when the file is downloaded).
pub fn messages_from(
    threads: &[ThreadDto],
    ticket: &TicketDto,
    vocabulary: &Vocabulary,
    people: &People,
    files: &FileNames,
    site: &str,
) -> Vec<Message> {
    let mut sorted: Vec<&ThreadDto> = threads.iter().collect();
    sorted.sort_by_key(|t| t.id.0);
    sorted
        .into_iter()
        .map(|t| {
            let kind = author_kind(t, ticket);
            let who = person(t.customer.0, people);
            let author = match kind {
                AuthorKind::System => Author { kind, name: who.name, id: t.customer.0.map(|id| id.to_string()) },
                _ => Author { kind, name: who.name, id: Some(who.id).filter(|id| !id.is_empty()) },
            };
            let body = match &t.body {
                ThreadBodyDto::Html(html) => Body::Html(html.clone()),
                ThreadBodyDto::Log(log) => Body::Text(log_line(log, vocabulary)),
            };
            let ids = t.attachments.as_ref().map(|a| attachment_ids(&a.0)).unwrap_or_default();
            Message {
                id: t.id.0.to_string(),
                author,
                // Customers never see notes or logs (the server leaves them out of their view).
                visibility: if matches!(t.kind.as_str(), "note" | "log") {
                    Visibility::Internal
                } else {
                    Visibility::Public
                },
                body,
                created_at: t.date_created.0.unwrap_or_default(),
                attachments: ids
                    .into_iter()
                    .map(|id| {
                        let name = files.get(&id).cloned().unwrap_or_else(|| id.to_string());
                        Attachment {
                            id: id.to_string(),
                            mime: mime_for(&name).to_owned(),
                            name,
                            // The API says nothing about sizes.
                            size: 0,
                            url: rest_url(site, NAMESPACE, &format!("attachments/{id}")),
                        }
                    })
                    .collect(),
            }
        })
        .collect()
}

/// A log's `{slug, prev, new}` as one line: `status: Open → Closed`, with ids named from the
/// site's lists where the field has one. The field stays the server's slug (`cust_3` too).
pub fn log_line(log: &LogDto, vocabulary: &Vocabulary) -> String {
    let name = |value: &Value| -> String {
        let text = value_text(value);
        let ids: Vec<&str> = text.split(',').map(str::trim).filter(|s| !s.is_empty()).collect();
        if ids.is_empty() {
            return "—".into();
        }
        ids.iter()
            .map(|id| {
                let found = match log.slug.as_str() {
                    "status" => vocabulary.statuses.iter().find(|s| s.key == *id).map(|s| s.label.clone()),
                    "priority" => vocabulary.priorities.iter().find(|p| p.key == *id).map(|p| p.label.clone()),
                    "category" => vocabulary.departments.iter().find(|d| d.key == *id).map(|d| d.label.clone()),
                    "assigned_agent" => vocabulary.agents.iter().find(|a| a.id == *id).map(|a| a.name.clone()),
                    _ => None,
                };
                found.unwrap_or_else(|| (*id).to_owned())
            })
            .collect::<Vec<_>>()
            .join("، ")
    };
    format!("{}: {} → {}", log.slug, name(&log.prev), name(&log.new))
}

fn mime_for(name: &str) -> &'static str {
    let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
    match ext.as_str() {
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "bmp" => "image/bmp",
        "zip" => "application/zip",
        "doc" => "application/msword",
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "xls" => "application/vnd.ms-excel",
        "xlsx" => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "mp3" => "audio/mpeg",
        "mp4" => "video/mp4",
        _ => "application/octet-stream",
    }
}

/// A ticket with its whole thread: the reply times and counts come from the thread here,
/// and only replies count (not the request, notes or logs).
pub fn thread_from(
    dto: &TicketDto,
    threads: &[ThreadDto],
    vocabulary: &Vocabulary,
    people: &People,
    files: &FileNames,
    site: &str,
) -> TicketThread {
    let messages = messages_from(threads, dto, vocabulary, people, files, site);
    let mut ticket = ticket_from(dto, vocabulary, people);
    let public = || messages.iter().filter(|m| m.visibility == Visibility::Public);
    let agent_replies = || public().filter(|m| m.author.kind == AuthorKind::Agent).map(|m| m.created_at);
    let customer_words = || public().filter(|m| m.author.kind == AuthorKind::Customer).map(|m| m.created_at);
    ticket.first_response_at = agent_replies().next();
    ticket.last_agent_reply_at = agent_replies().next_back();
    ticket.last_customer_reply_at = customer_words().next_back();
    let replies = threads.iter().filter(|t| t.kind == "reply").count();
    ticket.reply_count = u32::try_from(replies).unwrap_or(u32::MAX);
    TicketThread { ticket, messages }
}

/// One `/tickets` answer as a page of the domain. `total` is the server's count.
pub fn page_from(dto: &PageDto<TicketDto>, vocabulary: &Vocabulary, people: &People) -> TicketPage {
    let per_page = dto.items_per_page.map_or(dto.results.len() as u64, |c| c.0);
    TicketPage {
        tickets: dto.results.iter().map(|t| ticket_from(t, vocabulary, people)).collect(),
        total: usize::try_from(dto.total_items.0).unwrap_or(usize::MAX),
        page: dto.current_page.map_or(1, |c| u32::try_from(c.0).unwrap_or(u32::MAX)),
        per_page: u32::try_from(per_page).unwrap_or(u32::MAX),
        partial: false,
    }
}

/// Customer record ids a ticket and its thread name, each once (0 is the system).
pub fn people_named(ticket: &TicketDto, threads: &[ThreadDto]) -> BTreeSet<u64> {
    ticket.customer.0.into_iter().chain(threads.iter().filter_map(|t| t.customer.0)).collect()
}

// ---------------------------------------------------------------------------------------
// Listing

/// What one `GET /tickets` asks for. The server pages and searches; `filter` is one of the
/// caller's own slugs (`all`, `unassigned`, … — an unknown one is a 400), and `orderby`
/// must be one of the caller's list items: `id` works for both agents and customers, and
/// it is the only order with no ties, so every page the adapter walks is ordered by it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListParams {
    pub filter: &'static str,
    pub search: String,
    pub descending: bool,
    pub page: u32,
    pub per_page: u32,
}

impl ListParams {
    pub fn path(&self) -> String {
        let mut path = format!(
            "tickets?filter={}&orderby=id&order={}&page={}&per_page={}",
            self.filter,
            if self.descending { "DESC" } else { "ASC" },
            self.page.max(1),
            self.per_page.max(1)
        );
        if !self.search.trim().is_empty() {
            path.push_str("&search=");
            path.push_str(&crate::api::http::encode_component(self.search.trim()));
        }
        path
    }
}

// ---------------------------------------------------------------------------------------
// Writes

/// Plain text as the HTML SupportCandy stores. The server guesses: text whose tags or
/// surrounding spaces `wp_strip_all_tags` would change is kept as HTML (so a trailing
/// newline keeps every newline raw, and `a <b> c` loses `<b>`); anything else has its
/// newlines turned into `<br />`. Sending our own escaped HTML makes every text come back as
/// typed.
pub fn text_to_html(text: &str) -> String {
    crate::domain::html::text_to_html(text, "<br />")
}

fn id_list(ids: &[u64]) -> String {
    ids.iter().map(u64::to_string).collect::<Vec<_>>().join(",")
}

/// `POST /tickets`. Name and e-mail are required even for a signed-in customer (who may
/// only use their own e-mail); a missing subject or description becomes the field's
/// default on the server, so both are refused here instead. `attachments` are ids from
/// `POST /attachments`. No assignee: the stock ticket form has no such field and the
/// server ignores it.
pub fn create_body(new: &NewTicket, attachments: &[u64], vocabulary: &Vocabulary) -> Result<Value, ApiError> {
    let mut errors = Vec::new();
    let mut need = |field: &str, value: &str| {
        if value.trim().is_empty() {
            errors.push(FieldError { field: field.into(), message: "required".into() });
        }
    };
    need("customer_name", &new.customer_name);
    need("customer_email", &new.customer_email);
    need("subject", &new.subject);
    need("body", &new.body);
    let mut body = json!({
        "name": new.customer_name,
        "email": new.customer_email,
        "subject": new.subject,
        "description": text_to_html(&new.body),
    });
    if let Some(key) = &new.department {
        match vocabulary.departments.iter().find(|d| &d.key == key).and_then(|d| d.key.parse::<u64>().ok()) {
            Some(id) => body["category"] = json!(id),
            None => errors.push(FieldError { field: "department".into(), message: "unknown".into() }),
        }
    }
    if let Some(key) = &new.priority {
        match vocabulary.priorities.iter().find(|p| &p.key == key).and_then(|p| p.key.parse::<u64>().ok()) {
            Some(id) => body["priority"] = json!(id),
            None => errors.push(FieldError { field: "priority".into(), message: "unknown".into() }),
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    if !attachments.is_empty() {
        body["description_attachments"] = json!(id_list(attachments));
    }
    Ok(body)
}

/// `POST /tickets/N/threads`: `kind` is `reply` or `note`.
pub fn thread_body(kind: &str, text: &str, attachments: &[u64]) -> Value {
    let mut body = json!({ "type": kind, "body": text_to_html(text) });
    if !attachments.is_empty() {
        body["attachments"] = json!(id_list(attachments));
    }
    body
}

/// `POST /tickets/N/update-fields` with only what changes. The server skips unknown ids and
/// an empty assignee list without a word, so keys are checked against the site's lists
/// here, and unassigning (which the API cannot do) is refused.
pub fn update_body(update: &TicketUpdate, vocabulary: &Vocabulary) -> Result<Value, ApiError> {
    let mut body = Map::new();
    let mut errors = Vec::new();
    if let Some(key) = &update.status {
        match key.parse::<u64>() {
            Ok(id) if vocabulary.statuses.iter().any(|s| &s.key == key) => {
                body.insert("status".into(), json!(id));
            }
            _ => errors.push(FieldError { field: "status".into(), message: "unknown".into() }),
        }
    }
    if let Some(key) = &update.priority {
        match key.parse::<u64>() {
            Ok(id) if vocabulary.priorities.iter().any(|p| &p.key == key) => {
                body.insert("priority".into(), json!(id));
            }
            _ => errors.push(FieldError { field: "priority".into(), message: "unknown".into() }),
        }
    }
    if let Some(key) = &update.department {
        match key.parse::<u64>() {
            Ok(id) if vocabulary.departments.iter().any(|d| &d.key == key) => {
                body.insert("category".into(), json!(id));
            }
            _ if key.is_empty() => errors.push(FieldError { field: "department".into(), message: "required".into() }),
            _ => errors.push(FieldError { field: "department".into(), message: "unknown".into() }),
        }
    }
    match &update.assignee {
        None => {}
        Some(None) => {
            return Err(ApiError::Unsupported("unassigning: SupportCandy ignores an empty assignee list".into()))
        }
        Some(Some(id)) => match id.parse::<u64>() {
            Ok(n) if vocabulary.agents.iter().any(|a| &a.id == id) => {
                body.insert("assigned_agent".into(), json!(n.to_string()));
            }
            _ => errors.push(FieldError { field: "assignee".into(), message: "unknown".into() }),
        },
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    if update.tags.as_ref().is_some_and(|t| !t.is_empty()) {
        return Err(ApiError::Unsupported("tags: the API does not change them".into()));
    }
    Ok(Value::Object(body))
}

/// The server answers an update with the ticket as it is now, and skips what the caller's
/// role may not change without saying so: a change that did not happen is refused here.
pub fn check_applied(update: &TicketUpdate, after: &TicketDto) -> Result<(), ApiError> {
    let same = |key: &Option<String>, now: Option<u64>| {
        key.as_ref().is_none_or(|k| now.map(|n| n.to_string()).as_deref() == Some(k.as_str()))
    };
    let assigned = match &update.assignee {
        Some(Some(id)) => after.assigned_agent.iter().any(|a| a.0.to_string() == *id),
        _ => true,
    };
    if same(&update.status, after.status.0)
        && same(&update.priority, after.priority.0)
        && same(&update.department, after.category.0)
        && assigned
    {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

// ---------------------------------------------------------------------------------------
// Errors

/// Server field → the name our forms use (`ApiError::field_message` looks it up).
fn our_field(server: &str) -> &str {
    match server {
        "name" => "customer_name",
        "email" => "customer_email",
        "description" | "body" => "body",
        "category" => "department",
        "assigned_agent" => "assignee",
        "file" | "attachments" | "description_attachments" => "attachments",
        other => other,
    }
}

/// What a non-2xx answer means for the user. SupportCandy's own checks answer with a
/// serialized `WP_Error` (`{"errors": {code: [message]}, "error_data": {code: data}}`) or
/// `wp_send_json_error` (`{"success": false, "data": "…"}`); its 401 there means "signed in,
/// but not allowed" (someone else's ticket, a customer's note), so it is `Forbidden`. Core's
/// answers (not signed in, bad parameters, no route) go to `wordpress::rest_error`, except a
/// bad id, which is core's 400 but means the thing is not there.
pub fn error_for(status: u16, body: &str) -> ApiError {
    if let Ok(wp) = serde_json::from_str::<WpErrorDto>(body) {
        return wp_error(status, &wp);
    }
    if let Ok(e) = serde_json::from_str::<JsonErrorDto>(body) {
        if !e.success {
            return json_error(status, &value_text(&e.data));
        }
    }
    let json: Option<Value> = serde_json::from_str(body).ok();
    let text = |pointer: &str| json.as_ref()?.pointer(pointer)?.as_str();
    if status == 400 && text("/data/details/id/code") == Some("invalid_id") {
        return ApiError::NotFound;
    }
    // The upload's own "missing file" names the parameter only in its message.
    if text("/code") == Some("rest_missing_callback_param")
        && json.as_ref().and_then(|v| v.pointer("/data/params")).is_none()
    {
        if let Some(names) = text("/message").and_then(|m| m.strip_prefix("Missing parameter(s):")) {
            return ApiError::Validation(
                names
                    .split(',')
                    .map(str::trim)
                    .filter(|n| !n.is_empty())
                    .map(|n| FieldError { field: our_field(n).into(), message: "required".into() })
                    .collect(),
            );
        }
    }
    match rest_error(status, body) {
        // A PHP fatal error reaches REST as HTML in `message`.
        ApiError::Server { status, message } if message.contains('<') => {
            let plain = html_to_text(&message);
            let line = plain.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
            ApiError::Server { status, message: if line.is_empty() { format!("HTTP {status}") } else { shorten(line) } }
        }
        other => other,
    }
}

fn wp_error(status: u16, wp: &WpErrorDto) -> ApiError {
    let mut fields = Vec::new();
    let mut other = Vec::new();
    for (code, messages) in &wp.errors {
        let message = match code.as_str() {
            "req_fields_missing" => "required",
            "invalid_data" => "invalid",
            "char_limit" => "too_long",
            _ => {
                other.push((code.as_str(), messages.first().map(|m| m.0.clone()).unwrap_or_default()));
                continue;
            }
        };
        // `error_data` names the fields: "name, email".
        let data = wp.error_data.get(code).map(value_text).unwrap_or_default();
        for field in data.split(',').map(str::trim).filter(|f| !f.is_empty()) {
            let message = if message == "invalid" && field == "email" { "invalid_email" } else { message };
            fields.push(FieldError { field: our_field(field).into(), message: message.into() });
        }
        if data.trim().is_empty() {
            fields.push(FieldError {
                field: "form".into(),
                message: shorten(&messages.first().map(|m| m.0.clone()).unwrap_or_default()),
            });
        }
    }
    // A missing e-mail also trips the "someone else's e-mail" check: the missing field is the news.
    if !fields.is_empty() {
        return ApiError::Validation(fields);
    }
    match other.first() {
        Some(("unauthorized", _)) => ApiError::Forbidden,
        Some((_, message)) if !message.trim().is_empty() => ApiError::Server { status, message: shorten(message) },
        _ => ApiError::Server { status, message: format!("HTTP {status}") },
    }
}

fn json_error(status: u16, data: &str) -> ApiError {
    match data {
        "File extension not allowed!" => ApiError::validation("attachments", "type_not_allowed"),
        "File size exceeds allowed limit!" => ApiError::validation("attachments", "too_large"),
        _ if status == 401 || status == 403 => ApiError::Forbidden,
        d if d.trim().is_empty() => ApiError::Server { status, message: format!("HTTP {status}") },
        d => ApiError::Server { status, message: shorten(d) },
    }
}

// ---------------------------------------------------------------------------------------
// Capabilities

/// What PHP lets through by default (`upload_max_filesize = 2M`); the plugin's own limit
/// (20 MB by default) never comes into play before it. Larger files fail with a 500.
pub const MAX_ATTACHMENT_BYTES: u64 = 2 * 1024 * 1024;

/// An agent (a WordPress user added as a SupportCandy agent). What a given agent may do on a
/// given ticket also depends on their agent role (the stock "Agent" may not see or change
/// tickets assigned to others); the server refuses those with 401.
pub fn agent_capabilities() -> Capabilities {
    Capabilities {
        list_tickets: true,
        threads: true,
        create_ticket: true,
        reply: true,
        internal_notes: true,
        attachments: true,
        max_attachment_bytes: MAX_ATTACHMENT_BYTES,
        departments: true,
        // Tag ids only, never their names, and no way to change them.
        tags: false,
        assignment: true,
        priorities: true,
        server_search: true,
        // Filters are named sets whose statuses the API does not reveal; kinds run here.
        server_status_filter: false,
        // Only `id` orders without ties; other sorts run here over pages fetched by id.
        server_sort: false,
        close_reopen: true,
        bulk: false,
        // The REST API needs a signed-in WordPress user.
        guest_tracking: false,
        reports: false,
    }
}

/// A signed-in customer: their own tickets, replies and files; no notes (401), no priority
/// (left out of their view), and status changes are silently ignored.
pub fn customer_capabilities() -> Capabilities {
    Capabilities {
        internal_notes: false,
        assignment: false,
        priorities: false,
        close_reopen: false,
        ..agent_capabilities()
    }
}
