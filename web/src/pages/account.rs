use leptos::prelude::*;
use leptos_router::components::Redirect;

use crate::components::title::set_page_title;
use crate::session::use_session;

/// The account menu's page: who is signed in, and signing out.
#[component]
pub fn Account() -> impl IntoView {
    set_page_title("Your account");
    let session = use_session();
    move || {
        if !session.checked.get() {
            return view! { <p class="govuk-body">"Loading your account"</p> }.into_any();
        }
        match session.account() {
            None => view! { <Redirect path="/sign-in" /> }.into_any(),
            Some(account) => view! {
                <h1 class="govuk-heading-l">"Your account"</h1>
                <dl class="govuk-summary-list">
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Name"</dt>
                        <dd class="govuk-summary-list__value">{format!("{} {}", account.forename, account.surname)}</dd>
                    </div>
                    <div class="govuk-summary-list__row">
                        <dt class="govuk-summary-list__key">"Email address"</dt>
                        <dd class="govuk-summary-list__value">{account.email.clone()}</dd>
                    </div>
                </dl>
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| session.sign_out()>
                    "Sign out"
                </button>
            }
            .into_any(),
        }
    }
}
