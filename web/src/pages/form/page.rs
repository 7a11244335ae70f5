use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map};
use shared::api::FieldErrors;
use shared::forms::{
    Answers, FormDefinition, Page, progress, prune_hidden, validate_page_in, visible_pages,
    visible_questions,
};

use super::defaults::follow_defaults;
use super::questions::{Slot, form_warnings, warned_question_view};
use super::state::{Filling, Progress, after, before, today};
use super::{FormCaption, ProgressLine, as_summary, with_form};
use crate::boot::use_council;
use crate::components::form::ErrorSummary;
use crate::components::title::set_page_title;
use crate::i18n::td_string;
use crate::pages::not_found::NotFound;
use crate::session::use_session;

/// One page of questions, with Previous, Next, Print, Save for later and Cancel.
#[component]
pub fn FormPage() -> impl IntoView {
    let params = use_params_map();
    with_form(move |form, filling| {
        move || {
            let page_id = params.read().get("page_id").unwrap_or_default();
            match form.page(&page_id).cloned() {
                Some(page) => {
                    view! { <QuestionPage form=form.clone() page=page filling=filling.clone() /> }
                        .into_any()
                }
                None => view! { <NotFound /> }.into_any(),
            }
        }
    })
}

#[component]
fn QuestionPage(form: FormDefinition, page: Page, filling: Filling) -> impl IntoView {
    let page_id = page.id.clone();
    let session = use_session();
    let council = use_council();
    let navigate = use_navigate();
    let mut stored = Progress::load_or_new(&filling);
    let is_item = filling.is_item();
    let filling = StoredValue::new(filling);
    stored.prefill(&form, &session);
    let answers = RwSignal::new(stored.answers.clone());
    let errors = RwSignal::new(FieldErrors::new());
    let busy = RwSignal::new(false);
    let form = StoredValue::new(form);
    let language = crate::boot::use_language();
    let locale = crate::boot::use_locale();
    set_page_title(page.title.in_language(language));
    let percent =
        Signal::derive(move || form.with_value(|f| answers.with(|a| progress(f, a, today()))));
    // Whether this page is shown for the answers so far; one reached by typing its address
    // while hidden offers the way back instead.
    let shown = form.with_value(|f| {
        visible_pages(f, &stored.answers, today())
            .iter()
            .any(|p| p.id == page_id)
    });

    // Keeps the answers in this window as they are typed, so nothing is lost on the way to
    // sign in, to an exit page or back.
    let keep = move || {
        let mut progress = filling.with_value(Progress::load_or_new);
        progress.answers = answers.get_untracked();
        filling.with_value(|f| progress.store(f));
        progress
    };

    // A new page of the form takes focus at its heading, so screen reader users hear that the
    // page changed (a client-side route change is otherwise silent).
    let heading = NodeRef::<leptos::html::H1>::new();
    Effect::new(move |_| {
        if let Some(element) = heading.get() {
            let _ = element.focus();
        }
    });

    // Defaults fill their questions as what they read is given, until the person changes them.
    follow_defaults(form, vec![page.clone()], answers);

    // Every change is kept in this window at once: if the session times out, or the tab is
    // reloaded, no answer is lost.
    Effect::new(move |_| {
        answers.track();
        keep();
    });

    let next = {
        let page_id = page_id.clone();
        let districts = council.postcode_districts.clone();
        let navigate = navigate.clone();
        move |ev: leptos::ev::SubmitEvent| {
            ev.prevent_default();
            if busy.get_untracked() {
                return;
            }
            let current = answers.get_untracked();
            let found = form.with_value(|f| {
                validate_page_in(f, &page_id, &current, today(), &districts, language)
            });
            if !found.is_empty() {
                errors.set(found);
                return;
            }
            let mut progress = keep();
            let destination =
                filling.with_value(|to| form.with_value(|f| after(to, f, &page_id, &current)));
            if !session.is_signed_in() {
                navigate(&destination, Default::default());
                return;
            }
            // Signed in: every Next saves the draft, resuming on the page Next leads to.
            let resume_on = destination.split("/page/").nth(1).map(str::to_owned);
            let to = filling.get_value();
            let navigate = navigate.clone();
            busy.set(true);
            leptos::task::spawn_local(async move {
                match progress.save(&to, resume_on, session).await {
                    Ok(_) => navigate(&destination, Default::default()),
                    Err(error) => errors.set(as_summary(&error)),
                }
                busy.set(false);
            });
        }
    };

    let previous = {
        let page_id = page_id.clone();
        let navigate = navigate.clone();
        move |_| {
            keep();
            let path = filling.with_value(|to| {
                form.with_value(|f| answers.with_untracked(|a| before(to, f, &page_id, a)))
            });
            navigate(&path, Default::default());
        }
    };
    let save_for_later = {
        let navigate = navigate.clone();
        let page_id = page_id.clone();
        move |_| {
            keep();
            let base = filling.with_value(Filling::base);
            navigate(&format!("{base}/save?page={page_id}"), Default::default());
        }
    };
    let title = form.with_value(|f| f.title.in_language(language).to_owned());
    let base = filling.with_value(Filling::base);

    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <ProgressLine percent=percent />
                <FormCaption title=title />
                <h1 class="govuk-heading-l app-focus-target" tabindex="-1" node_ref=heading>{page.title.in_language(language).to_owned()}</h1>
                {(!shown).then(|| view! {
                    <div class="govuk-inset-text">
                        {td_string!(locale, wizard.not_needed)}
                        <A href=base.clone() attr:class="govuk-link">{td_string!(locale, wizard.back_to_start)}</A>"."
                    </div>
                })}
                {page.intro.clone().map(|text| view! { <p class="govuk-body">{text.in_language(language).to_owned()}</p> })}
                <form novalidate on:submit=next>
                    <PageQuestions form page=page.clone() answers errors />
                    <div class="govuk-button-group">
                        <button type="submit" class="govuk-button" data-module="govuk-button" disabled=move || busy.get()>{td_string!(locale, form.next)}</button>
                        <button type="button" class="govuk-button govuk-button--secondary" on:click=previous>{td_string!(locale, form.previous)}</button>
                    </div>
                </form>
                <FormActions is_item=is_item base=base save=save_for_later />
            </div>
        </div>
    }
}

/// Under every page of a form: save it (for later, for a referral), print it, or cancel a
/// referral not yet sent. `base` is the form's address.
#[component]
fn FormActions<F>(is_item: bool, base: String, save: F) -> impl IntoView
where
    F: Fn(leptos::ev::MouseEvent) + 'static,
{
    let locale = crate::boot::use_locale();
    let print = |_| {
        if let Some(window) = web_sys::window() {
            let _ = window.print();
        }
    };
    view! {
        <div class="govuk-button-group app-form-actions">
            <button type="button" class="govuk-button govuk-button--secondary" on:click=save>
                {if is_item { td_string!(locale, wizard.save) } else { td_string!(locale, wizard.save_for_later) }}
            </button>
            <button type="button" class="govuk-button govuk-button--secondary" on:click=print>{td_string!(locale, wizard.print)}</button>
            // A council's request cannot be thrown away; a referral not yet sent can.
            {(!is_item).then(|| view! {
                <A href=format!("{base}/cancel") attr:class="govuk-link">{td_string!(locale, wizard.cancel)}</A>
            })}
        </div>
    }
}

/// The page's questions that the answers so far show, each with its error or warning.
#[component]
fn PageQuestions(
    form: StoredValue<FormDefinition>,
    page: Page,
    answers: RwSignal<Answers>,
    errors: RwSignal<FieldErrors>,
) -> impl IntoView {
    let warned = form_warnings(form, answers);
    move || {
        // Hidden questions' answers decide nothing: the same rule the server applies.
        let visible: Vec<_> = form.with_value(|f| {
            answers.with(|a| {
                visible_questions(f, &page, &prune_hidden(f, a, today()), today())
                    .into_iter()
                    .cloned()
                    .collect()
            })
        });
        visible
            .iter()
            .map(|question| {
                let slot = Slot {
                    answers,
                    group: None,
                    id: question.id.clone(),
                };
                warned_question_view(form, question, slot, errors, warned)
            })
            .collect_view()
    }
}
