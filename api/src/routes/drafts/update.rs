use actix_web::web;
use shared::api::{DraftId, DraftView, UpdateDraftRequest};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::referrals::drafts;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Saves a form again (on every Next, and on Save for later).
#[utoipa::path(
    put,
    path = "/api/v1/drafts/{draft_id}",
    tag = "drafts",
    operation_id = "update_draft",
    summary = "Save a form again",
    description = "Replaces the draft's answers if `version` is the draft's current version, \
                   and answers the draft with the version one higher. A save from an older copy \
                   (another tab, another device) is refused with 409 and changes nothing: \
                   reload the draft and apply the change again. Each save keeps the draft for \
                   another 30 days. As when first saved, answers must answer questions the form \
                   asks, each in the shape its question takes.",
    params(("draft_id" = String, Path, description = "The draft's id.",
        example = "0193a7c2-5f1e-7cc0-9d1a-2f4b8e6c1a01")),
    request_body = UpdateDraftRequest,
    responses(
        (status = 200, description = "Saved.", body = DraftView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 409, description = "The draft was saved again since the version you sent.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "This has changed since you last saw it", "status": 409,
            "detail": "This form was saved again (version 4) after the copy you changed (version 3). Reload it to see the latest answers.",
            "code": "stale_version"})),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn update_draft(
    state: web::Data<AppState>,
    user: CurrentUser,
    draft_id: web::Path<DraftId>,
    body: Json<UpdateDraftRequest>,
) -> Result<web::Json<DraftView>, ApiError> {
    Ok(web::Json(
        drafts::update(&state, &user, draft_id.into_inner(), body.into_inner()).await?,
    ))
}
