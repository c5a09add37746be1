//! The two shells — agent dashboard and customer portal — with their providers and routes,
//! and the start-up that reads the runtime configuration and mounts the app.

pub mod dashboard_shell;
pub mod portal_shell;
pub mod start;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::path;

use crate::pages::dashboard::{TicketDetailPage, TicketsPage};
use crate::pages::portal::{MyTicketsPage, PortalTicketPage, SubmitTicketPage};
use crate::state::config::RuntimeConfig;
use crate::state::i18n::{provide_i18n, Msg};
use crate::state::prefs::{load_prefs, provide_prefs, Prefs};
use dashboard_shell::DashboardShell;
use portal_shell::PortalShell;

#[component]
pub fn App(config: RuntimeConfig) -> impl IntoView {
    let saved = load_prefs(Prefs::default());
    // Configured values beat saved ones: an embed that says "en" means it.
    let prefs = provide_prefs(Prefs {
        lang: config.lang.unwrap_or(saved.lang),
        calendar: config.calendar.unwrap_or(saved.calendar),
    });
    let i18n = provide_i18n(prefs);
    provide_context(config.clone());
    let base = config.base_path.clone();
    view! {
        <div class="app" dir=move || prefs.get().dir() lang=move || prefs.get().lang_tag()>
            <Router base=base>
                <Routes fallback=move || view! { <p class="not-found">{i18n.t(Msg::PageNotFound)}</p> }>
                    <Route path=path!("/") view=|| view! { <Redirect path="/dashboard"/> }/>
                    <ParentRoute path=path!("/dashboard") view=DashboardShell>
                        <Route path=path!("") view=TicketsPage/>
                        <Route path=path!("tickets/:id") view=TicketDetailPage/>
                    </ParentRoute>
                    <ParentRoute path=path!("/portal") view=PortalShell>
                        <Route path=path!("") view=SubmitTicketPage/>
                        <Route path=path!("tickets") view=MyTicketsPage/>
                        <Route path=path!("tickets/:id") view=PortalTicketPage/>
                    </ParentRoute>
                </Routes>
            </Router>
        </div>
    }
}
