//! The mapping on exchanges recorded from a real Fluent Support 1.8.4 (WordPress 6.1, site
//! timezone Asia/Tehran), plus robustness: decoding never panics, whatever the bytes, and says
//! where it failed.

use chrono::{DateTime, FixedOffset, Utc};
use serde::de::DeserializeOwned;
use serde_json::{json, Value};

use super::dto::{CreatedDto, EssentialsDto, TicketDto, TicketListDto, TicketViewDto, UploadDto};
use super::mapping::*;
use crate::api::http::FormPart;
use crate::api::json::fuzz::{cut_and_mutate, Rng};
use crate::api::{ApiError, FieldError};
use crate::calendar::tehran_offset;
use crate::domain::{
    AssigneeFilter, AuthorKind, Body, Department, NewAttachment, NewTicket, Person, PriorityLevel, SortField,
    StatusKind, TicketQuery, TicketUpdate, Visibility,
};

macro_rules! fixture {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../tests/fixtures/fluent-support/", $name, ".json")))
    };
}

/// Every recorded exchange, for the tests that run over all of them.
const ALL: [(&str, &str); 93] = [
    fixture!("agents-create-admin"),
    fixture!("agents-create-agent"),
    fixture!("agents-create-duplicate"),
    fixture!("agents-create-validation"),
    fixture!("agents-list-as-agent"),
    fixture!("agents-list"),
    fixture!("attachment-download-bad-sign"),
    fixture!("attachment-download-cors"),
    fixture!("attachment-download"),
    fixture!("cors-get"),
    fixture!("cors-preflight-put"),
    fixture!("error-agent-delete-forbidden"),
    fixture!("error-bad-app-password"),
    fixture!("error-customer-agent-list"),
    fixture!("error-customer-agent-reply"),
    fixture!("error-customer-close-other"),
    fixture!("error-login-password"),
    fixture!("error-method-override"),
    fixture!("error-missing-ticket-portal"),
    fixture!("error-missing-ticket-reply"),
    fixture!("error-missing-ticket"),
    fixture!("error-no-auth-portal"),
    fixture!("error-no-auth"),
    fixture!("me-agent"),
    fixture!("me-customer"),
    fixture!("portal-close"),
    fixture!("portal-create-validation"),
    fixture!("portal-create-with-attachment"),
    fixture!("portal-create"),
    fixture!("portal-get-other-customer"),
    fixture!("portal-get-with-attachment"),
    fixture!("portal-get"),
    fixture!("portal-list-as-agent"),
    fixture!("portal-list-closed"),
    fixture!("portal-list-no-customer"),
    fixture!("portal-list-open"),
    fixture!("portal-list-page2"),
    fixture!("portal-list-search"),
    fixture!("portal-list-sorted"),
    fixture!("portal-list"),
    fixture!("portal-public-options"),
    fixture!("portal-reopen"),
    fixture!("portal-reply-closed"),
    fixture!("portal-reply"),
    fixture!("portal-upload"),
    fixture!("setup-portal"),
    fixture!("setup-tickets-before-agent"),
    fixture!("ticket-essentials-as-agent"),
    fixture!("ticket-essentials"),
    fixture!("ticket-file-upload-bad-type"),
    fixture!("ticket-file-upload-new-ticket"),
    fixture!("ticket-file-upload"),
    fixture!("ticket-get-after-closed-replies"),
    fixture!("ticket-get-agent-created"),
    fixture!("ticket-get-assigned"),
    fixture!("ticket-get-closed"),
    fixture!("ticket-get-reopened"),
    fixture!("ticket-get-with-attachment"),
    fixture!("ticket-get"),
    fixture!("tickets-close-again"),
    fixture!("tickets-close"),
    fixture!("tickets-create-no-customer"),
    fixture!("tickets-create-validation"),
    fixture!("tickets-create-with-attachment"),
    fixture!("tickets-create"),
    fixture!("tickets-list-agent-filter-ignored"),
    fixture!("tickets-list-client-priority"),
    fixture!("tickets-list-customer"),
    fixture!("tickets-list-mailbox"),
    fixture!("tickets-list-order-asc"),
    fixture!("tickets-list-page1"),
    fixture!("tickets-list-page2"),
    fixture!("tickets-list-past-end"),
    fixture!("tickets-list-priority-critical"),
    fixture!("tickets-list-search-id"),
    fixture!("tickets-list-search-persian"),
    fixture!("tickets-list-status-closed"),
    fixture!("tickets-list-status-new"),
    fixture!("tickets-list-status-open"),
    fixture!("tickets-list-unassigned"),
    fixture!("tickets-list-waiting"),
    fixture!("tickets-list"),
    fixture!("tickets-note"),
    fixture!("tickets-property-agent"),
    fixture!("tickets-property-missing-agent"),
    fixture!("tickets-property-priority"),
    fixture!("tickets-property-status"),
    fixture!("tickets-property-unassign"),
    fixture!("tickets-reopen"),
    fixture!("tickets-reply-closed"),
    fixture!("tickets-reply-validation"),
    fixture!("tickets-reply-with-attachment"),
    fixture!("tickets-reply"),
];

/// One recorded exchange: what we sent, and the answer as the adapter would receive it
/// (JSON bodies re-serialised, other bodies as the raw text the recorder kept).
struct Exchange {
    request: Value,
    status: u16,
    headers: Value,
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
    Exchange {
        request: v["request"].clone(),
        status: response["status"].as_u64().unwrap() as u16,
        headers: response["headers"].clone(),
        body,
    }
}

fn body_of(f: (&str, &str)) -> String {
    exchange(f).body
}

fn decoded<T: DeserializeOwned>(f: (&str, &str)) -> T {
    decode(&body_of(f)).unwrap_or_else(|e| panic!("{}: {e}", f.0))
}

fn error_of(f: (&str, &str)) -> ApiError {
    let e = exchange(f);
    error_for(e.status, &e.body)
}

fn at(s: &str) -> DateTime<Utc> {
    s.parse().unwrap()
}

fn tehran() -> FixedOffset {
    tehran_offset()
}

fn list(f: (&str, &str)) -> TicketListDto {
    decoded(f)
}

fn ids(f: (&str, &str)) -> Vec<u64> {
    list(f).tickets.data.iter().map(|t| t.id).collect()
}

fn view(f: (&str, &str)) -> TicketViewDto {
    decoded(f)
}

/// `value` with the JSON at `pointer` replaced: variants derived from a recorded body.
fn set(body: &str, pointer: &str, with: Value) -> String {
    let mut v: Value = serde_json::from_str(body).unwrap();
    *v.pointer_mut(pointer).unwrap_or_else(|| panic!("no {pointer}")) = with;
    v.to_string()
}

fn mailboxes() -> Vec<Department> {
    vec![Department { key: "1".into(), label: "پشتیبانی پیشخوان".into() }]
}

// ---------------------------------------------------------------------------------------
// The recordings themselves

#[test]
fn fixtures_keep_no_credentials() {
    for f in ALL {
        let e = exchange(f);
        if let Some(auth) = e.request["headers"]["Authorization"].as_str() {
            assert_eq!(auth, "Basic <redacted>", "{}", f.0);
        }
        assert!(!f.1.contains("pishkhan-agent") && !f.1.contains("pishkhan-customer"), "{}", f.0);
        assert!(e.status >= 200, "{}", f.0);
    }
}

// ---------------------------------------------------------------------------------------
// Agent lists

/// (id, status key, status kind, priority level, assignee person id) of the seeded tickets
/// in `tickets-list`, newest first.
const EXPECTED: [(u64, &str, StatusKind, PriorityLevel, Option<&str>); 8] = [
    (8, "new", StatusKind::New, PriorityLevel::Low, None),
    // closed through `property`: no resolved_at
    (7, "closed", StatusKind::Closed, PriorityLevel::Low, None),
    // closed and re-opened by the customer: active, nobody has answered
    (6, "active", StatusKind::Open, PriorityLevel::Low, None),
    (5, "closed", StatusKind::Closed, PriorityLevel::Low, None),
    (4, "active", StatusKind::Open, PriorityLevel::Low, None),
    // filed by an agent; priority and assignee changed through `property`
    (3, "new", StatusKind::New, PriorityLevel::Critical, Some("2")),
    // the agent answered last
    (2, "active", StatusKind::WaitingOnCustomer, PriorityLevel::Low, Some("2")),
    // the customer answered last; the first agent reply assigned the admin
    (1, "active", StatusKind::Open, PriorityLevel::Low, Some("1")),
];

#[test]
fn agent_list_maps_every_seeded_ticket() {
    let dto = list(fixture!("tickets-list"));
    let page = page_from(&dto.tickets, tehran(), &[]);
    assert_eq!((page.total, page.page, page.per_page, page.partial), (8, 1, 15, false));
    assert_eq!(page.tickets.len(), EXPECTED.len());
    for (t, (id, key, kind, level, assignee)) in page.tickets.iter().zip(EXPECTED) {
        assert_eq!(t.id, id);
        assert_eq!(t.number, id.to_string());
        assert_eq!((t.status.key.as_str(), t.status.kind), (key, kind), "ticket {id}");
        assert_eq!(t.priority.level, level, "ticket {id}");
        assert_eq!(t.assignee.as_ref().map(|a| a.id.as_str()), assignee, "ticket {id}");
        assert_eq!(t.department, Some(mailboxes()[0].clone()), "ticket {id}");
    }
    let by_id = |id| page.tickets.iter().find(|t| t.id == id).unwrap();
    // Persian round-trips byte for byte, zero-width non-joiner included.
    assert_eq!(by_id(1).subject, "چاپگر طبقهٔ دوم کار نمی‌کند");
    assert_eq!(by_id(1).customer, Person { id: "3".into(), name: "علی رضایی".into(), email: Some("customer@pishkhan.test".into()) });
    assert_eq!(by_id(3).customer.name, "زهرا کاظمی");
    assert_eq!(by_id(1).assignee.as_ref().unwrap().name, "مدیر سامانه");
    assert_eq!(by_id(2).custom_fields.get("client_priority").map(String::as_str), Some("critical"));
    assert_eq!(by_id(2).status.label, "Active");
}

#[test]
fn site_local_columns_are_converted_with_the_site_offset() {
    let t1 = ticket_from(&view(fixture!("ticket-get")).ticket, tehran(), &[]);
    assert_eq!(t1.created_at, at("2026-12-03T17:01:43Z"));
    assert_eq!(t1.updated_at, at("2026-12-03T17:01:54Z"));
    // "2026-12-03 20:31:53" / "… 20:31:54" on the wall clock of Tehran
    assert_eq!(t1.last_agent_reply_at, Some(at("2026-12-03T17:01:53Z")));
    assert_eq!(t1.last_customer_reply_at, Some(at("2026-12-03T17:01:54Z")));
    // first_response_time (10 s after creation) lands on the first agent reply
    assert_eq!(t1.first_response_at, t1.last_agent_reply_at);
    // The customer's reply is the last change: the UTC column agrees with the local one.
    assert_eq!(t1.last_customer_reply_at, Some(t1.updated_at));
    assert_eq!((t1.reply_count, t1.closed_at), (2, None));

    let t5 = ticket_from(&view(fixture!("ticket-get-closed")).ticket, tehran(), &[]);
    // resolved_at "20:31:57" local is the UTC updated_at of the close
    assert_eq!(t5.closed_at, Some(at("2026-12-03T17:01:57Z")));
    assert_eq!(t5.closed_at, Some(t5.updated_at));
    assert_eq!((t5.first_response_at, t5.last_agent_reply_at), (None, None));

    // The offset is the backend's: read as UTC, the same columns are 3.5 hours off.
    let utc = FixedOffset::east_opt(0).unwrap();
    let as_utc = ticket_from(&view(fixture!("ticket-get-closed")).ticket, utc, &[]);
    assert_eq!(as_utc.closed_at, Some(at("2026-12-03T20:31:57Z")));
    assert_eq!(as_utc.created_at, t5.created_at);
}

#[test]
fn closed_at_only_for_closed_tickets_with_a_resolve_time() {
    let page = page_from(&list(fixture!("tickets-list")).tickets, tehran(), &[]);
    let closed_at = |id| page.tickets.iter().find(|t| t.id == id).unwrap().closed_at;
    assert_eq!(closed_at(5), Some(at("2026-12-03T17:01:57Z")));
    // re-opened tickets keep their old resolved_at on the server
    let reopened = view(fixture!("ticket-get-reopened")).ticket;
    assert!(reopened.resolved_at.is_some());
    assert_eq!(closed_at(6), None);
    assert_eq!(closed_at(4), None);
    // closed through `property`
    assert_eq!(closed_at(7), None);
    let t7 = list(fixture!("tickets-list")).tickets.data.into_iter().find(|t| t.id == 7).unwrap();
    assert_eq!((t7.status.as_str(), t7.resolved_at), ("closed", None));
}

#[test]
fn waiting_on_customer_is_derived_from_the_reply_times() {
    let dto = list(fixture!("tickets-list")).tickets.data;
    let waiting: Vec<u64> = dto.iter().filter(|t| is_waiting_on_customer(t, tehran())).map(|t| t.id).collect();
    assert_eq!(waiting, vec![2]);
    // A ticket the agent answered last but that is closed is closed, not waiting.
    let t2 = dto.iter().find(|t| t.id == 2).unwrap();
    let closed = TicketDto { status: "closed".into(), ..t2.clone() };
    assert!(!is_waiting_on_customer(&closed, tehran()));
    // The customer answering later turns it back.
    let answered = TicketDto { last_customer_response: Some("2026-12-03 20:32:30".into()), ..t2.clone() };
    assert_eq!(ticket_from(&answered, tehran(), &[]).status.kind, StatusKind::Open);
    // A reply in the same second is not "later".
    let tie = TicketDto { last_customer_response: t2.last_agent_response.clone(), ..t2.clone() };
    assert!(!is_waiting_on_customer(&tie, tehran()));
}

#[test]
fn pages_come_from_laravel_pagination() {
    let p1 = list(fixture!("tickets-list-page1")).tickets;
    let p2 = list(fixture!("tickets-list-page2")).tickets;
    let end = list(fixture!("tickets-list-past-end")).tickets;
    assert_eq!((p1.current_page, p1.last_page, p1.per_page, p1.total), (1, 3, 3, 8));
    assert_eq!(ids(fixture!("tickets-list-page1")), vec![8, 7, 6]);
    assert_eq!(ids(fixture!("tickets-list-page2")), vec![5, 4, 3]);
    let page = page_from(&p2, tehran(), &[]);
    assert_eq!((page.page, page.per_page, page.total, page.page_count()), (2, 3, 8, 3));
    // Past the end: an empty page with the right total, not an error.
    assert_eq!(exchange(fixture!("tickets-list-past-end")).status, 200);
    let past = page_from(&end, tehran(), &[]);
    assert_eq!((past.tickets.len(), past.total, past.page), (0, 8, 9));
    // Why page URLs are built here: the server's links forget per_page (and every filter).
    let next = p2.next_page_url.unwrap();
    assert!(next.ends_with("/tickets?page=3") && !next.contains("per_page"), "{next}");
    // No X-WP-Total on these lists.
    assert!(exchange(fixture!("tickets-list-page1")).headers.get("x-wp-total").is_none());
}

#[test]
fn server_filters_do_what_the_plan_expects() {
    let kinds = |f| -> Vec<StatusKind> {
        page_from(&list(f).tickets, tehran(), &[]).tickets.iter().map(|t| t.status.kind).collect()
    };
    assert_eq!(kinds(fixture!("tickets-list-status-closed")), vec![StatusKind::Closed; 2]);
    assert_eq!(kinds(fixture!("tickets-list-status-new")), vec![StatusKind::New; 2]);
    assert!(kinds(fixture!("tickets-list-status-open"))
        .iter()
        .all(|k| matches!(k, StatusKind::New | StatusKind::Open | StatusKind::WaitingOnCustomer)));
    assert_eq!(ids(fixture!("tickets-list-status-open")), vec![8, 6, 4, 3, 2, 1]);
    assert_eq!(ids(fixture!("tickets-list-priority-critical")), vec![3]);
    // client_priority is a column filter too (the customers' choice)
    assert_eq!(ids(fixture!("tickets-list-client-priority")), vec![6, 2]);
    assert_eq!(ids(fixture!("tickets-list-unassigned")), vec![8, 7, 6, 5, 4]);
    assert_eq!(ids(fixture!("tickets-list-customer")), vec![3]);
    assert_eq!(ids(fixture!("tickets-list-mailbox")), vec![8, 7]);
    assert_eq!(ids(fixture!("tickets-list-search-persian")), vec![2]);
    assert_eq!(ids(fixture!("tickets-list-search-id")), vec![2]);
    assert_eq!(ids(fixture!("tickets-list-order-asc")), vec![1, 2, 3, 4]);
    // waiting_for_reply means waiting on the agent, closed tickets included: not our kind
    assert_eq!(ids(fixture!("tickets-list-waiting")), vec![8, 7, 6, 5, 4, 3, 1]);
    // filters[agent_id]=2 is ignored by the free plugin: every ticket comes back
    assert_eq!(ids(fixture!("tickets-list-agent-filter-ignored")), vec![8, 7, 6, 5, 4, 3, 2, 1]);
}

fn param<'a>(plan: &'a ListPlan, name: &str) -> Option<&'a str> {
    plan.params.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
}

#[test]
fn agent_plans_send_what_the_server_filters_and_keep_the_rest() {
    let default = agent_list_plan(&TicketQuery::default()).unwrap();
    assert!(default.exact);
    assert_eq!(default.params, vec![("order_by".into(), "updated_at".into()), ("order_type".into(), "DESC".into())]);

    let with = |statuses: Vec<StatusKind>| agent_list_plan(&TicketQuery { statuses, ..TicketQuery::default() });
    let closed = with(vec![StatusKind::Closed]).unwrap();
    assert_eq!((param(&closed, "filters[status_type]"), closed.exact), (Some("closed"), true));
    // the recorded request used the same parameter
    assert_eq!(exchange(fixture!("tickets-list-status-closed")).request["query"]["filters[status_type]"], "closed");
    let open = with(vec![StatusKind::New, StatusKind::Open, StatusKind::WaitingOnCustomer]).unwrap();
    assert_eq!((param(&open, "filters[status_type]"), open.exact), (Some("open"), true));
    // open and waiting are both `active`: one of them alone needs a local pass
    for kind in [StatusKind::Open, StatusKind::WaitingOnCustomer] {
        let plan = with(vec![kind]).unwrap();
        assert_eq!((param(&plan, "filters[status_type]"), plan.exact), (Some("active"), false), "{kind:?}");
    }
    let mixed = with(vec![StatusKind::New, StatusKind::Closed]).unwrap();
    assert_eq!((param(&mixed, "filters[status_type]"), mixed.exact), (None, false));
    assert!(with(vec![StatusKind::New, StatusKind::Open, StatusKind::WaitingOnCustomer, StatusKind::Closed]).unwrap().exact);
    // statuses this backend does not have: nothing to ask for
    assert_eq!(with(vec![StatusKind::Resolved, StatusKind::InProgress]), None);

    let prio = |priorities| agent_list_plan(&TicketQuery { priorities, ..TicketQuery::default() });
    let critical = prio(vec![PriorityLevel::Critical]).unwrap();
    assert_eq!((param(&critical, "filters[priority]"), critical.exact), (Some("critical"), true));
    assert_eq!(prio(vec![PriorityLevel::High]), None);
    assert!(!prio(vec![PriorityLevel::Low, PriorityLevel::Medium]).unwrap().exact);
    assert!(prio(vec![PriorityLevel::Low, PriorityLevel::Medium, PriorityLevel::Critical]).unwrap().exact);

    let unassigned = agent_list_plan(&TicketQuery { assignee: AssigneeFilter::Unassigned, ..TicketQuery::default() }).unwrap();
    assert_eq!((param(&unassigned, "filters[agent_id]"), unassigned.exact), (Some("unassigned"), true));
    let agent = agent_list_plan(&TicketQuery { assignee: AssigneeFilter::Agent("2".into()), ..TicketQuery::default() }).unwrap();
    assert_eq!((param(&agent, "filters[agent_id]"), agent.exact), (None, false));

    let mailbox = agent_list_plan(&TicketQuery { department: Some("1".into()), ..TicketQuery::default() }).unwrap();
    assert_eq!((param(&mailbox, "filters[mailbox_id]"), mailbox.exact), (Some("1"), true));
    let search = agent_list_plan(&TicketQuery { search: "  صورتحساب ".into(), ..TicketQuery::default() }).unwrap();
    assert_eq!((param(&search, "search"), search.exact), (Some("صورتحساب"), true));
    let asc = agent_list_plan(&TicketQuery { sort: SortField::Number, descending: false, ..TicketQuery::default() }).unwrap();
    assert_eq!((param(&asc, "order_by"), param(&asc, "order_type")), (Some("id"), Some("ASC")));
    // priorities are text on the server: sorting by them runs here
    assert!(!agent_list_plan(&TicketQuery { sort: SortField::Priority, ..TicketQuery::default() }).unwrap().exact);
    for local in [
        TicketQuery { tags: vec!["چاپگر".into()], ..TicketQuery::default() },
        TicketQuery { customer_email: Some("customer@pishkhan.test".into()), ..TicketQuery::default() },
        TicketQuery { created_from: chrono::NaiveDate::from_ymd_opt(2026, 12, 1), ..TicketQuery::default() },
    ] {
        assert!(!agent_list_plan(&local).unwrap().exact, "{local:?}");
    }
}

#[test]
fn customer_plans_ask_only_for_the_status_group() {
    let default = customer_list_plan(&TicketQuery::default()).unwrap();
    assert_eq!((default.params.clone(), default.exact), (vec![], true));
    let with = |statuses: Vec<StatusKind>| customer_list_plan(&TicketQuery { statuses, ..TicketQuery::default() });
    let closed = with(vec![StatusKind::Closed]).unwrap();
    assert_eq!((param(&closed, "filter_type"), closed.exact), (Some("closed"), true));
    let open = with(vec![StatusKind::New, StatusKind::Open, StatusKind::WaitingOnCustomer, StatusKind::OnHold]).unwrap();
    assert_eq!((param(&open, "filter_type"), open.exact), (Some("open"), true));
    // "open" includes on-hold: without it, the page is filtered here
    let open_only = with(vec![StatusKind::New, StatusKind::Open, StatusKind::WaitingOnCustomer]).unwrap();
    assert_eq!((param(&open_only, "filter_type"), open_only.exact), (Some("open"), false));
    assert_eq!(with(vec![StatusKind::Resolved]), None);
    // the portal ignores search and sorting (see portal-list-search and portal-list-sorted)
    assert!(!customer_list_plan(&TicketQuery { search: "چاپگر".into(), ..TicketQuery::default() }).unwrap().exact);
    assert!(!customer_list_plan(&TicketQuery { sort: SortField::Created, ..TicketQuery::default() }).unwrap().exact);
    assert!(!customer_list_plan(&TicketQuery { descending: false, ..TicketQuery::default() }).unwrap().exact);
    assert_eq!(ids(fixture!("portal-list-search")), ids(fixture!("portal-list")));
    assert_eq!(ids(fixture!("portal-list-sorted")), vec![2, 4, 5]);
}

// ---------------------------------------------------------------------------------------
// Threads

#[test]
fn agent_thread_is_the_opening_message_then_responses_oldest_first() {
    let v = view(fixture!("ticket-get"));
    // the server sends responses newest first
    assert_eq!(v.responses.iter().map(|r| r.id).collect::<Vec<_>>(), vec![3, 2, 1]);
    let thread = thread_from(&v, tehran(), &[]);
    let m = &thread.messages;
    assert_eq!(m.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), vec!["ticket-1", "1", "2", "3"]);
    let kinds: Vec<(AuthorKind, Visibility)> = m.iter().map(|m| (m.author.kind, m.visibility)).collect();
    assert_eq!(
        kinds,
        vec![
            (AuthorKind::Customer, Visibility::Public),
            (AuthorKind::Agent, Visibility::Public),
            (AuthorKind::Customer, Visibility::Public),
            (AuthorKind::Agent, Visibility::Internal),
        ]
    );
    assert_eq!(m[0].author.name, "علی رضایی");
    assert_eq!(m[0].author.id.as_deref(), Some("3"));
    assert_eq!(m[1].author.name, "مدیر سامانه");
    assert_eq!(m[3].author.name, "سارا احمدی");
    assert!(m.windows(2).all(|w| w[0].created_at <= w[1].created_at));
    assert_eq!(m[0].created_at, thread.ticket.created_at);
    // Agent reads run wpautop: HTML with a trailing newline, the Persian text intact.
    assert_eq!(
        m[0].body,
        Body::Html("<p>از صبح چاپگر طبقهٔ دوم «کاغذ گیر کرده» نشان می‌دهد ولی کاغذی گیر نکرده است.\nلطفاً بررسی کنید.</p>\n".into())
    );
    assert_eq!(m[2].body.raw(), "<p>ممنون، منتظرم. <b>فوری</b> است.</p>\n");
    assert_eq!(m[3].body.raw(), "<p>یادداشت داخلی: کارتریج هم تمام شده است.</p>\n");
}

#[test]
fn attachments_belong_to_their_message() {
    let thread = thread_from(&view(fixture!("ticket-get-with-attachment")), tehran(), &[]);
    let opening = &thread.messages[0];
    assert_eq!(opening.attachments.len(), 1);
    let receipt = &opening.attachments[0];
    assert_eq!((receipt.name.as_str(), receipt.mime.as_str(), receipt.size), ("رسید-پرداخت.txt", "text/plain", 0));
    assert!(receipt.url.starts_with("http://127.0.0.1:18201/index.php?fst_file=") && receipt.url.contains("secure_sign="));
    let reply = thread.messages.iter().find(|m| m.author.kind == AuthorKind::Agent).unwrap();
    assert_eq!(reply.attachments.iter().map(|a| a.name.as_str()).collect::<Vec<_>>(), vec!["گزارش-خطا.txt"]);
    assert_eq!(thread.ticket.status.kind, StatusKind::WaitingOnCustomer);
    // An agent-filed ticket's file is on its opening message too.
    let filed = thread_from(&view(fixture!("ticket-get-agent-created")), tehran(), &[]);
    assert_eq!(filed.messages[0].attachments[0].name, "فهرست-صندوق‌ها.csv");
    assert_eq!(filed.messages[0].attachments[0].mime, "text/csv");
}

#[test]
fn system_entries_are_internal_and_name_who_did_it() {
    let closed = thread_from(&view(fixture!("ticket-get-closed")), tehran(), &[]);
    let last = closed.messages.last().unwrap();
    assert_eq!((last.author.kind, last.visibility), (AuthorKind::System, Visibility::Internal));
    assert_eq!((last.author.name.as_str(), last.body.raw()), ("سارا احمدی", "<p>Ticket has been closed</p>\n"));

    let reopened = thread_from(&view(fixture!("ticket-get-reopened")), tehran(), &[]);
    let events: Vec<(&str, &str)> =
        reopened.messages[1..].iter().map(|m| (m.author.name.as_str(), m.body.raw())).collect();
    assert_eq!(
        events,
        vec![("علی رضایی", "<p>Ticket has been closed</p>\n"), ("علی رضایی", "<p>Ticket has been reopened</p>\n")]
    );
    assert!(reopened.messages[1..].iter().all(|m| m.author.kind == AuthorKind::System));

    let assigned = thread_from(&view(fixture!("ticket-get-assigned")), tehran(), &[]);
    let event = assigned.messages.last().unwrap();
    assert_eq!(event.author.kind, AuthorKind::System);
    assert!(event.body.raw().contains("سارا احمدی"), "{:?}", event.body);
    assert_eq!(assigned.ticket.assignee.as_ref().map(|a| a.name.as_str()), Some("سارا احمدی"));
    assert_eq!(assigned.ticket.priority.level, PriorityLevel::Critical);
}

#[test]
fn replies_to_closed_tickets_are_kept_and_the_ticket_stays_closed() {
    let after = thread_from(&view(fixture!("ticket-get-after-closed-replies")), tehran(), &[]);
    assert_eq!(after.ticket.status.kind, StatusKind::Closed);
    let last = after.messages.last().unwrap();
    assert_eq!((last.author.kind, last.body.raw()), (AuthorKind::Customer, "<p>هنوز نصب نشده است.</p>\n"));
    assert_eq!(after.ticket.last_customer_reply_at, Some(last.created_at));
}

// ---------------------------------------------------------------------------------------
// The customer portal

#[test]
fn portal_thread_has_no_notes_and_raw_content() {
    let thread = thread_from(&view(fixture!("portal-get")), tehran(), &mailboxes());
    assert_eq!(thread.messages.iter().map(|m| m.id.as_str()).collect::<Vec<_>>(), vec!["ticket-1", "1", "2"]);
    assert!(thread.messages.iter().all(|m| m.visibility == Visibility::Public));
    // the portal does not run wpautop
    assert_eq!(thread.messages[2].body.raw(), "ممنون، منتظرم. <b>فوری</b> است.");
    // the portal sends no mailbox relation: the configured name fills in
    assert_eq!(thread.ticket.department, Some(mailboxes()[0].clone()));
    let unnamed = ticket_from(&view(fixture!("portal-get")).ticket, tehran(), &[]);
    assert_eq!(unnamed.department, Some(Department { key: "1".into(), label: "1".into() }));
    assert_eq!(thread.ticket.status.kind, StatusKind::Open);
}

#[test]
fn portal_lists_are_the_customers_own() {
    let page = page_from(&list(fixture!("portal-list")).tickets, tehran(), &mailboxes());
    assert_eq!((page.total, page.tickets.len()), (7, 7));
    assert!(page.tickets.iter().all(|t| t.customer.id == "3" && t.customer.name == "علی رضایی"));
    // the list selects names only: no e-mail on the customer
    assert!(page.tickets.iter().all(|t| t.customer.email.is_none()));
    // latest updated_at first
    assert!(page.tickets.windows(2).all(|w| w[0].updated_at >= w[1].updated_at));
    assert_eq!(ids(fixture!("portal-list-closed")), vec![5, 7]);
    assert_eq!(ids(fixture!("portal-list-open")), vec![2, 4, 6, 1, 8]);
    let p2 = list(fixture!("portal-list-page2")).tickets;
    assert_eq!((p2.current_page, p2.per_page, p2.last_page, p2.data.len()), (2, 3, 3, 3));
    let t2 = page.tickets.iter().find(|t| t.id == 2).unwrap();
    assert_eq!(t2.status.kind, StatusKind::WaitingOnCustomer);
}

#[test]
fn a_customer_without_a_record_has_no_tickets_rather_than_an_error() {
    for f in [fixture!("portal-list-no-customer"), fixture!("portal-list-as-agent")] {
        let e = exchange(f);
        assert!(is_unknown_customer(e.status, &e.body), "{}", f.0);
        assert_eq!(error_for(e.status, &e.body), ApiError::NotFound, "{}", f.0);
    }
    let other = exchange(fixture!("portal-get-other-customer"));
    assert!(!is_unknown_customer(other.status, &other.body));
}

#[test]
fn a_reopen_answers_with_the_person_not_the_ticket() {
    let e = exchange(fixture!("portal-reopen"));
    assert!(e.request["path"].as_str().unwrap().ends_with("/customer-portal/tickets/6/re-open"));
    // decoded as a create answer it would name ticket 3: the customer's person id
    let created: CreatedDto = decoded(fixture!("portal-reopen"));
    assert_eq!(created.ticket.id, 3);
    let v: Value = serde_json::from_str(&e.body).unwrap();
    assert_eq!(v["ticket"]["person_type"], "customer");
    assert!(decode::<TicketDto>(&v["ticket"].to_string()).is_err());
    // an agent's re-open does the same with the agent
    let agent: Value = serde_json::from_str(&body_of(fixture!("tickets-reopen"))).unwrap();
    assert_eq!((&agent["ticket"]["person_type"], &agent["ticket"]["id"]), (&json!("agent"), &json!(2)));
}

// ---------------------------------------------------------------------------------------
// Writes

#[test]
fn create_answers_name_the_new_ticket() {
    assert_eq!(decoded::<CreatedDto>(fixture!("portal-create")).ticket.id, 1);
    assert_eq!(decoded::<CreatedDto>(fixture!("portal-create-with-attachment")).ticket.id, 2);
    assert_eq!(decoded::<CreatedDto>(fixture!("tickets-create")).ticket.id, 3);
    assert_eq!(decoded::<CreatedDto>(fixture!("tickets-create-with-attachment")).ticket.id, 4);
    // create answers carry the new row with integer ids (reads send strings) and no status
    let row = &serde_json::from_str::<Value>(&body_of(fixture!("tickets-create"))).unwrap()["ticket"];
    assert_eq!((&row["customer_id"], &row["mailbox_id"], row.get("status")), (&json!(4), &json!(1), None));
    let read = &serde_json::from_str::<Value>(&body_of(fixture!("ticket-get-assigned"))).unwrap()["ticket"];
    assert_eq!(read["customer_id"], json!("4"));
}

fn new_ticket() -> NewTicket {
    NewTicket {
        customer_name: "زهرا کاظمی".into(),
        customer_email: "zahra.kazemi@example.ir".into(),
        subject: "درخواست افزایش سهمیهٔ ایمیل".into(),
        body: "سهمیهٔ صندوق ایمیل پر شده است.\nلطفاً <سریع> بررسی کنید & خبر دهید.".into(),
        department: Some("1".into()),
        priority: Some("medium".into()),
        attachments: vec![],
    }
}

/// A write answer's `response` and the ticket's status after it.
fn written(f: (&str, &str)) -> (super::dto::ResponseDto, String) {
    let v: Value = serde_json::from_str(&body_of(f)).unwrap();
    (decode(&v["response"].to_string()).unwrap(), v["ticket"]["status"].as_str().unwrap().to_owned())
}

#[test]
fn reply_answers_echo_the_text_and_move_the_status() {
    // the first agent reply turns new into active
    let (reply, status) = written(fixture!("tickets-reply"));
    assert_eq!((reply.conversation_type.as_str(), reply.person_id, status.as_str()), ("response", Some(1), "active"));
    assert_eq!(reply.content.as_deref(), Some("<p>سلام، همکار ما تا یک ساعت دیگر سر می‌زند.</p>\n"));
    let (customer, _) = written(fixture!("portal-reply"));
    assert_eq!((customer.person_id, customer.content.as_deref()), (Some(3), Some("ممنون، منتظرم. <b>فوری</b> است.")));
    let (note, _) = written(fixture!("tickets-note"));
    assert_eq!(note.conversation_type, "note");
    let (with_file, _) = written(fixture!("tickets-reply-with-attachment"));
    assert_eq!(with_file.attachments.iter().map(|a| a.title.as_deref()).collect::<Vec<_>>(), vec![Some("گزارش-خطا.txt")]);
    for f in [fixture!("tickets-reply-closed"), fixture!("portal-reply-closed")] {
        assert_eq!(written(f).1, "closed", "{}", f.0);
    }
    // closing twice changes nothing the second time
    let closed = |f| -> Value { serde_json::from_str::<Value>(&body_of(f)).unwrap()["ticket"].clone() };
    let (first, again) = (closed(fixture!("tickets-close")), closed(fixture!("tickets-close-again")));
    assert_eq!((&first["status"], &first["resolved_at"]), (&again["status"], &again["resolved_at"]));
    assert_eq!(first["status"], "closed");
}

#[test]
fn agents_are_persons_with_names_and_mail() {
    #[derive(serde::Deserialize)]
    struct AgentsDto {
        agents: super::dto::PaginatedDto<super::dto::PersonDto>,
    }
    let dto: AgentsDto = decoded(fixture!("agents-list"));
    assert_eq!(dto.agents.total, 2);
    let names: Vec<(String, String, Option<String>)> = dto
        .agents
        .data
        .iter()
        .map(|p| {
            let person = vocabulary_from(&EssentialsDto {
                ticket_statuses: vec![],
                admin_priorities: vec![],
                client_priorities: vec![],
                agents: vec![p.clone()],
                mailboxes: vec![],
            })
            .agents
            .remove(0);
            (person.id, person.name, person.email)
        })
        .collect();
    assert_eq!(
        names,
        vec![
            ("1".into(), "مدیر سامانه".into(), Some("admin@pishkhan.test".into())),
            ("2".into(), "سارا احمدی".into(), Some("agent@pishkhan.test".into())),
        ]
    );
}

#[test]
fn agent_create_bodies_match_what_the_server_took() {
    let body = agent_create_body(&new_ticket(), &["hash-1".into()]).unwrap();
    assert_eq!(
        body,
        json!({
            "ticket": {
                "title": "درخواست افزایش سهمیهٔ ایمیل",
                "content": "سهمیهٔ صندوق ایمیل پر شده است.<br>\nلطفاً &lt;سریع&gt; بررسی کنید &amp; خبر دهید.",
                "create_customer": "yes",
                "priority": "medium",
                "client_priority": "medium",
                "mailbox_id": 1,
            },
            "newCustomer": { "email": "zahra.kazemi@example.ir", "first_name": "زهرا", "last_name": "کاظمی" },
            "attachments": ["hash-1"],
        })
    );
    // the recorded, accepted requests used the same places for the same things
    let recorded = exchange(fixture!("tickets-create")).request["body"].clone();
    for key in ["title", "content", "create_customer", "priority", "client_priority"] {
        assert!(recorded["ticket"].get(key).is_some(), "{key}");
    }
    assert_eq!(recorded["newCustomer"]["email"], "zahra.kazemi@example.ir");
    assert!(exchange(fixture!("tickets-create-with-attachment")).request["body"]["attachments"].is_array());
    // no e-mail: the server would say only "Ticket could not be created"
    let anonymous = NewTicket { customer_email: " ".into(), ..new_ticket() };
    assert_eq!(agent_create_body(&anonymous, &[]), Err(ApiError::validation("customer_email", "required")));
    assert_eq!(error_of(fixture!("tickets-create-no-customer")), ApiError::validation("form", "Ticket could not be created"));
    let bad = NewTicket { priority: Some("urgent".into()), department: Some("billing".into()), ..new_ticket() };
    assert_eq!(
        agent_create_body(&bad, &[]),
        Err(ApiError::Validation(vec![
            FieldError { field: "priority".into(), message: "unknown".into() },
            FieldError { field: "department".into(), message: "unknown".into() },
        ]))
    );
}

#[test]
fn portal_create_and_response_bodies() {
    let body = portal_create_body(&NewTicket { department: None, ..new_ticket() }, &[]).unwrap();
    assert_eq!(
        body,
        json!({
            "title": "درخواست افزایش سهمیهٔ ایمیل",
            "content": "سهمیهٔ صندوق ایمیل پر شده است.<br>\nلطفاً &lt;سریع&gt; بررسی کنید &amp; خبر دهید.",
            "client_priority": "medium",
        })
    );
    let recorded = exchange(fixture!("portal-create-with-attachment")).request["body"].clone();
    for key in ["title", "content", "client_priority", "attachments"] {
        assert!(recorded.get(key).is_some(), "{key}");
    }
    assert_eq!(response_body("یادداشت", true, &[]), json!({ "content": "یادداشت", "conversation_type": "note" }));
    assert_eq!(
        response_body("پاسخ", false, &["h".into()]),
        json!({ "content": "پاسخ", "conversation_type": "response", "attachments": ["h"] })
    );
    assert_eq!(exchange(fixture!("tickets-note")).request["body"]["conversation_type"], "note");
    assert_eq!(property_body("priority", "critical"), exchange(fixture!("tickets-property-priority")).request["body"]);
    assert_eq!(exchange(fixture!("tickets-property-priority")).request["method"], "PUT");
}

#[test]
fn typed_text_becomes_escaped_html() {
    assert_eq!(text_to_html("سلام\r\nخط <دوم> & \"سوم\""), "سلام<br>\nخط &lt;دوم&gt; &amp; &quot;سوم&quot;");
    assert_eq!(text_to_html(""), "");
    let persian = "نیم‌فاصله و «گیومه» و ۱۲۳";
    assert_eq!(text_to_html(persian), persian);
}

#[test]
fn uploads_are_one_file_per_form_and_answer_hashes() {
    let file = NewAttachment { name: "گزارش-خطا.txt".into(), mime: "text/plain".into(), bytes: "کد خطا".as_bytes().to_vec() };
    let names = |parts: &[FormPart]| -> Vec<String> {
        parts
            .iter()
            .map(|p| match p {
                FormPart::Text { name, value } => format!("{name}={value}"),
                FormPart::File { name, file_name, mime, .. } => format!("{name}:{file_name}:{mime}"),
            })
            .collect()
    };
    assert_eq!(names(&upload_parts(&file, Some(2), true)), vec!["ticket_id=2", "is_agent=yes", "file:گزارش-خطا.txt:text/plain"]);
    assert_eq!(names(&upload_parts(&file, None, false)), vec!["file:گزارش-خطا.txt:text/plain"]);
    // the recorded agent upload had the same parts in the same order
    let recorded: Vec<String> = exchange(fixture!("ticket-file-upload")).request["body"]["multipart"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| match p.get("filename") {
            Some(f) => format!("{}:{}:{}", p["name"].as_str().unwrap(), f.as_str().unwrap(), p["content_type"].as_str().unwrap()),
            None => format!("{}={}", p["name"].as_str().unwrap(), p["value"].as_str().unwrap()),
        })
        .collect();
    assert_eq!(recorded, names(&upload_parts(&file, Some(2), true)));
    for f in [fixture!("portal-upload"), fixture!("ticket-file-upload"), fixture!("ticket-file-upload-new-ticket")] {
        let hashes = decoded::<UploadDto>(f).attachments;
        assert!(hashes.len() == 1 && hashes[0].len() == 32, "{}: {hashes:?}", f.0);
    }
    assert_eq!(
        error_of(fixture!("ticket-file-upload-bad-type")),
        ApiError::validation("attachments", "type_not_allowed")
    );
}

#[test]
fn agent_updates_become_close_reopen_and_property_calls() {
    let update = |status: Option<&str>| TicketUpdate { status: status.map(str::to_owned), ..TicketUpdate::default() };
    assert_eq!(agent_update_steps("active", &update(Some("closed"))), Ok(vec![Step::Close]));
    assert_eq!(agent_update_steps("closed", &update(Some("closed"))), Ok(vec![]));
    assert_eq!(agent_update_steps("closed", &update(Some("active"))), Ok(vec![Step::Reopen]));
    // re-open lands on active; new needs a property write after it
    assert_eq!(
        agent_update_steps("closed", &update(Some("new"))),
        Ok(vec![Step::Reopen, Step::Property("status", "new".into())])
    );
    assert_eq!(agent_update_steps("new", &update(Some("active"))), Ok(vec![Step::Property("status", "active".into())]));
    assert_eq!(agent_update_steps("active", &update(Some("active"))), Ok(vec![]));
    assert_eq!(agent_update_steps("active", &update(Some("resolved"))), Err(ApiError::validation("status", "unknown")));
    let full = TicketUpdate {
        status: None,
        priority: Some("critical".into()),
        assignee: Some(Some("2".into())),
        department: Some("1".into()),
        tags: Some(vec![]),
    };
    assert_eq!(
        agent_update_steps("new", &full),
        Ok(vec![
            Step::Property("priority", "critical".into()),
            Step::Property("agent_id", "2".into()),
            Step::Property("mailbox_id", "1".into()),
        ])
    );
    // the recorded property writes used these names
    assert_eq!(exchange(fixture!("tickets-property-agent")).request["body"]["prop_name"], "agent_id");
    // property ignores an empty value (tickets-property-unassign): unassigning cannot be done
    assert!(matches!(
        agent_update_steps("new", &TicketUpdate { assignee: Some(None), ..TicketUpdate::default() }),
        Err(ApiError::Unsupported(_))
    ));
    assert_eq!(error_of(fixture!("tickets-property-unassign")), ApiError::NotFound);
    assert!(matches!(
        agent_update_steps("new", &TicketUpdate { tags: Some(vec!["چاپگر".into()]), ..TicketUpdate::default() }),
        Err(ApiError::Unsupported(_))
    ));
    let bad = TicketUpdate { priority: Some("high".into()), assignee: Some(Some("سارا".into())), department: Some(String::new()), ..TicketUpdate::default() };
    assert_eq!(
        agent_update_steps("new", &bad),
        Err(ApiError::Validation(vec![
            FieldError { field: "priority".into(), message: "unknown".into() },
            FieldError { field: "assignee".into(), message: "unknown".into() },
            FieldError { field: "department".into(), message: "required".into() },
        ]))
    );
}

#[test]
fn customers_can_only_close_and_reopen() {
    let status = |s: &str| TicketUpdate { status: Some(s.into()), ..TicketUpdate::default() };
    assert_eq!(customer_update_steps("active", &status("closed")), Ok(vec![Step::Close]));
    assert_eq!(customer_update_steps("closed", &status("active")), Ok(vec![Step::Reopen]));
    assert_eq!(customer_update_steps("active", &status("active")), Ok(vec![]));
    assert_eq!(customer_update_steps("new", &status("gone")), Err(ApiError::validation("status", "unknown")));
    let priority = TicketUpdate { priority: Some("critical".into()), ..TicketUpdate::default() };
    assert!(matches!(customer_update_steps("new", &priority), Err(ApiError::Unsupported(_))));
    assert_eq!(error_of(fixture!("error-customer-close-other")), ApiError::Forbidden);
    // the recorded portal close and re-open went to the portal's own routes
    assert!(exchange(fixture!("portal-close")).request["path"].as_str().unwrap().ends_with("/customer-portal/tickets/6/close"));
}

// ---------------------------------------------------------------------------------------
// Attachments

#[test]
fn downloads_lose_the_byte_count_the_server_appends() {
    let e = exchange(fixture!("attachment-download"));
    let uploaded = exchange(fixture!("ticket-file-upload")).request["body"]["multipart"][2]["content"].as_str().unwrap().to_owned();
    // served: the file, then readfile()'s return value
    assert_eq!(e.body, format!("{uploaded}{}", uploaded.len()));
    let bytes = attachment_bytes(e.status, e.headers["content-type"].as_str(), e.body.as_bytes()).unwrap();
    assert_eq!(bytes, uploaded.as_bytes());
    assert_eq!(e.headers["content-disposition"], "inline; filename=\"گزارش-خطا.txt\"");
    // a cross-origin read gets no CORS header: the UI must link to the file instead
    let cors = exchange(fixture!("attachment-download-cors"));
    assert!(cors.headers.get("access-control-allow-origin").is_none());
    assert_eq!(cors.request["headers"]["Origin"], "http://127.0.0.1:18080");
    let bad = exchange(fixture!("attachment-download-bad-sign"));
    assert_eq!(bad.status, 200);
    assert!(matches!(attachment_bytes(bad.status, bad.headers["content-type"].as_str(), bad.body.as_bytes()), Err(ApiError::Conflict(_))));
    assert_eq!(attachment_bytes(200, Some("text/html; charset=UTF-8"), b"Invalid Attachment Hash"), Err(ApiError::NotFound));
    assert_eq!(attachment_bytes(200, Some("text/html"), b"File could not be found"), Err(ApiError::NotFound));
    assert!(matches!(attachment_bytes(200, Some("text/html"), b"<p>Something else</p>"), Err(ApiError::Server { .. })));
    assert_eq!(attachment_bytes(404, None, b""), Err(ApiError::NotFound));
}

#[test]
fn the_byte_count_is_cut_only_when_it_is_the_length() {
    assert_eq!(strip_readfile_count(b"hello5"), b"hello");
    assert_eq!(strip_readfile_count(b"ab23"), b"ab2");
    assert_eq!(strip_readfile_count(b"0"), b"");
    let long = vec![b'x'; 1234];
    let served = [long.clone(), b"1234".to_vec()].concat();
    assert_eq!(strip_readfile_count(&served), long.as_slice());
    // no count, a wrong count, a leading zero: left as they are
    assert_eq!(strip_readfile_count(b"hello"), b"hello");
    assert_eq!(strip_readfile_count(b"hello6"), b"hello6");
    assert_eq!(strip_readfile_count(b"hello05"), b"hello05");
    assert_eq!(strip_readfile_count(b""), b"");
    assert_eq!(strip_readfile_count(&[b'9'; 40]), &[b'9'; 40][..]);
}

// ---------------------------------------------------------------------------------------
// Errors

#[test]
fn every_error_answer_maps_to_what_it_means() {
    let cases: [((&str, &str), ApiError); 22] = [
        (fixture!("error-bad-app-password"), ApiError::Unauthorized),
        (fixture!("error-login-password"), ApiError::Unauthorized),
        (fixture!("error-no-auth"), ApiError::Unauthorized),
        (fixture!("error-no-auth-portal"), ApiError::Unauthorized),
        (fixture!("error-customer-agent-list"), ApiError::Forbidden),
        (fixture!("error-customer-agent-reply"), ApiError::Forbidden),
        (fixture!("agents-list-as-agent"), ApiError::Forbidden),
        (fixture!("ticket-essentials-as-agent"), ApiError::Forbidden),
        (fixture!("error-customer-close-other"), ApiError::Forbidden),
        (fixture!("portal-get-other-customer"), ApiError::Forbidden),
        (fixture!("error-agent-delete-forbidden"), ApiError::Forbidden),
        // findOrFail caught by the controllers: 422 with a bare string
        (fixture!("error-missing-ticket"), ApiError::NotFound),
        (fixture!("error-missing-ticket-reply"), ApiError::NotFound),
        (fixture!("tickets-property-missing-agent"), ApiError::NotFound),
        (fixture!("portal-create-validation"), ApiError::validation("subject", "required")),
        (fixture!("tickets-create-validation"), ApiError::validation("subject", "required")),
        (fixture!("tickets-reply-validation"), ApiError::validation("body", "required")),
        (fixture!("agents-create-validation"), ApiError::validation("customer_email", "required")),
        (
            fixture!("agents-create-duplicate"),
            ApiError::validation(
                "form",
                "Sorry, Another agent/person exist with the same email address. Please use a different email address",
            ),
        ),
        (fixture!("tickets-create-no-customer"), ApiError::validation("form", "Ticket could not be created")),
        // the fatal error before any agent record exists, and for a missing portal ticket
        (
            fixture!("setup-tickets-before-agent"),
            ApiError::Server { status: 500, message: "There has been a critical error on this website.".into() },
        ),
        (
            fixture!("error-missing-ticket-portal"),
            ApiError::Server { status: 500, message: "There has been a critical error on this website.".into() },
        ),
    ];
    for (f, want) in cases {
        assert_eq!(error_of(f), want, "{}", f.0);
    }
    assert_eq!(exchange(fixture!("error-missing-ticket")).status, 422);
}

#[test]
fn odd_error_bodies_still_say_something() {
    assert_eq!(error_for(422, r#"{"message":"","error_type":0}"#), ApiError::validation("form", ""));
    assert_eq!(error_for(500, r#""boom""#), ApiError::Server { status: 500, message: "boom".into() });
    assert_eq!(error_for(500, "<html><body><h1>Fatal</h1></body></html>"), ApiError::Server { status: 500, message: "Fatal".into() });
    assert_eq!(error_for(502, ""), ApiError::Server { status: 502, message: "HTTP 502".into() });
    assert_eq!(error_for(404, r#"{"code":"rest_no_route","message":"No route","data":{"status":404}}"#), ApiError::NotFound);
    // a hostile validation body is capped
    let many: serde_json::Map<String, Value> = (0..100).map(|i| (format!("f{i}"), json!({"required": "x"}))).collect();
    match error_for(422, &Value::Object(many).to_string()) {
        ApiError::Validation(errors) => assert_eq!(errors.len(), 20),
        other => panic!("{other:?}"),
    }
    // a rule whose message is not a string, a field with a bare message
    assert_eq!(
        error_for(422, r#"{"title": {"max": 5}, "content": "too short"}"#),
        ApiError::Validation(vec![
            FieldError { field: "body".into(), message: "too short".into() },
            FieldError { field: "subject".into(), message: "too_large".into() },
        ])
    );
}

// ---------------------------------------------------------------------------------------
// Vocabulary and capabilities

#[test]
fn vocabulary_comes_from_ticket_essentials() {
    // straight from the file: re-serialising through `Value` would sort the keys
    #[derive(serde::Deserialize)]
    struct Recorded {
        response: RecordedBody,
    }
    #[derive(serde::Deserialize)]
    struct RecordedBody {
        body: EssentialsDto,
    }
    let recorded: Recorded = decode(fixture!("ticket-essentials").1).unwrap();
    let vocab = vocabulary_from(&recorded.response.body);
    let seen: Vec<(&str, &str, StatusKind)> =
        vocab.statuses.iter().map(|s| (s.key.as_str(), s.label.as_str(), s.kind)).collect();
    assert_eq!(
        seen,
        vec![("new", "New", StatusKind::New), ("active", "Active", StatusKind::Open), ("closed", "Closed", StatusKind::Closed)]
    );
    let levels: Vec<(&str, PriorityLevel)> = vocab.priorities.iter().map(|p| (p.key.as_str(), p.level)).collect();
    assert_eq!(
        levels,
        vec![("normal", PriorityLevel::Low), ("medium", PriorityLevel::Medium), ("critical", PriorityLevel::Critical)]
    );
    assert_eq!(vocab.departments, mailboxes());
    let agents: Vec<(&str, &str)> = vocab.agents.iter().map(|a| (a.id.as_str(), a.name.as_str())).collect();
    assert_eq!(agents, vec![("1", "مدیر سامانه"), ("2", "سارا احمدی")]);
    assert_eq!(vocab.statuses, statuses());
    // without essentials: the defaults and the configured lists
    let configured = vec![Person { id: "2".into(), name: "سارا احمدی".into(), email: None }];
    let fallback = vocabulary(&mailboxes(), &configured);
    assert_eq!((fallback.statuses, fallback.priorities, fallback.agents), (statuses(), priorities(), configured));
    // an empty PHP array is `[]`, not `{}`
    let empty: EssentialsDto = decode(r#"{"ticket_statuses": [], "admin_priorities": [], "agents": null}"#).unwrap();
    assert_eq!(vocabulary_from(&empty).statuses, statuses());
    assert!(decode::<EssentialsDto>(r#"{"ticket_statuses": ["new"]}"#).is_err());
}

#[test]
fn unknown_statuses_and_priorities_keep_their_keys() {
    let on_hold = status_for("on-hold", false);
    assert_eq!((on_hold.key.as_str(), on_hold.kind), ("on-hold", StatusKind::OnHold));
    let custom = status_for("در-انتظار-قطعه", true);
    assert_eq!((custom.label.as_str(), custom.kind), ("در-انتظار-قطعه", StatusKind::Open));
    assert_eq!(status_for("active", true).kind, StatusKind::WaitingOnCustomer);
    assert_eq!(status_for("new", true).kind, StatusKind::New);
    let urgent = priority_for("urgent");
    assert_eq!((urgent.key.as_str(), urgent.level), ("urgent", PriorityLevel::Medium));
    // the column's default when a row has none
    assert_eq!(priority_for("").key, "normal");
    // a derived row with a custom status and tags
    let body = set(&body_of(fixture!("ticket-get")), "/ticket/status", json!("on-hold"));
    let body = set(&body, "/ticket/tags", json!([{ "id": "5", "title": "چاپگر" }]));
    let t = thread_from(&decode(&body).unwrap(), tehran(), &[]).ticket;
    assert_eq!((t.status.kind, t.tags), (StatusKind::OnHold, vec!["چاپگر".to_owned()]));
}

#[test]
fn capabilities_are_truthful_per_viewer() {
    let agent = capabilities();
    let customer = customer_capabilities();
    assert!(agent.internal_notes && agent.assignment && agent.server_search && agent.server_sort && agent.departments);
    assert!(!customer.internal_notes && !customer.assignment && !customer.departments);
    // the portal list ignores search and sorting
    assert!(!customer.server_search && !customer.server_sort && customer.server_status_filter);
    assert!(agent.attachments && customer.attachments);
    assert_eq!(agent.max_attachment_bytes, 2 * 1024 * 1024);
    // the recorded upload refusal names the accepted kinds the limit belongs to
    assert!(body_of(fixture!("ticket-file-upload-bad-type")).contains("Only Photos, CSV, PDF/Docs, Zip, JSON files are allowed."));
    assert!(!agent.tags && !agent.bulk && !agent.guest_tracking && !agent.reports);
}

#[test]
fn cors_allows_real_put_but_not_method_override() {
    let pre = exchange(fixture!("cors-preflight-put"));
    assert_eq!(pre.status, 200);
    assert!(pre.headers["access-control-allow-methods"].as_str().unwrap().contains("PUT"));
    let allowed = pre.headers["access-control-allow-headers"].as_str().unwrap().to_ascii_lowercase();
    assert!(allowed.contains("authorization") && !allowed.contains("x-http-method-override"), "{allowed}");
    assert_eq!(pre.headers["access-control-allow-origin"], "http://127.0.0.1:18080");
    // same-origin, the override is honoured: a cross-origin client must not rely on it
    assert_eq!(exchange(fixture!("error-method-override")).status, 200);
    let get = exchange(fixture!("cors-get"));
    assert_eq!(get.headers["access-control-allow-credentials"], "true");
}

// ---------------------------------------------------------------------------------------
// Robustness

#[test]
fn numbers_may_be_strings_or_integers() {
    let body = body_of(fixture!("ticket-get"));
    let as_ints = set(&set(&body, "/ticket/customer_id", json!(3)), "/ticket/response_count", json!(2));
    let as_ints = set(&as_ints, "/responses/0/person_id", json!(2));
    let a = thread_from(&decode(&body).unwrap(), tehran(), &[]);
    let b = thread_from(&decode(&as_ints).unwrap(), tehran(), &[]);
    assert_eq!(a, b);
    let bad = set(&body, "/ticket/customer_id", json!("سه"));
    match decode::<TicketViewDto>(&bad) {
        Err(ApiError::UnexpectedPayload { path, .. }) => assert_eq!(path, "ticket.customer_id"),
        other => panic!("{other:?}"),
    }
    let bad_time = set(&body, "/responses/1/created_at", json!("دیروز"));
    match decode::<TicketViewDto>(&bad_time) {
        Err(ApiError::UnexpectedPayload { path, .. }) => assert_eq!(path, "responses[1].created_at"),
        other => panic!("{other:?}"),
    }
    // a zero date in a site-local column is no date
    let zero = set(&body, "/ticket/last_agent_response", json!("0000-00-00 00:00:00"));
    assert_eq!(ticket_from(&decode::<TicketViewDto>(&zero).unwrap().ticket, tehran(), &[]).last_agent_reply_at, None);
}

/// Bytes a broken proxy or a hostile server might put in a body.
const PALETTE: [&str; 14] =
    ["\"", "{", "}", "[", "]", ",", ":", "null", "\"1\"", "-1", "1e999", "\u{0}", "ی", "\"0000-00-00 00:00:00\""];

/// Decodes `body` as every DTO and maps what decodes; returns how many shapes decoded.
fn exercise(body: &str) -> usize {
    let mut n = 0;
    if let Ok(dto) = decode::<TicketListDto>(body) {
        n += 1;
        let _ = page_from(&dto.tickets, tehran(), &mailboxes());
    }
    if let Ok(dto) = decode::<TicketViewDto>(body) {
        n += 1;
        let _ = thread_from(&dto, tehran(), &mailboxes());
    }
    if let Ok(dto) = decode::<EssentialsDto>(body) {
        n += 1;
        let _ = vocabulary_from(&dto);
    }
    n += usize::from(decode::<CreatedDto>(body).is_ok());
    n += usize::from(decode::<UploadDto>(body).is_ok());
    for status in [200, 401, 403, 404, 422, 500] {
        let _ = error_for(status, body);
        let _ = is_unknown_customer(status, body);
        let _ = attachment_bytes(status, Some("text/html"), body.as_bytes());
    }
    let _ = attachment_bytes(200, Some("text/plain"), body.as_bytes());
    n
}

#[test]
fn decoding_survives_truncated_and_mutated_fixtures() {
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    let (mut variants, mut decoded) = (0usize, 0usize);
    for f in ALL {
        let body = exchange(f).body;
        exercise(&body);
        let (tried, still) = cut_and_mutate(&mut rng, &body, 48, 40, &PALETTE, exercise);
        variants += tried;
        decoded += still;
    }
    assert!(variants > 5_000, "{variants}");
    // Some mutations are harmless (a swapped space, a changed digit): those must still decode.
    assert!(decoded > 100, "{decoded} of {variants}");
}

#[test]
fn decoding_survives_oversized_and_hostile_input() {
    let deep = "[".repeat(100_000);
    assert_eq!(exercise(&deep), 0);
    let one = body_of(fixture!("ticket-get"));
    // a deep field nobody reads is skipped without recursing
    let nested = one.replacen('{', &format!("{{\"extra\": {}1{}, ", "[".repeat(5_000), "]".repeat(5_000)), 1);
    assert_eq!(decode::<TicketViewDto>(&nested).unwrap(), decode::<TicketViewDto>(&one).unwrap());
    // a very long page and a very long message decode and map
    let row: Value = serde_json::from_str::<Value>(&body_of(fixture!("tickets-list"))).unwrap()["tickets"]["data"][0].clone();
    let rows = vec![row.to_string(); 3000].join(",");
    let big = format!("{{\"tickets\": {{\"current_page\": 1, \"data\": [{rows}], \"last_page\": 1, \"per_page\": 3000, \"total\": 3000}}}}");
    let page = page_from(&decode::<TicketListDto>(&big).unwrap().tickets, tehran(), &[]);
    assert_eq!(page.tickets.len(), 3000);
    let long = set(&one, "/responses/0/content", json!("ی".repeat(1_000_000)));
    let thread = thread_from(&decode(&long).unwrap(), tehran(), &[]);
    assert_eq!(thread.messages.last().unwrap().body.raw().chars().count(), 1_000_000);
    // trailing bytes after a whole body are an error, not half a body
    assert!(decode::<TicketViewDto>(&format!("{one} {one}")).is_err());
}
