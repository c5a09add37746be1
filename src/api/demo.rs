//! The in-browser demo helpdesk: the embedded default backend. It seeds itself
//! deterministically and persists only what users changed, so 10,000 seeded tickets cost
//! a few bytes of `localStorage` while every created ticket, reply and edit survives reloads.

pub mod seed;
pub mod store;
pub mod vocabulary;

use std::cell::RefCell;

use chrono::Utc;

use crate::api::{ApiError, Capabilities, Viewer};
use crate::calendar::Lang;
use crate::domain::{
    Department, NewMessage, NewTicket, Person, Priority, Status, Ticket, TicketId, TicketPage, TicketQuery,
    TicketThread, TicketUpdate,
};
use crate::platform::LocalStorage;
use store::DemoStore;

/// Tickets seeded when nothing asks for another size.
pub const DEFAULT_SEED_COUNT: usize = 320;
/// Per-file limit: attachments are kept as data URLs in `localStorage`.
pub const MAX_ATTACHMENT_BYTES: u64 = 512 * 1024;

thread_local! {
    static STORE: RefCell<Option<DemoStore>> = const { RefCell::new(None) };
}

/// A handle on the page's one demo store; cheap to clone, `Send + Sync` as contexts need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoBackend {
    pub viewer: Viewer,
    pub lang: Lang,
}

/// Opens (or, with a different `seed_count` than stored, re-seeds) the page's demo store.
/// Later calls with the same count reuse the open store.
pub fn open(seed_count: usize) {
    STORE.with(|cell| {
        let mut slot = cell.borrow_mut();
        if slot.as_ref().is_some_and(|s| s.seed_count() == seed_count) {
            return;
        }
        *slot = Some(DemoStore::open(Box::new(LocalStorage), seed_count, Utc::now()));
    });
}

/// Drops every change and seeds anew from now.
pub fn reset() {
    STORE.with(|cell| {
        if let Some(store) = cell.borrow_mut().as_mut() {
            store.reset(Utc::now());
        }
    });
}

fn with_store<T>(f: impl FnOnce(&mut DemoStore) -> Result<T, ApiError>) -> Result<T, ApiError> {
    STORE.with(|cell| match cell.borrow_mut().as_mut() {
        Some(store) => f(store),
        None => Err(ApiError::Storage("the demo store is not open".into())),
    })
}

impl DemoBackend {
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
            tags: true,
            assignment: true,
            priorities: true,
            server_search: true,
            server_status_filter: true,
            server_sort: true,
            close_reopen: true,
            bulk: false,
            guest_tracking: true,
            reports: false,
        }
    }

    pub fn list_tickets(&self, query: &TicketQuery) -> Result<TicketPage, ApiError> {
        with_store(|s| Ok(s.list(&self.viewer, query, self.lang)))
    }

    pub fn ticket(&self, id: TicketId) -> Result<TicketThread, ApiError> {
        with_store(|s| s.thread(&self.viewer, id, self.lang))
    }

    pub fn create_ticket(&self, new: NewTicket) -> Result<Ticket, ApiError> {
        with_store(|s| s.create(&self.viewer, new, Utc::now(), self.lang))
    }

    pub fn reply(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        with_store(|s| s.reply(&self.viewer, id, message, false, Utc::now(), self.lang))
    }

    pub fn add_note(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        with_store(|s| s.reply(&self.viewer, id, message, true, Utc::now(), self.lang))
    }

    pub fn update_ticket(&self, id: TicketId, update: TicketUpdate) -> Result<TicketThread, ApiError> {
        with_store(|s| s.update(&self.viewer, id, update, Utc::now(), self.lang))
    }

    pub fn statuses(&self) -> Vec<Status> {
        vocabulary::statuses(self.lang)
    }

    pub fn priorities(&self) -> Vec<Priority> {
        vocabulary::priorities(self.lang)
    }

    pub fn departments(&self) -> Vec<Department> {
        vocabulary::departments(self.lang)
    }

    pub fn agents(&self) -> Vec<Person> {
        vocabulary::agents()
    }
}
