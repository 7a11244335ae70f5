use crate::boot::use_council;

/// Sets the browser tab's title the GOV.UK way: page, then service, then council. Screen reader
/// users hear it first when a page opens.
pub fn set_page_title(page: &str) {
    let council = use_council();
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title(&format!(
            "{page} - {} - {}",
            council.service_name, council.name
        ));
    }
}
