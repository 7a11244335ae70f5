use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::{
    FieldErrors, RegistrationRequest, VerifyCodeRequest, validate_email_in, validate_names_in,
    validate_new_password_in,
};

use crate::api;
use crate::boot::use_locale;
use crate::components::bot_check::{BotCheckStatus, solve_bot_check};
use crate::components::form::{ErrorSummary, PasswordChecklist, TextInput, submit};
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::td_string;
use crate::pages::form::state::take_return_path;
use crate::session::use_session;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Names,
    Credentials,
    Code,
    Completed,
}

/// Register for a new account: names, then email and password, then the emailed code.
#[component]
pub fn Register() -> impl IntoView {
    let step = RwSignal::new(Step::Names);
    let forename = RwSignal::new(String::new());
    let surname = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let notice = RwSignal::new(None::<(String, i64)>);
    let busy = RwSignal::new(false);
    let bot_check = solve_bot_check();
    let language = crate::boot::use_language();
    let locale = use_locale();
    let session = use_session();

    Effect::new(move |_| {
        let title = match step.get() {
            Step::Names => td_string!(locale, register.title_step_1),
            Step::Credentials => td_string!(locale, register.title_step_2),
            Step::Code => td_string!(locale, register.code_title),
            Step::Completed => td_string!(locale, register.completed),
        };
        set_page_title(title);
    });

    let go = move |next: Step| {
        errors.set(FieldErrors::new());
        step.set(next);
    };

    let submit_names = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = validate_names_in(&forename.get(), &surname.get(), language);
        if found.is_empty() {
            go(Step::Credentials);
        } else {
            errors.set(found);
        }
    };

    let submit_credentials = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = RegistrationRequest {
            forename: forename.get(),
            surname: surname.get(),
            email: email.get(),
            password: password.get(),
            confirm_password: confirm.get(),
            bot_check: bot_check.get().unwrap_or_default(),
            language,
        };
        // Step 1's names were checked already; these are step 2's fields.
        let mut found = validate_email_in(&request.email, language);
        found.extend(validate_new_password_in(
            &request.email,
            &request.password,
            &request.confirm_password,
            language,
        ));
        let send = async move { api::register(&request).await };
        submit(errors, busy, found, send, move |_| go(Step::Code));
    };

    let submit_code = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = VerifyCodeRequest {
            email: email.get(),
            code: code.get(),
        };
        let found = request.validate_in(language);
        let send = async move { api::verify_registration(&request).await };
        submit(errors, busy, found, send, move |created| {
            session.start(created);
            go(Step::Completed);
        });
    };

    let resend = move |_| {
        let email = email.get_untracked();
        let send = async move { api::resend_registration_code(&email).await };
        submit(errors, busy, FieldErrors::new(), send, move |sent| {
            notice.set(Some((sent.email, sent.resend_after_seconds)))
        });
    };

    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                {move || match step.get() {
                    Step::Names => view! {
                        <span class="govuk-caption-l">{fill(td_string!(locale, register.step), &[("step", "1".to_string())])}</span>
                        <h1 class="govuk-heading-l">{td_string!(locale, register.title)}</h1>
                        <form novalidate on:submit=submit_names>
                            <TextInput name="forename" label=td_string!(locale, register.forename) value=forename errors=errors autocomplete="given-name" />
                            <TextInput name="surname" label=td_string!(locale, register.surname) value=surname errors=errors autocomplete="family-name" />
                            <button type="submit" class="govuk-button" data-module="govuk-button">{td_string!(locale, form.next)}</button>
                        </form>
                        <p class="govuk-body">{td_string!(locale, register.already)}<A href="/sign-in" attr:class="govuk-link">{td_string!(locale, register.sign_in)}</A>"."</p>
                    }.into_any(),
                    Step::Credentials => view! {
                        <span class="govuk-caption-l">{fill(td_string!(locale, register.step), &[("step", "2".to_string())])}</span>
                        <h1 class="govuk-heading-l">{td_string!(locale, register.credentials_title)}</h1>
                        <form novalidate on:submit=submit_credentials>
                            <TextInput name="email" label=td_string!(locale, form.email_address) value=email errors=errors kind="email" autocomplete="email"
                                hint=td_string!(locale, register.email_hint) />
                            <TextInput name="password" label=td_string!(locale, form.password) value=password errors=errors kind="password" autocomplete="new-password" />
                            <PasswordChecklist password=password email=email />
                            <TextInput name="confirm_password" label=td_string!(locale, register.confirm_password) value=confirm errors=errors kind="password" autocomplete="new-password" />
                            <BotCheckStatus solution=bot_check />
                            <div class="govuk-button-group">
                                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, form.next)}</button>
                                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| go(Step::Names)>{td_string!(locale, form.previous)}</button>
                            </div>
                        </form>
                    }.into_any(),
                    Step::Code => view! {
                        <span class="govuk-caption-l">{fill(td_string!(locale, register.step), &[("step", "3".to_string())])}</span>
                        <h1 class="govuk-heading-l">{td_string!(locale, register.code_title)}</h1>
                        <p class="govuk-body">{move || fill(td_string!(locale, register.code_sent), &[("email", email.get().to_string())])}</p>
                        {move || notice.get().map(|(sent_to, seconds)| view! {
                            <div class="govuk-inset-text" role="status">
                                {fill(td_string!(locale, register.new_code_sent), &[("email", sent_to.to_string()), ("seconds", seconds.to_string().to_string())])}
                            </div>
                        })}
                        <form novalidate on:submit=submit_code>
                            <TextInput name="code" label=td_string!(locale, register.code_label) value=code errors=errors autocomplete="one-time-code"
                                hint=td_string!(locale, register.code_hint) width_class="govuk-input--width-10" numeric=true />
                            <div class="govuk-button-group">
                                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, form.next)}</button>
                                <button type="button" class="govuk-button govuk-button--secondary" on:click=resend>{td_string!(locale, register.send_new_code)}</button>
                            </div>
                        </form>
                        <details class="govuk-details">
                            <summary class="govuk-details__summary">
                                <span class="govuk-details__summary-text">{td_string!(locale, register.not_received)}</span>
                            </summary>
                            <div class="govuk-details__text">
                                {td_string!(locale, register.not_received_help)}
                            </div>
                        </details>
                    }.into_any(),
                    Step::Completed => view! {
                        <div class="govuk-panel govuk-panel--confirmation">
                            <h1 class="govuk-panel__title">{td_string!(locale, register.completed)}</h1>
                            <div class="govuk-panel__body">{td_string!(locale, register.signed_in)}</div>
                        </div>
                        <A href=take_return_path() attr:class="govuk-button" attr:role="button">{td_string!(locale, form.continue_)}</A>
                    }.into_any(),
                }}
            </div>
        </div>
    }
}
