//! Imports of a council's existing records from CSV, for staff and for machine clients with
//! `people:write`.

mod involvements;
mod people;

pub use involvements::{__path_import_involvements, import_involvements};
pub use people::{__path_import_people, import_people};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::only(
        "POST",
        "/staff/imports/people",
        web::post().to(import_people),
    ))
    .service(super::only(
        "POST",
        "/staff/imports/involvements",
        web::post().to(import_involvements),
    ));
}
