use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::forms::{Block, FormDefinition, visible_pages};

use shared::api::{FieldErrors, FormStartRequest};

use super::state::{Filling, Progress, today};
use super::{FormCaption, with_form};
use crate::api;
use crate::components::bot_check::{BotCheckStatus, solve_bot_check};
use crate::components::form::ErrorSummary;
use crate::components::title::set_page_title;
use crate::i18n::td_string;
use crate::session::use_session;

/// "Before you start": what the form is for, what to have ready, and Start now. Someone not
/// signed in passes the bot check first; their answers then stay in this window until they
/// save or submit.
#[component]
pub fn FormStart() -> impl IntoView {
    with_form(|form, filling| view! { <Start form=form filling=filling /> })
}

#[component]
fn Start(form: FormDefinition, filling: Filling) -> impl IntoView {
    let language = crate::boot::use_language();
    let locale = crate::boot::use_locale();
    set_page_title(form.title.in_language(language));
    let session = use_session();
    let navigate = use_navigate();
    let bot_check = solve_bot_check();
    let in_progress = Progress::load(&filling).is_some_and(|p| !p.answers.is_empty());
    let base = filling.base();
    let first_page = form.pages.first().map(|p| p.id.clone()).unwrap_or_default();
    let ready = move || session.is_signed_in() || bot_check.is_solved();
    let errors = RwSignal::new(FieldErrors::new());
    let start = {
        let form = form.clone();
        move |_| {
            let form = form.clone();
            let filling = filling.clone();
            let first_page = first_page.clone();
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                // Without an account, the server checks the solved bot check first.
                if !session.is_signed_in() {
                    let request = FormStartRequest {
                        form_id: form.id.clone(),
                        bot_check: bot_check.get_untracked().unwrap_or_default(),
                    };
                    if let Err(error) = api::start_form(&request).await {
                        errors.set(error.field_errors());
                        return;
                    }
                }
                let mut progress = Progress::load_or_new(&filling);
                progress.prefill(&form, &session);
                progress.store(&filling);
                let first = visible_pages(&form, &progress.answers, today())
                    .first()
                    .map(|p| p.id.clone())
                    .unwrap_or(first_page);
                navigate(&filling.page(&first), Default::default());
            });
        }
    };
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <A href="/referrals" attr:class="govuk-back-link">{td_string!(locale, wizard.back)}</A>
                <ErrorSummary errors=errors />
                <FormCaption title=form.title.in_language(language).to_owned() />
                <h1 class="govuk-heading-l">{td_string!(locale, wizard.before_you_start)}</h1>
                {blocks(&form.before_you_start)}
                <ul class="govuk-list govuk-list--bullet">
                    <li>{td_string!(locale, wizard.asterisk)}</li>
                    <li>{td_string!(locale, wizard.time_out)}</li>
                    <li>{td_string!(locale, wizard.sees_nothing)}</li>
                </ul>
                {move || (!session.is_signed_in()).then(|| view! { <BotCheckStatus solution=bot_check /> })}
                <button type="button" class="govuk-button govuk-button--start" data-module="govuk-button"
                    disabled=move || !ready() on:click=start>
                    {if in_progress { td_string!(locale, form.continue_) } else { td_string!(locale, wizard.start_now) }}
                    <svg class="govuk-button__start-icon" xmlns="http://www.w3.org/2000/svg" width="17.5" height="19" viewBox="0 0 33 40" aria-hidden="true" focusable="false">
                        <path fill="currentColor" d="M0 0h13l20 20-20 20H0l20-20z" />
                    </svg>
                </button>
                {in_progress.then(|| view! {
                    <p class="govuk-body">
                        {td_string!(locale, wizard.in_progress)}
                        <A href=format!("{base}/cancel") attr:class="govuk-link">{td_string!(locale, wizard.start_again)}</A>"."
                    </p>
                })}
            </div>
        </div>
    }
}

/// Content blocks of "Before you start", exit pages and "What happens next".
pub fn blocks(blocks: &[Block]) -> impl IntoView + use<> {
    let language = crate::boot::use_language();
    blocks
        .iter()
        .map(|block| match block.clone() {
            Block::Paragraph(text) => view! { <p class="govuk-body">{text.in_language(language).to_owned()}</p> }.into_any(),
            Block::List(items) => view! {
                <ul class="govuk-list govuk-list--bullet">
                    {items.into_iter().map(|item| view! { <li>{item.in_language(language).to_owned()}</li> }).collect_view()}
                </ul>
            }
            .into_any(),
            Block::Link { text, href } => view! {
                <p class="govuk-body"><a class="govuk-link" href=href>{text.in_language(language).to_owned()}</a></p>
            }
            .into_any(),
            Block::Warning(text) => view! {
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">{crate::i18n::td_string!(crate::boot::use_locale(), form.warning)}</span>{text.in_language(language).to_owned()}
                    </strong>
                </div>
            }
            .into_any(),
        })
        .collect_view()
}
