use actix_web::{HttpResponse, web};
use shared::api::{CreateLinkRequest, PersonId, StaffInvitation};

use crate::auth::Staff;
use crate::error::ApiError;
use crate::people::invitations;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Staff invite someone to see a person's record.
#[utoipa::path(
    post,
    path = "/api/v1/staff/people/{person_id}/invitations",
    tag = "staff",
    operation_id = "invite_to_record",
    summary = "Invite someone to see a person's record",
    description = "For council staff: emails the address an invitation (saying nothing of whose \
                   record) to see the person's record as the person or as a proxy with a legal \
                   basis. The holder of a portal account with that address accepts it in their \
                   account within 30 days; only then is the account linked. Written to the \
                   audit log.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    request_body = CreateLinkRequest,
    responses(
        (status = 201, description = "Invited.", body = StaffInvitation),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn invite_to_record(
    state: web::Data<AppState>,
    user: Staff,
    person_id: web::Path<PersonId>,
    body: Json<CreateLinkRequest>,
) -> Result<HttpResponse, ApiError> {
    let invitation =
        invitations::invite(&state, &user, person_id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(invitation))
}
