//! A message body. Plain text is always a text node (whitespace kept by CSS). Backend HTML
//! is parsed by the browser into an inert document and rebuilt node by node from the
//! allow-list in `domain::html`: nothing the backend sent is ever assigned as markup.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::domain::html::{attribute_allowed, url_allowed, ALLOWED_ELEMENTS, DROPPED_ELEMENTS};
use crate::domain::Body;

#[component]
pub fn MessageBody(body: Body) -> impl IntoView {
    match body {
        Body::Text(text) => view! { <div class="message-body" dir="auto">{text}</div> }.into_any(),
        Body::Html(html) => {
            let container = NodeRef::<Div>::new();
            container.on_load(move |div| {
                if let Some(fragment) = sanitize(&html) {
                    let _ = div.append_child(&fragment);
                }
            });
            view! { <div class="message-body message-html" dir="auto" node_ref=container></div> }.into_any()
        }
    }
}

/// The safe copy of `html` as nodes of the page's document; `None` if the browser can't parse.
pub fn sanitize(html: &str) -> Option<web_sys::DocumentFragment> {
    let parsed = web_sys::DomParser::new().ok()?.parse_from_string(html, web_sys::SupportedType::TextHtml).ok()?;
    let document = web_sys::window()?.document()?;
    let out = document.create_document_fragment();
    copy_children(&parsed.body()?.into(), &out.clone().into(), &document);
    Some(out)
}

fn copy_children(from: &web_sys::Node, to: &web_sys::Node, document: &web_sys::Document) {
    let children = from.child_nodes();
    for i in 0..children.length() {
        let Some(child) = children.item(i) else { continue };
        match child.node_type() {
            web_sys::Node::TEXT_NODE => {
                let text = document.create_text_node(&child.text_content().unwrap_or_default());
                let _ = to.append_child(&text);
            }
            web_sys::Node::ELEMENT_NODE => {
                let Ok(element) = child.dyn_into::<web_sys::Element>() else { continue };
                copy_element(&element, to, document);
            }
            // Comments, processing instructions and the like carry nothing to show.
            _ => {}
        }
    }
}

fn copy_element(element: &web_sys::Element, to: &web_sys::Node, document: &web_sys::Document) {
    let tag = element.local_name().to_ascii_lowercase();
    if DROPPED_ELEMENTS.contains(&tag.as_str()) {
        return;
    }
    if !ALLOWED_ELEMENTS.contains(&tag.as_str()) {
        // Unknown wrappers (font, center, o:p…) go; what they wrapped stays.
        copy_children(element, to, document);
        return;
    }
    let Ok(copy) = document.create_element(&tag) else { return };
    for name in ["dir", "lang", "title", "href", "src", "alt", "width", "height", "colspan", "rowspan", "start"] {
        if !attribute_allowed(&tag, name) {
            continue;
        }
        let Some(value) = element.get_attribute(name) else { continue };
        let safe = match name {
            "href" => url_allowed(&value, false),
            "src" => url_allowed(&value, true),
            _ => true,
        };
        if safe {
            let _ = copy.set_attribute(name, &value);
        }
    }
    if tag == "a" && copy.has_attribute("href") {
        let _ = copy.set_attribute("rel", "noopener noreferrer nofollow");
        let _ = copy.set_attribute("target", "_blank");
    }
    if tag == "img" {
        let _ = copy.set_attribute("loading", "lazy");
        let _ = copy.set_attribute("referrerpolicy", "no-referrer");
    }
    copy_children(element, &copy, document);
    let _ = to.append_child(&copy);
}
