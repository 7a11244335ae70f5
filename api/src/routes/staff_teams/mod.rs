//! Team message queues for council staff. Every route needs a staff token; others get 403.

mod list;
mod thread;
mod threads;

pub use list::{__path_list_team_queues, list_team_queues};
pub use thread::{__path_open_team_thread, open_team_thread};
pub use threads::{__path_list_team_threads, list_team_threads};

use actix_web::web;

pub fn configure(cfg: &mut web::ServiceConfig) {
    cfg.service(super::get_only("/staff/teams", list_team_queues))
        .service(super::get_only(
            "/staff/teams/{team}/threads",
            list_team_threads,
        ))
        .service(super::get_only(
            "/staff/threads/{thread_id}",
            open_team_thread,
        ));
}
