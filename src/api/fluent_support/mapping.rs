//! Fluent Support DTOs → domain, domain writes → request bodies, HTTP answers → `ApiError`.
//! Pure functions: the adapter does the HTTP and calls these on what it got.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use serde_json::{json, Map, Value};

use super::dto::{AttachmentDto, EssentialsDto, PaginatedDto, PersonDto, ResponseDto, TicketDto, TicketViewDto};
use crate::api::http::FormPart;
use crate::api::json::shorten;
use crate::api::wordpress::{rest_error, site_local_time};
use crate::api::{ApiError, Capabilities, FieldError};
use crate::domain::html::html_to_text;
use crate::domain::{
    AssigneeFilter, Attachment, Author, AuthorKind, Body, Department, Message, NewAttachment, NewTicket, Person,
    Priority, PriorityLevel, SortField, Status, StatusKind, Ticket, TicketPage, TicketQuery, TicketThread,
    TicketUpdate, Visibility, Vocabulary,
};

pub use crate::api::json::decode;

// ---------------------------------------------------------------------------------------
// Errors

/// What a non-2xx answer means for the user. Core's `{code, message, data}` (sign-in and
/// permission callbacks) goes to `rest_error`; the plugin's own bodies are told apart here.
/// Its controllers catch their exceptions and answer 422 with the message, so a missing
/// ticket is a 422 saying "No query results for model …", not a 404.
pub fn error_for(status: u16, body: &str) -> ApiError {
    let json: Option<Value> = serde_json::from_str(body).ok();
    let message = |v: &Value| v.get("message").and_then(Value::as_str).map(str::to_owned);
    match &json {
        Some(v) if v.get("code").is_some() => match rest_error(status, body) {
            // WordPress's fatal-error handler puts its HTML page into `message`.
            ApiError::Server { status, message } if message.contains('<') => {
                ApiError::Server { status, message: first_line(&html_to_text(&message), status) }
            }
            other => other,
        },
        Some(Value::String(text)) => refusal(status, text),
        Some(Value::Object(map)) if map.contains_key("message") => {
            refusal(status, &json.as_ref().and_then(message).unwrap_or_default())
        }
        Some(Value::Object(map)) if status == 422 && !map.is_empty() => ApiError::Validation(field_errors(map)),
        _ if body.trim_start().starts_with('<') => {
            ApiError::Server { status, message: first_line(&html_to_text(body), status) }
        }
        _ => rest_error(status, body),
    }
}

/// A customer without a customer record yet (none until their first ticket): the portal
/// answers its reads with 422 "Customer not found". For a list that means "no tickets".
pub fn is_unknown_customer(status: u16, body: &str) -> bool {
    status == 422
        && serde_json::from_str::<Value>(body)
            .ok()
            .and_then(|v| v.get("message").and_then(Value::as_str).map(str::to_owned))
            .is_some_and(|m| m == "Customer not found")
}

/// A controller's caught exception. English because the plugin's messages are (a translated
/// site falls through to a form-level message in its own words).
fn refusal(status: u16, text: &str) -> ApiError {
    let lower = text.to_lowercase();
    if text.starts_with("No query results for model") || text == "Customer not found" || text == "Sorry! No customer found" {
        ApiError::NotFound
    } else if ["permission", "not allowed", "can not", "cannot", "do not have access"].iter().any(|w| lower.contains(w)) {
        ApiError::Forbidden
    } else if status == 422 {
        ApiError::Validation(vec![FieldError { field: "form".into(), message: shorten(text) }])
    } else {
        ApiError::Server { status, message: if text.trim().is_empty() { format!("HTTP {status}") } else { shorten(text) } }
    }
}

fn first_line(text: &str, status: u16) -> String {
    text.lines().map(str::trim).find(|l| !l.is_empty()).map(shorten).unwrap_or_else(|| format!("HTTP {status}"))
}

/// Server field → the name our forms use, so the message lands beside the right input.
fn our_field(server: &str) -> &str {
    match server {
        "title" | "ticket.title" => "subject",
        "content" | "ticket.content" => "body",
        "email" | "newCustomer.email" => "customer_email",
        "mailbox_id" | "ticket.mailbox_id" => "department",
        "client_priority" | "priority" | "ticket.priority" | "ticket.client_priority" => "priority",
        "file" | "attachments" => "attachments",
        other => other,
    }
}

/// The validator's rule names → the codes our UI translates; other rules keep the message.
fn our_message(rule: &str, message: &str) -> String {
    match rule {
        "required" => "required".into(),
        "email" => "invalid_email".into(),
        "mimetypes" | "mimes" => "type_not_allowed".into(),
        "max" => "too_large".into(),
        _ => shorten(message),
    }
}

/// Upper bound on reported field errors: a hostile or broken body must not fill the screen.
const MAX_FIELD_ERRORS: usize = 20;

/// `{field: {rule: message}}`; a field whose value is a bare message is taken as it is.
fn field_errors(map: &Map<String, Value>) -> Vec<FieldError> {
    let mut out = Vec::new();
    for (name, value) in map {
        let field = our_field(name).to_owned();
        let rules: Vec<(String, String)> = match value {
            Value::Object(rules) => rules
                .iter()
                .map(|(rule, m)| (rule.clone(), m.as_str().map(str::to_owned).unwrap_or_else(|| m.to_string())))
                .collect(),
            Value::String(m) => vec![(String::new(), m.clone())],
            other => vec![(String::new(), other.to_string())],
        };
        for (rule, message) in rules {
            if out.len() == MAX_FIELD_ERRORS {
                return out;
            }
            out.push(FieldError { field: field.clone(), message: our_message(&rule, &message) });
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// Statuses and priorities

/// The plugin's `ticketStatuses()` with its English labels. "Waiting on customer" is not one
/// of them: an `active` ticket whose last word is the agent's is shown as waiting.
const STATUSES: [(&str, &str, StatusKind); 3] = [
    ("new", "New", StatusKind::New),
    ("active", "Active", StatusKind::Open),
    ("closed", "Closed", StatusKind::Closed),
];

/// `adminTicketPriorities()` (the customer's list is the same). "Normal" is the lowest of the
/// three and the column's default, so it is the low level.
const PRIORITIES: [(&str, &str, PriorityLevel); 3] = [
    ("normal", "Normal", PriorityLevel::Low),
    ("medium", "Medium", PriorityLevel::Medium),
    ("critical", "Critical", PriorityLevel::Critical),
];

const DEFAULT_PRIORITY: &str = "normal";

/// A status by its key. An unknown key (a site's own, through the plugin's filters) keeps its
/// key as label and counts as open, so it stays in the "needs work" lists; `on-hold`, which
/// the portal's "open" group names, is on hold.
pub fn status_for(key: &str, waiting_on_customer: bool) -> Status {
    let known = STATUSES.iter().find(|s| s.0 == key);
    let kind = match known.map(|s| s.2) {
        Some(StatusKind::Open) if waiting_on_customer => StatusKind::WaitingOnCustomer,
        Some(kind) => kind,
        None if key == "on-hold" => StatusKind::OnHold,
        None => StatusKind::Open,
    };
    Status { key: key.to_owned(), label: known.map_or_else(|| key.to_owned(), |s| s.1.to_owned()), kind }
}

pub fn priority_for(key: &str) -> Priority {
    let key = if key.trim().is_empty() { DEFAULT_PRIORITY } else { key };
    match PRIORITIES.iter().find(|p| p.0 == key) {
        Some((k, label, level)) => Priority { key: (*k).to_owned(), label: (*label).to_owned(), level: *level },
        None => Priority { key: key.to_owned(), label: key.to_owned(), level: PriorityLevel::Medium },
    }
}

pub fn statuses() -> Vec<Status> {
    STATUSES.iter().map(|s| status_for(s.0, false)).collect()
}

pub fn priorities() -> Vec<Priority> {
    PRIORITIES.iter().map(|p| priority_for(p.0)).collect()
}

fn is_known_priority(key: &str) -> bool {
    PRIORITIES.iter().any(|p| p.0 == key)
}

/// The session's vocabulary from `tickets/ticket-essentials` (admins only): the site's own
/// statuses, priorities, mailboxes (our departments) and agents, in the server's order.
pub fn vocabulary_from(dto: &EssentialsDto) -> Vocabulary {
    let statuses = if dto.ticket_statuses.is_empty() {
        statuses()
    } else {
        dto.ticket_statuses.iter().map(|(key, label)| Status { label: label.clone(), ..status_for(key, false) }).collect()
    };
    let priorities = if dto.admin_priorities.is_empty() {
        priorities()
    } else {
        dto.admin_priorities.iter().map(|(key, label)| Priority { label: label.clone(), ..priority_for(key) }).collect()
    };
    Vocabulary {
        statuses,
        priorities,
        departments: dto.mailboxes.iter().map(|m| Department { key: m.id.to_string(), label: m.name.clone() }).collect(),
        agents: dto.agents.iter().map(person_from).collect(),
    }
}

/// The vocabulary without `ticket-essentials` (agents without the settings permission,
/// customers): the plugin's default statuses and priorities, departments and agents from the
/// adapter's configuration.
pub fn vocabulary(mailboxes: &[Department], agents: &[Person]) -> Vocabulary {
    Vocabulary { statuses: statuses(), priorities: priorities(), departments: mailboxes.to_vec(), agents: agents.to_vec() }
}

// ---------------------------------------------------------------------------------------
// Tickets and threads

fn person_name(p: &PersonDto) -> String {
    match p.full_name.as_deref().map(str::trim) {
        Some(full) if !full.is_empty() => full.to_owned(),
        _ => {
            let parts: Vec<&str> =
                [p.first_name.as_deref(), p.last_name.as_deref()].into_iter().flatten().map(str::trim).filter(|s| !s.is_empty()).collect();
            if parts.is_empty() {
                p.email.clone().unwrap_or_else(|| p.id.to_string())
            } else {
                parts.join(" ")
            }
        }
    }
}

fn person_from(p: &PersonDto) -> Person {
    Person { id: p.id.to_string(), name: person_name(p), email: p.email.clone().filter(|e| !e.trim().is_empty()) }
}

/// A related person by its relation, or by the bare id when the call did not load it.
fn person_or_id(relation: Option<&PersonDto>, id: Option<u64>) -> Option<Person> {
    match (relation, id) {
        (Some(p), _) => Some(person_from(p)),
        (None, Some(id)) => Some(Person { id: id.to_string(), name: id.to_string(), email: None }),
        (None, None) => None,
    }
}

fn local(text: Option<&str>, offset: FixedOffset) -> Option<DateTime<Utc>> {
    text.and_then(|t| site_local_time(t, offset))
}

/// Fluent Support stores who spoke last (site-local times, to the second) but has no
/// "waiting on customer": an active ticket whose last agent reply is later than the
/// customer's last word is waiting on the customer.
pub fn is_waiting_on_customer(dto: &TicketDto, offset: FixedOffset) -> bool {
    let agent = local(dto.last_agent_response.as_deref(), offset);
    let customer = local(dto.last_customer_response.as_deref(), offset);
    dto.status == "active" && agent.is_some_and(|a| customer.is_none_or(|c| a > c))
}

/// The ticket as the lists show it. `offset` is the site's UTC offset, for the columns the
/// server writes as its wall clock without saying so (`last_*_response`, `resolved_at`).
/// `mailboxes` names a mailbox the call did not load (the portal list has none).
pub fn ticket_from(dto: &TicketDto, offset: FixedOffset, mailboxes: &[Department]) -> Ticket {
    let department = match (&dto.mailbox, dto.mailbox_id) {
        (Some(m), _) => Some(Department { key: m.id.to_string(), label: m.name.clone() }),
        (None, Some(id)) => Some(
            mailboxes
                .iter()
                .find(|d| d.key == id.to_string())
                .cloned()
                .unwrap_or_else(|| Department { key: id.to_string(), label: id.to_string() }),
        ),
        (None, None) => None,
    };
    let mut custom_fields = std::collections::BTreeMap::new();
    if let Some(choice) = dto.client_priority.as_deref().filter(|c| !c.trim().is_empty()) {
        // What the customer picked; `priority` is the agents' own judgement.
        custom_fields.insert("client_priority".to_owned(), choice.to_owned());
    }
    Ticket {
        id: dto.id,
        // 1.8.4 has no ticket numbers of its own (2.x adds `serial_number`): the id it is.
        number: dto.id.to_string(),
        subject: dto.title.clone(),
        status: status_for(&dto.status, is_waiting_on_customer(dto, offset)),
        priority: priority_for(dto.priority.as_deref().unwrap_or_default()),
        department,
        assignee: person_or_id(dto.agent.as_ref(), dto.agent_id),
        customer: person_or_id(dto.customer.as_ref(), dto.customer_id)
            .unwrap_or(Person { id: String::new(), name: String::new(), email: None }),
        tags: dto.tags.iter().map(|t| t.title.clone()).collect(),
        created_at: dto.created_at,
        updated_at: dto.updated_at.unwrap_or(dto.created_at),
        first_response_at: dto
            .first_response_time
            .and_then(|secs| i64::try_from(secs).ok())
            .and_then(Duration::try_seconds)
            .and_then(|d| dto.created_at.checked_add_signed(d)),
        // Closing through `property` sets no `resolved_at`: then there is no time to give.
        closed_at: local(dto.resolved_at.as_deref(), offset).filter(|_| dto.status == "closed"),
        last_customer_reply_at: local(dto.last_customer_response.as_deref(), offset),
        last_agent_reply_at: local(dto.last_agent_response.as_deref(), offset),
        reply_count: dto.response_count.map_or(0, |n| u32::try_from(n).unwrap_or(u32::MAX)),
        custom_fields,
    }
}

fn attachment_from(a: &AttachmentDto) -> Option<Attachment> {
    // Without its signed URL a file cannot be downloaded: nothing to show.
    let url = a.secure_url.clone().filter(|u| !u.trim().is_empty())?;
    Some(Attachment {
        id: a.id.to_string(),
        name: a.title.clone().unwrap_or_else(|| a.id.to_string()),
        mime: a.file_type.clone().unwrap_or_else(|| "application/octet-stream".into()),
        size: a.file_size.unwrap_or(0),
        url,
    })
}

/// The thread, oldest first: the ticket's own `content` is the opening message (the
/// customer's, even when an agent filed it), then the responses, which the server sends
/// newest first. `note` is internal; `internal_info` is a system event (closed, re-opened,
/// assigned), internal too. Bodies are HTML as the server sent them.
pub fn messages_from(view: &TicketViewDto) -> Vec<Message> {
    let t = &view.ticket;
    let customer = person_or_id(t.customer.as_ref(), t.customer_id);
    let opening = Message {
        id: format!("ticket-{}", t.id),
        author: Author {
            kind: AuthorKind::Customer,
            name: customer.as_ref().map(|c| c.name.clone()).unwrap_or_default(),
            id: customer.as_ref().map(|c| c.id.clone()),
        },
        visibility: Visibility::Public,
        body: Body::Html(t.content.clone().unwrap_or_default()),
        created_at: t.created_at,
        attachments: t.attachments.iter().filter(|a| a.conversation_id.is_none()).filter_map(attachment_from).collect(),
    };
    let mut responses: Vec<&ResponseDto> = view.responses.iter().collect();
    responses.sort_by_key(|r| (r.created_at, r.id));
    let rest = responses.into_iter().map(|r| {
        let person = person_or_id(r.person.as_ref(), r.person_id);
        let is_customer = match r.person.as_ref().and_then(|p| p.person_type.as_deref()) {
            Some(kind) => kind == "customer",
            None => r.person_id.is_some() && r.person_id == t.customer_id,
        };
        let kind = match r.conversation_type.as_str() {
            "internal_info" => AuthorKind::System,
            _ if is_customer => AuthorKind::Customer,
            _ => AuthorKind::Agent,
        };
        Message {
            id: r.id.to_string(),
            author: Author {
                kind,
                name: person.as_ref().map(|p| p.name.clone()).unwrap_or_default(),
                id: person.map(|p| p.id),
            },
            // Only a `response` reaches the customer; anything else stays with the agents.
            visibility: if r.conversation_type == "response" { Visibility::Public } else { Visibility::Internal },
            body: Body::Html(r.content.clone().unwrap_or_default()),
            created_at: r.created_at,
            attachments: r.attachments.iter().filter_map(attachment_from).collect(),
        }
    });
    std::iter::once(opening).chain(rest).collect()
}

pub fn thread_from(view: &TicketViewDto, offset: FixedOffset, mailboxes: &[Department]) -> TicketThread {
    TicketThread { ticket: ticket_from(&view.ticket, offset, mailboxes), messages: messages_from(view) }
}

/// One page of a list answered by the server as asked (see `ListPlan::exact`).
pub fn page_from(dto: &PaginatedDto<TicketDto>, offset: FixedOffset, mailboxes: &[Department]) -> TicketPage {
    TicketPage {
        tickets: dto.data.iter().map(|t| ticket_from(t, offset, mailboxes)).collect(),
        total: usize::try_from(dto.total).unwrap_or(usize::MAX),
        page: u32::try_from(dto.current_page).unwrap_or(u32::MAX),
        per_page: u32::try_from(dto.per_page).unwrap_or(u32::MAX),
        partial: false,
    }
}

// ---------------------------------------------------------------------------------------
// Lists: what the server can filter

/// The query parameters for a ticket list, and whether the server's answer is exactly the
/// query's (`exact`: one request with `page` and `per_page`) or a superset the adapter must
/// fetch whole and filter, sort and page itself. An agent's search runs on the server (title,
/// content and id, with its `column:value` syntax) and is not repeated locally; the portal
/// cannot search, so a customer's search runs locally.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListPlan {
    pub params: Vec<(String, String)>,
    pub exact: bool,
}

/// The server statuses that can carry each kind, and whether a kind needs a local pass on
/// top (open and waiting-on-customer are both `active`, told apart by reply times).
fn server_statuses(kinds: &[StatusKind]) -> (Vec<&'static str>, bool) {
    let has = |k| kinds.contains(&k);
    let mut keys = Vec::new();
    if has(StatusKind::New) {
        keys.push("new");
    }
    if has(StatusKind::Open) || has(StatusKind::WaitingOnCustomer) {
        keys.push("active");
    }
    if has(StatusKind::OnHold) {
        keys.push("on-hold");
    }
    if has(StatusKind::Closed) {
        keys.push("closed");
    }
    (keys, has(StatusKind::Open) != has(StatusKind::WaitingOnCustomer))
}

fn priority_keys(levels: &[PriorityLevel]) -> Vec<&'static str> {
    PRIORITIES.iter().filter(|p| levels.contains(&p.2)).map(|p| p.0).collect()
}

fn sort_column(field: SortField) -> Option<&'static str> {
    match field {
        SortField::Created => Some("created_at"),
        SortField::Updated => Some("updated_at"),
        SortField::Number => Some("id"),
        // Priorities are text: the server would sort them alphabetically.
        SortField::Priority => None,
    }
}

fn pair(name: &str, value: &str) -> (String, String) {
    (name.to_owned(), value.to_owned())
}

/// `GET /tickets` for an agent. `None`: nothing can match (a status or priority this
/// backend does not have), so no request is needed.
pub fn agent_list_plan(query: &TicketQuery) -> Option<ListPlan> {
    let mut params = Vec::new();
    let mut exact = true;
    if !query.statuses.is_empty() {
        let (keys, refine) = server_statuses(&query.statuses);
        exact &= !refine;
        match keys.as_slice() {
            [] => return None,
            ["new"] => params.push(pair("filters[status_type]", "new")),
            ["active"] => params.push(pair("filters[status_type]", "active")),
            ["closed"] => params.push(pair("filters[status_type]", "closed")),
            ["new", "active"] => params.push(pair("filters[status_type]", "open")),
            // No group for this mix: every status, then filtered here.
            _ => exact &= keys == ["new", "active", "closed"],
        }
    }
    if !query.priorities.is_empty() {
        match priority_keys(&query.priorities).as_slice() {
            [] => return None,
            [one] => params.push(pair("filters[priority]", one)),
            keys => exact &= keys.len() == PRIORITIES.len(),
        }
    }
    if let Some(mailbox) = &query.department {
        params.push(pair("filters[mailbox_id]", mailbox));
    }
    match &query.assignee {
        AssigneeFilter::Any => {}
        AssigneeFilter::Unassigned => params.push(pair("filters[agent_id]", "unassigned")),
        // `filters[agent_id]=N` is honoured only by Fluent Support Pro.
        AssigneeFilter::Agent(_) => exact = false,
    }
    exact &= query.tags.is_empty() && query.customer_email.is_none();
    exact &= query.created_from.is_none() && query.created_to.is_none();
    if !query.search.trim().is_empty() {
        params.push(pair("search", query.search.trim()));
    }
    match sort_column(query.sort) {
        Some(column) => {
            params.push(pair("order_by", column));
            params.push(pair("order_type", if query.descending { "DESC" } else { "ASC" }));
        }
        None => exact = false,
    }
    Some(ListPlan { params, exact })
}

/// `GET /customer-portal/tickets` for a customer. The portal list honours only `filter_type`
/// (`open` = new, active and on-hold; `closed`) and paging: it ignores `search` and
/// `sorting[…]` and always puts the latest `updated_at` first, so everything else runs here.
pub fn customer_list_plan(query: &TicketQuery) -> Option<ListPlan> {
    let mut params = Vec::new();
    let mut exact = true;
    if !query.statuses.is_empty() {
        let (keys, refine) = server_statuses(&query.statuses);
        exact &= !refine;
        if keys.is_empty() {
            return None;
        }
        let open = ["new", "active", "on-hold"];
        if keys == ["closed"] {
            params.push(pair("filter_type", "closed"));
        } else if keys.iter().all(|k| open.contains(k)) {
            params.push(pair("filter_type", "open"));
            exact &= keys == open;
        } else {
            exact &= keys.len() == 4;
        }
    }
    exact &= query.search.trim().is_empty() && query.priorities.is_empty() && query.department.is_none();
    exact &= query.assignee == AssigneeFilter::Any && query.tags.is_empty();
    exact &= query.created_from.is_none() && query.created_to.is_none();
    exact &= query.sort == SortField::Updated && query.descending;
    Some(ListPlan { params, exact })
}

// ---------------------------------------------------------------------------------------
// Writes

/// Typed text as the HTML the server stores: escaped, line breaks kept as `<br>`. The server
/// decodes entities again on portal writes and new tickets (its own `wp_specialchars_decode`),
/// so there a typed tag that `wp_kses_post` allows becomes markup; agent replies keep it as
/// text.
pub fn text_to_html(text: &str) -> String {
    crate::domain::html::text_to_html(text, "<br>\n")
}

fn priority_key(key: Option<&str>) -> Result<Option<String>, FieldError> {
    match key.map(str::trim) {
        None | Some("") => Ok(None),
        Some(k) if is_known_priority(k) => Ok(Some(k.to_owned())),
        Some(_) => Err(FieldError { field: "priority".into(), message: "unknown".into() }),
    }
}

fn mailbox_id(key: Option<&str>) -> Result<Option<u64>, FieldError> {
    match key.map(str::trim) {
        None | Some("") => Ok(None),
        Some(k) => k.parse().map(Some).map_err(|_| FieldError { field: "department".into(), message: "unknown".into() }),
    }
}

/// `POST /tickets` for an agent. The customer is named by e-mail: the server reuses the
/// customer with that address or creates one (no WordPress user). Attachments are the hashes
/// of files uploaded before, and go beside `ticket`, not inside it.
pub fn agent_create_body(new: &NewTicket, attachments: &[String]) -> Result<Value, ApiError> {
    let mut errors = Vec::new();
    if new.customer_email.trim().is_empty() {
        errors.push(FieldError { field: "customer_email".into(), message: "required".into() });
    }
    let priority = priority_key(new.priority.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
    let mailbox = mailbox_id(new.department.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut ticket = json!({ "title": new.subject, "content": text_to_html(&new.body), "create_customer": "yes" });
    if let Some(p) = priority {
        ticket["priority"] = json!(p);
        ticket["client_priority"] = json!(p);
    }
    if let Some(m) = mailbox {
        ticket["mailbox_id"] = json!(m);
    }
    let name = new.customer_name.trim();
    let (first, last) = name.split_once(char::is_whitespace).unwrap_or((name, ""));
    let mut body = json!({
        "ticket": ticket,
        "newCustomer": { "email": new.customer_email.trim(), "first_name": first, "last_name": last.trim() },
    });
    if !attachments.is_empty() {
        body["attachments"] = json!(attachments);
    }
    Ok(body)
}

/// `POST /customer-portal/tickets`: the signed-in customer's own ticket. `client_priority`
/// is all a customer can choose (the agents' `priority` stays at its default).
pub fn portal_create_body(new: &NewTicket, attachments: &[String]) -> Result<Value, ApiError> {
    let mut errors = Vec::new();
    let priority = priority_key(new.priority.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
    let mailbox = mailbox_id(new.department.as_deref()).map_err(|e| errors.push(e)).ok().flatten();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut body = json!({ "title": new.subject, "content": text_to_html(&new.body) });
    if let Some(p) = priority {
        body["client_priority"] = json!(p);
    }
    if let Some(m) = mailbox {
        body["mailbox_id"] = json!(m);
    }
    if !attachments.is_empty() {
        body["attachments"] = json!(attachments);
    }
    Ok(body)
}

/// `POST /tickets/{id}/responses` (agent: a reply, or a note when `note`) or
/// `POST /customer-portal/tickets/{id}/responses` (customer: `conversation_type` is ignored
/// there, always a reply).
pub fn response_body(text: &str, note: bool, attachments: &[String]) -> Value {
    let mut body = json!({ "content": text_to_html(text), "conversation_type": if note { "note" } else { "response" } });
    if !attachments.is_empty() {
        body["attachments"] = json!(attachments);
    }
    body
}

/// `PUT /tickets/{id}/property`: one column at a time.
pub fn property_body(name: &str, value: &str) -> Value {
    json!({ "prop_name": name, "prop_value": value })
}

/// The multipart form of one upload. Agents say `is_agent=yes` (the file is then theirs);
/// `ticket_id` is left out for a ticket that does not exist yet.
pub fn upload_parts(file: &NewAttachment, ticket_id: Option<u64>, as_agent: bool) -> Vec<FormPart> {
    let mut parts = Vec::new();
    if let Some(id) = ticket_id {
        parts.push(FormPart::Text { name: "ticket_id".into(), value: id.to_string() });
    }
    if as_agent {
        parts.push(FormPart::Text { name: "is_agent".into(), value: "yes".into() });
    }
    parts.push(FormPart::File {
        name: "file".into(),
        file_name: file.name.clone(),
        mime: file.mime.clone(),
        bytes: file.bytes.clone(),
    });
    parts
}

/// One call an update turns into.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Step {
    Close,
    Reopen,
    Property(&'static str, String),
}

/// What an agent's update takes, given the ticket's current status key. Closing and
/// re-opening use their own calls, which record `resolved_at` and a log entry (`property`
/// would write the column alone); re-opening lands on `active`, so a wanted `new` follows as
/// a property. `property` ignores an empty value, so a ticket cannot be unassigned.
pub fn agent_update_steps(current_status: &str, update: &TicketUpdate) -> Result<Vec<Step>, ApiError> {
    let mut steps = Vec::new();
    let mut errors = Vec::new();
    if let Some(key) = update.status.as_deref() {
        match key {
            "closed" if current_status != "closed" => steps.push(Step::Close),
            "closed" => {}
            "active" | "new" => {
                let after = if current_status == "closed" {
                    steps.push(Step::Reopen);
                    "active"
                } else {
                    current_status
                };
                if after != key {
                    steps.push(Step::Property("status", key.to_owned()));
                }
            }
            _ => errors.push(FieldError { field: "status".into(), message: "unknown".into() }),
        }
    }
    if let Some(key) = update.priority.as_deref() {
        match priority_key(Some(key)) {
            Ok(Some(k)) => steps.push(Step::Property("priority", k)),
            _ => errors.push(FieldError { field: "priority".into(), message: "unknown".into() }),
        }
    }
    match &update.assignee {
        None | Some(None) => {}
        Some(Some(id)) => match id.trim().parse::<u64>() {
            Ok(n) => steps.push(Step::Property("agent_id", n.to_string())),
            Err(_) => errors.push(FieldError { field: "assignee".into(), message: "unknown".into() }),
        },
    }
    match update.department.as_deref().map(str::trim) {
        None => {}
        // Every ticket is in a mailbox.
        Some("") => errors.push(FieldError { field: "department".into(), message: "required".into() }),
        Some(key) => match mailbox_id(Some(key)) {
            Ok(Some(m)) => steps.push(Step::Property("mailbox_id", m.to_string())),
            Ok(None) => {}
            Err(e) => errors.push(e),
        },
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    if update.assignee == Some(None) {
        return Err(ApiError::Unsupported("unassigning a ticket".into()));
    }
    if update.tags.as_ref().is_some_and(|t| !t.is_empty()) {
        return Err(ApiError::Unsupported("tags".into()));
    }
    Ok(steps)
}

/// A customer can close and re-open their ticket, nothing else.
pub fn customer_update_steps(current_status: &str, update: &TicketUpdate) -> Result<Vec<Step>, ApiError> {
    let others = TicketUpdate { status: None, ..update.clone() };
    if others != TicketUpdate::default() {
        return Err(ApiError::Unsupported("changing a ticket other than closing or re-opening it".into()));
    }
    Ok(match update.status.as_deref() {
        None => vec![],
        Some("closed") if current_status != "closed" => vec![Step::Close],
        Some("active" | "new") if current_status == "closed" => vec![Step::Reopen],
        Some("closed" | "active" | "new") => vec![],
        Some(_) => return Err(ApiError::validation("status", "unknown")),
    })
}

// ---------------------------------------------------------------------------------------
// Attachments

/// The bytes of a download through `secureUrl`. That handler answers every failure with 200
/// and a line of HTML, and appends `readfile()`'s byte count to every file it serves (it
/// `echo`es the return value), which is cut off here.
pub fn attachment_bytes(status: u16, content_type: Option<&str>, bytes: &[u8]) -> Result<Vec<u8>, ApiError> {
    let text = || String::from_utf8_lossy(bytes).into_owned();
    if !(200..300).contains(&status) {
        return Err(error_for(status, &text()));
    }
    if content_type.is_some_and(|c| c.trim_start().to_ascii_lowercase().starts_with("text/html")) {
        let message = text();
        return Err(if message.contains("secure sign") {
            // Signed with the current UTC hour: a fresh read of the ticket has a fresh link.
            ApiError::Conflict("the download link has expired; open the ticket again".into())
        } else if message.contains("Invalid Attachment Hash") || message.contains("could not be found") {
            ApiError::NotFound
        } else {
            ApiError::Server { status, message: first_line(&html_to_text(&message), status) }
        });
    }
    Ok(strip_readfile_count(bytes).to_vec())
}

/// `file` followed by the decimal length of `file`, as `echo readfile()` prints it, → `file`.
/// Bytes that do not end that way are returned whole.
pub fn strip_readfile_count(bytes: &[u8]) -> &[u8] {
    let digits = bytes.iter().rev().take_while(|b| b.is_ascii_digit()).count().min(20);
    for k in 1..=digits {
        let (file, count) = bytes.split_at(bytes.len() - k);
        let n = std::str::from_utf8(count).ok().and_then(|s| s.parse::<usize>().ok());
        if n == Some(file.len()) && !(k > 1 && count[0] == b'0') {
            return file;
        }
    }
    bytes
}

// ---------------------------------------------------------------------------------------
// Capabilities

/// The plugin's default `max_file_size` (2 MB); a site may lower or raise it in its settings.
pub const MAX_ATTACHMENT_BYTES: u64 = 2 * 1024 * 1024;

/// What the API does for an agent (a WordPress user with an agent record).
pub fn capabilities() -> Capabilities {
    Capabilities {
        list_tickets: true,
        threads: true,
        create_ticket: true,
        reply: true,
        internal_notes: true,
        attachments: true,
        max_attachment_bytes: MAX_ATTACHMENT_BYTES,
        // Mailboxes: every ticket has one, and `property` moves it.
        departments: true,
        // Tags can be read but not created through the free plugin's API.
        tags: false,
        assignment: true,
        priorities: true,
        server_search: true,
        server_status_filter: true,
        server_sort: true,
        close_reopen: true,
        // The server has bulk close/assign/delete; this adapter does not offer them yet.
        bulk: false,
        // A signed ticket link exists (`intended_ticket_hash`) but is off by default.
        guest_tracking: false,
        reports: false,
    }
}

/// What the portal endpoints do for a signed-in customer: their own tickets, replies with
/// files, close and re-open; no notes, assignment or mailbox choice.
pub fn customer_capabilities() -> Capabilities {
    Capabilities {
        list_tickets: true,
        threads: true,
        create_ticket: true,
        reply: true,
        internal_notes: false,
        attachments: true,
        max_attachment_bytes: MAX_ATTACHMENT_BYTES,
        departments: false,
        tags: false,
        assignment: false,
        // The customer picks a `client_priority` on a new ticket.
        priorities: true,
        // The portal list ignores `search` and `sorting[…]`; only `filter_type` works.
        server_search: false,
        server_status_filter: true,
        server_sort: false,
        close_reopen: true,
        bulk: false,
        guest_tracking: false,
        reports: false,
    }
}
