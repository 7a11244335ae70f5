//! The browser app, served from the API's own origin.

use std::path::{Path, PathBuf};

use actix_files::{Files, NamedFile};
use actix_web::dev::{ServiceRequest, ServiceResponse, fn_service};
use actix_web::http::Method;
use actix_web::http::header::{self, HeaderValue};

use crate::error::ApiError;

/// Serves files from `dir`; any other GET of a path without a file extension is a client-side
/// route, answered with `index.html` so that the app's router shows the page (or its own 404).
pub fn service(dir: &Path) -> Files {
    let index = dir.join("index.html");
    Files::new("/", dir)
        .index_file("index.html")
        .use_etag(true)
        .use_last_modified(true)
        .default_handler(fn_service(move |req: ServiceRequest| {
            let index = index.clone();
            async move { Ok::<_, actix_web::Error>(fallback(req, index).await) }
        }))
}

async fn fallback(req: ServiceRequest, index: PathBuf) -> ServiceResponse {
    let (req, _) = req.into_parts();
    let client_route = matches!(*req.method(), Method::GET | Method::HEAD)
        && !req
            .path()
            .rsplit('/')
            .next()
            .is_some_and(|last| last.contains('.'));
    if !client_route {
        return ServiceResponse::from_err(ApiError::NotFound, req);
    }
    match NamedFile::open_async(&index).await {
        Ok(file) => {
            let mut response = file.into_response(&req);
            // The page must always be fresh so that a new release's wasm is picked up.
            response
                .headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
            ServiceResponse::new(req, response)
        }
        Err(error) => {
            tracing::error!(%error, path = %index.display(), "the browser app is not built");
            ServiceResponse::from_err(ApiError::Internal(error.into()), req)
        }
    }
}
