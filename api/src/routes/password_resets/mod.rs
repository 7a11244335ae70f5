mod complete;
mod create;

pub use complete::{__path_complete_password_reset, complete_password_reset};
pub use create::{__path_request_password_reset, request_password_reset};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::only(
        "POST",
        "/password-resets",
        web::post().to(request_password_reset),
    ))
    .service(super::only(
        "POST",
        "/password-resets/complete",
        web::post().to(complete_password_reset),
    ));
}
