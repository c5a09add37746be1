//! The two shells — agent dashboard and customer portal — with their providers and routes,
//! and the start-up that reads the runtime configuration and mounts the app.

pub mod dashboard_shell;
pub mod portal_shell;
pub mod start;

use leptos::prelude::*;

use crate::state::config::RuntimeConfig;
use crate::state::i18n::{provide_i18n, Msg};
use crate::state::prefs::{load_prefs, provide_prefs, Prefs};
use crate::state::route::{provide_navigator, Shell};
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
    let nav = provide_navigator(config.base_path.clone());
    provide_context(config);
    // A shell stays mounted while its own screens change.
    let shell = Memo::new(move |_| nav.route().shell());
    view! {
        <div class="app" dir=move || prefs.get().dir() lang=move || prefs.get().lang_tag()>
            {move || match shell.get() {
                Shell::Dashboard => view! { <DashboardShell/> }.into_any(),
                Shell::Portal => view! { <PortalShell/> }.into_any(),
                Shell::None => view! { <p class="not-found">{move || i18n.t(Msg::PageNotFound)}</p> }.into_any(),
            }}
        </div>
    }
}
