//! Any `ApiError` as one clear sentence in the UI language, with a retry where it helps.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::state::i18n::{use_i18n, Msg};

#[component]
pub fn ErrorView(error: ApiError, #[prop(optional, into)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let retryable = error.is_retryable();
    let sentence = {
        let error = error.clone();
        move || i18n.error(&error)
    };
    view! {
        <div class="error-view" role="alert">
            <p>{sentence}</p>
            {on_retry.filter(|_| retryable).map(|retry| view! {
                <button type="button" class="button" on:click=move |_| retry.run(())>
                    {move || i18n.t(Msg::Retry)}
                </button>
            })}
        </div>
    }
}
