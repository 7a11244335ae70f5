mod get;

pub use get::__path_get_health;
pub use get::get_health;

pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.route("/health", actix_web::web::get().to(get_health));
}
