//! The referral queue for council staff: every submission, soonest due first, with its
//! changes. Every route needs a staff token; others get 403.

mod change;
mod export;
mod get;
mod link_person;
mod list;
mod new_person;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        list::list_queue,
        export::export_queue,
        get::get_staff_submission,
        change::change_submission,
        link_person::link_submission_person,
        new_person::create_person_from_submission,
    );
}
