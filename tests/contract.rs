//! The backend contract: one set of checks written against the `Backend` surface and run,
//! in headless Chromium through the app's own HTTP transport, against every backend the
//! test command brings up. `PISHKHAN_CONTRACT` (read when this file is compiled) lists them:
//!
//! ```json
//! [{"kind": "django_helpdesk", "base": "http://127.0.0.1:18101/helpdesk/api",
//!   "agent": {"id": "2", "name": "agent", "token": "…"}, "customer_token": "…",
//!   "departments": [{"key": "1", "label": "فنی"}], "agents": [{"id": "2", "name": "agent"}]}]
//! ```
//!
//! The demo backend is always checked. Where a backend lacks a capability, the check is that
//! `Capabilities` says so and the call fails cleanly with `Unsupported`.
#![cfg(target_arch = "wasm32")]

use serde::Deserialize;
use wasm_bindgen_test::*;

use pishkhan::api::demo::{self, seed, DemoBackend};
use pishkhan::api::django_helpdesk::DjangoHelpdeskBackend;
use pishkhan::api::request_tracker::RequestTrackerBackend;
use pishkhan::api::{ApiError, Backend, BackendKind, Credentials, Viewer};
use pishkhan::calendar::Lang;
use pishkhan::domain::html::html_to_text;
use pishkhan::domain::{
    Attachment, Body, Department, NewAttachment, NewMessage, NewTicket, Person, SortField, StatusKind, TicketQuery,
    TicketThread, TicketUpdate, Visibility,
};

wasm_bindgen_test_configure!(run_in_browser);

#[derive(Clone, Debug, Deserialize)]
struct Agent {
    id: String,
    name: String,
    token: String,
}

#[derive(Clone, Debug, Deserialize)]
struct Target {
    kind: BackendKind,
    #[serde(default)]
    base: String,
    agent: Option<Agent>,
    customer_token: Option<String>,
    #[serde(default)]
    departments: Vec<Department>,
    #[serde(default)]
    agents: Vec<Person>,
}

fn targets() -> Vec<Target> {
    let demo = Target {
        kind: BackendKind::Demo,
        base: String::new(),
        agent: None,
        customer_token: None,
        departments: vec![],
        agents: vec![],
    };
    let mut all = vec![demo];
    if let Some(json) = option_env!("PISHKHAN_CONTRACT") {
        all.extend(serde_json::from_str::<Vec<Target>>(json).expect("PISHKHAN_CONTRACT is a JSON list of targets"));
    }
    all
}

/// The backend for `target` as the given credentials; `viewer` decides the client's own
/// checks (an agent viewer sends everything to the server and lets it refuse).
fn backend(target: &Target, credentials: Credentials, viewer: Viewer) -> Backend {
    let base = target.base.clone();
    let (queues, agents) = (target.departments.clone(), target.agents.clone());
    match target.kind {
        BackendKind::Demo => Backend::Demo(DemoBackend { viewer, lang: Lang::Fa, seed_count: 60 }),
        BackendKind::DjangoHelpdesk => {
            Backend::DjangoHelpdesk(DjangoHelpdeskBackend { base, credentials, queues, agents, viewer })
        }
        BackendKind::RequestTracker => {
            Backend::RequestTracker(RequestTrackerBackend { base, credentials, queues, agents, viewer })
        }
        other => panic!("no contract wiring for {other:?}"),
    }
}

fn agent_viewer(target: &Target) -> Viewer {
    match &target.agent {
        Some(a) => Viewer::Agent { id: a.id.clone(), name: a.name.clone() },
        None => match demo::vocabulary::agents().into_iter().next() {
            Some(a) => Viewer::Agent { id: a.id, name: a.name },
            None => Viewer::Agent { id: "1".into(), name: "agent".into() },
        },
    }
}

fn as_agent(target: &Target) -> Backend {
    let credentials = target.agent.as_ref().map(|a| Credentials::Token { token: a.token.clone() }).unwrap_or_default();
    backend(target, credentials, agent_viewer(target))
}

fn prepare_demo() {
    // The test server serves no app files: hand the demo its content directly.
    demo::use_templates(seed::parse_templates(include_str!("../public/demo/seed-fa.json")).unwrap());
}

/// A tag no seeded ticket has, so searches find only what this run created.
fn marker() -> String {
    let n = (js_sys::Math::random() * 1e9) as u64;
    format!("آزمون{n}")
}

fn text_of(body: &Body) -> String {
    match body {
        Body::Text(t) => t.clone(),
        Body::Html(h) => html_to_text(h),
    }
}

const BODY: &str = "سلام، می‌خواهم قرارداد پشتیبانی «طلایی» را تمدید کنم؛ شمارهٔ قرارداد ۱۴۰۵/۰۷ است.";
const FILE_NAME: &str = "گزارش-آزمون.txt";
const FILE_BYTES: &[u8] = "کد خطا: E-۲۰۴\nError code: E-204\n".as_bytes();

async fn create(target: &Target, b: &Backend, mark: &str) -> TicketThread {
    let caps = b.capabilities();
    let vocabulary = b.vocabulary().await.unwrap_or_else(|e| panic!("{:?}: vocabulary: {e:?}", target.kind));
    let attachments = if caps.attachments {
        vec![NewAttachment { name: FILE_NAME.into(), mime: "text/plain".into(), bytes: FILE_BYTES.to_vec() }]
    } else {
        vec![]
    };
    let new = NewTicket {
        customer_name: "مریم کاظمی".into(),
        customer_email: "maryam.kazemi@example.test".into(),
        subject: format!("تمدید قرارداد پشتیبانی {mark}"),
        body: BODY.into(),
        department: vocabulary.departments.first().map(|d| d.key.clone()),
        priority: None,
        attachments,
    };
    let ticket = b.create_ticket(new.clone()).await.unwrap_or_else(|e| panic!("{:?}: create: {e:?}", target.kind));
    assert_eq!(ticket.subject, new.subject, "{:?}: the subject round-trips byte for byte", target.kind);
    b.ticket(ticket.id).await.unwrap_or_else(|e| panic!("{:?}: read back: {e:?}", target.kind))
}

fn attachment_named<'a>(thread: &'a TicketThread, name: &str) -> Option<&'a Attachment> {
    thread.messages.iter().flat_map(|m| &m.attachments).find(|a| a.name == name)
}

#[wasm_bindgen_test]
async fn create_read_reply_note_and_download_in_persian() {
    prepare_demo();
    for target in targets() {
        let kind = target.kind;
        let b = as_agent(&target);
        let caps = b.capabilities();
        let mark = marker();
        let thread = create(&target, &b, &mark).await;
        let opening = thread.messages.first().unwrap_or_else(|| panic!("{kind:?}: the thread has the request"));
        assert!(text_of(&opening.body).contains(BODY), "{kind:?}: the body round-trips: {:?}", opening.body);

        if caps.attachments {
            let file = attachment_named(&thread, FILE_NAME).unwrap_or_else(|| panic!("{kind:?}: the attachment is listed"));
            let bytes = b.attachment(file).await.unwrap_or_else(|e| panic!("{kind:?}: download: {e:?}"));
            assert_eq!(bytes, FILE_BYTES, "{kind:?}: the attachment downloads byte for byte");
        }

        let reply = format!("پاسخ کارشناس {mark}: قرارداد شما تمدید شد.");
        let after = b
            .reply(thread.ticket.id, NewMessage { body: reply.clone(), attachments: vec![] })
            .await
            .unwrap_or_else(|e| panic!("{kind:?}: reply: {e:?}"));
        let sent = after.messages.iter().find(|m| text_of(&m.body).contains(&reply));
        let sent = sent.unwrap_or_else(|| panic!("{kind:?}: the reply is in the thread"));
        assert_eq!(sent.visibility, Visibility::Public, "{kind:?}");

        let note = format!("یادداشت داخلی {mark}: مشتری ویژه است.");
        let noted = b.add_note(thread.ticket.id, NewMessage { body: note.clone(), attachments: vec![] }).await;
        if caps.internal_notes {
            let noted = noted.unwrap_or_else(|e| panic!("{kind:?}: note: {e:?}"));
            let found = noted.messages.iter().find(|m| text_of(&m.body).contains(&note));
            let found = found.unwrap_or_else(|| panic!("{kind:?}: the note is in the thread"));
            assert_eq!(found.visibility, Visibility::Internal, "{kind:?}");
        } else {
            assert!(matches!(noted, Err(ApiError::Unsupported(_))), "{kind:?}: {noted:?}");
        }
    }
}

#[wasm_bindgen_test]
async fn list_search_filter_sort_and_page() {
    prepare_demo();
    for target in targets() {
        let kind = target.kind;
        let b = as_agent(&target);
        let mark = marker();
        let first = create(&target, &b, &mark).await.ticket;
        let second = create(&target, &b, &mark).await.ticket;
        let b = &b;
        let query = |q: TicketQuery| async move { b.list_tickets(&q).await };

        let found = query(TicketQuery { search: mark.clone(), per_page: 50, page: 1, ..Default::default() })
            .await
            .unwrap_or_else(|e| panic!("{kind:?}: search: {e:?}"));
        let mut ids: Vec<u64> = found.tickets.iter().map(|t| t.id).collect();
        ids.sort();
        assert_eq!(ids, vec![first.id.min(second.id), first.id.max(second.id)], "{kind:?}: search finds both, only");

        let by_status = |kinds: Vec<StatusKind>| TicketQuery {
            search: mark.clone(),
            statuses: kinds,
            per_page: 50,
            page: 1,
            ..Default::default()
        };
        let open = query(by_status(vec![first.status.kind])).await.unwrap();
        assert_eq!(open.total, 2, "{kind:?}: a status filter keeps them");
        let closed = query(by_status(vec![StatusKind::Closed])).await.unwrap();
        assert_eq!(closed.total, 0, "{kind:?}: and a different status drops them");

        let newest = query(TicketQuery {
            search: mark.clone(),
            sort: SortField::Created,
            descending: true,
            per_page: 50,
            page: 1,
            ..Default::default()
        })
        .await
        .unwrap();
        assert_eq!(newest.tickets.first().map(|t| t.id), Some(first.id.max(second.id)), "{kind:?}: newest first");

        let page = |n| TicketQuery { sort: SortField::Number, page: n, per_page: 2, ..Default::default() };
        let one = query(page(1)).await.unwrap_or_else(|e| panic!("{kind:?}: page 1: {e:?}"));
        let two = query(page(2)).await.unwrap_or_else(|e| panic!("{kind:?}: page 2: {e:?}"));
        assert_eq!(one.tickets.len(), 2, "{kind:?}");
        assert!(one.total >= 4 && one.total == two.total, "{kind:?}: totals {} / {}", one.total, two.total);
        assert!(
            one.tickets.iter().all(|t| two.tickets.iter().all(|u| u.id != t.id)),
            "{kind:?}: pages do not overlap"
        );
    }
}

#[wasm_bindgen_test]
async fn change_status_priority_and_assignee() {
    prepare_demo();
    for target in targets() {
        let kind = target.kind;
        let b = as_agent(&target);
        let caps = b.capabilities();
        let vocabulary = b.vocabulary().await.unwrap();
        let thread = create(&target, &b, &marker()).await;
        let id = thread.ticket.id;

        let resolved = vocabulary.statuses.iter().find(|s| s.kind == StatusKind::Resolved || s.kind == StatusKind::Closed);
        let resolved = resolved.unwrap_or_else(|| panic!("{kind:?}: a resolved or closed status"));
        let changed = b
            .update_ticket(id, TicketUpdate { status: Some(resolved.key.clone()), ..Default::default() })
            .await
            .unwrap_or_else(|e| panic!("{kind:?}: status: {e:?}"));
        assert_eq!(changed.ticket.status.key, resolved.key, "{kind:?}");

        let other = vocabulary.priorities.iter().find(|p| p.key != thread.ticket.priority.key);
        let update = TicketUpdate { priority: other.map(|p| p.key.clone()), ..Default::default() };
        let priority = b.update_ticket(id, update).await;
        match (caps.priorities, other) {
            (true, Some(p)) => assert_eq!(priority.unwrap().ticket.priority.key, p.key, "{kind:?}"),
            (false, _) => assert!(matches!(priority, Err(ApiError::Unsupported(_))), "{kind:?}: {priority:?}"),
            (true, None) => panic!("{kind:?}: only one priority"),
        }

        let agent = vocabulary.agents.first().map(|a| a.id.clone());
        let assigned = b.update_ticket(id, TicketUpdate { assignee: Some(agent.clone()), ..Default::default() }).await;
        if caps.assignment {
            let assigned = assigned.unwrap_or_else(|e| panic!("{kind:?}: assign: {e:?}"));
            assert_eq!(assigned.ticket.assignee.map(|a| a.id), agent, "{kind:?}");
        } else {
            assert!(matches!(assigned, Err(ApiError::Unsupported(_))), "{kind:?}: {assigned:?}");
        }
    }
}

#[wasm_bindgen_test]
async fn bad_credentials_missing_tickets_and_forbidden_actions() {
    prepare_demo();
    for target in targets() {
        let kind = target.kind;
        let b = as_agent(&target);
        let missing = b.ticket(987_654).await;
        assert_eq!(missing.err(), Some(ApiError::NotFound), "{kind:?}: a missing ticket");

        if kind == BackendKind::Demo {
            // No credentials to get wrong; a customer may not write internal notes.
            let own = create(&target, &b, &marker()).await.ticket;
            let customer = backend(
                &target,
                Credentials::None,
                Viewer::Customer { name: own.customer.name.clone(), email: own.customer.email.clone().unwrap_or_default() },
            );
            let note = customer.add_note(own.id, NewMessage { body: "یادداشت".into(), attachments: vec![] }).await;
            assert_eq!(note.err(), Some(ApiError::Forbidden), "{kind:?}");
            continue;
        }

        let wrong = backend(&target, Credentials::Token { token: "not-a-real-token".into() }, agent_viewer(&target));
        let refused = wrong.list_tickets(&TicketQuery { page: 1, per_page: 5, ..Default::default() }).await;
        assert_eq!(refused.err(), Some(ApiError::Unauthorized), "{kind:?}: bad credentials");

        // The customer's own credentials sent as if they were an agent's: the server refuses
        // a ticket that is not theirs.
        let theirs_not = create(&target, &b, &marker()).await.ticket;
        let token = target.customer_token.clone().expect("a customer token");
        let customer = backend(&target, Credentials::Token { token }, agent_viewer(&target));
        let forbidden = customer.ticket(theirs_not.id).await;
        assert_eq!(forbidden.err(), Some(ApiError::Forbidden), "{kind:?}: someone else's ticket");
    }
}
