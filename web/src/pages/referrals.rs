use leptos::prelude::*;

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
        <UrgentNotice />
    }
}
