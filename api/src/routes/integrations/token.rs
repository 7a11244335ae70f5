use actix_web::{HttpRequest, web};
use serde::Deserialize;
use shared::api::TokenResponse;
use utoipa::ToSchema;

use crate::accounts::limits::{Limited, client_address, limit_address};
use crate::error::ApiError;
use crate::integrations::clients;
use crate::state::AppState;

/// The OAuth 2.0 client-credentials request, form-encoded as RFC 6749 says.
#[derive(Debug, Deserialize, ToSchema)]
pub struct TokenRequest {
    /// Always `client_credentials`.
    #[schema(example = "client_credentials")]
    pub grant_type: String,
    #[schema(example = "0193b060-0000-7000-8000-000000000060")]
    pub client_id: String,
    #[schema(example = "cs_Qm9vdGxlIGlzIGEgdG93biBpbiBTZWZ0b24")]
    pub client_secret: String,
}

/// A machine client's access token.
#[utoipa::path(
    post,
    path = "/api/v1/oauth/token",
    tag = "integrations",
    operation_id = "issue_client_token",
    summary = "Get an access token for a machine client",
    description = "OAuth 2.0 client credentials: post `grant_type=client_credentials`, \
                   `client_id` and `client_secret` as `application/x-www-form-urlencoded`, and \
                   send the `access_token` as `Authorization: Bearer` for the next 5 minutes. \
                   The token carries the client's scopes; routes outside them answer 403. \
                   Each client address may ask a limited number of times an hour (429 with \
                   `Retry-After`): ask once and use the token until it runs out.",
    request_body(content = TokenRequest, content_type = "application/x-www-form-urlencoded"),
    responses(
        (status = 200, description = "A token.", body = TokenResponse),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, description = "The id and secret do not match a client still allowed in.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "The client id and secret do not match", "status": 401,
            "detail": "Check the client id and secret; an administrator may have rotated or revoked them.",
            "code": "invalid_client"})),
        (status = 422, response = crate::routes::problems::ValidationFailed),
        (status = 429, response = crate::routes::problems::TooManyAttempts),
    ),
    security(())
)]
pub async fn issue_client_token(
    state: web::Data<AppState>,
    req: HttpRequest,
    form: web::Form<TokenRequest>,
) -> Result<web::Json<TokenResponse>, ApiError> {
    limit_address(&state, Limited::ClientToken, client_address(&state, &req)).await?;
    let form = form.into_inner();
    // For integrators: field messages stay English whatever Accept-Language asks (only a
    // problem's title and detail follow it; see `request_language`).
    if form.grant_type != "client_credentials" {
        return Err(ApiError::field(
            "grant_type",
            "Only client_credentials is supported",
        ));
    }
    Ok(web::Json(
        clients::token(&state, form.client_id, form.client_secret).await?,
    ))
}
