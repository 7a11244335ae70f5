//! Loading what a page is about once the session is known, and what the page says when that
//! fails, in words for where the person is: their records or the council's work.

use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::ApiError;
use crate::boot::use_locale;
use crate::i18n::{Locale, td_string};
use crate::session::{Api, use_session};

/// Loads `fetch(client)` once the session is known; `None` while loading. `fetch` is called in
/// the resource's own tracking, so the signals it reads (the path, the query) load it again
/// when they change.
pub fn load<T, F, Fut>(fetch: F) -> LocalResource<Option<Result<T, ApiError>>>
where
    T: 'static,
    F: Fn(Api) -> Fut + 'static,
    Fut: Future<Output = Result<T, ApiError>> + 'static,
{
    let session = use_session();
    LocalResource::new(move || {
        let pending = session.checked.get().then(|| fetch(session.api()));
        async move {
            match pending {
                Some(fetching) => Some(fetching.await),
                None => None,
            }
        }
    })
}

/// Where the page is: a person's records, or the council's work (under `/staff`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Area {
    Records,
    CouncilWork,
}

impl Area {
    fn here() -> Self {
        if use_location()
            .pathname
            .get_untracked()
            .starts_with("/staff")
        {
            Self::CouncilWork
        } else {
            Self::Records
        }
    }

    /// The page's title and first words for a load that failed with `status`.
    fn words(self, locale: Locale, status: u16) -> (&'static str, &'static str) {
        match (status, self) {
            (401, Self::Records) => (
                td_string!(locale, loading.sign_in_to_see),
                td_string!(locale, loading.session_ended_sign_in),
            ),
            (401, Self::CouncilWork) => (
                td_string!(locale, loading.sign_in_again),
                td_string!(locale, loading.session_ended),
            ),
            (403, _) => (
                td_string!(locale, loading.for_staff),
                td_string!(locale, loading.cannot_see),
            ),
            (404, Self::Records) => (
                td_string!(locale, loading.not_found),
                td_string!(locale, loading.record_not_found),
            ),
            (404, Self::CouncilWork) => (
                td_string!(locale, loading.not_found),
                td_string!(locale, loading.removed),
            ),
            _ => (
                td_string!(locale, loading.problem),
                td_string!(locale, loading.try_later),
            ),
        }
    }

    fn home(self, locale: Locale) -> (&'static str, &'static str) {
        match self {
            Self::Records => ("/record", td_string!(locale, loading.your_records)),
            Self::CouncilWork => ("/staff", td_string!(locale, loading.council_work)),
        }
    }
}

/// What a page shows when its load failed: sign in, not allowed, not found, or try again,
/// with the reference to quote on the phone.
#[component]
pub fn Failed(error: ApiError) -> impl IntoView {
    let status = match &error {
        ApiError::Problem(problem) => problem.status,
        _ => 0,
    };
    let area = Area::here();
    let locale = use_locale();
    let (title, body) = area.words(locale, status);
    let (href, label) = area.home(locale);
    let reference = error.reference().map(|reference| {
        view! {
            <p class="govuk-body">
                {td_string!(locale, loading.quote_before)}<strong>{reference}</strong>{td_string!(locale, loading.quote_after)}
            </p>
        }
    });
    view! {
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{body}</p>
        {reference}
        <p class="govuk-body"><a href=href class="govuk-link">{label}</a></p>
    }
}
