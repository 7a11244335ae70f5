//! Machine clients and webhooks, for administrators.

use gloo_net::http::Request;

use super::{ApiError, get_with, no_content, paged, post_with, read, with_token};

/// Machine clients, for administrators.
pub async fn api_clients(token: &str) -> Result<Vec<shared::api::ApiClientView>, ApiError> {
    read(get_with(token, "/api/v1/api-clients").await?).await
}

pub async fn create_api_client(
    token: &str,
    request: &shared::api::CreateClientRequest,
) -> Result<shared::api::ClientWithSecret, ApiError> {
    post_with(token, "/api/v1/api-clients", request).await
}

pub async fn rotate_api_client_secret(
    token: &str,
    client: &str,
) -> Result<shared::api::ClientWithSecret, ApiError> {
    post_with(
        token,
        &format!("/api/v1/api-clients/{client}/secret"),
        &serde_json::json!({}),
    )
    .await
}

pub async fn revoke_api_client(token: &str, client: &str) -> Result<(), ApiError> {
    no_content(with_token(
        Request::delete(&format!("/api/v1/api-clients/{client}")),
        token,
    ))
    .await
}

/// Webhook endpoints, for administrators.
pub async fn webhooks(token: &str) -> Result<Vec<shared::api::WebhookView>, ApiError> {
    read(get_with(token, "/api/v1/webhooks").await?).await
}

pub async fn register_webhook(
    token: &str,
    request: &shared::api::CreateWebhookRequest,
) -> Result<shared::api::WebhookWithSecret, ApiError> {
    post_with(token, "/api/v1/webhooks", request).await
}

pub async fn disable_webhook(token: &str, webhook: &str) -> Result<(), ApiError> {
    no_content(with_token(
        Request::delete(&format!("/api/v1/webhooks/{webhook}")),
        token,
    ))
    .await
}

pub async fn webhook_deliveries(
    token: &str,
    webhook: &str,
    after: Option<&str>,
) -> Result<shared::api::DeliveryPage, ApiError> {
    let path = paged(format!("/api/v1/webhooks/{webhook}/deliveries"), after);
    read(get_with(token, &path).await?).await
}

pub async fn replay_delivery(
    token: &str,
    delivery: &str,
) -> Result<shared::api::DeliveryView, ApiError> {
    post_with(
        token,
        &format!("/api/v1/webhook-deliveries/{delivery}/replay"),
        &serde_json::json!({}),
    )
    .await
}
