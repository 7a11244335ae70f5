use leptos::prelude::*;
use leptos_router::components::A;

use crate::boot::{use_council, use_locale};
use crate::components::title::set_page_title;
use crate::i18n::td_string;

/// The GOV.UK "Page not found" pattern.
#[component]
pub fn NotFound() -> impl IntoView {
    let locale = use_locale();
    set_page_title(td_string!(locale, not_found.title));
    let phone = use_council().phone_numbers.contact_centre;
    view! {
        <h1 class="govuk-heading-l">{td_string!(locale, not_found.title)}</h1>
        <p class="govuk-body">{td_string!(locale, not_found.typed)}</p>
        <p class="govuk-body">{td_string!(locale, not_found.pasted)}</p>
        <p class="govuk-body">
            {td_string!(locale, not_found.go_to)}<A href="/" attr:class="govuk-link">{td_string!(locale, not_found.home_page)}</A>
            {td_string!(locale, not_found.or_call)}
            <a class="govuk-link" href=phone.uri>{phone.display}</a>{td_string!(locale, not_found.end)}
        </p>
    }
}
