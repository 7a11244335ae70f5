//! Loading what a page is about once the session is known, and what the page says when that
//! fails, in words for where the person is: their records or the council's work.

use std::future::Future;

use leptos::prelude::*;
use leptos_router::hooks::use_location;

use crate::api::ApiError;
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
    fn words(self, status: u16) -> (&'static str, &'static str) {
        match (status, self) {
            (401, Self::Records) => (
                "Sign in to see this record",
                "Your session has ended. Sign in again.",
            ),
            (401, Self::CouncilWork) => ("Sign in again", "Your session has ended."),
            (403, _) => (
                "This page is for council staff",
                "Your account cannot see it.",
            ),
            (404, Self::Records) => (
                "Page not found",
                "This record is not one you can see, or it no longer exists.",
            ),
            (404, Self::CouncilWork) => (
                "Page not found",
                "It may have been removed, or the address is wrong.",
            ),
            _ => (
                "Sorry, there is a problem with the service",
                "Try again later.",
            ),
        }
    }

    fn home(self) -> (&'static str, &'static str) {
        match self {
            Self::Records => ("/record", "Go to your records"),
            Self::CouncilWork => ("/staff", "Go to council work"),
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
    let (title, body) = area.words(status);
    let (href, label) = area.home();
    let reference = error.reference().map(|reference| {
        view! {
            <p class="govuk-body">"If you phone us, quote reference "<strong>{reference}</strong>"."</p>
        }
    });
    view! {
        <h1 class="govuk-heading-l">{title}</h1>
        <p class="govuk-body">{body}</p>
        {reference}
        <p class="govuk-body"><a href=href class="govuk-link">{label}</a></p>
    }
}
