use actix_web::web;
use shared::api::InvitationView;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::people::invitations;
use crate::state::AppState;

/// Your open invitations.
#[utoipa::path(
    get,
    path = "/api/v1/invitations",
    tag = "citizen",
    operation_id = "list_invitations",
    summary = "List your invitations to see care records",
    description = "Invitations the council sent to your account's email address that you have \
                   not yet accepted or declined and that have not expired, oldest first. A \
                   person has few, so the list is whole.",
    responses(
        (status = 200, description = "The invitations.", body = Vec<InvitationView>,
         example = json!([{"id": "0193b050-0000-7000-8000-000000000050", "person_name": "Margaret Okafor",
            "relationship": "proxy", "legal_basis": "lasting_power_of_attorney", "ends_on": null,
            "expires_at": "2026-12-23T10:00:00Z"}])),
        (status = 401, response = crate::routes::problems::NotSignedIn),
    ),
    security(("bearer" = []))
)]
pub async fn list_invitations(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<web::Json<Vec<InvitationView>>, ApiError> {
    Ok(web::Json(invitations::mine(&state, &user).await?))
}
