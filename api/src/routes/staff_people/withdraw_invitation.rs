use actix_web::{HttpResponse, web};
use shared::api::{InvitationId, PersonId};

use crate::auth::Staff;
use crate::error::ApiError;
use crate::people::invitations;
use crate::state::AppState;

/// Staff withdraw an invitation nobody has answered.
#[utoipa::path(
    delete,
    path = "/api/v1/staff/people/{person_id}/invitations/{invitation_id}",
    tag = "staff",
    operation_id = "withdraw_invitation",
    summary = "Withdraw an invitation to a person's record",
    description = "For council staff: an invitation sent to the wrong address, or no longer \
                   wanted, can no longer be accepted. It stays on the record as `withdrawn`. \
                   Invitations already answered or expired answer 404. Written to the audit \
                   log.",
    params(
        ("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"),
        ("invitation_id" = String, Path, description = "The invitation's id.", example = "0193b040-0000-7000-8000-000000000040"),
    ),
    responses(
        (status = 204, description = "Withdrawn."),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn withdraw_invitation(
    state: web::Data<AppState>,
    user: Staff,
    path: web::Path<(PersonId, InvitationId)>,
) -> Result<HttpResponse, ApiError> {
    let (person_id, invitation_id) = path.into_inner();
    invitations::withdraw(&state, &user, person_id, invitation_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
