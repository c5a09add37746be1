//! Previous/next paging with "۱–۵۰ از ۳۲۰" in the UI's digits.

use leptos::prelude::*;

use crate::domain::TicketPage;
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;

#[component]
pub fn Pager(page: u32, per_page: u32, total: usize, on_page: Callback<u32>) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let pages = TicketPage::page_count_of(total, per_page);
    let first = if total == 0 { 0 } else { (page - 1) as usize * per_page as usize + 1 };
    let last = (page as usize * per_page as usize).min(total);
    let range = move || {
        let p = prefs.get();
        i18n.fill(Msg::RangeOfTotal, &[&p.number(first as i64), &p.number(last as i64), &p.number(total as i64)])
    };
    view! {
        <nav class="pager" aria-label=move || i18n.t(Msg::Pages)>
            <button type="button" class="button" disabled={page <= 1} on:click=move |_| on_page.run(page - 1)>
                {move || i18n.t(Msg::PreviousPage)}
            </button>
            <span class="pager-range" data-testid="result-range">{range}</span>
            <button type="button" class="button" disabled={page >= pages} on:click=move |_| on_page.run(page + 1)>
                {move || i18n.t(Msg::NextPage)}
            </button>
        </nav>
    }
}
