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
pub mod table;
pub mod uploads;

use actix_web::{HttpResponse, web};

use crate::error::ApiError;
use table::Routes;

/// Mounts every `/api/v1` route.
pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::scope(table::PREFIX)
            // An id of the wrong kind in a path is no id the council holds.
            .app_data(web::PathConfig::default().error_handler(|_, _| ApiError::NotFound.into()))
            // Only the machine clients' token route reads a form.
            .app_data(
                web::FormConfig::default()
                    .limit(4096)
                    .error_handler(|error, _| {
                        ApiError::MalformedBody(format!(
                            "send grant_type, client_id and client_secret as a form: {error}"
                        ))
                        .into()
                    }),
            )
            .configure(|cfg| table().mount(cfg))
            .default_service(web::to(unknown_route)),
    );
}

/// Every route, in the order actix-web tries them.
pub fn table() -> Routes {
    let mut routes = Routes::default();
    health::routes(&mut routes);
    council::routes(&mut routes);
    forms::routes(&mut routes);
    form_starts::routes(&mut routes);
    bot_check::routes(&mut routes);
    registrations::routes(&mut routes);
    sign_in::routes(&mut routes);
    sessions::routes(&mut routes);
    account::routes(&mut routes);
    password_resets::routes(&mut routes);
    staff_accounts::routes(&mut routes);
    drafts::routes(&mut routes);
    submissions::routes(&mut routes);
    uploads::routes(&mut routes);
    people::routes(&mut routes);
    staff_people::routes(&mut routes);
    staff_imports::routes(&mut routes);
    staff_overview::routes(&mut routes);
    staff_submissions::routes(&mut routes);
    staff_teams::routes(&mut routes);
    audit::routes(&mut routes);
    invitations::routes(&mut routes);
    integrations::routes(&mut routes);
    operations::routes(&mut routes);
    routes
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

/// Unknown API paths answer a problem document, never the browser app's HTML.
pub async fn unknown_route() -> Result<HttpResponse, ApiError> {
    Err(ApiError::NotFound)
}
