use chrono::{Duration, TimeZone, Utc};

use super::*;
use crate::domain::AssigneeFilter;
use crate::platform::MemoryStorage;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 0, 0).unwrap()
}

fn agent() -> Viewer {
    Viewer::Agent { id: "2".into(), name: "رضا کریمی".into() }
}

fn customer() -> Viewer {
    Viewer::Customer { name: "پریا نوری".into(), email: "pariya@example.ir".into() }
}

fn new_ticket() -> NewTicket {
    NewTicket {
        customer_name: "پریا نوری".into(),
        customer_email: "Pariya@example.ir".into(),
        subject: "قطعی ایمیل".into(),
        body: "ایمیل‌ها نمی‌رسند".into(),
        department: Some("technical".into()),
        priority: Some("high".into()),
        attachments: vec![NewAttachment { name: "log.txt".into(), mime: "text/plain".into(), bytes: b"err 500".to_vec() }],
    }
}

fn open(storage: &MemoryStorage, count: usize) -> DemoStore {
    let templates = seed::parse_templates(include_str!("../../../../public/demo/seed-fa.json")).unwrap();
    DemoStore::open(Box::new(storage.clone()), Rc::new(templates), count, now())
}

#[test]
fn seeds_and_lists_with_filters() {
    let store = open(&MemoryStorage::default(), 300);
    let all = store.list(&agent(), &TicketQuery { per_page: 1000, ..Default::default() }, Lang::Fa);
    assert_eq!(all.total, 300);
    let open_only = TicketQuery { statuses: vec![StatusKind::Open], ..Default::default() };
    let page = store.list(&agent(), &open_only, Lang::Fa);
    assert!(page.total > 0 && page.total < 300);
    assert!(page.tickets.iter().all(|t| t.status.kind == StatusKind::Open));
}

#[test]
fn created_ticket_survives_reopen_with_attachment_and_search_by_persian_number() {
    let storage = MemoryStorage::default();
    let mut store = open(&storage, 50);
    let t = store.create(&customer(), new_ticket(), now(), Lang::Fa).unwrap();
    assert_eq!(t.id, 51);
    assert_eq!(t.status.kind, StatusKind::New);
    assert_eq!(t.customer.email.as_deref(), Some("pariya@example.ir"));

    let reopened = open(&storage, 50);
    let persian_number = crate::domain::text::to_persian_digits(&t.number);
    let found = reopened.list(&agent(), &TicketQuery { search: persian_number, ..Default::default() }, Lang::Fa);
    assert_eq!(found.tickets.iter().map(|t| t.id).collect::<Vec<_>>(), vec![51]);
    let thread = reopened.thread(&agent(), 51, Lang::Fa).unwrap();
    let attachment = &thread.messages[0].attachments[0];
    assert_eq!(attachment.name, "log.txt");
    assert_eq!(attachment.url, "data:text/plain;base64,ZXJyIDUwMA==");
}

#[test]
fn validation_names_every_bad_field() {
    let mut store = open(&MemoryStorage::default(), 10);
    let bad = NewTicket {
        customer_name: " ".into(),
        customer_email: "not-an-email".into(),
        subject: "".into(),
        body: "x".repeat(MAX_BODY_CHARS + 1),
        department: Some("nope".into()),
        priority: Some("urgent!".into()),
        attachments: vec![NewAttachment { name: "a.exe".into(), mime: "application/x-msdownload".into(), bytes: vec![0] }],
    };
    let Err(ApiError::Validation(errors)) = store.create(&agent(), bad, now(), Lang::Fa) else {
        panic!("expected a validation error");
    };
    let fields: Vec<(&str, &str)> = errors.iter().map(|e| (e.field.as_str(), e.message.as_str())).collect();
    assert_eq!(
        fields,
        vec![
            ("customer_name", "required"),
            ("customer_email", "invalid_email"),
            ("subject", "required"),
            ("body", "too_long"),
            ("department", "unknown"),
            ("priority", "unknown"),
            ("attachments", "type_not_allowed"),
        ]
    );
    let mut big = new_ticket();
    big.attachments[0].bytes = vec![0; MAX_ATTACHMENT_BYTES as usize + 1];
    let err = store.create(&agent(), big, now(), Lang::Fa).unwrap_err();
    assert_eq!(err.field_message("attachments"), Some("too_large"));
}

#[test]
fn replies_drive_status_like_a_real_helpdesk() {
    let mut store = open(&MemoryStorage::default(), 10);
    let t = store.create(&customer(), new_ticket(), now(), Lang::Fa).unwrap();
    let later = now() + Duration::minutes(30);
    let thread = store.reply(&agent(), t.id, NewMessage { body: "بررسی شد".into(), attachments: vec![] }, false, later, Lang::Fa).unwrap();
    assert_eq!(thread.ticket.status.kind, StatusKind::WaitingOnCustomer);
    assert_eq!(thread.ticket.first_response_at, Some(later));
    assert_eq!(thread.ticket.assignee.as_ref().map(|a| a.id.as_str()), Some("2"), "the replying agent takes it");
    let note = store.reply(&agent(), t.id, NewMessage { body: "یادداشت".into(), attachments: vec![] }, true, later, Lang::Fa).unwrap();
    assert_eq!(note.ticket.status.kind, StatusKind::WaitingOnCustomer, "a note changes no status");
    let back = store.reply(&customer(), t.id, NewMessage { body: "ممنون، هنوز مشکل هست".into(), attachments: vec![] }, false, later, Lang::Fa).unwrap();
    assert_eq!(back.ticket.status.kind, StatusKind::Open);
    assert_eq!(back.ticket.reply_count, 2);
    assert!(back.messages.iter().all(|m| m.visibility == Visibility::Public), "customers never see notes");
    let as_agent = store.thread(&agent(), t.id, Lang::Fa).unwrap();
    assert_eq!(as_agent.messages.iter().filter(|m| m.visibility == Visibility::Internal).count(), 1);
}

#[test]
fn customers_see_and_change_only_their_own_tickets() {
    let mut store = open(&MemoryStorage::default(), 30);
    let someone_else = store.list(&agent(), &TicketQuery::default(), Lang::Fa).tickets[0].id;
    assert_eq!(store.thread(&customer(), someone_else, Lang::Fa).unwrap_err(), ApiError::NotFound);
    let mine = store.create(&customer(), new_ticket(), now(), Lang::Fa).unwrap();
    let listed = store.list(&customer(), &TicketQuery::default(), Lang::Fa);
    assert_eq!(listed.tickets.iter().map(|t| t.id).collect::<Vec<_>>(), vec![mine.id]);
    let promote = TicketUpdate { priority: Some("critical".into()), ..Default::default() };
    assert_eq!(store.update(&customer(), mine.id, promote, now(), Lang::Fa).unwrap_err(), ApiError::Forbidden);
    let note = NewMessage { body: "x".into(), attachments: vec![] };
    assert_eq!(store.reply(&customer(), mine.id, note, true, now(), Lang::Fa).unwrap_err(), ApiError::Forbidden);
    let close = TicketUpdate { status: Some("closed".into()), ..Default::default() };
    let closed = store.update(&customer(), mine.id, close, now(), Lang::Fa).unwrap();
    assert_eq!(closed.ticket.status.kind, StatusKind::Closed);
    assert!(closed.ticket.closed_at.is_some());
    let reply = NewMessage { body: "سلام".into(), attachments: vec![] };
    assert!(matches!(store.reply(&customer(), mine.id, reply, false, now(), Lang::Fa), Err(ApiError::Conflict(_))));
    let reopen = TicketUpdate { status: Some("open".into()), ..Default::default() };
    assert_eq!(store.update(&customer(), mine.id, reopen, now(), Lang::Fa).unwrap().ticket.closed_at, None);
}

#[test]
fn agent_updates_log_system_events_and_relabel_in_english() {
    let mut store = open(&MemoryStorage::default(), 10);
    let t = store.create(&customer(), new_ticket(), now(), Lang::Fa).unwrap();
    let update = TicketUpdate {
        status: Some("in_progress".into()),
        priority: Some("critical".into()),
        assignee: Some(Some("3".into())),
        department: Some("billing".into()),
        tags: Some(vec!["فوری".into(), " فوری ".into(), "".into()]),
    };
    let thread = store.update(&agent(), t.id, update, now(), Lang::En).unwrap();
    assert_eq!(thread.ticket.status.label, "In progress");
    assert_eq!(thread.ticket.priority.label, "Critical");
    assert_eq!(thread.ticket.department.as_ref().map(|d| d.label.as_str()), Some("Billing"));
    assert_eq!(thread.ticket.tags, vec!["فوری".to_string()]);
    assert_eq!(thread.messages.iter().filter(|m| m.author.kind == AuthorKind::System).count(), 4);
    let by_agent = TicketQuery { assignee: AssigneeFilter::Agent("3".into()), ..Default::default() };
    assert!(store.list(&agent(), &by_agent, Lang::Fa).tickets.iter().any(|x| x.id == t.id));
    let bad = TicketUpdate { status: Some("bogus".into()), assignee: Some(Some("99".into())), ..Default::default() };
    let err = store.update(&agent(), t.id, bad, now(), Lang::Fa).unwrap_err();
    assert_eq!(err.field_message("status"), Some("unknown"));
    assert_eq!(err.field_message("assignee"), Some("unknown"));
    let unassign = TicketUpdate { assignee: Some(None), ..Default::default() };
    assert_eq!(store.update(&agent(), t.id, unassign, now(), Lang::Fa).unwrap().ticket.assignee, None);
}

#[test]
fn a_full_storage_refuses_the_change_and_memory_stays_as_it_was() {
    let storage = MemoryStorage::with_limit(100);
    let mut store = open(&storage, 10);
    let before = store.list(&agent(), &TicketQuery::default(), Lang::Fa).total;
    let err = store.create(&customer(), new_ticket(), now(), Lang::Fa).unwrap_err();
    assert!(matches!(err, ApiError::Storage(_)), "{err:?}");
    assert_eq!(store.list(&agent(), &TicketQuery::default(), Lang::Fa).total, before);
    let id = store.list(&agent(), &TicketQuery::default(), Lang::Fa).tickets[0].id;
    let original = store.thread(&agent(), id, Lang::Fa).unwrap();
    let update = TicketUpdate { priority: Some("critical".into()), ..Default::default() };
    assert!(matches!(store.update(&agent(), id, update, now(), Lang::Fa), Err(ApiError::Storage(_))));
    assert_eq!(store.thread(&agent(), id, Lang::Fa).unwrap(), original);
}

#[test]
fn reset_and_reseed_drop_changes() {
    let storage = MemoryStorage::default();
    let mut store = open(&storage, 20);
    store.create(&customer(), new_ticket(), now(), Lang::Fa).unwrap();
    store.reset(now() + Duration::days(1));
    assert_eq!(store.list(&agent(), &TicketQuery::default(), Lang::Fa).total, 20);
    let mut store = open(&storage, 20);
    store.create(&customer(), new_ticket(), now(), Lang::Fa).unwrap();
    let bigger = open(&storage, 40);
    assert_eq!(bigger.list(&agent(), &TicketQuery::default(), Lang::Fa).total, 40, "a new size seeds anew");
}

#[test]
fn corrupt_storage_is_ignored_not_fatal() {
    let storage = MemoryStorage::default();
    storage.set("pishkhan.demo.v2.meta", "{\"seed_count\":20,").unwrap();
    storage.set("pishkhan.demo.v2.log", "[garbage").unwrap();
    let store = open(&storage, 20);
    assert_eq!(store.list(&agent(), &TicketQuery::default(), Lang::Fa).total, 20);
}
