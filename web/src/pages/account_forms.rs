//! The account menu's lists: forms saved for later (with the date each will be deleted) and
//! forms submitted in the last 30 days (with where each has got to), a page at a time.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::{DraftSummary, SubmissionSummary};

use crate::api::ApiError;
use crate::fill;
use crate::i18n::td_string;
use crate::session::use_session;

/// One list, growing a page at a time with "Show more".
struct Pages<T: Send + Sync + 'static> {
    items: RwSignal<Vec<T>>,
    next: RwSignal<Option<String>>,
    failed: RwSignal<Option<String>>,
    loaded: RwSignal<bool>,
}

// Written out: derived, they would ask `T: Copy`, and only the signals need copying.
impl<T: Send + Sync + 'static> Clone for Pages<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Pages<T> {}

impl<T: Clone + Send + Sync + 'static> Pages<T> {
    fn new() -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            next: RwSignal::new(None),
            failed: RwSignal::new(None),
            loaded: RwSignal::new(false),
        }
    }

    fn take(&self, page: Result<(Vec<T>, Option<String>), ApiError>) {
        match page {
            Ok((items, next)) => {
                self.items.update(|all| all.extend(items));
                self.next.set(next);
            }
            Err(error) => self
                .failed
                .set(error.field_errors().into_values().flatten().next()),
        }
        self.loaded.set(true);
    }
}

#[component]
pub fn SavedForms() -> impl IntoView {
    let (locale, language) = (crate::boot::use_locale(), crate::boot::use_language());
    let session = use_session();
    let pages = Pages::<DraftSummary>::new();
    let load = move |after: Option<String>| {
        leptos::task::spawn_local(async move {
            let page = async {
                let client = session.api();
                client.drafts(after.as_deref()).await
            }
            .await;
            pages.take(page.map(|p| (p.items, p.next)));
        });
    };
    load(None);
    view! {
        <h2 class="govuk-heading-m" id="saved-forms">{td_string!(locale, account.saved_forms)}</h2>
        {move || pages.failed.get().map(|message| view! { <p class="govuk-error-message">{message}</p> })}
        {move || (pages.loaded.get() && pages.items.with(Vec::is_empty)).then(|| view! {
            <p class="govuk-body">{td_string!(locale, account.no_saved_forms)}</p>
        })}
        <Show when=move || !pages.items.with(Vec::is_empty)>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, account.saved_caption)}</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{td_string!(locale, account.form)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, account.progress)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, account.deleted_on)}</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    <For each=move || pages.items.get() key=|d| (d.id.clone(), d.version) let:draft>
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">
                                <A href=format!("/account/drafts/{}", draft.id) attr:class="govuk-link">
                                    {draft.form_title.clone()}
                                </A>
                                <br /><span class="govuk-body-s">{fill(td_string!(locale, account.last_saved), &[("date", crate::time::uk_date_in(language, draft.updated_at).to_string())])}</span>
                            </td>
                            <td class="govuk-table__cell">{fill(td_string!(locale, account.percent_complete), &[("percent", draft.progress.to_string().to_string())])}</td>
                            <td class="govuk-table__cell">{crate::time::uk_date_in(language, draft.expires_at)}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </Show>
        {move || pages.next.get().map(|cursor| view! {
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| load(Some(cursor.clone()))>
                {td_string!(locale, account.show_more_saved)}
            </button>
        })}
    }
}

#[component]
pub fn SubmittedForms() -> impl IntoView {
    let (locale, language) = (crate::boot::use_locale(), crate::boot::use_language());
    let session = use_session();
    let pages = Pages::<SubmissionSummary>::new();
    let load = move |after: Option<String>| {
        leptos::task::spawn_local(async move {
            let page = async {
                let client = session.api();
                client.submissions(after.as_deref()).await
            }
            .await;
            pages.take(page.map(|p| (p.items, p.next)));
        });
    };
    load(None);
    view! {
        <h2 class="govuk-heading-m" id="submitted-forms">{td_string!(locale, account.submitted_forms)}</h2>
        {move || pages.failed.get().map(|message| view! { <p class="govuk-error-message">{message}</p> })}
        {move || (pages.loaded.get() && pages.items.with(Vec::is_empty)).then(|| view! {
            <p class="govuk-body">{td_string!(locale, account.no_submitted_forms)}</p>
        })}
        <Show when=move || !pages.items.with(Vec::is_empty)>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">{td_string!(locale, account.submitted_forms)}</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">{td_string!(locale, account.form)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, account.reference)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, account.submitted)}</th>
                        <th scope="col" class="govuk-table__header">{td_string!(locale, account.status)}</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    <For each=move || pages.items.get() key=|s| (s.id.clone(), s.status.as_str()) let:sent>
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">
                                <A href=format!("/account/submissions/{}", sent.id) attr:class="govuk-link">{sent.form_title.clone()}</A>
                            </td>
                            <td class="govuk-table__cell">{sent.reference.clone()}</td>
                            <td class="govuk-table__cell">{crate::time::uk_date_in(language, sent.submitted_at)}</td>
                            <td class="govuk-table__cell"><strong class="govuk-tag">{crate::labels::submission_status(locale, sent.status)}</strong></td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </Show>
        {move || pages.next.get().map(|cursor| view! {
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| load(Some(cursor.clone()))>
                {td_string!(locale, account.show_more_submitted)}
            </button>
        })}
    }
}
