//! The agent dashboard's frame: header, navigation, settings, and the demo's reset.

use leptos::prelude::*;

use crate::api::{demo, BackendKind};
use crate::components::{ErrorView, Link, SettingsBar};
use crate::pages::dashboard::{ConnectPage, TicketDetailPage, TicketsPage};
use crate::state::connection::use_connection;
use crate::state::config::RuntimeConfig;
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;
use crate::state::route::{connect_path, use_navigator, Route};
use crate::state::session::provide_agent_session;

#[component]
pub fn DashboardShell() -> impl IntoView {
    let config = expect_context::<RuntimeConfig>();
    let prefs = use_prefs();
    let i18n = use_i18n();
    let session = provide_agent_session(config, prefs);
    let connection = use_connection();
    let is_demo = move || connection.connection.with(|c| c.kind == BackendKind::Demo);
    let nav = use_navigator();
    // A server backend without credentials goes to the connection screen first, and comes
    // back to the page it was asked for.
    Effect::new(move |_| {
        let needs_sign_in = connection.connection.with(|c| c.kind != BackendKind::Demo && c.kind != BackendKind::Wsdesk)
            && connection.credentials.with(|c| c.is_none());
        if needs_sign_in && nav.route() != Route::Connect {
            nav.navigate(&connect_path(&nav.current_path()));
        }
    });
    let sign_out = move |_| {
        connection.sign_out();
        nav.navigate(&connect_path(&nav.current_path()));
    };
    let where_to = move || {
        connection.connection.with(|c| {
            if c.kind == BackendKind::Demo {
                c.kind.label().to_owned()
            } else {
                format!("{} · {}", c.kind.label(), host_of(&c.base))
            }
        })
    };
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
                <span class="connection-name" dir="ltr">{where_to}</span>
                <Link to="/dashboard/connect">{move || i18n.t(Msg::ChangeConnection)}</Link>
                <Show when=move || !connection.credentials.with(|c| c.is_none())>
                    <button type="button" class="link-button" on:click=sign_out>{move || i18n.t(Msg::SignOut)}</button>
                </Show>
                <Show when=is_demo>
                    <button type="button" class="link-button" on:click=reset>{move || i18n.t(Msg::ResetDemo)}</button>
                </Show>
            </header>
            <main class="shell-main">
                {move || (nav.route() != Route::Connect)
                    .then(|| session.vocabulary_error().map(|e| view! { <ErrorView error=e/> }))}
                {move || match nav.route() {
                    Route::Connect => view! { <ConnectPage/> }.into_any(),
                    Route::Ticket(id) => view! { <TicketDetailPage id=id/> }.into_any(),
                    _ => view! { <TicketsPage/> }.into_any(),
                }}
            </main>
        </div>
    }
}

fn host_of(base: &str) -> String {
    let rest = base.split_once("://").map_or(base, |(_, r)| r);
    rest.split('/').next().unwrap_or(rest).to_owned()
}
