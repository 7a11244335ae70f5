mod delete;
mod refresh;

pub use delete::{__path_end_session, end_session};
pub use refresh::{__path_refresh_session, refresh_session};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::only(
        "POST",
        "/sessions/refresh",
        web::post().to(refresh_session),
    ))
    .service(super::only(
        "DELETE",
        "/sessions/current",
        web::delete().to(end_session),
    ));
}
