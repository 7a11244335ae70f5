mod coverage;
mod get;

use super::table::Routes;

pub use coverage::CoverageQuery;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        get::get_council,
        coverage::get_coverage,
    );
}
