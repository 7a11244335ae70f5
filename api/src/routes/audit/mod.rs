//! The audit log, for administrators.

mod search;

pub use search::{__path_search_audit_log, search_audit_log};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::get_only("/audit", search_audit_log));
}
