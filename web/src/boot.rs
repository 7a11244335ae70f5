//! Starting the app over the page the server sent: read what the server wrote for it, keep the
//! content of a server-written page (so it shows again without a request), then replace the
//! server's markup with the app's.

use leptos::prelude::*;
use shared::boot::{Boot, Bundle, ELEMENT_ID};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;
use web_sys::{HtmlAnchorElement, MouseEvent};

use crate::pages::server_page;

/// Starts `app` in place of the server's page. Without the server's start data (an old page
/// from a cache, say) the server's page is left as it is: it still reads and still links.
pub fn start<N: IntoView + 'static>(app: fn() -> N) {
    console_error_panic_hook::set_once();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(boot) = document
        .get_element_by_id(ELEMENT_ID)
        .and_then(|element| element.text_content())
        .and_then(|json| serde_json::from_str::<Boot>(&json).ok())
    else {
        leptos::logging::error!("the page has no start data: the server's page stays");
        return;
    };
    server_page::keep_initial(&document);
    let window = web_sys::window();
    if let Some(window) = &window {
        let this = Bundle::serving(&window.location().pathname().unwrap_or_default());
        load_other_downloads_from_the_server(window, this);
    }
    // Someone who scrolled or tabbed while the download arrived keeps their place: the app
    // draws the same page, but emptying the body would put them back at the top, and a
    // keyboard or screen reader user back on the body.
    let scrolled = window
        .as_ref()
        .and_then(|w| w.scroll_y().ok())
        .unwrap_or(0.0);
    let focused = focused_link(&document);
    if let Some(body) = document.body() {
        body.set_inner_html("");
    }
    leptos::mount::mount_to_body(move || {
        provide_context(boot);
        app()
    });
    if let Some(window) = &window
        && scrolled > 0.0
    {
        window.scroll_to_with_x_and_y(0.0, scrolled);
    }
    if let Some(href) = focused {
        focus_link(&document, &href);
    }
    if let Some(window) = &window {
        reload_when_restored(window);
    }
    // The bench and the browser tests wait for this: the app now answers clicks itself.
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
}

/// A link to a page of another download is followed by the browser, not by this app's
/// router: the server sends that page with its own download. The router follows every link on
/// the page unless it is marked `rel="external"`, so such links are marked as they are clicked,
/// before the router (which listens after) sees the click.
fn load_other_downloads_from_the_server(window: &web_sys::Window, this: Bundle) {
    let origin = window.location().origin().unwrap_or_default();
    let mark = Closure::<dyn Fn(MouseEvent)>::new(move |event: MouseEvent| {
        let Some(link) = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok())
            .and_then(|element| element.closest("a[href]").ok().flatten())
            .and_then(|element| element.dyn_into::<HtmlAnchorElement>().ok())
        else {
            return;
        };
        if link.origin() != origin || Bundle::serving(&link.pathname()) == this {
            return;
        }
        let rel = link.rel();
        if !rel.split_whitespace().any(|word| word == "external") {
            link.set_rel(format!("{rel} external").trim());
        }
    });
    let capture = true;
    let _ = window.add_event_listener_with_callback_and_bool(
        "click",
        mark.as_ref().unchecked_ref(),
        capture,
    );
    // The listener lives as long as the page.
    mark.forget();
}

/// The address of the link that has focus (the server's page is links and text: nothing else
/// on it takes focus).
fn focused_link(document: &web_sys::Document) -> Option<String> {
    document
        .active_element()
        .filter(|element| element.tag_name().eq_ignore_ascii_case("a"))
        .and_then(|element| element.get_attribute("href"))
}

/// Focuses the first link to `href` the app drew.
fn focus_link(document: &web_sys::Document, href: &str) {
    let links = document.links();
    let found = (0..links.length())
        .filter_map(|i| links.item(i))
        .find(|link| link.get_attribute("href").as_deref() == Some(href))
        .and_then(|link| link.dyn_into::<web_sys::HtmlElement>().ok());
    if let Some(link) = found {
        let _ = link.focus();
    }
}

/// A page kept by the browser's back-forward cache comes back as it was left, which after a
/// move to another download is an empty page: it is loaded again instead.
fn reload_when_restored(window: &web_sys::Window) {
    let restored = Closure::<dyn Fn(web_sys::PageTransitionEvent)>::new(
        |event: web_sys::PageTransitionEvent| {
            if event.persisted()
                && let Some(window) = web_sys::window()
            {
                let _ = window.location().reload();
            }
        },
    );
    let _ = window.add_event_listener_with_callback("pageshow", restored.as_ref().unchecked_ref());
    // The listener lives as long as the page.
    restored.forget();
}

/// The council running the portal, as the server wrote it into the page.
pub fn use_council() -> shared::api::CouncilView {
    use_boot().council
}

/// The language the server chose for this visit: the account is registered in it, so its
/// emails come in it.
pub fn use_language() -> shared::language::Language {
    use_boot().language
}

/// The same, as the words of `locales/` know it. A page's language never changes while it is
/// open: the header's link loads the page again from the server, in the other language.
pub fn use_locale() -> crate::i18n::Locale {
    crate::locale_of(use_language())
}

/// What the server wrote for this page.
pub fn use_boot() -> Boot {
    // `start` provides it above every page, so its absence is a programming error.
    expect_context::<Boot>()
}
