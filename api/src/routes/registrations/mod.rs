mod create;
mod resend;
mod verify;

pub use create::{__path_create_registration, create_registration};
pub use resend::{__path_resend_registration_code, resend_registration_code};
pub use verify::{__path_verify_registration, verify_registration};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::only(
        "POST",
        "/registrations",
        web::post().to(create_registration),
    ))
    .service(super::only(
        "POST",
        "/registrations/verify",
        web::post().to(verify_registration),
    ))
    .service(super::only(
        "POST",
        "/registrations/resend",
        web::post().to(resend_registration_code),
    ));
}
