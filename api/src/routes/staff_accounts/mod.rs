mod create;

pub use create::{__path_create_staff_account, create_staff_account};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::only(
        "POST",
        "/staff-accounts",
        web::post().to(create_staff_account),
    ));
}
