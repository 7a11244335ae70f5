use actix_web::web;
use shared::api::{InvolvementPage, PersonId};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::pagination::{PageQuery, PageRequest};
use crate::people::involvements;
use crate::routes::extract::Query;
use crate::state::AppState;

/// The Involvements tile.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/involvements",
    tag = "citizen",
    operation_id = "list_involvements",
    summary = "List the professionals working with a person",
    description = "Name, role, team, phone or email, and since when, longest-standing first. Involvements that have ended are left out. Keyset-paginated: pass `next` as `after`. People you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"), PageQuery),
    responses(
        (status = 200, description = "One page of involvements.", body = InvolvementPage,
         example = json!({"items": [{"id": "0193b002-0000-7000-8000-000000000002", "name": "Jo Bright",
            "role": "Social worker", "team": "Bootle locality team", "phone": "0151 496 0456",
            "email": null, "since": "2026-10-01"}], "next": null})),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_involvements(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<PersonId>,
    query: Query<PageQuery>,
) -> Result<web::Json<InvolvementPage>, ApiError> {
    let page = PageRequest::try_from(query.into_inner())?;
    let (items, next) = involvements::current(&state, &user, person_id.into_inner(), page).await?;
    Ok(web::Json(InvolvementPage { items, next }))
}
