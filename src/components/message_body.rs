//! A message body. Plain text is always a text node (whitespace kept by CSS); backend HTML
//! is reduced to its text until the allow-list sanitizer lands, so no markup reaches the DOM.

use leptos::prelude::*;

use crate::domain::html::html_to_text;
use crate::domain::Body;

#[component]
pub fn MessageBody(body: Body) -> impl IntoView {
    let text = match body {
        Body::Text(t) => t,
        Body::Html(h) => html_to_text(&h),
    };
    view! { <div class="message-body" dir="auto">{text}</div> }
}
