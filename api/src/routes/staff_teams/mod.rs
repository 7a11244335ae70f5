//! Team message queues for council staff. Every route needs a staff token; others get 403.

mod list;
mod thread;
mod threads;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        list::list_team_queues,
        threads::list_team_threads,
        thread::open_team_thread,
    );
}
