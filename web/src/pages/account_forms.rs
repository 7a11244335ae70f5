//! The account menu's lists: forms saved for later (with the date each will be deleted) and
//! forms submitted in the last 30 days (with where each has got to), a page at a time.

use leptos::prelude::*;
use leptos_router::components::A;
use shared::api::{DraftSummary, SubmissionSummary};

use crate::api::ApiError;
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
        <h2 class="govuk-heading-m" id="saved-forms">"Saved forms"</h2>
        {move || pages.failed.get().map(|message| view! { <p class="govuk-error-message">{message}</p> })}
        {move || (pages.loaded.get() && pages.items.with(Vec::is_empty)).then(|| view! {
            <p class="govuk-body">"You have no forms saved for later."</p>
        })}
        <Show when=move || !pages.items.with(Vec::is_empty)>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">"Forms saved for later"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Form"</th>
                        <th scope="col" class="govuk-table__header">"Progress"</th>
                        <th scope="col" class="govuk-table__header">"Deleted on"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    <For each=move || pages.items.get() key=|d| (d.id.clone(), d.version) let:draft>
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">
                                <A href=format!("/account/drafts/{}", draft.id) attr:class="govuk-link">
                                    {draft.form_title.clone()}
                                </A>
                                <br /><span class="govuk-body-s">{format!("Last saved {}", crate::time::uk_date(draft.updated_at))}</span>
                            </td>
                            <td class="govuk-table__cell">{format!("{}% complete", draft.progress)}</td>
                            <td class="govuk-table__cell">{draft.expires_at.format("%-d %B %Y").to_string()}</td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </Show>
        {move || pages.next.get().map(|cursor| view! {
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| load(Some(cursor.clone()))>
                "Show more saved forms"
            </button>
        })}
    }
}

#[component]
pub fn SubmittedForms() -> impl IntoView {
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
        <h2 class="govuk-heading-m" id="submitted-forms">"Forms submitted in the last 30 days"</h2>
        {move || pages.failed.get().map(|message| view! { <p class="govuk-error-message">{message}</p> })}
        {move || (pages.loaded.get() && pages.items.with(Vec::is_empty)).then(|| view! {
            <p class="govuk-body">"You have not submitted any forms in the last 30 days."</p>
        })}
        <Show when=move || !pages.items.with(Vec::is_empty)>
            <table class="govuk-table">
                <caption class="govuk-table__caption govuk-visually-hidden">"Forms submitted in the last 30 days"</caption>
                <thead class="govuk-table__head">
                    <tr class="govuk-table__row">
                        <th scope="col" class="govuk-table__header">"Form"</th>
                        <th scope="col" class="govuk-table__header">"Reference"</th>
                        <th scope="col" class="govuk-table__header">"Submitted"</th>
                        <th scope="col" class="govuk-table__header">"Status"</th>
                    </tr>
                </thead>
                <tbody class="govuk-table__body">
                    <For each=move || pages.items.get() key=|s| (s.id.clone(), s.status.as_str()) let:sent>
                        <tr class="govuk-table__row">
                            <td class="govuk-table__cell">
                                <A href=format!("/account/submissions/{}", sent.id) attr:class="govuk-link">{sent.form_title.clone()}</A>
                            </td>
                            <td class="govuk-table__cell">{sent.reference.clone()}</td>
                            <td class="govuk-table__cell">{crate::time::uk_date(sent.submitted_at)}</td>
                            <td class="govuk-table__cell"><strong class="govuk-tag">{sent.status.label()}</strong></td>
                        </tr>
                    </For>
                </tbody>
            </table>
        </Show>
        {move || pages.next.get().map(|cursor| view! {
            <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| load(Some(cursor.clone()))>
                "Show more submitted forms"
            </button>
        })}
    }
}
