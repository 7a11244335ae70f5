use actix_web::web;
use shared::api::{DeliveryQueueView, EmailQueueView, OperationsView};

use crate::auth::Administrator;
use crate::email::outbox;
use crate::error::ApiError;
use crate::integrations::webhooks::deliveries as webhooks;
use crate::state::AppState;

/// The email and webhook backlogs.
#[utoipa::path(
    get,
    path = "/api/v1/operations",
    tag = "operations",
    operation_id = "get_operations",
    summary = "See the email and webhook backlogs",
    description = "Administrators only. Emails queued, how long the oldest has waited and how \
                   many were given up on after a day of failures; webhook deliveries due now \
                   and given up on. The same numbers are on `/metrics`.",
    responses(
        (status = 200, description = "The backlogs.", body = OperationsView,
         example = json!({"emails": {"queued": 3, "oldest_waiting_seconds": 42, "failed": 1},
            "deliveries": {"due": 0, "failed": 2}})),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
    ),
    security(("bearer" = []))
)]
pub async fn get_operations(
    state: web::Data<AppState>,
    _user: Administrator,
) -> Result<web::Json<OperationsView>, ApiError> {
    let count = |n: i64| u64::try_from(n).unwrap_or(0);
    let view = state
        .database
        .run(move |conn| {
            let now = chrono::Utc::now().naive_utc();
            let emails = outbox::backlog(conn, now)?;
            let failed = outbox::failed(conn)?;
            let (due, given_up) = webhooks::backlog(conn, now)?;
            Ok::<_, ApiError>(OperationsView {
                emails: EmailQueueView {
                    queued: count(emails.queued),
                    oldest_waiting_seconds: count(emails.oldest_waiting_seconds),
                    failed: count(failed),
                },
                deliveries: DeliveryQueueView {
                    due: count(due),
                    failed: count(given_up),
                },
            })
        })
        .await?;
    Ok(web::Json(view))
}
