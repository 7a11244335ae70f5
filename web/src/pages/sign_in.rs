use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::api::{FieldErrors, SignInRequest, VerifyCodeRequest};

use crate::api;
use crate::boot::{use_council, use_language, use_locale};
use crate::components::bot_check::{BotCheckStatus, solve_bot_check};
use crate::components::form::{ErrorSummary, TextInput, submit};
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::td_string;
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
    let locale = use_locale();
    let language = use_language();
    let service = use_council().service_name_in(language).to_owned();
    Effect::new(move |_| {
        set_page_title(if code_sent.get() {
            td_string!(locale, sign_in.check_email)
        } else {
            td_string!(locale, sign_in.title)
        });
    });

    let submit_password = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = SignInRequest {
            email: email.get(),
            password: password.get(),
            bot_check: bot_check.get().unwrap_or_default(),
        };
        let found = request.validate_in(language);
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
        let found = request.validate_in(language);
        let navigate = navigate.clone();
        submit(
            errors,
            busy,
            found,
            async move { api::finish_sign_in(&request).await },
            move |created| {
                let citizen = created.account.role == shared::api::Role::Public;
                let chosen = created.account.language;
                session.start(created);
                match take_stored_return_path() {
                    Some(path) => go_to(&navigate, &path, chosen, language),
                    None => leptos::task::spawn_local(async move {
                        go_to(
                            &navigate,
                            &landing(session, citizen).await,
                            chosen,
                            language,
                        );
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
                        <h1 class="govuk-heading-l">{td_string!(locale, sign_in.title)}</h1>
                        <form novalidate on:submit=submit_password>
                            <TextInput name="email" label=td_string!(locale, form.email_address) value=email errors=errors kind="email" autocomplete="email" />
                            <TextInput name="password" label=td_string!(locale, form.password) value=password errors=errors kind="password" autocomplete="current-password" />
                            <p class="govuk-body">{td_string!(locale, sign_in.code_each_time)}</p>
                            <BotCheckStatus solution=bot_check />
                            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>
                                {td_string!(locale, form.continue_)}
                            </button>
                        </form>
                        <p class="govuk-body"><A href="/forgotten-password" attr:class="govuk-link">{td_string!(locale, sign_in.forgotten_password)}</A></p>
                        <h2 class="govuk-heading-m">{td_string!(locale, sign_in.new_users)}</h2>
                        <p class="govuk-body">{fill(td_string!(locale, sign_in.new_users_register), &[("service", service.to_string())])}</p>
                        <A href="/register" attr:class="govuk-button govuk-button--secondary" attr:role="button">
                            {td_string!(locale, sign_in.register)}
                        </A>
                    }
                >
                    <h1 class="govuk-heading-l">{td_string!(locale, sign_in.check_email)}</h1>
                    <p class="govuk-body">{move || fill(td_string!(locale, sign_in.code_sent), &[("email", email.get().to_string())])}</p>
                    <form novalidate on:submit=submit_code.clone()>
                        <TextInput name="code" label=td_string!(locale, form.code) value=code errors=errors autocomplete="one-time-code"
                            hint=td_string!(locale, form.code_hint) width_class="govuk-input--width-10" numeric=true />
                        <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>
                            {td_string!(locale, sign_in.title)}
                        </button>
                    </form>
                    <p class="govuk-body">
                        {td_string!(locale, sign_in.not_received_before)}
                        <a href="/sign-in" class="govuk-link" rel="external">{td_string!(locale, sign_in.start_again)}</a>
                        {td_string!(locale, sign_in.not_received_after)}
                    </p>
                </Show>
            </div>
        </div>
    }
}

/// Goes to `path` after signing in: within the app when the page is already in the account's
/// language, else loaded again from the server in it (the account remembers the choice made on
/// another device).
fn go_to(
    navigate: &impl Fn(&str, leptos_router::NavigateOptions),
    path: &str,
    chosen: shared::language::Language,
    shown: shared::language::Language,
) {
    if chosen == shown {
        navigate(path, Default::default());
    } else if let Some(window) = web_sys::window() {
        let separator = if path.contains('?') { '&' } else { '?' };
        let _ = window.location().assign(&format!(
            "{path}{separator}{}={}",
            shared::boot::LANGUAGE_QUERY,
            chosen.code()
        ));
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
