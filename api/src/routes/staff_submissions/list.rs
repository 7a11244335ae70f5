use actix_web::web;
use shared::api::QueuePage;

use crate::auth::Staff;
use crate::error::ApiError;
use crate::referrals::triage::queue::{self, QueueQuery};
use crate::routes::extract::Query;
use crate::state::AppState;

/// The referral queue.
#[utoipa::path(
    get,
    path = "/api/v1/staff/submissions",
    tag = "staff",
    operation_id = "list_queue",
    summary = "List the referral queue",
    description = "For council staff: every submitted referral, DoLS form and completed item, \
                   soonest due first (10 working days after arrival, skipping weekends and \
                   England and Wales bank holidays), newest first or by status, filtered by \
                   form, status, team, overdue, given to me or with my teams. Each entry says \
                   who it is about: the linked record, else what the answers said. Each look \
                   (with its filters) is written to the audit log. Keyset-paginated: pass \
                   `next` as `after`.",
    params(QueueQuery),
    responses(
        (status = 200, description = "One page of the queue.", body = QueuePage),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_queue(
    state: web::Data<AppState>,
    user: Staff,
    query: Query<QueueQuery>,
) -> Result<web::Json<QueuePage>, ApiError> {
    let (items, next) = queue::page(&state, &user, query.into_inner()).await?;
    Ok(web::Json(QueuePage { items, next }))
}
