//! The audit log, for administrators.

mod export;
mod search;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        search::search_audit_log,
        export::export_audit_log,
    );
}
