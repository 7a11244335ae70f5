use actix_web::{HttpResponse, web};
use shared::api::FormId;

use crate::error::ApiError;
use crate::integrations::fhir;
use crate::state::AppState;

/// A form definition as FHIR R4.
#[utoipa::path(
    get,
    path = "/api/v1/forms/{form_id}/fhir",
    tag = "forms",
    operation_id = "get_form_questionnaire",
    summary = "Get a form as a FHIR R4 Questionnaire",
    description = "The published form as a FHIR R4 `Questionnaire`: each page a group, each \
                   question an item of the matching type (choices as codings, yes/no as \
                   boolean, repeating groups with `repeats`), required questions marked, and \
                   single-answer conditions as `enableWhen`. Needs no authentication.",
    params(("form_id" = String, Path, description = "The form's id.", example = "support-enquiry")),
    responses(
        (status = 200, description = "The Questionnaire.", body = Object, content_type = "application/fhir+json",
         example = json!({"resourceType": "Questionnaire", "id": "support-enquiry",
            "url": "https://portal.example/fhir/Questionnaire/support-enquiry", "version": "1",
            "title": "Support enquiry", "status": "active",
            "item": [{"linkId": "page-checks", "text": "Before we go on", "type": "group",
                "item": [{"linkId": "urgent", "text": "Does the person need a response within 48 hours?",
                    "type": "boolean", "required": true}]}]})),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(())
)]
pub async fn get_form_questionnaire(
    state: web::Data<AppState>,
    form_id: web::Path<FormId>,
) -> Result<HttpResponse, ApiError> {
    let form = state.forms.get(&form_id).ok_or(ApiError::NotFound)?;
    Ok(HttpResponse::Ok()
        .content_type("application/fhir+json")
        .json(fhir::questionnaire(form, &state.public_url)))
}
