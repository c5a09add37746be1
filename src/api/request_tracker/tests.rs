//! The mapping on exchanges recorded from a real Request Tracker 5.0.3, plus robustness:
//! decoding never panics, whatever the bytes, and says where it failed.

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::api::http::query_string;
use crate::api::json::fuzz::{decoded_or_path, mutate, prefix, Rng};
use super::dto::{
    AttachmentItemDto, AttachmentRecordDto, CreatedDto, ErrorDto, HistoryItemDto, MessagesDto, PageDto, RefDto,
    TicketItemDto, TicketRecordDto,
};
use super::mapping::*;
use crate::api::{ApiError, FieldError};
use crate::domain::{
    AssigneeFilter, AuthorKind, Body, Department, NewAttachment, NewTicket, PriorityLevel, SortField, StatusKind,
    TicketQuery, TicketUpdate, Visibility,
};

macro_rules! fixture {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../tests/fixtures/request-tracker/", $name, ".json")))
    };
}

/// Every recorded exchange, for the tests that run over all of them.
const ALL: [(&str, &str); 97] = [
    fixture!("attachment-get-binary"),
    fixture!("attachment-get-text"),
    fixture!("basic-auth"),
    fixture!("cors-get-bad-origin"),
    fixture!("cors-get-with-origin"),
    fixture!("cors-post-with-origin"),
    fixture!("cors-preflight-bad-header"),
    fixture!("cors-preflight-bad-origin"),
    fixture!("cors-preflight-put-ticket"),
    fixture!("cors-preflight-tickets"),
    fixture!("customer-comment-own"),
    fixture!("customer-delete-own"),
    fixture!("customer-history-own"),
    fixture!("customer-queues"),
    fixture!("customer-ticket-other"),
    fixture!("customer-ticket-own"),
    fixture!("customer-tickets"),
    fixture!("customer-update-own"),
    fixture!("customer-users"),
    fixture!("error-attachment-not-found"),
    fixture!("error-bad-basic"),
    fixture!("error-bad-token"),
    fixture!("error-correspond-not-found"),
    fixture!("error-no-auth-root"),
    fixture!("error-no-auth-with-origin"),
    fixture!("error-no-auth"),
    fixture!("error-queue-not-found"),
    fixture!("error-ticket-not-found"),
    fixture!("error-transaction-not-found"),
    fixture!("error-unknown-route"),
    fixture!("group-get"),
    fixture!("group-members-as-agent"),
    fixture!("group-members"),
    fixture!("groups"),
    fixture!("queue-get"),
    fixture!("queues-all"),
    fixture!("ticket-comment"),
    fixture!("ticket-correspond-attachment-persian-filename"),
    fixture!("ticket-correspond-html-status"),
    fixture!("ticket-correspond-lang-fa-readback"),
    fixture!("ticket-correspond-lang-fa"),
    fixture!("ticket-correspond-multipart"),
    fixture!("ticket-correspond-no-content-type"),
    fixture!("ticket-correspond-with-attachment"),
    fixture!("ticket-correspond"),
    fixture!("ticket-create-attachment-persian-filename"),
    fixture!("ticket-create-bad-json"),
    fixture!("ticket-create-missing-queue"),
    fixture!("ticket-create-multipart-readback"),
    fixture!("ticket-create-multipart"),
    fixture!("ticket-create-readback-attachment"),
    fixture!("ticket-create-readback-attachments"),
    fixture!("ticket-create-readback-history"),
    fixture!("ticket-create-readback"),
    fixture!("ticket-create-with-attachment-readback-png"),
    fixture!("ticket-create-with-attachment-readback"),
    fixture!("ticket-create-with-attachment"),
    fixture!("ticket-create"),
    fixture!("ticket-delete-readback"),
    fixture!("ticket-delete"),
    fixture!("ticket-get-lang-fa"),
    fixture!("ticket-get"),
    fixture!("ticket-history-after-updates"),
    fixture!("ticket-history-as-root"),
    fixture!("ticket-history-fields-detail"),
    fixture!("ticket-history-fields"),
    fixture!("ticket-history"),
    fixture!("ticket-take"),
    fixture!("ticket-update-empty"),
    fixture!("ticket-update-invalid-status"),
    fixture!("ticket-update-lang-fa"),
    fixture!("ticket-update-mixed"),
    fixture!("ticket-update-noop"),
    fixture!("ticket-update-owner-unprivileged"),
    fixture!("ticket-update-priority-name-readback"),
    fixture!("ticket-update-priority-name"),
    fixture!("ticket-update"),
    fixture!("tickets-list-page-1"),
    fixture!("tickets-list-page-2"),
    fixture!("tickets-list-page-past-end"),
    fixture!("tickets-no-fields"),
    fixture!("tickets-search-empty"),
    fixture!("tickets-search-invalid-sql"),
    fixture!("tickets-search-persian-subject"),
    fixture!("tickets-search-requestor"),
    fixture!("tickets-search-status-active-in-queue"),
    fixture!("tickets-search-status-open"),
    fixture!("transaction-attachments-fields-parent"),
    fixture!("transaction-comment-attachments"),
    fixture!("transaction-correspond-attachments"),
    fixture!("transaction-correspond-html-attachments"),
    fixture!("transaction-create-attachments"),
    fixture!("transaction-get"),
    fixture!("user-get"),
    fixture!("users-as-root"),
    fixture!("users-fields"),
    fixture!("users"),
];

/// One recorded exchange: what we sent, and the answer as the adapter would receive it
/// (JSON bodies re-serialised, other bodies as the raw text the recorder kept; a dropped
/// connection has status 0).
struct Exchange {
    request: Value,
    query: Value,
    status: u16,
    body: String,
}

fn exchange((name, raw): (&str, &str)) -> Exchange {
    let v: Value = serde_json::from_str(raw).unwrap_or_else(|e| panic!("{name}: {e}"));
    let response = &v["response"];
    let body = match &response["body"] {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => serde_json::to_string(other).unwrap(),
    };
    Exchange {
        request: v["request"]["body"].clone(),
        query: v["request"]["query"].clone(),
        status: response["status"].as_u64().unwrap_or(0) as u16,
        body,
    }
}

fn body_of(f: (&str, &str)) -> String {
    exchange(f).body
}

fn parse<T: DeserializeOwned>(f: (&str, &str)) -> T {
    decode(&body_of(f)).unwrap_or_else(|e| panic!("{}: {e}", f.0))
}

fn search(f: (&str, &str)) -> PageDto<TicketItemDto> {
    parse(f)
}

fn history(f: (&str, &str)) -> Vec<HistoryItemDto> {
    parse::<PageDto<HistoryItemDto>>(f).items
}

fn parts(f: (&str, &str)) -> Vec<AttachmentItemDto> {
    parse::<PageDto<AttachmentItemDto>>(f).items
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn queues() -> Vec<Department> {
    vec![
        Department { key: "1".into(), label: "General".into() },
        Department { key: "3".into(), label: "پشتیبانی فنی".into() },
    ]
}

/// The seed (fixtures README): id → (status key, kind, priority, level, owner, requestor).
type Seeded = (u64, &'static str, StatusKind, &'static str, PriorityLevel, Option<&'static str>, &'static str);

const SEED: [Seeded; 10] = [
    (1, "open", StatusKind::Open, "100", PriorityLevel::High, Some("agent"), "customer@example.ir"),
    (2, "new", StatusKind::New, "50", PriorityLevel::Medium, None, "customer@example.ir"),
    (3, "stalled", StatusKind::OnHold, "100", PriorityLevel::High, Some("agent2"), "ali.mohammadi@example.ir"),
    (4, "resolved", StatusKind::Resolved, "0", PriorityLevel::Low, Some("agent"), "customer@example.ir"),
    (5, "new", StatusKind::New, "0", PriorityLevel::Low, None, "ali.mohammadi@example.ir"),
    (6, "open", StatusKind::Open, "50", PriorityLevel::Medium, Some("agent2"), "customer@example.ir"),
    (7, "resolved", StatusKind::Resolved, "50", PriorityLevel::Medium, Some("agent"), "ali.mohammadi@example.ir"),
    (8, "stalled", StatusKind::OnHold, "0", PriorityLevel::Low, Some("agent2"), "customer@example.ir"),
    (9, "open", StatusKind::Open, "100", PriorityLevel::High, None, "ali.mohammadi@example.ir"),
    (10, "new", StatusKind::New, "100", PriorityLevel::High, Some("agent"), "ali.mohammadi@example.ir"),
];

// ---------------------------------------------------------------------------------------
// Reading: lists

#[test]
fn list_pages_map_every_seeded_ticket() {
    let mut seen = Vec::new();
    for (f, page) in [(fixture!("tickets-list-page-1"), 1), (fixture!("tickets-list-page-2"), 2)] {
        for t in page_from(&search(f), page, 5, &queues()).tickets {
            let (_, key, kind, prio, level, owner, requestor) =
                SEED.iter().find(|s| s.0 == t.id).unwrap_or_else(|| panic!("unexpected ticket {}", t.id));
            assert_eq!(
                (t.status.key.as_str(), t.status.label.as_str(), t.status.kind),
                (*key, *key, *kind),
                "#{}",
                t.id
            );
            assert_eq!((t.priority.key.as_str(), t.priority.level), (*prio, *level), "#{}", t.id);
            assert_eq!(t.assignee.as_ref().map(|a| a.id.as_str()), *owner, "#{}", t.id);
            assert_eq!(t.customer.email.as_deref(), Some(*requestor), "#{}", t.id);
            assert_eq!(t.number, t.id.to_string());
            assert!(t.department.is_some());
            seen.push(t.id);
        }
    }
    seen.sort_unstable();
    assert_eq!(seen, (1..=10).collect::<Vec<_>>());
}

#[test]
fn list_items_carry_utc_times_and_queue_names() {
    let p = page_from(&search(fixture!("tickets-list-page-1")), 1, 5, &[]);
    assert_eq!((p.tickets.len(), p.total, p.page_count(), p.partial), (5, 10, 2, false));
    let ten = &p.tickets[0];
    assert_eq!(ten.id, 10);
    assert_eq!(ten.subject, "حذف حساب کاربری");
    assert_eq!((ten.created_at, ten.updated_at), (at("2025-03-14T09:30:00Z"), at("2025-03-14T10:07:00Z")));
    // `fields[Queue]=Name` names the queue even without configured queues.
    assert_eq!(ten.department.as_ref().map(|d| (d.key.as_str(), d.label.as_str())), Some(("3", "پشتیبانی فنی")));
    let nine = &p.tickets[1];
    assert_eq!(nine.department.as_ref().map(|d| d.label.as_str()), Some("General"));
    assert_eq!(nine.assignee, None, "Nobody is no assignee");
    // No history in a search: no reply data, and open never becomes waiting.
    assert!(p.tickets.iter().all(|t| t.reply_count == 0 && t.first_response_at.is_none()));
    assert!(p.tickets.iter().all(|t| t.status.kind != StatusKind::WaitingOnCustomer));
    let p2 = page_from(&search(fixture!("tickets-list-page-2")), 2, 5, &[]);
    assert_eq!(p2.tickets.iter().map(|t| t.id).collect::<Vec<_>>(), vec![5, 4, 3, 2, 1]);
}

#[test]
fn empty_past_end_and_bare_pages() {
    let empty = search(fixture!("tickets-search-empty"));
    assert_eq!(empty.pages.map(|p| p.0), Some(0), "pages is 0.0");
    let p = page_from(&empty, 1, 20, &[]);
    assert_eq!((p.tickets.len(), p.total, p.page_count(), p.partial), (0, 0, 1, false));
    let past = search(fixture!("tickets-list-page-past-end"));
    assert!(past.prev_page.is_some() && past.next_page.is_none());
    let p = page_from(&past, 3, 5, &[]);
    assert_eq!((p.tickets.len(), p.total, p.page), (0, 10, 3));
    // Without `fields=` an item is only its id: still a ticket, with defaults.
    let bare = page_from(&search(fixture!("tickets-no-fields")), 1, 20, &[]);
    assert_eq!((bare.tickets[0].id, bare.tickets[0].subject.as_str()), (1, ""));
    // The customer's search only has their own tickets, and a total.
    let own = page_from(&search(fixture!("customer-tickets")), 1, 20, &queues());
    assert_eq!((own.total, own.tickets.len()), (7, 7));
    assert!(own.tickets.iter().all(|t| t.customer.email.as_deref() == Some("customer@example.ir")));
}

#[test]
fn null_total_gives_a_partial_page() {
    let mut v: Value = serde_json::from_str(&body_of(fixture!("tickets-list-page-1"))).unwrap();
    v["total"] = Value::Null;
    v["pages"] = Value::Null;
    let dto: PageDto<TicketItemDto> = decode(&v.to_string()).unwrap();
    let p = page_from(&dto, 1, 5, &[]);
    // five here, and `next_page` says there is at least one more
    assert_eq!((p.total, p.partial), (6, true));
    v.as_object_mut().unwrap().remove("next_page");
    let dto: PageDto<TicketItemDto> = decode(&v.to_string()).unwrap();
    let p = page_from(&dto, 3, 5, &[]);
    assert_eq!((p.total, p.partial, p.page), (15, true, 3));
}

// ---------------------------------------------------------------------------------------
// Reading: records and threads

#[test]
fn record_with_history_is_waiting_on_the_customer() {
    let record: TicketRecordDto = parse(fixture!("ticket-get"));
    let h = history(fixture!("ticket-history-fields-detail"));
    let t = ticket_from_record(&record, &h, &queues());
    assert_eq!((t.id, t.number.as_str()), (1, "1"));
    assert_eq!(t.subject, "مشکل ورود به پنل کاربری");
    // open, and the agent's text/html reply (#61) came after the customer's (#58)
    assert_eq!((t.status.key.as_str(), t.status.kind), ("open", StatusKind::WaitingOnCustomer));
    assert_eq!(
        (t.priority.key.as_str(), t.priority.label.as_str(), t.priority.level),
        ("100", "High", PriorityLevel::High)
    );
    assert_eq!(
        t.department.as_ref().map(|d| d.label.as_str()),
        Some("پشتیبانی فنی"),
        "named from the configured queues"
    );
    assert_eq!(t.assignee.as_ref().map(|a| a.id.as_str()), Some("agent"));
    assert_eq!(t.customer.email.as_deref(), Some("customer@example.ir"));
    assert_eq!((t.created_at, t.updated_at), (at("2025-03-10T06:30:00Z"), at("2025-03-10T10:12:00Z")));
    assert_eq!(t.first_response_at, Some(at("2025-03-10T07:44:00Z")));
    assert_eq!(t.last_agent_reply_at, Some(at("2025-03-10T10:12:00Z")));
    assert_eq!(t.last_customer_reply_at, Some(at("2025-03-10T08:58:00Z")));
    assert_eq!((t.reply_count, t.closed_at), (3, None), "the 1970 Resolved is no date");
    assert!(t.custom_fields.is_empty());
    // Without history (or with the customer's own, which has no Comment): still mapped.
    let plain = ticket_from_record(&record, &[], &[]);
    assert_eq!((plain.status.kind, plain.reply_count), (StatusKind::Open, 0));
    assert_eq!(plain.department.as_ref().map(|d| d.label.as_str()), Some("3"), "an unnamed queue shows its id");
    let own =
        ticket_from_record(&parse(fixture!("customer-ticket-own")), &history(fixture!("customer-history-own")), &[]);
    assert_eq!(own.status.kind, StatusKind::WaitingOnCustomer);
    // The Persian-language agent gets the same record: labels of lifecycle links differ, data not.
    let fa = ticket_from_record(&parse(fixture!("ticket-get-lang-fa")), &[], &[]);
    assert_eq!((fa.status.key.as_str(), fa.priority.key.as_str()), ("open", "100"));
}

#[test]
fn a_deleted_ticket_is_closed_with_its_resolved_time() {
    let t = ticket_from_record(&parse(fixture!("ticket-delete-readback")), &[], &[]);
    assert_eq!((t.status.key.as_str(), t.status.kind), ("deleted", StatusKind::Closed));
    assert_eq!(t.closed_at, Some(at("2026-12-03T15:46:06Z")));
    assert!(!statuses().iter().any(|s| s.key == "deleted"), "not offered as a status change");
}

fn thread_attachments() -> BTreeMap<String, Vec<AttachmentItemDto>> {
    BTreeMap::from([
        ("55".to_owned(), parts(fixture!("transaction-correspond-attachments"))),
        ("60".to_owned(), parts(fixture!("transaction-comment-attachments"))),
        ("61".to_owned(), parts(fixture!("transaction-correspond-html-attachments"))),
    ])
}

#[test]
fn history_maps_to_public_internal_and_system_messages() {
    let record: TicketRecordDto = parse(fixture!("ticket-get"));
    let h = history(fixture!("ticket-history-fields-detail"));
    let msgs = messages_from(&h, &thread_attachments(), &record.requestor);
    let ids: Vec<&str> = msgs.iter().map(|m| m.id.as_str()).collect();
    // EmailRecord (52, 56, 59, 62) and SetWatcher (54) are bookkeeping.
    assert_eq!(ids, ["51", "53", "55", "57", "58", "60", "61"]);
    let kinds: Vec<(AuthorKind, Visibility)> = msgs.iter().map(|m| (m.author.kind, m.visibility)).collect();
    assert_eq!(
        kinds,
        [
            (AuthorKind::Customer, Visibility::Public),
            (AuthorKind::System, Visibility::Public),
            (AuthorKind::Agent, Visibility::Public),
            (AuthorKind::System, Visibility::Public),
            (AuthorKind::Customer, Visibility::Public),
            (AuthorKind::Agent, Visibility::Internal),
            (AuthorKind::Agent, Visibility::Public),
        ]
    );
    assert_eq!(msgs[0].author.name, "مریم رضایی", "RealName when the history expanded it");
    assert_eq!(msgs[1].body, Body::Text("Owner changed".into()), "Owner values are user ids");
    assert_eq!(msgs[3].body, Body::Text("Status: new → open".into()));
    assert!(msgs[2].body.raw().starts_with("سلام خانم رضایی،\n"));
    assert!(matches!(&msgs[5].body, Body::Text(t) if t.contains("(session)")));
    assert_eq!(
        msgs[6].body,
        Body::Html(
            "<p>سلام،</p><p>مشکل شناسایی شد و <strong>تا پایان امروز</strong> برطرف می‌شود. از صبر شما سپاسگزاریم.</p>"
                .into()
        )
    );
    assert_eq!(msgs[6].created_at, at("2025-03-10T10:12:00Z"));
    assert_eq!(msgs[0].body, Body::Text(String::new()), "no attachments fetched for it");
    assert_eq!(transactions_with_content(&h), ["51", "55", "58", "60", "61"]);
}

#[test]
fn the_customers_history_has_no_comments() {
    let record: TicketRecordDto = parse(fixture!("customer-ticket-own"));
    let msgs = messages_from(&history(fixture!("customer-history-own")), &BTreeMap::new(), &record.requestor);
    assert!(msgs.iter().all(|m| m.visibility == Visibility::Public));
    // Without Field/OldValue/NewValue a status line still says what happened.
    assert_eq!(msgs.iter().find(|m| m.id == "57").map(|m| m.body.raw()), Some("Status changed"));
}

#[test]
fn records_get_their_peoples_names_from_the_history() {
    let mut record: TicketRecordDto = parse(fixture!("ticket-get"));
    assert_eq!(record.requestor[0].real_name, None, "a record names people by id only");
    let h = history(fixture!("ticket-history-fields-detail"));
    name_people_from_history(&mut record, &h);
    let t = ticket_from_record(&record, &h, &queues());
    assert_eq!((t.customer.name.as_str(), t.customer.email.as_deref()), ("مریم رضایی", Some("customer@example.ir")));
    assert_eq!(t.assignee.map(|a| (a.id, a.name)), Some(("agent".to_owned(), "نگار احمدی".to_owned())));
    // A history without expanded creators changes nothing.
    let mut bare: TicketRecordDto = parse(fixture!("ticket-get"));
    name_people_from_history(&mut bare, &history(fixture!("ticket-history-fields")));
    assert_eq!(bare, parse::<TicketRecordDto>(fixture!("ticket-get")));
}

#[test]
fn a_reply_whose_answer_was_dropped_is_found_in_the_history() {
    // Recorded: agent2 (Lang fa) replied, the connection dropped, the history has the reply.
    let dropped = exchange(fixture!("ticket-correspond-lang-fa"));
    assert_eq!(dropped.status, 0, "no answer at all");
    let sent = dropped.request["Content"].as_str().unwrap();
    let h = history(fixture!("ticket-correspond-lang-fa-readback"));
    let txn = h.iter().rev().find(|i| i.kind.as_deref() == Some("Correspond")).unwrap();
    assert_eq!(txn.creator.as_ref().map(|c| c.id.as_str()), Some("agent2"));
    // Its text as `/transaction/N/attachments` gives it (one text/plain part, as for every REST reply).
    let part: AttachmentItemDto =
        decode(&json!({"id": "1", "ContentType": "text/plain", "Content": sent}).to_string()).unwrap();
    let msgs = messages_from(&h, &BTreeMap::from([(txn.id.0.clone(), vec![part])]), &[]);
    assert!(ends_with_message(&msgs, Visibility::Public, sent));
    assert!(ends_with_message(&msgs, Visibility::Public, &format!("{sent}\n")), "RT may add a final newline");
    assert!(!ends_with_message(&msgs, Visibility::Internal, sent), "a note is looked for among notes");
    assert!(!ends_with_message(&msgs, Visibility::Public, "پاسخ دیگری"));
    assert!(!ends_with_message(&[], Visibility::Public, sent));
}

#[test]
fn queues_come_from_rts_list() {
    let agent: PageDto<RefDto> = parse(fixture!("queues-all"));
    let keys: Vec<String> = departments_from(&agent).into_iter().map(|d| d.key).collect();
    assert_eq!(keys, ["1", "3"]);
    let customer: PageDto<RefDto> = parse(fixture!("customer-queues"));
    assert_eq!(customer.total, None, "no total for the customer");
    assert_eq!(departments_from(&customer).len(), 2);
    // Recorded without `fields=Name`: each item is an id, which is the label then. With the
    // name (as the client asks), the name is the label.
    assert!(departments_from(&agent).iter().all(|d| d.label == d.key));
    let mut named: Value = serde_json::from_str(&body_of(fixture!("queues-all"))).unwrap();
    named["items"][1]["Name"] = json!("پشتیبانی فنی");
    let named: PageDto<RefDto> = decode(&named.to_string()).unwrap();
    assert_eq!(departments_from(&named)[1], Department { key: "3".into(), label: "پشتیبانی فنی".into() });
}

#[test]
fn customers_read_and_answer_but_never_see_notes_or_change_fields() {
    let c = customer_capabilities();
    assert!(c.list_tickets && c.threads && c.create_ticket && c.reply && c.attachments && c.departments);
    assert!(!c.internal_notes && !c.assignment && !c.priorities && !c.close_reopen);
    // What RT answered when the customer tried.
    assert_eq!(error_for_call(Call::Reply, 400, &body_of(fixture!("customer-comment-own"))), ApiError::Forbidden);
    assert_eq!(put_outcome(&parse::<MessagesDto>(fixture!("customer-update-own"))), Err(ApiError::Forbidden));
}

fn history_item(id: &str, kind: &str, creator: &str, created: &str) -> HistoryItemDto {
    decode(&json!({"id": id, "Type": kind, "Creator": {"id": creator, "type": "user"}, "Created": created}).to_string())
        .unwrap()
}

#[test]
fn files_keep_persian_names_and_sizes() {
    let requestors: Vec<RefDto> = vec![decode(r#"{"id":"ali.mohammadi@example.ir"}"#).unwrap()];
    let h = [history_item("73", "Create", "ali.mohammadi@example.ir", "2025-03-11T10:00:00Z")];
    let map = BTreeMap::from([("73".to_owned(), parts(fixture!("transaction-create-attachments")))]);
    let msgs = messages_from(&h, &map, &requestors);
    let m = &msgs[0];
    assert_eq!(m.author.kind, AuthorKind::Customer);
    assert!(m.body.raw().starts_with("هنگام پرداخت آنلاین"), "the unnamed text part, not the container");
    let files: Vec<(&str, &str, &str, u64)> =
        m.attachments.iter().map(|a| (a.id.as_str(), a.name.as_str(), a.mime.as_str(), a.size)).collect();
    assert_eq!(files, [("24", "screenshot.png", "image/png", 70), ("25", "گزارش-خطا.txt", "text/plain", 79)]);
    assert_eq!(m.attachments[0].url, "http://127.0.0.1:18102/REST/2.0/attachment/24");
    // Multipart upload with a Persian name reads back with it.
    let map = BTreeMap::from([("173".to_owned(), parts(fixture!("ticket-create-multipart-readback")))]);
    let msgs = messages_from(&[history_item("173", "Create", "agent", "2026-12-03T15:46:06Z")], &map, &requestors);
    assert_eq!(msgs[0].author.kind, AuthorKind::Agent);
    assert_eq!(msgs[0].attachments.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), ["رسید.txt"]);
    assert_eq!(msgs[0].body.raw(), "فایل با نام فارسی پیوست شد.");
}

#[test]
fn attachment_records_are_base64_even_for_text() {
    let text: AttachmentRecordDto = parse(fixture!("attachment-get-text"));
    let bytes = attachment_bytes(&text).unwrap();
    assert!(String::from_utf8(bytes).unwrap().starts_with("هنگام پرداخت آنلاین"));
    let png: AttachmentRecordDto = parse(fixture!("attachment-get-binary"));
    let bytes = attachment_bytes(&png).unwrap();
    assert_eq!((bytes.len(), &bytes[..4]), (70, &b"\x89PNG"[..]));
    assert_eq!(png.transaction.as_ref().map(|t| t.id.as_str()), Some("73"));
    let broken = AttachmentRecordDto { content: Some("@@@".into()), ..png };
    assert!(matches!(attachment_bytes(&broken), Err(ApiError::UnexpectedPayload { .. })));
}

// ---------------------------------------------------------------------------------------
// Writing, and Persian round trips

fn sent_ticket() -> NewTicket {
    let req = exchange(fixture!("ticket-create")).request;
    NewTicket {
        customer_name: "مریم رضایی".into(),
        customer_email: req["Requestor"].as_str().unwrap().into(),
        subject: req["Subject"].as_str().unwrap().into(),
        body: req["Content"].as_str().unwrap().into(),
        department: Some("پشتیبانی فنی".into()),
        priority: Some("50".into()),
        attachments: Vec::new(),
    }
}

#[test]
fn create_body_is_what_was_recorded_and_reads_back_byte_for_byte() {
    let new = sent_ticket();
    let Payload::Json(body) = create_body(&new, "1").unwrap() else { panic!("no files, so JSON") };
    assert_eq!(body, exchange(fixture!("ticket-create")).request);
    let created: CreatedDto = parse(fixture!("ticket-create"));
    assert_eq!(created.id.number(), Some(11));
    // The record's Subject is intact; the attachment's is folded, so the record is the source.
    let t = ticket_from_record(&parse(fixture!("ticket-create-readback")), &[], &queues());
    assert_eq!(t.subject.as_bytes(), new.subject.as_bytes());
    let part = &parts(fixture!("ticket-create-readback-attachments"))[0];
    assert_ne!(part.subject.as_deref(), Some(new.subject.as_str()));
    assert_eq!(part.content.as_deref().map(str::as_bytes), Some(new.body.as_bytes()));
    let record: AttachmentRecordDto = parse(fixture!("ticket-create-readback-attachment"));
    let bytes = attachment_bytes(&record).unwrap();
    assert_eq!((bytes.len(), bytes.as_slice()), (206, new.body.as_bytes()));
    assert_eq!(part.content_length.map(|c| c.0), Some(206));
    // And through the thread.
    let h = history(fixture!("ticket-create-readback-history"));
    let map = BTreeMap::from([("161".to_owned(), parts(fixture!("ticket-create-readback-attachments")))]);
    let msgs = messages_from(&h, &map, &[]);
    assert_eq!(msgs.len(), 1, "EmailRecord left out");
    assert_eq!(msgs[0].body, Body::Text(new.body.clone()));
}

fn files_of_request(req: &Value) -> Vec<NewAttachment> {
    req["Attachments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| NewAttachment {
            name: a["FileName"].as_str().unwrap().into(),
            mime: a["FileType"].as_str().unwrap().into(),
            bytes: crate::domain::base64::decode(a["FileContent"].as_str().unwrap()).unwrap(),
        })
        .collect()
}

#[test]
fn ascii_file_names_go_inline_and_persian_ones_as_multipart() {
    let req = exchange(fixture!("ticket-create-with-attachment")).request;
    let new = NewTicket {
        customer_email: req["Requestor"].as_str().unwrap().into(),
        subject: req["Subject"].as_str().unwrap().into(),
        body: req["Content"].as_str().unwrap().into(),
        priority: Some("0".into()),
        attachments: files_of_request(&req),
        ..NewTicket::default()
    };
    assert!(!needs_multipart(&new.attachments));
    assert_eq!(create_body(&new, "3").unwrap(), Payload::Json(req));

    // The Persian name that RT refused in JSON (500) goes as multipart, as recorded working.
    let refused = exchange(fixture!("ticket-create-attachment-persian-filename"));
    assert_eq!((refused.status, refused.body.as_str()), (500, ""));
    let files = files_of_request(&refused.request);
    assert!(needs_multipart(&files));
    let recorded = exchange(fixture!("ticket-create-multipart")).request;
    let json_part: Value = serde_json::from_str(recorded["multipart"][0]["value"].as_str().unwrap()).unwrap();
    let new = NewTicket {
        customer_email: "customer@example.ir".into(),
        subject: "پیوست با multipart".into(),
        body: "فایل با نام فارسی پیوست شد.".into(),
        attachments: files.clone(),
        ..NewTicket::default()
    };
    match create_body(&new, "3").unwrap() {
        Payload::Multipart { json, files: sent } => {
            assert_eq!(json, json_part);
            assert_eq!(sent, files);
        }
        other => panic!("expected multipart, got {other:?}"),
    }
}

#[test]
fn reply_bodies_match_the_recorded_ones() {
    for f in [fixture!("ticket-correspond"), fixture!("ticket-comment"), fixture!("customer-comment-own")] {
        let req = exchange(f).request;
        assert_eq!(reply_body(req["Content"].as_str().unwrap(), &[]), Payload::Json(req.clone()), "{}", f.0);
    }
    let req = exchange(fixture!("ticket-correspond-with-attachment")).request;
    assert_eq!(reply_body(req["Content"].as_str().unwrap(), &files_of_request(&req)), Payload::Json(req.clone()));
    let persian = files_of_request(&exchange(fixture!("ticket-correspond-attachment-persian-filename")).request);
    let recorded = exchange(fixture!("ticket-correspond-multipart")).request;
    let json_part: Value = serde_json::from_str(recorded["multipart"][0]["value"].as_str().unwrap()).unwrap();
    let Payload::Multipart { json, files } = reply_body("پیوست با multipart/form-data", &persian) else {
        panic!()
    };
    assert_eq!((json, files), (json_part, persian));
    // RT needs ContentType on replies: the recorded 400 when it was left out.
    assert!(exchange(fixture!("ticket-correspond-no-content-type")).request.get("ContentType").is_none());
}

#[test]
fn create_body_refuses_what_rt_would_not_take() {
    let bad = NewTicket { priority: Some("urgent".into()), subject: " ".into(), ..NewTicket::default() };
    let Err(ApiError::Validation(errors)) = create_body(&bad, "") else { panic!() };
    let fields: Vec<&str> = errors.iter().map(|e| e.field.as_str()).collect();
    assert_eq!(fields, ["department", "subject", "priority"]);
    let named = NewTicket { priority: Some("high".into()), subject: "x".into(), ..NewTicket::default() };
    let Payload::Json(body) = create_body(&named, "General").unwrap() else { panic!() };
    assert_eq!((&body["Priority"], &body["Queue"]), (&json!("High"), &json!("General")));
    assert!(body.get("Requestor").is_none(), "no e-mail: RT makes the creator the requestor");
}

#[test]
fn update_bodies_send_only_what_changes() {
    assert_eq!(update_body(&TicketUpdate::default()).unwrap(), json!({}));
    assert_eq!(
        update_body(&TicketUpdate { status: Some("bogus".into()), priority: Some("10".into()), ..Default::default() })
            .unwrap(),
        exchange(fixture!("ticket-update-mixed")).request
    );
    assert_eq!(
        update_body(&TicketUpdate { priority: Some("High".into()), ..Default::default() }).unwrap(),
        exchange(fixture!("ticket-update-priority-name")).request
    );
    assert_eq!(
        update_body(&TicketUpdate {
            assignee: Some(Some("agent2".into())),
            priority: Some("0".into()),
            ..Default::default()
        })
        .unwrap(),
        exchange(fixture!("customer-update-own")).request
    );
    let moved =
        TicketUpdate { assignee: Some(None), department: Some("3".into()), tags: Some(vec![]), ..Default::default() };
    assert_eq!(update_body(&moved).unwrap(), json!({"Owner": "Nobody", "Queue": 3}));
    let bad = TicketUpdate { priority: Some("urgent".into()), department: Some(String::new()), ..Default::default() };
    assert_eq!(
        update_body(&bad),
        Err(ApiError::Validation(vec![
            FieldError { field: "priority".into(), message: "unknown".into() },
            FieldError { field: "department".into(), message: "required".into() },
        ]))
    );
    let tagged = TicketUpdate { tags: Some(vec!["vip".into()]), ..Default::default() };
    assert_eq!(update_body(&tagged), Err(ApiError::Unsupported("tags".into())));
    // RT stores a priority name as its bucket number.
    let after = ticket_from_record(&parse(fixture!("ticket-update-priority-name-readback")), &[], &[]);
    assert_eq!((after.priority.key.as_str(), after.priority.level), ("100", PriorityLevel::High));
}

#[test]
fn put_answers_are_read_for_failures() {
    let messages = |f| parse::<MessagesDto>(f);
    for f in [
        fixture!("ticket-update"),
        fixture!("ticket-update-noop"),
        fixture!("ticket-update-empty"),
        fixture!("ticket-update-priority-name"),
        fixture!("ticket-update-lang-fa"),
        fixture!("ticket-take"),
        fixture!("ticket-correspond"),
        fixture!("ticket-correspond-html-status"),
        fixture!("ticket-comment"),
    ] {
        assert_eq!(put_outcome(&messages(f)), Ok(()), "{}", f.0);
    }
    assert_eq!(put_outcome(&messages(fixture!("customer-update-own"))), Err(ApiError::Forbidden));
    let invalid = put_outcome(&messages(fixture!("ticket-update-invalid-status")));
    assert_eq!(
        invalid.as_ref().err().and_then(|e| e.field_message("status")),
        Some("Status 'bogus' isn't a valid status for this ticket.")
    );
    // One change stored, one refused: still an error, naming the refused one only.
    let Err(ApiError::Validation(mixed)) = put_outcome(&messages(fixture!("ticket-update-mixed"))) else { panic!() };
    assert_eq!(mixed.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["status"]);
    let owner = put_outcome(&messages(fixture!("ticket-update-owner-unprivileged")));
    assert_eq!(
        owner.as_ref().err().and_then(|e| e.field_message("assignee")),
        Some("That user may not own tickets in that queue")
    );
    let both = [
        "Ticket 1: Permission Denied".to_owned(),
        "Ticket 1: Status 'x' isn't a valid status for this ticket.".to_owned(),
    ];
    let Err(ApiError::Validation(v)) = put_outcome(&both) else { panic!() };
    assert_eq!(v.iter().map(|e| e.field.as_str()).collect::<Vec<_>>(), ["form", "status"]);
}

// ---------------------------------------------------------------------------------------
// Errors

#[test]
fn every_error_fixture_maps_to_the_right_error() {
    use ApiError::*;
    let validation =
        |field: &str, message: &str| Validation(vec![FieldError { field: field.into(), message: message.into() }]);
    let cases: [((&str, &str), Call, ApiError); 22] = [
        (fixture!("error-no-auth"), Call::Other, Unauthorized),
        (fixture!("error-no-auth-root"), Call::Other, Unauthorized),
        (fixture!("error-no-auth-with-origin"), Call::Other, Unauthorized),
        (fixture!("error-bad-token"), Call::Other, Unauthorized),
        (fixture!("error-bad-basic"), Call::Other, Unauthorized),
        (fixture!("customer-ticket-other"), Call::Other, Forbidden),
        (fixture!("customer-users"), Call::Other, Forbidden),
        (fixture!("group-members-as-agent"), Call::Other, Forbidden),
        (fixture!("cors-get-bad-origin"), Call::Other, Forbidden),
        (fixture!("customer-comment-own"), Call::Reply, Forbidden),
        (fixture!("error-ticket-not-found"), Call::Other, NotFound),
        (fixture!("error-queue-not-found"), Call::Other, NotFound),
        (fixture!("error-unknown-route"), Call::Other, NotFound),
        (fixture!("error-transaction-not-found"), Call::ReadById, NotFound),
        (fixture!("error-attachment-not-found"), Call::ReadById, NotFound),
        (fixture!("error-correspond-not-found"), Call::Reply, NotFound),
        (fixture!("customer-delete-own"), Call::Other, Server { status: 500, message: "Internal Server Error".into() }),
        (
            fixture!("ticket-create-attachment-persian-filename"),
            Call::Other,
            Server { status: 500, message: "HTTP 500".into() },
        ),
        (
            fixture!("transaction-attachments-fields-parent"),
            Call::ReadById,
            Server { status: 500, message: "HTTP 500".into() },
        ),
        (
            fixture!("ticket-create-missing-queue"),
            Call::Other,
            validation("department", "Could not create ticket. Queue not set"),
        ),
        (
            fixture!("ticket-correspond-no-content-type"),
            Call::Reply,
            validation("body", "ContentType is a required field for application/json"),
        ),
        (fixture!("tickets-search-invalid-sql"), Call::Other, validation("search", "Unknown field: Subjekt")),
    ];
    for (f, call, expected) in cases {
        let e = exchange(f);
        assert_eq!(error_for_call(call, e.status, &e.body), expected, "{}", f.0);
    }
    // Without the call's context a 500 stays a (retryable) server error.
    let e = exchange(fixture!("error-transaction-not-found"));
    assert!(error_for(e.status, &e.body).is_retryable());
    let e = exchange(fixture!("error-correspond-not-found"));
    assert_eq!(error_for(e.status, &e.body), validation("form", "Message could not be recorded"));
    let e = exchange(fixture!("ticket-create-bad-json"));
    assert!(matches!(error_for(e.status, &e.body), Validation(v) if v[0].message.starts_with("JSON parse error")));
    let body: ErrorDto = parse(fixture!("error-ticket-not-found"));
    assert_eq!(body.message, "Not Found");
    // The dropped Persian-language reply: no status at all (the transport's Network error).
    assert_eq!(exchange(fixture!("ticket-correspond-lang-fa")).status, 0);
}

// ---------------------------------------------------------------------------------------
// Search

/// `LIKE` as RT's SQL runs it: `%` any run, `_` any one character, ASCII case-blind.
fn like(pattern: &str, text: &str) -> bool {
    fn here(p: &[char], t: &[char]) -> bool {
        match p.split_first() {
            None => true,
            Some(('%', rest)) => (0..=t.len()).any(|i| here(rest, &t[i..])),
            Some((&c, rest)) => {
                t.first().is_some_and(|&x| c == '_' || x.eq_ignore_ascii_case(&c)) && here(rest, &t[1..])
            }
        }
    }
    let (p, t): (Vec<char>, Vec<char>) = (pattern.chars().collect(), text.chars().collect());
    (0..=t.len()).any(|i| here(&p, &t[i..]))
}

/// A word as an Arabic keyboard types it.
fn arabic_keyboard(word: &str) -> String {
    word.replace('ی', "ي").replace('ک', "ك")
}

#[test]
fn ticket_sql_escapes_quotes_and_keeps_persian() {
    assert_eq!(sql_string("O'Reilly \\ «خطا»"), r"'O\'Reilly \\ «خطا»'");
    let q = TicketQuery { search: "  خطا  O'Brien ".into(), ..TicketQuery::default() };
    let in_fields = |p: &str| {
        ["Subject", "Requestor.RealName", "Requestor.EmailAddress", "Owner.RealName", "Queue.Name"]
            .map(|f| format!("{f} LIKE {p}"))
            .join(" OR ")
    };
    assert_eq!(
        search_query(&q),
        format!("({}) AND ({}) AND Status != 'deleted'", in_fields("'خطا'"), in_fields(r"'O\'Brien'"))
    );
    // A number (any digit script, optional #) is also the id, and is looked for in every script.
    let q = TicketQuery { search: "#۱۲".into(), ..TicketQuery::default() };
    let sql = search_query(&q);
    assert!(sql.starts_with("(id = 12 OR Subject LIKE '12' OR Subject LIKE '۱۲' OR Subject LIKE '١٢' OR "), "{sql}");
    let hostile = TicketQuery { department: Some("x' OR id > '0".into()), ..TicketQuery::default() };
    assert_eq!(search_query(&hostile), r"Status != 'deleted' AND Queue = 'x\' OR id > \'0'");
    // Only ignorable characters: no clause at all.
    let blank = TicketQuery { search: "\u{200c}".into(), ..TicketQuery::default() };
    assert_eq!(search_query(&blank), "Status != 'deleted'");
}

#[test]
fn like_patterns_find_every_way_of_typing_a_seeded_subject() {
    let subjects: Vec<String> = [fixture!("tickets-list-page-1"), fixture!("tickets-list-page-2")]
        .into_iter()
        .flat_map(|f| search(f).items)
        .filter_map(|t| t.subject)
        .collect();
    assert_eq!(subjects.len(), 10);
    let mut checked = 0;
    for subject in &subjects {
        for word in subject.split_whitespace() {
            for typed in [word.to_owned(), arabic_keyboard(word), crate::domain::text::to_ascii_digits(word)] {
                let Some(pattern) = like_pattern(&typed) else { continue };
                assert!(like(&pattern, subject), "{typed:?} → {pattern:?} misses {subject:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "{checked}");
    assert_eq!(like_pattern("فاكتور").as_deref(), Some("فا_تور"));
    assert_eq!(like_pattern("گزارش‌ها").as_deref(), Some("گزارش%ها"), "a ZWNJ in the word: anything between");
    assert_eq!(like_pattern("API۲").as_deref(), Some("API_"));
    // Still a filter: the Arabic-keyboard «invoice» finds only the invoice ticket.
    let hits: Vec<&String> = subjects.iter().filter(|s| like("فا_تور", s)).collect();
    assert_eq!(hits, ["فاکتور اسفند ماه دریافت نشد"]);
}

#[test]
fn what_the_server_answers_exactly_and_what_is_narrowed_here() {
    let active = TicketQuery {
        statuses: StatusKind::ALL.into_iter().filter(|k| k.is_active()).collect(),
        ..TicketQuery::default()
    };
    assert!(server_is_exact(&TicketQuery::default()));
    assert!(server_is_exact(&active), "every RT status asked for is one of the kinds asked for");
    assert!(server_is_exact(&TicketQuery { statuses: vec![StatusKind::Resolved], ..TicketQuery::default() }));
    let narrowed = [
        TicketQuery { search: "خطا".into(), ..TicketQuery::default() },
        TicketQuery { statuses: vec![StatusKind::WaitingOnCustomer], ..TicketQuery::default() },
        TicketQuery { created_to: NaiveDate::from_ymd_opt(2025, 3, 12), ..TicketQuery::default() },
        TicketQuery { per_page: 500, ..TicketQuery::default() },
        TicketQuery { tags: vec!["vip".into()], ..TicketQuery::default() },
    ];
    for q in narrowed {
        assert!(!server_is_exact(&q), "{q:?}");
    }
    assert!(server_is_exact(&TicketQuery { search: " \u{200c} ".into(), ..TicketQuery::default() }), "no real words");
}

#[test]
fn an_arabic_keyboard_search_narrowed_here_finds_the_persian_subject() {
    let tickets: Vec<_> = [(fixture!("tickets-list-page-1"), 1), (fixture!("tickets-list-page-2"), 2)]
        .into_iter()
        .flat_map(|(f, n)| page_from(&search(f), n, 5, &queues()).tickets)
        .collect();
    let texts: Vec<String> = tickets.iter().map(|t| t.search_text()).collect();
    let run = |search: &str| {
        let q = TicketQuery { search: search.into(), ..TicketQuery::default() };
        let page = crate::domain::query::run_query_by(&tickets, |t| t, &texts, &q, crate::calendar::tehran_offset());
        page.tickets.into_iter().map(|t| t.id).collect::<Vec<_>>()
    };
    assert_eq!(run("فاكتور"), [7]);
    assert_eq!(run("حساب كاربري"), [10], "every word, in either keyboard's letters");
    assert_eq!(run("حساب"), [10, 4], "newest first");
    assert_eq!(run("1234"), [2], "ASCII digits find the Persian ones");
}

#[test]
fn query_strings_are_percent_encoded_utf8() {
    let q = query_string(&[("query", "Subject LIKE 'فا_تور'".into()), ("fields[Owner]", "Name,RealName".into())]);
    assert_eq!(q, "query=Subject%20LIKE%20%27%D9%81%D8%A7_%D8%AA%D9%88%D8%B1%27&fields%5BOwner%5D=Name%2CRealName");
    let recorded = exchange(fixture!("tickets-list-page-1"));
    // The server's own next_page link names the recorded parameters as `query_string` encodes them.
    let next = search(fixture!("tickets-list-page-1")).next_page.unwrap();
    for k in recorded.query.as_object().unwrap().keys() {
        let encoded = query_string(&[(k.as_str(), String::new())]);
        assert!(next.contains(encoded.trim_end_matches('=')), "{k} in {next}");
    }
}

#[test]
fn collections_end_on_a_short_page_or_the_total() {
    assert!(!is_last_page(&search(fixture!("tickets-list-page-1")), 1, 5), "10 tickets, 5 seen");
    assert!(is_last_page(&search(fixture!("tickets-list-page-2")), 2, 5), "total reached");
    assert!(is_last_page(&search(fixture!("tickets-list-page-past-end")), 3, 5));
    // History has no total for an agent: a page shorter than asked for is the last.
    let h: PageDto<HistoryItemDto> = parse(fixture!("ticket-history-fields-detail"));
    assert!(h.total.is_none());
    assert!(is_last_page(&h, 1, 100));
    assert!(!is_last_page(&h, 1, h.items.len() as u32), "a full page may have more after it");
    let params = history_params(2);
    let get = |k: &str| params.iter().find(|p| p.0 == k).map(|p| p.1.as_str());
    assert_eq!(
        (get("page"), get("per_page"), get("fields[Creator]")),
        (Some("2"), Some("100"), Some("Name,RealName,EmailAddress"))
    );
}

#[test]
fn ticket_sql_matches_the_recorded_searches() {
    let recorded = |f| exchange(f).query["query"].as_str().unwrap().to_owned();
    let default = TicketQuery::default();
    assert_eq!(search_query(&default), recorded(fixture!("tickets-list-page-1")));
    assert_eq!(sort_params(&default), ("LastUpdated", "DESC"));
    let persian = search_query(&TicketQuery { search: "خطا".into(), ..TicketQuery::default() });
    let recorded_persian = recorded(fixture!("tickets-search-persian-subject"));
    assert!(persian.starts_with(&format!("({recorded_persian} OR ")), "{persian}");
    let email =
        search_query(&TicketQuery { customer_email: Some(" customer@example.ir ".into()), ..TicketQuery::default() });
    assert!(email.ends_with(&recorded(fixture!("tickets-search-requestor"))), "{email}");
    let active = TicketQuery {
        statuses: vec![StatusKind::New, StatusKind::Open, StatusKind::WaitingOnCustomer, StatusKind::OnHold],
        department: Some("پشتیبانی فنی".into()),
        ..TicketQuery::default()
    };
    assert_eq!(
        search_query(&active),
        "(Status = 'new' OR Status = 'open' OR Status = 'stalled') AND Queue = 'پشتیبانی فنی'"
    );
    // Every recorded search decodes as a page (the invalid one is a 400 instead).
    for f in [
        fixture!("tickets-search-persian-subject"),
        fixture!("tickets-search-requestor"),
        fixture!("tickets-search-status-open"),
        fixture!("tickets-search-status-active-in-queue"),
    ] {
        let p = page_from(&search(f), 1, 20, &queues());
        assert!(!p.tickets.is_empty(), "{}", f.0);
    }
    let open = page_from(&search(fixture!("tickets-search-status-open")), 1, 20, &[]);
    assert!(open.tickets.iter().all(|t| t.status.kind == StatusKind::Open));
    let fa = page_from(&search(fixture!("tickets-search-persian-subject")), 1, 20, &[]);
    assert!(fa.tickets.iter().all(|t| t.subject.contains("خطا")));
}

#[test]
fn ticket_sql_filters_and_sorts() {
    let q = TicketQuery {
        statuses: vec![StatusKind::Resolved, StatusKind::Closed, StatusKind::Resolved],
        priorities: vec![PriorityLevel::Critical, PriorityLevel::Low, PriorityLevel::Medium, PriorityLevel::High],
        assignee: AssigneeFilter::Unassigned,
        created_from: NaiveDate::from_ymd_opt(2025, 3, 10),
        created_to: NaiveDate::from_ymd_opt(2025, 3, 31),
        sort: SortField::Priority,
        descending: false,
        page: 0,
        per_page: 1000,
        ..TicketQuery::default()
    };
    assert_eq!(
        search_query(&q),
        "(Status = 'resolved' OR Status = 'rejected') AND (Priority < 50 OR (Priority >= 50 AND Priority < 100) OR Priority = 100 OR Priority > 100) AND Owner = 'Nobody' AND Created >= '2025-03-09' AND Created < '2025-04-02'",
        "a day wider on each side: RT reads days in its user's time zone"
    );
    let params = search_params(&q);
    let get = |k: &str| params.iter().find(|p| p.0 == k).map(|p| p.1.as_str());
    assert_eq!(
        (get("orderby"), get("order"), get("page"), get("per_page")),
        (Some("Priority"), Some("ASC"), Some("1"), Some("100"))
    );
    let all = |k: &str| params.iter().filter(|p| p.0 == k).map(|p| p.1.as_str()).collect::<Vec<_>>();
    assert_eq!((all("orderby"), all("order")), (vec!["Priority", "id"], vec!["ASC", "ASC"]), "ties by id");
    assert_eq!(get("fields[Queue]"), Some("Name"));
    assert_eq!(get("fields[Requestor]"), Some("Name,RealName,EmailAddress"));
    let by_number = search_params(&TicketQuery { sort: SortField::Number, ..TicketQuery::default() });
    assert_eq!(by_number.iter().filter(|p| p.0 == "orderby").count(), 1);
    let agent = TicketQuery {
        assignee: AssigneeFilter::Agent("agent2".into()),
        statuses: vec![StatusKind::InProgress],
        sort: SortField::Number,
        ..TicketQuery::default()
    };
    assert_eq!(search_query(&agent), "(Status = 'open') AND Owner = 'agent2'");
    assert_eq!(sort_params(&agent), ("id", "DESC"));
    assert_eq!(sort_params(&TicketQuery { sort: SortField::Created, ..TicketQuery::default() }).0, "Created");
}

// ---------------------------------------------------------------------------------------
// Vocabulary and capabilities

#[test]
fn priority_buckets_follow_rts_names() {
    let cases = [
        (0, "Low", PriorityLevel::Low),
        (49, "Low", PriorityLevel::Low),
        (50, "Medium", PriorityLevel::Medium),
        (60, "Medium", PriorityLevel::Medium),
        (99, "Medium", PriorityLevel::Medium),
        (100, "High", PriorityLevel::High),
        (101, "101", PriorityLevel::Critical),
    ];
    for (n, label, level) in cases {
        let p = priority_for(n);
        assert_eq!((p.key, p.label.as_str(), p.level), (n.to_string(), label, level), "{n}");
    }
    assert_eq!(priorities().iter().map(|p| p.key.as_str()).collect::<Vec<_>>(), ["0", "50", "100"]);
    let kinds: Vec<_> = statuses().into_iter().map(|s| (s.key, s.kind)).collect();
    assert_eq!(kinds[2], ("stalled".to_owned(), StatusKind::OnHold));
    assert_eq!(status_for("rejected", true).kind, StatusKind::Closed, "only open tickets wait");
    assert_eq!(status_for("escalated", false).kind, StatusKind::Open, "a custom lifecycle's status stays visible");
    let caps = capabilities();
    assert!(caps.server_search && caps.internal_notes && caps.attachments && !caps.tags);
}

#[test]
fn unset_dates_are_none() {
    assert_eq!(parse_time(Some("1970-01-01T00:00:00Z")), None);
    assert_eq!(parse_time(Some("2025-03-10T06:30:00Z")), Some(at("2025-03-10T06:30:00Z")));
    assert_eq!(parse_time(Some("not a date")), None);
    assert_eq!(parse_time(None), None);
}

// ---------------------------------------------------------------------------------------
// Robustness

fn failure<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> (String, String) {
    match decode::<T>(text) {
        Err(ApiError::UnexpectedPayload { path, detail }) => (path, detail),
        other => panic!("expected a decode failure, got {other:?}"),
    }
}

fn set(body: &str, pointer: &str, value: Value) -> String {
    let mut v: Value = serde_json::from_str(body).unwrap();
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer}")) = value;
    v.to_string()
}

#[test]
fn decode_errors_say_where() {
    let list = body_of(fixture!("tickets-list-page-1"));
    let (path, detail) = failure::<PageDto<TicketItemDto>>(&set(&list, "/items/3/Priority", json!("high")));
    assert_eq!(path, "items[3].Priority", "{detail}");
    assert_eq!(failure::<PageDto<TicketItemDto>>(&set(&list, "/items/0/Owner", json!(5))).0, "items[0].Owner");
    assert_eq!(failure::<PageDto<TicketItemDto>>(&set(&list, "/pages", json!(1.5))).0, "pages");
    assert_eq!(failure::<PageDto<TicketItemDto>>(&set(&list, "/items/1/id", json!(true))).0, "items[1].id");
    let h = body_of(fixture!("ticket-history-fields-detail"));
    assert_eq!(
        failure::<PageDto<HistoryItemDto>>(&set(&h, "/items/2/Creator/id", Value::Null)).0,
        "items[2].Creator.id"
    );
    assert_eq!(
        failure::<TicketRecordDto>(&set(&body_of(fixture!("ticket-get")), "/Priority", json!(-1))).0,
        "Priority"
    );
    assert_eq!(failure::<TicketRecordDto>("").0, ".");
    assert_eq!(failure::<TicketRecordDto>(&format!("{} x", body_of(fixture!("ticket-get")))).0, ".");
    assert_eq!(failure::<MessagesDto>("{\"message\":\"Not Found\"}").0, ".");
    let huge = set(&list, "/items/0/Priority", json!("x".repeat(100_000)));
    assert!(failure::<PageDto<TicketItemDto>>(&huge).1.chars().count() <= 201);
}


/// Bytes that push a JSON parser and our types into their corners.
const PALETTE: [&str; 24] = [
    "\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "0",
    "-1",
    "1e999",
    "null",
    "true",
    "\"x\"",
    "\\",
    "\\u12",
    "\u{200c}",
    "ی",
    " ",
    "\n",
    "18446744073709551616",
    "0.5",
    "[[[[",
    "\u{0}",
    "1970-01-01T00:00:00Z",
];



/// Decodes `text` as every shape the adapter reads and maps whatever decodes; a decode
/// error must be `UnexpectedPayload` with a path. Returns how many shapes decoded.
fn exercise(text: &str) -> usize {
    let mut ok = 0;
    if let Some(p) = decoded_or_path::<PageDto<TicketItemDto>>(text) {
        let _ = page_from(&p, 2, 5, &queues());
        ok += 1;
    }
    let history = decoded_or_path::<PageDto<HistoryItemDto>>(text).map(|p| p.items);
    let parts = decoded_or_path::<PageDto<AttachmentItemDto>>(text).map(|p| p.items);
    if let Some(h) = &history {
        ok += 1;
        let map: BTreeMap<String, Vec<AttachmentItemDto>> =
            h.iter().map(|i| (i.id.0.clone(), parts.clone().unwrap_or_default())).collect();
        let _ = messages_from(h, &map, &[]);
    }
    ok += usize::from(parts.is_some());
    if let Some(r) = decoded_or_path::<TicketRecordDto>(text) {
        let _ = thread_from(&r, history.as_deref().unwrap_or_default(), &BTreeMap::new(), &queues());
        ok += 1;
    }
    if let Some(a) = decoded_or_path::<AttachmentRecordDto>(text) {
        let _ = attachment_bytes(&a);
        ok += 1;
    }
    ok += usize::from(decoded_or_path::<CreatedDto>(text).is_some());
    ok += usize::from(decoded_or_path::<ErrorDto>(text).is_some());
    if let Some(m) = decoded_or_path::<MessagesDto>(text) {
        let _ = put_outcome(&m);
        ok += 1;
    }
    ok += usize::from(decoded_or_path::<Value>(text).is_some());
    for status in [400, 401, 403, 404, 500, 502] {
        for call in [Call::Other, Call::ReadById, Call::Reply] {
            let _ = error_for_call(call, status, text);
        }
    }
    ok
}

#[test]
fn decoding_survives_truncated_and_mutated_fixtures() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut variants, mut decoded) = (0usize, 0usize);
    for f in ALL {
        let body = body_of(f);
        // Whole fixtures: at least the JSON ones decode as some shape.
        if serde_json::from_str::<Value>(&body).is_ok() {
            assert!(exercise(&body) >= 1, "{}", f.0);
        }
        // Every truncation point on a 1-in-7 grid, plus the last few bytes.
        let len = body.len();
        for cut in (0..len).step_by(7).chain(len.saturating_sub(4)..len) {
            decoded += exercise(prefix(&body, cut));
            variants += 1;
        }
        for _ in 0..60 {
            decoded += exercise(&mutate(&mut rng, &body, &PALETTE));
            variants += 1;
        }
    }
    assert!(variants > 10_000, "{variants}");
    assert!(decoded > 0);
    // Odd but valid values where counts and ids go.
    for odd in [
        r#"{"items":[],"pages":1e300}"#,
        r#"{"items":[],"total":-0.0}"#,
        r#"{"items":[{"id":1.5}]}"#,
        r#"{"items":[{"id":"1","Priority":"  "}]}"#,
    ] {
        let _ = exercise(odd);
    }
}
