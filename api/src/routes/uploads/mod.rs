mod create;
mod get;

pub use create::{__path_create_upload, create_upload};
pub use get::{__path_get_upload, get_upload};

pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.service(super::only(
        "POST",
        "/uploads",
        actix_web::web::post().to(create_upload),
    ))
    .service(super::get_only("/uploads/{upload_id}", get_upload));
}
