use actix_web::{HttpResponse, web};
use shared::api::{InvitationId, PersonSummary};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::people::invitations;
use crate::state::AppState;

/// Accepts an invitation.
#[utoipa::path(
    post,
    path = "/api/v1/invitations/{invitation_id}/acceptance",
    tag = "citizen",
    operation_id = "accept_invitation",
    summary = "Accept an invitation to see a care record",
    description = "Links your account to the person as the invitation says (replacing an \
                   earlier link of yours to them). Invitations to other addresses, answered or \
                   expired ones answer 404.",
    params(("invitation_id" = String, Path, description = "The invitation's id.", example = "0193b050-0000-7000-8000-000000000050")),
    responses(
        (status = 201, description = "Linked; the record you can now see.", body = PersonSummary),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn accept_invitation(
    state: web::Data<AppState>,
    user: CurrentUser,
    invitation_id: web::Path<InvitationId>,
) -> Result<HttpResponse, ApiError> {
    let person = invitations::accept(&state, &user, invitation_id.into_inner()).await?;
    Ok(HttpResponse::Created().json(person))
}
