//! How the service is doing, for council staff: the overview at /staff.

mod get;

pub use get::{__path_get_overview, get_overview};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::get_only("/staff/overview", get_overview));
}
