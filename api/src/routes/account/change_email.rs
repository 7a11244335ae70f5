use actix_web::{HttpResponse, web};
use shared::api::{ChangeEmailRequest, CodeSent};

use crate::accounts::email_change;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Starts a change of email address.
#[utoipa::path(
    post,
    path = "/api/v1/account/email",
    tag = "accounts",
    operation_id = "change_email",
    summary = "Change your email address: send a code to the new one",
    description = "Checks the password, then emails a 6-digit code (valid 20 minutes) to the new \
                   address; the change happens when the code comes back. An address that \
                   already has an account gets nothing, and the answer is the same.",
    request_body = ChangeEmailRequest,
    responses(
        (status = 202, description = "A code has been sent to the new address.", body = CodeSent),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 422, response = crate::routes::problems::ValidationFailed),
        (status = 429, response = crate::routes::problems::TooManyAttempts),
    ),
    security(("bearer" = []))
)]
pub async fn change_email(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Json<ChangeEmailRequest>,
) -> Result<HttpResponse, ApiError> {
    Ok(HttpResponse::Accepted()
        .json(email_change::request(&state, &user, body.into_inner()).await?))
}
