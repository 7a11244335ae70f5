mod delete;
mod refresh;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        refresh::refresh_session,
        delete::end_session,
    );
}
