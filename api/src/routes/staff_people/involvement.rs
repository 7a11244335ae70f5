use actix_web::{HttpResponse, web};
use shared::api::{CreateInvolvementRequest, InvolvementView, PersonId};

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::people::involvements;
use crate::routes::extract::Json;
use crate::state::AppState;
use shared::api::scopes;

/// Staff record a professional working with a person.
#[utoipa::path(
    post,
    path = "/api/v1/staff/people/{person_id}/involvements",
    tag = "staff",
    operation_id = "create_involvement",
    summary = "Record a professional working with a person",
    description = "For council staff, and machine clients with `people:write`: name, role, team, a phone number or email address, and \
                   since when. The person and their proxies see it under Involvements.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    request_body = CreateInvolvementRequest,
    responses(
        (status = 201, description = "Recorded.", body = InvolvementView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []), ("client" = ["people:write"]))
)]
pub async fn create_involvement(
    state: web::Data<AppState>,
    caller: ApiCaller,
    person_id: web::Path<PersonId>,
    body: Json<CreateInvolvementRequest>,
) -> Result<HttpResponse, ApiError> {
    let user = &caller.require(scopes::PEOPLE_WRITE)?;
    let created =
        involvements::create(&state, user, person_id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}
