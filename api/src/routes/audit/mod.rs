//! The audit log, for administrators.

mod export;
mod search;

pub use export::{__path_export_audit_log, export_audit_log};
pub use search::{__path_search_audit_log, search_audit_log};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::get_only("/audit", search_audit_log))
        .service(super::get_only("/audit.csv", export_audit_log));
}
