//! Awesome Support DTOs → domain, domain writes → request bodies, HTTP answers → `ApiError`.
//! Pure functions: the adapter does the HTTP and calls these on what it got.

use std::collections::BTreeMap;

use chrono::{DateTime, Duration, Utc};
use serde_json::{json, Map, Value};

use super::dto::{
    parse_gmt, EmbeddedReplyDto, HistoryDto, MediaDto, PostStatusDto, ReplyDto, SettingsDto, TermDto, TicketDto,
    UserDto, WpErrorDto,
};
use crate::api::json::shorten;
use crate::api::wordpress::rest_error;
use crate::api::{ApiError, Capabilities, FieldError, Viewer};
use crate::domain::html::html_to_text;
use crate::domain::text::normalize_for_search;
use crate::domain::{
    AssigneeFilter, Attachment, Author, AuthorKind, Body, Department, Message, NewAttachment, NewTicket, Person,
    Priority, PriorityLevel, Status, StatusKind, Ticket, TicketQuery, TicketThread, TicketUpdate, Visibility,
    Vocabulary,
};

pub use crate::api::json::decode;

// ---------------------------------------------------------------------------------------
// What the adapter knows besides a ticket

/// Labels and people the ticket JSON refers to by slug or id, gathered from the vocabulary
/// calls (`/wp/v2/statuses`, the taxonomy routes, `/users?who=authors`). Every part may be
/// empty: the mapping then shows slugs and ids.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Directory {
    /// Ticket status slug → label, in the server's order.
    pub statuses: Vec<(String, String)>,
    pub departments: Vec<TermDto>,
    pub priorities: Vec<TermDto>,
    pub tags: Vec<TermDto>,
    /// The users who may work tickets (agents and admins).
    pub agents: Vec<Person>,
}

impl Directory {
    fn agent_name(&self, id: u64) -> Option<&str> {
        let key = id.to_string();
        self.agents.iter().find(|a| a.id == key).map(|a| a.name.as_str())
    }
}

/// The statuses the plugin ships, with its English labels (used until `/wp/v2/statuses`
/// says otherwise).
const DEFAULT_STATUSES: [(&str, &str, StatusKind); 3] = [
    ("queued", "New", StatusKind::New),
    ("processing", "In Progress", StatusKind::InProgress),
    ("hold", "On Hold", StatusKind::OnHold),
];

/// Closing a ticket keeps its status and sets `state: closed`; the domain sees one status.
pub const CLOSED_KEY: &str = "closed";
const CLOSED_LABEL: &str = "Closed";

/// Core's own post statuses (and the plugin's reply statuses): not ticket statuses.
const NOT_TICKET_STATUSES: [&str; 10] =
    ["publish", "future", "draft", "pending", "private", "trash", "auto-draft", "inherit", "read", "unread"];

/// The ticket statuses among core's post statuses (`/wp/v2/statuses`), slug → label. A site's
/// own statuses (added by a filter or an add-on) are kept; core's and the reply statuses are not.
pub fn ticket_statuses(all: &BTreeMap<String, PostStatusDto>) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = all
        .values()
        .filter(|s| !NOT_TICKET_STATUSES.contains(&s.slug.as_str()) && !s.slug.starts_with("request-"))
        .map(|s| (s.slug.clone(), s.name.clone()))
        .collect();
    // The plugin's three first, in its own order; others after them by slug.
    found.sort_by_key(|(slug, _)| {
        (DEFAULT_STATUSES.iter().position(|d| d.0 == slug).unwrap_or(usize::MAX), slug.clone())
    });
    found
}

fn status_kind(key: &str) -> StatusKind {
    DEFAULT_STATUSES.iter().find(|d| d.0 == key).map_or(StatusKind::Open, |d| d.2)
}

/// `status` + `state` → the domain's status. A closed ticket is Closed whatever its status;
/// an open one waits on the customer when an agent spoke last, unless it is on hold.
pub fn status_for(key: &str, state: &str, agent_spoke_last: bool, dir: &Directory) -> Status {
    if state == CLOSED_KEY {
        return Status { key: CLOSED_KEY.into(), label: CLOSED_LABEL.into(), kind: StatusKind::Closed };
    }
    let label = dir
        .statuses
        .iter()
        .find(|(slug, _)| slug == key)
        .map(|(_, label)| label.clone())
        .or_else(|| DEFAULT_STATUSES.iter().find(|d| d.0 == key).map(|d| d.1.to_owned()))
        .unwrap_or_else(|| key.to_owned());
    let kind = match status_kind(key) {
        StatusKind::OnHold => StatusKind::OnHold,
        _ if agent_spoke_last => StatusKind::WaitingOnCustomer,
        kind => kind,
    };
    Status { key: key.to_owned(), label, kind }
}

/// Every status a ticket can be given: the site's ticket statuses, then closed.
pub fn statuses(dir: &Directory) -> Vec<Status> {
    let mut keys: Vec<(String, String)> = dir.statuses.clone();
    if keys.is_empty() {
        keys = DEFAULT_STATUSES.iter().map(|d| (d.0.to_owned(), d.1.to_owned())).collect();
    }
    let mut out: Vec<Status> =
        keys.into_iter().map(|(key, label)| Status { kind: status_kind(&key), key, label }).collect();
    out.push(Status { key: CLOSED_KEY.into(), label: CLOSED_LABEL.into(), kind: StatusKind::Closed });
    out
}

/// Words in a priority's slug or name that say how urgent it is (the plugin ships no
/// priorities, so each site names its own).
const LEVEL_WORDS: [(&str, PriorityLevel); 20] = [
    ("urgent", PriorityLevel::Critical),
    ("critical", PriorityLevel::Critical),
    ("emergency", PriorityLevel::Critical),
    ("blocker", PriorityLevel::Critical),
    ("فوری", PriorityLevel::Critical),
    ("بحرانی", PriorityLevel::Critical),
    ("اضطراری", PriorityLevel::Critical),
    ("high", PriorityLevel::High),
    ("زیاد", PriorityLevel::High),
    ("بالا", PriorityLevel::High),
    ("مهم", PriorityLevel::High),
    ("low", PriorityLevel::Low),
    ("minor", PriorityLevel::Low),
    ("کم", PriorityLevel::Low),
    ("پایین", PriorityLevel::Low),
    ("normal", PriorityLevel::Medium),
    ("medium", PriorityLevel::Medium),
    ("معمولی", PriorityLevel::Medium),
    ("متوسط", PriorityLevel::Medium),
    ("عادی", PriorityLevel::Medium),
];

/// A priority term's level from the words of its slug, then of its name (Arabic letter
/// variants, case and digits folded as search folds them); Medium when neither says.
pub fn level_for(slug: &str, name: &str) -> PriorityLevel {
    let words = |text: &str| -> Vec<String> {
        normalize_for_search(text).split([' ', '-', '_']).filter(|w| !w.is_empty()).map(str::to_owned).collect()
    };
    [slug, name]
        .iter()
        .find_map(|text| {
            let ws = words(text);
            LEVEL_WORDS.iter().find(|(word, _)| ws.iter().any(|w| w == word)).map(|(_, level)| *level)
        })
        .unwrap_or(PriorityLevel::Medium)
}

/// A ticket's `ticket_priority` slug (`""` when none) as the domain's priority; the label is
/// the term's name when known.
pub fn priority_for(slug: &str, names: &[TermDto]) -> Priority {
    let name = names.iter().find(|t| t.slug == slug).map(|t| t.name.clone());
    let label = name.clone().unwrap_or_else(|| slug.to_owned());
    Priority { key: slug.to_owned(), level: level_for(slug, name.as_deref().unwrap_or_default()), label }
}

/// The site's priorities, least urgent first.
pub fn priorities(terms: &[TermDto]) -> Vec<Priority> {
    let mut out: Vec<Priority> = terms.iter().map(|t| priority_for(&t.slug, terms)).collect();
    out.sort_by(|a, b| a.level.cmp(&b.level).then_with(|| a.key.cmp(&b.key)));
    out
}

fn department_for(slug: &str, names: &[TermDto]) -> Option<Department> {
    if slug.is_empty() {
        return None;
    }
    let label = names.iter().find(|t| t.slug == slug).map_or_else(|| slug.to_owned(), |t| t.name.clone());
    Some(Department { key: slug.to_owned(), label })
}

pub fn departments(terms: &[TermDto]) -> Vec<Department> {
    terms.iter().map(|t| Department { key: t.slug.clone(), label: t.name.clone() }).collect()
}

/// `/users?who=authors` as people (their e-mail only when the caller may see it).
pub fn agents(users: &[UserDto]) -> Vec<Person> {
    users.iter().map(|u| Person { id: u.id.to_string(), name: u.name.clone(), email: u.email.clone() }).collect()
}

pub fn vocabulary(dir: &Directory) -> Vocabulary {
    Vocabulary {
        statuses: statuses(dir),
        priorities: priorities(&dir.priorities),
        departments: departments(&dir.departments),
        agents: dir.agents.clone(),
    }
}

/// Who `/users/me?context=edit` is: anyone who may edit tickets works them.
pub fn viewer_from(me: &UserDto) -> Viewer {
    let can = |cap: &str| me.capabilities.get(cap).is_some_and(|v| v.as_bool() == Some(true));
    const AGENT_ROLES: [&str; 4] = ["administrator", "wpas_manager", "wpas_support_manager", "wpas_agent"];
    if can("edit_ticket") || me.roles.iter().any(|r| AGENT_ROLES.contains(&r.as_str())) {
        Viewer::Agent { id: me.id.to_string(), name: me.name.clone() }
    } else {
        Viewer::Customer { name: me.name.clone(), email: me.email.clone().unwrap_or_default() }
    }
}

// ---------------------------------------------------------------------------------------
// Tickets and threads

/// What a ticket's replies say about it: who spoke last and when each side did.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Activity {
    agent: Vec<DateTime<Utc>>,
    customer: Vec<DateTime<Utc>>,
    agent_spoke_last: bool,
    last: Option<DateTime<Utc>>,
}

/// A reply is the customer's when its author owns the ticket; anyone else's is an agent's.
/// That is the plugin's own rule (its reply counters follow it), and the only one a reply
/// allows: it names its author, nothing more.
fn is_customer_reply(author: u64, ticket_author: u64) -> bool {
    author == ticket_author
}

fn activity(replies: &[(u64, DateTime<Utc>, u64)], ticket_author: u64) -> Activity {
    let mut sorted: Vec<&(u64, DateTime<Utc>, u64)> = replies.iter().collect();
    sorted.sort_by_key(|(id, at, _)| (*at, *id));
    let mut out = Activity::default();
    for (_, at, author) in sorted {
        let customer = is_customer_reply(*author, ticket_author);
        if customer {
            out.customer.push(*at);
        } else {
            out.agent.push(*at);
        }
        out.agent_spoke_last = !customer;
        out.last = Some(*at);
    }
    out
}

/// The site's offset at the ticket's creation, from its `date` (local) and `date_gmt`:
/// embedded replies carry only the local time.
fn site_offset(dto: &TicketDto) -> Duration {
    dto.date.as_deref().and_then(parse_gmt).map_or(Duration::zero(), |local| local - dto.date_gmt)
}

/// Embedded replies (newest first, local times) as (id, UTC time, author).
fn embedded_replies(dto: &TicketDto) -> Option<Vec<(u64, DateTime<Utc>, u64)>> {
    let list: &Vec<EmbeddedReplyDto> = dto.embedded.as_ref()?.replies.first()?.found()?;
    let offset = site_offset(dto);
    Some(list.iter().filter_map(|r| Some((r.id, parse_gmt(&r.date)? - offset, r.author))).collect())
}

fn embedded_name(list: Option<&Vec<super::dto::Embedded<super::dto::EmbeddedUserDto>>>, id: u64) -> Option<String> {
    list?.iter().filter_map(|e| e.found()).find(|u| u.id == id).map(|u| u.name.clone())
}

/// The terms embedded for `taxonomy`, else the directory's.
fn terms_for<'a>(dto: &'a TicketDto, taxonomy: &str, known: &'a [TermDto]) -> Vec<&'a TermDto> {
    let embedded: Vec<&TermDto> = dto
        .embedded
        .iter()
        .flat_map(|e| e.terms.iter())
        .filter_map(|list| list.found())
        .flatten()
        .filter(|t| t.taxonomy == taxonomy)
        .collect();
    if embedded.is_empty() {
        known.iter().collect()
    } else {
        embedded
    }
}

fn owned(terms: Vec<&TermDto>) -> Vec<TermDto> {
    terms.into_iter().cloned().collect()
}

/// The ticket's subject as plain text: `raw` with `context=edit`, else the rendered title
/// (texturized HTML) reduced to text.
fn subject(dto: &TicketDto) -> String {
    dto.title.raw.clone().unwrap_or_else(|| html_to_text(&dto.title.rendered))
}

fn person(id: u64, name: Option<String>) -> Person {
    Person { id: id.to_string(), name: name.unwrap_or_else(|| id.to_string()), email: None }
}

fn customer_of(dto: &TicketDto) -> Person {
    person(dto.author, embedded_name(dto.embedded.as_ref().map(|e| &e.author), dto.author))
}

fn assignee_of(dto: &TicketDto, dir: &Directory) -> Option<Person> {
    if dto.assignee == 0 {
        return None;
    }
    let name = embedded_name(dto.embedded.as_ref().map(|e| &e.assignee), dto.assignee)
        .or_else(|| dir.agent_name(dto.assignee).map(str::to_owned));
    Some(person(dto.assignee, name))
}

fn ticket_with(
    dto: &TicketDto,
    dir: &Directory,
    replies: Option<Vec<(u64, DateTime<Utc>, u64)>>,
    closed_at: Option<DateTime<Utc>>,
) -> Ticket {
    let known = replies.is_some();
    let activity = activity(&replies.unwrap_or_default(), dto.author);
    let tags: Vec<String> = dto
        .tags
        .iter()
        .map(|id| {
            terms_for(dto, "ticket-tag", &dir.tags)
                .into_iter()
                .find(|t| t.id == *id)
                .map_or_else(|| id.to_string(), |t| t.name.clone())
        })
        .collect();
    let updated_at =
        [Some(dto.date_gmt), dto.modified_gmt, activity.last].into_iter().flatten().max().unwrap_or(dto.date_gmt);
    let reply_count =
        if known { activity.agent.len() + activity.customer.len() } else { dto.total_reply_count as usize };
    Ticket {
        id: dto.id,
        number: dto.id.to_string(),
        subject: subject(dto),
        status: status_for(&dto.status, &dto.state, activity.agent_spoke_last, dir),
        priority: priority_for(&dto.ticket_priority, &owned(terms_for(dto, "ticket_priority", &dir.priorities))),
        department: department_for(&dto.department, &owned(terms_for(dto, "department", &dir.departments))),
        assignee: assignee_of(dto, dir),
        customer: customer_of(dto),
        tags,
        created_at: dto.date_gmt,
        updated_at,
        first_response_at: activity.agent.first().copied(),
        closed_at: closed_at.filter(|_| dto.state == CLOSED_KEY),
        last_customer_reply_at: activity.customer.last().copied(),
        last_agent_reply_at: activity.agent.last().copied(),
        reply_count: u32::try_from(reply_count).unwrap_or(u32::MAX),
        custom_fields: custom_fields(dto),
    }
}

/// A ticket from a list row or a single answer. Names, terms and who-spoke-last come from
/// `_embedded` when it is there (see `LIST_EMBED`); embedded replies carry only site-local
/// times, converted with the offset between the ticket's own `date` and `date_gmt`. The list
/// says nothing about when a ticket was closed: `closed_at` is only known in the thread.
pub fn ticket_from(dto: &TicketDto, dir: &Directory) -> Ticket {
    ticket_with(dto, dir, embedded_replies(dto), None)
}

/// Fields the mapping reads elsewhere, and core's post fields: none of them is a custom field.
const NOT_CUSTOM: [&str; 22] = [
    "guid",
    "modified",
    "type",
    "link",
    "permalink_template",
    "generated_slug",
    "template",
    "password",
    "_links",
    "time-calculated",
    "time-adjustments",
    "time-final",
    "time-adjustments-type",
    "time-notes",
    "meta",
    "comment_status",
    "ping_status",
    "format",
    "sticky",
    "featured_media",
    "excerpt",
    "class_list",
];

/// The site's own custom fields (the plugin's `time-*` tracking and core's post fields are not).
fn custom_fields(dto: &TicketDto) -> BTreeMap<String, String> {
    dto.extra
        .iter()
        .filter(|(key, _)| !NOT_CUSTOM.contains(&key.as_str()))
        .filter_map(|(key, value)| {
            let text = match value {
                Value::Null => return None,
                Value::String(s) if s.is_empty() => return None,
                Value::String(s) => s.clone(),
                Value::Object(_) | Value::Array(_) => return None,
                other => other.to_string(),
            };
            Some((key.clone(), text))
        })
        .collect()
}

/// The history line the plugin writes when a ticket is closed (`wpas_close_ticket`), as
/// text; a site in another language writes its translation, and then `closed_at` stays unknown.
const CLOSED_LINE: &str = "The ticket was closed.";

/// When the ticket was last closed, from its history.
pub fn closed_at(history: &[HistoryDto]) -> Option<DateTime<Utc>> {
    history.iter().filter(|h| html_to_text(&h.content.rendered) == CLOSED_LINE).map(|h| h.date_gmt).max()
}

/// The file name a media object is stored under (the last part of its URL; WordPress has
/// already replaced spaces with `-`).
pub fn file_name(media: &MediaDto) -> String {
    let last = media.source_url.rsplit('/').next().unwrap_or_default();
    percent_decode(last).unwrap_or_else(|| last.to_owned())
}

/// `%D8%AA…` → text; `None` when the escapes are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    if !text.contains('%') {
        return Some(text.to_owned());
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn attachments_of(post: u64, media: &[MediaDto]) -> Vec<Attachment> {
    media
        .iter()
        .filter(|m| m.post == post && !m.source_url.is_empty())
        .map(|m| Attachment {
            id: m.id.to_string(),
            name: file_name(m),
            mime: m.mime_type.clone(),
            size: m.media_details.filesize,
            url: m.source_url.clone(),
        })
        .collect()
}

/// The thread: the ticket's own text (the customer's request), its replies and its history
/// (as system lines), oldest first, each with the files hanging under it. Every message is
/// public: the free plugin has no internal notes. Bodies are the server's rendered HTML.
pub fn thread_from(
    dto: &TicketDto,
    replies: &[ReplyDto],
    history: &[HistoryDto],
    media: &[MediaDto],
    dir: &Directory,
) -> TicketThread {
    let times: Vec<(u64, DateTime<Utc>, u64)> = replies.iter().map(|r| (r.id, r.date_gmt, r.author)).collect();
    let ticket = ticket_with(dto, dir, Some(times), closed_at(history));
    let reply_names: BTreeMap<u64, String> = replies
        .iter()
        .filter_map(|r| Some((r.author, embedded_name(r.embedded.as_ref().map(|e| &e.author), r.author)?)))
        .collect();
    let name_of = |id: u64| -> String {
        if id == dto.author {
            return ticket.customer.name.clone();
        }
        reply_names
            .get(&id)
            .cloned()
            .or_else(|| dir.agent_name(id).map(str::to_owned))
            .unwrap_or_else(|| id.to_string())
    };
    let mut messages = vec![Message {
        id: dto.id.to_string(),
        author: Author {
            kind: AuthorKind::Customer,
            name: ticket.customer.name.clone(),
            id: Some(dto.author.to_string()),
        },
        visibility: Visibility::Public,
        body: Body::Html(dto.content.as_ref().map(|c| c.rendered.clone()).unwrap_or_default()),
        created_at: dto.date_gmt,
        attachments: attachments_of(dto.id, media),
    }];
    for r in replies {
        let kind = if is_customer_reply(r.author, dto.author) { AuthorKind::Customer } else { AuthorKind::Agent };
        messages.push(Message {
            id: r.id.to_string(),
            author: Author { kind, name: name_of(r.author), id: Some(r.author.to_string()) },
            visibility: Visibility::Public,
            body: Body::Html(r.content.rendered.clone()),
            created_at: r.date_gmt,
            attachments: attachments_of(r.id, media),
        });
    }
    for h in history {
        messages.push(Message {
            id: h.id.to_string(),
            author: Author { kind: AuthorKind::System, name: String::new(), id: None },
            visibility: Visibility::Public,
            body: Body::Html(h.content.rendered.clone()),
            created_at: h.date_gmt,
            attachments: Vec::new(),
        });
    }
    // Post ids grow with time, so they break ties between lines written in the same second.
    messages.sort_by_key(|m| (m.created_at, m.id.parse::<u64>().unwrap_or(u64::MAX)));
    TicketThread { ticket, messages }
}

// ---------------------------------------------------------------------------------------
// Lists

/// What the adapter embeds in every list and ticket call: the customer and agent names, the
/// replies (who spoke last) and the terms (labels), in the same request.
pub const LIST_EMBED: &str = "author,assignee,replies,wp:term";

/// The server-side part of a list query, as `wpas-api/v1/tickets` parameters. Only what
/// narrows exactly (or to a superset the adapter filters again) is sent: `state`, one scalar
/// `status` (an array loops in the plugin until PHP gives up), the assignee.
pub fn list_params(kinds: &[StatusKind], assignee: Option<u64>, for_agent: bool) -> Vec<(&'static str, String)> {
    let closed = kinds.iter().any(|k| matches!(k, StatusKind::Closed | StatusKind::Resolved));
    let open: Vec<StatusKind> = kinds.iter().copied().filter(|k| k.is_active()).collect();
    let mut params = vec![(
        "state",
        if kinds.is_empty() || (closed && !open.is_empty()) {
            "any"
        } else if closed {
            "closed"
        } else {
            "open"
        }
        .to_owned(),
    )];
    if !closed && open.len() == 1 {
        if let Some(d) = DEFAULT_STATUSES.iter().find(|d| d.2 == open[0]) {
            params.push(("status", d.0.to_owned()));
        }
    }
    if for_agent {
        // Without it an agent sees only its own tickets; 0 lifts that default.
        params.push(("assignee", assignee.unwrap_or(0).to_string()));
    }
    params
}

/// The embeds of a single ticket: its replies are fetched whole, with their dates in UTC.
pub const TICKET_EMBED: &str = "author,assignee,wp:term";

/// A thread's replies, oldest first, with their authors' names. Not `context=edit` either:
/// it drops the replies the caller may not edit (the customer's).
pub const REPLY_QUERY: [(&str, &str); 2] = [("_embed", "author"), ("order", "asc")];

/// Every parameter of a list request but the page: the narrowing of `list_params`, the
/// department's term id (resolved from its slug by the adapter), the embeds, the page size.
/// Never `context=edit`: it checks edit rights instead of read rights, which hands an agent
/// the tickets the plugin hides from it (and drops the replies it may not edit).
pub fn list_query(
    query: &TicketQuery,
    for_agent: bool,
    department: Option<u64>,
    per_page: u32,
) -> Result<Vec<(&'static str, String)>, ApiError> {
    let assignee = match &query.assignee {
        AssigneeFilter::Agent(id) => Some(id.parse::<u64>().map_err(|_| ApiError::validation("assignee", "unknown"))?),
        AssigneeFilter::Any | AssigneeFilter::Unassigned => None,
    };
    let mut params = list_params(&query.statuses, assignee, for_agent);
    if let Some(id) = department {
        params.push(("department", id.to_string()));
    }
    params.push(("_embed", LIST_EMBED.into()));
    params.push(("per_page", per_page.to_string()));
    Ok(params)
}

/// Whether an empty first page may mean "you are not signed in". The server answers an
/// anonymous caller, or a login cookie sent without its nonce, with `200 []` — counting the
/// tickets it hid in `X-WP-Total` (for a nonce-less cookie, the user's own, which may be
/// none). A signed-in agent who may read none of the counted tickets gets the same answer,
/// so only `/users/me` tells them apart; with an application password a total of 0 is
/// simply an empty list (a bad password is a 401).
pub fn may_be_signed_out(rows: usize, total: Option<u64>, application_password: bool) -> bool {
    rows == 0 && (total.unwrap_or(0) > 0 || !application_password)
}

// ---------------------------------------------------------------------------------------
// Writes

/// `POST /tickets`: the signed-in user becomes the ticket's customer. Terms go as slugs (the
/// plugin looks a numeric value up by id, anything else by slug).
pub fn create_body(new: &NewTicket) -> Result<Value, ApiError> {
    let mut errors = Vec::new();
    if new.subject.trim().is_empty() {
        errors.push(FieldError { field: "subject".into(), message: "required".into() });
    }
    if new.body.trim().is_empty() {
        errors.push(FieldError { field: "body".into(), message: "required".into() });
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let mut body = json!({ "title": new.subject, "content": new.body });
    if let Some(d) = new.department.as_deref().filter(|d| !d.is_empty()) {
        body["department"] = json!(d);
    }
    if let Some(p) = new.priority.as_deref().filter(|p| !p.is_empty()) {
        body["ticket_priority"] = json!(p);
    }
    Ok(body)
}

/// `POST /tickets/{id}/replies`. The server stores an empty reply, so it is refused here.
pub fn reply_body(text: &str) -> Result<Value, ApiError> {
    if text.trim().is_empty() {
        return Err(ApiError::validation("body", "required"));
    }
    Ok(json!({ "content": text }))
}

/// `PATCH /tickets/{id}` for an agent, with only what changes. `closed` is a state, so it
/// goes as `state`; any other status also reopens (`state: open`, a no-op on open tickets).
/// Tags go as term ids (the server takes nothing else), resolved by the adapter first.
/// A ticket always has an agent and a department once set: clearing either is refused.
pub fn update_body(update: &TicketUpdate, tag_ids: Option<&[u64]>, statuses: &[Status]) -> Result<Value, ApiError> {
    let mut body = Map::new();
    let mut errors = Vec::new();
    if let Some(key) = &update.status {
        if key == CLOSED_KEY {
            body.insert("state".into(), json!(CLOSED_KEY));
        } else if statuses.iter().any(|s| &s.key == key) {
            body.insert("status".into(), json!(key));
            body.insert("state".into(), json!("open"));
        } else {
            errors.push(FieldError { field: "status".into(), message: "unknown".into() });
        }
    }
    match update.priority.as_deref() {
        None => {}
        Some("") => errors.push(FieldError { field: "priority".into(), message: "required".into() }),
        Some(key) => {
            body.insert("ticket_priority".into(), json!(key));
        }
    }
    match update.department.as_deref() {
        None => {}
        Some("") => errors.push(FieldError { field: "department".into(), message: "required".into() }),
        Some(key) => {
            body.insert("department".into(), json!(key));
        }
    }
    match &update.assignee {
        None => {}
        Some(None) => errors.push(FieldError { field: "assignee".into(), message: "required".into() }),
        Some(Some(id)) => match id.parse::<u64>() {
            Ok(n) if n > 0 => {
                body.insert("assignee".into(), json!(n));
            }
            _ => errors.push(FieldError { field: "assignee".into(), message: "unknown".into() }),
        },
    }
    if let Some(ids) = tag_ids {
        body.insert("ticket-tag".into(), json!(ids));
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    Ok(Value::Object(body))
}

/// Tag names → their term ids, and the names no term has yet (to be created first).
pub fn tag_ids(names: &[String], terms: &[TermDto]) -> (Vec<u64>, Vec<String>) {
    let mut ids = Vec::new();
    let mut missing = Vec::new();
    for name in names {
        match terms.iter().find(|t| t.name == *name || t.slug == *name) {
            Some(t) if !ids.contains(&t.id) => ids.push(t.id),
            Some(_) => {}
            None if !missing.contains(name) => missing.push(name.clone()),
            None => {}
        }
    }
    (ids, missing)
}

/// `POST /tickets/{id}/status` (customers: only the ticket's author may).
pub fn status_body(open: bool) -> Value {
    json!({ "status": if open { "open" } else { "closed" } })
}

/// The files of one message checked against the site's upload settings before anything is
/// sent: a ticket created and then refused its file would be created twice on retry.
pub fn check_attachments(files: &[NewAttachment], settings: &SettingsDto) -> Result<(), ApiError> {
    if files.is_empty() {
        return Ok(());
    }
    if !settings.enable_attachments {
        return Err(ApiError::Unsupported("attachments".into()));
    }
    let mut errors = Vec::new();
    if settings.attachments_max > 0 && files.len() as u64 > settings.attachments_max {
        errors.push(FieldError { field: "attachments".into(), message: "too_many".into() });
    }
    let allowed: Vec<String> = settings
        .attachments_filetypes
        .split(',')
        .map(|e| e.trim().to_ascii_lowercase())
        .filter(|e| !e.is_empty())
        .collect();
    let max_bytes = settings.filesize_max.saturating_mul(1024 * 1024);
    for f in files {
        let ext = f.name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase()).unwrap_or_default();
        if !allowed.is_empty() && !allowed.contains(&ext) {
            errors.push(FieldError { field: "attachments".into(), message: "type_not_allowed".into() });
        } else if max_bytes > 0 && f.bytes.len() as u64 > max_bytes {
            errors.push(FieldError { field: "attachments".into(), message: "too_large".into() });
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

// ---------------------------------------------------------------------------------------
// Errors

/// Server parameter → the name our forms use.
fn our_field(server: &str) -> &str {
    match server {
        "title" => "subject",
        "content" => "body",
        "ticket_priority" => "priority",
        "ticket-tag" => "tags",
        "state" | "status" => "status",
        "file" | "post" => "attachments",
        other => other,
    }
}

/// What a non-2xx answer means for the user. The plugin's own refusals come without an HTTP
/// status of their own, so WordPress sends them as 500: an unknown term (`invalid_term`), an
/// agent who may not be assigned (`incorrect_agent`), a file type the site refuses.
pub fn error_for(status: u16, body: &str) -> ApiError {
    let dto: Option<WpErrorDto> = serde_json::from_str(body).ok();
    let Some(dto) = dto else { return rest_error(status, body) };
    match dto.code.as_str() {
        "invalid_term" => {
            // "That %s term does not exist.", %s being the taxonomy.
            let field = ["department", "ticket_priority", "ticket_channel", "product"]
                .into_iter()
                .find(|t| dto.message.contains(t))
                .map_or("form", our_field);
            ApiError::validation(field, "unknown")
        }
        "incorrect_agent" => ApiError::validation("assignee", "unknown"),
        "rest_upload_unknown_error" | "rest_upload_no_data" | "rest_upload_sideload_error" => {
            ApiError::validation("attachments", &shorten(&dto.message))
        }
        "rest_invalid_param" | "rest_missing_callback_param" => match rest_error(status, body) {
            ApiError::Validation(errors) => ApiError::Validation(
                errors
                    .into_iter()
                    .map(|e| FieldError {
                        message: param_code(dto.data.as_ref(), &e.field).unwrap_or(e.message),
                        field: our_field(&e.field).to_owned(),
                    })
                    .collect(),
            ),
            other => other,
        },
        _ => match rest_error(status, body) {
            // PHP's fatal-error page arrives as HTML inside the JSON message.
            ApiError::Server { status, message } if message.contains('<') => {
                let text = html_to_text(&message);
                let first = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or_default();
                ApiError::Server {
                    status,
                    message: if first.is_empty() { format!("HTTP {status}") } else { shorten(first) },
                }
            }
            other => other,
        },
    }
}

/// `data.details.<param>.code` as one of our message codes, when it is one we know.
fn param_code(data: Option<&Value>, param: &str) -> Option<String> {
    let code = data?.get("details")?.get(param)?.get("code")?.as_str()?;
    let ours = match code {
        "rest_not_in_enum" => "unknown",
        "rest_invalid_type" => "invalid",
        "rest_out_of_bounds" => "out_of_range",
        _ => return None,
    };
    Some(ours.to_owned())
}

/// A page past the last (`rest_post_invalid_page_number`) is the end of a list, not a failure.
pub fn is_past_last_page(status: u16, body: &str) -> bool {
    status == 400 && serde_json::from_str::<WpErrorDto>(body).is_ok_and(|e| e.code == "rest_post_invalid_page_number")
}

// ---------------------------------------------------------------------------------------
// Capabilities

/// The plugin's default per-file limit (`filesize_max`, 2 MB); the adapter checks the site's
/// own value (`/settings`) before each upload.
pub const MAX_ATTACHMENT_BYTES: u64 = 2 * 1024 * 1024;

/// What the API does for an agent (or an admin). Search and sort run here over the fetched
/// tickets (the server's search reads only a ticket's title and first message).
pub fn capabilities() -> Capabilities {
    Capabilities {
        list_tickets: true,
        threads: true,
        create_ticket: true,
        reply: true,
        // A paid add-on; the free plugin's replies are all public.
        internal_notes: false,
        attachments: true,
        max_attachment_bytes: MAX_ATTACHMENT_BYTES,
        departments: true,
        tags: true,
        assignment: true,
        priorities: true,
        server_search: false,
        server_status_filter: true,
        server_sort: false,
        close_reopen: true,
        bulk: false,
        guest_tracking: false,
        reports: false,
    }
}

/// What the API does for a customer (`wpas_user`): their own tickets, replies, files, and
/// closing or reopening through `/status`; no field changes after creation.
pub fn customer_capabilities() -> Capabilities {
    Capabilities { tags: false, assignment: false, ..capabilities() }
}
