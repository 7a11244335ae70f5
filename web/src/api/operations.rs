//! The email and webhook backlogs, for administrators.

use gloo_net::http::Request;

use super::{ApiError, Client, Credentials, no_content, with_token};

impl<C: Credentials> Client<C> {
    /// The email and webhook backlogs (administrators).
    pub async fn operations(&self) -> Result<shared::api::OperationsView, ApiError> {
        self.get_json("/api/v1/operations").await
    }

    /// The newest 100 emails given up on (the operations page shows no more: the count says the
    /// rest).
    pub async fn failed_emails(&self) -> Result<shared::api::FailedEmailPage, ApiError> {
        self.get_json("/api/v1/operations/failed-emails?limit=100")
            .await
    }

    pub async fn retry_email(&self, email: &str) -> Result<(), ApiError> {
        let token = &self.token().await?;
        let path = format!("/api/v1/operations/failed-emails/{email}/retry");
        no_content(with_token(Request::post(&path), token)).await
    }

    /// The newest 100 webhook deliveries given up on.
    pub async fn failed_deliveries(&self) -> Result<shared::api::FailedDeliveryPage, ApiError> {
        self.get_json("/api/v1/operations/failed-deliveries?limit=100")
            .await
    }
}
