use actix_web::web;
use shared::api::{DraftId, DraftView};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::referrals::drafts;
use crate::state::AppState;

/// One saved form, to resume it.
#[utoipa::path(
    get,
    path = "/api/v1/drafts/{draft_id}",
    tag = "drafts",
    operation_id = "get_draft",
    summary = "Get a saved form",
    description = "The draft's answers, the page to resume on, and its version (send it back \
                   with the next save). Drafts of other accounts answer 404.",
    params(("draft_id" = String, Path, description = "The draft's id.",
        example = "0193a7c2-5f1e-7cc0-9d1a-2f4b8e6c1a01")),
    responses(
        (status = 200, description = "The draft.", body = DraftView),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn get_draft(
    state: web::Data<AppState>,
    user: CurrentUser,
    draft_id: web::Path<DraftId>,
) -> Result<web::Json<DraftView>, ApiError> {
    Ok(web::Json(
        drafts::get(&state, &user, draft_id.into_inner()).await?,
    ))
}
