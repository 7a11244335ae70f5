use actix_web::{HttpResponse, web};
use shared::api::{CreateLinkRequest, PersonId, PersonSummary};

use crate::auth::Staff;
use crate::error::ApiError;
use crate::people::person;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Staff give an account access to a person's record.
#[utoipa::path(
    post,
    path = "/api/v1/staff/people/{person_id}/links",
    tag = "staff",
    operation_id = "link_account",
    summary = "Give an account access to a person's record",
    description = "For council staff, once they have checked who the account holder is: links \
                   the public account with this email address to the person, as `self` or as a \
                   `proxy` with its legal basis and an optional last day. A new link replaces \
                   the account's earlier link to the same person.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    request_body = CreateLinkRequest,
    responses(
        (status = 201, description = "Linked; the person as the account holder will see them.", body = PersonSummary),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn link_account(
    state: web::Data<AppState>,
    user: Staff,
    person_id: web::Path<PersonId>,
    body: Json<CreateLinkRequest>,
) -> Result<HttpResponse, ApiError> {
    let linked = person::link(&state, &user, person_id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(linked))
}
