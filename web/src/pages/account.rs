use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::api::{
    ChangeEmailRequest, ChangeNameRequest, ChangePasswordRequest, ConfirmEmailChangeRequest,
    FieldErrors, Relationship, full_name,
};

use crate::components::form::{ErrorSummary, PasswordChecklist, TextInput, submit};
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::td_string;
use crate::session::{Ending, use_session};

/// The account menu's page: who is signed in, what they can change, and signing out.
#[component]
pub fn Account() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, account.title));
    let session = use_session();
    move || {
        let account = session.account();
        let name = account.as_ref().map(|a| full_name(&a.forename, &a.surname));
        let email = account.map(|a| a.email);
        view! {
            <h1 class="govuk-heading-l">{td_string!(locale, account.title)}</h1>
            <dl class="govuk-summary-list">
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{td_string!(locale, account.name)}</dt>
                    <dd class="govuk-summary-list__value">{name}</dd>
                    <dd class="govuk-summary-list__actions">
                        <A href="/account/name" attr:class="govuk-link">{td_string!(locale, account.change)}<span class="govuk-visually-hidden">{td_string!(locale, account.change_name_hidden)}</span></A>
                    </dd>
                </div>
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{td_string!(locale, form.email_address)}</dt>
                    <dd class="govuk-summary-list__value">{email}</dd>
                    <dd class="govuk-summary-list__actions">
                        <A href="/account/email" attr:class="govuk-link">{td_string!(locale, account.change)}<span class="govuk-visually-hidden">{td_string!(locale, account.change_email_hidden)}</span></A>
                    </dd>
                </div>
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{td_string!(locale, form.password)}</dt>
                    <dd class="govuk-summary-list__value">{td_string!(locale, account.password_set)}</dd>
                    <dd class="govuk-summary-list__actions">
                        <A href="/account/password" attr:class="govuk-link">{td_string!(locale, account.change)}<span class="govuk-visually-hidden">{td_string!(locale, account.change_password_hidden)}</span></A>
                    </dd>
                </div>
            </dl>
            <crate::pages::invitations::Invitations />
            {crate::pages::staff::is_staff(session).then(|| view! {
                <h2 class="govuk-heading-m">{td_string!(locale, layout.council_work)}</h2>
                <p class="govuk-body"><A href="/staff" attr:class="govuk-link">{td_string!(locale, layout.council_work)}</A>
                    {td_string!(locale, account.council_work_after)}</p>
            })}
            <h2 class="govuk-heading-m">{td_string!(locale, account.care_records)}</h2>
            <p class="govuk-body"><A href="/record" attr:class="govuk-link">{td_string!(locale, account.your_care_records)}</A>
                {td_string!(locale, account.care_records_after)}</p>
            <FormatLinks />
            <crate::pages::account_forms::SavedForms />
            <crate::pages::account_forms::SubmittedForms />
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| session.sign_out(Ending::SignedOut)>
                {td_string!(locale, account.sign_out)}
            </button>
        }
    }
}

#[component]
pub fn ChangeName() -> impl IntoView {
    let locale = crate::boot::use_locale();
    let language = crate::boot::use_language();
    set_page_title(td_string!(locale, account.change_name));
    let session = use_session();
    let current = session.account();
    let forename = RwSignal::new(
        current
            .as_ref()
            .map(|a| a.forename.clone())
            .unwrap_or_default(),
    );
    let surname = RwSignal::new(current.map(|a| a.surname).unwrap_or_default());
    let errors = RwSignal::new(FieldErrors::new());
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = ChangeNameRequest {
            forename: forename.get(),
            surname: surname.get(),
        };
        let found = request.validate_in(language);
        let navigate = navigate.clone();
        let send = async move { session.api().change_name(&request).await };
        submit(errors, busy, found, send, move |account| {
            session.update_account(account);
            navigate("/account", Default::default());
        });
    };
    move || {
        view! {
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors=errors />
                    <h1 class="govuk-heading-l">{td_string!(locale, account.change_name)}</h1>
                    <form novalidate on:submit=save.clone()>
                        <TextInput name="forename" label=td_string!(locale, register.forename) value=forename errors=errors autocomplete="given-name" />
                        <TextInput name="surname" label=td_string!(locale, register.surname) value=surname errors=errors autocomplete="family-name" />
                        <button type="submit" class="govuk-button" data-module="govuk-button">{td_string!(locale, account.save)}</button>
                    </form>
                </div>
            </div>
        }
    }
}

#[component]
pub fn ChangePassword() -> impl IntoView {
    let locale = crate::boot::use_locale();
    let language = crate::boot::use_language();
    set_page_title(td_string!(locale, account.change_password));
    let session = use_session();
    let email = RwSignal::new(session.account().map(|a| a.email).unwrap_or_default());
    let current = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let confirm = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let done = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = ChangePasswordRequest {
            current_password: current.get(),
            password: password.get(),
            confirm_password: confirm.get(),
        };
        let found = request.validate_in(&email.get(), language);
        let send = async move { session.api().change_password(&request).await };
        submit(errors, busy, found, send, move |()| done.set(true));
    };
    move || {
        view! {
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors=errors />
                    <Show
                        when=move || done.get()
                        fallback=move || view! {
                            <h1 class="govuk-heading-l">{td_string!(locale, account.change_password)}</h1>
                            <form novalidate on:submit=save>
                                <TextInput name="current_password" label=td_string!(locale, account.current_password) value=current errors=errors kind="password" autocomplete="current-password" />
                                <TextInput name="password" label=td_string!(locale, account.new_password) value=password errors=errors kind="password" autocomplete="new-password" />
                                <PasswordChecklist password=password email=email />
                                <TextInput name="confirm_password" label=td_string!(locale, account.confirm_new_password) value=confirm errors=errors kind="password" autocomplete="new-password" />
                                <button type="submit" class="govuk-button" data-module="govuk-button">{td_string!(locale, account.change_password_button)}</button>
                            </form>
                        }
                    >
                        <div class="govuk-panel govuk-panel--confirmation">
                            <h1 class="govuk-panel__title">{td_string!(locale, account.password_changed)}</h1>
                            <div class="govuk-panel__body">{td_string!(locale, account.signed_out_other_devices)}</div>
                        </div>
                        <A href="/account" attr:class="govuk-link">{td_string!(locale, account.back_to_account)}</A>
                    </Show>
                </div>
            </div>
        }
    }
}

/// Change of email address: the new address and the password, then the code sent there.
#[component]
pub fn ChangeEmail() -> impl IntoView {
    let locale = crate::boot::use_locale();
    let language = crate::boot::use_language();
    set_page_title(td_string!(locale, account.change_email));
    let session = use_session();
    let email = RwSignal::new(String::new());
    let password = RwSignal::new(String::new());
    let code = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let code_sent = RwSignal::new(false);
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let submit_email = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = ChangeEmailRequest {
            email: email.get(),
            password: password.get(),
        };
        let found = request.validate_in(language);
        let send = async move { session.api().change_email(&request).await };
        submit(errors, busy, found, send, move |_| code_sent.set(true));
    };
    let submit_code = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let request = ConfirmEmailChangeRequest { code: code.get() };
        let found = request.validate_in(language);
        let navigate = navigate.clone();
        let send = async move { session.api().confirm_email_change(&request).await };
        submit(errors, busy, found, send, move |account| {
            session.update_account(account);
            navigate("/account", Default::default());
        });
    };
    move || {
        let submit_code = submit_code.clone();
        view! {
            <div class="govuk-grid-row">
                <div class="govuk-grid-column-two-thirds">
                    <ErrorSummary errors=errors />
                    <Show
                        when=move || code_sent.get()
                        fallback=move || view! {
                            <h1 class="govuk-heading-l">{td_string!(locale, account.change_email)}</h1>
                            <form novalidate on:submit=submit_email>
                                <TextInput name="email" label=td_string!(locale, account.new_email) value=email errors=errors kind="email" autocomplete="email"
                                    hint=td_string!(locale, account.new_email_hint) />
                                <TextInput name="password" label=td_string!(locale, account.your_password) value=password errors=errors kind="password" autocomplete="current-password" />
                                <button type="submit" class="govuk-button" data-module="govuk-button">{td_string!(locale, form.continue_)}</button>
                            </form>
                        }
                    >
                        <h1 class="govuk-heading-l">{td_string!(locale, account.check_email)}</h1>
                        <p class="govuk-body">{move || fill(td_string!(locale, account.code_sent), &[("email", email.get().to_string())])}</p>
                        <form novalidate on:submit=submit_code.clone()>
                            <TextInput name="code" label=td_string!(locale, form.code) value=code errors=errors autocomplete="one-time-code"
                                hint=td_string!(locale, form.code_hint) width_class="govuk-input--width-10" numeric=true />
                            <button type="submit" class="govuk-button" data-module="govuk-button">{td_string!(locale, account.change_email_button)}</button>
                        </form>
                    </Show>
                </div>
            </div>
        }
    }
}

/// Where to ask for letters and documents in another format, for each record the account
/// may see.
#[component]
fn FormatLinks() -> impl IntoView {
    let locale = crate::boot::use_locale();
    let session = use_session();
    let records = LocalResource::new(move || async move {
        let client = session.api();
        client.people().await.ok()
    });
    move || {
        records.get().flatten().filter(|r| !r.is_empty()).map(|records| {
            view! {
                <h2 class="govuk-heading-m">{td_string!(locale, account.letters_heading)}</h2>
                <p class="govuk-body">{td_string!(locale, account.letters_intro)}</p>
                <ul class="govuk-list">
                    {records.into_iter().map(|p| view! {
                        <li><A href=format!("/record/{}/formats", p.id) attr:class="govuk-link">
                            {if p.relationship == Relationship::Own {
                                td_string!(locale, account.ask_own_letters).into_any()
                            } else {
                                fill(td_string!(locale, account.ask_letters), &[("name", p.name.to_string())]).into_any()
                            }}
                        </A></li>
                    }).collect_view()}
                </ul>
            }
        })
    }
}
