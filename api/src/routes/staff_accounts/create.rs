use actix_web::{HttpResponse, web};
use shared::api::{AccountView, CreateStaffRequest};

use crate::accounts::staff;
use crate::auth::Administrator;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// An administrator adds a member of staff.
#[utoipa::path(
    post,
    path = "/api/v1/staff-accounts",
    tag = "accounts",
    operation_id = "create_staff_account",
    summary = "Create a staff or administrator account",
    description = "Administrators only. Creates a verified account with the given role and no \
                   usable password, and emails its owner to set one through 'Forgotten \
                   password?', which proves they hold the address. Written to the audit log.",
    request_body = CreateStaffRequest,
    responses(
        (status = 201, description = "The new account.", body = AccountView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn create_staff_account(
    state: web::Data<AppState>,
    user: Administrator,
    body: Json<CreateStaffRequest>,
) -> Result<HttpResponse, ApiError> {
    let account = staff::create(&state, &user, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(account))
}
