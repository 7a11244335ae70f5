mod get;

pub use get::{__path_get_bot_check, get_bot_check};

pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.service(super::get_only("/bot-check", get_bot_check));
}
