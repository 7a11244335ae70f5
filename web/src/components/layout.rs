use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use leptos_router::components::A;
use shared::api::full_name;

use crate::boot::{use_council, use_language, use_locale};
use crate::fill;
use crate::i18n::td_string;
use crate::session::use_session;

/// Jumps keyboard users past the header. The router would treat the fragment as a navigation,
/// so focus is moved here, as GOV.UK Frontend's own skip link script does.
#[component]
pub fn SkipLink() -> impl IntoView {
    let locale = use_locale();
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
            {td_string!(locale, layout.skip_link)}
        </a>
    }
}

/// The council's name, the service's name with its navigation, and the phase banner.
#[component]
pub fn Header() -> impl IntoView {
    let council = use_council();
    let session = use_session();
    let locale = use_locale();
    let language = use_language();
    let other = language.other();
    let council_name = council.name_in(language).to_owned();
    let service_name = council.service_name_in(language).to_owned();
    view! {
        <header>
            <div class="govuk-generic-header">
                <div class="govuk-generic-header__container govuk-width-container">
                    <div class="govuk-generic-header__logo">
                        <A href="/" attr:class="govuk-generic-header__homepage-link">
                            {council_name}
                        </A>
                    </div>
                </div>
            </div>
            <section aria-label=td_string!(locale, layout.service_information) class="govuk-service-navigation">
                <div class="govuk-width-container">
                    <div class="govuk-service-navigation__container">
                        <span class="govuk-service-navigation__service-name">
                            <A href="/" attr:class="govuk-service-navigation__link">
                                {service_name}
                            </A>
                        </span>
                        <nav aria-label=td_string!(locale, layout.menu) class="govuk-service-navigation__wrapper">
                            <ul class="govuk-service-navigation__list" id="navigation">
                                <li class="govuk-service-navigation__item">
                                    <A href="/" exact=true attr:class="govuk-service-navigation__link">
                                        {td_string!(locale, layout.home)}
                                    </A>
                                </li>
                                <li class="govuk-service-navigation__item">
                                    <A href="/referrals" attr:class="govuk-service-navigation__link">
                                        {td_string!(locale, layout.make_a_referral)}
                                    </A>
                                </li>
                                {move || crate::pages::staff::is_staff(session).then(|| view! {
                                    <li class="govuk-service-navigation__item">
                                        <A href="/staff" attr:class="govuk-service-navigation__link">{td_string!(locale, layout.council_work)}</A>
                                    </li>
                                })}
                                <li class="govuk-service-navigation__item app-account-item">
                                    {move || match session.account() {
                                        Some(account) => view! {
                                            <A href="/account" attr:class="govuk-service-navigation__link">
                                                <span class="govuk-visually-hidden">{td_string!(locale, layout.your_account)}</span>
                                                {full_name(&account.forename, &account.surname)}
                                            </A>
                                        }.into_any(),
                                        None => view! {
                                            <A href="/sign-in" attr:class="govuk-service-navigation__link">{td_string!(locale, layout.sign_in)}</A>
                                        }.into_any(),
                                    }}
                                </li>
                                <li class="govuk-service-navigation__item">
                                    <LanguageLink language=other />
                                </li>
                            </ul>
                        </nav>
                    </div>
                </div>
            </section>
            <div class="govuk-phase-banner govuk-width-container">
                <p class="govuk-phase-banner__content">
                    <strong class="govuk-tag govuk-phase-banner__content__tag">{td_string!(locale, layout.beta)}</strong>
                    <span class="govuk-phase-banner__text">
                        {td_string!(locale, layout.beta_before)}
                        <a class="govuk-link" href=council.phone_numbers.contact_centre.uri.clone()>
                            {council.phone_numbers.contact_centre.display.clone()}
                        </a>
                        {td_string!(locale, layout.beta_after)}
                    </span>
                </p>
            </div>
        </header>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let council = use_council();
    let locale = use_locale();
    let language = use_language();
    let service_name = council.service_name_in(language).to_owned();
    let council_name = council.name_in(language).to_owned();
    let links = council.links;
    view! {
        <footer class="govuk-footer">
            <div class="govuk-width-container">
                <div class="govuk-footer__meta">
                    <div class="govuk-footer__meta-item govuk-footer__meta-item--grow">
                        <h2 class="govuk-visually-hidden">{td_string!(locale, layout.support_links)}</h2>
                        <ul class="govuk-footer__inline-list">
                            <li class="govuk-footer__inline-list-item">
                                <a class="govuk-footer__link" href=links.accessibility_statement>
                                    {td_string!(locale, layout.accessibility_statement)}
                                </a>
                            </li>
                            <li class="govuk-footer__inline-list-item">
                                <a class="govuk-footer__link" href=links.privacy_notice>
                                    {td_string!(locale, layout.privacy_notice)}
                                </a>
                            </li>
                            <li class="govuk-footer__inline-list-item">
                                <a class="govuk-footer__link" href=links.call_charges>
                                    {td_string!(locale, layout.call_charges)}
                                </a>
                            </li>
                            <li class="govuk-footer__inline-list-item">
                                <a class="govuk-footer__link" href="/api/docs/" rel="external">
                                    {td_string!(locale, layout.api_for_developers)}
                                </a>
                            </li>
                        </ul>
                        <p class="govuk-footer__meta-custom">
                            {fill(td_string!(locale, layout.run_by), &[("service", service_name.to_string()), ("council", council_name.to_string())])}
                        </p>
                    </div>
                </div>
            </div>
        </footer>
    }
}

/// The header's way to the other language, as GOV.UK services offer it: the language's name in
/// itself, marked as that language. It loads the page again from the server, which keeps the
/// choice; a signed-in person's account keeps it too, so their emails follow.
#[component]
fn LanguageLink(language: shared::language::Language) -> impl IntoView {
    let session = use_session();
    let choose = move |event: leptos::ev::MouseEvent| {
        if session.account().is_none() {
            return;
        }
        event.prevent_default();
        leptos::task::spawn_local(async move {
            // Kept for the account when it can be; the page follows the choice either way.
            let _ = session.api().choose_language(language).await;
            if let Some(window) = web_sys::window() {
                let _ = window.location().set_search(&format!(
                    "{}={}",
                    shared::boot::LANGUAGE_QUERY,
                    language.code()
                ));
            }
        });
    };
    view! {
        <a
            href=format!("?{}={}", shared::boot::LANGUAGE_QUERY, language.code())
            hreflang=language.code()
            lang=language.code()
            rel="external"
            class="govuk-service-navigation__link app-language-link"
            on:click=choose
        >
            {language.own_name()}
        </a>
    }
}
