//! The citizen record: whose records the account may see, and for each the dashboard, the
//! details the council holds, involvements, messages, items to view and items to complete.
//! Every page says whose
//! record it is.

mod documents;
mod items;
mod messages;
mod pages;
mod views;

pub use documents::{AskForFormat, RecordDocuments};
pub use items::{RecordItem, RecordItems};
pub use messages::{NewMessage, RecordMessages, Thread};
pub use pages::{RecordDashboard, RecordDetails, RecordInvolvements, Records};
pub use views::RecordViews;

use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use shared::api::{LegalBasis, PersonSummary, Relationship};

use crate::api::ApiError;
use crate::boot::{use_language, use_locale};
use crate::i18n::{Locale, td_string};
use crate::session::Api;
use crate::time::day_in;

pub(crate) use crate::components::loading::Failed;

/// Loads `fetch(client, person_id)` for the record in the address (`components::loading`).
fn load<T, F, Fut>(fetch: F) -> LocalResource<Option<Result<T, ApiError>>>
where
    T: 'static,
    F: Fn(Api, String) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let params = use_params_map();
    crate::components::loading::load(move |client| {
        fetch(client, params.read().get("person_id").unwrap_or_default())
    })
}

/// The person `person_id` as the account may see them, or the API's "not found".
pub(crate) async fn whose(client: &Api, person_id: &str) -> Result<PersonSummary, ApiError> {
    among(client.people().await?, person_id)
}

/// `person_id` among the records the account may see, or the API's "not found".
fn among(records: Vec<PersonSummary>, person_id: &str) -> Result<PersonSummary, ApiError> {
    records
        .into_iter()
        .find(|p| p.id == person_id)
        .ok_or_else(ApiError::not_found)
}

/// "Margaret Okafor's record" above every page of a record, with the footing of the access.
#[component]
fn Whose(person: PersonSummary) -> impl IntoView {
    let locale = use_locale();
    let footing = match (person.relationship, person.legal_basis) {
        (Relationship::Own, _) => td_string!(locale, record.common.footing_own).to_owned(),
        (Relationship::Proxy, None | Some(LegalBasis::Consent)) => {
            td_string!(locale, record.common.footing_consent).to_owned()
        }
        (Relationship::Proxy, Some(basis)) => format!(
            "{}{}",
            td_string!(locale, record.common.footing_basis),
            crate::labels::legal_basis(locale, basis)
        ),
    };
    // A proxy whose access ends is told when, before it stops working.
    let footing = match person.access_ends_on {
        Some(last) => format!(
            "{footing}{}{}",
            td_string!(locale, record.common.until),
            day_in(use_language(), last)
        ),
        None => footing,
    };
    view! {
        <span class="govuk-caption-l">{whose_record(locale, &person.name)}</span>
        <p class="govuk-body-s app-whose">{footing}</p>
    }
}

/// "Margaret Okafor's record", "Cofnod Margaret Okafor": a page title as well as a caption.
fn whose_record(locale: Locale, name: &str) -> String {
    format!(
        "{}{name}{}",
        td_string!(locale, record.common.whose_before),
        td_string!(locale, record.common.whose_after)
    )
}

/// What "Loading" says while a page of the record waits for the council's answer.
fn loading() -> impl IntoView {
    view! { <p class="govuk-body">{td_string!(use_locale(), record.common.loading)}</p> }
}
