//! Start-up: gather the runtime configuration (config.json, the host element's `data-*`
//! attributes, `?demo_tickets=` in the URL) and mount the app into its host element.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::App;
use crate::platform::app_asset_url;
use crate::state::config::{ConfigSource, RuntimeConfig};

/// The element the app mounts into; without one it takes over `<body>`.
const HOST_ID: &str = "pishkhan";

pub fn start() {
    // Not leptos::task::spawn_local: its executor starts with the first mount, below.
    wasm_bindgen_futures::spawn_local(async {
        let host = document().get_element_by_id(HOST_ID);
        let mut config = RuntimeConfig::default();
        let mut problems = Vec::new();
        let config_url = host
            .as_ref()
            .and_then(|h| h.get_attribute("data-config"))
            .unwrap_or_else(|| app_asset_url("config.json"));
        if config_url != "none" {
            if let Some(json) = fetch_text(&config_url).await {
                problems.extend(config.apply_json(&json));
            }
        }
        if let Some(h) = &host {
            problems.extend(config.apply(&attributes_of(h)));
        }
        if let Some(n) = url_param("demo_tickets") {
            match n.parse::<usize>() {
                Ok(n) => problems.extend(config.apply(&ConfigSource { demo_tickets: Some(n), ..Default::default() })),
                Err(_) => problems.push(format!("demo_tickets: «{n}» is not a number")),
            }
        }
        for p in problems {
            web_sys::console::warn_1(&format!("pishkhan config: {p}").into());
        }
        let mount_point = host
            .and_then(|h| h.dyn_into::<web_sys::HtmlElement>().ok())
            .unwrap_or_else(|| document().body().expect("a page has a body"));
        mount_point.set_attribute("data-ready", "true").ok();
        leptos::mount::mount_to(mount_point, move || view! { <App config=config/> }).forget();
    });
}

/// A missing config.json (404) is normal: defaults apply.
async fn fetch_text(url: &str) -> Option<String> {
    let response = gloo_net::http::Request::get(url).send().await.ok()?;
    if !response.ok() {
        return None;
    }
    response.text().await.ok()
}

fn attributes_of(host: &web_sys::Element) -> ConfigSource {
    let attr = |name: &str| host.get_attribute(name).filter(|v| !v.is_empty());
    ConfigSource {
        backend: attr("data-backend"),
        api_base: attr("data-api-base"),
        locale: attr("data-locale"),
        calendar: attr("data-calendar"),
        base_path: attr("data-base-path"),
        demo_tickets: attr("data-demo-tickets").and_then(|n| n.parse().ok()),
        // Lists don't fit in attributes; they come from config.json.
        departments: None,
        agents: None,
    }
}

fn url_param(name: &str) -> Option<String> {
    let search = window().location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search).ok()?.get(name)
}
