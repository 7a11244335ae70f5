use actix_web::web;
use shared::api::{PersonDetails, PersonId};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::people::person;
use crate::state::AppState;

/// The Details tile.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}",
    tag = "citizen",
    operation_id = "get_person",
    summary = "Get a person's details",
    description = "Name, date of birth, address, email and phone numbers as the council holds them, read only. People you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    responses(
        (status = 200, description = "The details.", body = PersonDetails),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn get_person(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<PersonId>,
) -> Result<web::Json<PersonDetails>, ApiError> {
    Ok(web::Json(
        person::details(&state, &user, person_id.into_inner()).await?,
    ))
}
