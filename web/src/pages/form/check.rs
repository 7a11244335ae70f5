use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::api::{CreateSubmissionRequest, FieldErrors, SubmitItemRequest};
use shared::forms::{
    FormDefinition, SummaryRow, exit_page, is_complete, summary_in, validate_all_in, visible_pages,
    warnings,
};

use super::state::{Filling, Progress, mark_just_submitted, return_here_after_sign_in, today};
use super::{FormCaption, as_summary, with_form};
use crate::boot::use_council;
use crate::components::form::{ErrorSummary, WarningText};
use crate::components::title::set_page_title;
use crate::i18n::td_string;
use crate::session::use_session;

/// Check your answers: every visible answer with a Change link; Submit once the form is
/// complete, and otherwise what is missing, each linked to its question.
#[component]
pub fn CheckAnswers() -> impl IntoView {
    with_form(|form, filling| view! { <Check form=form filling=filling /> })
}

#[component]
fn Check(form: FormDefinition, filling: Filling) -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, wizard.check_your_answers));
    let session = use_session();
    let council = use_council();
    let navigate = use_navigate();
    let progress = Progress::load_or_new(&filling);
    let answers = progress.answers.clone();
    let language = crate::boot::use_language();
    let rows = summary_in(&form, &answers, today(), language);
    let problems = validate_all_in(
        &form,
        &answers,
        today(),
        &council.postcode_districts,
        language,
    );
    let exit = exit_page(&form, &answers, today()).map(|e| e.id.clone());
    let said = warnings(&form, &answers, today());
    let ready = is_complete(&form, &answers, today()) && problems.is_empty() && exit.is_none();
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let pages: Vec<(String, String)> = visible_pages(&form, &answers, today())
        .iter()
        .map(|p| {
            (
                p.id.clone(),
                p.title.in_language(crate::boot::use_language()).to_owned(),
            )
        })
        .collect();
    // Each problem links to its question on its page.
    let to_fix: Vec<(String, String)> = rows
        .iter()
        .filter_map(|row| {
            let message = problems
                .get(&row.question_id)
                .and_then(|m| m.first().cloned())
                .or_else(|| {
                    row.missing
                        .then(|| format!("{}{}", td_string!(locale, wizard.answer), row.label))
                })
                .or_else(|| {
                    problems
                        .iter()
                        .find(|(key, _)| key.starts_with(&format!("{}.", row.question_id)))
                        .and_then(|(_, m)| m.first().cloned())
                })?;
            Some((
                format!("{}#{}", filling.page(&row.page_id), row.question_id),
                message,
            ))
        })
        .collect();

    let submit = {
        let filling = filling.clone();
        let navigate = navigate.clone();
        move |_| {
            if busy.get_untracked() {
                return;
            }
            busy.set(true);
            let progress = Progress::load_or_new(&filling);
            let filling = filling.clone();
            let navigate = navigate.clone();
            leptos::task::spawn_local(async move {
                let sent = async {
                    let client = session.api();
                    let key = &progress.idempotency_key;
                    match &filling {
                        Filling::Referral { form_id } => {
                            let request = CreateSubmissionRequest {
                                form_id: form_id.clone(),
                                answers: progress.answers.clone(),
                                draft_id: progress.draft_id.clone(),
                                language,
                            };
                            client.submit_form(key, &request).await
                        }
                        Filling::Item { person_id, item_id } => {
                            let request = SubmitItemRequest {
                                answers: progress.answers.clone(),
                                language,
                            };
                            client.submit_item(key, person_id, item_id, &request).await
                        }
                    }
                }
                .await;
                match sent {
                    Ok(submission) => {
                        Progress::forget(&filling);
                        mark_just_submitted(&submission.id);
                        // A referral's confirmation is in the account; an item's on its page.
                        let confirmation = match &filling {
                            Filling::Referral { .. } => {
                                format!("/account/submissions/{}", submission.id)
                            }
                            Filling::Item { .. } => filling.base(),
                        };
                        navigate(&confirmation, Default::default());
                    }
                    Err(error) => errors.set(as_summary(&error)),
                }
                busy.set(false);
            });
        }
    };
    let sign_in_first = {
        let here = filling.check_answers();
        move || return_here_after_sign_in(&here)
    };
    let sign_in_first_too = sign_in_first.clone();
    let back = pages
        .last()
        .map(|(id, _)| filling.page(id))
        .unwrap_or_else(|| filling.base());

    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <A href=back attr:class="govuk-back-link">{td_string!(locale, wizard.back)}</A>
                <ErrorSummary errors=errors />
                <FormCaption title=form.title.in_language(crate::boot::use_language()).to_owned() />
                <h1 class="govuk-heading-l">{td_string!(locale, wizard.check_your_answers)}</h1>
                {exit.map(|exit_id| view! {
                    <div class="govuk-inset-text">
                        {td_string!(locale, wizard.cannot_be_sent)}
                        <A href=filling.exit(&exit_id) attr:class="govuk-link">{td_string!(locale, wizard.what_to_do_instead)}</A>"."
                    </div>
                })}
                {(!to_fix.is_empty()).then(|| view! { <NotFinished to_fix=to_fix /> })}
                // Worth a word before sending, never a refusal.
                {said.into_values().flatten().map(|message| view! { <WarningText message=message /> }).collect_view()}
                {pages.into_iter().map(|(page_id, title)| {
                    let page_rows: Vec<SummaryRow> = rows.iter().filter(|r| r.page_id == page_id).cloned().collect();
                    view! { <PageAnswers title=title href=filling.page(&page_id) rows=page_rows /> }
                }).collect_view()}
                {ready.then(|| view! {
                    <h2 class="govuk-heading-m">{td_string!(locale, wizard.now_send)}</h2>
                    {move || if session.is_signed_in() {
                        view! {
                            <p class="govuk-body">{td_string!(locale, wizard.declaration)}</p>
                            <button type="button" class="govuk-button" data-module="govuk-button"
                                disabled=move || busy.get() on:click=submit.clone()>{td_string!(locale, wizard.submit)}</button>
                        }.into_any()
                    } else {
                        let (a, b) = (sign_in_first.clone(), sign_in_first_too.clone());
                        view! {
                            <p class="govuk-body">{td_string!(locale, wizard.sign_in_to_submit)}</p>
                            <div class="govuk-button-group">
                                <A href="/sign-in" attr:class="govuk-button" attr:role="button" on:click=move |_| a()>{td_string!(locale, wizard.sign_in)}</A>
                                <A href="/register" attr:class="govuk-button govuk-button--secondary" attr:role="button" on:click=move |_| b()>{td_string!(locale, wizard.register)}</A>
                            </div>
                        }.into_any()
                    }}
                })}
            </div>
        </div>
    }
}

/// The questions still to answer, each a link to its page.
#[component]
fn NotFinished(to_fix: Vec<(String, String)>) -> impl IntoView {
    let locale = crate::boot::use_locale();
    view! {
        <div class="govuk-inset-text app-missing">
            <h2 class="govuk-heading-m">{td_string!(locale, wizard.not_finished)}</h2>
            <p class="govuk-body">{td_string!(locale, wizard.answer_these)}</p>
            <ul class="govuk-list">
                {to_fix.into_iter().map(|(href, message)| view! {
                    <li><A href=href attr:class="govuk-link">{message}</A></li>
                }).collect_view()}
            </ul>
        </div>
    }
}

/// One page's answers, each with a link to change it on the page (`href`).
#[component]
fn PageAnswers(title: String, href: String, rows: Vec<SummaryRow>) -> impl IntoView {
    let locale = crate::boot::use_locale();
    view! {
        <h2 class="govuk-heading-m">{title}</h2>
        <dl class="govuk-summary-list govuk-!-margin-bottom-9">
            {rows.into_iter().map(|row| view! {
                <div class="govuk-summary-list__row">
                    <dt class="govuk-summary-list__key">{row.label.clone()}</dt>
                    <dd class="govuk-summary-list__value app-answer">{row.answer.clone()}</dd>
                    <dd class="govuk-summary-list__actions">
                        <A href=format!("{href}#{}", row.question_id) attr:class="govuk-link">
                            {td_string!(locale, wizard.change)}<span class="govuk-visually-hidden">{format!(" {}", row.label.to_lowercase())}</span>
                        </A>
                    </dd>
                </div>
            }).collect_view()}
        </dl>
    }
}
