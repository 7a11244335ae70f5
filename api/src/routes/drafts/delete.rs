use actix_web::{HttpResponse, web};
use shared::api::DraftId;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::referrals::drafts;
use crate::state::AppState;

/// Cancels a saved form.
#[utoipa::path(
    delete,
    path = "/api/v1/drafts/{draft_id}",
    tag = "drafts",
    operation_id = "delete_draft",
    summary = "Delete a saved form",
    description = "Deletes the draft and its answers for good (the form's Cancel button).",
    params(("draft_id" = String, Path, description = "The draft's id.",
        example = "0193a7c2-5f1e-7cc0-9d1a-2f4b8e6c1a01")),
    responses(
        (status = 204, description = "Deleted."),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn delete_draft(
    state: web::Data<AppState>,
    user: CurrentUser,
    draft_id: web::Path<DraftId>,
) -> Result<HttpResponse, ApiError> {
    drafts::delete(&state, &user, draft_id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
