//! The form wizard: "Before you start", the pages with Previous and Next, check answers,
//! exit pages, save for later and cancel. Every verdict (what is shown, what is wrong, how far
//! along) comes from `shared::forms`, the code the server runs again on save and submit.

mod cancel;
mod check;
mod defaults;
mod exit;
mod page;
mod preview;
mod questions;
mod resume;
mod save;
mod start;
pub mod state;

pub use cancel::CancelForm;
pub use check::CheckAnswers;
pub use exit::FormExit;
pub use page::FormPage;
pub use preview::PreviewForm;
pub use resume::ResumeDraft;
pub use save::SaveForLater;
pub use start::{FormStart, blocks};

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;
use shared::api::FieldErrors;
use shared::forms::FormDefinition;

use self::state::{Filling, Progress};
use crate::api::{self, ApiError};
use crate::fill;
use crate::i18n::td_string;
use crate::pages::not_found::NotFound;
use crate::session::{Session, use_session};

/// What the wizard's pages open with.
#[derive(Clone)]
enum Opened {
    /// The form, what is being filled, and for an item whose record it is on.
    Ready(Box<FormDefinition>, Filling, Option<String>),
    /// An item already sent back: its own page shows what was sent.
    AlreadySent(Filling),
}

/// Loads the form the path names (for an item, the item first, then its form) and renders
/// `render` with it; an unknown form is "Page not found", a failed load says so.
fn with_form<V: IntoView + 'static>(
    render: impl Fn(FormDefinition, Filling) -> V + Send + Sync + 'static,
) -> impl IntoView {
    let params = use_params_map();
    let session = use_session();
    // Only the form (or item) being filled decides what is loaded: moving from page to page
    // changes the address but must not fetch the form again and rebuild the page under
    // someone who has started typing (which also stole their focus back to the heading).
    let filling = Memo::new(move |_| Filling::from_params(&params.read()));
    let sent = sent_form();
    let opened = LocalResource::new(move || {
        let filling = filling.get();
        let sent = sent.clone();
        // Only an item needs the session, so only an item waits for it.
        let checked = filling.is_item() && session.checked.get();
        async move {
            match &filling {
                // A form the council sends to a person is filled from their record, never
                // as a referral: the server answers this address 404 too.
                Filling::Referral { form_id } => Some(
                    match sent.filter(|form| &form.id == form_id) {
                        Some(form) => Ok(form),
                        None => api::form(form_id).await,
                    }
                    .and_then(|form| {
                        if form.audience.is_referral() {
                            Ok(Opened::Ready(Box::new(form), filling.clone(), None))
                        } else {
                            Err(ApiError::not_found())
                        }
                    }),
                ),
                Filling::Item { person_id, item_id } => {
                    if !checked {
                        return None;
                    }
                    let loaded = async {
                        let client = session.api();
                        let item = client.item(person_id, item_id).await?;
                        if item.submission.is_some() {
                            return Ok(Opened::AlreadySent(filling.clone()));
                        }
                        Progress::sync_item(&item, &filling);
                        let form = api::form(&item.item.form_id).await?;
                        let person = crate::pages::record::whose(&client, person_id).await?;
                        Ok(Opened::Ready(
                            Box::new(form),
                            filling.clone(),
                            Some(person.name),
                        ))
                    };
                    Some(loaded.await)
                }
            }
        }
    });
    let locale = crate::boot::use_locale();
    view! {
        <Transition fallback=move || view! { <p class="govuk-body">{td_string!(locale, wizard.loading)}</p> }>
            {move || {
                opened.get().flatten().map(|loaded| match loaded {
                    Ok(Opened::Ready(form, filling, person)) => {
                        provide_context(RecordOf(person));
                        render(*form, filling).into_any()
                    }
                    Ok(Opened::AlreadySent(filling)) => view! {
                        <h1 class="govuk-heading-l">{td_string!(locale, wizard.already_sent)}</h1>
                        <p class="govuk-body">{td_string!(locale, wizard.no_longer_changed)}
                            <A href=filling.base() attr:class="govuk-link">{td_string!(locale, wizard.see_what_was_sent)}</A>"."</p>
                    }.into_any(),
                    Err(ApiError::Problem(problem)) if problem.status == 404 => view! { <NotFound /> }.into_any(),
                    Err(error) => view! { <LoadFailed error=error /> }.into_any(),
                })
            }}
        </Transition>
    }
}

/// The referral form the server sent with the page (`shared::boot::FORM_ELEMENT_ID`).
fn sent_form() -> Option<FormDefinition> {
    web_sys::window()?
        .document()?
        .get_element_by_id(shared::boot::FORM_ELEMENT_ID)?
        .text_content()
        .and_then(|json| serde_json::from_str(&json).ok())
}

/// Whose record a form sent to a person is on, for every page of it (a proxy may be filling in
/// forms for two people); `None` for a referral.
#[derive(Clone)]
struct RecordOf(Option<String>);

/// The form's title above a page's heading, and above that, for an item, whose record it is.
#[component]
fn FormCaption(title: String) -> impl IntoView {
    let person = use_context::<RecordOf>().and_then(|RecordOf(person)| person);
    let locale = crate::boot::use_locale();
    view! {
        {person.map(|name| view! { <span class="govuk-caption-m app-whose">{fill(td_string!(locale, wizard.whose_record), &[("name", name.to_string())])}</span> })}
        <span class="govuk-caption-l">{title}</span>
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
    let locale = crate::boot::use_locale();
    view! {
        <h1 class="govuk-heading-l">{td_string!(locale, wizard.load_failed)}</h1>
        <p class="govuk-body">{message}</p>
        <p class="govuk-body">{td_string!(locale, wizard.answers_kept)}</p>
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

/// Saves the draft of the form open at `path` while the session still lives, so that no answer
/// is lost if the person does not come back in time (the timeout warning calls it).
pub fn save_open_form(path: &str, session: Session) {
    let parts: Vec<&str> = path.split('/').collect();
    let (filling, page_id) = match parts.as_slice() {
        ["", "forms", form_id, "page", page_id] => (
            Filling::Referral {
                form_id: (*form_id).to_owned(),
            },
            *page_id,
        ),
        ["", "record", person_id, "items", item_id, "page", page_id] => (
            Filling::Item {
                person_id: (*person_id).to_owned(),
                item_id: (*item_id).to_owned(),
            },
            *page_id,
        ),
        _ => return,
    };
    let page_id = page_id.to_owned();
    let Some(mut progress) = Progress::load(&filling) else {
        return;
    };
    spawn_local(async move {
        // A failure leaves the answers in this window, which is where they already are.
        let _ = progress.save(&filling, Some(page_id), session).await;
    });
}
