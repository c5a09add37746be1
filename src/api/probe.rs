//! Testing a connection before using it: is there a server at that address, is it the
//! backend the user picked, does the browser let us read it (CORS), and do the credentials
//! work. Each step's answer is classified here, purely, so every diagnosis is tested
//! natively; `probe` only sends the requests.

use serde_json::Value;

use super::http::{self, HttpRequest, HttpResponse, Method};
use super::{ApiError, BackendKind, Credentials};

/// What is wrong with a connection, or that it works. Each names the step that failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Diagnosis {
    Connected { as_customer: bool },
    /// Demo needs no server.
    NothingToTest,
    /// Nothing answered at all: offline, a typo in the host, a server that is down.
    Unreachable { url: String },
    /// A server answered, but without CORS headers for this page's origin.
    CorsBlocked { url: String },
    /// The server answered 404 where the API's root should be.
    WrongUrl { url: String },
    /// Something answered, but not the backend that was picked (HTML, another API).
    NotThisBackend { url: String },
    /// A WordPress site whose REST API is off or hidden (`/wp-json/` is not JSON).
    RestDisabled { url: String },
    /// The WordPress REST API works, but the plugin's namespace is not there.
    PluginMissing { namespace: &'static str },
    NoCredentials,
    BadCredentials,
    /// Signed in, but the user may not use this API (e.g. not staff, not an agent).
    Forbidden,
    /// WSDesk takes new tickets only; there is nothing more to test.
    SubmitOnly,
    Server { status: u16 },
}

impl Diagnosis {
    pub fn is_ok(&self) -> bool {
        matches!(self, Diagnosis::Connected { .. } | Diagnosis::NothingToTest | Diagnosis::SubmitOnly)
    }
}

/// The REST namespace a WordPress plugin registers (seen in `/wp-json/`'s `namespaces`).
pub fn wordpress_namespace(kind: BackendKind) -> Option<&'static str> {
    match kind {
        BackendKind::FluentSupport => Some("fluent-support/v2"),
        BackendKind::AwesomeSupport => Some("wpas-api/v1"),
        BackendKind::SupportCandy => Some("supportcandy/v2"),
        _ => None,
    }
}

/// The address of the API root that answers without credentials.
pub fn root_url(kind: BackendKind, base: &str) -> String {
    let base = base.trim().trim_end_matches('/');
    if kind.is_wordpress() {
        let site = base.strip_suffix("/wp-json").unwrap_or(base);
        format!("{site}/wp-json/")
    } else {
        format!("{base}/")
    }
}

/// The address that needs credentials and says whether they work.
pub fn auth_url(kind: BackendKind, base: &str) -> String {
    let root = root_url(kind, base);
    match kind {
        BackendKind::DjangoHelpdesk => format!("{root}tickets/?page_size=1"),
        BackendKind::RequestTracker => format!("{root}queues/all?per_page=1"),
        _ => format!("{root}wp/v2/users/me"),
    }
}

/// The root's answer: `Ok` when it is the backend that was picked.
pub fn classify_root(kind: BackendKind, url: &str, response: &HttpResponse) -> Result<(), Diagnosis> {
    let json: Option<Value> = serde_json::from_str(&response.text()).ok();
    let url = url.to_owned();
    match kind {
        // DRF's browsable root lists the endpoints when it lets anyone see it; it may also
        // refuse with DRF's `detail`.
        BackendKind::DjangoHelpdesk => match (response.status, &json) {
            (200, Some(v)) if v.get("tickets").is_some() => Ok(()),
            (401 | 403, Some(v)) if v.get("detail").is_some() => Ok(()),
            (404, _) => Err(Diagnosis::WrongUrl { url }),
            (status, _) if status >= 500 => Err(Diagnosis::Server { status }),
            _ => Err(Diagnosis::NotThisBackend { url }),
        },
        // REST2's root always wants credentials and says so in JSON.
        BackendKind::RequestTracker => match (response.status, &json) {
            (401, Some(v)) if v.get("message").is_some() => Ok(()),
            // A browser is sent to RT's web login page instead (any Mozilla User-Agent).
            (200, None) if response.redirected && response.text().contains("NoAuth/Login") => Ok(()),
            (200, Some(v)) if v.is_object() && v.get("tickets").is_none() => Ok(()),
            (404, _) => Err(Diagnosis::WrongUrl { url }),
            (status, _) if status >= 500 => Err(Diagnosis::Server { status }),
            _ => Err(Diagnosis::NotThisBackend { url }),
        },
        _ => match (response.status, &json) {
            (200, Some(v)) if v.get("namespaces").is_some() => {
                let has = |ns: &str| {
                    v["namespaces"].as_array().is_some_and(|all| all.iter().any(|n| n.as_str() == Some(ns)))
                };
                match wordpress_namespace(kind) {
                    Some(ns) if !has(ns) => Err(Diagnosis::PluginMissing { namespace: ns }),
                    _ => Ok(()),
                }
            }
            // A WordPress error object: REST is there but refuses (e.g. a plugin that
            // requires login for the whole API).
            (401 | 403, Some(v)) if v.get("code").is_some() => Ok(()),
            (404, Some(_)) | (200, Some(_)) => Err(Diagnosis::NotThisBackend { url }),
            (404, None) => Err(Diagnosis::RestDisabled { url }),
            (status, _) if status >= 500 => Err(Diagnosis::Server { status }),
            _ => Err(Diagnosis::RestDisabled { url }),
        },
    }
}

/// The authenticated call's answer.
pub fn classify_auth(kind: BackendKind, response: &HttpResponse) -> Diagnosis {
    let detail = serde_json::from_str::<Value>(&response.text())
        .ok()
        .and_then(|v| v.get("detail").and_then(Value::as_str).map(str::to_owned));
    match response.status {
        // RT sends a browser whose credentials fail to its login page.
        200..=299 if response.redirected => Diagnosis::BadCredentials,
        200..=299 => Diagnosis::Connected { as_customer: false },
        401 => Diagnosis::BadCredentials,
        // django-helpdesk says 403 for a bad token too; only `detail` tells them apart.
        403 if kind == BackendKind::DjangoHelpdesk => match detail.as_deref() {
            Some("You do not have permission to perform this action.") => Diagnosis::Forbidden,
            _ => Diagnosis::BadCredentials,
        },
        403 => Diagnosis::Forbidden,
        404 => Diagnosis::NotThisBackend { url: String::new() },
        status => Diagnosis::Server { status },
    }
}

/// A request that never got an answer: tells CORS apart from nothing answering by asking
/// again without CORS (an opaque answer proves a server is there).
async fn unanswered(url: &str) -> Diagnosis {
    if http::answers_without_cors(url).await {
        Diagnosis::CorsBlocked { url: url.to_owned() }
    } else {
        Diagnosis::Unreachable { url: url.to_owned() }
    }
}

async fn get(url: &str, headers: Vec<(&'static str, String)>, with_cookies: bool) -> Result<HttpResponse, ApiError> {
    http::send(&HttpRequest { headers, with_cookies, ..HttpRequest::new(Method::Get, url.to_owned()) }).await
}

/// Runs the steps in order and stops at the first that fails.
pub async fn probe(kind: BackendKind, base: &str, credentials: &Credentials) -> Diagnosis {
    if kind == BackendKind::Demo {
        return Diagnosis::NothingToTest;
    }
    let root = root_url(kind, base);
    match get(&root, vec![], false).await {
        Ok(response) => {
            if let Err(diagnosis) = classify_root(kind, &root, &response) {
                return diagnosis;
            }
        }
        Err(ApiError::Network(_) | ApiError::Timeout) => return unanswered(&root).await,
        Err(_) => return Diagnosis::Unreachable { url: root },
    }
    if kind == BackendKind::Wsdesk {
        return Diagnosis::SubmitOnly;
    }
    if credentials.is_none() {
        return Diagnosis::NoCredentials;
    }
    let url = auth_url(kind, base);
    let answer = match get(&url, credentials.headers(kind), credentials.with_cookies()).await {
        Ok(response) => classify_auth(kind, &response),
        Err(ApiError::Network(_) | ApiError::Timeout) => return unanswered(&url).await,
        Err(_) => return Diagnosis::Unreachable { url },
    };
    // django-helpdesk's customers may not list tickets but have their own listing.
    if kind == BackendKind::DjangoHelpdesk && answer == Diagnosis::Forbidden {
        let own = format!("{root}user_tickets/");
        if let Ok(r) = get(&own, credentials.headers(kind), false).await {
            if r.is_success() {
                return Diagnosis::Connected { as_customer: true };
            }
        }
    }
    answer
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fixture_response(json: &str) -> HttpResponse {
        let exchange: Value = serde_json::from_str(json).unwrap();
        let body = &exchange["response"]["body"];
        let bytes = match body {
            Value::String(s) => s.clone().into_bytes(),
            Value::Null => vec![],
            v => v.to_string().into_bytes(),
        };
        let status = exchange["response"]["status"].as_u64().unwrap() as u16;
        HttpResponse { status, headers: vec![], bytes, redirected: false }
    }

    fn answer(status: u16, body: &str) -> HttpResponse {
        HttpResponse { status, headers: vec![], bytes: body.as_bytes().to_vec(), redirected: false }
    }

    #[test]
    fn urls_per_kind() {
        assert_eq!(root_url(BackendKind::DjangoHelpdesk, " http://h/helpdesk/api/ "), "http://h/helpdesk/api/");
        assert_eq!(auth_url(BackendKind::DjangoHelpdesk, "http://h/helpdesk/api"), "http://h/helpdesk/api/tickets/?page_size=1");
        assert_eq!(auth_url(BackendKind::RequestTracker, "http://h/REST/2.0"), "http://h/REST/2.0/queues/all?per_page=1");
        assert_eq!(root_url(BackendKind::FluentSupport, "https://site.ir"), "https://site.ir/wp-json/");
        assert_eq!(root_url(BackendKind::SupportCandy, "https://site.ir/wp-json/"), "https://site.ir/wp-json/");
        assert_eq!(auth_url(BackendKind::AwesomeSupport, "https://site.ir"), "https://site.ir/wp-json/wp/v2/users/me");
    }

    #[test]
    fn django_roots_and_credentials_from_recorded_answers() {
        let kind = BackendKind::DjangoHelpdesk;
        let root = fixture_response(include_str!("../../tests/fixtures/django-helpdesk/api-root.json"));
        assert_eq!(classify_root(kind, "u", &root), Ok(()));
        let bad_token = fixture_response(include_str!("../../tests/fixtures/django-helpdesk/error-bad-token.json"));
        assert_eq!(classify_auth(kind, &bad_token), Diagnosis::BadCredentials);
        let no_auth = fixture_response(include_str!("../../tests/fixtures/django-helpdesk/error-no-auth.json"));
        assert_eq!(classify_auth(kind, &no_auth), Diagnosis::BadCredentials);
        let customer = fixture_response(include_str!("../../tests/fixtures/django-helpdesk/error-customer-tickets.json"));
        assert_eq!(classify_auth(kind, &customer), Diagnosis::Forbidden);
        let list = fixture_response(include_str!("../../tests/fixtures/django-helpdesk/tickets-list-page1.json"));
        assert_eq!(classify_auth(kind, &list), Diagnosis::Connected { as_customer: false });
        // A plain web page where the API should be.
        assert_eq!(
            classify_root(kind, "u", &answer(200, "<html><body>Welcome</body></html>")),
            Err(Diagnosis::NotThisBackend { url: "u".into() })
        );
        assert_eq!(classify_root(kind, "u", &answer(404, "<h1>Not Found</h1>")), Err(Diagnosis::WrongUrl { url: "u".into() }));
    }

    #[test]
    fn request_tracker_from_recorded_answers() {
        let kind = BackendKind::RequestTracker;
        let root = fixture_response(include_str!("../../tests/fixtures/request-tracker/error-no-auth-root.json"));
        assert_eq!(classify_root(kind, "u", &root), Ok(()));
        let bad = fixture_response(include_str!("../../tests/fixtures/request-tracker/error-bad-token.json"));
        assert_eq!(classify_auth(kind, &bad), Diagnosis::BadCredentials);
        let queues = fixture_response(include_str!("../../tests/fixtures/request-tracker/queues-all.json"));
        assert_eq!(classify_auth(kind, &queues), Diagnosis::Connected { as_customer: false });
        let unknown = fixture_response(include_str!("../../tests/fixtures/request-tracker/error-unknown-route.json"));
        assert_eq!(classify_root(kind, "u", &unknown), Err(Diagnosis::WrongUrl { url: "u".into() }));
        assert_eq!(classify_root(kind, "u", &answer(502, "Bad Gateway")), Err(Diagnosis::Server { status: 502 }));
        // What a browser gets for bad credentials: RT's login page, after a redirect.
        let login = HttpResponse { redirected: true, ..answer(200, "\n<!DOCTYPE html><title>Login</title>") };
        assert_eq!(classify_auth(kind, &login), Diagnosis::BadCredentials);
        // And for the root without credentials (seen live with Chromium): RT's login form.
        let form = r#"<title>Login</title><form id="login" name="login" method="post" action="/NoAuth/Login.html">"#;
        assert_eq!(classify_root(kind, "u", &HttpResponse { redirected: true, ..answer(200, form) }), Ok(()));
        assert_eq!(classify_root(kind, "u", &login), Err(Diagnosis::NotThisBackend { url: "u".into() }));
    }

    #[test]
    fn wordpress_plugin_missing_rest_disabled_and_signed_out() {
        let index = r#"{"name":"سایت","namespaces":["oembed/1.0","wp/v2","wp-site-health/v1","fluent-support/v2"],"routes":{}}"#;
        assert_eq!(classify_root(BackendKind::FluentSupport, "u", &answer(200, index)), Ok(()));
        assert_eq!(
            classify_root(BackendKind::SupportCandy, "u", &answer(200, index)),
            Err(Diagnosis::PluginMissing { namespace: "supportcandy/v2" })
        );
        // WSDesk has no namespace: any WordPress REST root will do.
        assert_eq!(classify_root(BackendKind::Wsdesk, "u", &answer(200, index)), Ok(()));
        assert_eq!(
            classify_root(BackendKind::AwesomeSupport, "u", &answer(404, "<!doctype html><title>Page not found</title>")),
            Err(Diagnosis::RestDisabled { url: "u".into() })
        );
        let wp_error = r#"{"code":"rest_not_logged_in","message":"You are not currently logged in.","data":{"status":401}}"#;
        assert_eq!(classify_root(BackendKind::FluentSupport, "u", &answer(401, wp_error)), Ok(()));
        assert_eq!(classify_auth(BackendKind::FluentSupport, &answer(401, wp_error)), Diagnosis::BadCredentials);
        assert_eq!(
            classify_auth(BackendKind::FluentSupport, &answer(403, r#"{"code":"rest_forbidden"}"#)),
            Diagnosis::Forbidden
        );
        assert!(Diagnosis::SubmitOnly.is_ok() && !Diagnosis::BadCredentials.is_ok());
    }
}
