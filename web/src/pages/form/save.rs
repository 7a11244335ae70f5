use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;
use shared::api::ItemView;
use shared::forms::FormDefinition;

use super::state::{Filling, Progress, Saved, resume_path, return_here_after_sign_in};
use super::with_form;
use crate::api::ApiError;
use crate::boot::{use_language, use_locale};
use crate::components::title::set_page_title;
use crate::fill;
use crate::i18n::td_string;
use crate::session::use_session;
use crate::time::{day_in, uk_date_in};

/// Save for later: signed in, the answers are saved to the account for 30 days; not signed
/// in, the seed's "Login or Register" page first, which comes back here afterwards.
#[component]
pub fn SaveForLater() -> impl IntoView {
    with_form(|form, filling| view! { <Save form=form filling=filling /> })
}

#[component]
fn Save(form: FormDefinition, filling: Filling) -> impl IntoView {
    let (locale, language) = (use_locale(), use_language());
    let session = use_session();
    let query = use_query_map();
    let page = query.read_untracked().get("page");
    let here = match &page {
        Some(page) => format!("{}/save?page={page}", filling.base()),
        None => format!("{}/save", filling.base()),
    };
    let outcome: RwSignal<Option<Result<Saved, ApiError>>> = RwSignal::new(None);
    let started = StoredValue::new(false);
    let save = {
        let filling = filling.clone();
        move || {
            if started.get_value() {
                return;
            }
            started.set_value(true);
            let filling = filling.clone();
            let page = page.clone();
            leptos::task::spawn_local(async move {
                let mut progress = Progress::load_or_new(&filling);
                outcome.set(Some(progress.save(&filling, page, session).await));
            });
        }
    };
    let title = form.title.in_language(language).to_owned();
    move || {
        if !session.checked.get() {
            return view! { <p class="govuk-body">{td_string!(locale, wizard.loading_plain)}</p> }
                .into_any();
        }
        if !session.is_signed_in() {
            set_page_title(td_string!(locale, wizard.sign_in_to_save));
            return view! { <SignInToSave form_title=title.clone() here=here.clone() /> }
                .into_any();
        }
        save();
        match outcome.get() {
            None => view! { <p class="govuk-body" role="status">{td_string!(locale, wizard.saving)}</p> }.into_any(),
            Some(Ok(Saved::Item(item))) => {
                set_page_title(td_string!(locale, wizard.answers_saved));
                view! { <ItemSaved item=*item filling=filling.clone() form_title=title.clone() /> }.into_any()
            }
            Some(Ok(Saved::Draft(draft))) => {
                set_page_title(td_string!(locale, wizard.form_saved));
                let date = uk_date_in(language, draft.expires_at);
                // The draft keeps the title it was saved with; this window has the form itself.
                let form_title = title.clone();
                view! {
                    <div class="govuk-grid-row">
                        <div class="govuk-grid-column-two-thirds">
                            <div class="govuk-panel govuk-panel--confirmation">
                                <h1 class="govuk-panel__title">{td_string!(locale, wizard.form_saved)}</h1>
                                <div class="govuk-panel__body">{form_title}</div>
                            </div>
                            <p class="govuk-body">{fill(td_string!(locale, wizard.keep_until), &[("date", date.to_string())])}</p>
                            <p class="govuk-body">{td_string!(locale, wizard.not_received)}</p>
                            <p class="govuk-body">{td_string!(locale, wizard.carry_on)}</p>
                            <div class="govuk-button-group">
                                <A href=resume_path(&filling, draft.page_id.as_deref()) attr:class="govuk-button" attr:role="button">{td_string!(locale, wizard.continue_now)}</A>
                                <A href="/account" attr:class="govuk-link">{td_string!(locale, wizard.go_to_account)}</A>
                            </div>
                        </div>
                    </div>
                }
                .into_any()
            }
            Some(Err(error)) => {
                set_page_title(td_string!(locale, wizard.not_saved));
                let lines: Vec<String> = error.field_errors().into_values().flatten().collect();
                view! {
                    <h1 class="govuk-heading-l">{td_string!(locale, wizard.not_saved)}</h1>
                    {lines.into_iter().map(|line| view! { <p class="govuk-body">{line}</p> }).collect_view()}
                    <p class="govuk-body">{td_string!(locale, wizard.still_here)}
                        <A href="/account" attr:class="govuk-link">{td_string!(locale, wizard.go_to_account)}</A>{td_string!(locale, wizard.see_saved_copy)}</p>
                }
                .into_any()
            }
        }
    }
}

#[component]
fn SignInToSave(form_title: String, here: String) -> impl IntoView {
    let locale = use_locale();
    let (a, b) = (here.clone(), here);
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <span class="govuk-caption-l">{form_title}</span>
                <h1 class="govuk-heading-l">{td_string!(locale, wizard.sign_in_to_save)}</h1>
                <p class="govuk-body">{td_string!(locale, wizard.save_needs_account)}</p>
                <p class="govuk-body">{td_string!(locale, wizard.to_register)}</p>
                <ol class="govuk-list govuk-list--number">
                    <li>{td_string!(locale, wizard.register_email)}</li>
                    <li>{td_string!(locale, wizard.register_code)}</li>
                    <li>{td_string!(locale, wizard.register_minutes)}</li>
                </ol>
                <p class="govuk-body">{td_string!(locale, wizard.junk)}</p>
                <div class="govuk-button-group">
                    <A href="/sign-in" attr:class="govuk-button" attr:role="button" on:click=move |_| return_here_after_sign_in(&a)>{td_string!(locale, wizard.sign_in)}</A>
                    <A href="/register" attr:class="govuk-button govuk-button--secondary" attr:role="button" on:click=move |_| return_here_after_sign_in(&b)>{td_string!(locale, wizard.register)}</A>
                </div>
            </div>
        </div>
    }
}

/// An item's answers saved on the item, for the person and anyone else linked to them.
#[component]
fn ItemSaved(item: ItemView, filling: Filling, form_title: String) -> impl IntoView {
    let (locale, language) = (use_locale(), use_language());
    let items = match &filling {
        Filling::Item { person_id, .. } => format!("/record/{person_id}/items"),
        Filling::Referral { .. } => "/account".to_owned(),
    };
    let date = day_in(language, item.item.due_on);
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <div class="govuk-panel govuk-panel--confirmation">
                    <h1 class="govuk-panel__title">{td_string!(locale, wizard.answers_saved)}</h1>
                    <div class="govuk-panel__body">{form_title}</div>
                </div>
                <p class="govuk-body">{fill(td_string!(locale, wizard.submit_by), &[("date", date.to_string())])}</p>
                <p class="govuk-body">{td_string!(locale, wizard.same_answers)}</p>
                <div class="govuk-button-group">
                    <A href=resume_path(&filling, item.page_id.as_deref()) attr:class="govuk-button" attr:role="button">{td_string!(locale, wizard.continue_now)}</A>
                    <A href=items attr:class="govuk-link">{td_string!(locale, record.items.back)}</A>
                </div>
            </div>
        </div>
    }
}
