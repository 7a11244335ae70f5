//! For administrators: the email and webhook backlogs, and what was given up on.

mod failed_deliveries;
mod failed_emails;
mod get;
mod retry_email;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        get::get_operations,
        failed_emails::list_failed_emails,
        retry_email::retry_failed_email,
        failed_deliveries::list_failed_deliveries,
    );
}
