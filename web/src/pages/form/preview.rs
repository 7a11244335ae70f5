//! A form designer's preview: an administrator pastes a definition, the server checks it as it
//! would at start (naming each mistake's line), and the form is drawn here with the wizard's own
//! questions, to try: pages and questions come and go with the answers, defaults fill in, and
//! "Check the answers" shows the errors Submit would. Nothing is saved, and nothing needs a restart.

use leptos::prelude::*;
use shared::api::{FieldErrors, Role};
use shared::forms::{
    Answers, FormDefinition, exit_page, prune_hidden, validate_all_in, visible_pages,
    visible_questions,
};

use super::defaults::follow_defaults;
use super::questions::{Slot, form_warnings, warned_question_view};
use super::start::blocks;
use super::state::today;
use crate::boot::use_council;
use crate::components::form::ErrorSummary;
use crate::components::title::set_page_title;
use crate::i18n::td_string;
use crate::session::use_session;

#[component]
pub fn PreviewForm() -> impl IntoView {
    let locale = crate::boot::use_locale();
    set_page_title(td_string!(locale, preview.title));
    let session = use_session();
    let text = RwSignal::new(String::new());
    let errors = RwSignal::new(FieldErrors::new());
    let previewed = RwSignal::new(None::<FormDefinition>);
    let busy = RwSignal::new(false);
    let admin = move || {
        session
            .account()
            .is_some_and(|a| a.role == Role::Administrator)
    };
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let checked = async {
                let client = session.api();
                client.preview_form(&text.get_untracked()).await
            };
            match checked.await {
                Ok(form) => {
                    errors.set(FieldErrors::new());
                    previewed.set(Some(form));
                }
                Err(error) => {
                    previewed.set(None);
                    errors.set(error.field_errors());
                }
            }
            busy.set(false);
        });
    };
    let mistakes = move || errors.with(|e| e.get("definition").cloned().unwrap_or_default());
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <h1 class="govuk-heading-l">{td_string!(locale, preview.title)}</h1>
                {move || if admin() {
                    view! {
                        <p class="govuk-body">{td_string!(locale, preview.intro)}</p>
                        <form novalidate on:submit=check>
                            <div class=move || if mistakes().is_empty() { "govuk-form-group" } else { "govuk-form-group govuk-form-group--error" }>
                                <label class="govuk-label govuk-label--s" for="definition">{td_string!(locale, preview.definition)}</label>
                                <div class="govuk-hint" id="definition-hint">{td_string!(locale, preview.definition_hint)}</div>
                                {move || mistakes().into_iter().map(|message| view! {
                                    <p class="govuk-error-message"><span class="govuk-visually-hidden">{td_string!(locale, form.error)}</span>{message}</p>
                                }).collect_view()}
                                <textarea class="govuk-textarea app-code" id="definition" name="definition" rows="16"
                                    spellcheck="false" aria-describedby="definition-hint"
                                    prop:value=move || text.get()
                                    on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                            </div>
                            <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, preview.check)}</button>
                        </form>
                    }.into_any()
                } else {
                    view! { <p class="govuk-body">{td_string!(locale, preview.administrators_only)}</p> }.into_any()
                }}
            </div>
        </div>
        {move || previewed.get().map(|form| view! { <Preview form=form /> })}
    }
}

/// The form as people would see it, all pages on one page, to try.
#[component]
fn Preview(form: FormDefinition) -> impl IntoView {
    let council = use_council();
    let (locale, language) = (crate::boot::use_locale(), crate::boot::use_language());
    let answers = RwSignal::new(Answers::new());
    let errors = RwSignal::new(FieldErrors::new());
    let pages = form.pages.clone();
    let form = StoredValue::new(form);
    follow_defaults(form, pages, answers);
    // Which pages and questions show: recomputed as answers change, redrawn only when they do.
    let shown = Memo::new(move |_| {
        form.with_value(|f| {
            answers.with(|a| {
                let kept = prune_hidden(f, a, today());
                visible_pages(f, a, today())
                    .into_iter()
                    .map(|page| {
                        let ids: Vec<String> = visible_questions(f, page, &kept, today())
                            .into_iter()
                            .map(|q| q.id.clone())
                            .collect();
                        (page.id.clone(), ids)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let exit = Memo::new(move |_| {
        form.with_value(|f| answers.with(|a| exit_page(f, a, today()).cloned()))
    });
    let warned = form_warnings(form, answers);
    let try_it = move |_| {
        let districts = council.postcode_districts.clone();
        let found = form.with_value(|f| {
            answers.with_untracked(|a| validate_all_in(f, a, today(), &districts, language))
        });
        errors.set(found);
    };
    let title = form.with_value(|f| f.title.in_language(language).to_owned());
    view! {
        <div class="govuk-grid-row app-preview">
            <div class="govuk-grid-column-two-thirds">
                <hr class="govuk-section-break govuk-section-break--l govuk-section-break--visible" />
                <span class="govuk-caption-l">{title}</span>
                <h2 class="govuk-heading-l">{td_string!(locale, wizard.before_you_start)}</h2>
                {form.with_value(|f| blocks(&f.before_you_start))}
                <ErrorSummary errors=errors />
                {move || {
                    shown.get().into_iter().map(|(page_id, ids)| {
                        form.with_value(|f| {
                            let page = f.page(&page_id)?;
                            let questions = ids.iter().filter_map(|id| page.questions.iter().find(|q| &q.id == id)).map(|question| {
                                let slot = Slot { answers, group: None, id: question.id.clone() };
                                warned_question_view(form, question, slot, errors, warned)
                            }).collect_view();
                            Some(view! {
                                <section class="govuk-!-margin-top-8">
                                    <h2 class="govuk-heading-m">{page.title.in_language(language).to_owned()}</h2>
                                    {page.intro.clone().map(|text| view! { <p class="govuk-body">{text.in_language(language).to_owned()}</p> })}
                                    {questions}
                                </section>
                            })
                        })
                    }).collect_view()
                }}
                {move || exit.get().map(|exit| view! {
                    <div class="govuk-inset-text">
                        <h2 class="govuk-heading-m">{td_string!(locale, preview.ends_the_form)}{exit.title.in_language(language).to_owned()}</h2>
                        {blocks(&exit.body)}
                    </div>
                })}
                <button type="button" class="govuk-button govuk-button--secondary" on:click=try_it>{td_string!(locale, preview.check_answers)}</button>
                {form.with_value(|f| (!f.what_happens_next.is_empty()).then(|| view! {
                    <h2 class="govuk-heading-m">{td_string!(locale, sent.what_happens_next)}</h2>
                    {blocks(&f.what_happens_next)}
                }))}
            </div>
        </div>
    }
}
