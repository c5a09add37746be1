//! Component tests in headless Chromium: mount a view with its contexts, act, assert.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos::task::tick;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

use pishkhan::api::demo::{self, seed};
use pishkhan::calendar::Lang;
use pishkhan::components::message_body::MessageBody;
use pishkhan::components::{SettingsBar, StatusBadge};
use pishkhan::domain::{Body, Status, StatusKind};
use pishkhan::pages::dashboard::TicketsPage;
use pishkhan::state::config::RuntimeConfig;
use pishkhan::state::i18n::provide_i18n;
use pishkhan::state::prefs::{provide_prefs, Prefs};
use pishkhan::state::route::provide_navigator;
use pishkhan::state::session::provide_agent_session;

wasm_bindgen_test_configure!(run_in_browser);

fn fresh_container() -> web_sys::HtmlElement {
    let document = document();
    let el = document.create_element("div").unwrap().unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&el).unwrap();
    el
}

/// Lets resources resolve and the DOM catch up.
async fn settle() {
    for _ in 0..5 {
        tick().await;
    }
}

fn rows(root: &web_sys::HtmlElement) -> u32 {
    root.query_selector_all("table.ticket-table tbody tr").unwrap().length()
}

fn count_text(root: &web_sys::HtmlElement) -> String {
    root.query_selector("[data-testid=result-count], [data-testid=no-results]")
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn status_badge_carries_kind_and_label() {
    let root = fresh_container();
    let status = Status { key: "waiting".into(), label: "در انتظار پاسخ مشتری".into(), kind: StatusKind::WaitingOnCustomer };
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <StatusBadge status=status.clone()/> });
    let badge = root.query_selector(".badge").unwrap().unwrap();
    assert_eq!(badge.get_attribute("data-status").as_deref(), Some("waiting_on_customer"));
    assert!(badge.class_name().contains("status-waiting_on_customer"));
    assert_eq!(badge.text_content().as_deref(), Some("در انتظار پاسخ مشتری"));
}

#[wasm_bindgen_test]
async fn search_box_narrows_the_ticket_list_as_you_type() {
    web_sys::window().unwrap().local_storage().unwrap().unwrap().clear().unwrap();
    // The test server serves no app files: hand the demo its content directly.
    demo::use_templates(seed::parse_templates(include_str!("../public/demo/seed-fa.json")).unwrap());
    let root = fresh_container();
    let _handle = leptos::mount::mount_to(root.clone(), || {
        let prefs = provide_prefs(Prefs::default());
        provide_i18n(prefs);
        provide_navigator(String::new());
        provide_agent_session(RuntimeConfig { demo_tickets: 120, ..RuntimeConfig::default() }, prefs);
        view! { <TicketsPage/> }
    });
    settle().await;
    let status = root.query_selector("select[name=status]").unwrap().unwrap().unchecked_into::<web_sys::HtmlSelectElement>();
    status.set_value("");
    status.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert_eq!(rows(&root), 50, "first page");
    assert!(count_text(&root).contains("۱۲۰"), "total in Persian digits: {}", count_text(&root));

    let input = root.query_selector("input[type=search]").unwrap().unwrap().unchecked_into::<web_sys::HtmlInputElement>();
    // The number of ticket 7, typed in Persian digits, finds exactly that ticket.
    input.set_value("۱۰۰۰۷");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(rows(&root), 1);
    let row = root.query_selector("table.ticket-table tbody tr").unwrap().unwrap();
    assert_eq!(row.get_attribute("data-ticket-number").as_deref(), Some("10007"));

    input.set_value("no such ticket anywhere");
    input.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
    settle().await;
    assert_eq!(rows(&root), 0);
    assert!(root.query_selector("[data-testid=no-results]").unwrap().is_some());
    demo::reset();
}

#[wasm_bindgen_test]
async fn language_switch_updates_prefs_and_text() {
    let root = fresh_container();
    let prefs_out = RwSignal::new(None::<RwSignal<Prefs>>);
    let _handle = leptos::mount::mount_to(root.clone(), move || {
        let prefs = provide_prefs(Prefs::default());
        provide_i18n(prefs);
        prefs_out.set(Some(prefs));
        view! { <SettingsBar/> }
    });
    let select = root.query_selector("select[name=lang]").unwrap().unwrap().unchecked_into::<web_sys::HtmlSelectElement>();
    select.set_value("en");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    let prefs = prefs_out.get_untracked().unwrap();
    assert_eq!(prefs.get_untracked().lang, Lang::En);
    assert_eq!(document().document_element().unwrap().get_attribute("dir").as_deref(), Some("ltr"));
    let calendar_label = root.query_selector("select[name=calendar] option").unwrap().unwrap().text_content();
    assert_eq!(calendar_label.as_deref(), Some("Solar Hijri"));
}

#[wasm_bindgen_test]
async fn hostile_html_is_rebuilt_from_the_allow_list() {
    let root = fresh_container();
    let hostile = concat!(
        "<p dir=\"rtl\" style=\"color:red\" onclick=\"alert(1)\">سلام <b>مهم</b><font color=red> قرمز</font></p>",
        "<img src=x onerror=\"window.__pwned=1\"><img src=\"https://example.ir/a.png\" alt=\"تصویر\">",
        "<a href=\"javascript:window.__pwned=2\">بد</a><a href=\"https://example.ir/راهنما\">خوب</a>",
        "<script>window.__pwned=3</script><svg><script>window.__pwned=4</script></svg>",
        "<iframe src=\"https://evil.example\"></iframe><style>p{display:none}</style><!-- note -->",
        "<table><tr><td colspan=\"2\" onmouseover=\"x()\">خانه</td></tr></table>",
    );
    let body = Body::Html(hostile.into());
    let _handle = leptos::mount::mount_to(root.clone(), move || view! { <MessageBody body=body.clone()/> });
    settle().await;
    let out = root.query_selector(".message-html").unwrap().unwrap();
    let html = out.inner_html();
    for banned in ["script", "onclick", "onerror", "onmouseover", "style", "iframe", "svg", "javascript:", "font", " note "] {
        assert!(!html.contains(banned), "{banned} survived: {html}");
    }
    assert!(js_sys::Reflect::get(&window(), &"__pwned".into()).unwrap().is_undefined(), "nothing ran");
    let p = out.query_selector("p").unwrap().unwrap();
    assert_eq!(p.get_attribute("dir").as_deref(), Some("rtl"));
    assert_eq!(p.text_content().as_deref(), Some("سلام مهم قرمز"), "unknown wrappers keep their text");
    let links = out.query_selector_all("a").unwrap();
    assert_eq!(links.length(), 2);
    let bad = links.item(0).unwrap().unchecked_into::<web_sys::Element>();
    assert!(bad.get_attribute("href").is_none(), "javascript: link lost its href");
    let good = links.item(1).unwrap().unchecked_into::<web_sys::Element>();
    assert_eq!(good.get_attribute("href").as_deref(), Some("https://example.ir/راهنما"));
    assert_eq!(good.get_attribute("rel").as_deref(), Some("noopener noreferrer nofollow"));
    let images = out.query_selector_all("img").unwrap();
    assert_eq!(images.length(), 2);
    let first = images.item(0).unwrap().unchecked_into::<web_sys::Element>();
    assert!(first.get_attribute("src").is_none() && first.get_attribute("onerror").is_none());
    let td = out.query_selector("td").unwrap().unwrap();
    assert_eq!(td.get_attribute("colspan").as_deref(), Some("2"));
}
