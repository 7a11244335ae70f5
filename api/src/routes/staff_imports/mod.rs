//! Imports of a council's existing records from CSV, for staff and for machine clients with
//! `people:write`.

mod involvements;
mod people;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        people::import_people,
        involvements::import_involvements,
    );
}
