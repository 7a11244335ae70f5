mod get;
mod live;
mod ready;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        get::get_health,
        live::get_liveness,
        ready::get_readiness,
    );
}
