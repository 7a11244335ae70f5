mod fhir;
mod get;
mod list;
mod preview;

use super::table::Routes;

/// This area's routes, in the order actix-web tries them.
pub fn routes(routes: &mut Routes) {
    crate::routes!(routes;
        list::list_forms,
        get::get_form,
        fhir::get_form_questionnaire,
        preview::preview_form,
    );
}
