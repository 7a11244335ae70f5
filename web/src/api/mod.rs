//! A typed client of the portal's JSON API.
//!
//! One module for each of `shared::api`'s, holding the calls whose bodies are defined there; the
//! pages call them through this module, wherever they live: `api::forms()` for the calls anyone
//! may make, and `Client`'s methods (`client.dashboard(person)`) for the signed-in account's.
//!
//! Every request asks for the page's language (`Accept-Language`), so the problems the API
//! answers with (a wrong password, a stale save) are worded in it.

mod accounts;
mod citizen;
mod formats;
mod forms;
mod integrations;
mod items;
mod operations;
mod referrals;
mod staff;

pub use accounts::*;
pub use forms::*;

use gloo_net::http::{Request, Response};
use serde::Serialize;
use serde::de::DeserializeOwned;
use shared::api::{FieldErrors, Problem};
use shared::language::Language;

use crate::i18n::{Locale, td_string};

/// Where a signed-in call gets its token: the session, which refreshes it near its end.
pub trait Credentials {
    fn token(&self) -> impl Future<Output = Result<String, ApiError>>;
}

/// The calls a signed-in account makes. Each asks its credentials for a token the server will
/// accept now before it goes, so no page handles tokens or their lapsing.
#[derive(Debug, Clone, Copy)]
pub struct Client<C>(pub C);

impl<C: Credentials> Client<C> {
    async fn token(&self) -> Result<String, ApiError> {
        self.0.token().await
    }

    /// GETs `path` and reads the JSON answer.
    async fn get_json<T: DeserializeOwned>(&self, path: &str) -> Result<T, ApiError> {
        let token = self.token().await?;
        read(get_with(&token, path).await?).await
    }

    /// POSTs `body` to `path` as JSON and reads the JSON answer.
    async fn post_json<B: Serialize, T: DeserializeOwned>(
        &self,
        path: &str,
        body: &B,
    ) -> Result<T, ApiError> {
        let token = self.token().await?;
        post_with(&token, path, body).await
    }
}

/// Why a call to the API failed, in terms the pages can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API answered with a problem document (boxed: it is large beside the others).
    Problem(Box<Problem>),
    /// No answer at all: offline, or the server is down.
    Network(String),
    /// An answer that is not what the API documents.
    Unexpected(String),
}

impl ApiError {
    /// What a page says when it needs a session that has ended, in the page's language.
    pub fn signed_out() -> Self {
        let locale = page_locale();
        Self::Problem(Box::new(Problem {
            kind: "about:blank".into(),
            title: td_string!(locale, loading.need_to_sign_in).into(),
            status: 401,
            detail: Some(td_string!(locale, loading.session_ended_sign_in).into()),
            code: "not_signed_in".into(),
            errors: FieldErrors::new(),
            request_id: None,
        }))
    }

    /// What a page says of something that is not there, as the API would (in the page's
    /// language).
    pub fn not_found() -> Self {
        Self::Problem(Box::new(Problem {
            kind: "about:blank".into(),
            title: td_string!(page_locale(), loading.not_found).into(),
            status: 404,
            detail: None,
            code: "not_found".into(),
            errors: FieldErrors::new(),
            request_id: None,
        }))
    }

    /// The reference of a failure on the server's side, for people to quote when they phone.
    pub fn reference(&self) -> Option<String> {
        match self {
            Self::Problem(problem) if problem.status >= 500 => problem.request_id.clone(),
            _ => None,
        }
    }

    /// The field errors to show beside the fields, with a summary line for anything else, in
    /// the page's language (the API words its problems in it too: every request asks for it).
    pub fn field_errors(&self) -> FieldErrors {
        let locale = page_locale();
        let summary = |line: String| FieldErrors::from([(String::new(), vec![line])]);
        match self {
            Self::Problem(problem) if !problem.errors.is_empty() => problem.errors.clone(),
            Self::Problem(problem) => summary(match (&problem.detail, self.reference()) {
                // The words before the reference end in their own space, as the loading
                // page's do.
                (Some(detail), Some(reference)) => format!(
                    "{} {} {}{reference}{}",
                    problem.title,
                    detail,
                    td_string!(locale, loading.quote_before),
                    td_string!(locale, loading.quote_after)
                ),
                (Some(detail), None) => format!("{} {}", problem.title, detail),
                (None, _) => problem.title.clone(),
            }),
            Self::Network(_) => summary(td_string!(locale, loading.network_failed).to_owned()),
            Self::Unexpected(_) => {
                summary(td_string!(locale, loading.unexpected_answer).to_owned())
            }
        }
    }
}

/// The page's language, as the server wrote it on `<html lang>`. A page's language never
/// changes while it is open (the header's link loads the page again, in the other one), and
/// the request functions run outside components, where `boot::use_language` cannot be asked.
fn page_language() -> Language {
    web_sys::window()
        .and_then(|window| window.document())
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("lang"))
        .and_then(|tag| tag.split('-').next().and_then(Language::parse))
        .unwrap_or_default()
}

/// The page's language as the words of `locales/` know it, for code outside components.
pub(crate) fn page_locale() -> Locale {
    crate::locale_of(page_language())
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|e| ApiError::Unexpected(e.to_string()));
    }
    match response.json::<Problem>().await {
        Ok(problem) => Err(ApiError::Problem(Box::new(problem))),
        Err(_) => Err(ApiError::Unexpected(format!(
            "the server answered {} without a problem document",
            response.status()
        ))),
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let request = Request::get(path).header("Accept", "application/json");
    read(send(request.build()).await?).await
}

/// Sends a request, every one of them asking for the page's language (`Accept-Language`), so
/// the problems the API answers with are worded in it.
async fn send(request: Result<Request, gloo_net::Error>) -> Result<Response, ApiError> {
    let request = request.map_err(|e| ApiError::Unexpected(e.to_string()))?;
    // Setting a header throws only for a name or value that is not allowed: this one is
    // (Accept-Language is a header scripts may always set).
    request
        .headers()
        .set("Accept-Language", page_language().code());
    request
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))
}

async fn post<B: Serialize, T: DeserializeOwned>(path: &str, body: &B) -> Result<T, ApiError> {
    let request = Request::post(path)
        .header("Accept", "application/json")
        .json(body);
    read(send(request).await?).await
}

/// A call that answers 204 No Content.
async fn post_no_content<B: Serialize>(path: &str, body: &B) -> Result<(), ApiError> {
    let response = send(Request::post(path).json(body)).await?;
    if response.ok() {
        Ok(())
    } else {
        read::<()>(response).await
    }
}

fn with_token(
    request: gloo_net::http::RequestBuilder,
    token: &str,
) -> gloo_net::http::RequestBuilder {
    request.header("Authorization", &format!("Bearer {token}"))
}

/// A call without a body that answers 204 No Content.
async fn no_content(request: gloo_net::http::RequestBuilder) -> Result<(), ApiError> {
    let response = send(request.build()).await?;
    if response.ok() {
        Ok(())
    } else {
        read::<()>(response).await
    }
}

/// `path` with the cursor of the page to start after, when there is one.
fn paged(path: String, after: Option<&str>) -> String {
    match after {
        Some(cursor) if path.contains('?') => format!("{path}&after={cursor}"),
        Some(cursor) => format!("{path}?after={cursor}"),
        None => path,
    }
}

async fn get_with(token: &str, path: &str) -> Result<Response, ApiError> {
    send(with_token(Request::get(path), token).build()).await
}

async fn post_with<B: Serialize, T: DeserializeOwned>(
    token: &str,
    path: &str,
    body: &B,
) -> Result<T, ApiError> {
    read(send(with_token(Request::post(path), token).json(body)).await?).await
}

async fn bytes(token: &str, path: &str) -> Result<Vec<u8>, ApiError> {
    let response = get_with(token, path).await?;
    if !response.ok() {
        return read::<Vec<u8>>(response).await;
    }
    response
        .binary()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))
}
