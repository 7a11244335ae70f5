use actix_web::{HttpResponse, web};
use shared::api::{ApiClientView, ClientId, ClientWithSecret, CreateClientRequest};

use crate::auth::Administrator;
use crate::error::ApiError;
use crate::integrations::clients;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Creates a machine client.
#[utoipa::path(
    post,
    path = "/api/v1/api-clients",
    tag = "integrations",
    operation_id = "create_api_client",
    summary = "Create a machine client",
    description = "Administrators only. Gives the client a name and scopes (`submissions:read` \
                   reads the submissions feed) and answers its secret, this once: only a hash \
                   is kept. Written to the audit log.",
    request_body = CreateClientRequest,
    responses(
        (status = 201, description = "Created, with its secret.", body = ClientWithSecret),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn create_api_client(
    state: web::Data<AppState>,
    user: Administrator,
    body: Json<CreateClientRequest>,
) -> Result<HttpResponse, ApiError> {
    let created = clients::create(&state, &user, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(created))
}

/// The machine clients.
#[utoipa::path(
    get,
    path = "/api/v1/api-clients",
    tag = "integrations",
    operation_id = "list_api_clients",
    summary = "List machine clients",
    description = "Administrators only. Every client, oldest first, without secrets.",
    responses(
        (status = 200, description = "The clients.", body = Vec<ApiClientView>,
         example = json!([{"id": "0193b060-0000-7000-8000-000000000060", "name": "Case management system",
            "scopes": ["submissions:read"], "created_at": "2026-11-23T10:00:00Z",
            "secret_set_at": "2026-11-23T10:00:00Z", "revoked": false}])),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
    ),
    security(("bearer" = []))
)]
pub async fn list_api_clients(
    state: web::Data<AppState>,
    user: Administrator,
) -> Result<web::Json<Vec<ApiClientView>>, ApiError> {
    Ok(web::Json(clients::list(&state, &user).await?))
}

/// Rotates a client's secret.
#[utoipa::path(
    post,
    path = "/api/v1/api-clients/{client_id}/secret",
    tag = "integrations",
    operation_id = "rotate_api_client_secret",
    summary = "Give a machine client a new secret",
    description = "Administrators only. The old secret, and every token got with it, stop \
                   working now; the new one is answered this once. Revoked clients answer 404.",
    params(("client_id" = String, Path, description = "The client's id.", example = "0193b060-0000-7000-8000-000000000060")),
    responses(
        (status = 200, description = "The client with its new secret.", body = ClientWithSecret),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn rotate_api_client_secret(
    state: web::Data<AppState>,
    user: Administrator,
    client_id: web::Path<ClientId>,
) -> Result<web::Json<ClientWithSecret>, ApiError> {
    Ok(web::Json(
        clients::rotate(&state, &user, client_id.into_inner()).await?,
    ))
}

/// Revokes a client.
#[utoipa::path(
    delete,
    path = "/api/v1/api-clients/{client_id}",
    tag = "integrations",
    operation_id = "revoke_api_client",
    summary = "Revoke a machine client",
    description = "Administrators only. Its secret and any token already issued to it stop \
                   working now; the client is kept, revoked, for the record.",
    params(("client_id" = String, Path, description = "The client's id.", example = "0193b060-0000-7000-8000-000000000060")),
    responses(
        (status = 204, description = "Revoked."),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn revoke_api_client(
    state: web::Data<AppState>,
    user: Administrator,
    client_id: web::Path<ClientId>,
) -> Result<HttpResponse, ApiError> {
    clients::revoke(&state, &user, client_id.into_inner()).await?;
    Ok(HttpResponse::NoContent().finish())
}
