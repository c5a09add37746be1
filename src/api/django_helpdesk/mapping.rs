//! django-helpdesk DTOs → domain, domain writes → request bodies, HTTP answers → `ApiError`.
//! Pure functions: the adapter does the HTTP and calls these on what it got.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use super::dto::{parse_server_datetime, FollowupDto, PageDto, TicketDto, UserTicketDto};
use crate::api::http::{FormPart, HttpBody};
use crate::api::{ApiError, Capabilities, FieldError};
use crate::domain::html::html_to_text;
use crate::domain::{
    Attachment, Author, AuthorKind, Body, Department, Message, NewAttachment, NewTicket, Person, Priority, PriorityLevel, Status,
    StatusKind, Ticket, TicketPage, TicketThread, TicketUpdate, Visibility, Vocabulary,
};

// ---------------------------------------------------------------------------------------
// Decoding


pub use crate::api::json::decode;
use crate::api::json::shorten;


// ---------------------------------------------------------------------------------------
// Errors

/// `detail` texts that mean "who are you?" rather than "not you". django-helpdesk lists
/// `SessionAuthentication` first, so DRF answers these with 403 and no `WWW-Authenticate`
/// instead of 401. English because the server's messages are; a site running in another
/// language translates them, which is why the adapter should send `Accept-Language: en`.
const CREDENTIAL_FAILURES: [&str; 5] = [
    "Authentication credentials were not provided.",
    "Invalid token.",
    "Incorrect authentication credentials.",
    "Invalid username/password.",
    "User inactive or deleted.",
];

/// DRF's malformed-header messages and the session's CSRF refusal: in each, signing in
/// again (a fresh token, a fresh CSRF cookie) is what the user can do about it.
const CREDENTIAL_FAILURE_PREFIXES: [&str; 3] = ["Invalid token header.", "Invalid basic header.", "CSRF Failed"];

/// The token endpoint's answer to a wrong username or password (400, not 401).
const BAD_LOGIN: &str = "Unable to log in with provided credentials.";

/// What a non-2xx answer means for the user.
pub fn error_for(status: u16, body: &str) -> ApiError {
    let json: Option<Value> = serde_json::from_str(body).ok();
    let detail = json.as_ref().and_then(|v| v.get("detail")).and_then(Value::as_str);
    match status {
        401 => ApiError::Unauthorized,
        403 if detail.is_some_and(is_credential_failure) => ApiError::Unauthorized,
        403 => ApiError::Forbidden,
        404 => ApiError::NotFound,
        400 => match json.as_ref().and_then(Value::as_object) {
            Some(map) if detail.is_none() && !map.is_empty() => ApiError::Validation(field_errors(map)),
            _ => server_error(status, body, json.as_ref()),
        },
        _ => server_error(status, body, json.as_ref()),
    }
}

fn is_credential_failure(detail: &str) -> bool {
    CREDENTIAL_FAILURES.contains(&detail) || CREDENTIAL_FAILURE_PREFIXES.iter().any(|p| detail.starts_with(p))
}

/// A page past the end is 404 `{"detail": "Invalid page."}`: a list screen should show an
/// empty last page (or go back to page 1), not "not found".
pub fn is_past_last_page(status: u16, body: &str) -> bool {
    status == 404
        && serde_json::from_str::<Value>(body)
            .ok()
            .is_some_and(|v| v.get("detail").and_then(Value::as_str) == Some("Invalid page."))
}

fn server_error(status: u16, body: &str, json: Option<&Value>) -> ApiError {
    let from_json = match json {
        Some(Value::String(s)) => Some(s.clone()),
        Some(v) => v.get("detail").and_then(Value::as_str).map(str::to_owned),
        None => None,
    };
    // Django's error pages are HTML ("Server Error (500)"); their first line of text says it.
    let text = from_json.unwrap_or_else(|| {
        let plain = if body.trim_start().starts_with('<') { html_to_text(body) } else { body.to_owned() };
        plain.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default().to_owned()
    });
    let message = if text.trim().is_empty() { format!("HTTP {status}") } else { shorten(&text) };
    ApiError::Server { status, message }
}

/// Server field → the name our forms use (`ApiError::field_message` looks it up), so the
/// server's complaint lands beside the input that caused it.
fn our_field(server: &str) -> &str {
    match server {
        "title" => "subject",
        // TicketForm calls the description `body`, the API `description`; a follow-up's text is `comment`.
        "description" | "body" | "comment" => "body",
        "submitter_email" => "customer_email",
        "queue" => "department",
        "priority" => "priority",
        "status" | "new_status" => "status",
        "assigned_to" => "assignee",
        "attachment" | "attachments" => "attachments",
        "non_field_errors" | "__all__" => "form",
        other => other,
    }
}

/// DRF/Django's English messages → the codes our UI translates; anything else stays the
/// server's own words (the UI shows those as a generic "invalid value").
fn our_message(server: &str) -> String {
    let code = match server {
        "This field is required." | "This field may not be blank." | "This field may not be null." => "required",
        "Enter a valid email address." => "invalid_email",
        BAD_LOGIN => "invalid_credentials",
        s if s.ends_with("is not a valid choice.") || s.starts_with("Select a valid choice.") => "unknown",
        s if s.starts_with("Invalid pk") || s.ends_with("object does not exist.") => "unknown",
        s if s.starts_with("Ensure this field has no more than") => "too_long",
        s if s.starts_with("Unsupported file extension") => "type_not_allowed",
        s => return shorten(s),
    };
    code.to_owned()
}

/// Upper bound on reported field errors: a hostile or broken body must not fill the screen.
const MAX_FIELD_ERRORS: usize = 20;

fn field_errors(map: &Map<String, Value>) -> Vec<FieldError> {
    let mut out = Vec::new();
    for (name, value) in map {
        // The token endpoint's "wrong password" is about the password field, not the form.
        let field = match (name.as_str(), value) {
            ("non_field_errors", v) if messages_in(v).iter().any(|m| m == BAD_LOGIN) => "password",
            (n, _) => our_field(n),
        };
        for message in messages_in(value) {
            if out.len() == MAX_FIELD_ERRORS {
                return out;
            }
            out.push(FieldError { field: field.to_owned(), message: our_message(&message) });
        }
    }
    out
}

/// Every message under a field, whatever the nesting: `["…"]`, `"…"`, or a list field's
/// `{"0": ["…"]}` (the index is dropped: the form shows one line per field).
fn messages_in(value: &Value) -> Vec<String> {
    match value {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().flat_map(messages_in).collect(),
        Value::Object(map) => map.values().flat_map(messages_in).collect(),
        Value::Null => Vec::new(),
        other => vec![other.to_string()],
    }
}

// ---------------------------------------------------------------------------------------
// Statuses and priorities

/// django-helpdesk's default `TICKET_STATUS_CHOICES` with its English labels (the API sends
/// only the number, so the labels live here).
const STATUSES: [(u8, &str, StatusKind); 5] = [
    (1, "Open", StatusKind::Open),
    (2, "Reopened", StatusKind::Open),
    (3, "Resolved", StatusKind::Resolved),
    (4, "Closed", StatusKind::Closed),
    (5, "Duplicate", StatusKind::Closed),
];

/// `TICKET_PRIORITY_CHOICES`. The server labels them "1. Critical" … "5. Very Low"; the
/// ordinal is dropped because the badge's colour already ranks them.
const PRIORITIES: [(u8, &str, PriorityLevel); 5] = [
    (1, "Critical", PriorityLevel::Critical),
    (2, "High", PriorityLevel::High),
    (3, "Normal", PriorityLevel::Medium),
    (4, "Low", PriorityLevel::Low),
    (5, "Very Low", PriorityLevel::Low),
];

/// The priority django-helpdesk's own forms preselect.
const DEFAULT_PRIORITY: u8 = 3;

fn is_closing_number(n: u8) -> bool {
    matches!(n, 3..=5)
}

/// A ticket's status from its number and flags. `on_hold` wins over everything (the server
/// itself shows "Open - On Hold"); `waiting_on_customer` only turns an open ticket into one
/// waiting. The key stays the server's number so a PATCH can send it back.
pub fn status_for(number: u8, on_hold: bool, waiting_on_customer: bool) -> Status {
    let known = STATUSES.iter().find(|s| s.0 == number);
    let base = known.map_or_else(|| number.to_string(), |s| s.1.to_owned());
    // A site's own extra statuses are unknown here: treating them as open keeps them in
    // the "needs work" lists rather than hiding them.
    let kind = match known.map(|s| s.2) {
        _ if on_hold => StatusKind::OnHold,
        Some(StatusKind::Open) | None if waiting_on_customer => StatusKind::WaitingOnCustomer,
        Some(kind) => kind,
        None => StatusKind::Open,
    };
    let label = if on_hold { format!("{base} - On Hold") } else { base };
    Status { key: number.to_string(), label, kind }
}

pub fn priority_for(number: u8) -> Priority {
    match PRIORITIES.iter().find(|p| p.0 == number) {
        Some((n, label, level)) => Priority { key: n.to_string(), label: (*label).to_owned(), level: *level },
        None => Priority { key: number.to_string(), label: number.to_string(), level: PriorityLevel::Medium },
    }
}

/// The statuses an agent can pick (the vocabulary): the server's five, by number.
pub fn statuses() -> Vec<Status> {
    STATUSES
        .iter()
        .map(|(n, label, kind)| Status { key: n.to_string(), label: (*label).to_owned(), kind: *kind })
        .collect()
}

pub fn priorities() -> Vec<Priority> {
    PRIORITIES.iter().map(|p| priority_for(p.0)).collect()
}

/// The session's vocabulary. Statuses and priorities are the server's fixed choices; queues
/// and agents come from the adapter's configuration (the API cannot list them).
pub fn vocabulary(queues: &[Department], agents: &[Person]) -> Vocabulary {
    Vocabulary { statuses: statuses(), priorities: priorities(), departments: queues.to_vec(), agents: agents.to_vec() }
}

/// Our status key → the server's number; only the keys `statuses()` publishes.
pub fn status_number(key: &str) -> Option<u8> {
    STATUSES.iter().find(|s| s.0.to_string() == key).map(|s| s.0)
}

pub fn priority_number(key: &str) -> Option<u8> {
    PRIORITIES.iter().find(|p| p.0.to_string() == key).map(|p| p.0)
}

/// The `?status=` numbers worth asking the server for, given the kinds a filter wants.
/// `None`: no useful server filter (no kinds, or on-hold, which any number can be). The
/// answer is a superset — waiting-on-customer and on-hold are derived here, not stored —
/// so the adapter still filters the page client-side. `Some(empty)`: nothing can match.
pub fn status_numbers_for(kinds: &[StatusKind]) -> Option<Vec<u8>> {
    if kinds.is_empty() || kinds.contains(&StatusKind::OnHold) {
        return None;
    }
    let numbers: Vec<u8> = STATUSES
        .iter()
        .filter(|(_, _, kind)| {
            kinds.contains(kind) || (*kind == StatusKind::Open && kinds.contains(&StatusKind::WaitingOnCustomer))
        })
        .map(|s| s.0)
        .collect();
    Some(numbers)
}

// ---------------------------------------------------------------------------------------
// Tickets and threads

/// What a follow-up is, for the thread and for the ticket's times.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    /// The first follow-up: the request itself (its comment is the description). Staff who
    /// file a ticket for a customer are recorded as its `user`, but the words are the
    /// customer's, so it counts as the customer's and never as a first response.
    Opening,
    Customer,
    Agent(u64),
    /// A status change with nothing said.
    System,
}

fn role(index: usize, f: &FollowupDto) -> Role {
    let silent = f.comment.as_deref().is_none_or(|c| c.trim().is_empty()) && f.followupattachment_set.is_empty();
    match f.user {
        _ if index == 0 => Role::Opening,
        _ if silent && f.new_status.is_some() => Role::System,
        Some(user) => Role::Agent(user),
        None => Role::Customer,
    }
}

/// Oldest first, as the thread reads; the server orders by date, ids break ties.
fn chronological(dto: &TicketDto) -> Vec<&FollowupDto> {
    let mut all: Vec<&FollowupDto> = dto.followup_set.iter().collect();
    all.sort_by_key(|f| (f.date, f.id));
    all
}

/// The ticket as the dashboard lists it. The API has no timestamps on tickets, so they come
/// from the follow-ups: created = the first, updated = the last (a PATCH logs none, so
/// changes made that way don't move it), first response = the first public agent reply,
/// closed = the last follow-up that resolved/closed it, when it still is. A ticket with no
/// follow-ups at all has no time to give: its times are the Unix epoch.
pub fn ticket_from(dto: &TicketDto, queues: &[Department]) -> Ticket {
    let followups = chronological(dto);
    let roles: Vec<Role> = followups.iter().enumerate().map(|(i, f)| role(i, f)).collect();
    let created_at = followups.first().map(|f| f.date).unwrap_or_default();
    let updated_at = followups.last().map_or(created_at, |f| f.date);
    let public = || followups.iter().zip(&roles).filter(|(f, _)| f.public);
    let agent_replies = || public().filter(|(_, r)| matches!(r, Role::Agent(_))).map(|(f, _)| f.date);
    let customer_replies =
        || public().filter(|(_, r)| matches!(r, Role::Opening | Role::Customer)).map(|(f, _)| f.date);
    let reply_count = public().filter(|(_, r)| matches!(r, Role::Agent(_) | Role::Customer)).count();
    // Whoever spoke last in public decides who the ticket waits for.
    let waiting = public().rfind(|(_, r)| **r != Role::System).is_some_and(|(_, r)| matches!(r, Role::Agent(_)));
    let mut closed_at = None;
    for f in &followups {
        match f.new_status {
            Some(n) if is_closing_number(n) => closed_at = Some(f.date),
            Some(_) => closed_at = None,
            None => {}
        }
    }
    let customer_email = dto.submitter_email.clone().filter(|e| !e.trim().is_empty());
    Ticket {
        id: dto.id,
        // django-helpdesk's own mails say "[tech-1]", but `tickets/` sends no queue slug; the
        // id is what both the slug form and the staff UI share.
        number: dto.id.to_string(),
        subject: dto.title.clone(),
        status: status_for(dto.status, dto.on_hold, waiting),
        priority: priority_for(dto.priority),
        department: Some(department_for(dto.queue, queues)),
        assignee: dto.assigned_to.map(|id| Person { id: id.to_string(), name: id.to_string(), email: None }),
        customer: customer(customer_email),
        tags: Vec::new(),
        created_at,
        updated_at,
        first_response_at: agent_replies().next(),
        closed_at: closed_at.filter(|_| is_closing_number(dto.status)),
        last_customer_reply_at: customer_replies().next_back(),
        last_agent_reply_at: agent_replies().next_back(),
        reply_count: u32::try_from(reply_count).unwrap_or(u32::MAX),
        custom_fields: custom_fields(&dto.extra),
    }
}

fn department_for(queue: u64, queues: &[Department]) -> Department {
    let key = queue.to_string();
    queues.iter().find(|d| d.key == key).cloned().unwrap_or(Department { label: key.clone(), key })
}

fn customer(email: Option<String>) -> Person {
    match email {
        Some(email) => Person { id: email.clone(), name: email.clone(), email: Some(email) },
        None => Person { id: String::new(), name: String::new(), email: None },
    }
}

/// The site's custom fields (`custom_<name>`), as text under `<name>`.
fn custom_fields(extra: &BTreeMap<String, Value>) -> BTreeMap<String, String> {
    extra
        .iter()
        .filter_map(|(key, value)| {
            let name = key.strip_prefix("custom_")?;
            let text = match value {
                Value::Null => return None,
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Some((name.to_owned(), text))
        })
        .collect()
}

/// The thread, oldest first. `public: false` is an internal note; `user: null` is the
/// customer; a status change with no words is a system line naming the new status. The
/// follow-up's `title` is never shown: it is the ticket's title, not the message.
pub fn messages_from(dto: &TicketDto) -> Vec<Message> {
    let customer_email = dto.submitter_email.clone().filter(|e| !e.trim().is_empty());
    chronological(dto)
        .into_iter()
        .enumerate()
        .map(|(i, f)| {
            let role = role(i, f);
            let author = match role {
                Role::Opening | Role::Customer => Author {
                    kind: AuthorKind::Customer,
                    name: customer_email.clone().unwrap_or_default(),
                    id: customer_email.clone(),
                },
                Role::Agent(user) => {
                    Author { kind: AuthorKind::Agent, name: user.to_string(), id: Some(user.to_string()) }
                }
                Role::System => Author { kind: AuthorKind::System, name: String::new(), id: None },
            };
            let body = match (role, f.new_status) {
                (Role::System, Some(n)) => status_for(n, false, false).label,
                _ => f.comment.clone().unwrap_or_default(),
            };
            Message {
                id: f.id.to_string(),
                author,
                visibility: if f.public { Visibility::Public } else { Visibility::Internal },
                body: Body::Text(body),
                created_at: f.date,
                attachments: f
                    .followupattachment_set
                    .iter()
                    // A row whose file is gone has nothing to download.
                    .filter_map(|a| {
                        let url = a.file.clone().filter(|u| !u.is_empty())?;
                        Some(Attachment {
                            id: a.id.to_string(),
                            name: a.filename.clone(),
                            mime: a.mime_type.clone(),
                            size: a.size,
                            url,
                        })
                    })
                    .collect(),
            }
        })
        .collect()
}

pub fn thread_from(dto: &TicketDto, queues: &[Department]) -> TicketThread {
    TicketThread { ticket: ticket_from(dto, queues), messages: messages_from(dto) }
}

/// One `tickets/?page=` answer. `page` and `per_page` are what the adapter asked for (DRF's
/// `page_size`); `total` is the server's count over every page.
pub fn page_from(dto: &PageDto<TicketDto>, page: u32, per_page: u32, queues: &[Department]) -> TicketPage {
    TicketPage {
        tickets: dto.results.iter().map(|t| ticket_from(t, queues)).collect(),
        total: usize::try_from(dto.count).unwrap_or(usize::MAX),
        page,
        per_page,
        partial: false,
    }
}

/// A row of the customer's own list (`user_tickets/`). That listing has no priority, no
/// thread and one timestamp, so: priority is an empty-keyed "Medium" the UI should not
/// present as the ticket's, updated = created, no reply times, and the status can't be
/// waiting-on-customer (nobody's last word is known).
pub fn customer_ticket_from(row: &UserTicketDto) -> Ticket {
    let created_at = row.created.as_deref().and_then(parse_server_datetime).unwrap_or_default();
    let email = row.submitter.clone().filter(|e| !e.trim().is_empty());
    Ticket {
        id: row.id,
        number: tracking_code(&row.ticket).unwrap_or_else(|| row.id.to_string()),
        subject: row.title.clone(),
        status: status_from_label(&row.status),
        priority: Priority { key: String::new(), label: String::new(), level: PriorityLevel::Medium },
        department: Some(Department { key: row.queue.id.to_string(), label: row.queue.title.clone() }),
        assignee: None,
        customer: customer(email),
        tags: Vec::new(),
        created_at,
        updated_at: created_at,
        first_response_at: None,
        closed_at: None,
        last_customer_reply_at: None,
        last_agent_reply_at: None,
        reply_count: 0,
        custom_fields: custom_fields(&row.extra),
    }
}

/// `"12 [billing-12]"` → `"billing-12"`, the code django-helpdesk's mails show the customer.
fn tracking_code(ticket: &str) -> Option<String> {
    let start = ticket.find('[')? + 1;
    let end = start + ticket[start..].find(']')?;
    Some(ticket[start..end].trim().to_owned()).filter(|c| !c.is_empty())
}

/// `Ticket.get_status` text: a label, then " - On Hold" and/or " - Open dependencies".
fn status_from_label(label: &str) -> Status {
    let mut parts = label.split(" - ");
    let base = parts.next().unwrap_or_default().trim();
    let on_hold = parts.any(|p| p.trim() == "On Hold");
    match STATUSES.iter().find(|s| s.1.eq_ignore_ascii_case(base)) {
        Some(&(number, _, kind)) => Status {
            key: number.to_string(),
            label: label.to_owned(),
            kind: if on_hold { StatusKind::OnHold } else { kind },
        },
        // A translated or custom label: shown as the server wrote it, treated as open.
        None => Status {
            key: label.to_owned(),
            label: label.to_owned(),
            kind: if on_hold { StatusKind::OnHold } else { StatusKind::Open },
        },
    }
}

/// The queues the customer's rows name (`user_tickets/` carries queue titles; `tickets/`
/// only ids), by id, each once.
pub fn queues_seen(rows: &[UserTicketDto]) -> Vec<Department> {
    let mut seen: BTreeMap<u64, String> = BTreeMap::new();
    for row in rows {
        seen.entry(row.queue.id).or_insert_with(|| row.queue.title.clone());
    }
    seen.into_iter().map(|(id, label)| Department { key: id.to_string(), label }).collect()
}

// ---------------------------------------------------------------------------------------
// Writes

/// `POST tickets/` as JSON. `priority` and `description` always go: without the first the
/// server answers 400, without the second a 500 HTML page. Text goes exactly as typed.
/// An unknown or missing priority key becomes Normal, as the server's own form defaults;
/// the adapter checks keys with `priority_number` first when it wants to refuse them.
/// Not sent: the customer's name (django-helpdesk keeps only an e-mail) and attachments,
/// which need multipart (`attachment` on this call, or `attachments` on a follow-up).
pub fn create_body(new: &NewTicket, queue_id: u64) -> Value {
    let priority = new.priority.as_deref().and_then(priority_number).unwrap_or(DEFAULT_PRIORITY);
    let mut body = json!({
        "queue": queue_id,
        "title": new.subject,
        "description": new.body,
        "priority": priority,
    });
    if !new.customer_email.trim().is_empty() {
        body["submitter_email"] = Value::String(new.customer_email.clone());
    }
    body
}

/// `POST followups/` as JSON. `public` always goes because the server's default is an
/// internal note; `title` never does because the server would rename the ticket with it.
/// The server renders `{{ … }}` in the comment as a template variable: that is its feature,
/// so the text is sent as typed.
/// `tickets/` takes one file (`attachment`); more go with a follow-up.
pub const MAX_CREATE_ATTACHMENTS: usize = 1;

/// Refuses, before sending, what the server would: too many or too large files.
pub fn check_attachments(files: &[NewAttachment], max_count: usize) -> Result<(), ApiError> {
    if files.len() > max_count {
        return Err(ApiError::validation("attachments", "too_many"));
    }
    match files.iter().find(|f| f.bytes.len() as u64 > MAX_ATTACHMENT_BYTES) {
        Some(_) => Err(ApiError::validation("attachments", "too_large")),
        None => Ok(()),
    }
}

/// A JSON write body as form fields (strings, numbers and booleans as text; nulls left
/// out) with the files under `file_field`, for `multipart/form-data`.
pub fn multipart_body(json: &Value, file_field: &str, files: &[NewAttachment]) -> HttpBody {
    let mut parts: Vec<FormPart> = json
        .as_object()
        .into_iter()
        .flatten()
        .filter_map(|(name, value)| {
            let value = match value {
                Value::String(s) => s.clone(),
                Value::Null => return None,
                other => other.to_string(),
            };
            Some(FormPart::Text { name: name.clone(), value })
        })
        .collect();
    parts.extend(files.iter().map(|f| FormPart::File {
        name: file_field.to_owned(),
        file_name: f.name.clone(),
        mime: f.mime.clone(),
        bytes: f.bytes.clone(),
    }));
    HttpBody::Multipart(parts)
}

pub fn followup_body(ticket_id: u64, text: &str, public: bool, new_status: Option<u8>) -> Value {
    let mut body = json!({ "ticket": ticket_id, "comment": text, "public": public });
    if let Some(n) = new_status {
        body["new_status"] = json!(n);
    }
    body
}

/// `PATCH tickets/N/` with only the fields that change. The server logs no follow-up for a
/// PATCH, so the thread and `closed_at` won't show a status changed this way; a status change
/// that should appear in the history goes as `followup_body(.., new_status)` instead.
pub fn patch_body(update: &TicketUpdate) -> Result<Value, ApiError> {
    let mut body = Map::new();
    let mut errors = Vec::new();
    let mut set = |server: &str, value: Result<Value, (&str, &str)>| match value {
        Ok(v) => {
            body.insert(server.to_owned(), v);
        }
        Err((field, code)) => errors.push(FieldError { field: field.into(), message: code.into() }),
    };
    if let Some(key) = &update.status {
        set("status", status_number(key).map(Value::from).ok_or(("status", "unknown")));
    }
    if let Some(key) = &update.priority {
        set("priority", priority_number(key).map(Value::from).ok_or(("priority", "unknown")));
    }
    match &update.assignee {
        None => {}
        Some(None) => set("assigned_to", Ok(Value::Null)),
        Some(Some(id)) => set("assigned_to", id.parse::<u64>().map(Value::from).map_err(|_| ("assignee", "unknown"))),
    }
    match update.department.as_deref() {
        None => {}
        // Every django-helpdesk ticket is in a queue.
        Some("") => set("queue", Err(("department", "required"))),
        Some(key) => set("queue", key.parse::<u64>().map(Value::from).map_err(|_| ("department", "unknown"))),
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    // No tags in django-helpdesk: clearing them is a no-op, setting them can't be done.
    if update.tags.as_ref().is_some_and(|t| !t.is_empty()) {
        return Err(ApiError::Unsupported("tags".into()));
    }
    Ok(Value::Object(body))
}

// ---------------------------------------------------------------------------------------
// Capabilities

/// Largest upload offered. django-helpdesk sets none of its own, but it e-mails attachments
/// to the customer only up to `HELPDESK_MAX_EMAIL_ATTACHMENT_SIZE` (512000 by default), and
/// the usual front server (nginx) refuses bodies over 1 MB.
pub const MAX_ATTACHMENT_BYTES: u64 = 512_000;

/// What the API does for a staff user (token, basic or session auth).
///
/// The API has no listing of queues, agents, tags or reports (`OPTIONS tickets/` lists no
/// choices for `queue` or `assigned_to` either). The adapter therefore takes its queues
/// (id → title) and agents (id → name) from the runtime configuration, and fills gaps from
/// what it sees: queue ids on tickets (shown by id until named), queue titles on the
/// customer's `user_tickets/` rows (`queues_seen`). Without configured queues, creating a
/// ticket needs a configured default queue id.
pub fn capabilities() -> Capabilities {
    Capabilities {
        list_tickets: true,
        threads: true,
        create_ticket: true,
        reply: true,
        internal_notes: true,
        attachments: true,
        max_attachment_bytes: MAX_ATTACHMENT_BYTES,
        // Every ticket has a queue and PATCH moves it; the names come from configuration.
        departments: true,
        tags: false,
        assignment: true,
        priorities: true,
        // `search`, `queue` and `ordering` are silently ignored; only numeric `?status=` works.
        server_search: false,
        server_status_filter: true,
        server_sort: false,
        close_reopen: true,
        bulk: false,
        // The public "view ticket" page needs the ticket's secret key, and it is HTML, not API.
        guest_tracking: false,
        reports: false,
    }
}

/// What the API does for a logged-in customer: `tickets/` and `followups/` are staff-only
/// (403), so a customer can list their own tickets (`user_tickets/`) and nothing more — no
/// thread, no reply, no new ticket through the API.
pub fn customer_capabilities() -> Capabilities {
    Capabilities {
        list_tickets: true,
        threads: false,
        create_ticket: false,
        reply: false,
        internal_notes: false,
        attachments: false,
        max_attachment_bytes: 0,
        departments: true,
        tags: false,
        assignment: false,
        priorities: false,
        server_search: false,
        server_status_filter: false,
        server_sort: false,
        close_reopen: false,
        bulk: false,
        guest_tracking: false,
        reports: false,
    }
}
