//! Loads a ticket with its thread through the session's backend, refetching after every
//! change, and shows it with the given view — or loading, or the error with a retry.

use leptos::prelude::*;

use super::error_view::ErrorView;
use crate::domain::{TicketId, TicketThread};
use crate::state::i18n::{use_i18n, Msg};
use crate::state::session::use_session;

#[component]
pub fn TicketLoader(id: TicketId, show: fn(TicketThread) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let thread = LocalResource::new(move || {
        let backend = session.backend.get();
        session.revision.track();
        async move { backend.ticket(id).await }
    });
    move || match thread.get() {
        None => view! { <p class="loading">{i18n.t(Msg::Loading)}</p> }.into_any(),
        Some(Err(e)) => view! { <ErrorView error=e on_retry=move |_| thread.refetch()/> }.into_any(),
        Some(Ok(t)) => show(t),
    }
}
