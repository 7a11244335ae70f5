use actix_web::web;
use shared::api::{CreatePersonRequest, PersonDetails, PersonId};

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::people::person;
use crate::routes::extract::Json;
use crate::state::AppState;
use shared::api::scopes;

/// Corrects a person's details.
#[utoipa::path(
    put,
    path = "/api/v1/staff/people/{person_id}",
    tag = "staff",
    operation_id = "update_person",
    summary = "Correct a person's details",
    description = "For council staff, and machine clients with `people:write`: replaces the person's name, date of birth, address, email \
                   and phone numbers; fields left out are cleared. Checked as when the record \
                   was made, and written to the audit log.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    request_body = CreatePersonRequest,
    responses(
        (status = 200, description = "The details as they are now.", body = PersonDetails),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []), ("client" = ["people:write"]))
)]
pub async fn update_person(
    state: web::Data<AppState>,
    caller: ApiCaller,
    person_id: web::Path<PersonId>,
    body: Json<CreatePersonRequest>,
) -> Result<web::Json<PersonDetails>, ApiError> {
    let user = &caller.require(scopes::PEOPLE_WRITE)?;
    Ok(web::Json(
        person::update(&state, user, person_id.into_inner(), body.into_inner()).await?,
    ))
}
