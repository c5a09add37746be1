//! The agent dashboard's frame: header, navigation, settings, and the demo's reset.

use leptos::prelude::*;

use crate::api::{demo, BackendKind};
use crate::components::{ErrorView, Link, SettingsBar};
use crate::pages::dashboard::{TicketDetailPage, TicketsPage};
use crate::state::config::RuntimeConfig;
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;
use crate::state::route::{use_navigator, Route};
use crate::state::session::provide_agent_session;

#[component]
pub fn DashboardShell() -> impl IntoView {
    let config = expect_context::<RuntimeConfig>();
    let prefs = use_prefs();
    let i18n = use_i18n();
    let is_demo = config.backend == BackendKind::Demo;
    let session = provide_agent_session(config, prefs);
    let nav = use_navigator();
    let reset = move |_| {
        let confirmed = window().confirm_with_message(i18n.t_untracked(Msg::ConfirmDemoReset)).unwrap_or(false);
        if confirmed {
            demo::reset();
            session.changed();
        }
    };
    view! {
        <div class="shell dashboard-shell">
            <header class="shell-header">
                <Link to="/dashboard"><span class="brand">{move || i18n.t(Msg::AppName)}</span></Link>
                <span class="shell-name">{move || i18n.t(Msg::Dashboard)}</span>
                <nav class="shell-nav">
                    <Link to="/dashboard">{move || i18n.t(Msg::Tickets)}</Link>
                    <Link to="/portal">{move || i18n.t(Msg::CustomerPortal)}</Link>
                </nav>
                <SettingsBar/>
                {is_demo.then(|| view! {
                    <button type="button" class="link-button" on:click=reset>{move || i18n.t(Msg::ResetDemo)}</button>
                })}
            </header>
            <main class="shell-main">
                {move || session.vocabulary_error().map(|e| view! { <ErrorView error=e/> })}
                {move || match nav.route() {
                    Route::Ticket(id) => view! { <TicketDetailPage id=id/> }.into_any(),
                    _ => view! { <TicketsPage/> }.into_any(),
                }}
            </main>
        </div>
    }
}
