//! Starting the app over the page the server sent: read what the server wrote for it, keep the
//! content of a server-written page (so it shows again without a request), then replace the
//! server's markup with the app's.

use leptos::prelude::*;
use shared::boot::{Boot, ELEMENT_ID};

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
    if let Some(body) = document.body() {
        body.set_inner_html("");
    }
    leptos::mount::mount_to_body(move || {
        provide_context(boot);
        app()
    });
    // The bench and the browser tests wait for this: the app now answers clicks itself.
    if let Some(root) = document.document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
}

/// What the server wrote for this page.
pub fn use_boot() -> Boot {
    // `start` provides it above every page, so its absence is a programming error.
    expect_context::<Boot>()
}
