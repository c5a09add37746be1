//! An in-app link: a real `<a href>` (open in a new tab works), navigated in place on a
//! plain click, marked `aria-current="page"` when it points at the current screen.

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::state::route::use_navigator;

#[component]
pub fn Link(
    #[prop(into)] to: String,
    /// Only the exact path counts as current (for links whose path prefixes others).
    #[prop(optional)]
    exact: bool,
    children: Children,
) -> impl IntoView {
    let nav = use_navigator();
    let href = nav.href(&to);
    let current = {
        let to = to.clone();
        move || nav.is_current(&to, exact).then_some("page")
    };
    let on_click = move |ev: MouseEvent| {
        let modified = ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key();
        if ev.button() == 0 && !modified {
            ev.prevent_default();
            nav.navigate(&to);
        }
    };
    view! { <a href=href aria-current=current on:click=on_click>{children()}</a> }
}
