use crate::boot::{use_council, use_language};

/// Sets the browser tab's title the GOV.UK way: page, then service, then council, in the page's
/// language. Screen reader users hear it first when a page opens.
pub fn set_page_title(page: &str) {
    let council = use_council();
    let language = use_language();
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!(
            "{page} - {} - {}",
            council.service_name_in(language),
            council.name_in(language)
        ));
    }
}
