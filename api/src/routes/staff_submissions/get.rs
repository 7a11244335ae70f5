use actix_web::web;
use shared::api::{StaffSubmissionView, SubmissionId};

use crate::auth::Staff;
use crate::error::ApiError;
use crate::referrals::triage;
use crate::state::AppState;

/// One submission with its answers and history.
#[utoipa::path(
    get,
    path = "/api/v1/staff/submissions/{submission_id}",
    tag = "staff",
    operation_id = "get_staff_submission",
    summary = "Open a submission in the queue",
    description = "For council staff: the answers as sent, the sender, the due date, team, \
                   worker and status, and every change with who made it and when. The reading \
                   is written to the audit log.",
    params(("submission_id" = String, Path, description = "The submission's id.",
        example = "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10")),
    responses(
        (status = 200, description = "The submission.", body = StaffSubmissionView),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn get_staff_submission(
    state: web::Data<AppState>,
    user: Staff,
    submission_id: web::Path<SubmissionId>,
) -> Result<web::Json<StaffSubmissionView>, ApiError> {
    Ok(web::Json(
        triage::get(&state, &user, submission_id.into_inner()).await?,
    ))
}
