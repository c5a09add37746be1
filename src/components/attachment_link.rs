//! A message's file. A plain click downloads it through the backend with the session's
//! credentials (Request Tracker's and SupportCandy's links need them) and saves it from a
//! blob URL; when the browser may not read it (a site's download URL without CORS), the
//! link itself opens instead. Modified clicks keep the plain link.

use leptos::ev::MouseEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::Attachment;
use crate::state::session::use_session;

#[component]
pub fn AttachmentLink(attachment: Attachment) -> impl IntoView {
    let session = use_session();
    let (href, name, label) = (attachment.url.clone(), attachment.name.clone(), attachment.name.clone());
    let on_click = move |ev: MouseEvent| {
        let modified = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key();
        if ev.button() != 0 || modified {
            return;
        }
        ev.prevent_default();
        let backend = session.backend();
        let file = attachment.clone();
        leptos::task::spawn_local(async move {
            let saved = match backend.attachment(&file).await {
                Ok(bytes) => save(&file.name, &file.mime, &bytes),
                Err(_) => false,
            };
            if !saved {
                let _ = window().open_with_url_and_target(&file.url, "_blank");
            }
        });
    };
    view! {
        <a href=href download=name rel="noopener noreferrer" dir="auto" on:click=on_click>{label}</a>
    }
}

/// Hands `bytes` to the browser as a download named `name`.
fn save(name: &str, mime: &str, bytes: &[u8]) -> bool {
    let array = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&array, &options) else {
        return false;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return false;
    };
    let anchor = document().create_element("a").ok().and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
    if let Some(a) = &anchor {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
    anchor.is_some()
}
