use leptos::prelude::*;
use leptos_router::components::A;

use crate::api;

use crate::components::notices::{SafeguardingNotice, UrgentNotice};
use crate::components::tiles::{Tile, TileTarget};
use crate::components::title::set_page_title;

/// The referral hub under "Making a referral as a professional".
#[component]
pub fn ReferralHub() -> impl IntoView {
    set_page_title("Making a referral as a professional");
    view! {
        <h1 class="govuk-heading-xl">"Making a referral as a professional"</h1>
        <p class="govuk-body-l">
            "Send a referral straight to adult social care, without phoning the contact centre."
        </p>
        <SafeguardingNotice />
        <ul class="app-tiles">
            <Tile
                heading="Referral for Social Care"
                description="For a person who may need care and support under the Care Act 2014.".into()
                target=TileTarget::Page("/forms/social-care-referral")
            />
            <Tile
                heading="Referral for Occupational Therapy"
                description="For a person finding day-to-day activities at home hard to manage.".into()
                target=TileTarget::Page("/forms/occupational-therapy-referral")
            />
            <Tile
                heading="DoLS forms"
                description="Deprivation of Liberty Safeguards: Form 1 and Form 2.".into()
                target=TileTarget::Page("/referrals/dols")
            />
        </ul>
        <OtherForms />
        <UrgentNotice />
    }
}

/// The seed's tiles cover these; they are not listed again.
const TILED: [&str; 4] = [
    "social-care-referral",
    "occupational-therapy-referral",
    "dols-form-1",
    "dols-form-2",
];

/// Every other published form for professionals, so that a new definition file appears here
/// without a code change.
#[component]
fn OtherForms() -> impl IntoView {
    let forms = LocalResource::new(api::forms);
    view! {
        <Transition fallback=|| ()>
            {move || forms.get().and_then(Result::ok).map(|all| {
                let others: Vec<_> = all
                    .into_iter()
                    .filter(|f| f.audience == "professional" && !TILED.contains(&f.id.as_str()))
                    .collect();
                (!others.is_empty()).then(|| view! {
                    <h2 class="govuk-heading-m">"Other forms"</h2>
                    <ul class="govuk-list">
                        {others.into_iter().map(|form| view! {
                            <li>
                                <A href=format!("/forms/{}", form.id) attr:class="govuk-link">{form.title}</A>
                                <p class="govuk-body-s">{form.summary}</p>
                            </li>
                        }).collect_view()}
                    </ul>
                })
            })}
        </Transition>
    }
}
