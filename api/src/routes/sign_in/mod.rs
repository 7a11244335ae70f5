mod create;
mod verify;

pub use create::{__path_start_sign_in, start_sign_in};
pub use verify::{__path_finish_sign_in, finish_sign_in};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::only(
        "POST",
        "/sign-in",
        web::post().to(start_sign_in),
    ))
    .service(super::only(
        "POST",
        "/sign-in/verify",
        web::post().to(finish_sign_in),
    ));
}
