//! Moves focus to the page's content when the address changes, as loading a page would. Without
//! it a screen reader stays on the link that was followed (or on nothing, once the page that
//! held it is gone) and never hears that a new page is showing.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// Watches the path; render it inside the router, once.
#[component]
pub fn FocusOnNavigation() -> impl IntoView {
    let location = use_location();
    Effect::new(move |previous: Option<String>| {
        let path = location.pathname.get();
        if previous.is_some_and(|before| before != path) {
            // After the new page has rendered, so a page that placed focus itself (the form
            // wizard on its heading) keeps it.
            request_animation_frame(focus_content);
        }
        path
    });
}

/// Focuses `<main>` unless something inside it already has focus.
fn focus_content() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(main) = document
        .get_element_by_id("main-content")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let placed = document.active_element().is_some_and(|active| {
        active.is_connected()
            && !active.is_same_node(Some(main.as_ref()))
            && main.contains(Some(active.as_ref()))
    });
    if !placed {
        let _ = main.focus();
    }
}
