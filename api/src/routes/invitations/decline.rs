use actix_web::{HttpResponse, web};
use shared::api::InvitationId;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::people::invitations;
use crate::state::AppState;

/// Declines an invitation.
#[utoipa::path(
    post,
    path = "/api/v1/invitations/{invitation_id}/decline",
    tag = "citizen",
    operation_id = "decline_invitation",
    summary = "Decline an invitation to see a care record",
    description = "Nothing is linked, and the invitation can no longer be accepted. \
                   Invitations to other addresses, answered or expired ones answer 404.",
    params(("invitation_id" = String, Path, description = "The invitation's id.", example = "0193b050-0000-7000-8000-000000000050")),
    responses(
        (status = 204, description = "Declined."),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn decline_invitation(
    state: web::Data<AppState>,
    user: CurrentUser,
    invitation_id: web::Path<InvitationId>,
) -> Result<HttpResponse, ApiError> {
    invitations::decline(&state, &user, invitation_id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
