//! One of the customer's tickets: status, the public thread, a reply box, close/reopen.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::{Composer, ErrorView, StatusBadge, ThreadView, TicketLoader};
use crate::domain::{StatusKind, TicketId, TicketThread, TicketUpdate};
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;
use crate::state::session::use_session;

#[component]
pub fn PortalTicketPage(id: TicketId) -> impl IntoView {
    view! {
        <section class="portal-ticket">
            <TicketLoader id=id show=|t| view! { <CustomerTicket thread=t/> }.into_any()/>
        </section>
    }
}

#[component]
fn CustomerTicket(thread: TicketThread) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let session = use_session();
    let TicketThread { ticket, messages } = thread;
    let id = ticket.id;
    let closed = ticket.status.kind == StatusKind::Closed;
    let number = ticket.number.clone();
    let error = RwSignal::new(None::<ApiError>);
    // Close and reopen by meaning: each backend has its own key for "closed" and "open".
    let set_status = move |kind: StatusKind| {
        let backend = session.backend();
        let vocabulary = session.vocabulary();
        leptos::task::spawn_local(async move {
            let Some(key) = vocabulary.status_key(kind).map(str::to_owned) else {
                error.set(Some(ApiError::Unsupported(kind.as_str().into())));
                return;
            };
            let update = TicketUpdate { status: Some(key), ..Default::default() };
            match backend.update_ticket(id, update).await {
                Ok(_) => session.changed(),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let can_close = session.backend().capabilities().close_reopen;
    view! {
        <header class="ticket-header">
            <h1 dir="auto">{ticket.subject.clone()}</h1>
            <p class="ticket-meta">
                <span>{move || i18n.t(Msg::TrackingNumber)} " " <bdi data-testid="tracking-number">{move || prefs.get().digits(&number)}</bdi></span>
                <span data-testid="portal-status"><StatusBadge status=ticket.status.clone()/></span>
                {can_close.then(|| if closed {
                    view! { <button type="button" class="button" on:click=move |_| set_status(StatusKind::Open)>{move || i18n.t(Msg::Reopen)}</button> }.into_any()
                } else {
                    view! { <button type="button" class="button" on:click=move |_| set_status(StatusKind::Closed)>{move || i18n.t(Msg::CloseTicket)}</button> }.into_any()
                })}
            </p>
            {move || error.get().map(|e| view! { <ErrorView error=e/> })}
        </header>
        <ThreadView messages=messages/>
        {if closed {
            view! { <p class="closed-note">{move || i18n.t(Msg::ClosedReopenToReply)}</p> }.into_any()
        } else {
            view! { <Composer ticket_id=id allow_note=false/> }.into_any()
        }}
    }
}
