use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::boot::use_locale;
use crate::components::title::set_page_title;
use crate::i18n::td_string;

/// Where signing out leaves people, saying what happened and that the answers this browser
/// kept for a form are gone.
#[component]
pub fn SignedOut() -> impl IntoView {
    let locale = use_locale();
    set_page_title(td_string!(locale, signed_out.title));
    let inactive =
        use_query_map().with_untracked(|q| q.get("after").as_deref() == Some("inactivity"));
    let why = if inactive {
        td_string!(locale, signed_out.inactive)
    } else {
        td_string!(locale, signed_out.chose)
    };
    view! {
        <h1 class="govuk-heading-l">{td_string!(locale, signed_out.title)}</h1>
        <p class="govuk-body">{why}</p>
        <p class="govuk-body">{td_string!(locale, signed_out.answers_removed)}</p>
        <A href="/sign-in" attr:class="govuk-button" attr:role="button">{td_string!(locale, signed_out.sign_in_again)}</A>
    }
}
