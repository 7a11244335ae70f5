use actix_web::web;
use shared::api::StaffMember;

use crate::accounts::staff;
use crate::auth::Staff;
use crate::error::ApiError;
use crate::state::AppState;

/// The council's staff and their teams.
#[utoipa::path(
    get,
    path = "/api/v1/staff-accounts",
    tag = "accounts",
    operation_id = "list_staff_accounts",
    summary = "List staff accounts",
    description = "For council staff: every staff and administrator account, by surname, with \
                   its teams and whether it is switched on, to give a referral to a worker.",
    responses(
        (status = 200, description = "The staff.", body = Vec<StaffMember>,
         example = json!([{"id": "0193b030-0000-7000-8000-000000000030", "name": "Sam Taylor",
            "email": "sam.taylor@council.example", "role": "staff",
            "teams": [{"key": "contact_centre", "name": "Adult Social Care Contact Centre"}], "active": true}])),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
    ),
    security(("bearer" = []))
)]
pub async fn list_staff_accounts(
    state: web::Data<AppState>,
    user: Staff,
) -> Result<web::Json<Vec<StaffMember>>, ApiError> {
    Ok(web::Json(staff::list(&state, &user).await?))
}
