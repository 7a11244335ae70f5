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
    description = "Ends the session of the `portal_refresh` cookie and removes the cookie; \
                   access tokens already issued for it stop working at once. Sends \
                   `Clear-Site-Data: \"storage\"` so the browser drops answers a tab kept. \
                   Answers 204 even without a cookie, so signing out twice is harmless.",
    responses(
        (status = 204, description = "Signed out; the cookie is removed.",
         headers(("Clear-Site-Data" = String, description = "`\"storage\"`: the browser \
            clears what this site stored."))),
        (status = 403, description = "Sent by another site's page (its `Origin` is not this \
         portal's, or `Sec-Fetch-Site: cross-site`).", body = shared::api::Problem,
         content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "You do not have access to this",
            "status": 403, "code": "forbidden"})),
    ),
    security(("refresh_cookie" = []))
)]
pub async fn end_session(
    state: web::Data<AppState>,
    req: HttpRequest,
) -> Result<HttpResponse, ApiError> {
    session::end(&state, &req).await
}
