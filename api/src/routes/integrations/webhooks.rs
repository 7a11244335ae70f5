use actix_web::{HttpResponse, web};
use shared::api::{
    CreateWebhookRequest, DeliveryId, DeliveryPage, DeliveryView, WebhookId, WebhookView,
    WebhookWithSecret,
};

use crate::auth::Administrator;
use crate::error::ApiError;
use crate::integrations::webhooks;
use crate::pagination::{PageQuery, PageRequest};
use crate::routes::extract::{Json, Query};
use crate::state::AppState;

/// Registers an endpoint for events.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks",
    tag = "integrations",
    operation_id = "register_webhook",
    summary = "Register a webhook endpoint",
    description = "Administrators only. The endpoint is sent each event it asks for \
                   (`submission.received`, `submission.status_changed`, `message.received`) as \
                   a signed JSON POST: `webhook-id`, `webhook-timestamp` and `webhook-signature` \
                   headers as Standard Webhooks defines them, signed with the secret answered \
                   here once. Retried with growing pauses for a day until it answers 2xx. \
                   HTTPS only, except to this machine for development.",
    request_body = CreateWebhookRequest,
    responses(
        (status = 201, description = "Registered, with its signing secret.", body = WebhookWithSecret),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn register_webhook(
    state: web::Data<AppState>,
    user: Administrator,
    body: Json<CreateWebhookRequest>,
) -> Result<HttpResponse, ApiError> {
    let created = webhooks::register(&state, &user, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// The registered endpoints.
#[utoipa::path(
    get,
    path = "/api/v1/webhooks",
    tag = "integrations",
    operation_id = "list_webhooks",
    summary = "List webhook endpoints",
    description = "Administrators only. Every endpoint, oldest first, without secrets.",
    responses(
        (status = 200, description = "The endpoints.", body = Vec<WebhookView>,
         example = json!([{"id": "0193b070-0000-7000-8000-000000000070",
            "url": "https://cms.council.example/portal-events", "events": ["submission.received"],
            "created_at": "2026-11-23T10:00:00Z", "disabled": false}])),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
    ),
    security(("bearer" = []))
)]
pub async fn list_webhooks(
    state: web::Data<AppState>,
    user: Administrator,
) -> Result<web::Json<Vec<WebhookView>>, ApiError> {
    Ok(web::Json(webhooks::list(&state, &user).await?))
}

/// Gives an endpoint a new signing secret.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks/{webhook_id}/secret",
    tag = "integrations",
    operation_id = "rotate_webhook_secret",
    summary = "Give a webhook endpoint a new signing secret",
    description = "Administrators only. The new secret is answered this once. For the next 24 \
                   hours every delivery carries two signatures in `webhook-signature`, \
                   space-separated, under the new secret and the old one (as Standard Webhooks \
                   describes), so the receiver can change to the new secret without missing a \
                   delivery; then only the new one. Switched-off endpoints answer 404.",
    params(("webhook_id" = String, Path, description = "The endpoint's id.", example = "0193b070-0000-7000-8000-000000000070")),
    responses(
        (status = 200, description = "The endpoint with its new secret.", body = WebhookWithSecret),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn rotate_webhook_secret(
    state: web::Data<AppState>,
    user: Administrator,
    webhook_id: web::Path<WebhookId>,
) -> Result<web::Json<WebhookWithSecret>, ApiError> {
    Ok(web::Json(
        webhooks::rotate(&state, &user, webhook_id.into_inner()).await?,
    ))
}

/// Stops sending to an endpoint.
#[utoipa::path(
    delete,
    path = "/api/v1/webhooks/{webhook_id}",
    tag = "integrations",
    operation_id = "disable_webhook",
    summary = "Stop sending to a webhook endpoint",
    description = "Administrators only. No new deliveries are made for it; those made are kept \
                   with their answers.",
    params(("webhook_id" = String, Path, description = "The endpoint's id.", example = "0193b070-0000-7000-8000-000000000070")),
    responses(
        (status = 204, description = "Stopped."),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn disable_webhook(
    state: web::Data<AppState>,
    user: Administrator,
    webhook_id: web::Path<WebhookId>,
) -> Result<HttpResponse, ApiError> {
    webhooks::disable(&state, &user, webhook_id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}

/// An endpoint's deliveries with their last answers.
#[utoipa::path(
    get,
    path = "/api/v1/webhooks/{webhook_id}/deliveries",
    tag = "integrations",
    operation_id = "list_webhook_deliveries",
    summary = "List a webhook endpoint's deliveries",
    description = "Administrators only. Newest first, each with its status (`pending`, \
                   `delivered`, `failed`), attempts, the next attempt and the last answer. \
                   Keyset-paginated: pass `next` as `after`.",
    params(("webhook_id" = String, Path, description = "The endpoint's id.", example = "0193b070-0000-7000-8000-000000000070"), PageQuery),
    responses(
        (status = 200, description = "One page of deliveries.", body = DeliveryPage),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_webhook_deliveries(
    state: web::Data<AppState>,
    user: Administrator,
    webhook_id: web::Path<WebhookId>,
    query: Query<PageQuery>,
) -> Result<web::Json<DeliveryPage>, ApiError> {
    let page = PageRequest::try_from(query.into_inner())?;
    let (items, next) = webhooks::deliveries(&state, &user, webhook_id.into_inner(), page).await?;
    Ok(web::Json(DeliveryPage { items, next }))
}

/// Sends a delivery's event again.
#[utoipa::path(
    post,
    path = "/api/v1/webhook-deliveries/{delivery_id}/replay",
    tag = "integrations",
    operation_id = "replay_webhook_delivery",
    summary = "Send a webhook delivery again",
    description = "Administrators only. Queues the same event to the same endpoint as a new \
                   delivery (with its own `webhook-id`), sent at once. The earlier delivery \
                   notes when (`replayed_at`); one given up on then leaves the list of \
                   `/api/v1/operations/failed-deliveries`.",
    params(("delivery_id" = String, Path, description = "The delivery's id.", example = "msg_0193b071-0000-7000-8000-000000000071")),
    responses(
        (status = 201, description = "Queued.", body = DeliveryView),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn replay_webhook_delivery(
    state: web::Data<AppState>,
    user: Administrator,
    delivery_id: web::Path<DeliveryId>,
) -> Result<HttpResponse, ApiError> {
    let delivery = webhooks::replay(&state, &user, delivery_id.into_inner()).await?;
    Ok(HttpResponse::Created().json(delivery))
}
