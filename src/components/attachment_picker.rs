//! Picks files for a ticket or reply, checking size and type before anything is sent.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::NewAttachment;
use crate::state::i18n::{use_i18n, Msg};
use crate::state::prefs::use_prefs;

/// What the picker offers and the demo and most helpdesks accept.
pub const ACCEPTED_TYPES: &str = "image/png,image/jpeg,image/gif,image/webp,application/pdf,text/plain";

#[component]
pub fn AttachmentPicker(files: RwSignal<Vec<NewAttachment>>, max_bytes: u64) -> impl IntoView {
    let i18n = use_i18n();
    let prefs = use_prefs();
    let problem = RwSignal::new(None::<String>);
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else {
            return;
        };
        let Some(list) = input.files() else { return };
        let picked: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        // Clear the input so picking the same file again fires `change`.
        input.set_value("");
        problem.set(None);
        for file in picked {
            let name = file.name();
            let mime = file.type_();
            if file.size() as u64 > max_bytes {
                let limit = prefs.get_untracked().number(max_bytes.div_ceil(1024) as i64);
                problem.set(Some(i18n.fill_untracked(Msg::FileTooLarge, &[&name, &limit])));
                continue;
            }
            if !ACCEPTED_TYPES.split(',').any(|t| t == mime) {
                problem.set(Some(i18n.fill_untracked(Msg::FileTypeNotAllowed, &[&name])));
                continue;
            }
            leptos::task::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                    Ok(buffer) => {
                        let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                        files.update(|f| f.push(NewAttachment { name, mime, bytes }));
                    }
                    Err(_) => problem.set(Some(i18n.fill_untracked(Msg::FileUnreadable, &[&name]))),
                }
            });
        }
    };
    view! {
        <div class="attachment-picker">
            <label class="button file-button">
                {move || i18n.t(Msg::AttachFiles)}
                <input type="file" name="attachments" multiple accept=ACCEPTED_TYPES on:change=on_change/>
            </label>
            <ul class="picked-files">
                {move || files.get().into_iter().enumerate().map(|(i, f)| {
                    let kb = move || prefs.get().number(f.bytes.len().div_ceil(1024) as i64);
                    view! {
                        <li>
                            <span dir="auto">{f.name.clone()}</span> " (" {kb} " KB) "
                            <button type="button" class="link-button" on:click=move |_| files.update(|v| { if i < v.len() { v.remove(i); } })>
                                {move || i18n.t(Msg::Remove)}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            {move || problem.get().map(|p| view! { <p class="field-error" role="alert">{p}</p> })}
        </div>
    }
}
