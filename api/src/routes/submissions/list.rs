use actix_web::web;
use shared::api::SubmissionPage;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::pagination::{PageQuery, PageRequest};
use crate::referrals::submissions;
use crate::routes::extract::Query;
use crate::state::AppState;

/// Forms the signed-in account sent in the last 30 days.
#[utoipa::path(
    get,
    path = "/api/v1/submissions",
    tag = "submissions",
    operation_id = "list_submissions",
    summary = "List the forms you submitted in the last 30 days",
    description = "Referrals and DoLS forms sent by the signed-in account in the last 30 days, \
                   newest first, with their reference and where each has got to. \
                   Keyset-paginated: pass `next` as `after` for the following page.",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of submissions.", body = SubmissionPage,
         example = json!({"items": [{"id": "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10", "reference": "ASC-7K4M-9QX2",
            "form_id": "support-enquiry", "form_title": "Support enquiry", "status": "received",
            "submitted_at": "2026-11-23T10:20:00Z"}], "next": null})),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_submissions(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: Query<PageQuery>,
) -> Result<web::Json<SubmissionPage>, ApiError> {
    let page = PageRequest::try_from(query.into_inner())?;
    Ok(web::Json(submissions::list(&state, &user, page).await?))
}
