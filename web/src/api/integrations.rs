//! Machine clients and webhooks, for administrators.

use gloo_net::http::Request;

use super::{
    ApiError, Client, Credentials, get_with, no_content, paged, post_with, read, with_token,
};

impl<C: Credentials> Client<C> {
    /// Machine clients, for administrators.
    pub async fn api_clients(&self) -> Result<Vec<shared::api::ApiClientView>, ApiError> {
        let token = &self.token().await?;
        read(get_with(token, "/api/v1/api-clients").await?).await
    }

    pub async fn create_api_client(
        &self,
        request: &shared::api::CreateClientRequest,
    ) -> Result<shared::api::ClientWithSecret, ApiError> {
        let token = &self.token().await?;
        post_with(token, "/api/v1/api-clients", request).await
    }

    pub async fn rotate_api_client_secret(
        &self,
        client: &str,
    ) -> Result<shared::api::ClientWithSecret, ApiError> {
        let token = &self.token().await?;
        post_with(
            token,
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
        let token = &self.token().await?;
        read(get_with(token, "/api/v1/webhooks").await?).await
    }

    pub async fn register_webhook(
        &self,
        request: &shared::api::CreateWebhookRequest,
    ) -> Result<shared::api::WebhookWithSecret, ApiError> {
        let token = &self.token().await?;
        post_with(token, "/api/v1/webhooks", request).await
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
        let token = &self.token().await?;
        let path = paged(format!("/api/v1/webhooks/{webhook}/deliveries"), after);
        read(get_with(token, &path).await?).await
    }

    pub async fn replay_delivery(
        &self,
        delivery: &str,
    ) -> Result<shared::api::DeliveryView, ApiError> {
        let token = &self.token().await?;
        post_with(
            token,
            &format!("/api/v1/webhook-deliveries/{delivery}/replay"),
            &serde_json::json!({}),
        )
        .await
    }
}
