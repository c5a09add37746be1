//! Request Tracker DTOs → domain, domain writes → request bodies, HTTP answers → `ApiError`.
//! Pure functions: the adapter does the HTTP and calls these on what it got.

use std::collections::BTreeMap;

use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};
use serde_json::{json, Map, Value};

use super::dto::{
    AttachmentItemDto, AttachmentRecordDto, HistoryItemDto, Id, PageDto, RefDto, TicketItemDto, TicketRecordDto,
};
use crate::api::{ApiError, Capabilities, FieldError};
use crate::domain::{
    AssigneeFilter, Attachment, Author, AuthorKind, Body, Department, Message, NewAttachment, NewTicket, Person,
    Priority, PriorityLevel, SortField, Status, StatusKind, Ticket, TicketPage, TicketQuery, TicketThread,
    TicketUpdate, Visibility,
};
use crate::domain::text::{normalize_for_search, search_terms, to_ascii_digits};

// ---------------------------------------------------------------------------------------
// Decoding


pub use crate::api::json::decode;
use crate::api::json::shorten;


/// RT's dates: ISO-8601 UTC; the Unix epoch means "not set".
pub fn parse_time(text: Option<&str>) -> Option<DateTime<Utc>> {
    let t = crate::calendar::parse_iso_datetime(text?)?;
    (t.timestamp() != 0).then_some(t)
}

// ---------------------------------------------------------------------------------------
// Errors

/// Which call answered, where RT's status code alone does not say what happened.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Call {
    /// Anything else: search, ticket read, create, update, delete.
    Other,
    /// `GET /transaction/N` or `GET /attachment/N` by id: RT 5.0.3 answers a missing one with
    /// 500 `{"message":"Internal Server Error"}`.
    ReadById,
    /// `POST /ticket/N/correspond|comment`: a missing ticket is 400 "Message could not be recorded".
    Reply,
}

const MISSING_BY_ID: &str = "Internal Server Error";
const REPLY_TO_MISSING: &str = "Message could not be recorded";

/// What a non-2xx answer means, for calls where RT's codes are what they say.
pub fn error_for(status: u16, body: &str) -> ApiError {
    error_for_call(Call::Other, status, body)
}

/// What a non-2xx answer means for the given call. `DELETE` without the right is 500 too,
/// so a 500 is "not found" only for `Call::ReadById`; everywhere else it stays a server error
/// (retryable). A CORS middleware refusal (403 `forbidden`, text/plain) is `Forbidden`.
pub fn error_for_call(call: Call, status: u16, body: &str) -> ApiError {
    let message = serde_json::from_str::<Value>(body)
        .ok()
        .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_owned));
    let message = message.as_deref().map(str::trim);
    match status {
        401 => ApiError::Unauthorized,
        403 => ApiError::Forbidden,
        404 => ApiError::NotFound,
        400 if message == Some("Permission Denied") => ApiError::Forbidden,
        400 if call == Call::Reply && message == Some(REPLY_TO_MISSING) => ApiError::NotFound,
        400 => {
            let text = message.unwrap_or_default();
            let (field, text) = field_of_400(text);
            ApiError::Validation(vec![FieldError { field: field.to_owned(), message: shorten(&text) }])
        }
        500 if call == Call::ReadById && message == Some(MISSING_BY_ID) => ApiError::NotFound,
        _ => {
            let text = message.map(str::to_owned).unwrap_or_else(|| body.trim().to_owned());
            let message = if text.is_empty() { format!("HTTP {status}") } else { shorten(&text) };
            ApiError::Server { status, message }
        }
    }
}

/// A 400's message → the form field it is about, and the message without RT's perl location.
fn field_of_400(message: &str) -> (&'static str, String) {
    // TicketSQL parser errors end "at /usr/share/request-tracker5/lib/RT/Tickets.pm line 3208."
    let clean = match message.find(" at /") {
        Some(i) if message[i..].contains(" line ") => message[..i].trim().to_owned(),
        _ => message.trim().to_owned(),
    };
    let field = if clean.contains("Queue") {
        "department"
    } else if clean.starts_with("Unknown field") || clean.contains("TicketSQL") || clean.starts_with("Wrong query") {
        "search"
    } else if clean.starts_with("ContentType") || clean.contains("Content") {
        "body"
    } else if clean.contains("Requestor") || clean.contains("email") {
        "customer_email"
    } else {
        "form"
    };
    let clean = if clean.is_empty() { "HTTP 400".to_owned() } else { clean };
    (field, clean)
}

/// `PUT /ticket/N` answers 200 with one message per change, failures included. Known failure
/// texts (English, as RT writes them for users whose `Lang` is English) become errors:
/// "Permission Denied" → `Forbidden` when every failure is one, else `Validation` naming the
/// field. A mix of successes and failures is still an error: some changes were stored, so the
/// caller should re-read the ticket. Messages in another language are not recognised — the
/// API user should keep RT's English `Lang` (which also avoids RT's correspond crash).
pub fn put_outcome(messages: &[String]) -> Result<(), ApiError> {
    let failures: Vec<(&'static str, &str)> =
        messages.iter().map(|m| strip_ticket_prefix(m)).filter_map(|m| failure_field(m).map(|f| (f, m))).collect();
    if failures.is_empty() {
        return Ok(());
    }
    if failures.iter().all(|(f, _)| *f == "permission") {
        return Err(ApiError::Forbidden);
    }
    Err(ApiError::Validation(
        failures
            .into_iter()
            .map(|(field, m)| FieldError {
                field: if field == "permission" { "form" } else { field }.to_owned(),
                message: shorten(m),
            })
            .collect(),
    ))
}

/// `"Ticket 11: Priority changed …"` → `"Priority changed …"`.
fn strip_ticket_prefix(m: &str) -> &str {
    let t = m.trim();
    if let Some(rest) = t.strip_prefix("Ticket ") {
        if let Some((num, tail)) = rest.split_once(": ") {
            if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()) {
                return tail.trim();
            }
        }
    }
    t
}

fn failure_field(m: &str) -> Option<&'static str> {
    let lower = m.to_ascii_lowercase();
    if lower.contains("permission denied") || lower.contains("no permission") {
        Some("permission")
    } else if lower.contains("status") && (lower.contains("isn't a valid") || lower.contains("not a valid")) {
        Some("status")
    } else if lower.contains("may not own")
        || lower.contains("could not change owner")
        || lower.contains("that user does not exist")
    {
        Some("assignee")
    } else if lower.contains("queue")
        && (lower.contains("could not") || lower.contains("invalid") || lower.contains("doesn't exist"))
    {
        Some("department")
    } else if lower.contains("priority") && (lower.contains("invalid") || lower.contains("not a valid")) {
        Some("priority")
    } else if lower.contains("isn't a valid")
        || lower.contains("is not a valid")
        || lower.starts_with("could not")
        || lower.starts_with("couldn't")
        || lower.contains("illegal value")
        || lower.starts_with("invalid")
    {
        Some("form")
    } else {
        None
    }
}

// ---------------------------------------------------------------------------------------
// Statuses and priorities

/// RT's default lifecycle. `deleted` tickets are only seen when read by id.
const STATUSES: [(&str, StatusKind); 6] = [
    ("new", StatusKind::New),
    ("open", StatusKind::Open),
    ("stalled", StatusKind::OnHold),
    ("resolved", StatusKind::Resolved),
    ("rejected", StatusKind::Closed),
    ("deleted", StatusKind::Closed),
];

/// A status from RT's name. Key and label are RT's name (a custom lifecycle's statuses are
/// shown as they are and treated as open work); `waiting_on_customer` turns only `open` into
/// `WaitingOnCustomer`.
pub fn status_for(name: &str, waiting_on_customer: bool) -> Status {
    let key = name.trim();
    let kind = STATUSES.iter().find(|s| s.0.eq_ignore_ascii_case(key)).map_or(StatusKind::Open, |s| s.1);
    let kind = if kind == StatusKind::Open && waiting_on_customer { StatusKind::WaitingOnCustomer } else { kind };
    Status { key: key.to_owned(), label: key.to_owned(), kind }
}

/// The statuses an agent can pick (not `deleted`: that is `DELETE`, not a status change).
pub fn statuses() -> Vec<Status> {
    STATUSES.iter().filter(|s| s.0 != "deleted").map(|s| status_for(s.0, false)).collect()
}

/// Priority levels follow RT's own named buckets (`PriorityAsString`: Low = 0, Medium = 50,
/// High = 100; a number gets the largest bucket at or below it, which is how RT's own messages
/// name them: 10 is "Low", 60 "Medium"), so badges agree with RT's UI:
/// 0–49 Low, 50–99 Medium, exactly 100 High, above 100 Critical (RT allows it; no default
/// bucket names it). Key: the number as text; label: RT's bucket name, or the number above 100.
pub fn priority_for(value: u64) -> Priority {
    let (label, level) = match value {
        0..=49 => ("Low".to_owned(), PriorityLevel::Low),
        50..=99 => ("Medium".to_owned(), PriorityLevel::Medium),
        100 => ("High".to_owned(), PriorityLevel::High),
        n => (n.to_string(), PriorityLevel::Critical),
    };
    Priority { key: value.to_string(), label, level }
}

/// The priorities offered for picking: RT's three named buckets.
pub fn priorities() -> Vec<Priority> {
    [0, 50, 100].into_iter().map(priority_for).collect()
}

/// A priority key → what RT's write API takes: a number, or one of its bucket names.
fn priority_value(key: &str) -> Option<Value> {
    let k = key.trim();
    if let Ok(n) = k.parse::<u64>() {
        return Some(json!(n));
    }
    ["Low", "Medium", "High"].iter().find(|n| n.eq_ignore_ascii_case(k)).map(|n| json!(n))
}

/// TicketSQL conditions for a level (the inverse of `priority_for`).
fn priority_condition(level: PriorityLevel) -> &'static str {
    match level {
        PriorityLevel::Low => "Priority < 50",
        PriorityLevel::Medium => "(Priority >= 50 AND Priority < 100)",
        PriorityLevel::High => "Priority = 100",
        PriorityLevel::Critical => "Priority > 100",
    }
}

// ---------------------------------------------------------------------------------------
// Tickets

const NOBODY: &str = "Nobody";
const SYSTEM_USER: &str = "RT_System";

fn person(r: &RefDto) -> Person {
    let email =
        r.email_address.clone().filter(|e| !e.is_empty()).or_else(|| r.id.0.contains('@').then(|| r.id.0.clone()));
    let name = r
        .real_name
        .clone()
        .filter(|n| !n.trim().is_empty())
        .or_else(|| r.name.clone())
        .unwrap_or_else(|| r.id.0.clone());
    Person { id: r.id.0.clone(), name, email }
}

fn assignee(owner: Option<&RefDto>) -> Option<Person> {
    owner.filter(|o| !o.id.0.is_empty() && o.id.0 != NOBODY).map(person)
}

fn customer(requestors: &[RefDto]) -> Person {
    requestors.first().map(person).unwrap_or(Person { id: String::new(), name: String::new(), email: None })
}

fn department(queue: Option<&RefDto>, queues: &[Department]) -> Option<Department> {
    let q = queue?;
    let key = q.id.0.clone();
    let label = q
        .name
        .clone()
        .filter(|n| !n.is_empty())
        .or_else(|| queues.iter().find(|d| d.key == key).map(|d| d.label.clone()))
        .unwrap_or_else(|| key.clone());
    Some(Department { key, label })
}

fn custom_fields(values: &[Value]) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for cf in values {
        let Some(name) = cf.get("name").and_then(Value::as_str) else { continue };
        let text = match cf.get("values") {
            Some(Value::Array(vs)) => vs
                .iter()
                .map(|v| v.as_str().map_or_else(|| v.to_string(), str::to_owned))
                .collect::<Vec<_>>()
                .join(", "),
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        out.insert(name.to_owned(), text);
    }
    out
}

/// What the history says about replies, for the ticket's times and waiting state.
#[derive(Default)]
struct Conversation {
    first_response_at: Option<DateTime<Utc>>,
    last_customer_reply_at: Option<DateTime<Utc>>,
    last_agent_reply_at: Option<DateTime<Utc>>,
    reply_count: u32,
    /// The last public Correspond was an agent's.
    agent_spoke_last: bool,
}

fn is_requestor(id: &str, requestors: &[RefDto]) -> bool {
    requestors.iter().any(|r| r.id.0.eq_ignore_ascii_case(id))
}

fn conversation(history: &[HistoryItemDto], requestors: &[RefDto]) -> Conversation {
    let mut c = Conversation::default();
    for h in history {
        let creator = h.creator.as_ref().map_or("", |r| r.id.as_str());
        let at = parse_time(h.created.as_deref());
        let by_customer = is_requestor(creator, requestors);
        match h.kind.as_deref() {
            Some("Create") if by_customer => c.last_customer_reply_at = at.or(c.last_customer_reply_at),
            Some("Correspond") => {
                c.reply_count += 1;
                if by_customer {
                    c.last_customer_reply_at = at.or(c.last_customer_reply_at);
                    c.agent_spoke_last = false;
                } else if creator != SYSTEM_USER {
                    c.first_response_at = c.first_response_at.or(at);
                    c.last_agent_reply_at = at.or(c.last_agent_reply_at);
                    c.agent_spoke_last = true;
                }
            }
            _ => {}
        }
    }
    c
}

/// A full `/ticket/N` record. `history` (may be empty) gives the reply times and whether an
/// open ticket waits on the customer (its last Correspond was by someone not a requestor);
/// it needs `Type`, `Creator` and `Created`. `queues` names queues the record gives by id.
pub fn ticket_from_record(dto: &TicketRecordDto, history: &[HistoryItemDto], queues: &[Department]) -> Ticket {
    // A record carries everything a search item does; what it adds comes from its history.
    let item = TicketItemDto {
        id: dto.id.clone(),
        url: None,
        subject: dto.subject.clone(),
        status: dto.status.clone(),
        priority: dto.priority,
        queue: dto.queue.clone(),
        owner: dto.owner.clone(),
        requestor: dto.requestor.clone(),
        created: dto.created.clone(),
        last_updated: dto.last_updated.clone(),
        resolved: dto.resolved.clone(),
    };
    let talk = conversation(history, &dto.requestor);
    let mut ticket = ticket_from_search_item(&item, queues);
    ticket.status = status_for(dto.status.as_deref().unwrap_or_default(), talk.agent_spoke_last);
    ticket.first_response_at = talk.first_response_at;
    ticket.last_customer_reply_at = talk.last_customer_reply_at;
    ticket.last_agent_reply_at = talk.last_agent_reply_at;
    ticket.reply_count = talk.reply_count;
    ticket.custom_fields = custom_fields(&dto.custom_fields);
    ticket
}

/// One search item (see `search_params` for the fields asked). A search has no history, so
/// no reply times, and an open ticket is `Open`, never `WaitingOnCustomer`.
pub fn ticket_from_search_item(dto: &TicketItemDto, queues: &[Department]) -> Ticket {
    let created_at = parse_time(dto.created.as_deref()).unwrap_or_default();
    let status = status_for(dto.status.as_deref().unwrap_or_default(), false);
    let closed_at = if status.kind.is_active() { None } else { parse_time(dto.resolved.as_deref()) };
    Ticket {
        id: dto.id.number().unwrap_or_default(),
        number: dto.id.0.clone(),
        subject: dto.subject.clone().unwrap_or_default(),
        status,
        priority: priority_for(dto.priority.map_or(0, |p| p.0)),
        department: department(dto.queue.as_ref(), queues),
        assignee: assignee(dto.owner.as_ref()),
        customer: customer(&dto.requestor),
        tags: Vec::new(),
        created_at,
        updated_at: parse_time(dto.last_updated.as_deref()).unwrap_or(created_at),
        first_response_at: None,
        closed_at,
        last_customer_reply_at: None,
        last_agent_reply_at: None,
        reply_count: 0,
        custom_fields: BTreeMap::new(),
    }
}

/// One `/tickets` page. `page`/`per_page` are what the adapter asked for. Ticket searches give
/// `total`; when it is `null` the total is what is known so far (earlier pages + this one, +1
/// when `next_page` says there is more) and `partial` is set.
pub fn page_from(search: &PageDto<TicketItemDto>, page: u32, per_page: u32, queues: &[Department]) -> TicketPage {
    let tickets: Vec<Ticket> = search.items.iter().map(|t| ticket_from_search_item(t, queues)).collect();
    let (total, partial) = match search.total {
        Some(t) => (usize::try_from(t.0).unwrap_or(usize::MAX), false),
        None => {
            let before = (page.max(1) as usize - 1).saturating_mul(per_page as usize);
            let more = usize::from(search.next_page.is_some());
            (before.saturating_add(tickets.len()).saturating_add(more), true)
        }
    };
    TicketPage { tickets, total, page: page.max(1), per_page, partial }
}

// ---------------------------------------------------------------------------------------
// Threads

/// Transaction types shown as system lines. Everything else (EmailRecord, CommentEmailRecord,
/// SetWatcher — which repeats a `Set` of Owner —, links, …) is noise in a thread.
const SYSTEM_TYPES: [&str; 8] = ["Status", "Set", "Take", "Untake", "Give", "Steal", "Force", "CustomField"];

fn system_text(h: &HistoryItemDto) -> String {
    let kind = h.kind.as_deref().unwrap_or_default();
    let field = h.field.as_deref().filter(|f| !f.is_empty()).unwrap_or(if kind == "Status" { "Status" } else { kind });
    let old = h.old_value.as_deref().unwrap_or_default();
    let new = h.new_value.as_deref().unwrap_or_default();
    match (field, old.is_empty(), new.is_empty()) {
        // Owner values are numeric user ids: naming them would need a user lookup.
        ("Owner", _, _) => "Owner changed".to_owned(),
        (f, _, true) => format!("{f} changed"),
        (f, true, false) => format!("{f}: {new}"),
        (f, false, false) => format!("{f}: {old} → {new}"),
    }
}

fn is_file(a: &AttachmentItemDto) -> bool {
    a.filename.as_deref().is_some_and(|f| !f.is_empty())
}

fn mime(a: &AttachmentItemDto) -> String {
    a.content_type.as_deref().unwrap_or_default().split(';').next().unwrap_or_default().trim().to_ascii_lowercase()
}

/// The message text of a transaction's attachments: the first unnamed text/plain or
/// text/html part (multipart containers carry no text).
fn body_of(parts: &[AttachmentItemDto]) -> Body {
    for a in parts.iter().filter(|a| !is_file(a)) {
        let text = a.content.clone().unwrap_or_default();
        match mime(a).as_str() {
            "text/plain" => return Body::Text(text),
            "text/html" => return Body::Html(text),
            _ => {}
        }
    }
    Body::Text(String::new())
}

fn files_of(parts: &[AttachmentItemDto]) -> Vec<Attachment> {
    parts
        .iter()
        .filter(|a| is_file(a))
        .map(|a| Attachment {
            id: a.id.0.clone(),
            name: a.filename.clone().unwrap_or_default(),
            mime: mime(a),
            size: a.content_length.map_or(0, |c| c.0),
            // `/attachment/N`: its `Content` is the file in base64 (see `attachment_bytes`);
            // the list's own `Content` mangles binary files.
            url: a.url.clone().unwrap_or_default(),
        })
        .collect()
}

/// The thread, oldest first. `history` needs `Type,Field,OldValue,NewValue,Creator,Created`;
/// `attachments` maps a transaction id to its `/transaction/N/attachments` items (missing
/// transactions get an empty body). `requestors` tell customers from agents. Create and
/// Correspond are public, Comment is internal, Status/Set/Take… are short system lines;
/// EmailRecord and the other bookkeeping types are left out.
pub fn messages_from(
    history: &[HistoryItemDto],
    attachments: &BTreeMap<String, Vec<AttachmentItemDto>>,
    requestors: &[RefDto],
) -> Vec<Message> {
    let mut out = Vec::new();
    for h in history {
        let kind = h.kind.as_deref().unwrap_or_default();
        let visibility = match kind {
            "Create" | "Correspond" => Visibility::Public,
            "Comment" => Visibility::Internal,
            k if SYSTEM_TYPES.contains(&k) => Visibility::Public,
            _ => continue,
        };
        let system = SYSTEM_TYPES.contains(&kind);
        let creator = h.creator.as_ref();
        let creator_id = creator.map_or("", |c| c.id.as_str());
        let author_kind = if creator_id == SYSTEM_USER || creator.is_none() {
            AuthorKind::System
        } else if is_requestor(creator_id, requestors) {
            AuthorKind::Customer
        } else {
            AuthorKind::Agent
        };
        let author = match creator {
            Some(c) => {
                let p = person(c);
                Author { kind: author_kind, name: p.name, id: Some(p.id) }
            }
            None => Author { kind: AuthorKind::System, name: String::new(), id: None },
        };
        let parts = attachments.get(h.id.as_str()).map_or(&[][..], Vec::as_slice);
        let (body, files) =
            if system { (Body::Text(system_text(h)), Vec::new()) } else { (body_of(parts), files_of(parts)) };
        out.push(Message {
            id: h.id.0.clone(),
            author: if system { Author { kind: AuthorKind::System, ..author } } else { author },
            visibility,
            body,
            created_at: parse_time(h.created.as_deref()).unwrap_or_default(),
            attachments: files,
        });
    }
    out
}

/// The transactions whose attachments `messages_from` needs (Create, Correspond, Comment).
pub fn transactions_with_content(history: &[HistoryItemDto]) -> Vec<String> {
    history
        .iter()
        .filter(|h| matches!(h.kind.as_deref(), Some("Create" | "Correspond" | "Comment")))
        .map(|h| h.id.0.clone())
        .collect()
}

/// A ticket record names its requestors and owner by id only; the history's creators
/// (expanded with `USER_FIELDS`) carry their real names and e-mails.
pub fn name_people_from_history(record: &mut TicketRecordDto, history: &[HistoryItemDto]) {
    let known =
        |id: &Id| history.iter().filter_map(|h| h.creator.as_ref()).find(|c| &c.id == id && c.real_name.is_some());
    for r in record.requestor.iter_mut().chain(record.owner.as_mut()) {
        if r.real_name.is_none() {
            if let Some(c) = known(&r.id) {
                r.real_name.clone_from(&c.real_name);
                r.email_address = r.email_address.take().or_else(|| c.email_address.clone());
            }
        }
    }
}

/// Whether the newest person-written message of this visibility is `text`: how a reply whose
/// answer RT dropped (see the module notes) is found stored.
pub fn ends_with_message(messages: &[Message], visibility: Visibility, text: &str) -> bool {
    messages
        .iter()
        .rev()
        .find(|m| m.visibility == visibility && m.author.kind != AuthorKind::System)
        .is_some_and(|m| m.body.raw().trim() == text.trim())
}

pub fn thread_from(
    record: &TicketRecordDto,
    history: &[HistoryItemDto],
    attachments: &BTreeMap<String, Vec<AttachmentItemDto>>,
    queues: &[Department],
) -> TicketThread {
    TicketThread {
        ticket: ticket_from_record(record, history, queues),
        messages: messages_from(history, attachments, &record.requestor),
    }
}

/// The bytes of an `/attachment/N` record: its `Content` is base64 wrapped at 76 columns.
pub fn attachment_bytes(dto: &AttachmentRecordDto) -> Result<Vec<u8>, ApiError> {
    let compact: String =
        dto.content.as_deref().unwrap_or_default().chars().filter(|c| !c.is_ascii_whitespace()).collect();
    crate::domain::base64::decode(&compact)
        .ok_or_else(|| ApiError::UnexpectedPayload { path: "Content".into(), detail: "not base64".into() })
}

// ---------------------------------------------------------------------------------------
// Writes

/// How a write with files must travel.
#[derive(Clone, Debug, PartialEq)]
pub enum Payload {
    /// `application/json`; files, if any, are inline `Attachments` (base64).
    Json(Value),
    /// `multipart/form-data`: a part named `JSON` holding `json`, then one part named
    /// `Attachments` per file (its file name and content type in the part headers).
    /// RT 5.0.3 answers 500 to a non-ASCII `FileName` in JSON, but takes it here.
    Multipart { json: Value, files: Vec<NewAttachment> },
}

/// Whether these files can go inline in JSON: only when every name is printable ASCII.
/// Any other name (Persian ones) needs multipart.
pub fn needs_multipart(files: &[NewAttachment]) -> bool {
    files.iter().any(|f| !f.name.chars().all(|c| c.is_ascii() && !c.is_ascii_control()))
}

fn with_files(mut body: Map<String, Value>, files: &[NewAttachment]) -> Payload {
    if files.is_empty() {
        return Payload::Json(Value::Object(body));
    }
    if needs_multipart(files) {
        return Payload::Multipart { json: Value::Object(body), files: files.to_vec() };
    }
    let inline: Vec<Value> = files
        .iter()
        .map(|f| {
            json!({
                "FileName": f.name,
                "FileType": if f.mime.is_empty() { "application/octet-stream" } else { f.mime.as_str() },
                "FileContent": crate::domain::base64::encode(&f.bytes),
            })
        })
        .collect();
    body.insert("Attachments".into(), Value::Array(inline));
    Payload::Json(Value::Object(body))
}

/// A queue key as RT takes it: its id as a number, or its name.
fn queue_value(queue: &str) -> Value {
    queue.trim().parse::<u64>().map_or_else(|_| json!(queue), |n| json!(n))
}

/// `POST /ticket`. Text goes byte for byte as typed. `queue` is the queue's id or name (the
/// ticket's own `department` wins when set). An unknown priority key is refused rather than
/// silently defaulted.
pub fn create_body(new: &NewTicket, queue: &str) -> Result<Payload, ApiError> {
    let queue = new.department.as_deref().filter(|d| !d.trim().is_empty()).unwrap_or(queue);
    let mut errors = Vec::new();
    if queue.trim().is_empty() {
        errors.push(FieldError { field: "department".into(), message: "required".into() });
    }
    if new.subject.trim().is_empty() {
        errors.push(FieldError { field: "subject".into(), message: "required".into() });
    }
    let priority = match new.priority.as_deref() {
        None | Some("") => None,
        Some(key) => match priority_value(key) {
            Some(v) => Some(v),
            None => {
                errors.push(FieldError { field: "priority".into(), message: "unknown".into() });
                None
            }
        },
    };
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut body = Map::new();
    body.insert("Queue".into(), queue_value(queue));
    body.insert("Subject".into(), json!(new.subject));
    if !new.customer_email.trim().is_empty() {
        body.insert("Requestor".into(), json!(new.customer_email.trim()));
    }
    body.insert("Content".into(), json!(new.body));
    body.insert("ContentType".into(), json!("text/plain"));
    if let Some(p) = priority {
        body.insert("Priority".into(), p);
    }
    Ok(with_files(body, &new.attachments))
}

/// `POST /ticket/N/correspond` (reply) or `/comment` (internal note): the same body.
/// `ContentType` is always sent — RT refuses JSON without it.
pub fn reply_body(text: &str, attachments: &[NewAttachment]) -> Payload {
    let mut body = Map::new();
    body.insert("Content".into(), json!(text));
    body.insert("ContentType".into(), json!("text/plain"));
    with_files(body, attachments)
}

/// `PUT /ticket/N` with only what changes. `Some(None)` assignee → `Owner: "Nobody"`.
/// RT has no tags: clearing them is a no-op, setting them is `Unsupported`.
pub fn update_body(update: &TicketUpdate) -> Result<Value, ApiError> {
    let mut body = Map::new();
    let mut errors = Vec::new();
    if let Some(key) = &update.status {
        match key.trim() {
            "" => errors.push(FieldError { field: "status".into(), message: "required".into() }),
            k => {
                body.insert("Status".into(), json!(k));
            }
        }
    }
    if let Some(key) = &update.priority {
        match priority_value(key) {
            Some(v) => {
                body.insert("Priority".into(), v);
            }
            None => errors.push(FieldError { field: "priority".into(), message: "unknown".into() }),
        }
    }
    match &update.assignee {
        None => {}
        Some(None) => {
            body.insert("Owner".into(), json!(NOBODY));
        }
        Some(Some(id)) if id.trim().is_empty() => {
            body.insert("Owner".into(), json!(NOBODY));
        }
        Some(Some(id)) => {
            body.insert("Owner".into(), json!(id.trim()));
        }
    }
    match update.department.as_deref().map(str::trim) {
        None => {}
        Some("") => errors.push(FieldError { field: "department".into(), message: "required".into() }),
        Some(q) => {
            body.insert("Queue".into(), queue_value(q));
        }
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    if update.tags.as_ref().is_some_and(|t| !t.is_empty()) {
        return Err(ApiError::Unsupported("tags".into()));
    }
    Ok(Value::Object(body))
}

// ---------------------------------------------------------------------------------------
// Search

/// A TicketSQL string literal: single quotes, with `\` and `'` backslash-escaped (RT's
/// parser reads `'(?:[^'\\]|\\.)*'`). Everything else, Persian included, goes as it is.
pub fn sql_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('\'');
    for c in text.chars() {
        if c == '\\' || c == '\'' {
            out.push('\\');
        }
        out.push(c);
    }
    out.push('\'');
    out
}

/// RT statuses for the kinds a filter wants. RT has no in-progress or waiting-on-customer
/// status: both ask for `open` (a superset — waiting is derived from the history, so the
/// adapter filters those client-side).
fn rt_statuses(kinds: &[StatusKind]) -> Vec<&'static str> {
    let mut out: Vec<&'static str> = Vec::new();
    for kind in kinds {
        let names: &[&'static str] = match kind {
            StatusKind::New => &["new"],
            StatusKind::Open | StatusKind::InProgress | StatusKind::WaitingOnCustomer => &["open"],
            StatusKind::OnHold => &["stalled"],
            StatusKind::Resolved => &["resolved"],
            StatusKind::Closed => &["rejected"],
        };
        for n in names {
            if !out.contains(n) {
                out.push(n);
            }
        }
    }
    out
}

/// A search word that is a number in any digit script (an optional `#` before it), in ASCII.
fn ascii_digits(term: &str) -> Option<String> {
    let digits = to_ascii_digits(term.trim_start_matches('#'));
    Some(digits).filter(|d| !d.is_empty() && d.len() <= 18 && d.bytes().all(|b| b.is_ascii_digit()))
}

/// The letters Persian and Arabic keyboards type differently (ی/ي/ى, ک/ك), as the domain's
/// search folds them.
const KEYBOARD_LETTERS: [&str; 2] = ["ی", "ک"];

/// A `LIKE` pattern that finds the ways of writing `word` the domain's search treats as the
/// same: ی/ک in either keyboard's form, any other letter typed in a variant form (ة, أ, …),
/// and a digit in a longer word match any one character (`_`); where the word has a ZWNJ,
/// diacritic or tatweel the text may have anything (`%`). Looser than the domain's match on
/// purpose — the adapter filters what comes back — except that a subject with a ZWNJ, or
/// with ة/أ/إ where the word has ه/ا, is not found. `None` when nothing is left.
pub fn like_pattern(word: &str) -> Option<String> {
    let mut out = String::new();
    for c in word.chars() {
        let folded = normalize_for_search(c.encode_utf8(&mut [0; 4]));
        let variant = folded.chars().count() == 1 && !folded.starts_with(c.to_lowercase().next().unwrap_or(c));
        if folded.is_empty() {
            if !out.is_empty() && !out.ends_with('%') {
                out.push('%');
            }
        } else if KEYBOARD_LETTERS.contains(&folded.as_str()) || variant || folded.bytes().all(|b| b.is_ascii_digit()) {
            out.push('_');
        } else {
            out.push(c);
        }
    }
    let out = out.trim_end_matches('%').to_owned();
    (!out.is_empty()).then_some(out)
}

/// A number in the three digit scripts people type.
fn digit_scripts(ascii: &str) -> Vec<String> {
    let shifted = |zero: char| -> String {
        ascii.chars().filter_map(|c| char::from_u32(zero as u32 + c.to_digit(10)?)).collect()
    };
    vec![ascii.to_owned(), shifted('۰'), shifted('٠')]
}

/// What a search word is looked for in: what `Ticket::search_text` holds, as TicketSQL.
const SEARCHED_FIELDS: [&str; 5] =
    ["Subject", "Requestor.RealName", "Requestor.EmailAddress", "Owner.RealName", "Queue.Name"];

/// One search word as TicketSQL: it occurs in any searched field, or (a number) is the id.
fn word_clause(word: &str) -> Option<String> {
    let number = ascii_digits(word);
    let patterns = match &number {
        Some(n) => digit_scripts(n),
        None => vec![like_pattern(word)?],
    };
    let mut any: Vec<String> = number.iter().map(|n| format!("id = {n}")).collect();
    for field in SEARCHED_FIELDS {
        any.extend(patterns.iter().map(|p| format!("{field} LIKE {}", sql_string(p))));
    }
    Some(format!("({})", any.join(" OR ")))
}

// Not `format("%Y-%m-%d")`: chrono's format-string machinery costs the bundle ~8 KB.
fn day(d: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

/// The TicketSQL of a query: a superset of what the domain's filter keeps, which the adapter
/// narrows (see `server_is_exact`). Every search word must occur in the subject, a
/// requestor's name or e-mail, the owner's name or the queue name (with Persian/Arabic letter
/// forms and digit scripts matched by `like_pattern`); a number also matches the id.
/// Statuses, priority levels, queue (by key: an id or a name), owner (`Nobody` for
/// unassigned) and requestor e-mail are ANDed. The creation day range is widened by a day on
/// each side: RT reads dates in the API user's time zone, the domain in the helpdesk's.
/// Without a status filter, deleted tickets are left out. Tags are not expressible (RT has
/// none).
pub fn search_query(query: &TicketQuery) -> String {
    let mut clauses: Vec<String> = query.search.split_whitespace().filter_map(word_clause).collect();
    let statuses = rt_statuses(&query.statuses);
    if statuses.is_empty() {
        clauses.push("Status != 'deleted'".into());
    } else {
        let any: Vec<String> = statuses.iter().map(|s| format!("Status = {}", sql_string(s))).collect();
        clauses.push(format!("({})", any.join(" OR ")));
    }
    if !query.priorities.is_empty() {
        let mut levels = query.priorities.clone();
        levels.sort();
        levels.dedup();
        let any: Vec<&str> = levels.into_iter().map(priority_condition).collect();
        clauses.push(format!("({})", any.join(" OR ")));
    }
    if let Some(dep) = query.department.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        clauses.push(format!("Queue = {}", sql_string(dep)));
    }
    match &query.assignee {
        AssigneeFilter::Any => {}
        AssigneeFilter::Unassigned => clauses.push(format!("Owner = {}", sql_string(NOBODY))),
        AssigneeFilter::Agent(id) => clauses.push(format!("Owner = {}", sql_string(id.trim()))),
    }
    if let Some(email) = query.customer_email.as_deref().map(str::trim).filter(|e| !e.is_empty()) {
        clauses.push(format!("Requestor.EmailAddress = {}", sql_string(email)));
    }
    if let Some(from) = query.created_from {
        let before = from.checked_sub_signed(Duration::days(1)).unwrap_or(from);
        clauses.push(format!("Created >= {}", sql_string(&day(before))));
    }
    if let Some(to) = query.created_to {
        let after = to.checked_add_signed(Duration::days(2)).unwrap_or(to);
        clauses.push(format!("Created < {}", sql_string(&day(after))));
    }
    clauses.join(" AND ")
}

/// Largest `per_page` RT serves.
pub const MAX_PER_PAGE: u32 = 100;

/// Whether RT's answer to `search_query` is exactly what the domain's filter keeps, so the
/// server's page and total can be shown as they are. Not when there are search words (RT's
/// `LIKE` is looser than the domain's folding), a day range (time zones), tags, a page
/// larger than RT serves, or a status kind RT cannot tell in a list (in progress, waiting
/// on the customer: both are RT's `open`).
pub fn server_is_exact(query: &TicketQuery) -> bool {
    let statuses_exact = query.statuses.is_empty()
        || rt_statuses(&query.statuses).iter().all(|s| query.statuses.contains(&status_for(s, false).kind));
    search_terms(&query.search).is_empty()
        && query.created_from.is_none()
        && query.created_to.is_none()
        && query.tags.is_empty()
        && query.per_page <= MAX_PER_PAGE
        && statuses_exact
}

/// `orderby` and `order` for the query's sort.
pub fn sort_params(query: &TicketQuery) -> (&'static str, &'static str) {
    let field = match query.sort {
        SortField::Created => "Created",
        SortField::Updated => "LastUpdated",
        SortField::Priority => "Priority",
        SortField::Number => "id",
    };
    (field, if query.descending { "DESC" } else { "ASC" })
}

/// The fields `ticket_from_search_item` reads.
pub const SEARCH_FIELDS: &str = "Subject,Status,Priority,Queue,Owner,Requestor,Created,LastUpdated,Resolved";

/// What a referenced user is expanded to (`person` reads these).
pub const USER_FIELDS: &str = "Name,RealName,EmailAddress";

/// Every `GET /tickets` parameter for a query, unencoded (`query_string` encodes them). The
/// id breaks ties, as in the domain's sort, so pages never overlap.
pub fn search_params(query: &TicketQuery) -> Vec<(&'static str, String)> {
    let (orderby, order) = sort_params(query);
    let mut params = vec![
        ("query", search_query(query)),
        ("fields", SEARCH_FIELDS.to_owned()),
        ("fields[Owner]", USER_FIELDS.to_owned()),
        ("fields[Requestor]", USER_FIELDS.to_owned()),
        ("fields[Queue]", "Name".to_owned()),
        ("orderby", orderby.to_owned()),
        ("order", order.to_owned()),
    ];
    if orderby != "id" {
        params.extend([("orderby", "id".to_owned()), ("order", order.to_owned())]);
    }
    params.extend([
        ("page", query.page.max(1).to_string()),
        ("per_page", query.per_page.clamp(1, MAX_PER_PAGE).to_string()),
    ]);
    params
}


/// Whether a collection page is its last: fewer items than asked for (most collections have
/// no `total` for non-superusers), or the known total reached.
pub fn is_last_page<T>(page: &PageDto<T>, page_number: u32, per_page: u32) -> bool {
    let seen = (page_number.max(1) as u64 - 1) * u64::from(per_page) + page.items.len() as u64;
    page.items.len() < per_page as usize || page.total.is_some_and(|t| seen >= t.0)
}

/// `GET /ticket/N/history` fields that `ticket_from_record` and `messages_from` read.
pub const HISTORY_FIELDS: &str = "Type,Field,OldValue,NewValue,Creator,Created,Data";

/// Every `GET /ticket/N/history` parameter for one page.
pub fn history_params(page: u32) -> Vec<(&'static str, String)> {
    vec![
        ("fields", HISTORY_FIELDS.to_owned()),
        ("fields[Creator]", USER_FIELDS.to_owned()),
        ("page", page.max(1).to_string()),
        ("per_page", MAX_PER_PAGE.to_string()),
    ]
}

/// `GET /transaction/N/attachments` fields that `messages_from` reads (never `Parent`: it
/// makes RT 5.0.3 answer 500).
pub const ATTACHMENT_FIELDS: &str = "Content,ContentType,Subject,Filename,ContentLength";

// ---------------------------------------------------------------------------------------
// Capabilities

/// RT's default `$MaxAttachmentSize` (`10*1024*1024` in RT 5.0.3's `RT_Config.pm`); a site
/// may lower it.
pub const MAX_ATTACHMENT_BYTES: u64 = 10 * 1024 * 1024;

/// What RT 5's REST2 does for a privileged agent. Customers (unprivileged requestors) can read
/// and reply to their own tickets but get 400 "Permission Denied" on comments and 403 on user
/// lists; the adapter narrows these per session.
pub fn capabilities() -> Capabilities {
    Capabilities {
        list_tickets: true,
        threads: true,
        create_ticket: true,
        reply: true,
        internal_notes: true,
        attachments: true,
        max_attachment_bytes: MAX_ATTACHMENT_BYTES,
        departments: true,
        // No tags in RT (custom fields come through as `custom_fields`).
        tags: false,
        assignment: true,
        priorities: true,
        server_search: true,
        server_status_filter: true,
        server_sort: true,
        close_reopen: true,
        bulk: false,
        guest_tracking: false,
        reports: false,
    }
}

/// What an unprivileged requestor may do: read, open and answer their own tickets. RT
/// refuses their comments (400 "Permission Denied") and answers their `PUT`s with "Permission
/// Denied" messages, and their history leaves internal notes out.
pub fn customer_capabilities() -> Capabilities {
    Capabilities { internal_notes: false, assignment: false, priorities: false, close_reopen: false, ..capabilities() }
}

// ---------------------------------------------------------------------------------------
// Queues

/// `/queues/all?fields=Name` → departments keyed by queue id (a queue without `Name` shows
/// its id).
pub fn departments_from(page: &PageDto<RefDto>) -> Vec<Department> {
    page.items
        .iter()
        .map(|q| Department {
            key: q.id.0.clone(),
            label: q.name.clone().filter(|n| !n.trim().is_empty()).unwrap_or_else(|| q.id.0.clone()),
        })
        .collect()
}
