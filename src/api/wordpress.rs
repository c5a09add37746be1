//! What every WordPress helpdesk plugin shares: the REST root, the two ways to sign in,
//! core's error body, query strings, site-local times (`current_time('mysql')`) and `$wpdb`'s
//! numbers-as-strings. Pure Rust (no HTTP), so each plugin adapter builds on it and tests it
//! natively.
//!
//! Core facts this relies on (Debian WordPress 6.1): Application Passwords go as Basic auth
//! and work cross-origin; a same-site page uses the login cookie plus `X-WP-Nonce`; errors
//! are `{"code", "message", "data": {"status"}}`; lists may carry `X-WP-Total` and
//! `X-WP-TotalPages` (exposed to browser code by core's CORS).

use chrono::{DateTime, Duration, FixedOffset, Utc};
use serde_json::Value;

use super::json::shorten;
use super::{ApiError, FieldError};
use crate::calendar::parse_iso_datetime;
use crate::domain::base64;

/// How the signed-in user proves who they are to WordPress.
#[derive(Clone, PartialEq, Eq)]
pub enum WpAuth {
    /// Nothing: guests (the server answers 401 or, for some plugins, an empty list).
    Anonymous,
    /// An Application Password as Basic auth (works cross-origin).
    ApplicationPassword { user: String, password: String },
    /// The login cookie plus the REST nonce the embedding page rendered (same site only).
    CookieNonce { nonce: String },
}

/// Without the secrets: credentials never reach logs.
impl std::fmt::Debug for WpAuth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WpAuth::Anonymous => write!(f, "Anonymous"),
            WpAuth::ApplicationPassword { user, .. } => write!(f, "ApplicationPassword({user}, <redacted>)"),
            WpAuth::CookieNonce { .. } => write!(f, "CookieNonce(<redacted>)"),
        }
    }
}

impl WpAuth {
    pub fn headers(&self) -> Vec<(&'static str, String)> {
        match self {
            WpAuth::Anonymous => vec![],
            WpAuth::ApplicationPassword { user, password } => {
                // WordPress shows application passwords in groups of four; the spaces are optional.
                let password: String = password.chars().filter(|c| !c.is_whitespace()).collect();
                vec![("Authorization", format!("Basic {}", base64::encode(format!("{user}:{password}").as_bytes())))]
            }
            WpAuth::CookieNonce { nonce } => vec![("X-WP-Nonce", nonce.clone())],
        }
    }

    /// Whether requests must carry the site's cookies.
    pub fn with_cookies(&self) -> bool {
        matches!(self, WpAuth::CookieNonce { .. })
    }
}

/// `https://example.ir` or `https://example.ir/wp-json` → `https://example.ir/wp-json/<namespace>`.
pub fn rest_url(site: &str, namespace: &str, path: &str) -> String {
    let site = site.trim_end_matches('/');
    let root = if site.ends_with("/wp-json") { site.to_owned() } else { format!("{site}/wp-json") };
    format!("{root}/{}/{}", namespace.trim_matches('/'), path.trim_start_matches('/'))
}

/// Core's REST error codes that mean "sign in again" whatever their status says.
const SIGNED_OUT_CODES: [&str; 4] =
    ["rest_cookie_invalid_nonce", "rest_not_logged_in", "incorrect_password", "invalid_username"];

/// A non-2xx answer in core's shape as an `ApiError`. Plugins with their own error shapes
/// try theirs first and fall back to this.
pub fn rest_error(status: u16, body: &str) -> ApiError {
    let json: Option<Value> = serde_json::from_str(body).ok();
    let code = json.as_ref().and_then(|v| v.get("code")).and_then(Value::as_str).unwrap_or_default();
    let message = json.as_ref().and_then(|v| v.get("message")).and_then(Value::as_str);
    if SIGNED_OUT_CODES.contains(&code) {
        return ApiError::Unauthorized;
    }
    match status {
        401 => ApiError::Unauthorized,
        403 => ApiError::Forbidden,
        404 => ApiError::NotFound,
        400 if code == "rest_invalid_param" || code == "rest_missing_callback_param" => {
            let params = json.as_ref().and_then(|v| v.pointer("/data/params"));
            ApiError::Validation(param_errors(params, message))
        }
        _ => ApiError::Server {
            status,
            message: match message {
                Some(m) if !m.trim().is_empty() => shorten(m),
                // PHP fatals print HTML; a bare JSON string is a message too.
                _ => match &json {
                    Some(Value::String(s)) => shorten(s),
                    _ => format!("HTTP {status}"),
                },
            },
        },
    }
}

/// `data.params` is `{field: message}` for invalid values and `[field]` for missing ones.
fn param_errors(params: Option<&Value>, message: Option<&str>) -> Vec<FieldError> {
    let fallback = message.map(shorten).unwrap_or_else(|| "invalid".into());
    match params {
        Some(Value::Object(map)) => map
            .iter()
            .map(|(field, m)| FieldError {
                field: field.clone(),
                message: m.as_str().map(shorten).unwrap_or_else(|| fallback.clone()),
            })
            .collect(),
        Some(Value::Array(fields)) => fields
            .iter()
            .filter_map(Value::as_str)
            .map(|field| FieldError { field: field.into(), message: "required".into() })
            .collect(),
        _ => vec![FieldError { field: String::new(), message: fallback }],
    }
}

/// `X-WP-Total` as a number; `None` when absent or not a number.
pub fn total_header(value: Option<&str>) -> Option<u64> {
    value.and_then(|v| v.trim().parse().ok())
}

/// A time the way `current_time('mysql')` writes it — the site's wall clock with no offset
/// (`2026-12-03 20:16:29`) — in UTC, given the site's offset. A text that names its own zone
/// (`Z`, `+03:30`) is taken at its word. `None` for anything unparsable, including MySQL's
/// zero date.
pub fn site_local_time(text: &str, site_offset: FixedOffset) -> Option<DateTime<Utc>> {
    let text = text.trim();
    let parsed = parse_iso_datetime(text)?;
    let zoned = text.get(16..).is_some_and(|rest| rest.contains(['Z', 'z', '+', '-']));
    Some(if zoned { parsed } else { parsed - Duration::seconds(site_offset.local_minus_utc().into()) })
}

/// Serde helpers for what `$wpdb` returns: every column as a string (`"customer_id":"3"`),
/// while freshly created rows and primary keys come as integers.
pub mod lenient {
    use serde::{Deserialize, Deserializer};
    use serde_json::Value;

    fn number(value: &Value) -> Option<u64> {
        match value {
            Value::Number(n) => n.as_u64(),
            Value::String(s) => s.trim().parse().ok(),
            _ => None,
        }
    }

    /// A required id or count: `3` or `"3"`.
    pub fn u64<'de, D: Deserializer<'de>>(d: D) -> Result<u64, D::Error> {
        let value = Value::deserialize(d)?;
        number(&value).ok_or_else(|| serde::de::Error::custom(format!("expected a number, got {value}")))
    }

    /// An optional id or count: `null`, `""` and a missing field (with `#[serde(default)]`) are
    /// `None`; anything else must be a number or a numeric string.
    pub fn opt_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
        match Value::deserialize(d)? {
            Value::Null => Ok(None),
            Value::String(s) if s.trim().is_empty() => Ok(None),
            value => number(&value)
                .map(Some)
                .ok_or_else(|| serde::de::Error::custom(format!("expected a number, got {value}"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn application_password_is_basic_auth_without_the_display_spaces() {
        let auth = WpAuth::ApplicationPassword { user: "agent".into(), password: "abcd EFGH 1234".into() };
        assert_eq!(auth.headers(), vec![("Authorization", format!("Basic {}", base64::encode(b"agent:abcdEFGH1234")))]);
        assert!(!auth.with_cookies());
        let nonce = WpAuth::CookieNonce { nonce: "a1b2c3".into() };
        assert_eq!(nonce.headers(), vec![("X-WP-Nonce", "a1b2c3".to_owned())]);
        assert!(nonce.with_cookies());
        assert!(WpAuth::Anonymous.headers().is_empty());
    }

    #[test]
    fn debug_output_hides_secrets() {
        let auth = WpAuth::ApplicationPassword { user: "agent".into(), password: "abcd EFGH".into() };
        let text = format!("{auth:?} {:?}", WpAuth::CookieNonce { nonce: "a1b2c3".into() });
        assert!(!text.contains("abcd") && !text.contains("a1b2c3"), "{text}");
        assert!(text.contains("agent"), "{text}");
    }

    #[test]
    fn rest_urls_accept_the_site_or_its_rest_root() {
        let want = "https://example.ir/wp-json/fluent-support/v2/tickets";
        assert_eq!(rest_url("https://example.ir", "fluent-support/v2", "tickets"), want);
        assert_eq!(rest_url("https://example.ir/", "/fluent-support/v2/", "/tickets"), want);
        assert_eq!(rest_url("https://example.ir/wp-json/", "fluent-support/v2", "tickets"), want);
    }

    #[test]
    fn core_errors_map_to_api_errors() {
        let body = |code: &str, status: u16| {
            format!(r#"{{"code":"{code}","message":"Sorry, you are not allowed to do that.","data":{{"status":{status}}}}}"#)
        };
        assert_eq!(rest_error(401, &body("rest_forbidden", 401)), ApiError::Unauthorized);
        assert_eq!(rest_error(403, &body("rest_forbidden", 403)), ApiError::Forbidden);
        // An expired nonce is a 403 but means "sign in again".
        assert_eq!(rest_error(403, &body("rest_cookie_invalid_nonce", 403)), ApiError::Unauthorized);
        assert_eq!(rest_error(401, &body("incorrect_password", 401)), ApiError::Unauthorized);
        assert_eq!(rest_error(404, &body("rest_no_route", 404)), ApiError::NotFound);
        let invalid = r#"{"code":"rest_invalid_param","message":"Invalid parameter(s): per_page","data":{"status":400,"params":{"per_page":"per_page must be between 1 (inclusive) and 100 (inclusive)"}}}"#;
        assert_eq!(
            rest_error(400, invalid),
            ApiError::validation("per_page", "per_page must be between 1 (inclusive) and 100 (inclusive)")
        );
        let missing = r#"{"code":"rest_missing_callback_param","message":"Missing parameter(s): title","data":{"status":400,"params":["title"]}}"#;
        assert_eq!(rest_error(400, missing), ApiError::validation("title", "required"));
    }

    #[test]
    fn non_json_and_odd_bodies_still_say_something() {
        assert_eq!(
            rest_error(500, "<p>There has been a critical error on this website.</p>"),
            ApiError::Server { status: 500, message: "HTTP 500".into() }
        );
        assert_eq!(rest_error(500, r#""Customer not found""#), ApiError::Server { status: 500, message: "Customer not found".into() });
        assert_eq!(rest_error(502, ""), ApiError::Server { status: 502, message: "HTTP 502".into() });
        assert_eq!(total_header(Some(" 42 ")), Some(42));
        assert_eq!(total_header(Some("many")), None);
        assert_eq!(total_header(None), None);
    }

    #[test]
    fn site_local_times_move_by_the_site_offset() {
        let tehran = FixedOffset::east_opt(3 * 3600 + 1800).unwrap();
        let utc: DateTime<Utc> = "2026-12-03T16:46:29Z".parse().unwrap();
        assert_eq!(site_local_time("2026-12-03 20:16:29", tehran), Some(utc));
        // across midnight and the year
        let new_year: DateTime<Utc> = "2026-12-31T21:00:00Z".parse().unwrap();
        assert_eq!(site_local_time("2027-01-01 00:30:00", tehran), Some(new_year));
        // a text with its own zone is not moved again
        assert_eq!(site_local_time("2026-12-03T16:46:29+00:00", tehran), Some(utc));
        assert_eq!(site_local_time("2026-12-03T20:16:29+03:30", tehran), Some(utc));
        assert_eq!(site_local_time("2026-12-03 16:46Z", tehran), Some("2026-12-03T16:46:00Z".parse().unwrap()));
        let west = FixedOffset::west_opt(5 * 3600).unwrap();
        assert_eq!(site_local_time("2026-12-03 11:46:29", west), Some(utc));
        for bad in ["0000-00-00 00:00:00", "", "yesterday", "2026-12-03"] {
            assert_eq!(site_local_time(bad, tehran), None, "{bad}");
        }
    }

    #[test]
    fn lenient_numbers_take_strings_and_integers() {
        #[derive(serde::Deserialize, Debug)]
        struct Row {
            #[serde(deserialize_with = "lenient::u64")]
            id: u64,
            #[serde(default, deserialize_with = "lenient::opt_u64")]
            agent_id: Option<u64>,
        }
        let row = |json: &str| serde_json::from_str::<Row>(json).map(|r| (r.id, r.agent_id));
        assert_eq!(row(r#"{"id": "7", "agent_id": "2"}"#).unwrap(), (7, Some(2)));
        assert_eq!(row(r#"{"id": 7, "agent_id": 2}"#).unwrap(), (7, Some(2)));
        assert_eq!(row(r#"{"id": " 7 ", "agent_id": null}"#).unwrap(), (7, None));
        assert_eq!(row(r#"{"id": 7, "agent_id": ""}"#).unwrap(), (7, None));
        assert_eq!(row(r#"{"id": 7}"#).unwrap(), (7, None));
        for bad in [r#"{"id": "seven"}"#, r#"{"id": -1}"#, r#"{"id": null}"#, r#"{"id": 1, "agent_id": true}"#] {
            assert!(row(bad).is_err(), "{bad}");
        }
    }
}
