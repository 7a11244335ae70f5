use actix_web::web;
use shared::api::{Dashboard, PersonId};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::records::dashboard;
use crate::state::AppState;

/// The dashboard's tiles and counts.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/dashboard",
    tag = "citizen",
    operation_id = "get_dashboard",
    summary = "Get a person's dashboard",
    description = "Whose record it is, and the count behind each tile: messages from the council you have not opened, and the professionals working with the person now. People you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    responses(
        (status = 200, description = "The dashboard.", body = Dashboard),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn get_dashboard(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<PersonId>,
) -> Result<web::Json<Dashboard>, ApiError> {
    Ok(web::Json(
        dashboard::get(&state, &user, person_id.into_inner()).await?,
    ))
}
