use actix_web::web;
use shared::api::{AccountId, SetTeamsRequest, StaffMember};

use crate::accounts::staff;
use crate::auth::Administrator;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Puts a member of staff in teams.
#[utoipa::path(
    put,
    path = "/api/v1/staff-accounts/{account_id}/teams",
    tag = "accounts",
    operation_id = "set_staff_teams",
    summary = "Put a member of staff in teams",
    description = "Administrators only. The member of staff is in exactly the teams named \
                   afterwards; referrals with a team go only to its members.",
    params(("account_id" = String, Path, description = "The staff account's id.", example = "0193b030-0000-7000-8000-000000000030")),
    request_body = SetTeamsRequest,
    responses(
        (status = 200, description = "The member of staff as they are now.", body = StaffMember),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn set_staff_teams(
    state: web::Data<AppState>,
    user: Administrator,
    account_id: web::Path<AccountId>,
    body: Json<SetTeamsRequest>,
) -> Result<web::Json<StaffMember>, ApiError> {
    Ok(web::Json(
        staff::set_teams(&state, &user, account_id.into_inner(), body.into_inner()).await?,
    ))
}
