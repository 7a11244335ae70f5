use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::A;
use shared::api::full_name;

use crate::boot::use_council;
use crate::session::use_session;

/// Jumps keyboard users past the header. The router would treat the fragment as a navigation,
/// so focus is moved here, as GOV.UK Frontend's own skip link script does.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |event: leptos::ev::MouseEvent| {
        event.prevent_default();
        let main = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("main-content"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            // Focus can only fail on elements that cannot take it; <main tabindex=-1> can.
            let _ = main.focus();
        }
    };
    view! {
        <a href="#main-content" class="govuk-skip-link" on:click=skip>
            "Skip to main content"
        </a>
    }
}

/// The council's name, the service's name with its navigation, and the phase banner.
#[component]
pub fn Header() -> impl IntoView {
    let council = use_council();
    let session = use_session();
    view! {
        <header>
            <div class="govuk-generic-header">
                <div class="govuk-generic-header__container govuk-width-container">
                    <div class="govuk-generic-header__logo">
                        <A href="/" attr:class="govuk-generic-header__homepage-link">
                            {council.name.clone()}
                        </A>
                    </div>
                </div>
            </div>
            <section aria-label="Service information" class="govuk-service-navigation">
                <div class="govuk-width-container">
                    <div class="govuk-service-navigation__container">
                        <span class="govuk-service-navigation__service-name">
                            <A href="/" attr:class="govuk-service-navigation__link">
                                {council.service_name.clone()}
                            </A>
                        </span>
                        <nav aria-label="Menu" class="govuk-service-navigation__wrapper">
                            <ul class="govuk-service-navigation__list" id="navigation">
                                <li class="govuk-service-navigation__item">
                                    <A href="/" exact=true attr:class="govuk-service-navigation__link">
                                        "Home"
                                    </A>
                                </li>
                                <li class="govuk-service-navigation__item">
                                    <A href="/referrals" attr:class="govuk-service-navigation__link">
                                        "Make a referral"
                                    </A>
                                </li>
                                {move || crate::pages::staff::is_staff(session).then(|| view! {
                                    <li class="govuk-service-navigation__item">
                                        <A href="/staff" attr:class="govuk-service-navigation__link">"Council work"</A>
                                    </li>
                                })}
                                <li class="govuk-service-navigation__item app-account-item">
                                    {move || match session.account() {
                                        Some(account) => view! {
                                            <A href="/account" attr:class="govuk-service-navigation__link">
                                                <span class="govuk-visually-hidden">"Your account: "</span>
                                                {full_name(&account.forename, &account.surname)}
                                            </A>
                                        }.into_any(),
                                        None => view! {
                                            <A href="/sign-in" attr:class="govuk-service-navigation__link">"Sign in"</A>
                                        }.into_any(),
                                    }}
                                </li>
                            </ul>
                        </nav>
                    </div>
                </div>
            </section>
            <div class="govuk-phase-banner govuk-width-container">
                <p class="govuk-phase-banner__content">
                    <strong class="govuk-tag govuk-phase-banner__content__tag">"Beta"</strong>
                    <span class="govuk-phase-banner__text">
                        "This is a new service. To tell us what you think of it, call "
                        <a class="govuk-link" href=council.phone_numbers.contact_centre.uri.clone()>
                            {council.phone_numbers.contact_centre.display.clone()}
                        </a>
                        "."
                    </span>
                </p>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let council = use_council();
    let links = council.links;
    view! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <div class="govuk-footer__meta">
                    <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                        <h2 class="govuk-visually-hidden">"Support links"</h2>
                        <ul class="govuk-footer__inline-list">
                            <li class="govuk-footer__inline-list-item">
                                <a class="govuk-footer__link" href=links.accessibility_statement>
                                    "Accessibility statement"
                                </a>
                            </li>
                            <li class="govuk-footer__inline-list-item">
                                <a class="govuk-footer__link" href=links.privacy_notice>
                                    "Privacy notice"
                                </a>
                            </li>
                            <li class="govuk-footer__inline-list-item">
                                <a class="govuk-footer__link" href=links.call_charges>
                                    "Call charges"
                                </a>
                            </li>
                            <li class="govuk-footer__inline-list-item">
                                <a class="govuk-footer__link" href="/api/docs/" rel="external">
                                    "API for developers"
                                </a>
                            </li>
                        </ul>
                        <p class="govuk-footer__meta-custom">
                            {format!("{} is run by {}.", council.service_name, council.name)}
                        </p>
                    </div>
                </div>
            </div>
        </footer>
    }
}
