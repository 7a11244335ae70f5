mod complete;
mod create;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        create::request_password_reset,
        complete::complete_password_reset,
    );
}
