//! Where the app is: the route parsed from the URL path, and a small History-API navigator.
//! Our own instead of leptos_router: the app has five screens, the router was a tenth of the
//! bundle, and an embedded portal must never catch the host page's own links.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use crate::domain::TicketId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Route {
    Tickets,
    Connect,
    Ticket(TicketId),
    PortalSubmit,
    PortalTickets,
    PortalTicket(TicketId),
    NotFound,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shell {
    Dashboard,
    Portal,
    None,
}

impl Route {
    /// `path` is below the base path, e.g. `/dashboard/tickets/7`; `/` is the dashboard.
    pub fn parse(path: &str) -> Route {
        let path = path.split(['?', '#']).next().unwrap_or_default();
        let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
        match segments.as_slice() {
            [] | ["dashboard"] => Route::Tickets,
            ["dashboard", "connect"] => Route::Connect,
            ["dashboard", "tickets", id] => id.parse().map(Route::Ticket).unwrap_or(Route::NotFound),
            ["portal"] => Route::PortalSubmit,
            ["portal", "tickets"] => Route::PortalTickets,
            ["portal", "tickets", id] => id.parse().map(Route::PortalTicket).unwrap_or(Route::NotFound),
            _ => Route::NotFound,
        }
    }

    pub fn path(self) -> String {
        match self {
            Route::Tickets => "/dashboard".into(),
            Route::Connect => "/dashboard/connect".into(),
            Route::Ticket(id) => format!("/dashboard/tickets/{id}"),
            Route::PortalSubmit => "/portal".into(),
            Route::PortalTickets => "/portal/tickets".into(),
            Route::PortalTicket(id) => format!("/portal/tickets/{id}"),
            Route::NotFound => "/".into(),
        }
    }

    pub fn shell(self) -> Shell {
        match self {
            Route::Tickets | Route::Connect | Route::Ticket(_) => Shell::Dashboard,
            Route::PortalSubmit | Route::PortalTickets | Route::PortalTicket(_) => Shell::Portal,
            Route::NotFound => Shell::None,
        }
    }
}

/// The connection screen, told where to come back to.
pub fn connect_path(back_to: &str) -> String {
    let next: String = js_sys::encode_uri_component(back_to).into();
    format!("/dashboard/connect?next={next}")
}

/// The current path (below `base`) as a signal, kept in step with the browser's history.
#[derive(Clone, Copy)]
pub struct Navigator {
    path: RwSignal<String>,
    base: StoredValue<String>,
}

impl Navigator {
    pub fn route(&self) -> Route {
        Route::parse(&self.path.get())
    }

    /// The path below the base, with its query: what to come back to.
    pub fn current_path(&self) -> String {
        self.path.get_untracked()
    }

    /// Whether a link to `path` points at the current page (or, unless `exact`, above it).
    pub fn is_current(&self, path: &str, exact: bool) -> bool {
        self.path.with(|p| p == path || (!exact && p.starts_with(path) && p[path.len()..].starts_with('/')))
    }

    /// The URL to put in an `href`, base path included.
    pub fn href(&self, path: &str) -> String {
        format!("{}{path}", self.base.get_value())
    }

    pub fn navigate(&self, path: &str) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&self.href(path)));
        }
        self.path.set(path.to_owned());
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    fn replace(&self, path: &str) {
        if let Ok(history) = window().history() {
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&self.href(path)));
        }
        self.path.set(path.to_owned());
    }
}

fn current_path(base: &str) -> String {
    let full = window().location().pathname().unwrap_or_default();
    match full.strip_prefix(base) {
        Some("") => "/".to_owned(),
        Some(rest) if rest.starts_with('/') => rest.to_owned(),
        _ => full,
    }
}

/// Starts following the browser's location under `base` ("" or "/helpdesk").
pub fn provide_navigator(base: String) -> Navigator {
    let nav = Navigator { path: RwSignal::new(current_path(&base)), base: StoredValue::new(base) };
    // The bare root and trailing slashes get their canonical address.
    let canonical = nav.route().path();
    if nav.route() != Route::NotFound && nav.path.get_untracked() != canonical {
        // The query (`?next=` of the connection screen) stays.
        let search = window().location().search().unwrap_or_default();
        nav.replace(&format!("{canonical}{search}"));
    }
    let on_pop = Closure::<dyn Fn()>::new(move || nav.path.set(current_path(&nav.base.get_value())));
    let _ = window().add_event_listener_with_callback("popstate", on_pop.as_ref().unchecked_ref());
    // The app lives as long as the page.
    on_pop.forget();
    provide_context(nav);
    nav
}

pub fn use_navigator() -> Navigator {
    expect_context::<Navigator>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_route_parses_back_from_its_path() {
        for r in [Route::Tickets, Route::Connect, Route::Ticket(7), Route::PortalSubmit, Route::PortalTickets, Route::PortalTicket(10321)] {
            assert_eq!(Route::parse(&r.path()), r);
        }
    }

    #[test]
    fn root_trailing_slashes_and_junk() {
        assert_eq!(Route::parse("/"), Route::Tickets);
        assert_eq!(Route::parse("/portal/"), Route::PortalSubmit);
        assert_eq!(Route::parse("/dashboard/tickets/abc"), Route::NotFound);
        assert_eq!(Route::parse("/dashboard/tickets/-1"), Route::NotFound);
        assert_eq!(Route::parse("/wp-admin"), Route::NotFound);
        assert_eq!(Route::parse("/dashboard/connect?next=/dashboard/tickets/3"), Route::Connect);
        assert_eq!(Route::Ticket(3).shell(), Shell::Dashboard);
        assert_eq!(Route::PortalTicket(3).shell(), Shell::Portal);
    }
}
