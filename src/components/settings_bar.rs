//! Language and calendar switches — two independent settings.

use leptos::prelude::*;

use crate::calendar::{CalendarKind, Lang};
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;

#[component]
pub fn SettingsBar() -> impl IntoView {
    let prefs = use_prefs();
    let i18n = use_i18n();
    let set_lang = move |ev| {
        let lang = if event_target_value(&ev) == "en" { Lang::En } else { Lang::Fa };
        prefs.update(|p| p.lang = lang);
    };
    let set_calendar = move |ev| {
        let calendar = if event_target_value(&ev) == "gregorian" { CalendarKind::Gregorian } else { CalendarKind::Jalali };
        prefs.update(|p| p.calendar = calendar);
    };
    view! {
        <div class="settings-bar">
            <label>
                <span class="visually-hidden">{move || i18n.t(Msg::Language)}</span>
                <select name="lang" on:change=set_lang prop:value=move || prefs.get().lang_tag()>
                    <option value="fa">"فارسی"</option>
                    <option value="en">"English"</option>
                </select>
            </label>
            <label>
                <span class="visually-hidden">{move || i18n.t(Msg::Calendar)}</span>
                <select
                    name="calendar"
                    on:change=set_calendar
                    prop:value=move || match prefs.get().calendar {
                        CalendarKind::Jalali => "jalali",
                        CalendarKind::Gregorian => "gregorian",
                    }
                >
                    <option value="jalali">{move || i18n.t(Msg::CalendarJalali)}</option>
                    <option value="gregorian">{move || i18n.t(Msg::CalendarGregorian)}</option>
                </select>
            </label>
        </div>
    }
}
