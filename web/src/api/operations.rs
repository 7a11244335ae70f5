//! The email and webhook backlogs, for administrators.

use gloo_net::http::Request;

use super::{ApiError, get_with, no_content, read, with_token};

/// The email and webhook backlogs (administrators).
pub async fn operations(token: &str) -> Result<shared::api::OperationsView, ApiError> {
    read(get_with(token, "/api/v1/operations").await?).await
}

/// The newest 100 emails given up on (the operations page shows no more: the count says the
/// rest).
pub async fn failed_emails(token: &str) -> Result<shared::api::FailedEmailPage, ApiError> {
    read(get_with(token, "/api/v1/operations/failed-emails?limit=100").await?).await
}

pub async fn retry_email(token: &str, email: &str) -> Result<(), ApiError> {
    let path = format!("/api/v1/operations/failed-emails/{email}/retry");
    no_content(with_token(Request::post(&path), token)).await
}

/// The newest 100 webhook deliveries given up on.
pub async fn failed_deliveries(token: &str) -> Result<shared::api::FailedDeliveryPage, ApiError> {
    read(get_with(token, "/api/v1/operations/failed-deliveries?limit=100").await?).await
}
