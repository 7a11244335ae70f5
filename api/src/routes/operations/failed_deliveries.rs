use actix_web::web;
use shared::api::FailedDeliveryPage;

use crate::auth::Administrator;
use crate::error::ApiError;
use crate::integrations::webhooks;
use crate::pagination::{PageQuery, PageRequest};
use crate::routes::extract::Query;
use crate::state::AppState;

/// Webhook deliveries given up on.
#[utoipa::path(
    get,
    path = "/api/v1/operations/failed-deliveries",
    tag = "operations",
    operation_id = "list_failed_deliveries",
    summary = "List the webhook deliveries given up on",
    description = "Administrators only. Deliveries to any endpoint that failed for a day, \
                   newest first, each with its endpoint and last answer. Send one again with \
                   `POST /api/v1/webhook-deliveries/{delivery_id}/replay`, which takes it off \
                   this list. Keyset-paginated: pass `next` as `after`.",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of deliveries given up on.", body = FailedDeliveryPage),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_failed_deliveries(
    state: web::Data<AppState>,
    user: Administrator,
    query: Query<PageQuery>,
) -> Result<web::Json<FailedDeliveryPage>, ApiError> {
    let page = PageRequest::try_from(query.into_inner())?;
    let (items, next) = webhooks::given_up(&state, &user, page).await?;
    Ok(web::Json(FailedDeliveryPage { items, next }))
}
