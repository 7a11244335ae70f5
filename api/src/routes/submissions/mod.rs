mod create;
mod get;
mod list;
mod pdf;

pub use create::{__path_create_submission, create_submission};
pub use get::{__path_get_submission, get_submission};
pub use list::{__path_list_submissions, list_submissions};
pub use pdf::{__path_get_submission_pdf, PdfFile, get_submission_pdf};

use actix_web::{HttpResponse, web};

use crate::error::ApiError;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(
        web::resource("/submissions")
            .route(web::get().to(list_submissions))
            .route(web::post().to(create_submission))
            .default_service(web::to(|| async {
                Err::<HttpResponse, _>(ApiError::MethodNotAllowed { allow: "GET, POST" })
            })),
    )
    .service(super::get_only(
        "/submissions/{submission_id}",
        get_submission,
    ))
    .service(super::get_only(
        "/submissions/{submission_id}/pdf",
        get_submission_pdf,
    ));
}
