//! A point in time as people read it: relative ("۳ روز پیش"), with the full Jalali (or
//! Gregorian) date and time on hover, in a machine-readable `<time>`.

use chrono::{DateTime, Utc};
use leptos::prelude::*;

use crate::state::prefs::use_prefs;

#[component]
pub fn TimeText(at: DateTime<Utc>, #[prop(optional)] absolute: bool) -> impl IntoView {
    let prefs = use_prefs();
    let text = move || {
        let p = prefs.get();
        if absolute {
            p.datetime(at)
        } else {
            p.relative(at)
        }
    };
    view! {
        <time datetime=iso_utc(at) title=move || prefs.get().datetime(at)>{text}</time>
    }
}

/// `2024-04-26T10:30:00Z`, written by hand: chrono's formatter is large for one attribute.
fn iso_utc(at: DateTime<Utc>) -> String {
    use chrono::{Datelike, Timelike};
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z",
        at.year(),
        at.month(),
        at.day(),
        at.hour(),
        at.minute(),
        at.second()
    )
}
