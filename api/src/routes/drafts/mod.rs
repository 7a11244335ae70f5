mod create;
mod delete;
mod fhir;
mod get;
mod list;
mod update;

pub use create::{__path_create_draft, create_draft};
pub use delete::{__path_delete_draft, delete_draft};
pub use fhir::{__path_get_draft_response, get_draft_response};
pub use get::{__path_get_draft, get_draft};
pub use list::{__path_list_drafts, list_drafts};
pub use update::{__path_update_draft, update_draft};

use actix_web::{HttpResponse, web};

use crate::error::ApiError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/drafts")
            .route(web::get().to(list_drafts))
            .route(web::post().to(create_draft))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "GET, POST" })
            })),
    )
    .service(
        web::resource("/drafts/{draft_id}")
            .route(web::get().to(get_draft))
            .route(web::put().to(update_draft))
            .route(web::delete().to(delete_draft))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(ApiError::MethodNotAllowed {
                    allow: "GET, PUT, DELETE",
                })
            })),
    )
    .service(super::get_only(
        "/drafts/{draft_id}/fhir",
        get_draft_response,
    ));
}
