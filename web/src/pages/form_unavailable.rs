use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api;
use crate::app::use_council;
use crate::components::title::set_page_title;
use crate::pages::not_found::NotFound;

/// A published form, until its online version (the wizard) is built: the page says so and
/// gives the number to make the referral by phone instead, so no referral is lost to a page
/// that does nothing. Unknown ids are "Page not found".
#[component]
pub fn FormUnavailable() -> impl IntoView {
    let params = use_params_map();
    let forms = LocalResource::new(api::forms);
    view! {
        <Transition fallback=|| view! { <p class="govuk-body">"Loading the form"</p> }>
            {move || {
                let form_id = params.read().get("form_id").unwrap_or_default();
                forms.get().map(|loaded| {
                    let title = loaded
                        .ok()
                        .and_then(|all| all.into_iter().find(|f| f.id == form_id))
                        .map(|f| f.title);
                    match title {
                        Some(title) => view! { <Unavailable title=title /> }.into_any(),
                        None => view! { <NotFound /> }.into_any(),
                    }
                })
            }}
        </Transition>
    }
}

#[component]
fn Unavailable(title: String) -> impl IntoView {
    set_page_title(&title);
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
