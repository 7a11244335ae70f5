use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::title::set_page_title;

/// Where the timeout leaves people, saying what happened.
#[component]
pub fn SignedOut() -> impl IntoView {
    set_page_title("You have been signed out");
    view! {
        <h1 class="govuk-heading-l">"You have been signed out"</h1>
        <p class="govuk-body">"We signed you out because you did not use the service for 20 minutes. We do this to keep your information secure."</p>
        <A href="/sign-in" attr:class="govuk-button" attr:role="button">"Sign in"</A>
    }
}
