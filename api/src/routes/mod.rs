//! The JSON API: one module a resource, one file an endpoint.

pub mod council;
pub mod health;

use actix_web::{HttpResponse, web};

use crate::error::ApiError;

/// Mounts every `/api/v1` route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            .configure(health::configure)
            .configure(council::configure)
            .default_service(web::to(unknown_route)),
    );
}

/// Unknown API paths answer a problem document, never the browser app's HTML.
pub async fn unknown_route() -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound)
}
