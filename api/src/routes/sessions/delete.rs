use actix_web::{HttpRequest, HttpResponse, web};

use crate::accounts::session;
use crate::error::ApiError;
use crate::state::AppState;

/// Signs out.
#[utoipa::path(
    delete,
    path = "/api/v1/sessions/current",
    tag = "accounts",
    operation_id = "end_session",
    summary = "Sign out",
    description = "Ends the session of the `portal_refresh` cookie and removes the cookie. \
                   Access tokens already issued run out within minutes. Answers 204 even \
                   without a cookie, so signing out twice is harmless.",
    responses((status = 204, description = "Signed out; the cookie is removed.")),
    security(("refresh_cookie" = []))
)]
pub async fn end_session(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    session::end(&state, &req).await
}
