//! "Show more" under a keyset-paginated list: the page after the last cursor is fetched and
//! added below what is shown, until the list ends.

use std::future::Future;

use leptos::prelude::*;
use shared::api::FieldErrors;

use crate::api::ApiError;
use crate::session::{Api, use_session};

/// The button that adds the page after `next` to `shown`; gone on the last page. `fetch` is
/// given the API client and the cursor. A failed fetch says why in `errors`, the page's error
/// summary.
#[component]
pub fn ShowMore<T, F, Fut>(
    label: &'static str,
    shown: RwSignal<Vec<T>>,
    next: RwSignal<Option<String>>,
    errors: RwSignal<FieldErrors>,
    fetch: F,
) -> impl IntoView
where
    T: Send + Sync + 'static,
    F: Fn(Api, String) -> Fut + Clone + Send + Sync + 'static,
    Fut: Future<Output = Result<(Vec<T>, Option<String>), ApiError>> + 'static,
{
    let session = use_session();
    move || {
        next.get().map(|cursor| {
            let fetch = fetch.clone();
            view! {
                <button type="button" class="govuk-button govuk-button--secondary" on:click=move |_| {
                    let (fetch, cursor) = (fetch.clone(), cursor.clone());
                    leptos::task::spawn_local(async move {
                        let more = fetch(session.api(), cursor).await;
                        match more {
                            Ok((items, after)) => {
                                shown.update(|all| all.extend(items));
                                next.set(after);
                            }
                            Err(error) => errors.set(error.field_errors()),
                        }
                    });
                }>{label}</button>
            }
        })
    }
}
