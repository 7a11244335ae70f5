use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::api::{FieldErrors, SignInRequest, VerifyCodeRequest};

use crate::api;
use crate::components::bot_check::{BotCheckStatus, solve_bot_check};
use crate::components::form::{ErrorSummary, TextInput, submit};
use crate::components::title::set_page_title;
use crate::pages::form::state::take_stored_return_path;
use crate::session::use_session;

/// Sign in, step 1 (email and password) then step 2 (the emailed code); new users register.
#[component]
pub fn SignIn() -> impl IntoView {
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let code_sent = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let bot_check = solve_bot_check();
    let session = use_session();
    let navigate = use_navigate();
    Effect::new(move |_| {
        set_page_title(if code_sent.get() {
            "Check your email"
        } else {
            "Sign in"
        });
    });

    let submit_password = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = SignInRequest {
            email: email.get(),
            password: password.get(),
            bot_check: bot_check.get().unwrap_or_default(),
        };
        let found = request.validate();
        submit(
            errors,
            busy,
            found,
            async move { api::start_sign_in(&request).await },
            move |_| code_sent.set(true),
        );
    };

    let submit_code = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = VerifyCodeRequest {
            email: email.get(),
            code: code.get(),
        };
        let found = request.validate();
        let navigate = navigate.clone();
        submit(
            errors,
            busy,
            found,
            async move { api::finish_sign_in(&request).await },
            move |created| {
                let citizen = created.account.role == shared::api::Role::Public;
                session.start(created);
                match take_stored_return_path() {
                    Some(path) => navigate(&path, Default::default()),
                    None => leptos::task::spawn_local(async move {
                        navigate(&landing(session, citizen).await, Default::default());
                    }),
                }
            },
        );
    };

    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <Show
                    when=move || code_sent.get()
                    fallback=move || view! {
                        <h1 class="govuk-heading-l">"Sign in"</h1>
                        <form novalidate on:submit=submit_password>
                            <TextInput name="email" label="Email address" value=email errors=errors kind="email" autocomplete="email" />
                            <TextInput name="password" label="Password" value=password errors=errors kind="password" autocomplete="current-password" />
                            <p class="govuk-body">"For your security, we will send a code to your email address each time you sign in."</p>
                            <BotCheckStatus solution=bot_check />
                            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>
                                "Continue"
                            </button>
                        </form>
                        <p class="govuk-body"><A href="/forgotten-password" attr:class="govuk-link">"Forgotten password?"</A></p>
                        <h2 class="govuk-heading-m">"New users"</h2>
                        <p class="govuk-body">"If you are new to Adult Social Care Online, register for an account."</p>
                        <A href="/register" attr:class="govuk-button govuk-button--secondary" attr:role="button">
                            "Register for a new account"
                        </A>
                    }
                >
                    <h1 class="govuk-heading-l">"Check your email"</h1>
                    <p class="govuk-body">{move || format!("We have sent a 6-digit code to {}. It works for 10 minutes.", email.get())}</p>
                    <form novalidate on:submit=submit_code.clone()>
                        <TextInput name="code" label="Code" value=code errors=errors autocomplete="one-time-code"
                            hint="For example, 123 456" width_class="govuk-input--width-10" numeric=true />
                        <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>
                            "Sign in"
                        </button>
                    </form>
                    <p class="govuk-body">
                        "Not received the email? Check your junk folder, or "
                        <a href="/sign-in" class="govuk-link" rel="external">"start again to get a new code"</a>"."
                    </p>
                </Show>
            </div>
        </div>
    }
}

/// Where someone lands after signing in: a citizen with one record on its dashboard, with
/// several on the list to choose from; anyone else (and anyone whose records cannot be read
/// just now) on their account page.
async fn landing(session: crate::session::Session, citizen: bool) -> String {
    if !citizen {
        return "/account".into();
    }
    let people = session.api().people().await.unwrap_or_default();
    match people.as_slice() {
        [] => "/account".into(),
        [only] => format!("/record/{}", only.id),
        _ => "/record".into(),
    }
}
