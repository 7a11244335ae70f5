use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::SessionCreated;

use crate::accounts::session;
use crate::error::ApiError;
use crate::state::AppState;

/// Keeps a session going while its user is active.
#[utoipa::path(
    post,
    path = "/api/v1/sessions/refresh",
    tag = "accounts",
    operation_id = "refresh_session",
    summary = "Refresh the session",
    description = "Exchanges the `portal_refresh` cookie for a new access token and a new \
                   cookie; the old cookie stops working. A session ends after 20 minutes \
                   without a refresh, and at most 12 hours after sign-in. Presenting a cookie \
                   that was already exchanged ends every session descended from the same \
                   sign-in, since it means the cookie was copied.",
    responses(
        (status = 200, description = "A new access token; the cookie is rotated.", body = SessionCreated),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, description = "Sent by another site's page (its `Origin` is not this \
         portal's, or `Sec-Fetch-Site: cross-site`).", body = shared::api::Problem,
         content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "You do not have access to this",
            "status": 403, "code": "forbidden"})),
    ),
    security(("refresh_cookie" = []))
)]
pub async fn refresh_session(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    session::refresh(&state, &req).await
}
