//! The HTTP transport every server adapter uses: one request shape, a timeout, retries with
//! back-off for idempotent reads only, and failures that never reached a server told apart
//! from the server's own answers (which each adapter turns into an `ApiError`).

use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::ApiError;

/// How long one attempt may take before it counts as a timeout.
const TIMEOUT_MS: i32 = 20_000;
/// Waits before the retries of a failed GET.
const RETRY_DELAYS_MS: [i32; 2] = [400, 1_200];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Method {
    Get,
    Post,
    Put,
    Patch,
    Delete,
}

impl Method {
    fn as_str(self) -> &'static str {
        match self {
            Method::Get => "GET",
            Method::Post => "POST",
            Method::Put => "PUT",
            Method::Patch => "PATCH",
            Method::Delete => "DELETE",
        }
    }
}

#[derive(Clone, Debug, Default)]
pub enum HttpBody {
    #[default]
    Empty,
    Json(Value),
    /// `multipart/form-data`; the browser writes the boundary and encodes non-ASCII file
    /// names as UTF-8.
    Multipart(Vec<FormPart>),
}

#[derive(Clone, Debug)]
pub enum FormPart {
    Text { name: String, value: String },
    File { name: String, file_name: String, mime: String, bytes: Vec<u8> },
}

#[derive(Clone, Debug)]
pub struct HttpRequest {
    pub method: Method,
    pub url: String,
    pub headers: Vec<(&'static str, String)>,
    pub body: HttpBody,
    /// Send the site's cookies (WordPress cookie + nonce auth); off for token auth.
    pub with_cookies: bool,
}

impl HttpRequest {
    pub fn new(method: Method, url: String) -> HttpRequest {
        HttpRequest { method, url, headers: Vec::new(), body: HttpBody::Empty, with_cookies: false }
    }
}

/// A server's answer, whatever its status; adapters decide what a status means.
#[derive(Clone, Debug)]
pub struct HttpResponse {
    pub status: u16,
    /// Header names lower-cased; cross-origin, only the ones the server exposes.
    pub headers: Vec<(String, String)>,
    pub bytes: Vec<u8>,
    /// The browser followed a redirect to get this answer (RT sends a browser whose
    /// credentials fail to its login page instead of answering 401).
    pub redirected: bool,
}

impl HttpResponse {
    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// The body as text; invalid UTF-8 becomes U+FFFD rather than an error.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.bytes).into_owned()
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.iter().find(|(n, _)| n.eq_ignore_ascii_case(name)).map(|(_, v)| v.as_str())
    }
}

/// Percent-encodes every byte outside RFC 3986's unreserved set (UTF-8 included), so Persian
/// search text and PHP's `filters[status]` keys survive.
pub fn encode_component(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// `k=v&…` from unencoded pairs (no leading `?`; empty for none).
pub fn query_string<K: AsRef<str>>(params: &[(K, String)]) -> String {
    let pairs: Vec<String> =
        params.iter().map(|(k, v)| format!("{}={}", encode_component(k.as_ref()), encode_component(v))).collect();
    pairs.join("&")
}

/// `url` with `params` appended as its query (`url` alone for none).
pub fn with_query<K: AsRef<str>>(url: String, params: &[(K, String)]) -> String {
    if params.is_empty() {
        url
    } else {
        format!("{url}?{}", query_string(params))
    }
}

/// Sends `request`; a GET is tried again after a network failure, a timeout or a 5xx.
pub async fn send(request: &HttpRequest) -> Result<HttpResponse, ApiError> {
    let retries: &[i32] = if request.method == Method::Get { &RETRY_DELAYS_MS } else { &[] };
    let mut attempt = 0;
    loop {
        let result = send_once(request).await;
        let transient = match &result {
            Ok(r) => r.status >= 500,
            Err(e) => matches!(e, ApiError::Network(_) | ApiError::Timeout),
        };
        match retries.get(attempt) {
            Some(&delay) if transient => {
                sleep(delay).await;
                attempt += 1;
            }
            _ => return result,
        }
    }
}

async fn send_once(request: &HttpRequest) -> Result<HttpResponse, ApiError> {
    let controller = web_sys::AbortController::new().map_err(|_| ApiError::Network("no AbortController".into()))?;
    let signal = controller.signal();
    let abort = Closure::once(move || controller.abort());
    let window = web_sys::window().ok_or_else(|| ApiError::Network("no window".into()))?;
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(abort.as_ref().unchecked_ref(), TIMEOUT_MS)
        .unwrap_or(0);
    let mut builder = gloo_net::http::RequestBuilder::new(&request.url)
        .method(match request.method {
            Method::Get => gloo_net::http::Method::GET,
            Method::Post => gloo_net::http::Method::POST,
            Method::Put => gloo_net::http::Method::PUT,
            Method::Patch => gloo_net::http::Method::PATCH,
            Method::Delete => gloo_net::http::Method::DELETE,
        })
        .abort_signal(Some(&signal))
        // Never the browser's cache: lists must be fresh, and a revalidation (If-Modified-Since)
        // makes RT 5.0.3 die with a 500.
        .cache(web_sys::RequestCache::NoStore)
        .header("Accept", "application/json");
    for (name, value) in &request.headers {
        builder = builder.header(name, value);
    }
    if request.with_cookies {
        builder = builder.credentials(web_sys::RequestCredentials::Include);
    }
    let built = match &request.body {
        HttpBody::Empty => builder.build(),
        HttpBody::Json(body) => builder.json(body),
        HttpBody::Multipart(parts) => builder.body(form_data(parts)?),
    }
    .map_err(|e| ApiError::Network(format!("{} {}: {e}", request.method.as_str(), request.url)))?;
    let outcome = built.send().await;
    window.clear_timeout_with_handle(timer);
    let response = match outcome {
        Ok(r) => r,
        Err(_) if signal.aborted() => return Err(ApiError::Timeout),
        // The browser says no more than "Failed to fetch" for offline, DNS, refused and CORS.
        Err(e) => {
            return Err(ApiError::Network(format!(
                "{} {} did not answer (offline, wrong address, or blocked by CORS): {e}",
                request.method.as_str(),
                request.url
            )))
        }
    };
    let status = response.status();
    let redirected = response.redirected();
    let headers = response.headers().entries().map(|(n, v)| (n.to_ascii_lowercase(), v)).collect();
    let bytes = response.binary().await.map_err(|e| ApiError::Network(format!("reading the answer: {e}")))?;
    Ok(HttpResponse { status, headers, bytes, redirected })
}

fn form_data(parts: &[FormPart]) -> Result<web_sys::FormData, ApiError> {
    let failed = |_| ApiError::Network("the browser could not build the upload".into());
    let form = web_sys::FormData::new().map_err(failed)?;
    for part in parts {
        match part {
            FormPart::Text { name, value } => form.append_with_str(name, value).map_err(failed)?,
            FormPart::File { name, file_name, mime, bytes } => {
                let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes.as_slice()));
                let options = web_sys::BlobPropertyBag::new();
                options.set_type(mime);
                let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options).map_err(failed)?;
                form.append_with_blob_and_filename(name, &blob, file_name).map_err(failed)?;
            }
        }
    }
    Ok(form)
}
/// Whether anything answers at `url` when CORS is not asked for. The answer is opaque (no
/// status, no body), so this only tells "blocked by CORS" apart from "nothing there".
pub async fn answers_without_cors(url: &str) -> bool {
    let request = gloo_net::http::RequestBuilder::new(url).mode(web_sys::RequestMode::NoCors).build();
    match request {
        Ok(r) => r.send().await.is_ok(),
        Err(_) => false,
    }
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_encode_persian_brackets_and_separators() {
        let params = [("filters[status_type]", "closed".to_owned()), ("search", "صورت حساب&x=1".to_owned())];
        assert_eq!(
            query_string(&params),
            "filters%5Bstatus_type%5D=closed&search=%D8%B5%D9%88%D8%B1%D8%AA%20%D8%AD%D8%B3%D8%A7%D8%A8%26x%3D1"
        );
        assert_eq!(encode_component("a b&c=d/é~"), "a%20b%26c%3Dd%2F%C3%A9~");
        let none: [(&str, String); 0] = [];
        assert_eq!(with_query("http://h/x".into(), &none), "http://h/x");
        assert_eq!(with_query("http://h/x".into(), &[("page".to_owned(), "2".to_owned())]), "http://h/x?page=2");
    }
}
