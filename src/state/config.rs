//! Runtime configuration, so one `dist/` serves every deployment: `config.json` next to
//! `index.html`, then `data-*` attributes on the host element (which win), then the URL.

use serde::Deserialize;

use crate::api::demo::DEFAULT_SEED_COUNT;
use crate::api::BackendKind;
use crate::calendar::{CalendarKind, Lang};
use crate::domain::{Department, Person};

/// Largest demo seed a URL or config may ask for (keeps a typo from freezing the tab).
pub const MAX_DEMO_TICKETS: usize = 50_000;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RuntimeConfig {
    pub backend: BackendKind,
    /// The deployment named the backend: the connection screen may not change it.
    pub backend_fixed: bool,
    pub api_base: Option<String>,
    /// `None`: the user's saved preference, else Persian.
    pub lang: Option<Lang>,
    pub calendar: Option<CalendarKind>,
    /// Where the app is served from ("/" or "/helpdesk"), for the router.
    pub base_path: String,
    pub demo_tickets: usize,
    /// The backend's queues/departments and agents where its API lists none (django-helpdesk;
    /// Request Tracker's agents, and its queues when RT's own list should not be used).
    pub departments: Vec<Department>,
    pub agents: Vec<Person>,
}

impl Default for RuntimeConfig {
    fn default() -> Self {
        RuntimeConfig {
            backend: BackendKind::Demo,
            backend_fixed: false,
            api_base: None,
            lang: None,
            calendar: None,
            base_path: String::new(),
            demo_tickets: DEFAULT_SEED_COUNT,
            departments: Vec::new(),
            agents: Vec::new(),
        }
    }
}

/// The keys `config.json` and the `data-*` attributes share (`data-api-base` ⇔ `api_base`).
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConfigSource {
    pub backend: Option<String>,
    pub api_base: Option<String>,
    pub locale: Option<String>,
    pub calendar: Option<String>,
    pub base_path: Option<String>,
    pub demo_tickets: Option<usize>,
    pub departments: Option<Vec<Department>>,
    pub agents: Option<Vec<Person>>,
}

impl RuntimeConfig {
    /// Applies one source over the current values; returns what it could not use.
    pub fn apply(&mut self, src: &ConfigSource) -> Vec<String> {
        let mut problems = Vec::new();
        if let Some(b) = &src.backend {
            match BackendKind::from_key(b) {
                Some(kind) => {
                    self.backend = kind;
                    self.backend_fixed = true;
                }
                None => problems.push(format!("backend: unknown kind «{b}»")),
            }
        }
        if let Some(base) = &src.api_base {
            self.api_base = Some(base.trim_end_matches('/').to_owned()).filter(|b| !b.is_empty());
        }
        if let Some(l) = &src.locale {
            match l.as_str() {
                "fa" => self.lang = Some(Lang::Fa),
                "en" => self.lang = Some(Lang::En),
                other => problems.push(format!("locale: unknown «{other}»")),
            }
        }
        if let Some(c) = &src.calendar {
            match c.as_str() {
                "jalali" => self.calendar = Some(CalendarKind::Jalali),
                "gregorian" => self.calendar = Some(CalendarKind::Gregorian),
                other => problems.push(format!("calendar: unknown «{other}»")),
            }
        }
        if let Some(p) = &src.base_path {
            self.base_path = normalize_base_path(p);
        }
        if let Some(d) = &src.departments {
            self.departments = d.clone();
        }
        if let Some(a) = &src.agents {
            self.agents = a.clone();
        }
        if let Some(n) = src.demo_tickets {
            if n <= MAX_DEMO_TICKETS {
                self.demo_tickets = n;
            } else {
                problems.push(format!("demo_tickets: {n} is over {MAX_DEMO_TICKETS}"));
            }
        }
        problems
    }

    /// Parses `config.json`; a broken file is reported, never fatal.
    pub fn apply_json(&mut self, json: &str) -> Vec<String> {
        match serde_json::from_str::<ConfigSource>(json) {
            Ok(src) => self.apply(&src),
            Err(e) => vec![format!("config.json: {e}")],
        }
    }
}

/// "/", "", "helpdesk/", "/helpdesk" → "" or "/helpdesk" (the router's `base`).
pub fn normalize_base_path(p: &str) -> String {
    let trimmed = p.trim().trim_matches('/');
    if trimmed.is_empty() {
        String::new()
    } else {
        format!("/{trimmed}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_then_attributes_override() {
        let mut c = RuntimeConfig::default();
        assert!(c.apply_json(r#"{"locale":"en","calendar":"gregorian","base_path":"/desk/","demo_tickets":10000}"#).is_empty());
        assert_eq!(c.lang, Some(Lang::En));
        assert_eq!(c.calendar, Some(CalendarKind::Gregorian));
        assert_eq!(c.base_path, "/desk");
        assert_eq!(c.demo_tickets, 10_000);
        let attrs = ConfigSource { locale: Some("fa".into()), ..Default::default() };
        assert!(c.apply(&attrs).is_empty());
        assert_eq!(c.lang, Some(Lang::Fa));
        assert_eq!(c.calendar, Some(CalendarKind::Gregorian));
    }

    #[test]
    fn bad_values_are_reported_and_ignored() {
        let mut c = RuntimeConfig::default();
        let problems = c.apply_json(r#"{"locale":"de","backend":"zendesk","demo_tickets":9999999}"#);
        assert_eq!(problems.len(), 3, "{problems:?}");
        assert_eq!(c, RuntimeConfig::default());
        let broken = c.apply_json("{not json");
        assert_eq!(broken.len(), 1);
        assert!(broken[0].starts_with("config.json:"));
        assert_eq!(c.apply_json(r#"{"colour":"red"}"#).len(), 1, "unknown keys are typos worth reporting");
    }

    #[test]
    fn request_tracker_with_its_rest2_root_and_agents() {
        let mut c = RuntimeConfig::default();
        let problems = c.apply_json(
            r#"{"backend":"request_tracker","api_base":"http://127.0.0.1:18102/REST/2.0/",
                "agents":[{"id":"agent","name":"نگار احمدی"}]}"#,
        );
        assert!(problems.is_empty(), "{problems:?}");
        assert_eq!(c.backend, BackendKind::RequestTracker);
        assert_eq!(c.api_base.as_deref(), Some("http://127.0.0.1:18102/REST/2.0"));
        assert_eq!((c.agents[0].id.as_str(), c.agents[0].name.as_str()), ("agent", "نگار احمدی"));
        assert!(c.departments.is_empty(), "queues then come from RT");
    }

    #[test]
    fn base_paths_normalise() {
        assert_eq!(normalize_base_path("/"), "");
        assert_eq!(normalize_base_path(""), "");
        assert_eq!(normalize_base_path("helpdesk/"), "/helpdesk");
        assert_eq!(normalize_base_path("/a/b/"), "/a/b");
    }
}
