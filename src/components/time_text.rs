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
        <time datetime=at.to_rfc3339() title=move || prefs.get().datetime(at)>{text}</time>
    }
}
