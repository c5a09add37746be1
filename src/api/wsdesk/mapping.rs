//! WSDesk: a new ticket → the form `wsdesk_api_create_ticket` takes, its answer → `Ok` or
//! `ApiError`, and what the adapter can truthfully say it does. Pure functions.

use chrono::{DateTime, Utc};

use super::dto::AnswerDto;
use crate::api::http::FormPart;
use crate::api::json::{decode, shorten};
use crate::api::{ApiError, Capabilities, FieldError};
use crate::domain::person::is_plausible_email;
use crate::domain::{NewTicket, Person, Priority, PriorityLevel, Status, StatusKind, Ticket};

pub const ACTION: &str = "wsdesk_api_create_ticket";

/// What PHP lets through by default (`upload_max_filesize = 2M`); WSDesk sets no limit of its own.
pub const MAX_ATTACHMENT_BYTES: u64 = 2 * 1024 * 1024;

/// `https://example.ir`, `…/` or the REST root `…/wp-json` → `https://example.ir/wp-admin/admin-ajax.php`.
pub fn ajax_url(site: &str) -> String {
    let site = site.trim_end_matches('/');
    let site = site.strip_suffix("/wp-json").unwrap_or(site);
    format!("{site}/wp-admin/admin-ajax.php")
}

/// The one thing WSDesk can do through its API.
pub fn capabilities() -> Capabilities {
    Capabilities {
        list_tickets: false,
        threads: false,
        create_ticket: true,
        reply: false,
        internal_notes: false,
        attachments: true,
        max_attachment_bytes: MAX_ATTACHMENT_BYTES,
        departments: false,
        tags: false,
        assignment: false,
        priorities: false,
        server_search: false,
        server_status_filter: false,
        server_sort: false,
        close_reopen: false,
        bulk: false,
        guest_tracking: false,
        reports: false,
    }
}

/// Every call but submitting a ticket.
pub fn unsupported(what: &str) -> ApiError {
    ApiError::Unsupported(format!("{what}: WSDesk has no API for it; it can only receive new tickets"))
}

/// Plain text as the HTML WSDesk stores: it keeps the description as sent (no sanitizing)
/// and turns newlines into `<br/>` itself, so newlines stay and the markup is escaped.
pub fn escape_text(text: &str) -> String {
    crate::domain::html::text_to_html(text, "\n")
}

/// The multipart form of `wsdesk_api_create_ticket`. The server validates nothing (a missing
/// e-mail answers "success" and stores nothing), so the form is checked here. The API has
/// no field for the customer's name, a department or a priority; the name is left out, the
/// other two are refused. Files go as `file[]`: a plain `file` is silently dropped.
pub fn create_form(new: &NewTicket, api_key: &str) -> Result<Vec<FormPart>, ApiError> {
    let mut errors = Vec::new();
    if new.customer_email.trim().is_empty() {
        errors.push(FieldError { field: "customer_email".into(), message: "required".into() });
    } else if !is_plausible_email(new.customer_email.trim()) {
        errors.push(FieldError { field: "customer_email".into(), message: "invalid_email".into() });
    }
    if new.subject.trim().is_empty() {
        errors.push(FieldError { field: "subject".into(), message: "required".into() });
    }
    if new.body.trim().is_empty() {
        errors.push(FieldError { field: "body".into(), message: "required".into() });
    }
    if new.attachments.iter().any(|a| a.bytes.len() as u64 > MAX_ATTACHMENT_BYTES) {
        errors.push(FieldError { field: "attachments".into(), message: "too_large".into() });
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    if new.department.is_some() || new.priority.is_some() {
        return Err(ApiError::Unsupported("departments and priorities: WSDesk's API takes neither".into()));
    }
    let text = |name: &str, value: &str| FormPart::Text { name: name.into(), value: value.into() };
    let mut parts = vec![
        text("action", ACTION),
        text("api_key", api_key),
        text("request_email", new.customer_email.trim()),
        text("request_title", &new.subject),
        text("request_description", &escape_text(&new.body)),
    ];
    parts.extend(new.attachments.iter().map(|a| FormPart::File {
        name: "file[]".into(),
        file_name: a.name.clone(),
        mime: a.mime.clone(),
        bytes: a.bytes.clone(),
    }));
    Ok(parts)
}

const SETUP_WIZARD: &str =
    "WSDesk answered with a page, not its API: an administrator may need to open WSDesk's setup wizard once";

/// What an answer means. Every answer is 200 whatever happened (errors are in the body);
/// a redirect is WSDesk's setup wizard, and `0` with 400 is admin-ajax's own "no handler"
/// (the plugin is not active).
pub fn answer_for(status: u16, body: &str) -> Result<(), ApiError> {
    let text = body.trim();
    if (300..400).contains(&status) {
        return Err(ApiError::UnexpectedPayload { path: ".".into(), detail: SETUP_WIZARD.into() });
    }
    if status == 400 && text == "0" {
        return Err(ApiError::Unsupported("submitting tickets: WSDesk is not active on this site".into()));
    }
    // reCAPTCHA's field sent empty: the only plain-text answer.
    if text == "captcha_failed" {
        return Err(ApiError::validation("captcha", "captcha_failed"));
    }
    match decode::<AnswerDto>(text) {
        Ok(a) if a.status == "success" && (200..300).contains(&status) => Ok(()),
        Ok(a) if a.message == "API not enabled" => Err(ApiError::Unsupported(
            "submitting tickets: WSDesk's API is switched off on this site (WSDesk → Settings → General → WSDesk API)"
                .into(),
        )),
        // The site's key, not the user's: nothing to sign in to.
        Ok(a) if a.message == "Authentication error." => Err(ApiError::Forbidden),
        Ok(a) => Err(ApiError::Server {
            status,
            message: if a.message.trim().is_empty() { format!("HTTP {status}") } else { shorten(&a.message) },
        }),
        Err(_) if text.starts_with('<') => {
            Err(ApiError::UnexpectedPayload { path: ".".into(), detail: SETUP_WIZARD.into() })
        }
        Err(_) if status >= 500 => Err(ApiError::Server {
            status,
            message: if text.is_empty() { format!("HTTP {status}") } else { shorten(text) },
        }),
        Err(e) => Err(e),
    }
}

/// What the adapter can say about a ticket it submitted: what was sent, at `now`. WSDesk
/// answers no id and no number, so `id` is 0 and `number` empty — the UI must not offer to
/// open or track it — and the status is an empty-keyed New.
pub fn submitted_ticket(new: &NewTicket, now: DateTime<Utc>) -> Ticket {
    let email = new.customer_email.trim().to_owned();
    Ticket {
        id: 0,
        number: String::new(),
        subject: new.subject.clone(),
        status: Status { key: String::new(), label: String::new(), kind: StatusKind::New },
        priority: Priority { key: String::new(), label: String::new(), level: PriorityLevel::Medium },
        department: None,
        assignee: None,
        customer: Person { id: email.clone(), name: new.customer_name.clone(), email: Some(email) },
        tags: Vec::new(),
        created_at: now,
        updated_at: now,
        first_response_at: None,
        closed_at: None,
        last_customer_reply_at: Some(now),
        last_agent_reply_at: None,
        reply_count: 0,
        custom_fields: Default::default(),
    }
}
