mod fhir;
mod get;
mod list;
mod preview;

pub use fhir::{__path_get_form_questionnaire, get_form_questionnaire};
pub use get::{__path_get_form, get_form};
pub use list::{__path_list_forms, list_forms};
pub use preview::{__path_preview_form, preview_form};

pub fn configure(cfg: &mut actix_web::web::ServiceConfig) {
    cfg.service(super::get_only("/forms", list_forms))
        .service(super::get_only("/forms/{form_id}", get_form))
        .service(super::get_only(
            "/forms/{form_id}/fhir",
            get_form_questionnaire,
        ))
        .service(super::only(
            "POST",
            "/form-previews",
            actix_web::web::post().to(preview_form),
        ));
}
