//! The JSON API: one module a resource, one file an endpoint.

pub mod account;
pub mod audit;
pub mod bot_check;
pub mod council;
pub mod drafts;
pub mod extract;
pub mod form_starts;
pub mod forms;
pub mod health;
pub mod integrations;
pub mod invitations;
pub mod operations;
pub mod password_resets;
pub mod people;
pub mod problems;
pub mod registrations;
pub mod sessions;
pub mod sign_in;
pub mod staff_accounts;
pub mod staff_imports;
pub mod staff_overview;
pub mod staff_people;
pub mod staff_submissions;
pub mod staff_teams;
pub mod submissions;
pub mod uploads;

use actix_web::{HttpResponse, web};

use crate::error::ApiError;

/// Mounts every `/api/v1` route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope("/api/v1")
            // An id of the wrong kind in a path is no id the council holds.
            .app_data(web::PathConfig::default().error_handler(|_, _| ApiError::NotFound.into()))
            .configure(health::configure)
            .configure(council::configure)
            .configure(forms::configure)
            .configure(form_starts::configure)
            .configure(bot_check::configure)
            .configure(registrations::configure)
            .configure(sign_in::configure)
            .configure(sessions::configure)
            .configure(account::configure)
            .configure(password_resets::configure)
            .configure(staff_accounts::configure)
            .configure(drafts::configure)
            .configure(submissions::configure)
            .configure(uploads::configure)
            .configure(people::configure)
            .configure(staff_people::configure)
            .configure(staff_imports::configure)
            .configure(staff_overview::configure)
            .configure(staff_submissions::configure)
            .configure(staff_teams::configure)
            .configure(audit::configure)
            .configure(invitations::configure)
            .configure(integrations::configure)
            .configure(operations::configure)
            .default_service(web::to(unknown_route)),
    );
}

/// A file a person or a system fetches: always downloaded (`attachment`), so that the browser
/// never renders it as a page of ours, and never kept in a cache, since it holds personal data.
pub fn file_download(content_type: &str, file_name: String, bytes: Vec<u8>) -> HttpResponse {
    use actix_web::http::header::{self, ContentDisposition, DispositionParam, DispositionType};
    HttpResponse::Ok()
        .content_type(content_type.to_owned())
        .insert_header(ContentDisposition {
            disposition: DispositionType::Attachment,
            parameters: vec![DispositionParam::Filename(file_name)],
        })
        .insert_header((header::CACHE_CONTROL, "no-store"))
        .body(bytes)
}

/// A read-only resource: GET (and HEAD) go to `handler`, other methods get a 405 problem.
pub fn get_only<F, Args>(path: &str, handler: F) -> actix_web::Resource
where
    F: actix_web::Handler<Args>,
    Args: actix_web::FromRequest + 'static,
    F::Output: actix_web::Responder + 'static,
{
    web::resource(path)
        .route(web::get().to(handler))
        .default_service(web::to(|| async {
            Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "GET" })
        }))
}

/// A resource that takes one method; others get a 405 problem naming it.
pub fn only(method: &'static str, path: &str, route: actix_web::Route) -> actix_web::Resource {
    web::resource(path)
        .route(route)
        .default_service(web::to(move || async move {
            Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: method })
        }))
}

/// Unknown API paths answer a problem document, never the browser app's HTML.
pub async fn unknown_route() -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound)
}
