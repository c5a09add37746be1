//! The mapping on exchanges recorded from a real django-helpdesk 2.6.1, plus robustness:
//! decoding never panics, whatever the bytes, and says where it failed.

use chrono::{DateTime, Utc};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use crate::api::json::fuzz::{cut_and_mutate, decoded_or_path, Rng};
use super::dto::{
    DetailDto, FieldErrorsDto, FollowupAttachmentDto, FollowupDto, PageDto, TicketDto, TokenDto, UserTicketDto,
};
use super::mapping::*;
use crate::api::{ApiError, FieldError};
use crate::domain::{AuthorKind, Body, Department, NewTicket, PriorityLevel, StatusKind, TicketUpdate, Visibility};

macro_rules! fixture {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../tests/fixtures/django-helpdesk/", $name, ".json")))
    };
}

/// Every recorded exchange, for the tests that run over all of them.
const ALL: [(&str, &str); 50] = [
    fixture!("api-root"),
    fixture!("attachment-download"),
    fixture!("auth-token-bad-password"),
    fixture!("auth-token-obtain"),
    fixture!("auth-token-obtain-json"),
    fixture!("cors-get"),
    fixture!("cors-other-origin"),
    fixture!("cors-preflight"),
    fixture!("error-bad-token"),
    fixture!("error-customer-tickets"),
    fixture!("error-missing-ticket"),
    fixture!("error-no-auth"),
    fixture!("error-user-tickets-no-auth"),
    fixture!("followup-attachment-multipart"),
    fixture!("followup-internal-note"),
    fixture!("followup-new-status"),
    fixture!("followup-public-omitted"),
    fixture!("followup-reply-public"),
    fixture!("followup-template-syntax"),
    fixture!("followup-with-title"),
    fixture!("followups-attachments-list"),
    fixture!("followups-customer-forbidden"),
    fixture!("followups-filter-ticket"),
    fixture!("followups-get"),
    fixture!("ticket-after-followup-new-status"),
    fixture!("ticket-after-followup-with-title"),
    fixture!("ticket-after-patch"),
    fixture!("ticket-create-customer-forbidden"),
    fixture!("ticket-create-no-description"),
    fixture!("ticket-create-no-priority"),
    fixture!("ticket-create-persian"),
    fixture!("ticket-create-persian-get"),
    fixture!("ticket-get-with-attachment"),
    fixture!("ticket-get-with-notes"),
    fixture!("ticket-patch-bad-status"),
    fixture!("ticket-patch-status-priority-assignee"),
    fixture!("ticket-patch-unassign"),
    fixture!("tickets-list-basic-auth"),
    fixture!("tickets-list-other-filters-ignored"),
    fixture!("tickets-list-page1"),
    fixture!("tickets-list-page2"),
    fixture!("tickets-list-past-end"),
    fixture!("tickets-list-status-1-3"),
    fixture!("tickets-list-status-label-ignored"),
    fixture!("tickets-options"),
    fixture!("user-tickets-agent-empty"),
    fixture!("user-tickets-customer"),
    fixture!("user-tickets-customer-get"),
    fixture!("user-tickets-customer-other"),
    fixture!("users-create-agent-forbidden"),
];

/// One recorded exchange: what we sent, and the answer as the adapter would receive it
/// (JSON bodies re-serialised, other bodies as the raw text the recorder kept).
struct Exchange {
    request: Value,
    status: u16,
    body: String,
}

fn exchange((name, raw): (&str, &str)) -> Exchange {
    let v: Value = serde_json::from_str(raw).unwrap_or_else(|e| panic!("{name}: {e}"));
    let response = &v["response"];
    let json = response["headers"]["content-type"].as_str().is_some_and(|c| c.starts_with("application/json"));
    let body = match &response["body"] {
        Value::Null => String::new(),
        Value::String(s) if !json => s.clone(),
        other => serde_json::to_string(other).unwrap(),
    };
    Exchange { request: v["request"]["body"].clone(), status: response["status"].as_u64().unwrap() as u16, body }
}

fn body_of(f: (&str, &str)) -> String {
    exchange(f).body
}

fn ticket(f: (&str, &str)) -> TicketDto {
    decode(&body_of(f)).unwrap_or_else(|e| panic!("{}: {e}", f.0))
}

fn page(f: (&str, &str)) -> PageDto<TicketDto> {
    decode(&body_of(f)).unwrap_or_else(|e| panic!("{}: {e}", f.0))
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn queues() -> Vec<Department> {
    vec![Department { key: "1".into(), label: "فنی".into() }, Department { key: "2".into(), label: "مالی".into() }]
}

/// (id, status kind, status key, priority level, priority label) for each seeded ticket.
const EXPECTED: [(u64, StatusKind, &str, PriorityLevel, &str); 12] = [
    // the customer (user: null) spoke last
    (1, StatusKind::Open, "1", PriorityLevel::High, "High"),
    (2, StatusKind::Resolved, "3", PriorityLevel::Medium, "Normal"),
    (3, StatusKind::Closed, "4", PriorityLevel::Critical, "Critical"),
    (4, StatusKind::Open, "1", PriorityLevel::Low, "Low"),
    // reopened by an agent's public follow-up: the agent spoke last
    (5, StatusKind::WaitingOnCustomer, "2", PriorityLevel::Medium, "Normal"),
    (6, StatusKind::Open, "1", PriorityLevel::Low, "Very Low"),
    (7, StatusKind::Closed, "4", PriorityLevel::Medium, "Normal"),
    // only an internal note after the request: nobody has answered in public yet
    (8, StatusKind::Open, "1", PriorityLevel::High, "High"),
    (9, StatusKind::Closed, "4", PriorityLevel::Low, "Low"),
    (10, StatusKind::Open, "1", PriorityLevel::Low, "Very Low"),
    (11, StatusKind::WaitingOnCustomer, "1", PriorityLevel::Critical, "Critical"),
    (12, StatusKind::Open, "1", PriorityLevel::Medium, "Normal"),
];

// ---------------------------------------------------------------------------------------
// Reading

#[test]
fn every_listed_ticket_maps_with_its_kind_and_level() {
    let mut seen = Vec::new();
    for f in [fixture!("tickets-list-page1"), fixture!("tickets-list-page2"), fixture!("tickets-list-status-1-3")] {
        for t in page_from(&page(f), 1, 5, &queues()).tickets {
            let (_, kind, key, level, label) =
                EXPECTED.iter().find(|e| e.0 == t.id).unwrap_or_else(|| panic!("unexpected ticket {}", t.id));
            assert_eq!((t.status.kind, t.status.key.as_str()), (*kind, *key), "ticket {}", t.id);
            assert_eq!((t.priority.level, t.priority.label.as_str()), (*level, *label), "ticket {}", t.id);
            assert_eq!(t.priority.key, priority_number(&t.priority.key).unwrap().to_string());
            assert_eq!(t.number, t.id.to_string());
            seen.push(t.id);
        }
    }
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen, (1..=12).collect::<Vec<_>>());
}

#[test]
fn pages_carry_the_servers_count() {
    let p1 = page_from(&page(fixture!("tickets-list-page1")), 1, 5, &[]);
    assert_eq!((p1.tickets.len(), p1.total, p1.page_count(), p1.partial), (5, 12, 3, false));
    let p2 = page_from(&page(fixture!("tickets-list-page2")), 2, 5, &[]);
    assert_eq!((p2.tickets.len(), p2.total, p2.page), (5, 12, 2));
    assert_eq!(p2.tickets.iter().map(|t| t.id).collect::<Vec<_>>(), vec![6, 7, 8, 9, 10]);
    let filtered = page(fixture!("tickets-list-status-1-3"));
    assert_eq!((filtered.count, filtered.results.len(), filtered.next.as_deref()), (8, 8, None));
    assert!(filtered.results.iter().all(|t| t.status == 1 || t.status == 3));
    // `?status=Open` and `?queue=` are ignored by the server: every ticket comes back.
    assert_eq!(page(fixture!("tickets-list-status-label-ignored")).count, 12);
    assert_eq!(page(fixture!("tickets-list-other-filters-ignored")).count, 12);
}

#[test]
fn labels_are_the_servers_and_keys_its_numbers() {
    let p = page_from(&page(fixture!("tickets-list-page1")), 1, 5, &[]);
    let five = p.tickets.iter().find(|t| t.id == 5).unwrap();
    assert_eq!(five.status.label, "Reopened");
    let labels: Vec<_> = statuses().into_iter().map(|s| (s.key, s.label, s.kind)).collect();
    assert_eq!(labels[4], ("5".to_owned(), "Duplicate".to_owned(), StatusKind::Closed));
    assert_eq!(priorities().len(), 5);
    let v = vocabulary(&queues(), &[]);
    assert_eq!((v.statuses.len(), v.priorities.len(), v.departments.len()), (5, 5, 2));
    assert_eq!(v.status_key(StatusKind::Closed), Some("4"));
    for s in &v.statuses {
        assert_eq!(status_number(&s.key).map(|n| n.to_string()).as_deref(), Some(s.key.as_str()));
    }
    assert_eq!(status_for(5, false, true).kind, StatusKind::Closed, "only open tickets wait");
    let held = status_for(3, true, true);
    assert_eq!((held.key.as_str(), held.label.as_str(), held.kind), ("3", "Resolved - On Hold", StatusKind::OnHold));
    // A site's own extra status stays visible as open work.
    assert_eq!(status_for(9, false, false).kind, StatusKind::Open);
    assert_eq!(priority_for(9).level, PriorityLevel::Medium);
}

#[test]
fn on_hold_wins_whatever_the_number() {
    for number in 1..=5u8 {
        let mut v: Value = serde_json::from_str(&body_of(fixture!("ticket-get-with-notes"))).unwrap();
        v["on_hold"] = json!(true);
        v["status"] = json!(number);
        let t = ticket_from(&decode(&v.to_string()).unwrap(), &[]);
        assert_eq!(t.status.kind, StatusKind::OnHold);
        assert_eq!(t.status.key, number.to_string());
        assert!(t.status.label.ends_with(" - On Hold"));
    }
}

#[test]
fn department_assignee_and_customer() {
    let t = ticket_from(&ticket(fixture!("ticket-get-with-notes")), &queues());
    let d = t.department.unwrap();
    assert_eq!((d.key.as_str(), d.label.as_str()), ("1", "فنی"));
    let a = t.assignee.unwrap();
    assert_eq!((a.id.as_str(), a.name.as_str(), a.email), ("2", "2", None));
    assert_eq!(t.customer.email.as_deref(), Some("customer@example.test"));
    assert_eq!(t.customer.id, "customer@example.test");
    assert!(t.tags.is_empty() && t.custom_fields.is_empty());
    // A queue the configuration doesn't name is shown by its id.
    let eleven = ticket_from(&ticket(fixture!("ticket-after-patch")), &queues());
    assert_eq!(eleven.department.unwrap(), Department { key: "3".into(), label: "3".into() });
    assert_eq!((eleven.status.kind, eleven.priority.level), (StatusKind::Closed, PriorityLevel::High));
    let unassigned = ticket_from(&ticket(fixture!("ticket-patch-unassign")), &[]);
    assert_eq!(unassigned.assignee, None);
}

#[test]
fn times_come_from_the_followups() {
    let t = ticket_from(&ticket(fixture!("ticket-get-with-notes")), &[]);
    assert_eq!(t.created_at, at("2026-11-02T07:30:00Z"));
    // the internal note is the last thing that happened
    assert_eq!(t.updated_at, at("2026-11-02T16:51:00Z"));
    // the opening follow-up is filed by staff (user 2) but is the customer's request
    assert_eq!(t.first_response_at, Some(at("2026-11-02T10:37:00Z")));
    assert_eq!(t.last_agent_reply_at, Some(at("2026-11-02T10:37:00Z")));
    assert_eq!(t.last_customer_reply_at, Some(at("2026-11-02T13:44:00Z")));
    assert_eq!((t.reply_count, t.closed_at), (2, None));

    let three = ticket_from(&ticket(fixture!("ticket-get-with-attachment")), &[]);
    assert_eq!(three.closed_at, Some(at("2026-11-04T21:58:00Z")), "closed after resolved: the last one counts");
    assert_eq!(three.first_response_at, Some(at("2026-11-04T12:37:00Z")));
    assert_eq!(three.reply_count, 3, "the internal note is no reply");
    assert_eq!(three.last_customer_reply_at, Some(at("2026-11-04T09:30:00Z")), "only the request itself");

    let list = page(fixture!("tickets-list-page1"));
    let five = ticket_from(list.results.iter().find(|t| t.id == 5).unwrap(), &[]);
    assert_eq!(five.closed_at, None, "resolved, then reopened");
    let two = ticket_from(list.results.iter().find(|t| t.id == 2).unwrap(), &[]);
    assert_eq!(two.closed_at, Some(at("2026-11-03T11:37:00Z")));

    // Times recorded live carry microseconds.
    let thirteen = ticket_from(&ticket(fixture!("ticket-after-followup-new-status")), &[]);
    assert_eq!(thirteen.created_at, at("2026-12-03T15:36:25.729830Z"));
    assert_eq!(thirteen.closed_at, Some(at("2026-12-03T15:36:25.857378Z")));
    assert_eq!(thirteen.status.kind, StatusKind::Resolved);

    // A PATCH to closed logs no follow-up: closed, but nothing says when.
    let patched = ticket_from(&ticket(fixture!("ticket-after-patch")), &[]);
    assert_eq!((patched.status.kind, patched.closed_at), (StatusKind::Closed, None));
}

#[test]
fn the_thread_has_customer_agent_and_internal_entries() {
    let dto = ticket(fixture!("ticket-get-with-notes"));
    let m = messages_from(&dto);
    let kinds: Vec<_> = m.iter().map(|m| (m.author.kind, m.visibility)).collect();
    assert_eq!(
        kinds,
        vec![
            (AuthorKind::Customer, Visibility::Public),
            (AuthorKind::Agent, Visibility::Public),
            (AuthorKind::Customer, Visibility::Public),
            (AuthorKind::Agent, Visibility::Internal),
        ]
    );
    assert_eq!(m.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), vec!["1", "2", "3", "4"]);
    assert_eq!(m[0].body, Body::Text(dto.description.clone().unwrap()));
    assert_eq!(m[0].author.name, "customer@example.test");
    assert_eq!((m[1].author.id.as_deref(), m[1].author.name.as_str()), (Some("2"), "2"));
    assert_eq!(m[2].author.id.as_deref(), Some("customer@example.test"));
    assert_eq!(m[3].created_at, at("2026-11-02T16:51:00Z"));
    for (msg, f) in m.iter().zip(&dto.followup_set) {
        assert_eq!(msg.body.raw(), f.comment.as_deref().unwrap());
        assert_ne!(Some(msg.body.raw()), f.title.as_deref(), "a follow-up's title is not its text");
    }
    // Every note the live server stored as `public: false` (including the one sent without
    // `public`) is internal.
    let thirteen = ticket(fixture!("ticket-after-followup-new-status"));
    let notes: Vec<_> =
        messages_from(&thirteen).into_iter().filter(|m| m.visibility == Visibility::Internal).map(|m| m.id).collect();
    assert_eq!(notes, vec!["31", "32"]);
}

#[test]
fn attachments_map_with_their_absolute_url() {
    let m = messages_from(&ticket(fixture!("ticket-get-with-attachment")));
    let with: Vec<_> = m.iter().filter(|m| !m.attachments.is_empty()).collect();
    assert_eq!(with.len(), 1);
    assert_eq!(with[0].id, "8");
    let a = &with[0].attachments[0];
    assert_eq!((a.id.as_str(), a.name.as_str(), a.mime.as_str(), a.size), ("1", "گزارش-خطا.txt", "text/plain", 95));
    assert!(a.url.starts_with("http://127.0.0.1:18101/media/helpdesk/attachments/tech-3-"), "{}", a.url);
    assert!(a.url.ends_with("/8/%DA%AF%D8%B2%D8%A7%D8%B1%D8%B4-%D8%AE%D8%B7%D8%A7.txt"));

    let posted: FollowupDto = decode(&body_of(fixture!("followup-attachment-multipart"))).unwrap();
    assert_eq!(posted.followupattachment_set[0].filename, "گزارش-چاپگر.txt");
    assert_eq!(posted.followupattachment_set[0].size, 37);
    let thirteen = messages_from(&ticket(fixture!("ticket-after-followup-new-status")));
    let thirty_three = thirteen.iter().find(|m| m.id == "33").unwrap();
    assert_eq!(thirty_three.attachments[0].name, "گزارش-چاپگر.txt");
    assert_eq!(thirty_three.author.kind, AuthorKind::Agent);

    let listing: PageDto<FollowupAttachmentDto> = decode(&body_of(fixture!("followups-attachments-list"))).unwrap();
    assert_eq!((listing.count, listing.results[0].followup), (1, Some(8)));

    // A row whose file is gone is dropped, not linked to nowhere.
    let mut v: Value = serde_json::from_str(&body_of(fixture!("ticket-get-with-attachment"))).unwrap();
    v["followup_set"][1]["followupattachment_set"][0]["file"] = Value::Null;
    assert!(messages_from(&decode(&v.to_string()).unwrap()).iter().all(|m| m.attachments.is_empty()));
}

#[test]
fn a_silent_status_change_is_a_system_line() {
    let mut v: Value = serde_json::from_str(&body_of(fixture!("ticket-after-followup-new-status"))).unwrap();
    let last = v["followup_set"].as_array().unwrap().len() - 1;
    v["followup_set"][last]["comment"] = json!("");
    let dto: TicketDto = decode(&v.to_string()).unwrap();
    let m = messages_from(&dto);
    let system = m.last().unwrap();
    assert_eq!(system.author.kind, AuthorKind::System);
    assert_eq!(system.body, Body::Text("Resolved".into()));
    let t = ticket_from(&dto, &[]);
    // Nobody replied: the count and the last agent reply are the previous follow-up's.
    assert_eq!(t.reply_count, 2);
    assert_eq!(t.last_agent_reply_at, Some(at("2026-12-03T15:36:25.832897Z")));
    assert_eq!(t.closed_at, Some(at("2026-12-03T15:36:25.857378Z")));
}

#[test]
fn the_last_public_word_decides_who_waits() {
    let mut v: Value = serde_json::from_str(&body_of(fixture!("ticket-get-with-notes"))).unwrap();
    assert_eq!(ticket_from(&decode(&v.to_string()).unwrap(), &[]).status.kind, StatusKind::Open);
    // The customer's reply (user: null) becomes an agent's: now the customer owes an answer.
    v["followup_set"][2]["user"] = json!(3);
    let t = ticket_from(&decode(&v.to_string()).unwrap(), &[]);
    assert_eq!(
        (t.status.kind, t.status.key.as_str(), t.status.label.as_str()),
        (StatusKind::WaitingOnCustomer, "1", "Open")
    );
    assert_eq!(t.last_customer_reply_at, Some(at("2026-11-02T07:30:00Z")));
}

#[test]
fn followups_come_out_oldest_first_whatever_the_order_sent() {
    let mut v: Value = serde_json::from_str(&body_of(fixture!("ticket-get-with-notes"))).unwrap();
    v["followup_set"].as_array_mut().unwrap().reverse();
    let dto: TicketDto = decode(&v.to_string()).unwrap();
    let ids: Vec<_> = messages_from(&dto).into_iter().map(|m| m.id).collect();
    assert_eq!(ids, vec!["1", "2", "3", "4"]);
    assert_eq!(ticket_from(&dto, &[]).created_at, at("2026-11-02T07:30:00Z"));
}

#[test]
fn custom_fields_and_a_ticket_without_followups() {
    let mut v: Value = serde_json::from_str(&body_of(fixture!("ticket-get-with-notes"))).unwrap();
    v["custom_order_id"] = json!("۱۲۳۴");
    v["custom_vip"] = json!(true);
    v["custom_empty"] = Value::Null;
    v["secret_key"] = json!("not a custom field");
    v["followup_set"] = json!([]);
    let t = ticket_from(&decode(&v.to_string()).unwrap(), &[]);
    assert_eq!(t.custom_fields.get("order_id").map(String::as_str), Some("۱۲۳۴"));
    assert_eq!(t.custom_fields.get("vip").map(String::as_str), Some("true"));
    assert_eq!(t.custom_fields.len(), 2);
    assert_eq!(
        (t.created_at, t.updated_at, t.reply_count),
        (DateTime::<Utc>::default(), DateTime::<Utc>::default(), 0)
    );
}

#[test]
fn timestamps_in_every_form_drf_writes() {
    let mut v: Value = serde_json::from_str(&body_of(fixture!("followups-get"))).unwrap();
    for (text, expected) in [
        ("2026-11-02T16:51:00Z", "2026-11-02T16:51:00Z"),
        ("2026-11-02T16:51:00.5Z", "2026-11-02T16:51:00.5Z"),
        ("2026-11-02T20:21:00+03:30", "2026-11-02T16:51:00Z"),
        // USE_TZ = False: no offset at all
        ("2026-11-02T16:51:00", "2026-11-02T16:51:00Z"),
        ("2026-11-02T16:51:00.123456", "2026-11-02T16:51:00.123456Z"),
    ] {
        v["date"] = json!(text);
        let f: FollowupDto = decode(&v.to_string()).unwrap_or_else(|e| panic!("{text}: {e}"));
        assert_eq!(f.date, at(expected), "{text}");
    }
}

#[test]
fn persian_text_round_trips_byte_for_byte() {
    let create = exchange(fixture!("ticket-create-persian"));
    let sent = &create.request;
    let subject = sent["title"].as_str().unwrap();
    let body = sent["description"].as_str().unwrap();
    assert!(subject.contains('\u{200c}'), "the fixture's subject has a ZWNJ");
    let new = NewTicket {
        customer_name: "مشتری".into(),
        customer_email: "customer@example.test".into(),
        subject: subject.into(),
        body: body.into(),
        department: Some("1".into()),
        priority: Some("3".into()),
        attachments: Vec::new(),
    };
    assert_eq!(&create_body(&new, 1), sent, "the recorded request that got 201");
    let answer: TicketDto = decode(&create.body).unwrap();
    let t = ticket_from(&answer, &[]);
    assert_eq!(t.subject.as_bytes(), subject.as_bytes());
    let m = messages_from(&answer);
    assert_eq!(m.len(), 1);
    assert_eq!(m[0].body.raw().as_bytes(), body.as_bytes());
    assert_eq!(
        (m[0].author.kind, t.status.kind, t.priority.level),
        (AuthorKind::Customer, StatusKind::Open, PriorityLevel::Medium)
    );
    let again = ticket_from(&ticket(fixture!("ticket-create-persian-get")), &[]);
    assert_eq!(again.subject, t.subject);
}

#[test]
fn a_followup_title_renames_the_ticket_but_never_the_message() {
    let dto = ticket(fixture!("ticket-after-followup-with-title"));
    assert_eq!(ticket_from(&dto, &[]).subject, "عنوان تازه");
    let m = messages_from(&dto);
    assert_eq!(m.last().unwrap().body.raw(), "عنوان عوض شد؟");
}

#[test]
fn the_template_rendering_is_the_servers() {
    // What we sent with {{ }} comes back substituted; the mapping shows what was stored.
    let e = exchange(fixture!("followup-template-syntax"));
    let f: FollowupDto = decode(&e.body).unwrap();
    assert_ne!(f.comment.as_deref(), e.request["comment"].as_str());
    assert!(f.comment.unwrap().ends_with("{% now 'Y' %}"));
}

#[test]
fn customer_rows_map_with_the_code_their_mails_show() {
    let rows: PageDto<UserTicketDto> = decode(&body_of(fixture!("user-tickets-customer"))).unwrap();
    assert_eq!(rows.count, 6);
    let tickets: Vec<_> = rows.results.iter().map(customer_ticket_from).collect();
    let got: Vec<_> = tickets.iter().map(|t| (t.id, t.number.as_str(), t.status.kind)).collect();
    assert_eq!(
        got,
        vec![
            (12, "billing-12", StatusKind::Open),
            (9, "billing-9", StatusKind::Closed),
            (7, "general-7", StatusKind::Closed),
            (4, "general-4", StatusKind::Open),
            (2, "billing-2", StatusKind::Resolved),
            (1, "tech-1", StatusKind::Open),
        ]
    );
    assert_eq!(tickets[0].status.key, "1");
    assert_eq!(tickets[0].department.as_ref().unwrap().label, "مالی");
    assert_eq!(tickets[0].created_at, at("2026-11-13T08:30:00Z"));
    assert_eq!(tickets[0].customer.email.as_deref(), Some("customer@example.test"));
    assert!(tickets.iter().all(|t| t.custom_fields.is_empty()), "the secret key stays out");
    let seen = queues_seen(&rows.results);
    assert_eq!(
        seen.iter().map(|d| (d.key.as_str(), d.label.as_str())).collect::<Vec<_>>(),
        vec![("1", "فنی"), ("2", "مالی"), ("3", "عمومی")]
    );
    let one: UserTicketDto = decode(&body_of(fixture!("user-tickets-customer-get"))).unwrap();
    assert_eq!(customer_ticket_from(&one).number, "tech-1");
    let empty: PageDto<UserTicketDto> = decode(&body_of(fixture!("user-tickets-agent-empty"))).unwrap();
    assert!(empty.results.is_empty());

    // get_status's suffixes, a humanized date (older releases) and a row without a code.
    let mut row = one.clone();
    row.status = "Open - On Hold".into();
    row.created = Some("3 days ago".into());
    row.ticket = "1".into();
    let t = customer_ticket_from(&row);
    assert_eq!((t.status.kind, t.status.key.as_str(), t.number.as_str()), (StatusKind::OnHold, "1", "1"));
    assert_eq!(t.created_at, DateTime::<Utc>::default());
    row.status = "باز".into();
    assert_eq!(customer_ticket_from(&row).status.kind, StatusKind::Open);
}

#[test]
fn the_followups_filter_is_ignored_so_threads_come_from_the_ticket() {
    let all: PageDto<FollowupDto> = decode(&body_of(fixture!("followups-filter-ticket"))).unwrap();
    assert!(all.results.iter().any(|f| f.ticket != Some(1)));
    assert_eq!(all.count, 28);
}

#[test]
fn tokens_decode_and_never_print() {
    let t: TokenDto = decode(&body_of(fixture!("auth-token-obtain"))).unwrap();
    assert_eq!(t.token, "<redacted>");
    let t: TokenDto = decode(&body_of(fixture!("auth-token-obtain-json"))).unwrap();
    assert_eq!(t.token, "<redacted>");
    let secret = TokenDto { token: "9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b".into() };
    assert!(!format!("{secret:?}").contains("9944"));
}

#[test]
fn every_recorded_success_decodes_into_its_shape() {
    for f in ALL {
        let e = exchange(f);
        if !(200..300).contains(&e.status) || e.body.is_empty() {
            continue;
        }
        let name = f.0;
        let ok = if name.starts_with("tickets-list") || name.starts_with("cors-get") || name.starts_with("cors-other") {
            decode::<PageDto<TicketDto>>(&e.body).map(|_| ())
        } else if name.starts_with("ticket-") {
            decode::<TicketDto>(&e.body).map(|_| ())
        } else if name.starts_with("followup-") || name == "followups-get" {
            decode::<FollowupDto>(&e.body).map(|_| ())
        } else if name == "followups-filter-ticket" {
            decode::<PageDto<FollowupDto>>(&e.body).map(|_| ())
        } else if name == "followups-attachments-list" {
            decode::<PageDto<FollowupAttachmentDto>>(&e.body).map(|_| ())
        } else if name == "user-tickets-customer-get" {
            decode::<UserTicketDto>(&e.body).map(|_| ())
        } else if name.starts_with("user-tickets") {
            decode::<PageDto<UserTicketDto>>(&e.body).map(|_| ())
        } else if name.starts_with("auth-token") {
            decode::<TokenDto>(&e.body).map(|_| ())
        } else {
            decode::<Value>(&e.body).map(|_| ())
        };
        assert_eq!(ok, Ok(()), "{name}");
    }
}

// ---------------------------------------------------------------------------------------
// Errors

fn fe(field: &str, message: &str) -> FieldError {
    FieldError { field: field.into(), message: message.into() }
}

#[test]
fn every_recorded_error_maps_to_its_api_error() {
    let cases = [
        (fixture!("error-bad-token"), ApiError::Unauthorized),
        (fixture!("error-no-auth"), ApiError::Unauthorized),
        (fixture!("error-user-tickets-no-auth"), ApiError::Unauthorized),
        (fixture!("error-customer-tickets"), ApiError::Forbidden),
        (fixture!("followups-customer-forbidden"), ApiError::Forbidden),
        (fixture!("ticket-create-customer-forbidden"), ApiError::Forbidden),
        (fixture!("users-create-agent-forbidden"), ApiError::Forbidden),
        (fixture!("error-missing-ticket"), ApiError::NotFound),
        (fixture!("user-tickets-customer-other"), ApiError::NotFound),
        (fixture!("tickets-list-past-end"), ApiError::NotFound),
        (fixture!("ticket-create-no-priority"), ApiError::Validation(vec![fe("priority", "required")])),
        (fixture!("ticket-patch-bad-status"), ApiError::Validation(vec![fe("status", "unknown")])),
        (fixture!("auth-token-bad-password"), ApiError::Validation(vec![fe("password", "invalid_credentials")])),
        (
            fixture!("ticket-create-no-description"),
            ApiError::Server { status: 500, message: "Server Error (500)".into() },
        ),
    ];
    for (f, expected) in cases {
        let e = exchange(f);
        assert_eq!(error_for(e.status, &e.body), expected, "{}", f.0);
    }
    let past = exchange(fixture!("tickets-list-past-end"));
    assert!(is_past_last_page(past.status, &past.body));
    let missing = exchange(fixture!("error-missing-ticket"));
    assert!(!is_past_last_page(missing.status, &missing.body));
    // Every recorded error body has DRF's shape.
    for f in ALL {
        let e = exchange(f);
        if e.status >= 400 && e.status < 500 {
            let shaped = decode::<DetailDto>(&e.body).is_ok() || decode::<FieldErrorsDto>(&e.body).is_ok();
            assert!(shaped, "{}", f.0);
        }
    }
}

#[test]
fn field_errors_land_on_our_form_names() {
    let body = json!({
        "title": ["Ensure this field has no more than 200 characters."],
        "description": ["This field may not be blank."],
        "submitter_email": ["Enter a valid email address."],
        "queue": ["Invalid pk \"99\" - object does not exist."],
        "assigned_to": ["Invalid pk \"7\" - object does not exist."],
        "attachments": {"0": ["Unsupported file extension: .exe"]},
        "due_date": ["Datetime has wrong format."],
        "non_field_errors": ["Something about the whole form."],
    })
    .to_string();
    let ApiError::Validation(errors) = error_for(400, &body) else { panic!("not validation") };
    let got: Vec<_> = errors.iter().map(|e| (e.field.as_str(), e.message.as_str())).collect();
    for want in [
        ("subject", "too_long"),
        ("body", "required"),
        ("customer_email", "invalid_email"),
        ("department", "unknown"),
        ("assignee", "unknown"),
        ("attachments", "type_not_allowed"),
        ("due_date", "Datetime has wrong format."),
        ("form", "Something about the whole form."),
    ] {
        assert!(got.contains(&want), "{want:?} in {got:?}");
    }
    // A flood of messages is cut short.
    let many = json!({ "title": vec!["x"; 500] }).to_string();
    let ApiError::Validation(errors) = error_for(400, &many) else { panic!() };
    assert_eq!(errors.len(), 20);
}

#[test]
fn other_answers_map_to_the_right_kind() {
    let detail = |d: &str| json!({ "detail": d }).to_string();
    assert_eq!(error_for(401, ""), ApiError::Unauthorized);
    assert_eq!(error_for(401, &detail("Invalid token.")), ApiError::Unauthorized);
    assert_eq!(error_for(403, &detail("Invalid username/password.")), ApiError::Unauthorized);
    assert_eq!(error_for(403, &detail("Invalid token header. No credentials provided.")), ApiError::Unauthorized);
    assert_eq!(error_for(403, &detail("CSRF Failed: CSRF token missing.")), ApiError::Unauthorized);
    assert_eq!(error_for(403, ""), ApiError::Forbidden);
    assert_eq!(error_for(404, "<html>nginx</html>"), ApiError::NotFound);
    assert_eq!(
        error_for(400, &detail("JSON parse error")),
        ApiError::Server { status: 400, message: "JSON parse error".into() }
    );
    assert_eq!(error_for(400, "{}"), ApiError::Server { status: 400, message: "{}".into() });
    assert_eq!(error_for(502, ""), ApiError::Server { status: 502, message: "HTTP 502".into() });
    assert_eq!(
        error_for(429, &detail("Request was throttled.")),
        ApiError::Server { status: 429, message: "Request was throttled.".into() }
    );
    assert_eq!(
        error_for(503, "upstream gone\nmore"),
        ApiError::Server { status: 503, message: "upstream gone".into() }
    );
    let long = format!("<html><body><h1>{}</h1></body></html>", "خطا ".repeat(1000));
    let ApiError::Server { message, .. } = error_for(500, &long) else { panic!() };
    assert!(message.chars().count() <= 201, "{}", message.chars().count());
    assert!(error_for(500, "").is_retryable());
}

// ---------------------------------------------------------------------------------------
// Writing

#[test]
fn write_bodies_match_the_requests_that_worked() {
    let reply = exchange(fixture!("followup-reply-public"));
    let text = reply.request["comment"].as_str().unwrap();
    assert_eq!(followup_body(13, text, true, None), reply.request);
    let note = exchange(fixture!("followup-internal-note"));
    assert_eq!(followup_body(13, note.request["comment"].as_str().unwrap(), false, None), note.request);
    let resolve = exchange(fixture!("followup-new-status"));
    assert_eq!(followup_body(13, resolve.request["comment"].as_str().unwrap(), true, Some(3)), resolve.request);
    // Never a title (it renames the ticket); always `public` (its absence means internal).
    for body in [followup_body(1, "x", false, None), followup_body(1, "x", true, Some(4))] {
        assert!(body.get("title").is_none() && body.get("public").is_some());
    }
    let omitted = exchange(fixture!("followup-public-omitted"));
    assert!(!decode::<FollowupDto>(&omitted.body).unwrap().public);

    let patch = exchange(fixture!("ticket-patch-status-priority-assignee"));
    let update = TicketUpdate {
        status: Some("4".into()),
        priority: Some("2".into()),
        assignee: Some(Some("2".into())),
        ..TicketUpdate::default()
    };
    assert_eq!(patch_body(&update).unwrap(), patch.request);
    let unassign = exchange(fixture!("ticket-patch-unassign"));
    assert_eq!(
        patch_body(&TicketUpdate { assignee: Some(None), ..TicketUpdate::default() }).unwrap(),
        unassign.request
    );
    let move_queue = TicketUpdate { department: Some("3".into()), tags: Some(Vec::new()), ..TicketUpdate::default() };
    assert_eq!(patch_body(&move_queue).unwrap(), json!({ "queue": 3 }));
    assert_eq!(patch_body(&TicketUpdate::default()).unwrap(), json!({}));
}

#[test]
fn bad_keys_are_refused_before_sending() {
    let bad = TicketUpdate {
        status: Some("closed".into()),
        priority: Some("9".into()),
        assignee: Some(Some("sara".into())),
        department: Some(String::new()),
        tags: None,
    };
    assert_eq!(
        patch_body(&bad),
        Err(ApiError::Validation(vec![
            fe("status", "unknown"),
            fe("priority", "unknown"),
            fe("assignee", "unknown"),
            fe("department", "required"),
        ]))
    );
    let tags = TicketUpdate { tags: Some(vec!["vip".into()]), ..TicketUpdate::default() };
    assert_eq!(patch_body(&tags), Err(ApiError::Unsupported("tags".into())));
}

#[test]
fn create_always_sends_priority_and_description() {
    let new = NewTicket { subject: "بدون شرح".into(), ..NewTicket::default() };
    let body = create_body(&new, 2);
    assert_eq!(body, json!({ "queue": 2, "title": "بدون شرح", "description": "", "priority": 3 }));
    let urgent = NewTicket { priority: Some("1".into()), customer_email: "a@b.ir".into(), ..new };
    let body = create_body(&urgent, 2);
    assert_eq!((body["priority"].clone(), body["submitter_email"].clone()), (json!(1), json!("a@b.ir")));
    // Text is sent exactly as typed, surrounding spaces and all.
    let spaced = NewTicket { subject: "  سلام\u{200c}ها  ".into(), ..NewTicket::default() };
    assert_eq!(create_body(&spaced, 1)["title"], json!("  سلام\u{200c}ها  "));
}

#[test]
fn status_filters_the_server_can_narrow() {
    assert_eq!(status_numbers_for(&[]), None);
    assert_eq!(status_numbers_for(&[StatusKind::Open]), Some(vec![1, 2]));
    assert_eq!(status_numbers_for(&[StatusKind::WaitingOnCustomer]), Some(vec![1, 2]));
    assert_eq!(status_numbers_for(&[StatusKind::Resolved, StatusKind::Closed]), Some(vec![3, 4, 5]));
    assert_eq!(status_numbers_for(&[StatusKind::Open, StatusKind::OnHold]), None);
    assert_eq!(status_numbers_for(&[StatusKind::New]), Some(vec![]));
}

#[test]
fn capabilities_say_what_the_api_really_does() {
    let c = capabilities();
    assert!(c.list_tickets && c.threads && c.internal_notes && c.attachments && c.assignment);
    assert!(c.server_status_filter && !c.server_search && !c.server_sort);
    assert!(!c.tags && !c.reports && !c.bulk && !c.guest_tracking);
    let customer = customer_capabilities();
    assert!(customer.list_tickets && !customer.threads && !customer.reply && !customer.create_ticket);
}

// ---------------------------------------------------------------------------------------
// Robustness

fn set(body: &str, pointer: &str, value: Value) -> String {
    let mut v: Value = serde_json::from_str(body).unwrap();
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("{pointer}")) = value;
    v.to_string()
}

fn failure<T: DeserializeOwned + std::fmt::Debug>(body: &str) -> (String, String) {
    match decode::<T>(body) {
        Err(ApiError::UnexpectedPayload { path, detail }) => (path, detail),
        other => panic!("expected UnexpectedPayload, got {other:?}"),
    }
}

#[test]
fn decode_names_the_field_that_failed() {
    let list = body_of(fixture!("tickets-list-page1"));
    let one = body_of(fixture!("ticket-get-with-notes"));
    let (path, detail) = failure::<PageDto<TicketDto>>(&set(&list, "/results/0/status", json!("Open")));
    assert_eq!(path, "results[0].status", "{detail}");
    assert!(detail.contains("invalid type"), "{detail}");
    assert_eq!(failure::<PageDto<TicketDto>>(&set(&list, "/results/3/priority", json!(300))).0, "results[3].priority");
    assert_eq!(failure::<TicketDto>(&set(&one, "/followup_set/1/date", json!("yesterday"))).0, "followup_set[1].date");
    assert_eq!(failure::<TicketDto>(&set(&one, "/followup_set/2/public", Value::Null)).0, "followup_set[2].public");
    assert_eq!(failure::<PageDto<TicketDto>>(&set(&list, "/count", json!(-1))).0, "count");
    let attached = body_of(fixture!("ticket-get-with-attachment"));
    assert_eq!(
        failure::<TicketDto>(&set(&attached, "/followup_set/1/followupattachment_set/0/size", json!(-5))).0,
        "followup_set[1].followupattachment_set[0].size"
    );
    // `user` must be there even though it may be null.
    let mut v: Value = serde_json::from_str(&one).unwrap();
    v["followup_set"][0].as_object_mut().unwrap().remove("user");
    let (path, detail) = failure::<TicketDto>(&v.to_string());
    assert_eq!(path, "followup_set[0]");
    assert!(detail.contains("missing field `user`"), "{detail}");
    // Whole-body trouble is at the root.
    assert_eq!(failure::<TicketDto>("").0, ".");
    assert_eq!(failure::<TicketDto>(&format!("{one} trailing")).0, ".");
    let html = exchange(fixture!("ticket-create-no-description")).body;
    assert_eq!(failure::<TicketDto>(&html).0, ".");
    assert_eq!(failure::<TicketDto>("[]").0, ".");
    // Long details are cut.
    let huge = set(&one, "/followup_set/0/date", json!("x".repeat(100_000)));
    assert!(failure::<TicketDto>(&huge).1.chars().count() <= 201);
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
    "{\"a\":",
    "[[[[",
    "\u{0}",
    "\u{fffd}",
];



/// Decodes `text` as every shape the adapter reads and maps whatever decodes; a decode
/// error must be `UnexpectedPayload` with a path. Returns how many shapes decoded.
fn exercise(text: &str) -> usize {
    let mut ok = 0;
    if let Some(p) = decoded_or_path::<PageDto<TicketDto>>(text) {
        let _ = page_from(&p, 1, 25, &queues());
        ok += 1;
        for t in &p.results {
            let _ = messages_from(t);
        }
    }
    if let Some(t) = decoded_or_path::<TicketDto>(text) {
        let _ = thread_from(&t, &queues());
        ok += 1;
    }
    ok += usize::from(decoded_or_path::<FollowupDto>(text).is_some());
    ok += usize::from(decoded_or_path::<PageDto<FollowupDto>>(text).is_some());
    ok += usize::from(decoded_or_path::<PageDto<FollowupAttachmentDto>>(text).is_some());
    if let Some(p) = decoded_or_path::<PageDto<UserTicketDto>>(text) {
        let _: Vec<_> = p.results.iter().map(customer_ticket_from).collect();
        let _ = queues_seen(&p.results);
        ok += 1;
    }
    if let Some(row) = decoded_or_path::<UserTicketDto>(text) {
        let _ = customer_ticket_from(&row);
        ok += 1;
    }
    ok += usize::from(decoded_or_path::<TokenDto>(text).is_some());
    ok += usize::from(decoded_or_path::<DetailDto>(text).is_some());
    ok += usize::from(decoded_or_path::<FieldErrorsDto>(text).is_some());
    ok += usize::from(decoded_or_path::<Value>(text).is_some());
    for status in [400, 401, 403, 404, 500] {
        let _ = error_for(status, text);
        let _ = is_past_last_page(status, text);
    }
    ok
}

#[test]
fn decoding_survives_truncated_and_mutated_fixtures() {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let (mut variants, mut decoded) = (0usize, 0usize);
    for f in ALL {
        let body = exchange(f).body;
        // The recorded body itself, then cut at ~64 places.
        exercise(&body);
        let (tried, still) = cut_and_mutate(&mut rng, &body, 64, 48, &PALETTE, exercise);
        variants += tried;
        decoded += still;
    }
    assert!(variants > 5_000, "{variants}");
    // Some mutations are harmless (a swapped space, a changed digit): those must still decode.
    assert!(decoded > 100, "{decoded} of {variants}");
}

#[test]
fn decoding_survives_oversized_and_hostile_input() {
    // Nesting far past serde_json's recursion limit: an error, not a stack overflow.
    let deep = "[".repeat(100_000);
    assert_eq!(exercise(&deep), 0);
    let one = body_of(fixture!("ticket-get-with-notes"));
    let nested = one.replacen('{', &format!("{{\"custom_deep\": {}1{}, ", "[".repeat(5_000), "]".repeat(5_000)), 1);
    assert!(matches!(decode::<TicketDto>(&nested), Err(ApiError::UnexpectedPayload { .. })));
    // A very long page and a very long comment decode and map.
    let big_page = format!(
        "{{\"count\": 3000, \"next\": null, \"previous\": null, \"results\": [{}]}}",
        vec![one.as_str(); 3000].join(",")
    );
    let p: PageDto<TicketDto> = decode(&big_page).unwrap();
    assert_eq!(page_from(&p, 1, 3000, &[]).tickets.len(), 3000);
    let long = set(&one, "/followup_set/3/comment", json!("ی".repeat(1_000_000)));
    assert_eq!(messages_from(&decode(&long).unwrap())[3].body.raw().chars().count(), 1_000_000);
    // Numbers out of every range.
    let placeholder = set(&one, "/id", json!("__ID__"));
    for n in ["1e999", "-1", "18446744073709551616", "1.5", "NaN", "\"1\""] {
        let bad = placeholder.replace("\"__ID__\"", n);
        assert!(matches!(decode::<TicketDto>(&bad), Err(ApiError::UnexpectedPayload { .. })), "{n}");
    }
    // Unknown fields anywhere are ignored.
    let mut v: Value = serde_json::from_str(&one).unwrap();
    v["followup_set"][0]["something_new"] = json!({"a": [1, 2, 3]});
    v["followup_set"][0]["followupattachment_set"] = json!([]);
    v["brand_new"] = json!([{"deep": null}]);
    assert!(decode::<TicketDto>(&v.to_string()).is_ok());
}

#[test]
fn uploads_go_as_the_recorded_multipart_fields() {
    use crate::api::http::{FormPart, HttpBody};
    use crate::domain::NewAttachment;
    // followup-attachment-multipart.json: ticket, comment, public as text; the file under `attachments`.
    let recorded: serde_json::Value =
        serde_json::from_str(include_str!("../../../tests/fixtures/django-helpdesk/followup-attachment-multipart.json")).unwrap();
    let parts = recorded["request"]["body"]["multipart"].as_array().unwrap();
    let file = NewAttachment { name: "گزارش-چاپگر.txt".into(), mime: "text/plain".into(), bytes: "کد خطا: E-204\nError code: E-204\n".into() };
    let body = multipart_body(&followup_body(13, "گزارش دستگاه پیوست شد.", true, None), "attachments", std::slice::from_ref(&file));
    let HttpBody::Multipart(sent) = body else { panic!("not multipart") };
    assert_eq!(sent.len(), parts.len());
    for part in parts {
        let name = part["name"].as_str().unwrap();
        let found = sent.iter().find(|p| match p {
            FormPart::Text { name: n, .. } | FormPart::File { name: n, .. } => n == name,
        });
        match (found, part.get("filename")) {
            (Some(FormPart::Text { value, .. }), None) => assert_eq!(value, part["value"].as_str().unwrap(), "{name}"),
            (Some(FormPart::File { file_name, mime, bytes, .. }), Some(f)) => {
                assert_eq!(file_name, f.as_str().unwrap());
                assert_eq!(mime, part["content_type"].as_str().unwrap());
                assert_eq!(bytes.as_slice(), part["content"].as_str().unwrap().as_bytes());
            }
            other => panic!("{name}: {other:?}"),
        }
    }
    assert_eq!(check_attachments(&[file.clone(), file.clone()], MAX_CREATE_ATTACHMENTS), Err(ApiError::validation("attachments", "too_many")));
    let big = NewAttachment { bytes: vec![0; MAX_ATTACHMENT_BYTES as usize + 1], ..file };
    assert_eq!(check_attachments(&[big], 5), Err(ApiError::validation("attachments", "too_large")));
}
