//! The user's display preferences — language and calendar, separate settings — kept in
//! `localStorage`, and the one place dates and numbers are formatted for display.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::calendar::{self, CalendarKind, DateFormat, Lang};
use crate::platform::{BrowserStorage, KeyValue};

const PREFS_KEY: &str = "pishkhan.prefs.v1";

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    pub lang: Lang,
    pub calendar: CalendarKind,
}

impl Prefs {
    pub fn date_format(self) -> DateFormat {
        DateFormat { lang: self.lang, calendar: self.calendar }
    }

    pub fn dir(self) -> &'static str {
        match self.lang {
            Lang::Fa => "rtl",
            Lang::En => "ltr",
        }
    }

    pub fn lang_tag(self) -> &'static str {
        match self.lang {
            Lang::Fa => "fa",
            Lang::En => "en",
        }
    }

    pub fn date(self, at: DateTime<Utc>) -> String {
        calendar::format_short(at.with_timezone(&calendar::tehran_offset()).date_naive(), self.date_format())
    }

    pub fn datetime(self, at: DateTime<Utc>) -> String {
        calendar::format_datetime(at, calendar::tehran_offset(), self.date_format())
    }

    pub fn relative(self, at: DateTime<Utc>) -> String {
        calendar::format_relative(at, Utc::now(), self.lang)
    }

    pub fn number(self, n: i64) -> String {
        calendar::format_number(n, self.lang)
    }

    /// Digits of a ticket number, email or code in the UI's script.
    pub fn digits(self, s: &str) -> String {
        crate::domain::text::localize_digits(s, self.lang == Lang::Fa)
    }
}

pub fn load_prefs(defaults: Prefs) -> Prefs {
    BrowserStorage::Local.get(PREFS_KEY).and_then(|raw| serde_json::from_str(&raw).ok()).unwrap_or(defaults)
}

pub fn provide_prefs(initial: Prefs) -> RwSignal<Prefs> {
    let prefs = RwSignal::new(initial);
    Effect::new(move |_| {
        let p = prefs.get();
        if let Ok(raw) = serde_json::to_string(&p) {
            // Losing a preference is harmless; the page keeps working without storage.
            let _ = BrowserStorage::Local.set(PREFS_KEY, &raw);
        }
        if let Some(root) = document().document_element() {
            let _ = root.set_attribute("lang", p.lang_tag());
            let _ = root.set_attribute("dir", p.dir());
        }
    });
    provide_context(prefs);
    prefs
}

pub fn use_prefs() -> RwSignal<Prefs> {
    expect_context::<RwSignal<Prefs>>()
}
