//! The referral queue for council staff: every submission, soonest due first, with its
//! changes. Every route needs a staff token; others get 403.

mod change;
mod export;
mod get;
mod link_person;
mod list;
mod new_person;

pub use change::{__path_change_submission, change_submission};
pub use export::{__path_export_queue, export_queue};
pub use get::{__path_get_staff_submission, get_staff_submission};
pub use link_person::{__path_link_submission_person, link_submission_person};
pub use list::{__path_list_queue, list_queue};
pub use new_person::{__path_create_person_from_submission, create_person_from_submission};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::get_only("/staff/submissions", list_queue))
        .service(super::get_only("/staff/submissions.csv", export_queue))
        .service(super::get_only(
            "/staff/submissions/{submission_id}",
            get_staff_submission,
        ))
        .service(super::only(
            "POST",
            "/staff/submissions/{submission_id}/changes",
            web::post().to(change_submission),
        ))
        .service(super::only(
            "POST",
            "/staff/submissions/{submission_id}/person",
            web::post().to(link_submission_person),
        ))
        .service(super::only(
            "POST",
            "/staff/submissions/{submission_id}/new-person",
            web::post().to(create_person_from_submission),
        ));
}
