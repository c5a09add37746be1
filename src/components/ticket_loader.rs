//! Loads the ticket the route names (`:id`) through the session's backend, refetching after
//! every change, and shows it with the given view — or loading, or the error with a retry.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use super::error_view::ErrorView;
use crate::api::ApiError;
use crate::domain::{TicketId, TicketThread};
use crate::state::i18n::{use_i18n, Msg};
use crate::state::session::use_session;

#[component]
pub fn TicketLoader(show: fn(TicketThread) -> AnyView) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|s| s.parse::<TicketId>().ok()));
    let thread = LocalResource::new(move || {
        let backend = session.backend.get();
        let id = id.get();
        session.revision.track();
        async move {
            match id {
                Some(id) => backend.ticket(id).await,
                None => Err(ApiError::NotFound),
            }
        }
    });
    move || match thread.get() {
        None => view! { <p class="loading">{i18n.t(Msg::Loading)}</p> }.into_any(),
        Some(Err(e)) => view! { <ErrorView error=e on_retry=move |_| thread.refetch()/> }.into_any(),
        Some(Ok(t)) => show(t),
    }
}
