mod coverage;
mod get;

pub use coverage::{__path_get_coverage, CoverageQuery, get_coverage};
pub use get::{__path_get_council, get_council};

pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.service(super::get_only("/council", get_council))
        .service(super::get_only("/council/coverage", get_coverage));
}
