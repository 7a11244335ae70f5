//! The form wizard: "Before you start", the pages with Previous and Next, check answers,
//! exit pages, save for later and cancel. Every verdict (what is shown, what is wrong, how far
//! along) comes from `shared::forms`, the code the server runs again on save and submit.

mod cancel;
mod check;
mod exit;
mod page;
mod questions;
mod resume;
mod save;
mod start;
pub mod state;

pub use cancel::CancelForm;
pub use check::CheckAnswers;
pub use exit::FormExit;
pub use page::FormPage;
pub use resume::ResumeDraft;
pub use save::SaveForLater;
pub use start::{FormStart, blocks};

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::api::FieldErrors;
use shared::forms::FormDefinition;

use crate::api::{self, ApiError};
use crate::pages::not_found::NotFound;

/// Loads the form named in the path and renders `render` with it; an unknown form is "Page
/// not found", a failed load says so.
fn with_form<V: IntoView + 'static>(
    render: impl Fn(FormDefinition) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    let definition = LocalResource::new(move || {
        let form_id = params.read().get("form_id").unwrap_or_default();
        async move { api::form(&form_id).await }
    });
    view! {
        <Transition fallback=|| view! { <p class="govuk-body">"Loading the form"</p> }>
            {move || {
                definition.get().map(|loaded| match loaded {
                    Ok(form) => render(form).into_any(),
                    Err(ApiError::Problem(problem)) if problem.status == 404 => view! { <NotFound /> }.into_any(),
                    Err(error) => view! { <LoadFailed error=error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

#[component]
fn LoadFailed(error: ApiError) -> impl IntoView {
    let message = error
        .field_errors()
        .into_values()
        .flatten()
        .next()
        .unwrap_or_default();
    view! {
        <h1 class="govuk-heading-l">"Sorry, the form could not be loaded"</h1>
        <p class="govuk-body">{message}</p>
        <p class="govuk-body">"Your answers in this window are kept. Try again in a few minutes."</p>
    }
}

/// The message of a failed save or submit, for the error summary (without links).
fn as_summary(error: &ApiError) -> FieldErrors {
    let lines: Vec<String> = error.field_errors().into_values().flatten().collect();
    FieldErrors::from([(String::new(), lines)])
}

/// "13% complete", as the seed shows it.
#[component]
fn ProgressLine(percent: Signal<u8>) -> impl IntoView {
    view! {
        <p class="govuk-body-s app-progress">
            <span class="app-progress__bar" aria-hidden="true">
                // Set through the style object, which the content security policy allows; a style
                // attribute it would refuse.
                <span class="app-progress__done" style:width=move || format!("{}%", percent.get())></span>
            </span>
            {move || format!("{}% complete", percent.get())}
        </p>
    }
}
