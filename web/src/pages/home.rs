use leptos::prelude::*;

use crate::app::use_council;
use crate::components::notices::UrgentNotice;
use crate::components::tiles::{Tile, TileTarget};
use crate::components::title::set_page_title;

/// The portal home page: the four tiles of seed 001.
#[component]
pub fn Home() -> impl IntoView {
    set_page_title("Home");
    let council = use_council();
    let links = council.links.clone();
    view! {
        <h1 class="govuk-heading-xl">{format!("Welcome to {} Adult Social Care", council.name)}</h1>
        <p class="govuk-body-l">
            "Find information and local support, and send referrals and forms to adult social care."
        </p>
        <ul class="app-tiles">
            <Tile
                heading="Information"
                description="More about adult social care on the council's website.".into()
                target=TileTarget::External(links.information)
            />
            <Tile
                heading="Find local support"
                description="The directory of services for adults in the area.".into()
                target=TileTarget::External(links.local_support)
            />
            <Tile
                heading="Paying for care"
                description="The latest information about charges for care and support.".into()
                target=TileTarget::External(links.paying_for_care)
            />
            <Tile
                heading="Making a referral as a professional"
                description="Refer someone for social care or occupational therapy support, or send DoLS forms 1 and 2.".into()
                target=TileTarget::Page("/referrals")
            />
        </ul>
        <UrgentNotice />
    }
}
