//! The customer's own tickets with their status, and a box to find one by tracking number.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::components::{ErrorView, TicketTable};
use crate::domain::person::is_plausible_email;
use crate::domain::TicketQuery;
use crate::state::i18n::{use_i18n, Msg};
use crate::state::session::{save_identity, use_session, CustomerIdentity};

#[component]
pub fn MyTicketsPage() -> impl IntoView {
    let i18n = use_i18n();
    let identity = expect_context::<RwSignal<Option<CustomerIdentity>>>();
    view! {
        <section class="my-tickets">
            <h1>{move || i18n.t(Msg::MyTickets)}</h1>
            {move || match identity.get() {
                Some(who) => view! { <OwnTickets who=who/> }.into_any(),
                None => view! { <IdentifyForm/> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn OwnTickets(who: CustomerIdentity) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let identity = expect_context::<RwSignal<Option<CustomerIdentity>>>();
    let search = RwSignal::new(String::new());
    let results = LocalResource::new(move || {
        let backend = session.backend.get();
        let q = TicketQuery { search: search.get(), per_page: 100, ..TicketQuery::default() };
        session.revision.track();
        async move { backend.list_tickets(&q).await }
    });
    let tickets = Signal::derive(move || results.get().and_then(|r| r.ok()).map(|p| p.tickets).unwrap_or_default());
    view! {
        <p class="identity">
            <bdi>{who.email.clone()}</bdi> " "
            <button type="button" class="link-button" on:click=move |_| identity.set(None)>{move || i18n.t(Msg::NotYou)}</button>
        </p>
        <input type="search" name="track" class="search" dir="auto"
            placeholder=move || i18n.t(Msg::TrackPlaceholder) aria-label=move || i18n.t(Msg::TrackPlaceholder)
            prop:value=move || search.get() on:input=move |ev| search.set(event_target_value(&ev))/>
        {move || match results.get() {
            Some(Err(ApiError::Unsupported(_))) if !session.backend().capabilities().list_tickets => Some(view! {
                <p class="notice" data-testid="submit-only">{i18n.t(Msg::DiagSubmitOnly)}</p>
            }.into_any()),
            Some(Err(e)) => Some(view! { <ErrorView error=e on_retry=move |_| results.refetch()/> }.into_any()),
            Some(Ok(p)) if p.total == 0 => Some(view! { <p class="empty">{i18n.t(Msg::NoOwnTickets)}</p> }.into_any()),
            _ => None,
        }}
        <TicketTable tickets=tickets href_prefix="/portal/tickets/" hide_customer=true/>
    }
}

/// The demo has no login: the customer says who they are (a WordPress embed knows).
#[component]
fn IdentifyForm() -> impl IntoView {
    let i18n = use_i18n();
    let identity = expect_context::<RwSignal<Option<CustomerIdentity>>>();
    let email = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let e = email.get_untracked().trim().to_ascii_lowercase();
        if is_plausible_email(&e) {
            let who = CustomerIdentity { name: String::new(), email: e };
            save_identity(&who);
            identity.set(Some(who));
        }
    };
    view! {
        <form class="identify" on:submit=submit>
            <label class="field">
                <span>{move || i18n.t(Msg::YourEmail)}</span>
                <input name="email" type="email" dir="ltr" required prop:value=move || email.get()
                    on:input=move |ev| email.set(event_target_value(&ev))/>
            </label>
            <button type="submit" class="button primary">{move || i18n.t(Msg::ShowMyTickets)}</button>
        </form>
    }
}
