mod get;

pub use get::{__path_get_account, get_account};

pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.service(super::get_only("/account", get_account));
}
