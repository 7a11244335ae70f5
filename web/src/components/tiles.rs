use leptos::prelude::*;
use leptos_router::components::A;

/// One large link of a tile grid, to a page of this app, with a line saying what is behind it.
/// (The home page's tiles are written by the server: `api/templates/pages/home.html`.)
#[component]
pub fn Tile(heading: &'static str, description: String, href: String) -> impl IntoView {
    view! {
        <li class="app-tile">
            <h2 class="govuk-heading-m app-tile__heading">
                <A href=href attr:class="govuk-link govuk-link--no-visited-state app-tile__link">
                    {heading}
                </A>
            </h2>
            <p class="govuk-body app-tile__description">{description}</p>
        </li>
    }
}
