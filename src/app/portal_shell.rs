//! The customer portal's frame: a light header, navigation and settings.

use leptos::prelude::*;

use crate::components::{ErrorView, Link, SettingsBar};
use crate::pages::portal::{MyTicketsPage, PortalTicketPage, SubmitTicketPage};
use crate::state::config::RuntimeConfig;
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;
use crate::state::route::{use_navigator, Route};
use crate::state::session::{load_identity, provide_portal_session};

#[component]
pub fn PortalShell() -> impl IntoView {
    let config = expect_context::<RuntimeConfig>();
    let prefs = use_prefs();
    let i18n = use_i18n();
    let identity = RwSignal::new(load_identity());
    provide_context(identity);
    let session = provide_portal_session(config, prefs, identity);
    let nav = use_navigator();
    view! {
        <div class="shell portal-shell">
            <header class="shell-header">
                <span class="brand">{move || i18n.t(Msg::SupportCenter)}</span>
                <nav class="shell-nav">
                    <Link to="/portal" exact=true>{move || i18n.t(Msg::NewTicket)}</Link>
                    <Link to="/portal/tickets">{move || i18n.t(Msg::MyTickets)}</Link>
                </nav>
                <SettingsBar/>
            </header>
            <main class="shell-main">
                {move || session.vocabulary_error().map(|e| view! { <ErrorView error=e/> })}
                {move || match nav.route() {
                    Route::PortalTickets => view! { <MyTicketsPage/> }.into_any(),
                    Route::PortalTicket(id) => view! { <PortalTicketPage id=id/> }.into_any(),
                    _ => view! { <SubmitTicketPage/> }.into_any(),
                }}
            </main>
        </div>
    }
}
