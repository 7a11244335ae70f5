use leptos::prelude::*;

/// Shown when the council's details cannot be loaded: the API is down or unreachable. It needs
/// nothing from the server, so it is all that can honestly be said.
#[component]
pub fn ServiceUnavailable() -> impl IntoView {
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        document.set_title("Sorry, the service is unavailable - Adult Social Care Online");
    }
    view! {
        <div class="govuk-width-container">
            <main class="govuk-main-wrapper" id="main-content">
                <h1 class="govuk-heading-l">"Sorry, the service is unavailable"</h1>
                <p class="govuk-body">"Try again later. Check your internet connection if the problem continues."</p>
                <p class="govuk-body">"If you need support urgently, contact the council by phone, or call 999 in an emergency."</p>
            </main>
        </div>
    }
}
