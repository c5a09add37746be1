//! The customer portal's frame: a light header, navigation and settings.

use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

use crate::components::{ErrorView, SettingsBar};
use crate::state::config::RuntimeConfig;
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;
use crate::state::session::{load_identity, provide_portal_session};

#[component]
pub fn PortalShell() -> impl IntoView {
    let config = expect_context::<RuntimeConfig>();
    let prefs = use_prefs();
    let i18n = use_i18n();
    let identity = RwSignal::new(load_identity());
    provide_context(identity);
    let session = provide_portal_session(config, prefs, identity);
    view! {
        <div class="shell portal-shell">
            <header class="shell-header">
                <span class="brand">{move || i18n.t(Msg::SupportCenter)}</span>
                <nav class="shell-nav">
                    <A href="/portal" exact=true>{move || i18n.t(Msg::NewTicket)}</A>
                    <A href="/portal/tickets">{move || i18n.t(Msg::MyTickets)}</A>
                </nav>
                <SettingsBar/>
            </header>
            <main class="shell-main">
                {move || session.vocabulary_error().map(|e| view! { <ErrorView error=e/> })}
                <Outlet/>
            </main>
        </div>
    }
}
