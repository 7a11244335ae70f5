mod create;
mod get;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        create::create_upload,
        get::get_upload,
    );
}
