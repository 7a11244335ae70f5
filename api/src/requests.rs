//! Each request's id, the language it asks for, and its one log line. The id comes from our
//! load balancer when it sends one (`X-Request-Id`, believed only from
//! `server.trusted_proxies`) or is made here; it goes back on every answer and in every problem
//! body, so a citizen quoting it on the phone can be traced. Its `Accept-Language` is kept
//! likewise (`request_language`), for the wording of problems. The line names the method, the
//! route's template (never the path itself, which can hold a surname being searched for), the
//! status, the time taken, the id and the account's id: never a name or an answer.

use std::time::Instant;

use actix_web::body::MessageBody;
use actix_web::dev::{ServiceRequest, ServiceResponse};
use actix_web::http::header::{self, HeaderName, HeaderValue};
use actix_web::middleware::Next;
use actix_web::{HttpMessage, web};
use shared::language::Language;
use tracing::Instrument;
use uuid::Uuid;

use crate::state::AppState;

pub const HEADER: &str = "x-request-id";

/// The account a request was made as, noted by the extractors for the log line.
#[derive(Debug, Clone)]
pub struct Caller(pub String);

/// An id a proxy may hand on: short, and only letters, digits and `-_.:`, so it is safe in a
/// header, a log line and a JSON body.
fn acceptable(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.:".contains(&b))
}

pub async fn track(
    req: ServiceRequest,
    next: Next<impl MessageBody>,
) -> Result<ServiceResponse<impl MessageBody>, actix_web::Error> {
    let from_proxy = req
        .app_data::<web::Data<AppState>>()
        .zip(req.peer_addr())
        .is_some_and(|(state, peer)| state.proxies.trusts(peer.ip()));
    let id = from_proxy
        .then(|| req.headers().get(HEADER).and_then(|v| v.to_str().ok()))
        .flatten()
        .filter(|id| acceptable(id))
        .map_or_else(|| Uuid::now_v7().simple().to_string(), str::to_owned);
    // The language a problem is worded in (content negotiation, English by default).
    let language = req
        .headers()
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .map_or(Language::English, Language::from_accept_language);
    let method = req.method().to_string();
    let started = Instant::now();
    let span = tracing::info_span!("request", request_id = %id);
    let answering = crate::request_language::CURRENT.scope(language, next.call(req));
    let mut res = crate::request_id::CURRENT
        .scope(id.clone(), answering)
        .instrument(span.clone())
        .await?;
    if let Ok(value) = HeaderValue::from_str(&id) {
        res.headers_mut()
            .insert(HeaderName::from_static(HEADER), value);
    }
    // Any answer of the API may be worded in the language asked for (a problem, a form's title,
    // a team's name), so a cache keeps one copy for each.
    let varies = res.headers().get_all(header::VARY).any(|v| {
        v.to_str()
            .is_ok_and(|v| v.to_ascii_lowercase().contains("accept-language"))
    });
    if res.request().path().starts_with("/api/") && !varies {
        res.headers_mut()
            .append(header::VARY, HeaderValue::from_static("Accept-Language"));
    }
    // Pages of the browser app and unknown addresses have no route of their own: they are
    // named by kind, never by path (a path could hold anything a person typed).
    let route = res.request().match_pattern().unwrap_or_else(|| {
        if res.request().path().starts_with("/api/") {
            "(unknown api path)".to_owned()
        } else {
            "(web app)".to_owned()
        }
    });
    let account = res
        .request()
        .extensions()
        .get::<Caller>()
        .map(|c| c.0.clone());
    let status = res.status().as_u16();
    let took = started.elapsed();
    if let Some(state) = res.request().app_data::<web::Data<AppState>>() {
        state.metrics.answered(&route, &method, status, took);
    }
    let latency_ms = took.as_secs_f64() * 1000.0;
    span.in_scope(|| {
        tracing::info!(
            method,
            route,
            status,
            latency_ms,
            account = account.as_deref().unwrap_or("-"),
            "answered"
        );
    });
    Ok(res)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_short_ids_are_handed_on() {
        assert!(acceptable("0193b0a1-7c2e-7d3f-9a1b-2c3d4e5f6a7b"));
        assert!(acceptable("lb:1234.5_6"));
        assert!(!acceptable(""));
        assert!(!acceptable(&"a".repeat(65)));
        assert!(!acceptable("id\r\nSet-Cookie: x=1"));
        assert!(!acceptable("<script>"));
    }
}
