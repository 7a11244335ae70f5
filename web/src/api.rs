//! A typed client of the portal's JSON API.

use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;
use shared::api::{CouncilView, Problem};

/// Why a call to the API failed, in terms the pages can act on.
#[derive(Debug, Clone, PartialEq)]
pub enum ApiError {
    /// The API answered with a problem document.
    Problem(Problem),
    /// No answer at all: offline, or the server is down.
    Network(String),
    /// An answer that is not what the API documents.
    Unexpected(String),
}

async fn read<T: DeserializeOwned>(response: Response) -> Result<T, ApiError> {
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|e| ApiError::Unexpected(e.to_string()));
    }
    match response.json::<Problem>().await {
        Ok(problem) => Err(ApiError::Problem(problem)),
        Err(_) => Err(ApiError::Unexpected(format!(
            "the server answered {} without a problem document",
            response.status()
        ))),
    }
}

async fn get<T: DeserializeOwned>(path: &str) -> Result<T, ApiError> {
    let response = Request::get(path)
        .header("Accept", "application/json")
        .send()
        .await
        .map_err(|e| ApiError::Network(e.to_string()))?;
    read(response).await
}

/// The council's public details: its name, phone numbers and links.
pub async fn council() -> Result<CouncilView, ApiError> {
    get("/api/v1/council").await
}
