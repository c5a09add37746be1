//! The in-browser demo helpdesk: the embedded default backend. It seeds itself
//! deterministically and persists only what users changed, so 10,000 seeded tickets cost
//! a few bytes of `localStorage` while every created ticket, reply and edit survives reloads.
//! Its Persian content is a data file fetched on first use, so deployments on a real
//! backend never download it.

pub mod seed;
pub mod store;
pub mod vocabulary;

use std::cell::RefCell;
use std::rc::Rc;

use chrono::Utc;

use crate::api::{ApiError, Capabilities, Viewer};
use crate::calendar::Lang;
use crate::domain::{
    base64, Attachment, NewMessage, NewTicket, Ticket, TicketId, TicketPage, TicketQuery, TicketThread, TicketUpdate,
    Vocabulary,
};
use crate::platform::{app_asset_url, BrowserStorage};
use seed::SeedTemplates;
use store::DemoStore;

/// Tickets seeded when nothing asks for another size.
pub const DEFAULT_SEED_COUNT: usize = 320;
/// Per-file limit: attachments are kept as data URLs in `localStorage`.
pub const MAX_ATTACHMENT_BYTES: u64 = 512 * 1024;
/// The seed's content, beside the app's files.
pub const SEED_TEMPLATES_FILE: &str = "demo/seed-fa.json";

thread_local! {
    static STORE: RefCell<Option<DemoStore>> = const { RefCell::new(None) };
    static TEMPLATES: RefCell<Option<Rc<SeedTemplates>>> = const { RefCell::new(None) };
}

/// A handle on the page's one demo store; cheap to clone, `Send + Sync` as contexts need.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DemoBackend {
    pub viewer: Viewer,
    pub lang: Lang,
    pub seed_count: usize,
}

/// Supplies the seed content directly (tests, or a page that inlines it), skipping the fetch.
pub fn use_templates(templates: SeedTemplates) {
    TEMPLATES.with(|cell| *cell.borrow_mut() = Some(Rc::new(templates)));
}

async fn templates() -> Result<Rc<SeedTemplates>, ApiError> {
    if let Some(t) = TEMPLATES.with(|cell| cell.borrow().clone()) {
        return Ok(t);
    }
    let url = app_asset_url(SEED_TEMPLATES_FILE);
    let response =
        gloo_net::http::Request::get(&url).send().await.map_err(|e| ApiError::Network(e.to_string()))?;
    if !response.ok() {
        return Err(ApiError::Server { status: response.status(), message: url });
    }
    let json = response.text().await.map_err(|e| ApiError::Network(e.to_string()))?;
    let parsed = seed::parse_templates(&json)
        .map_err(|detail| ApiError::UnexpectedPayload { path: SEED_TEMPLATES_FILE.into(), detail })?;
    let templates = Rc::new(parsed);
    TEMPLATES.with(|cell| *cell.borrow_mut() = Some(templates.clone()));
    Ok(templates)
}

/// Opens the page's demo store on first use, or re-seeds it when asked for another size.
async fn ready(seed_count: usize) -> Result<(), ApiError> {
    let is_open = || STORE.with(|cell| cell.borrow().as_ref().is_some_and(|s| s.seed_count() == seed_count));
    if is_open() {
        return Ok(());
    }
    let templates = templates().await?;
    // Another call may have opened it while this one waited for the content.
    if !is_open() {
        let store = DemoStore::open(Box::new(BrowserStorage::Local), templates, seed_count, Utc::now());
        STORE.with(|cell| *cell.borrow_mut() = Some(store));
    }
    Ok(())
}

/// Drops every change and seeds anew from now.
pub fn reset() {
    STORE.with(|cell| {
        if let Some(store) = cell.borrow_mut().as_mut() {
            store.reset(Utc::now());
        }
    });
}

/// Runs `f` on the page's store, opening (or re-seeding) it first.
async fn with_store<T>(
    seed_count: usize,
    f: impl FnOnce(&mut DemoStore) -> Result<T, ApiError>,
) -> Result<T, ApiError> {
    ready(seed_count).await?;
    STORE.with(|cell| match cell.borrow_mut().as_mut() {
        Some(store) => f(store),
        None => Err(ApiError::Storage("the demo store is not open".into())),
    })
}

impl DemoBackend {
    pub const CAPABILITIES: Capabilities = Capabilities {
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
        };

    pub fn capabilities(&self) -> Capabilities {
        Self::CAPABILITIES
    }

    pub async fn list_tickets(&self, query: &TicketQuery) -> Result<TicketPage, ApiError> {
        with_store(self.seed_count, |s| Ok(s.list(&self.viewer, query, self.lang))).await
    }

    pub async fn ticket(&self, id: TicketId) -> Result<TicketThread, ApiError> {
        with_store(self.seed_count, |s| s.thread(&self.viewer, id, self.lang)).await
    }

    pub async fn create_ticket(&self, new: NewTicket) -> Result<Ticket, ApiError> {
        with_store(self.seed_count, |s| s.create(&self.viewer, new, Utc::now(), self.lang)).await
    }

    pub async fn reply(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        with_store(self.seed_count, |s| s.reply(&self.viewer, id, message, false, Utc::now(), self.lang)).await
    }

    pub async fn add_note(&self, id: TicketId, message: NewMessage) -> Result<TicketThread, ApiError> {
        with_store(self.seed_count, |s| s.reply(&self.viewer, id, message, true, Utc::now(), self.lang)).await
    }

    pub async fn update_ticket(&self, id: TicketId, update: TicketUpdate) -> Result<TicketThread, ApiError> {
        with_store(self.seed_count, |s| s.update(&self.viewer, id, update, Utc::now(), self.lang)).await
    }

    pub async fn vocabulary(&self) -> Result<Vocabulary, ApiError> {
        Ok(Vocabulary {
            statuses: vocabulary::statuses(self.lang),
            priorities: vocabulary::priorities(self.lang),
            departments: vocabulary::departments(self.lang),
            agents: vocabulary::agents(),
        })
    }

    /// A demo file's bytes: the store keeps each file as a `data:…;base64,` URL.
    pub async fn attachment(&self, attachment: &Attachment) -> Result<Vec<u8>, ApiError> {
        data_url_bytes(attachment)
    }
}

fn data_url_bytes(attachment: &Attachment) -> Result<Vec<u8>, ApiError> {
    let (_, data) = attachment
        .url
        .strip_prefix("data:")
        .and_then(|rest| rest.split_once(";base64,"))
        .ok_or(ApiError::NotFound)?;
    base64::decode(data).ok_or_else(|| ApiError::UnexpectedPayload { path: "url".into(), detail: "not base64".into() })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::NewAttachment;
    use crate::platform::MemoryStorage;

    #[test]
    fn a_stored_file_downloads_byte_for_byte() {
        let templates = seed::parse_templates(include_str!("../../public/demo/seed-fa.json")).unwrap();
        let now = chrono::TimeZone::with_ymd_and_hms(&Utc, 2026, 12, 1, 9, 0, 0).unwrap();
        let mut store = DemoStore::open(Box::new(MemoryStorage::default()), Rc::new(templates), 5, now);
        let customer = Viewer::Customer { name: "پریا نوری".into(), email: "pariya@example.ir".into() };
        let bytes = "گزارش خطا\n\u{0}\u{ff}".as_bytes().to_vec();
        let new = NewTicket {
            customer_name: "پریا نوری".into(),
            customer_email: "pariya@example.ir".into(),
            subject: "پیوست".into(),
            body: "فایل پیوست است".into(),
            department: Some("technical".into()),
            priority: None,
            attachments: vec![NewAttachment {
                name: "گزارش.txt".into(),
                mime: "text/plain".into(),
                bytes: bytes.clone(),
            }],
        };
        let ticket = store.create(&customer, new, now, Lang::Fa).unwrap();
        let thread = store.thread(&customer, ticket.id, Lang::Fa).unwrap();
        let file = &thread.messages[0].attachments[0];
        assert_eq!(data_url_bytes(file), Ok(bytes));
        let elsewhere = Attachment { url: "https://example.ir/x.txt".into(), ..file.clone() };
        assert_eq!(data_url_bytes(&elsewhere), Err(ApiError::NotFound));
        let broken = Attachment { url: "data:text/plain;base64,@@".into(), ..file.clone() };
        assert!(matches!(data_url_bytes(&broken), Err(ApiError::UnexpectedPayload { .. })));
    }
}
