//! One ticket for an agent: its thread with internal notes, the reply/note composer, and
//! the fields an agent changes (status, priority, assignee, department).

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::{Composer, ErrorView, PriorityBadge, StatusBadge, ThreadView, TicketLoader, TimeText};
use crate::domain::{TicketId, TicketThread, TicketUpdate};
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[component]
pub fn TicketDetailPage(id: TicketId) -> impl IntoView {
    view! {
        <section class="ticket-detail">
            <TicketLoader id=id show=|t| view! { <TicketView thread=t/> }.into_any()/>
        </section>
    }
}

#[component]
fn TicketView(thread: TicketThread) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let session = use_session();
    let TicketThread { ticket, messages } = thread;
    let id = ticket.id;
    let number = ticket.number.clone();
    let update_error = RwSignal::new(None::<ApiError>);
    let apply = move |update: TicketUpdate| {
        let backend = session.backend();
        leptos::task::spawn_local(async move {
            match backend.update_ticket(id, update).await {
                Ok(_) => {
                    update_error.set(None);
                    session.changed();
                }
                Err(e) => update_error.set(Some(e)),
            }
        });
    };
    let status_key = ticket.status.key.clone();
    let priority_key = ticket.priority.key.clone();
    let assignee_id = ticket.assignee.as_ref().map(|a| a.id.clone()).unwrap_or_default();
    let department_key = ticket.department.as_ref().map(|d| d.key.clone()).unwrap_or_default();
    let customer = ticket.customer.clone();
    view! {
        <header class="ticket-header">
            <h1 dir="auto">{ticket.subject.clone()}</h1>
            <p class="ticket-meta">
                <span class="ticket-number">"#"<bdi data-testid="ticket-number">{move || prefs.get().digits(&number)}</bdi></span>
                <StatusBadge status=ticket.status.clone()/>
                <PriorityBadge priority=ticket.priority.clone()/>
                <span>{move || i18n.t(Msg::Created)} " " <TimeText at=ticket.created_at absolute=true/></span>
            </p>
        </header>
        <div class="ticket-layout">
            <div class="ticket-main">
                <ThreadView messages=messages/>
                <Composer ticket_id=id allow_note=true/>
            </div>
            <aside class="ticket-side">
                <dl class="customer-card">
                    <dt>{move || i18n.t(Msg::Customer)}</dt>
                    <dd dir="auto">{customer.name.clone()}</dd>
                    <dd><bdi>{customer.email.clone().unwrap_or_default()}</bdi></dd>
                </dl>
                <label class="field">
                    <span>{move || i18n.t(Msg::Status)}</span>
                    <select name="status"
                        on:change=move |ev| apply(TicketUpdate { status: Some(event_target_value(&ev)), ..Default::default() })>
                        {move || session.vocabulary().statuses.into_iter().map(|s| {
                            let selected = s.key == status_key;
                            view! { <option value=s.key selected=selected>{s.label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Msg::Priority)}</span>
                    <select name="priority"
                        on:change=move |ev| apply(TicketUpdate { priority: Some(event_target_value(&ev)), ..Default::default() })>
                        {move || session.vocabulary().priorities.into_iter().map(|p| {
                            let selected = p.key == priority_key;
                            view! { <option value=p.key selected=selected>{p.label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Msg::Assignee)}</span>
                    <select name="assignee"
                        on:change=move |ev| {
                            let v = event_target_value(&ev);
                            apply(TicketUpdate { assignee: Some(Some(v).filter(|v| !v.is_empty())), ..Default::default() })
                        }>
                        <option value="" selected=assignee_id.is_empty()>{move || i18n.t(Msg::Unassigned)}</option>
                        {move || session.vocabulary().agents.into_iter().map(|a| {
                            let selected = a.id == assignee_id;
                            view! { <option value=a.id selected=selected>{a.name}</option> }
                        }).collect_view()}
                    </select>
                </label>
                <label class="field">
                    <span>{move || i18n.t(Msg::Department)}</span>
                    <select name="department"
                        on:change=move |ev| apply(TicketUpdate { department: Some(event_target_value(&ev)), ..Default::default() })>
                        <option value="" selected=department_key.is_empty()>"—"</option>
                        {move || session.vocabulary().departments.into_iter().map(|d| {
                            let selected = d.key == department_key;
                            view! { <option value=d.key selected=selected>{d.label}</option> }
                        }).collect_view()}
                    </select>
                </label>
                {move || update_error.get().map(|e| view! { <ErrorView error=e/> })}
                {(!ticket.tags.is_empty()).then(|| view! {
                    <ul class="tags">{ticket.tags.iter().map(|t| view! { <li dir="auto">{t.clone()}</li> }).collect_view()}</ul>
                })}
            </aside>
        </div>
    }
}
