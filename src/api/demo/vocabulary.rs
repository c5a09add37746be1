//! The demo helpdesk's fixed vocabulary: statuses, priorities, departments and agents,
//! labelled in the UI language (a real backend sends its own labels).

use crate::calendar::Lang;
use crate::domain::{Department, Person, Priority, PriorityLevel, Status, StatusKind};

/// (key, kind, fa label, en label)
const STATUSES: [(&str, StatusKind, &str, &str); 7] = [
    ("new", StatusKind::New, "جدید", "New"),
    ("open", StatusKind::Open, "باز", "Open"),
    ("in_progress", StatusKind::InProgress, "در حال بررسی", "In progress"),
    ("waiting", StatusKind::WaitingOnCustomer, "در انتظار پاسخ مشتری", "Waiting on customer"),
    ("on_hold", StatusKind::OnHold, "معلق", "On hold"),
    ("resolved", StatusKind::Resolved, "حل‌شده", "Resolved"),
    ("closed", StatusKind::Closed, "بسته", "Closed"),
];

const PRIORITIES: [(&str, PriorityLevel, &str, &str); 4] = [
    ("low", PriorityLevel::Low, "کم", "Low"),
    ("medium", PriorityLevel::Medium, "متوسط", "Medium"),
    ("high", PriorityLevel::High, "زیاد", "High"),
    ("critical", PriorityLevel::Critical, "بحرانی", "Critical"),
];

pub const DEPARTMENTS: [(&str, &str, &str); 4] = [
    ("technical", "فنی", "Technical"),
    ("billing", "مالی", "Billing"),
    ("sales", "فروش", "Sales"),
    ("general", "پشتیبانی عمومی", "General support"),
];

/// (id, name, email)
pub const AGENTS: [(&str, &str, &str); 6] = [
    ("1", "سارا احمدی", "sara@pishkhan.example"),
    ("2", "رضا کریمی", "reza@pishkhan.example"),
    ("3", "مریم حسینی", "maryam@pishkhan.example"),
    ("4", "علی محمدی", "ali@pishkhan.example"),
    ("5", "نگار رستمی", "negar@pishkhan.example"),
    ("6", "حمید صادقی", "hamid@pishkhan.example"),
];

fn pick(lang: Lang, fa: &'static str, en: &'static str) -> String {
    match lang {
        Lang::Fa => fa.to_owned(),
        Lang::En => en.to_owned(),
    }
}

pub fn statuses(lang: Lang) -> Vec<Status> {
    STATUSES
        .iter()
        .map(|(key, kind, fa, en)| Status { key: (*key).into(), label: pick(lang, fa, en), kind: *kind })
        .collect()
}

pub fn status(key: &str, lang: Lang) -> Option<Status> {
    statuses(lang).into_iter().find(|s| s.key == key)
}

/// The demo's status key for a kind (each kind has exactly one).
pub fn status_key(kind: StatusKind) -> &'static str {
    STATUSES.iter().find(|s| s.1 == kind).map(|s| s.0).unwrap_or("open")
}

pub fn priorities(lang: Lang) -> Vec<Priority> {
    PRIORITIES
        .iter()
        .map(|(key, level, fa, en)| Priority { key: (*key).into(), label: pick(lang, fa, en), level: *level })
        .collect()
}

pub fn priority(key: &str, lang: Lang) -> Option<Priority> {
    priorities(lang).into_iter().find(|p| p.key == key)
}

pub fn departments(lang: Lang) -> Vec<Department> {
    DEPARTMENTS.iter().map(|(key, fa, en)| Department { key: (*key).into(), label: pick(lang, fa, en) }).collect()
}

pub fn department(key: &str, lang: Lang) -> Option<Department> {
    departments(lang).into_iter().find(|d| d.key == key)
}

pub fn agents() -> Vec<Person> {
    AGENTS
        .iter()
        .map(|(id, name, email)| Person { id: (*id).into(), name: (*name).into(), email: Some((*email).into()) })
        .collect()
}

pub fn agent(id: &str) -> Option<Person> {
    agents().into_iter().find(|a| a.id == id)
}
