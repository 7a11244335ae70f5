use actix_web::web;
use shared::api::{StaffSubmissionView, SubmissionId};

use crate::auth::Staff;
use crate::error::ApiError;
use crate::referrals::triage::matching;
use crate::state::AppState;

/// Starts a person's record from a referral.
#[utoipa::path(
    post,
    path = "/api/v1/staff/submissions/{submission_id}/new-person",
    tag = "staff",
    operation_id = "create_person_from_submission",
    summary = "Start a person's record from a referral",
    description = "For council staff, when no record is the person: a record is made from what \\
                   the referral says of them (names, date of birth, NHS number, address) and the \\
                   referral is linked to it, in one step. Both are written to the audit log. 422 \\
                   naming `person` when the form does not say who it is about or the answers \\
                   lack a name; 409 `already_linked` when it is linked already.",
    params(("submission_id" = String, Path, description = "The submission's id.",
        example = "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10")),
    responses(
        (status = 201, description = "Made and linked: the submission as it is now.", body = StaffSubmissionView),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 409, description = "Already linked to a record.",
         body = shared::api::Problem, content_type = "application/problem+json"),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn create_person_from_submission(
    state: web::Data<AppState>,
    user: Staff,
    submission_id: web::Path<SubmissionId>,
) -> Result<actix_web::HttpResponse, ApiError> {
    let view = matching::create_from(&state, &user, submission_id.into_inner()).await?;
    Ok(actix_web::HttpResponse::Created().json(view))
}
