use actix_web::web;
use shared::api::FailedEmailPage;

use crate::auth::Administrator;
use crate::email::outbox;
use crate::error::ApiError;
use crate::pagination::{PageQuery, PageRequest};
use crate::routes::extract::Query;
use crate::state::AppState;

/// Emails given up on.
#[utoipa::path(
    get,
    path = "/api/v1/operations/failed-emails",
    tag = "operations",
    operation_id = "list_failed_emails",
    summary = "List the emails given up on",
    description = "Administrators only. Emails the mail server refused for a day, newest \
                   first: the address masked (`s•••@example.org`), which email it was, the \
                   attempts and the mail server's last words (the address masked in them too). \
                   Keyset-paginated: pass `next` as `after`.",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of emails given up on.", body = FailedEmailPage,
         example = json!({"items": [{"id": "0193b080-0000-7000-8000-000000000080",
            "to": "s•••@example.org", "email": "submission_received", "attempts": 14,
            "last_error": "permanent error (550): mailbox s•••@example.org unavailable",
            "queued_at": "2026-11-30T09:12:00Z", "can_retry": true}], "next": null})),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_failed_emails(
    state: web::Data<AppState>,
    _user: Administrator,
    query: Query<PageQuery>,
) -> Result<web::Json<FailedEmailPage>, ApiError> {
    let page = PageRequest::try_from(query.into_inner())?;
    let (items, next) = state
        .database
        .run(move |conn| Ok::<_, ApiError>(outbox::failed_page(conn, &page)?))
        .await?;
    Ok(web::Json(FailedEmailPage { items, next }))
}
