mod get;

pub use get::__path_get_health;
pub use get::get_health;

pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.service(super::get_only("/health", get_health));
}
