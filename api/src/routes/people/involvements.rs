use actix_web::web;
use shared::api::InvolvementView;

use crate::auth::CurrentUser;
use crate::citizen::involvements;
use crate::error::ApiError;
use crate::state::AppState;

/// The Involvements tile.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/involvements",
    tag = "citizen",
    operation_id = "list_involvements",
    summary = "List the professionals working with a person",
    description = "Name, role, team, phone or email, and since when, longest-standing first. Involvements that have ended are left out. People you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    responses(
        (status = 200, description = "The involvements.", body = Vec<InvolvementView>,
         example = json!([{"id": "0193b002-0000-7000-8000-000000000002", "name": "Jo Bright",
            "role": "Social worker", "team": "Bootle locality team", "phone": "0151 496 0456",
            "email": null, "since": "2026-10-01"}])),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn list_involvements(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<String>,
) -> Result<web::Json<Vec<InvolvementView>>, ApiError> {
    Ok(web::Json(
        involvements::current(&state, &user, person_id.into_inner()).await?,
    ))
}
