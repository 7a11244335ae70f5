use actix_web::web;
use shared::api::{LinkPersonRequest, StaffSubmissionView, SubmissionId};

use crate::auth::Staff;
use crate::error::ApiError;
use crate::referrals::triage::matching;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Links a referral to the record of the person it is about.
#[utoipa::path(
    post,
    path = "/api/v1/staff/submissions/{submission_id}/person",
    tag = "staff",
    operation_id = "link_submission_person",
    summary = "Link a referral to a person's record",
    description = "For council staff, having checked one of the `candidates` (or found the \\
                   record by search): the referral is linked to the record, shows on it with its \\
                   status, and the submissions feed carries the person's id. Written to the \\
                   audit log. 409 `already_linked` when it is linked already.",
    params(("submission_id" = String, Path, description = "The submission's id.",
        example = "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10")),
    request_body(content = LinkPersonRequest,
        example = json!({"person_id": "0193b001-0000-7000-8000-000000000001"})),
    responses(
        (status = 200, description = "Linked: the submission as it is now.", body = StaffSubmissionView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 409, description = "Already linked to a record.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "This has changed since you last saw it",
            "status": 409, "detail": "This referral is already linked to a person's record.",
            "code": "already_linked"})),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn link_submission_person(
    state: web::Data<AppState>,
    user: Staff,
    submission_id: web::Path<SubmissionId>,
    body: Json<LinkPersonRequest>,
) -> Result<web::Json<StaffSubmissionView>, ApiError> {
    let request = body.into_inner();
    Ok(web::Json(
        matching::link(&state, &user, submission_id.into_inner(), request.person_id).await?,
    ))
}
