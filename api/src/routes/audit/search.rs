use actix_web::web;
use shared::api::AuditPage;

use crate::audit::{self, AuditQuery};
use crate::auth::Administrator;
use crate::error::ApiError;
use crate::routes::extract::Query;
use crate::state::AppState;

/// Searches the audit log.
#[utoipa::path(
    get,
    path = "/api/v1/audit",
    tag = "staff",
    operation_id = "search_audit_log",
    summary = "Search the audit log",
    description = "Administrators only: who at the council read or changed which record and \
                   when, newest first, narrowed by member of staff, person, record and days \
                   (`from` and `to`, in England, inclusive). \
                   Keyset-paginated: pass `next` as `after`.",
    params(AuditQuery),
    responses(
        (status = 200, description = "One page of the log.", body = AuditPage),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn search_audit_log(
    state: web::Data<AppState>,
    user: Administrator,
    query: Query<AuditQuery>,
) -> Result<web::Json<AuditPage>, ApiError> {
    let (items, next) = audit::search(&state, &user, query.into_inner()).await?;
    Ok(web::Json(AuditPage { items, next }))
}
