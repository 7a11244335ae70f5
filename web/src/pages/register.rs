use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::{
    FieldErrors, RegistrationRequest, VerifyCodeRequest, validate_email, validate_names,
    validate_new_password,
};

use crate::api;
use crate::components::bot_check::{BotCheckStatus, solve_bot_check};
use crate::components::form::{ErrorSummary, PasswordChecklist, TextInput, submit};
use crate::components::title::set_page_title;
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
    let notice = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let bot_check = solve_bot_check();
    let language = crate::boot::use_language();
    let session = use_session();

    Effect::new(move |_| {
        set_page_title(match step.get() {
            Step::Names => "Register a new account - step 1",
            Step::Credentials => "Register a new account - step 2",
            Step::Code => "Enter your verification code",
            Step::Completed => "Registration completed",
        });
    });

    let go = move |next: Step| {
        errors.set(FieldErrors::new());
        step.set(next);
    };

    let submit_names = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let found = validate_names(&forename.get(), &surname.get());
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
        let mut found = validate_email(&request.email);
        found.extend(validate_new_password(
            &request.email,
            &request.password,
            &request.confirm_password,
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
        let found = request.validate();
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
            notice.set(Some(format!(
                "If a new code was due, we have sent it to {}. You can ask for another after {} seconds.",
                sent.email, sent.resend_after_seconds
            )))
        });
    };

    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                {move || match step.get() {
                    Step::Names => view! {
                        <span class="govuk-caption-l">"Step 1 of 3"</span>
                        <h1 class="govuk-heading-l">"Register a new account"</h1>
                        <form novalidate on:submit=submit_names>
                            <TextInput name="forename" label="Forename" value=forename errors=errors autocomplete="given-name" />
                            <TextInput name="surname" label="Surname" value=surname errors=errors autocomplete="family-name" />
                            <button type="submit" class="govuk-button" data-module="govuk-button">"Next"</button>
                        </form>
                        <p class="govuk-body">"Already have an account? "<A href="/sign-in" attr:class="govuk-link">"Sign in"</A>"."</p>
                    }.into_any(),
                    Step::Credentials => view! {
                        <span class="govuk-caption-l">"Step 2 of 3"</span>
                        <h1 class="govuk-heading-l">"Your email address and password"</h1>
                        <form novalidate on:submit=submit_credentials>
                            <TextInput name="email" label="Email address" value=email errors=errors kind="email" autocomplete="email"
                                hint="You will use this to sign in. We will send a verification code to it." />
                            <TextInput name="password" label="Password" value=password errors=errors kind="password" autocomplete="new-password" />
                            <PasswordChecklist password=password email=email />
                            <TextInput name="confirm_password" label="Confirm password" value=confirm errors=errors kind="password" autocomplete="new-password" />
                            <BotCheckStatus solution=bot_check />
                            <div class="govuk-button-group">
                                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>"Next"</button>
                                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| go(Step::Names)>"Previous"</button>
                            </div>
                        </form>
                    }.into_any(),
                    Step::Code => view! {
                        <span class="govuk-caption-l">"Step 3 of 3"</span>
                        <h1 class="govuk-heading-l">"Enter your verification code"</h1>
                        <p class="govuk-body">{move || format!("We have sent a 6-digit code to {}. It works for 20 minutes.", email.get())}</p>
                        {move || notice.get().map(|text| view! { <div class="govuk-inset-text" role="status">{text}</div> })}
                        <form novalidate on:submit=submit_code>
                            <TextInput name="code" label="Verification code" value=code errors=errors autocomplete="one-time-code"
                                hint="You do not need the space: 123 456 and 123456 both work" width_class="govuk-input--width-10" numeric=true />
                            <div class="govuk-button-group">
                                <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>"Next"</button>
                                <button type="button" class="govuk-button govuk-button--secondary" on:click=resend>"Send a new code"</button>
                            </div>
                        </form>
                        <details class="govuk-details">
                            <summary class="govuk-details__summary">
                                <span class="govuk-details__summary-text">"Not received the email?"</span>
                            </summary>
                            <div class="govuk-details__text">
                                "Check your junk folder. If it is not there, check the email address you gave, then select 'Send a new code'."
                            </div>
                        </details>
                    }.into_any(),
                    Step::Completed => view! {
                        <div class="govuk-panel govuk-panel--confirmation">
                            <h1 class="govuk-panel__title">"Registration completed"</h1>
                            <div class="govuk-panel__body">"You are signed in"</div>
                        </div>
                        <A href=take_return_path() attr:class="govuk-button" attr:role="button">"Continue"</A>
                    }.into_any(),
                }}
            </div>
        </div>
    }
}
