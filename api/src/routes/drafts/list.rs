use actix_web::web;
use shared::api::DraftPage;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::pagination::{PageQuery, PageRequest};
use crate::referrals::drafts;
use crate::routes::extract::Query;
use crate::state::AppState;

/// The signed-in account's saved forms.
#[utoipa::path(
    get,
    path = "/api/v1/drafts",
    tag = "drafts",
    operation_id = "list_drafts",
    summary = "List your saved forms",
    description = "Forms saved for later by the signed-in account, most recently saved first, \
                   with their progress and the date each will be deleted (30 days after its last \
                   save). Keyset-paginated: pass `next` as `after` for the following page.",
    params(PageQuery),
    responses(
        (status = 200, description = "One page of drafts.", body = DraftPage,
         example = json!({"items": [{"id": "0193a7c2-5f1e-7cc0-9d1a-2f4b8e6c1a01", "form_id": "dols-form-1",
            "form_title": "DoLS Form 1: standard request and urgent authorisation", "version": 3, "progress": 13,
            "updated_at": "2026-11-23T10:15:00Z", "expires_at": "2026-12-23T10:15:00Z"}], "next": null})),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_drafts(
    state: web::Data<AppState>,
    user: CurrentUser,
    query: Query<PageQuery>,
) -> Result<web::Json<DraftPage>, ApiError> {
    let page = PageRequest::try_from(query.into_inner())?;
    Ok(web::Json(drafts::list(&state, &user, page).await?))
}
