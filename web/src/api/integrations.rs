//! Machine clients and webhooks, for administrators.

use gloo_net::http::Request;

use super::{ApiError, Client, Credentials, no_content, paged, with_token};

impl<C: Credentials> Client<C> {
    /// Machine clients, for administrators.
    pub async fn api_clients(&self) -> Result<Vec<shared::api::ApiClientView>, ApiError> {
        self.get_json("/api/v1/api-clients").await
    }

    pub async fn create_api_client(
        &self,
        request: &shared::api::CreateClientRequest,
    ) -> Result<shared::api::ClientWithSecret, ApiError> {
        self.post_json("/api/v1/api-clients", request).await
    }

    pub async fn rotate_api_client_secret(
        &self,
        client: &str,
    ) -> Result<shared::api::ClientWithSecret, ApiError> {
        self.post_json(
            &format!("/api/v1/api-clients/{client}/secret"),
            &serde_json::json!({}),
        )
        .await
    }

    pub async fn revoke_api_client(&self, client: &str) -> Result<(), ApiError> {
        let token = &self.token().await?;
        no_content(with_token(
            Request::delete(&format!("/api/v1/api-clients/{client}")),
            token,
        ))
        .await
    }

    /// Webhook endpoints, for administrators.
    pub async fn webhooks(&self) -> Result<Vec<shared::api::WebhookView>, ApiError> {
        self.get_json("/api/v1/webhooks").await
    }

    pub async fn register_webhook(
        &self,
        request: &shared::api::CreateWebhookRequest,
    ) -> Result<shared::api::WebhookWithSecret, ApiError> {
        self.post_json("/api/v1/webhooks", request).await
    }

    pub async fn disable_webhook(&self, webhook: &str) -> Result<(), ApiError> {
        let token = &self.token().await?;
        no_content(with_token(
            Request::delete(&format!("/api/v1/webhooks/{webhook}")),
            token,
        ))
        .await
    }

    pub async fn webhook_deliveries(
        &self,
        webhook: &str,
        after: Option<&str>,
    ) -> Result<shared::api::DeliveryPage, ApiError> {
        let path = paged(format!("/api/v1/webhooks/{webhook}/deliveries"), after);
        self.get_json(&path).await
    }

    pub async fn replay_delivery(
        &self,
        delivery: &str,
    ) -> Result<shared::api::DeliveryView, ApiError> {
        self.post_json(
            &format!("/api/v1/webhook-deliveries/{delivery}/replay"),
            &serde_json::json!({}),
        )
        .await
    }
}
