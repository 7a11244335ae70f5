mod coverage;
mod get;

pub use coverage::{__path_get_coverage, CoverageQuery, get_coverage};
pub use get::{__path_get_council, get_council};

pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.route("/council", actix_web::web::get().to(get_council))
        .route("/council/coverage", actix_web::web::get().to(get_coverage));
}
