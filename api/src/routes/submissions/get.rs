use actix_web::web;
use shared::api::{SubmissionId, SubmissionView};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::referrals::submissions;
use crate::state::AppState;

/// One submitted form, as it was sent.
#[utoipa::path(
    get,
    path = "/api/v1/submissions/{submission_id}",
    tag = "submissions",
    operation_id = "get_submission",
    summary = "Get a form you submitted",
    description = "The frozen answers, the check-answers rows as they were sent, the form \
                   version, the reference and the status. A form answered in Welsh \
                   (`language` `cy`) comes back as its sender read it: the rows and the form's \
                   title in Welsh, while the form is still the version answered (the council \
                   keeps the English). Submissions of other accounts answer 404.",
    params(("submission_id" = String, Path, description = "The submission's id.",
        example = "0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10")),
    responses(
        (status = 200, description = "The submission.", body = SubmissionView),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn get_submission(
    state: web::Data<AppState>,
    user: CurrentUser,
    submission_id: web::Path<SubmissionId>,
) -> Result<web::Json<SubmissionView>, ApiError> {
    Ok(web::Json(
        submissions::get(&state, &user, submission_id.into_inner()).await?,
    ))
}
