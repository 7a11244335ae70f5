use leptos::prelude::*;

use crate::app::use_council;

/// Urgent needs are never for an online form: seed 001 gives the number on the home page.
#[component]
pub fn UrgentNotice() -> impl IntoView {
    let council = use_council();
    let phone = council.phone_numbers.contact_centre;
    view! {
        <div class="govuk-warning-text">
            <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
            <strong class="govuk-warning-text__text">
                <span class="govuk-visually-hidden">"Warning"</span>
                {format!(
                    "If you feel your needs are urgent and you need support straight away, call {} on ",
                    council.name,
                )}
                <a class="govuk-link" href=phone.uri>{phone.display}</a>
                " or contact the emergency services on 999."
            </strong>
        </div>
        <p class="govuk-body">
            <a class="govuk-link" href=council.links.call_charges rel="external">
                "Find out about call charges"
            </a>
        </p>
    }
}

/// Safeguarding concerns go to the contact centre by phone, never through a form.
#[component]
pub fn SafeguardingNotice() -> impl IntoView {
    let phone = use_council().phone_numbers.safeguarding;
    view! {
        <div class="govuk-inset-text">
            "To report a safeguarding concern about an adult, do not use these forms: call "
            <a class="govuk-link" href=phone.uri>{phone.display}</a>
            "."
        </div>
    }
}
