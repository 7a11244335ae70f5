//! The referral queue for council staff: every submission, soonest due first, with its
//! changes. Every route needs a staff token; others get 403.

mod change;
mod get;
mod list;

pub use change::{__path_change_submission, change_submission};
pub use get::{__path_get_staff_submission, get_staff_submission};
pub use list::{__path_list_queue, list_queue};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::get_only("/staff/submissions", list_queue))
        .service(super::get_only(
            "/staff/submissions/{submission_id}",
            get_staff_submission,
        ))
        .service(super::only(
            "POST",
            "/staff/submissions/{submission_id}/changes",
            web::post().to(change_submission),
        ));
}
