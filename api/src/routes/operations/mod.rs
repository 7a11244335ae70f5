//! For administrators: the email and webhook backlogs, and what was given up on.

mod failed_deliveries;
mod failed_emails;
mod get;
mod retry_email;

pub use failed_deliveries::{__path_list_failed_deliveries, list_failed_deliveries};
pub use failed_emails::{__path_list_failed_emails, list_failed_emails};
pub use get::{__path_get_operations, get_operations};
pub use retry_email::{__path_retry_failed_email, retry_failed_email};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::get_only("/operations", get_operations))
        .service(super::get_only(
            "/operations/failed-emails",
            list_failed_emails,
        ))
        .service(super::only(
            "POST",
            "/operations/failed-emails/{email_id}/retry",
            web::post().to(retry_failed_email),
        ))
        .service(super::get_only(
            "/operations/failed-deliveries",
            list_failed_deliveries,
        ));
}
