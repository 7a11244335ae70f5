use actix_web::{HttpResponse, web};
use shared::api::{StaffSubmissionView, SubmissionChangeRequest, SubmissionId};

use crate::auth::Staff;
use crate::error::ApiError;
use crate::referrals::triage;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Changes a submission's status, team or worker, or adds a note.
#[utoipa::path(
    post,
    path = "/api/v1/staff/submissions/{submission_id}/changes",
    tag = "staff",
    operation_id = "change_submission",
    summary = "Change a submission's status, team or worker",
    description = "For council staff: moves the submission to a new status (received, in \
                   review, accepted, declined, more information needed), gives it to a team \
                   and a worker in that team, or adds a note. The change is recorded with who \
                   made it and when, written to the audit log, and a new status is emailed to \
                   the sender (never the note).",
    params(("submission_id" = String, Path, description = "The submission's id.",
        example = "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10")),
    request_body = SubmissionChangeRequest,
    responses(
        (status = 201, description = "Changed; the submission as it is now.", body = StaffSubmissionView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn change_submission(
    state: web::Data<AppState>,
    user: Staff,
    submission_id: web::Path<SubmissionId>,
    body: Json<SubmissionChangeRequest>,
) -> Result<HttpResponse, ApiError> {
    let view = triage::change(&state, &user, submission_id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(view))
}
