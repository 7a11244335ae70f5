use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;
use shared::api::FieldErrors;
use shared::forms::FormDefinition;

use super::state::{Filling, Progress};
use super::{FormCaption, as_summary, with_form};
use crate::api;
use crate::components::form::ErrorSummary;
use crate::components::title::set_page_title;
use crate::session::use_session;

/// Cancel: after a confirmation, the answers in this window and any saved draft go.
#[component]
pub fn CancelForm() -> impl IntoView {
    with_form(|form, filling| view! { <Cancel form=form filling=filling /> })
}

#[component]
fn Cancel(form: FormDefinition, filling: Filling) -> impl IntoView {
    set_page_title("Cancel this form");
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
                <FormCaption title=form.title.in_language(crate::boot::use_language()).to_owned() />
                <h1 class="govuk-heading-l">"Are you sure you want to cancel this form?"</h1>
                <div class="govuk-warning-text">
                    <span class="govuk-warning-text__icon" aria-hidden="true">"!"</span>
                    <strong class="govuk-warning-text__text">
                        <span class="govuk-visually-hidden">"Warning"</span>
                        "Your answers will be deleted, including any copy saved for later. The council has not received this form."
                    </strong>
                </div>
                <div class="govuk-button-group">
                    <button type="button" class="govuk-button govuk-button--warning" data-module="govuk-button" on:click=confirm>
                        "Yes, cancel and delete my answers"
                    </button>
                    <A href=base attr:class="govuk-link">"No, go back to the form"</A>
                </div>
            </div>
        </div>
    }
}
