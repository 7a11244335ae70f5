use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::title::set_page_title;

/// Where signing out leaves people, saying what happened and that the answers this browser
/// kept for a form are gone.
#[component]
pub fn SignedOut() -> impl IntoView {
    set_page_title("You have been signed out");
    let inactive =
        use_query_map().with_untracked(|q| q.get("after").as_deref() == Some("inactivity"));
    let why = if inactive {
        "We signed you out because you did not use the service for 20 minutes. We do this to keep your information secure."
    } else {
        "You have signed out of your account."
    };
    view! {
        <h1 class="govuk-heading-l">"You have been signed out"</h1>
        <p class="govuk-body">{why}</p>
        <p class="govuk-body">"Any answers to a form that this browser was keeping have been removed from it. Forms you saved are kept in your account."</p>
        <A href="/sign-in" attr:class="govuk-button" attr:role="button">"Sign in again"</A>
    }
}
