use leptos::prelude::*;
use leptos_router::components::A;

use crate::boot::use_council;
use crate::components::title::set_page_title;

/// The GOV.UK "Page not found" pattern.
#[component]
pub fn NotFound() -> impl IntoView {
    set_page_title("Page not found");
    let phone = use_council().phone_numbers.contact_centre;
    view! {
        <h1 class="govuk-heading-l">"Page not found"</h1>
        <p class="govuk-body">"If you typed the web address, check it is correct."</p>
        <p class="govuk-body">"If you pasted the web address, check you copied the entire address."</p>
        <p class="govuk-body">
            "You can go to the "<A href="/" attr:class="govuk-link">"home page"</A>
            " or call the contact centre on "
            <a class="govuk-link" href=phone.uri>{phone.display}</a>"."
        </p>
    }
}
