use actix_web::{HttpResponse, http::header, web};
use shared::api::{CreatePersonRequest, PersonDetails};

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::people::person;
use crate::routes::extract::Json;
use crate::state::AppState;
use shared::api::scopes;

/// Staff create a person's record.
#[utoipa::path(
    post,
    path = "/api/v1/staff/people",
    tag = "staff",
    operation_id = "create_person",
    summary = "Create a person's record",
    description = "For council staff, and machine clients with `people:write`. A care record: name, and as known the date of birth, \
                   address, email and phone numbers. Citizens and professionals get 403.",
    request_body = CreatePersonRequest,
    responses(
        (status = 201, description = "Created.", body = PersonDetails,
         headers(("Location" = String, description = "The person's URL."))),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []), ("client" = ["people:write"]))
)]
pub async fn create_person(
    state: web::Data<AppState>,
    caller: ApiCaller,
    body: Json<CreatePersonRequest>,
) -> Result<HttpResponse, ApiError> {
    let user = &caller.require(scopes::PEOPLE_WRITE)?;
    let created = person::create(&state, user, body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header((header::LOCATION, format!("/api/v1/people/{}", created.id)))
        .json(created))
}
