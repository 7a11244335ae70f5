use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::app::use_council;
use crate::components::title::set_page_title;
use crate::pages::not_found::NotFound;

/// The forms the referral hub offers. Until their online versions are published, each one's page
/// says so and gives the number to make the referral by phone instead: a referral must never
/// be lost to a page that does nothing.
const FORMS: [(&str, &str); 4] = [
    ("social-care-referral", "Referral for Social Care"),
    (
        "occupational-therapy-referral",
        "Referral for Occupational Therapy",
    ),
    (
        "dols-form-1",
        "DoLS Form 1: standard request and urgent authorisation",
    ),
    (
        "dols-form-2",
        "DoLS Form 2: further standard authorisation request",
    ),
];

#[component]
pub fn FormUnavailable() -> impl IntoView {
    let params = use_params_map();
    move || {
        let form_id = params.read().get("form_id").unwrap_or_default();
        match FORMS.iter().find(|(id, _)| *id == form_id) {
            Some((_, title)) => view! { <Unavailable title=title /> }.into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}

#[component]
fn Unavailable(title: &'static str) -> impl IntoView {
    set_page_title(title);
    let council = use_council();
    let phone = council.phone_numbers.contact_centre;
    view! {
        <span class="govuk-caption-l">{title}</span>
        <h1 class="govuk-heading-l">"This form is not available online yet"</h1>
        <p class="govuk-body">
            "To make this referral now, call the adult social care contact centre on "
            <a class="govuk-link" href=phone.uri>{phone.display}</a>
            "."
        </p>
        <p class="govuk-body">"We will publish the online form here soon."</p>
    }
}
