use std::collections::BTreeMap;

use chrono::{FixedOffset, NaiveDate, TimeZone, Utc};

use super::*;
use crate::domain::{Department, Person, Priority, Status};

fn offset() -> FixedOffset {
    FixedOffset::east_opt(3 * 3600 + 1800).unwrap()
}

fn ticket(id: u64, subject: &str, kind: StatusKind, level: PriorityLevel, day: u32) -> Ticket {
    let at = Utc.with_ymd_and_hms(2024, 4, day, 10, 0, 0).unwrap();
    Ticket {
        id,
        number: (10_000 + id).to_string(),
        subject: subject.into(),
        status: Status { key: kind.as_str().into(), label: kind.as_str().into(), kind },
        priority: Priority { key: level.as_str().into(), label: level.as_str().into(), level },
        department: Some(Department { key: if id.is_multiple_of(2) { "billing" } else { "technical" }.into(), label: "x".into() }),
        assignee: (!id.is_multiple_of(3)).then(|| Person { id: (id % 3).to_string(), name: "سارا".into(), email: None }),
        customer: Person { id: id.to_string(), name: "مشتری".into(), email: Some(format!("c{id}@example.ir")) },
        tags: if id == 2 { vec!["فوری".into()] } else { vec![] },
        created_at: at,
        updated_at: at + chrono::Duration::hours(id as i64),
        first_response_at: None,
        closed_at: None,
        last_customer_reply_at: None,
        last_agent_reply_at: None,
        reply_count: 0,
        custom_fields: BTreeMap::new(),
    }
}

fn sample() -> (Vec<Ticket>, Vec<String>) {
    let tickets = vec![
        ticket(1, "مشکل ورود به پنل", StatusKind::Open, PriorityLevel::High, 1),
        ticket(2, "درخواست فاکتور رسمی", StatusKind::New, PriorityLevel::Low, 2),
        ticket(3, "کندی سایت", StatusKind::Closed, PriorityLevel::Critical, 3),
        ticket(4, "فاکتور تکراری", StatusKind::WaitingOnCustomer, PriorityLevel::Medium, 4),
    ];
    let texts = tickets.iter().map(Ticket::search_text).collect();
    (tickets, texts)
}

fn ids(page: &TicketPage) -> Vec<u64> {
    page.tickets.iter().map(|t| t.id).collect()
}

fn run(q: &TicketQuery) -> TicketPage {
    let (tickets, texts) = sample();
    run_query_by(&tickets, |t| t, &texts, q, offset())
}

#[test]
fn default_query_sorts_by_updated_newest_first() {
    assert_eq!(ids(&run(&TicketQuery::default())), vec![4, 3, 2, 1]);
}

#[test]
fn search_normalises_arabic_letters_and_digits() {
    let q = TicketQuery { search: "فاكتور".into(), ..Default::default() };
    assert_eq!(ids(&run(&q)), vec![4, 2]);
    let by_number = TicketQuery { search: "۱۰۰۰۳".into(), ..Default::default() };
    assert_eq!(ids(&run(&by_number)), vec![3]);
    let two_terms = TicketQuery { search: "فاکتور رسمی".into(), ..Default::default() };
    assert_eq!(ids(&run(&two_terms)), vec![2]);
}

#[test]
fn status_priority_department_assignee_tag_filters() {
    let q = TicketQuery { statuses: vec![StatusKind::Open, StatusKind::New], ..Default::default() };
    assert_eq!(ids(&run(&q)), vec![2, 1]);
    let q = TicketQuery { priorities: vec![PriorityLevel::Critical], ..Default::default() };
    assert_eq!(ids(&run(&q)), vec![3]);
    let q = TicketQuery { department: Some("billing".into()), ..Default::default() };
    assert_eq!(ids(&run(&q)), vec![4, 2]);
    let q = TicketQuery { assignee: AssigneeFilter::Unassigned, ..Default::default() };
    assert_eq!(ids(&run(&q)), vec![3]);
    let q = TicketQuery { assignee: AssigneeFilter::Agent("1".into()), ..Default::default() };
    assert_eq!(ids(&run(&q)), vec![4, 1]);
    let q = TicketQuery { tags: vec!["فوری".into()], ..Default::default() };
    assert_eq!(ids(&run(&q)), vec![2]);
    let q = TicketQuery { customer_email: Some(" C4@Example.ir ".into()), ..Default::default() };
    assert_eq!(ids(&run(&q)), vec![4]);
}

#[test]
fn date_range_is_inclusive_in_local_days() {
    let q = TicketQuery {
        created_from: NaiveDate::from_ymd_opt(2024, 4, 2),
        created_to: NaiveDate::from_ymd_opt(2024, 4, 3),
        ..Default::default()
    };
    assert_eq!(ids(&run(&q)), vec![3, 2]);
}

#[test]
fn sorting_and_paging_are_stable() {
    let q = TicketQuery { sort: SortField::Priority, descending: true, ..Default::default() };
    assert_eq!(ids(&run(&q)), vec![3, 1, 4, 2]);
    let q = TicketQuery { sort: SortField::Number, descending: false, per_page: 3, page: 2, ..Default::default() };
    let page = run(&q);
    assert_eq!(ids(&page), vec![4]);
    assert_eq!(page.total, 4);
    assert_eq!(page.page_count(), 2);
    let past_end = run(&TicketQuery { page: 9, per_page: 3, ..Default::default() });
    assert!(past_end.tickets.is_empty());
    assert_eq!(past_end.total, 4);
}

#[test]
fn zero_per_page_and_page_do_not_panic() {
    let page = run(&TicketQuery { page: 0, per_page: 0, ..Default::default() });
    assert_eq!(page.tickets.len(), 1);
}
