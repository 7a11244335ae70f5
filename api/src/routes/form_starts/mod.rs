mod create;

pub use create::{__path_start_form, start_form};

pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.service(super::only(
        "POST",
        "/form-starts",
        actix_web::web::post().to(start_form),
    ));
}
