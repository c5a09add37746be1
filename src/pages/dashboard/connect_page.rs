//! The connection screen: pick the helpdesk, its address and how to sign in; test it and
//! say precisely what is wrong; connect and go back to the page the user was on.

use leptos::prelude::*;

use crate::api::probe::{self, Diagnosis};
use crate::api::{BackendKind, Credentials};
use crate::state::connection::{use_connection, Connection};
use crate::state::i18n::{diagnosis_sentence, use_i18n, Msg};
use crate::state::route::use_navigator;

/// Where to go once connected: `?next=` if it is a dashboard path, else the list.
fn next_path() -> String {
    let search = window().location().search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("next"))
        .filter(|n| n.starts_with("/dashboard") && !n.starts_with("/dashboard/connect"))
        .unwrap_or_else(|| "/dashboard".into())
}

fn placeholder(kind: BackendKind) -> &'static str {
    match kind {
        BackendKind::Demo => "",
        BackendKind::DjangoHelpdesk => "https://support.example.ir/helpdesk/api",
        BackendKind::RequestTracker => "https://rt.example.ir/REST/2.0",
        _ => "https://example.ir",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum AuthChoice {
    Token,
    Password,
}

#[component]
pub fn ConnectPage() -> impl IntoView {
    let i18n = use_i18n();
    let nav = use_navigator();
    let state = use_connection();
    let start = state.connection.get_untracked();
    let kind = RwSignal::new(start.kind);
    let base = RwSignal::new(start.base);
    let (start_choice, start_user, start_secret) = match state.credentials.get_untracked() {
        Credentials::Password { user, password } => (AuthChoice::Password, user, password),
        Credentials::Token { token } => (AuthChoice::Token, String::new(), token),
        _ => (AuthChoice::Token, String::new(), String::new()),
    };
    let choice = RwSignal::new(start_choice);
    let user = RwSignal::new(start_user);
    let secret = RwSignal::new(start_secret);
    let testing = RwSignal::new(false);
    let diagnosis = RwSignal::new(None::<Diagnosis>);

    // WordPress plugins take Application Passwords only; the others either.
    let auth = move || {
        if kind.get().is_wordpress() || choice.get() == AuthChoice::Password {
            Credentials::Password { user: user.get().trim().to_owned(), password: secret.get() }
        } else {
            Credentials::Token { token: secret.get().trim().to_owned() }
        }
    };
    let run = move |then_connect: bool| {
        let (k, b, c) = (kind.get_untracked(), base.get_untracked().trim().to_owned(), auth());
        testing.set(true);
        diagnosis.set(None);
        leptos::task::spawn_local(async move {
            let found = probe::probe(k, &b, &c).await;
            testing.set(false);
            if then_connect && found.is_ok() {
                state.connect(Connection { kind: k, base: b }, c);
                if k.is_built_in() {
                    nav.navigate(&next_path());
                } else {
                    // Another backend's bundle: boot.js loads it from the saved connection.
                    let _ = window().location().assign(&nav.href(&next_path()));
                }
            } else {
                diagnosis.set(Some(found));
            }
        });
    };
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        run(true);
    };
    let fixed = state.fixed;
    let needs_server = move || kind.get() != BackendKind::Demo;

    view! {
        <section class="connect-page">
            <h1>{move || i18n.t(Msg::Connect)}</h1>
            <p>{move || i18n.t(Msg::ConnectIntro)}</p>
            <form class="ticket-form connect-form" on:submit=on_submit>
                <label class="field">
                    <span>{move || i18n.t(Msg::BackendKindLabel)}</span>
                    <select
                        name="kind"
                        disabled=fixed
                        on:change=move |ev| {
                            if let Some(k) = BackendKind::from_key(&event_target_value(&ev)) {
                                kind.set(k);
                                diagnosis.set(None);
                            }
                        }
                    >
                        {BackendKind::ALL.into_iter().map(|k| view! {
                            <option value=k.key() selected=move || kind.get() == k>{k.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
                <Show when=needs_server>
                    <label class="field">
                        <span>{move || i18n.t(Msg::BaseUrl)}</span>
                        <input
                            type="url"
                            name="base"
                            dir="ltr"
                            required
                            disabled=fixed
                            placeholder=move || placeholder(kind.get())
                            prop:value=move || base.get()
                            on:input=move |ev| base.set(event_target_value(&ev))
                        />
                    </label>
                    <Show when=move || kind.get() != BackendKind::Wsdesk>
                        <Show when=move || !kind.get().is_wordpress()>
                            <fieldset class="field composer-mode">
                                <legend>{move || i18n.t(Msg::AuthMethod)}</legend>
                                <label>
                                    <input type="radio" name="auth" value="token"
                                        prop:checked=move || choice.get() == AuthChoice::Token
                                        on:change=move |_| choice.set(AuthChoice::Token)/>
                                    {move || i18n.t(Msg::AuthToken)}
                                </label>
                                <label>
                                    <input type="radio" name="auth" value="password"
                                        prop:checked=move || choice.get() == AuthChoice::Password
                                        on:change=move |_| choice.set(AuthChoice::Password)/>
                                    {move || i18n.t(Msg::AuthPassword)}
                                </label>
                            </fieldset>
                        </Show>
                        <Show when=move || kind.get().is_wordpress() || choice.get() == AuthChoice::Password>
                            <label class="field">
                                <span>{move || i18n.t(Msg::UserName)}</span>
                                <input type="text" name="user" dir="ltr" autocomplete="username"
                                    prop:value=move || user.get()
                                    on:input=move |ev| user.set(event_target_value(&ev))/>
                            </label>
                        </Show>
                        <label class="field">
                            <span>{move || {
                                if kind.get().is_wordpress() {
                                    i18n.t(Msg::AuthAppPassword)
                                } else if choice.get() == AuthChoice::Password {
                                    i18n.t(Msg::Password)
                                } else {
                                    i18n.t(Msg::AuthToken)
                                }
                            }}</span>
                            <input type="password" name="secret" dir="ltr" autocomplete="current-password"
                                prop:value=move || secret.get()
                                on:input=move |ev| secret.set(event_target_value(&ev))/>
                            <Show when=move || kind.get().is_wordpress()>
                                <small>{move || i18n.t(Msg::AppPasswordHint)}</small>
                            </Show>
                        </label>
                    </Show>
                </Show>
                <div class="form-actions">
                    <button type="button" class="button" disabled=move || testing.get() on:click=move |_| run(false)>
                        {move || i18n.t(Msg::TestConnection)}
                    </button>
                    <button type="submit" class="button primary" disabled=move || testing.get()>
                        {move || i18n.t(Msg::ConnectButton)}
                    </button>
                </div>
                <p class="diagnosis" role="status" data-ok=move || diagnosis.get().map(|d| d.is_ok().to_string())>
                    {move || if testing.get() {
                        i18n.t(Msg::Testing).to_owned()
                    } else {
                        diagnosis.get().map(|d| diagnosis_sentence(i18n.lang(), &d)).unwrap_or_default()
                    }}
                </p>
            </form>
        </section>
    }
}
