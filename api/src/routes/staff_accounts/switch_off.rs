use actix_web::web;
use shared::api::{AccountId, StaffMember};

use crate::accounts::staff;
use crate::auth::Administrator;
use crate::error::ApiError;
use crate::state::AppState;

/// Switches a staff account off.
#[utoipa::path(
    post,
    path = "/api/v1/staff-accounts/{account_id}/switch-off",
    tag = "accounts",
    operation_id = "switch_off_staff_account",
    summary = "Switch a staff account off",
    description = "Administrators only, and not their own account. The account can no longer \
                   sign in, and its sessions and the access tokens already issued for them \
                   stop working now. Its past work keeps its name.",
    params(("account_id" = String, Path, description = "The staff account's id.", example = "0193b030-0000-7000-8000-000000000030")),
    responses(
        (status = 200, description = "The member of staff, switched off.", body = StaffMember),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn switch_off_staff_account(
    state: web::Data<AppState>,
    user: Administrator,
    account_id: web::Path<AccountId>,
) -> Result<web::Json<StaffMember>, ApiError> {
    Ok(web::Json(
        staff::switch_off(&state, &user, account_id.into_inner()).await?,
    ))
}
