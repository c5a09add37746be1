//! A ticket's thread, oldest first: customer and agent messages, internal notes set apart,
//! system events as one quiet line.

use leptos::prelude::*;

use super::attachment_link::AttachmentLink;
use super::message_body::MessageBody;
use super::time_text::TimeText;
use crate::domain::{AuthorKind, Message, Visibility};
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;

#[component]
pub fn ThreadView(messages: Vec<Message>) -> impl IntoView {
    view! {
        <ol class="thread">
            {messages.into_iter().map(|m| view! { <MessageItem message=m/> }).collect_view()}
        </ol>
    }
}

#[component]
fn MessageItem(message: Message) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let Message { author, visibility, body, created_at, attachments, .. } = message;
    if author.kind == AuthorKind::System {
        return view! {
            <li class="message message-system">
                <MessageBody body=body/>
                " "
                <TimeText at=created_at/>
            </li>
        }
        .into_any();
    }
    let internal = visibility == Visibility::Internal;
    let class = match (author.kind, internal) {
        (_, true) => "message message-note",
        (AuthorKind::Agent, false) => "message message-agent",
        _ => "message message-customer",
    };
    let role = move || match (author.kind, internal) {
        (_, true) => i18n.t(Msg::InternalNote),
        (AuthorKind::Agent, false) => i18n.t(Msg::Agent),
        _ => i18n.t(Msg::Customer),
    };
    view! {
        <li class=class data-visibility=if internal { "internal" } else { "public" }>
            <header class="message-header">
                <strong dir="auto">{author.name}</strong>
                <span class="message-role">{role}</span>
                <TimeText at=created_at absolute=true/>
            </header>
            <MessageBody body=body/>
            {(!attachments.is_empty()).then(|| view! {
                <ul class="attachments">
                    {attachments.into_iter().map(|a| {
                        let size = move || prefs.get().number(a.size.div_ceil(1024) as i64);
                        view! {
                            <li>
                                <AttachmentLink attachment=a.clone()/>
                                " (" {size} " KB)"
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
        </li>
    }
    .into_any()
}
