//! The demo helpdesk's state and rules: seeded tickets plus the user's changes, the same
//! validation and status transitions real backends apply. What persists is the log of
//! changes; replaying it over the seed through the same rules rebuilds the store.

use std::collections::BTreeMap;
use std::rc::Rc;

use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};

use super::seed::{self, SeedTemplates};
use super::{vocabulary, MAX_ATTACHMENT_BYTES};
use crate::api::{ApiError, FieldError, Viewer};
use crate::calendar::{tehran_offset, Lang};
use crate::domain::base64;
use crate::domain::person::is_plausible_email;
use crate::domain::query::run_query_by;
use crate::domain::{
    Attachment, Author, AuthorKind, Body, Message, NewAttachment, NewMessage, NewTicket, Person, StatusKind,
    Ticket, TicketId, TicketPage, TicketQuery, TicketThread, TicketUpdate, Visibility,
};
use crate::platform::KeyValue;

const META_KEY: &str = "pishkhan.demo.v2.meta";
const LOG_KEY: &str = "pishkhan.demo.v2.log";
pub const MAX_SUBJECT_CHARS: usize = 200;
pub const MAX_BODY_CHARS: usize = 20_000;
const MAX_ATTACHMENTS: usize = 5;
/// File types the demo accepts, as a real helpdesk's upload allow-list would.
const ALLOWED_MIME_PREFIXES: [&str; 6] =
    ["image/png", "image/jpeg", "image/gif", "image/webp", "application/pdf", "text/plain"];

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Meta {
    seed_count: usize,
    #[serde(with = "chrono::serde::ts_milliseconds")]
    anchor: DateTime<Utc>,
}

/// One user action as it was made; `at` keeps replays identical to the original.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
enum Change {
    Create {
        #[serde(with = "chrono::serde::ts_milliseconds")]
        at: DateTime<Utc>,
        viewer: Viewer,
        ticket: NewTicket,
    },
    Reply {
        #[serde(with = "chrono::serde::ts_milliseconds")]
        at: DateTime<Utc>,
        viewer: Viewer,
        id: TicketId,
        message: NewMessage,
        internal: bool,
    },
    Update {
        #[serde(with = "chrono::serde::ts_milliseconds")]
        at: DateTime<Utc>,
        viewer: Viewer,
        id: TicketId,
        update: TicketUpdate,
    },
}

pub struct DemoStore {
    storage: Box<dyn KeyValue>,
    templates: Rc<SeedTemplates>,
    meta: Meta,
    /// Sorted by id: seeded ids come first and new tickets get ever larger ones.
    threads: Vec<TicketThread>,
    search_texts: Vec<String>,
    log: Vec<Change>,
    next_id: TicketId,
    offset: FixedOffset,
}

impl DemoStore {
    /// Loads the stored seed size, anchor and changes, or seeds anew when there are none,
    /// when they can't be read, or when `seed_count` differs from the stored one.
    pub fn open(
        storage: Box<dyn KeyValue>,
        templates: Rc<SeedTemplates>,
        seed_count: usize,
        now: DateTime<Utc>,
    ) -> DemoStore {
        let stored_meta: Option<Meta> =
            storage.get(META_KEY).and_then(|raw| serde_json::from_str(&raw).ok());
        let (meta, log) = match stored_meta {
            Some(meta) if meta.seed_count == seed_count => {
                let log: Vec<Change> =
                    storage.get(LOG_KEY).and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or_default();
                (meta, log)
            }
            _ => (Meta { seed_count, anchor: now }, Vec::new()),
        };
        let mut store = DemoStore {
            storage,
            templates,
            meta,
            threads: Vec::new(),
            search_texts: Vec::new(),
            log: Vec::new(),
            next_id: 1,
            offset: tehran_offset(),
        };
        store.load(log);
        // Best effort: a store that can't persist still works for this page's lifetime.
        let _ = store.persist_meta();
        store
    }

    pub fn seed_count(&self) -> usize {
        self.meta.seed_count
    }

    pub fn reset(&mut self, now: DateTime<Utc>) {
        self.meta = Meta { seed_count: self.meta.seed_count, anchor: now };
        self.storage.remove(LOG_KEY);
        self.load(Vec::new());
        let _ = self.persist_meta();
    }

    fn load(&mut self, log: Vec<Change>) {
        self.threads = seed::generate(self.meta.seed_count, self.meta.anchor, &self.templates);
        self.search_texts = self.threads.iter().map(|t| t.ticket.search_text()).collect();
        self.next_id = self.meta.seed_count as TicketId + 1;
        self.log.clear();
        for change in log {
            // A change the rules now refuse (an edited log, say) is dropped, not fatal.
            if self.apply(&change).is_ok() {
                self.log.push(change);
            }
        }
    }

    fn apply(&mut self, change: &Change) -> Result<usize, ApiError> {
        match change {
            Change::Create { at, viewer, ticket } => self.apply_create(viewer, ticket.clone(), *at),
            Change::Reply { at, viewer, id, message, internal } => {
                self.apply_reply(viewer, *id, message.clone(), *internal, *at)
            }
            Change::Update { at, viewer, id, update } => self.apply_update(viewer, *id, update.clone(), *at),
        }
    }

    /// Applies and persists a change, or leaves memory as it was when storage refuses it.
    fn record(&mut self, change: Change) -> Result<usize, ApiError> {
        let (len, next_id) = (self.threads.len(), self.next_id);
        let touched = match &change {
            Change::Create { .. } => None,
            Change::Reply { id, .. } | Change::Update { id, .. } => {
                self.index_of(*id).map(|i| (i, self.threads[i].clone(), self.search_texts[i].clone()))
            }
        };
        let i = self.apply(&change)?;
        self.log.push(change);
        if let Err(e) = self.persist_log() {
            self.log.pop();
            self.threads.truncate(len);
            self.search_texts.truncate(len);
            self.next_id = next_id;
            if let Some((i, thread, text)) = touched {
                self.threads[i] = thread;
                self.search_texts[i] = text;
            }
            return Err(e);
        }
        Ok(i)
    }

    fn index_of(&self, id: TicketId) -> Option<usize> {
        self.threads.binary_search_by_key(&id, |t| t.ticket.id).ok()
    }

    fn persist_meta(&self) -> Result<(), ApiError> {
        let raw = serde_json::to_string(&self.meta).map_err(|e| ApiError::Storage(e.to_string()))?;
        self.storage.set(META_KEY, &raw).map_err(ApiError::Storage)
    }

    fn persist_log(&self) -> Result<(), ApiError> {
        let raw = serde_json::to_string(&self.log).map_err(|e| ApiError::Storage(e.to_string()))?;
        self.storage.set(LOG_KEY, &raw).map_err(ApiError::Storage)?;
        self.persist_meta()
    }

    pub fn list(&self, viewer: &Viewer, query: &TicketQuery, lang: Lang) -> TicketPage {
        let mut query = query.clone();
        if let Viewer::Customer { email, .. } = viewer {
            query.customer_email = Some(email.clone());
        }
        let mut page = run_query_by(&self.threads, |t| &t.ticket, &self.search_texts, &query, self.offset);
        for t in &mut page.tickets {
            relabel(t, lang);
        }
        page
    }

    fn position(&self, viewer: &Viewer, id: TicketId) -> Result<usize, ApiError> {
        let i = self.index_of(id).ok_or(ApiError::NotFound)?;
        if let Viewer::Customer { email, .. } = viewer {
            let own = self.threads[i].ticket.customer.email.as_deref().unwrap_or_default();
            // A customer learns nothing about other people's tickets, not even that they exist.
            if !own.eq_ignore_ascii_case(email.trim()) {
                return Err(ApiError::NotFound);
            }
        }
        Ok(i)
    }

    pub fn thread(&self, viewer: &Viewer, id: TicketId, lang: Lang) -> Result<TicketThread, ApiError> {
        let i = self.position(viewer, id)?;
        Ok(present(&self.threads[i], viewer, lang))
    }

    pub fn create(
        &mut self,
        viewer: &Viewer,
        new: NewTicket,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<Ticket, ApiError> {
        let i = self.record(Change::Create { at: now, viewer: viewer.clone(), ticket: new })?;
        let mut out = self.threads[i].ticket.clone();
        relabel(&mut out, lang);
        Ok(out)
    }

    fn apply_create(&mut self, viewer: &Viewer, new: NewTicket, now: DateTime<Utc>) -> Result<usize, ApiError> {
        let mut errors = Vec::new();
        let name = new.customer_name.trim();
        let email = new.customer_email.trim().to_ascii_lowercase();
        if name.is_empty() {
            errors.push(field("customer_name", "required"));
        }
        if !is_plausible_email(&email) {
            errors.push(field("customer_email", "invalid_email"));
        }
        check_text(&mut errors, "subject", &new.subject, MAX_SUBJECT_CHARS);
        check_text(&mut errors, "body", &new.body, MAX_BODY_CHARS);
        let department = match new.department.as_deref() {
            None | Some("") => None,
            Some(key) => match vocabulary::department(key, Lang::Fa) {
                Some(d) => Some(d),
                None => {
                    errors.push(field("department", "unknown"));
                    None
                }
            },
        };
        let priority_key = new.priority.clone().filter(|p| !p.is_empty()).unwrap_or_else(|| "medium".into());
        let priority = vocabulary::priority(&priority_key, Lang::Fa);
        if priority.is_none() {
            errors.push(field("priority", "unknown"));
        }
        let attachments = check_attachments(&mut errors, &new.attachments);
        if let Viewer::Customer { email: own, .. } = viewer {
            if !own.eq_ignore_ascii_case(&email) && errors.is_empty() {
                errors.push(field("customer_email", "not_yours"));
            }
        }
        let (Some(priority), true) = (priority, errors.is_empty()) else {
            return Err(ApiError::Validation(errors));
        };
        let id = self.next_id;
        let customer = Person { id: email.clone(), name: name.to_owned(), email: Some(email) };
        let ticket = Ticket {
            id,
            number: seed::ticket_number(id),
            subject: new.subject.trim().to_owned(),
            status: vocabulary::status("new", Lang::Fa).ok_or(ApiError::NotFound)?,
            priority,
            department,
            assignee: None,
            customer: customer.clone(),
            tags: Vec::new(),
            created_at: now,
            updated_at: now,
            first_response_at: None,
            closed_at: None,
            last_customer_reply_at: Some(now),
            last_agent_reply_at: None,
            reply_count: 0,
            custom_fields: BTreeMap::new(),
        };
        let first = Message {
            id: format!("{id}-1"),
            author: Author { kind: AuthorKind::Customer, name: customer.name.clone(), id: Some(customer.id.clone()) },
            visibility: Visibility::Public,
            body: Body::Text(new.body.trim().to_owned()),
            created_at: now,
            attachments: attachments_for(id, 1, &new.attachments, attachments),
        };
        self.search_texts.push(ticket.search_text());
        self.threads.push(TicketThread { ticket, messages: vec![first] });
        self.next_id = id + 1;
        Ok(self.threads.len() - 1)
    }

    /// A public reply or (agents only) an internal note, with the status transition a
    /// real helpdesk makes: an agent's reply waits on the customer, a customer's reopens.
    pub fn reply(
        &mut self,
        viewer: &Viewer,
        id: TicketId,
        message: NewMessage,
        internal: bool,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<TicketThread, ApiError> {
        let change = Change::Reply { at: now, viewer: viewer.clone(), id, message, internal };
        let i = self.record(change)?;
        Ok(present(&self.threads[i], viewer, lang))
    }

    fn apply_reply(
        &mut self,
        viewer: &Viewer,
        id: TicketId,
        message: NewMessage,
        internal: bool,
        now: DateTime<Utc>,
    ) -> Result<usize, ApiError> {
        let i = self.position(viewer, id)?;
        let mut errors = Vec::new();
        check_text(&mut errors, "body", &message.body, MAX_BODY_CHARS);
        let sizes = check_attachments(&mut errors, &message.attachments);
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        let author = match viewer {
            Viewer::Agent { id, name } => Author { kind: AuthorKind::Agent, name: name.clone(), id: Some(id.clone()) },
            Viewer::Customer { .. } if internal => return Err(ApiError::Forbidden),
            Viewer::Customer { name, email } => {
                if self.threads[i].ticket.status.kind == StatusKind::Closed {
                    return Err(ApiError::Conflict("closed".into()));
                }
                Author { kind: AuthorKind::Customer, name: name.clone(), id: Some(email.clone()) }
            }
        };
        let thread = &mut self.threads[i];
        let n = thread.messages.len() + 1;
        thread.messages.push(Message {
            id: format!("{id}-{n}"),
            author: author.clone(),
            visibility: if internal { Visibility::Internal } else { Visibility::Public },
            body: Body::Text(message.body.trim().to_owned()),
            created_at: now,
            attachments: attachments_for(id, n, &message.attachments, sizes),
        });
        let t = &mut thread.ticket;
        t.updated_at = now;
        if !internal {
            t.reply_count += 1;
            let next = match author.kind {
                AuthorKind::Agent => {
                    t.first_response_at.get_or_insert(now);
                    t.last_agent_reply_at = Some(now);
                    if t.assignee.is_none() {
                        t.assignee = vocabulary::agent(author.id.as_deref().unwrap_or_default());
                    }
                    "waiting"
                }
                _ => {
                    t.last_customer_reply_at = Some(now);
                    "open"
                }
            };
            if let Some(status) = vocabulary::status(next, Lang::Fa) {
                t.closed_at = None;
                t.status = status;
            }
        }
        self.search_texts[i] = self.threads[i].ticket.search_text();
        Ok(i)
    }

    pub fn update(
        &mut self,
        viewer: &Viewer,
        id: TicketId,
        update: TicketUpdate,
        now: DateTime<Utc>,
        lang: Lang,
    ) -> Result<TicketThread, ApiError> {
        let i = self.record(Change::Update { at: now, viewer: viewer.clone(), id, update })?;
        Ok(present(&self.threads[i], viewer, lang))
    }

    fn apply_update(
        &mut self,
        viewer: &Viewer,
        id: TicketId,
        update: TicketUpdate,
        now: DateTime<Utc>,
    ) -> Result<usize, ApiError> {
        let i = self.position(viewer, id)?;
        if let Viewer::Customer { .. } = viewer {
            // Customers may only close or reopen their own ticket.
            let only_status = update.priority.is_none()
                && update.assignee.is_none()
                && update.department.is_none()
                && update.tags.is_none();
            let allowed = matches!(update.status.as_deref(), Some("closed") | Some("open"));
            if !(only_status && allowed) {
                return Err(ApiError::Forbidden);
            }
        }
        let mut errors = Vec::new();
        let status = update.status.as_deref().map(|k| (k, vocabulary::status(k, Lang::Fa)));
        if let Some((_, None)) = status {
            errors.push(field("status", "unknown"));
        }
        let priority = update.priority.as_deref().map(|k| vocabulary::priority(k, Lang::Fa));
        if let Some(None) = priority {
            errors.push(field("priority", "unknown"));
        }
        let department = update.department.as_deref().map(|k| (k, vocabulary::department(k, Lang::Fa)));
        if let Some((k, None)) = department {
            if !k.is_empty() {
                errors.push(field("department", "unknown"));
            }
        }
        let assignee = update.assignee.as_ref().map(|a| a.as_deref().map(vocabulary::agent));
        if let Some(Some(None)) = assignee {
            errors.push(field("assignee", "unknown"));
        }
        if !errors.is_empty() {
            return Err(ApiError::Validation(errors));
        }
        let thread = &mut self.threads[i];
        let t = &mut thread.ticket;
        let mut events = Vec::new();
        if let Some((_, Some(status))) = status {
            if status.key != t.status.key {
                events.push(format!("وضعیت از «{}» به «{}» تغییر کرد.", t.status.label, status.label));
                t.closed_at = (!status.kind.is_active()).then_some(now);
                t.status = status;
            }
        }
        if let Some(Some(p)) = priority {
            if p.key != t.priority.key {
                events.push(format!("اولویت از «{}» به «{}» تغییر کرد.", t.priority.label, p.label));
                t.priority = p;
            }
        }
        if let Some((_, d)) = department {
            if d.as_ref().map(|d| &d.key) != t.department.as_ref().map(|d| &d.key) {
                events.push(format!("دپارتمان به «{}» تغییر کرد.", d.as_ref().map(|d| d.label.as_str()).unwrap_or("—")));
                t.department = d;
            }
        }
        if let Some(a) = assignee {
            let a = a.flatten();
            if a.as_ref().map(|p| &p.id) != t.assignee.as_ref().map(|p| &p.id) {
                events.push(match &a {
                    Some(p) => format!("تیکت به {} واگذار شد.", p.name),
                    None => "واگذاری تیکت برداشته شد.".to_owned(),
                });
                t.assignee = a;
            }
        }
        if let Some(tags) = update.tags {
            let mut clean: Vec<String> = Vec::new();
            for tag in tags.iter().map(|t| t.trim()).filter(|t| !t.is_empty()) {
                if !clean.iter().any(|c| c == tag) {
                    clean.push(tag.to_owned());
                }
            }
            t.tags = clean;
        }
        t.updated_at = now;
        for text in events {
            let n = thread.messages.len() + 1;
            thread.messages.push(Message {
                id: format!("{id}-{n}"),
                author: Author { kind: AuthorKind::System, name: String::new(), id: None },
                visibility: Visibility::Public,
                body: Body::Text(text),
                created_at: now,
                attachments: Vec::new(),
            });
        }
        self.search_texts[i] = self.threads[i].ticket.search_text();
        Ok(i)
    }
}

fn field(name: &str, message: &str) -> FieldError {
    FieldError { field: name.into(), message: message.into() }
}

fn check_text(errors: &mut Vec<FieldError>, name: &str, value: &str, max: usize) {
    let len = value.trim().chars().count();
    if len == 0 {
        errors.push(field(name, "required"));
    } else if len > max {
        errors.push(field(name, "too_long"));
    }
}

/// Validates files; returns their data URLs (empty when any file was rejected).
fn check_attachments(errors: &mut Vec<FieldError>, files: &[NewAttachment]) -> Vec<String> {
    if files.len() > MAX_ATTACHMENTS {
        errors.push(field("attachments", "too_many"));
        return Vec::new();
    }
    for f in files {
        if f.bytes.len() as u64 > MAX_ATTACHMENT_BYTES {
            errors.push(field("attachments", "too_large"));
            return Vec::new();
        }
        if !ALLOWED_MIME_PREFIXES.contains(&f.mime.as_str()) {
            errors.push(field("attachments", "type_not_allowed"));
            return Vec::new();
        }
    }
    files
        .iter()
        .map(|f| format!("data:{};base64,{}", f.mime, base64::encode(&f.bytes)))
        .collect()
}

fn attachments_for(id: TicketId, n: usize, files: &[NewAttachment], urls: Vec<String>) -> Vec<Attachment> {
    files
        .iter()
        .zip(urls)
        .enumerate()
        .map(|(k, (f, url))| Attachment {
            id: format!("{id}-{n}-{}", k + 1),
            name: f.name.clone(),
            mime: f.mime.clone(),
            size: f.bytes.len() as u64,
            url,
        })
        .collect()
}

/// Re-labels a stored ticket's status, priority and department in the viewer's language.
fn relabel(t: &mut Ticket, lang: Lang) {
    if let Some(s) = vocabulary::status(&t.status.key, lang) {
        t.status = s;
    }
    if let Some(p) = vocabulary::priority(&t.priority.key, lang) {
        t.priority = p;
    }
    if let Some(d) = t.department.as_ref().and_then(|d| vocabulary::department(&d.key, lang)) {
        t.department = Some(d);
    }
}

/// What `viewer` may see of a thread: customers never see internal notes.
fn present(thread: &TicketThread, viewer: &Viewer, lang: Lang) -> TicketThread {
    let mut out = thread.clone();
    relabel(&mut out.ticket, lang);
    if matches!(viewer, Viewer::Customer { .. }) {
        out.messages.retain(|m| m.visibility == Visibility::Public);
    }
    out
}

#[cfg(test)]
mod tests;
