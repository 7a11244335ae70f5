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
use crate::session::{Api, use_session};

/// Loads `fetch(client, person_id)` once the session is known; `None` while loading.
fn load<T, F, Fut>(fetch: F) -> LocalResource<Option<Result<T, ApiError>>>
where
    T: 'static,
    F: Fn(Api, String) -> Fut + Clone + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let session = use_session();
    let params = use_params_map();
    LocalResource::new(move || {
        let checked = session.checked.get();
        let person = params.read().get("person_id").unwrap_or_default();
        let fetch = fetch.clone();
        async move {
            if !checked {
                return None;
            }
            Some(fetch(session.api(), person).await)
        }
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
    let footing = match (person.relationship, person.legal_basis) {
        (Relationship::Own, _) => "Your own record".to_owned(),
        (Relationship::Proxy, None | Some(LegalBasis::Consent)) => {
            "You look after them, with their consent".to_owned()
        }
        (Relationship::Proxy, Some(basis)) => format!("You look after them: {}", basis.words()),
    };
    // A proxy whose access ends is told when, before it stops working.
    let footing = match person.access_ends_on {
        Some(last) => format!(
            "{footing}. You can see this record until {}",
            last.format("%-d %B %Y")
        ),
        None => footing,
    };
    view! {
        <span class="govuk-caption-l">{format!("{}'s record", person.name)}</span>
        <p class="govuk-body-s app-whose">{footing}</p>
    }
}

/// What a page shows when its load failed: sign in, not found, or try again.
#[component]
fn Failed(error: ApiError) -> impl IntoView {
    let status = match &error {
        ApiError::Problem(problem) => problem.status,
        _ => 0,
    };
    let (title, body) = match status {
        401 => (
            "Sign in to see this record",
            "Your session has ended. Sign in again.",
        ),
        404 => (
            "Page not found",
            "This record is not one you can see, or it no longer exists.",
        ),
        _ => (
            "Sorry, there is a problem with the service",
            "Try again later.",
        ),
    };
    let reference = error.reference().map(|reference| {
        view! {
            <p class="govuk-body">"If you phone us, quote reference "<strong>{reference}</strong>"."</p>
        }
    });
    view! {
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{body}</p>
        {reference}
        <p class="govuk-body"><a class="govuk-link" href="/record">"Go to your records"</a></p>
    }
}
