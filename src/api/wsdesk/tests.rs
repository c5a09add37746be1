//! The submit-only adapter on exchanges recorded from a real WSDesk 1.7.0, plus robustness.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use chrono::{DateTime, Utc};
use serde_json::{json, Value};

use super::client::WsDeskBackend;
use super::dto::AnswerDto;
use super::mapping::*;
use crate::api::http::FormPart;
use crate::api::json::fuzz::{mutate, prefix, Rng};
use crate::api::{ApiError, FieldError};
use crate::domain::{NewAttachment, NewMessage, NewTicket, StatusKind, TicketQuery, TicketUpdate};

macro_rules! fixture {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../tests/fixtures/wsdesk/", $name, ".json")))
    };
}

const ALL: [(&str, &str); 21] = [
    fixture!("api-disabled"),
    fixture!("api-switched-off"),
    fixture!("bad-api-key"),
    fixture!("before-setup-wizard"),
    fixture!("cors-other-origin"),
    fixture!("cors-site-host"),
    fixture!("cors-site-origin"),
    fixture!("create-bad-email"),
    fixture!("create-empty-captcha"),
    fixture!("create-html-and-slashes"),
    fixture!("create-missing-description"),
    fixture!("create-missing-email"),
    fixture!("create-missing-title"),
    fixture!("create-only-key"),
    fixture!("create-persian"),
    fixture!("create-urlencoded"),
    fixture!("create-with-file"),
    fixture!("create-with-file-not-array"),
    fixture!("create-with-two-files"),
    fixture!("missing-api-key"),
    fixture!("unknown-action"),
];

struct Exchange {
    request: Value,
    status: u16,
    headers: Value,
    body: String,
}

fn exchange((name, raw): (&str, &str)) -> Exchange {
    let v: Value = serde_json::from_str(raw).unwrap_or_else(|e| panic!("{name}: {e}"));
    let response = &v["response"];
    let body = match &response["body"] {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        other => serde_json::to_string(other).unwrap(),
    };
    Exchange {
        request: v["request"]["body"].clone(),
        status: response["status"].as_u64().unwrap() as u16,
        headers: response["headers"].clone(),
        body,
    }
}

/// Our form parts in the recorder's description of a multipart body, the key shown as the
/// fixtures show it.
fn described(parts: &[FormPart]) -> Value {
    let items: Vec<Value> = parts
        .iter()
        .map(|p| match p {
            FormPart::Text { name, value } if name == "api_key" => json!({"name": name, "value": "<redacted>"}),
            FormPart::Text { name, value } => json!({"name": name, "value": value}),
            FormPart::File { name, file_name, mime, bytes } => {
                json!({"name": name, "filename": file_name, "content_type": mime, "size": bytes.len()})
            }
        })
        .collect();
    json!({ "multipart": items })
}

/// The NewTicket behind a recorded form, with files of the recorded sizes.
fn new_ticket(request: &Value) -> NewTicket {
    let parts = request["multipart"].as_array().unwrap();
    let value = |n: &str| {
        parts.iter().find(|p| p["name"] == n).and_then(|p| p["value"].as_str()).unwrap_or_default().to_owned()
    };
    NewTicket {
        customer_name: "مریم کاظمی".into(),
        customer_email: value("request_email"),
        subject: value("request_title"),
        body: value("request_description"),
        department: None,
        priority: None,
        attachments: parts
            .iter()
            .filter(|p| p.get("filename").is_some())
            .map(|p| NewAttachment {
                name: p["filename"].as_str().unwrap().into(),
                mime: p["content_type"].as_str().unwrap().into(),
                bytes: vec![b'%'; p["size"].as_u64().unwrap() as usize],
            })
            .collect(),
    }
}

const KEY: &str = "test-key-0123456789abcdef01234567";

fn fe(field: &str, message: &str) -> FieldError {
    FieldError { field: field.into(), message: message.into() }
}

#[test]
fn forms_match_the_requests_that_worked() {
    for f in [fixture!("create-persian"), fixture!("create-with-file"), fixture!("create-with-two-files")] {
        let e = exchange(f);
        assert_eq!(answer_for(e.status, &e.body), Ok(()), "{}", f.0);
        let parts = create_form(&new_ticket(&e.request), KEY).unwrap();
        assert_eq!(described(&parts), e.request, "{}", f.0);
    }
    // Persian text goes byte for byte; the server turns the newline into <br/> itself.
    let e = exchange(fixture!("create-persian"));
    let parts = create_form(&new_ticket(&e.request), KEY).unwrap();
    let FormPart::Text { value, .. } = &parts[3] else { panic!() };
    assert!(value.contains('\u{200c}'));
    let FormPart::Text { name, value } = &parts[1] else { panic!() };
    assert_eq!((name.as_str(), value.as_str()), ("api_key", KEY));
}

#[test]
fn files_go_as_an_array_field() {
    // A plain `file` field was accepted and dropped (the handler iterates `file[]`'s arrays).
    let e = exchange(fixture!("create-with-file-not-array"));
    assert_eq!(answer_for(e.status, &e.body), Ok(()));
    assert_eq!(e.request["multipart"][5]["name"], json!("file"));
    let parts = create_form(&new_ticket(&e.request), KEY).unwrap();
    let files: Vec<&str> = parts
        .iter()
        .filter_map(|p| match p {
            FormPart::File { name, .. } => Some(name.as_str()),
            FormPart::Text { .. } => None,
        })
        .collect();
    assert_eq!(files, vec!["file[]"]);
}

#[test]
fn descriptions_are_escaped_because_the_server_stores_html_as_sent() {
    let e = exchange(fixture!("create-html-and-slashes"));
    assert_eq!(answer_for(e.status, &e.body), Ok(()));
    let sent = new_ticket(&e.request);
    assert!(sent.body.contains("<script>"));
    let parts = create_form(&sent, KEY).unwrap();
    let FormPart::Text { value, .. } = &parts[4] else { panic!() };
    assert_eq!(value, "&lt;script&gt;alert(1)&lt;/script&gt;\n\\n سطر دوم");
    let FormPart::Text { value, .. } = &parts[3] else { panic!() };
    assert_eq!(value, &sent.subject, "titles go as typed");
    assert_eq!(escape_text("a & b\r\nc"), "a &amp; b\nc");
}

#[test]
fn what_the_server_accepts_blindly_is_refused_here() {
    // Each of these answered "success"; the first stored nothing at all.
    for f in [
        fixture!("create-missing-email"),
        fixture!("create-only-key"),
        fixture!("create-missing-title"),
        fixture!("create-missing-description"),
        fixture!("create-bad-email"),
    ] {
        let e = exchange(f);
        assert_eq!(answer_for(e.status, &e.body), Ok(()), "{}", f.0);
        assert!(matches!(create_form(&new_ticket(&e.request), KEY), Err(ApiError::Validation(_))), "{}", f.0);
    }
    assert_eq!(
        create_form(&NewTicket::default(), KEY).err(),
        Some(ApiError::Validation(vec![
            fe("customer_email", "required"),
            fe("subject", "required"),
            fe("body", "required")
        ]))
    );
    let bad = NewTicket {
        customer_email: "not-an-email".into(),
        subject: "س".into(),
        body: "م".into(),
        ..NewTicket::default()
    };
    assert_eq!(create_form(&bad, KEY).err(), Some(ApiError::validation("customer_email", "invalid_email")));
    let big = NewTicket {
        customer_email: "a@b.ir".into(),
        attachments: vec![NewAttachment {
            name: "بزرگ.pdf".into(),
            mime: "application/pdf".into(),
            bytes: vec![0; 2 * 1024 * 1024 + 1],
        }],
        ..bad.clone()
    };
    assert_eq!(create_form(&big, KEY).err(), Some(ApiError::validation("attachments", "too_large")));
    let routed = NewTicket { customer_email: "a@b.ir".into(), department: Some("1".into()), ..bad };
    assert!(matches!(create_form(&routed, KEY), Err(ApiError::Unsupported(_))));
}

#[test]
fn every_recorded_answer_maps() {
    let switched_off =
        |r: Result<(), ApiError>| matches!(r, Err(ApiError::Unsupported(m)) if m.contains("switched off"));
    let e = |f| {
        let e = exchange(f);
        answer_for(e.status, &e.body)
    };
    assert!(switched_off(e(fixture!("api-disabled"))));
    assert!(switched_off(e(fixture!("api-switched-off"))));
    assert_eq!(e(fixture!("bad-api-key")), Err(ApiError::Forbidden));
    assert_eq!(e(fixture!("missing-api-key")), Err(ApiError::Forbidden));
    assert_eq!(e(fixture!("create-empty-captcha")), Err(ApiError::validation("captcha", "captcha_failed")));
    assert!(matches!(e(fixture!("unknown-action")), Err(ApiError::Unsupported(m)) if m.contains("not active")));
    // The wizard's redirect carries "API not enabled" too, but the redirect is what to fix.
    let wizard = exchange(fixture!("before-setup-wizard"));
    assert_eq!(wizard.status, 302);
    assert!(wizard.headers["location"].as_str().unwrap().ends_with("page=wsdesk-setup"));
    assert!(
        matches!(answer_for(302, &wizard.body), Err(ApiError::UnexpectedPayload { detail, .. }) if detail.contains("setup wizard"))
    );
    // A browser follows that redirect to a login page: a page, not an answer.
    let page = "<!DOCTYPE html>\n<html><body class=\"login\">…</body></html>";
    assert!(
        matches!(answer_for(200, page), Err(ApiError::UnexpectedPayload { detail, .. }) if detail.contains("setup wizard"))
    );
    // Every answer is text/html, JSON inside.
    for f in ALL {
        let x = exchange(f);
        assert_eq!(x.headers["content-type"], json!("text/html; charset=UTF-8"), "{}", f.0);
        if x.status == 200 && x.body != "captcha_failed" {
            let a: AnswerDto = crate::api::json::decode(&x.body).unwrap_or_else(|err| panic!("{}: {err}", f.0));
            assert!(a.status == "success" || a.status == "error", "{}", f.0);
        }
    }
}

#[test]
fn other_answers_still_say_something() {
    assert_eq!(
        answer_for(200, r#"{"status":"error","message":"Something else"}"#),
        Err(ApiError::Server { status: 200, message: "Something else".into() })
    );
    assert_eq!(
        answer_for(200, r#"{"status":"error"}"#),
        Err(ApiError::Server { status: 200, message: "HTTP 200".into() })
    );
    assert_eq!(answer_for(502, ""), Err(ApiError::Server { status: 502, message: "HTTP 502".into() }));
    assert_eq!(answer_for(500, "Fatal error"), Err(ApiError::Server { status: 500, message: "Fatal error".into() }));
    assert!(matches!(answer_for(200, ""), Err(ApiError::UnexpectedPayload { .. })));
    assert!(
        matches!(answer_for(200, r#"{"message":"x"}"#), Err(ApiError::UnexpectedPayload { path, .. }) if path == ".")
    );
    // "success" with a failing status is no success.
    assert!(answer_for(500, r#"{"status":"success","message":""}"#).is_err());
}

#[test]
fn cross_origin_pages_cannot_read_the_answer() {
    let other = exchange(fixture!("cors-other-origin"));
    assert_eq!(answer_for(other.status, &other.body), Ok(()), "stored, but a browser would not see this");
    assert!(other.headers.get("access-control-allow-origin").is_none());
    // Core compares origins without the port: the site's own origin with a port gets nothing…
    assert!(exchange(fixture!("cors-site-origin")).headers.get("access-control-allow-origin").is_none());
    // …its bare host is echoed.
    let host = exchange(fixture!("cors-site-host"));
    assert_eq!(host.headers["access-control-allow-origin"], json!("http://127.0.0.1"));
    assert_eq!(host.headers["access-control-allow-credentials"], json!("true"));
}

#[test]
fn the_api_key_never_reaches_a_fixture() {
    let mut seen = 0;
    for (name, raw) in ALL {
        let v: Value = serde_json::from_str(raw).unwrap();
        let parts = v["request"]["body"]["multipart"].as_array().cloned().unwrap_or_default();
        let form = v["request"]["body"]["form"].clone();
        for key in parts.iter().filter(|p| p["name"] == "api_key").map(|p| &p["value"]).chain(form.get("api_key")) {
            seen += 1;
            // The one key left readable is the recorder's deliberately wrong one.
            let wrong = name == "bad-api-key" && key.as_str().is_some_and(|k| k.chars().all(|c| c == '0'));
            assert!(key == &json!("<redacted>") || wrong, "{name}: {key}");
        }
    }
    assert_eq!(seen, ALL.len() - 1, "every exchange but missing-api-key sends a key");
}

#[test]
fn a_submitted_ticket_is_what_was_sent() {
    let e = exchange(fixture!("create-persian"));
    let new = new_ticket(&e.request);
    let now: DateTime<Utc> = "2026-12-03T17:10:00Z".parse().unwrap();
    let t = submitted_ticket(&NewTicket { customer_email: format!(" {} ", new.customer_email), ..new.clone() }, now);
    assert_eq!((t.id, t.number.as_str()), (0, ""), "WSDesk names no ticket");
    assert_eq!(t.subject.as_bytes(), new.subject.as_bytes());
    assert_eq!((t.status.kind, t.status.key.as_str()), (StatusKind::New, ""));
    assert_eq!(t.customer.email.as_deref(), Some("maryam@example.test"));
    assert_eq!(t.customer.name, "مریم کاظمی");
    assert_eq!((t.created_at, t.last_customer_reply_at, t.reply_count), (now, Some(now), 0));
}

#[test]
fn urls_and_capabilities() {
    let want = "https://example.ir/wp-admin/admin-ajax.php";
    for site in
        ["https://example.ir", "https://example.ir/", "https://example.ir/wp-json", "https://example.ir/wp-json/"]
    {
        assert_eq!(ajax_url(site), want, "{site}");
    }
    assert_eq!(ajax_url("https://example.ir/blog"), "https://example.ir/blog/wp-admin/admin-ajax.php");
    let c = capabilities();
    assert!(c.create_ticket && c.attachments && c.max_attachment_bytes == 2 * 1024 * 1024);
    let others =
        c.rows().into_iter().filter(|(what, v)| *what != "create tickets" && *what != "attachments" && v != "—");
    assert_eq!(others.count(), 0, "everything else is off");
}

/// Runs a future that must finish without waiting (every call but create makes no request).
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = pin!(future);
    match future.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(v) => v,
        Poll::Pending => panic!("the call waited for something"),
    }
}

#[test]
fn every_other_call_names_the_limitation() {
    let backend = WsDeskBackend { site: "http://127.0.0.1:18203".into(), api_key: KEY.into() };
    let limited = |e: ApiError| match e {
        ApiError::Unsupported(m) => assert!(m.contains("WSDesk has no API for it"), "{m}"),
        other => panic!("{other:?}"),
    };
    limited(ready(backend.list_tickets(&TicketQuery::default())).unwrap_err());
    limited(ready(backend.ticket(1)).unwrap_err());
    limited(ready(backend.reply(1, NewMessage::default())).unwrap_err());
    limited(ready(backend.add_note(1, NewMessage::default())).unwrap_err());
    limited(ready(backend.update_ticket(1, TicketUpdate::default())).unwrap_err());
    let attachment = crate::domain::Attachment {
        id: "1".into(),
        name: "گزارش.pdf".into(),
        mime: "application/pdf".into(),
        size: 0,
        url: String::new(),
    };
    limited(ready(backend.attachment(&attachment)).unwrap_err());
    assert_eq!(ready(backend.vocabulary()), Ok(Default::default()));
    // A bad form fails before any request is made.
    assert!(matches!(ready(backend.create_ticket(NewTicket::default())), Err(ApiError::Validation(_))));
    assert_eq!(backend.capabilities(), capabilities());
}

#[test]
fn debug_output_never_shows_the_key() {
    let backend = WsDeskBackend { site: "https://example.ir".into(), api_key: KEY.into() };
    let text = format!("{backend:?}");
    assert!(!text.contains(KEY) && text.contains("<redacted>") && text.contains("example.ir"), "{text}");
}

const PALETTE: [&str; 14] =
    ["\"", "{", "}", ":", ",", "null", "0", "\"success\"", "\"error\"", "\\u12", "<", "\u{200c}", "\u{0}", "[[[["];

#[test]
fn answers_survive_truncated_and_mutated_bodies() {
    let mut rng = Rng(0x57D5_E5C0_FFEE_1234);
    let mut variants = 0;
    for f in ALL {
        let e = exchange(f);
        for at in 0..=e.body.len() {
            check(e.status, prefix(&e.body, at));
            variants += 1;
        }
        for _ in 0..200 {
            check(e.status, &mutate(&mut rng, &e.body, &PALETTE));
            variants += 1;
        }
    }
    assert!(variants > 4_000, "{variants}");
    check(200, &"[".repeat(100_000));
    check(200, &format!("{{\"status\":\"error\",\"message\":\"{}\"}}", "خطا".repeat(10_000)));
}

/// An answer is Ok only when it says success; any error that is a decode failure has a path.
fn check(status: u16, body: &str) {
    match answer_for(status, body) {
        Ok(()) => assert!(body.contains("success"), "{body}"),
        Err(ApiError::UnexpectedPayload { path, .. }) => assert!(!path.is_empty()),
        Err(ApiError::Server { message, .. }) => assert!(message.chars().count() <= 201),
        Err(_) => {}
    }
}
