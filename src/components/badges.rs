//! Status and priority badges: the backend's label, coloured by the domain kind/level.

use leptos::prelude::*;

use crate::domain::{Priority, Status};

#[component]
pub fn StatusBadge(status: Status) -> impl IntoView {
    let kind = status.kind.as_str();
    view! {
        <span class=format!("badge status status-{kind}") data-status=kind>{status.label}</span>
    }
}

#[component]
pub fn PriorityBadge(priority: Priority) -> impl IntoView {
    let level = priority.level.as_str();
    view! {
        <span class=format!("badge priority priority-{level}") data-priority=level>{priority.label}</span>
    }
}
