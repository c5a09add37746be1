//! The customer's new-ticket form: checked before it is sent, kept as a draft until the
//! backend accepts it, answered with the tracking number.

use leptos::prelude::*;

use serde::{Deserialize, Serialize};

use crate::api::{ApiError, FieldError};
use crate::components::{AttachmentPicker, ErrorView, Link};
use crate::domain::person::is_plausible_email;
use crate::domain::{NewTicket, Ticket};
use crate::state::drafts::{clear_draft, load_draft, save_draft};
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;
use crate::state::session::{save_identity, use_session, CustomerIdentity};

const DRAFT_KEY: &str = "new-ticket";

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct TicketDraft {
    name: String,
    email: String,
    subject: String,
    body: String,
    department: String,
    priority: String,
}

/// The checks a form can make before bothering the backend.
fn check(d: &TicketDraft) -> Vec<FieldError> {
    let mut errors = Vec::new();
    let mut need = |field: &str, value: &str| {
        if value.trim().is_empty() {
            errors.push(FieldError { field: field.into(), message: "required".into() });
        }
    };
    need("customer_name", &d.name);
    need("customer_email", &d.email);
    need("subject", &d.subject);
    need("body", &d.body);
    let email = d.email.trim();
    if !email.is_empty() && !is_plausible_email(email) {
        errors.push(FieldError { field: "customer_email".into(), message: "invalid_email".into() });
    }
    errors
}

#[component]
pub fn SubmitTicketPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let identity = expect_context::<RwSignal<Option<CustomerIdentity>>>();
    let mut initial: TicketDraft = load_draft(DRAFT_KEY).unwrap_or_default();
    if let Some(who) = identity.get_untracked() {
        if initial.email.is_empty() {
            initial.name = who.name;
            initial.email = who.email;
        }
    }
    let draft = RwSignal::new(initial);
    let files = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);
    let created = RwSignal::new(None::<Ticket>);
    let caps = session.backend().capabilities();

    let edit = move |apply: fn(&mut TicketDraft, String)| {
        move |ev| {
            let value = event_target_value(&ev);
            draft.update(|d| apply(d, value));
            save_draft(DRAFT_KEY, &draft.get_untracked());
        }
    };
    let field_error = move |field: &'static str| {
        move || {
            error.with(|e| e.as_ref().and_then(|e| e.field_message(field).map(|m| i18n.field_error(m))))
                .map(|m| view! { <span class="field-error" role="alert">{m}</span> })
        }
    };
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        let d = draft.get_untracked();
        let problems = check(&d);
        if !problems.is_empty() {
            error.set(Some(ApiError::Validation(problems)));
            return;
        }
        let who = CustomerIdentity { name: d.name.trim().to_owned(), email: d.email.trim().to_ascii_lowercase() };
        // The portal acts for whoever submits; switch the session to them first.
        if identity.get_untracked().as_ref() != Some(&who) {
            save_identity(&who);
            identity.set(Some(who.clone()));
        }
        let new = NewTicket {
            customer_name: who.name,
            customer_email: who.email,
            subject: d.subject,
            body: d.body,
            department: Some(d.department).filter(|s| !s.is_empty()),
            priority: Some(d.priority).filter(|s| !s.is_empty()),
            attachments: files.get_untracked(),
        };
        pending.set(true);
        let backend = session.backend();
        leptos::task::spawn_local(async move {
            let result = backend.create_ticket(new).await;
            pending.set(false);
            match result {
                Ok(ticket) => {
                    clear_draft(DRAFT_KEY);
                    draft.update(|d| {
                        d.subject.clear();
                        d.body.clear();
                    });
                    files.set(Vec::new());
                    error.set(None);
                    session.changed();
                    created.set(Some(ticket));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };

    view! {
        <section class="submit-ticket">
            {move || created.get().map(|t| view! { <Submitted ticket=t on_again=Callback::new(move |_| created.set(None))/> })}
            <form class="ticket-form" class:hidden=move || created.with(Option::is_some) on:submit=submit novalidate>
                <h1>{move || i18n.t(Msg::NewTicket)}</h1>
                <div class="field-row">
                    <label class="field">
                        <span>{move || i18n.t(Msg::YourName)}</span>
                        <input name="name" autocomplete="name" dir="auto" prop:value=move || draft.with(|d| d.name.clone())
                            on:input=edit(|d, v| d.name = v)/>
                        {field_error("customer_name")}
                    </label>
                    <label class="field">
                        <span>{move || i18n.t(Msg::YourEmail)}</span>
                        <input name="email" type="email" autocomplete="email" dir="ltr" prop:value=move || draft.with(|d| d.email.clone())
                            on:input=edit(|d, v| d.email = v)/>
                        {field_error("customer_email")}
                    </label>
                </div>
                <div class="field-row">
                    {caps.departments.then(|| view! {
                        <label class="field">
                            <span>{move || i18n.t(Msg::Department)}</span>
                            <select name="department" prop:value=move || draft.with(|d| d.department.clone())
                                on:change=edit(|d, v| d.department = v)>
                                <option value="">{move || i18n.t(Msg::ChooseDepartment)}</option>
                                {move || session.vocabulary().departments.into_iter().map(|d| view! {
                                    <option value=d.key>{d.label}</option>
                                }).collect_view()}
                            </select>
                            {field_error("department")}
                        </label>
                    })}
                    {caps.priorities.then(|| view! {
                        <label class="field">
                            <span>{move || i18n.t(Msg::Priority)}</span>
                            <select name="priority" prop:value=move || draft.with(|d| d.priority.clone())
                                on:change=edit(|d, v| d.priority = v)>
                                <option value="">{move || i18n.t(Msg::DefaultPriority)}</option>
                                {move || session.vocabulary().priorities.into_iter().map(|p| view! {
                                    <option value=p.key>{p.label}</option>
                                }).collect_view()}
                            </select>
                            {field_error("priority")}
                        </label>
                    })}
                </div>
                <label class="field">
                    <span>{move || i18n.t(Msg::Subject)}</span>
                    <input name="subject" dir="auto" maxlength="200" prop:value=move || draft.with(|d| d.subject.clone())
                        on:input=edit(|d, v| d.subject = v)/>
                    {field_error("subject")}
                </label>
                <label class="field">
                    <span>{move || i18n.t(Msg::Message)}</span>
                    <textarea name="body" rows="7" dir="auto" prop:value=move || draft.with(|d| d.body.clone())
                        on:input=edit(|d, v| d.body = v)></textarea>
                    {field_error("body")}
                </label>
                {caps.attachments.then(|| view! { <AttachmentPicker files=files max_bytes=caps.max_attachment_bytes/> })}
                {field_error("attachments")}
                {move || error.get().filter(|e| !matches!(e, ApiError::Validation(_))).map(|e| view! { <ErrorView error=e/> })}
                <button type="submit" class="button primary" disabled=move || pending.get()>
                    {move || if pending.get() { i18n.t(Msg::Sending) } else { i18n.t(Msg::SubmitTicket) }}
                </button>
            </form>
        </section>
    }
}

#[component]
fn Submitted(ticket: Ticket, on_again: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let number = ticket.number.clone();
    // WSDesk takes a ticket but names no number for it: nothing to track or open here.
    if number.is_empty() {
        return view! {
            <div class="submitted" role="status">
                <h1>{move || i18n.t(Msg::TicketSubmitted)}</h1>
                <p data-testid="no-tracking">{move || i18n.t(Msg::SubmittedWithoutTracking)}</p>
                <p class="actions">
                    <button type="button" class="link-button" on:click=move |_| on_again.run(())>{move || i18n.t(Msg::SubmitAnother)}</button>
                </p>
            </div>
        }
        .into_any();
    }
    view! {
        <div class="submitted" role="status">
            <h1>{move || i18n.t(Msg::TicketSubmitted)}</h1>
            <p>{move || i18n.t(Msg::YourTrackingNumber)}</p>
            <p class="tracking-number"><bdi data-testid="tracking-number">{move || prefs.get().digits(&number)}</bdi></p>
            <p class="actions">
                <Link to=format!("/portal/tickets/{}", ticket.id)>{move || i18n.t(Msg::ViewTicket)}</Link>
                " "
                <Link to="/portal/tickets">{move || i18n.t(Msg::MyTickets)}</Link>
                " "
                <button type="button" class="link-button" on:click=move |_| on_again.run(())>{move || i18n.t(Msg::SubmitAnother)}</button>
            </p>
        </div>
    }
    .into_any()
}
