//! Security headers on every answer.

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderValue};
use actix_web::middleware::{DefaultHeaders, Next};

/// The browser app may run its own scripts and wasm and talk to its own origin, nothing else.
/// `'wasm-unsafe-eval'` allows compiling WebAssembly without allowing `eval` of JavaScript.
/// `frame-src blob:` lets it print a document it fetched (a frame of the bytes it holds), and
/// `img-src blob:` show an image document on a page of its own; only its own scripts can make
/// such an address.
pub const APP_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
    style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; \
    object-src 'none'; frame-src blob:; base-uri 'self'; form-action 'self'; \
    frame-ancestors 'none'";

/// Swagger UI sets styles inline; it still loads nothing from elsewhere.
pub const DOCS_CSP: &str = "default-src 'self'; script-src 'self'; \
    style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self'; \
    connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; \
    frame-ancestors 'none'";

/// Headers that are the same on every answer. HSTS only when the public address is https: sent
/// over plain HTTP it would be ignored, and on a developer's machine it would be a nuisance.
pub fn fixed(behind_tls: bool) -> DefaultHeaders {
    let headers = DefaultHeaders::new()
        .add((header::X_CONTENT_TYPE_OPTIONS, "nosniff"))
        .add((header::REFERRER_POLICY, "no-referrer"))
        .add((header::X_FRAME_OPTIONS, "DENY"))
        .add(("Cross-Origin-Opener-Policy", "same-origin"))
        .add(("Cross-Origin-Resource-Policy", "same-origin"))
        .add((
            "Permissions-Policy",
            "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
        ));
    if behind_tls {
        headers.add((
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=31536000; includeSubDomains",
        ))
    } else {
        headers
    }
}

/// Headers that depend on the path: the content security policy, and no caching of API answers,
/// which carry personal data.
pub async fn by_path(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let path = req.path();
    let docs = path == "/api/docs" || path.starts_with("/api/docs/");
    let api = path.starts_with("/api/") && !docs;
    let mut response = next.call(req).await?;
    let headers = response.headers_mut();
    let csp = if docs { DOCS_CSP } else { APP_CSP };
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(csp),
    );
    if api && !headers.contains_key(header::CACHE_CONTROL) {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    Ok(response)
}
