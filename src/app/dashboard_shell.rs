//! The agent dashboard's frame: header, navigation, settings, and the demo's reset.

use leptos::prelude::*;
use leptos_router::components::{Outlet, A};

use crate::api::{demo, BackendKind};
use crate::components::{ErrorView, SettingsBar};
use crate::state::config::RuntimeConfig;
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;
use crate::state::session::provide_agent_session;

#[component]
pub fn DashboardShell() -> impl IntoView {
    let config = expect_context::<RuntimeConfig>();
    let prefs = use_prefs();
    let i18n = use_i18n();
    let is_demo = config.backend == BackendKind::Demo;
    let session = provide_agent_session(config, prefs);
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
                <A href="/dashboard"><span class="brand">{move || i18n.t(Msg::AppName)}</span></A>
                <span class="shell-name">{move || i18n.t(Msg::Dashboard)}</span>
                <nav class="shell-nav">
                    <A href="/dashboard">{move || i18n.t(Msg::Tickets)}</A>
                    <A href="/portal">{move || i18n.t(Msg::CustomerPortal)}</A>
                </nav>
                <SettingsBar/>
                {is_demo.then(|| view! {
                    <button type="button" class="link-button" on:click=reset>{move || i18n.t(Msg::ResetDemo)}</button>
                })}
            </header>
            <main class="shell-main">
                {move || session.vocabulary_error().map(|e| view! { <ErrorView error=e/> })}
                <Outlet/>
            </main>
        </div>
    }
}
