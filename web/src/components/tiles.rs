use leptos::prelude::*;
use leptos_router::components::A;

/// Where a tile goes: a page of this app, or a page of the council's own website.
#[derive(Clone)]
pub enum TileTarget {
    Page(&'static str),
    /// A page of this app whose path is made at run time.
    Route(String),
    External(String),
}

/// One large link of a tile grid, with a line saying what is behind it.
#[component]
pub fn Tile(heading: &'static str, description: String, target: TileTarget) -> impl IntoView {
    let link = match target {
        TileTarget::Page(href) => view! {
            <A href=href attr:class="govuk-link govuk-link--no-visited-state app-tile__link">
                {heading}
            </A>
        }
        .into_any(),
        TileTarget::Route(href) => view! {
            <A href=href attr:class="govuk-link govuk-link--no-visited-state app-tile__link">
                {heading}
            </A>
        }
        .into_any(),
        TileTarget::External(href) => view! {
            <a href=href class="govuk-link govuk-link--no-visited-state app-tile__link" rel="external">
                {heading}
            </a>
        }
        .into_any(),
    };
    view! {
        <li class="app-tile">
            <h2 class="govuk-heading-m app-tile__heading">{link}</h2>
            <p class="govuk-body app-tile__description">{description}</p>
        </li>
    }
}
