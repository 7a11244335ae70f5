mod create;
mod delete;
mod fhir;
mod get;
mod list;
mod update;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        list::list_drafts,
        create::create_draft,
        get::get_draft,
        update::update_draft,
        delete::delete_draft,
        fhir::get_draft_response,
    );
}
