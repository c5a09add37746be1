//! Any `ApiError` as one clear sentence in the UI language, with a retry where it helps.

use leptos::prelude::*;

use crate::api::ApiError;
use crate::state::connection::ConnectionState;
use crate::state::i18n::{use_i18n, Msg};
use crate::state::route::{connect_path, Navigator, Route};

#[component]
pub fn ErrorView(error: ApiError, #[prop(optional, into)] on_retry: Option<Callback<()>>) -> impl IntoView {
    let i18n = use_i18n();
    let retryable = error.is_retryable();
    // In the dashboard, an expired sign-in goes back to the connection screen; the page the
    // user was on comes back after it (drafts are kept in storage meanwhile).
    if error == ApiError::Unauthorized {
        if let Some(nav) = use_context::<Navigator>().filter(|_| use_context::<ConnectionState>().is_some()) {
            let back_to = nav.current_path();
            if Route::parse(&back_to) != Route::Connect {
                request_animation_frame(move || nav.navigate(&connect_path(&back_to)));
            }
        }
    }
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
