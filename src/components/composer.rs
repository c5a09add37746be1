//! Reply box of a ticket: a public reply or (agents) an internal note, with attachments.
//! The text is a draft in local storage until the backend has it.

use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use super::attachment_picker::AttachmentPicker;
use super::error_view::ErrorView;
use crate::api::ApiError;
use crate::domain::{NewMessage, TicketId};
use crate::state::drafts::{clear_draft, load_draft, save_draft};
use crate::state::i18n::{use_i18n, Msg};
use crate::state::session::use_session;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
struct ReplyDraft {
    body: String,
    internal: bool,
}

#[component]
pub fn Composer(ticket_id: TicketId, allow_note: bool) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let caps = session.backend().capabilities();
    let key = format!("reply.{ticket_id}");
    let draft: ReplyDraft = load_draft(&key).unwrap_or_default();
    let body = RwSignal::new(draft.body);
    let internal = RwSignal::new(draft.internal && allow_note);
    let files = RwSignal::new(Vec::new());
    let pending = RwSignal::new(false);
    let error = RwSignal::new(None::<ApiError>);

    let save = {
        let key = key.clone();
        move || save_draft(&key, &ReplyDraft { body: body.get_untracked(), internal: internal.get_untracked() })
    };
    let on_input = {
        let save = save.clone();
        move |ev| {
            body.set(event_target_value(&ev));
            save();
        }
    };
    let send = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if pending.get_untracked() {
            return;
        }
        if body.get_untracked().trim().is_empty() {
            error.set(Some(ApiError::validation("body", "required")));
            return;
        }
        pending.set(true);
        let backend = session.backend();
        let message = NewMessage { body: body.get_untracked(), attachments: files.get_untracked() };
        let note = internal.get_untracked();
        let key = key.clone();
        leptos::task::spawn_local(async move {
            let result = if note {
                backend.add_note(ticket_id, message).await
            } else {
                backend.reply(ticket_id, message).await
            };
            pending.set(false);
            match result {
                Ok(_) => {
                    clear_draft(&key);
                    body.set(String::new());
                    files.set(Vec::new());
                    error.set(None);
                    // The thread above reloads on the session's revision.
                    session.changed();
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let toggle = move |note: bool| {
        internal.set(note);
        save();
    };
    let toggle_public = toggle.clone();
    view! {
        <form class="composer" class:composer-note=move || internal.get() on:submit=send>
            {(allow_note && caps.internal_notes).then(|| view! {
                <div class="composer-mode" role="radiogroup">
                    <label>
                        <input type="radio" name="mode" value="reply" prop:checked=move || !internal.get()
                            on:change=move |_| toggle_public(false)/>
                        {move || i18n.t(Msg::PublicReply)}
                    </label>
                    <label>
                        <input type="radio" name="mode" value="note" prop:checked=move || internal.get()
                            on:change=move |_| toggle(true)/>
                        {move || i18n.t(Msg::InternalNote)}
                    </label>
                </div>
            })}
            <label class="field">
                <span class="visually-hidden">{move || i18n.t(Msg::Message)}</span>
                <textarea name="body" rows="5" dir="auto" prop:value=move || body.get() on:input=on_input
                    placeholder=move || if internal.get() { i18n.t(Msg::NotePlaceholder) } else { i18n.t(Msg::ReplyPlaceholder) }
                ></textarea>
            </label>
            {caps.attachments.then(|| view! { <AttachmentPicker files=files max_bytes=caps.max_attachment_bytes/> })}
            {move || error.get().map(|e| view! { <ErrorView error=e/> })}
            <button type="submit" class="button primary" disabled=move || pending.get()>
                {move || if internal.get() { i18n.t(Msg::AddNote) } else { i18n.t(Msg::SendReply) }}
            </button>
        </form>
    }
}
