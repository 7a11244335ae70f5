//! Referrals and other forms: drafts saved for later, the files attached to them, submissions
//! sent to the council, the feed integrators read them from, and the council's handling of
//! them (`triage`: the queue, the overview, matching to a record). Every read and write of
//! those tables is here, whoever asks.
//!
//! The form engine in `shared` decides what is shown, missing or wrong; these functions store
//! the answers and never trust the browser's verdicts.

pub mod drafts;
pub mod feed;
pub mod reference;
pub mod reminders;
pub mod submissions;
pub mod triage;
pub mod uploads;

use shared::forms::{Answers, Audience, FormDefinition};

use crate::error::ApiError;
use crate::request_language::says;
use crate::state::AppState;

/// The published form `form_id`, or a field error naming `form_id`.
pub fn form<'a>(state: &'a AppState, form_id: &str) -> Result<&'a FormDefinition, ApiError> {
    state
        .forms
        .get(form_id)
        .ok_or_else(|| ApiError::field("form_id", says("form-not-published")))
}

/// The published form `form_id` if it is for `audience`. Professionals' forms are started by
/// anyone and saved as drafts; citizens' forms are only filled in as items staff send a person,
/// so each kind is refused on the other's routes.
pub fn form_for<'a>(
    state: &'a AppState,
    form_id: &str,
    audience: Audience,
) -> Result<&'a FormDefinition, ApiError> {
    let definition = form(state, form_id)?;
    if definition.audience.is_referral() != audience.is_referral() {
        let message = match audience {
            Audience::Professional | Audience::Anyone => says("form-sent-by-the-council"),
            Audience::Citizen => says("form-not-for-people"),
        };
        return Err(ApiError::field("form_id", message));
    }
    Ok(definition)
}

/// Refuses answers to questions the form does not ask (a misspelt id would otherwise be kept
/// and never shown to anyone), answers of a kind their question does not take (a list for a
/// text question), and a resume page the form does not have. Answers that are merely still
/// wrong are kept: a draft is work in progress, and Submit checks them. These are a client's
/// mistakes, which the browser never makes, so they are told in English, for whoever wrote the
/// client, whatever language the request asks for.
pub fn check_answer_shapes(
    form: &FormDefinition,
    answers: &Answers,
    page_id: Option<&str>,
) -> Result<(), ApiError> {
    let mut errors = shared::forms::shape_errors(form, answers);
    if let Some(page) = page_id
        && form.page(page).is_none()
    {
        errors.insert(
            "page_id".into(),
            vec![format!("{} has no page {page:?}", form.title)],
        );
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(ApiError::Validation(errors))
    }
}

pub(crate) fn to_json(answers: &Answers) -> Result<String, ApiError> {
    serde_json::to_string(answers).map_err(|e| ApiError::Internal(e.into()))
}

pub(crate) fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, ApiError> {
    serde_json::from_str(text).map_err(|e| ApiError::Internal(e.into()))
}
