//! The agent's ticket list: search as you type, filters, paging. Every keystroke runs the
//! query again; the demo backend answers from memory, HTTP backends from the server.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::{ErrorView, Pager, TicketTable};
use crate::domain::{PriorityLevel, StatusKind, TicketQuery};
use crate::state::i18n::{priority_level_msg, status_kind_msg, use_i18n, Msg};
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

const PER_PAGE: u32 = 50;

/// The status filter's choices: everything, the still-active ones, or one kind.
fn statuses_for(choice: &str) -> Vec<StatusKind> {
    match choice {
        "" => Vec::new(),
        "active" => StatusKind::ALL.into_iter().filter(|k| k.is_active()).collect(),
        token => StatusKind::parse(token).into_iter().collect(),
    }
}

#[component]
pub fn TicketsPage() -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let session = use_session();
    let search = RwSignal::new(String::new());
    let status = RwSignal::new(String::from("active"));
    let priority = RwSignal::new(String::new());
    let department = RwSignal::new(String::new());
    let page = RwSignal::new(1u32);

    let query = Memo::new(move |_| TicketQuery {
        search: search.get(),
        statuses: statuses_for(&status.get()),
        priorities: PriorityLevel::parse(&priority.get()).into_iter().collect(),
        department: Some(department.get()).filter(|d| !d.is_empty()),
        page: page.get(),
        per_page: PER_PAGE,
        ..TicketQuery::default()
    });
    let results = LocalResource::new(move || {
        let q = query.get();
        let backend = session.backend.get();
        session.revision.track();
        async move { backend.list_tickets(&q).await }
    });
    let tickets = Signal::derive(move || {
        results.get().and_then(|r| r.ok()).map(|p| p.tickets).unwrap_or_default()
    });
    // A new filter starts again from the first page.
    let reset_page = move || page.set(1);

    view! {
        <section class="tickets-page">
            <div class="toolbar" role="search">
                <input
                    type="search"
                    name="q"
                    class="search"
                    dir="auto"
                    placeholder=move || i18n.t(Msg::SearchPlaceholder)
                    aria-label=move || i18n.t(Msg::Search)
                    prop:value=move || search.get()
                    on:input=move |ev| { search.set(event_target_value(&ev)); reset_page(); }
                />
                <label>
                    <span class="visually-hidden">{move || i18n.t(Msg::Status)}</span>
                    <select name="status" prop:value=move || status.get()
                        on:change=move |ev| { status.set(event_target_value(&ev)); reset_page(); }>
                        <option value="">{move || i18n.t(Msg::AllStatuses)}</option>
                        <option value="active">{move || i18n.t(Msg::ActiveStatuses)}</option>
                        {StatusKind::ALL.into_iter().map(|k| view! {
                            <option value=k.as_str()>{move || i18n.t(status_kind_msg(k))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span class="visually-hidden">{move || i18n.t(Msg::Priority)}</span>
                    <select name="priority" prop:value=move || priority.get()
                        on:change=move |ev| { priority.set(event_target_value(&ev)); reset_page(); }>
                        <option value="">{move || i18n.t(Msg::AllPriorities)}</option>
                        {PriorityLevel::ALL.into_iter().map(|l| view! {
                            <option value=l.as_str()>{move || i18n.t(priority_level_msg(l))}</option>
                        }).collect_view()}
                    </select>
                </label>
                <label>
                    <span class="visually-hidden">{move || i18n.t(Msg::Department)}</span>
                    <select name="department" prop:value=move || department.get()
                        on:change=move |ev| { department.set(event_target_value(&ev)); reset_page(); }>
                        <option value="">{move || i18n.t(Msg::AllDepartments)}</option>
                        {move || session.vocabulary().departments.into_iter().map(|d| view! {
                            <option value=d.key>{d.label}</option>
                        }).collect_view()}
                    </select>
                </label>
            </div>
            {move || match results.get() {
                None => view! { <p class="loading">{i18n.t(Msg::Loading)}</p> }.into_any(),
                // WSDesk: say plainly that lists need another helpdesk.
                Some(Err(ApiError::Unsupported(_))) if !session.backend().capabilities().list_tickets => view! {
                    <p class="notice" data-testid="submit-only">{i18n.t(Msg::DiagSubmitOnly)}</p>
                }.into_any(),
                Some(Err(e)) => view! { <ErrorView error=e on_retry=move |_| results.refetch()/> }.into_any(),
                Some(Ok(p)) if p.total == 0 => view! {
                    <p class="empty" data-testid="no-results">{i18n.t(Msg::NoTicketsMatch)}</p>
                }.into_any(),
                Some(Ok(p)) => view! {
                    <p class="result-count" data-testid="result-count">
                        {i18n.fill(Msg::TicketCount, &[&prefs.get().number(p.total as i64)])}
                        {p.partial.then(|| view! { " " <span class="partial">{i18n.t(Msg::PartialResults)}</span> })}
                    </p>
                    <Pager page=p.page per_page=p.per_page total=p.total on_page=Callback::new(move |n| page.set(n))/>
                }.into_any(),
            }}
            <TicketTable tickets=tickets href_prefix="/dashboard/tickets/"/>
        </section>
    }
}
