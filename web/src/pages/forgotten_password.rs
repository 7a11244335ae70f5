use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::{FieldErrors, PasswordResetCompletion, PasswordResetRequest, validate_email_in};

use crate::api;
use crate::boot::{use_language, use_locale};
use crate::components::bot_check::{BotCheckStatus, solve_bot_check};
use crate::components::form::{ErrorSummary, PasswordChecklist, TextInput, submit};
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::td_string;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Email,
    NewPassword,
    Done,
}

/// Forgotten password: a code by email, then a new password; every session ends.
#[component]
pub fn ForgottenPassword() -> impl IntoView {
    let locale = use_locale();
    let language = use_language();
    set_page_title(td_string!(locale, forgotten_password.title));
    let step = RwSignal::new(Step::Email);
    let email = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let bot_check = solve_bot_check();

    let submit_email = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = PasswordResetRequest {
            email: email.get(),
            bot_check: bot_check.get().unwrap_or_default(),
        };
        let found = validate_email_in(&request.email, language);
        let send = async move { api::request_password_reset(&request).await };
        submit(errors, busy, found, send, move |_| {
            step.set(Step::NewPassword)
        });
    };

    let submit_password = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = PasswordResetCompletion {
            email: email.get(),
            code: code.get(),
            password: password.get(),
            confirm_password: confirm.get(),
        };
        let found = request.validate_in(language);
        let send = async move { api::complete_password_reset(&request).await };
        submit(errors, busy, found, send, move |()| step.set(Step::Done));
    };

    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                {move || match step.get() {
                    Step::Email => view! {
                        <h1 class="govuk-heading-l">{td_string!(locale, forgotten_password.title)}</h1>
                        <p class="govuk-body">{td_string!(locale, forgotten_password.intro)}</p>
                        <form novalidate on:submit=submit_email>
                            <TextInput name="email" label=td_string!(locale, form.email_address) value=email errors=errors kind="email" autocomplete="email" />
                            <BotCheckStatus solution=bot_check />
                            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, form.continue_)}</button>
                        </form>
                    }.into_any(),
                    Step::NewPassword => view! {
                        <h1 class="govuk-heading-l">{td_string!(locale, forgotten_password.new_password_title)}</h1>
                        <p class="govuk-body">{move || fill(td_string!(locale, forgotten_password.code_sent), &[("email", email.get().to_string())])}</p>
                        <form novalidate on:submit=submit_password>
                            <TextInput name="code" label=td_string!(locale, form.code) value=code errors=errors autocomplete="one-time-code"
                                hint=td_string!(locale, form.code_hint) width_class="govuk-input--width-10" numeric=true />
                            <TextInput name="password" label=td_string!(locale, forgotten_password.new_password) value=password errors=errors kind="password" autocomplete="new-password" />
                            <PasswordChecklist password=password email=email />
                            <TextInput name="confirm_password" label=td_string!(locale, forgotten_password.confirm_new_password) value=confirm errors=errors kind="password" autocomplete="new-password" />
                            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, forgotten_password.reset)}</button>
                        </form>
                    }.into_any(),
                    Step::Done => view! {
                        <div class="govuk-panel govuk-panel--confirmation">
                            <h1 class="govuk-panel__title">{td_string!(locale, forgotten_password.done)}</h1>
                            <div class="govuk-panel__body">{td_string!(locale, forgotten_password.signed_out_everywhere)}</div>
                        </div>
                        <A href="/sign-in" attr:class="govuk-button" attr:role="button">{td_string!(locale, layout.sign_in)}</A>
                    }.into_any(),
                }}
            </div>
        </div>
    }
}
