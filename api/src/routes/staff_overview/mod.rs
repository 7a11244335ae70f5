//! How the service is doing, for council staff: the overview at /staff.

mod get;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        get::get_overview,
    );
}
