use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::notices::UrgentNotice;
use crate::components::title::set_page_title;

/// The DoLS selection page of seed 001.
#[component]
pub fn DolsForms() -> impl IntoView {
    set_page_title("DoLS online forms");
    view! {
        <h1 class="govuk-heading-xl">"DoLS online forms"</h1>
        <p class="govuk-body-l">"Deprivation of Liberty Safeguards forms for online submission."</p>
        <p class="govuk-body">
            "Use these forms to request a standard authorisation, or to tell us about an urgent authorisation you have given."
        </p>
        <ul class="govuk-list govuk-list--bullet">
            <li>"To submit or save a DoLS form you need an account: you register with an email address and a password."</li>
            <li>"After you sign in, you will be asked for the name, address and contact details of the person you are referring."</li>
            <li>"You will be warned before a form times out after 20 minutes without activity, and what you have entered is kept."</li>
            <li>"Give as much information as you can to avoid delays."</li>
            <li>"Questions you must answer are marked as required."</li>
            <li>"The council sees nothing you enter until you submit the form."</li>
        </ul>
        <h2 class="govuk-heading-m">"Choose a form"</h2>
        <ul class="govuk-list">
            <li>
                <A href="/forms/dols-form-1" attr:class="govuk-link">
                    "DoLS Form 1: standard request and urgent authorisation"
                </A>
            </li>
            <li>
                <A href="/forms/dols-form-2" attr:class="govuk-link">
                    "DoLS Form 2: further standard authorisation request"
                </A>
            </li>
        </ul>
        <UrgentNotice />
    }
}
