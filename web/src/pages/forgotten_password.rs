use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::{FieldErrors, PasswordResetCompletion, PasswordResetRequest, validate_email};

use crate::api;
use crate::components::bot_check::{BotCheckStatus, solve_bot_check};
use crate::components::form::{ErrorSummary, PasswordChecklist, TextInput, submit};
use crate::components::title::set_page_title;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Step {
    Email,
    NewPassword,
    Done,
}

/// Forgotten password: a code by email, then a new password; every session ends.
#[component]
pub fn ForgottenPassword() -> impl IntoView {
    set_page_title("Reset your password");
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
        let found = validate_email(&request.email);
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
        let found = request.validate();
        let send = async move { api::complete_password_reset(&request).await };
        submit(errors, busy, found, send, move |()| step.set(Step::Done));
    };

    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                {move || match step.get() {
                    Step::Email => view! {
                        <h1 class="govuk-heading-l">"Reset your password"</h1>
                        <p class="govuk-body">"We will email you a code to reset your password, if the address has an account."</p>
                        <form novalidate on:submit=submit_email>
                            <TextInput name="email" label="Email address" value=email errors=errors kind="email" autocomplete="email" />
                            <BotCheckStatus solution=bot_check />
                            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>"Continue"</button>
                        </form>
                    }.into_any(),
                    Step::NewPassword => view! {
                        <h1 class="govuk-heading-l">"Choose a new password"</h1>
                        <p class="govuk-body">{move || format!("If {} has an account, we have sent it a 6-digit code. It works for 20 minutes.", email.get())}</p>
                        <form novalidate on:submit=submit_password>
                            <TextInput name="code" label="Code" value=code errors=errors autocomplete="one-time-code"
                                hint="For example, 123 456" width_class="govuk-input--width-10" numeric=true />
                            <TextInput name="password" label="New password" value=password errors=errors kind="password" autocomplete="new-password" />
                            <PasswordChecklist password=password email=email />
                            <TextInput name="confirm_password" label="Confirm new password" value=confirm errors=errors kind="password" autocomplete="new-password" />
                            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>"Reset password"</button>
                        </form>
                    }.into_any(),
                    Step::Done => view! {
                        <div class="govuk-panel govuk-panel--confirmation">
                            <h1 class="govuk-panel__title">"Your password has been reset"</h1>
                            <div class="govuk-panel__body">"You have been signed out everywhere"</div>
                        </div>
                        <A href="/sign-in" attr:class="govuk-button" attr:role="button">"Sign in"</A>
                    }.into_any(),
                }}
            </div>
        </div>
    }
}
