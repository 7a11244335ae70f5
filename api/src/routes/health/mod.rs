mod get;
mod live;
mod ready;

pub use get::{__path_get_health, get_health};
pub use live::{__path_get_liveness, get_liveness};
pub use ready::{__path_get_readiness, get_readiness};

pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.service(super::get_only("/health", get_health))
        .service(super::get_only("/health/live", get_liveness))
        .service(super::get_only("/health/ready", get_readiness));
}
