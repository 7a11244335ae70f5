use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::api::FieldErrors;
use shared::forms::FormDefinition;

use super::state::{Filling, Progress};
use super::{FormCaption, as_summary, with_form};
use crate::api;
use crate::boot::{use_language, use_locale};
use crate::components::form::ErrorSummary;
use crate::components::title::set_page_title;
use crate::i18n::td_string;
use crate::session::use_session;

/// Cancel: after a confirmation, the answers in this window and any saved draft go.
#[component]
pub fn CancelForm() -> impl IntoView {
    with_form(|form, filling| view! { <Cancel form=form filling=filling /> })
}

#[component]
fn Cancel(form: FormDefinition, filling: Filling) -> impl IntoView {
    let locale = use_locale();
    set_page_title(td_string!(locale, wizard.cancel_title));
    let session = use_session();
    let navigate = use_navigate();
    let errors = RwSignal::new(FieldErrors::new());
    let base = filling.base();
    let confirm = move |_| {
        let progress = Progress::load(&filling);
        let filling = filling.clone();
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if let Some(draft_id) = progress.and_then(|p| p.draft_id) {
                let deleted = async {
                    let client = session.api();
                    client.delete_draft(&draft_id).await
                }
                .await;
                // Already gone is as good as deleted.
                if let Err(error) = deleted
                    && !matches!(&error, api::ApiError::Problem(p) if p.status == 404)
                {
                    errors.set(as_summary(&error));
                    return;
                }
            }
            Progress::forget(&filling);
            navigate(&filling.base(), Default::default());
        });
    };
    view! {
        <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
                <ErrorSummary errors=errors />
                <FormCaption title=form.title.in_language(use_language()).to_owned() />
                <h1 class="govuk-heading-l">{td_string!(locale, wizard.cancel_sure)}</h1>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">{td_string!(locale, form.warning)}</span>
                        {td_string!(locale, wizard.cancel_warning)}
                    </strong>
                </div>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--warning" data-module="govuk-button" on:click=confirm>
                        {td_string!(locale, wizard.cancel_yes)}
                    </button>
                    <A href=base attr:class="govuk-link">{td_string!(locale, wizard.cancel_no)}</A>
                </div>
            </div>
        </div>
    }
}
