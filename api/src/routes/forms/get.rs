use actix_web::web;
use shared::api::FormId;
use shared::forms::FormDefinition;

use crate::error::ApiError;
use crate::state::AppState;

/// One form's definition.
#[utoipa::path(
    get,
    path = "/api/v1/forms/{form_id}",
    tag = "forms",
    operation_id = "get_form",
    summary = "Get a form's definition",
    description = "The whole definition: before-you-start content, pages, questions with their \
                   types, rules and the conditions that show them, and exit pages. The browser \
                   evaluates it with the same code as the server (`shared::forms`). The format \
                   is that of the files in `shared/forms/`: each text a person reads is a \
                   string, or `{\"en\": …, \"cy\": …}` in a form that speaks Welsh (then \
                   every text is). Needs no authentication.",
    params(("form_id" = String, Path, description = "The form's id, for example `dols-form-1`.", example = "support-enquiry")),
    responses(
        (status = 200, description = "The definition.", body = Object,
         example = json!({"id": "support-enquiry", "version": 1, "title": "Support enquiry", "audience": "professional",
            "summary": "Ask adult social care to consider a person's support needs.",
            "before_you_start": [{"paragraph": "Use this form if…"}],
            "pages": [{"id": "checks", "title": "Before we go on", "questions": [
                {"id": "urgent", "label": "Does the person need a response within 48 hours?", "type": "yes_no", "required": true}],
                "exits": [{"when": {"equals": {"question": "urgent", "value": "yes"}}, "to": "phone-instead"}]}],
            "exits": [{"id": "phone-instead", "title": "Phone us instead", "body": [{"paragraph": "…"}]}]})),
        (status = 404, description = "No form has this id.", body = shared::api::Problem,
         content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "Page not found", "status": 404, "code": "not_found"})),
    ),
    security(())
)]
pub async fn get_form(
    state: web::Data<AppState>,
    form_id: web::Path<FormId>,
) -> Result<web::Json<FormDefinition>, ApiError> {
    state
        .forms
        .get(&form_id)
        .cloned()
        .map(web::Json)
        .ok_or(ApiError::NotFound)
}
