use actix_web::web;
use shared::api::FieldErrors;
use shared::forms::FormDefinition;

use crate::auth::Administrator;
use crate::error::ApiError;
use crate::routes::extract::JsonText;
use crate::state::AppState;

/// Checks a definition as the server would publish it, without publishing it.
#[utoipa::path(
    post,
    path = "/api/v1/form-previews",
    tag = "forms",
    operation_id = "preview_form",
    summary = "Check a form definition without publishing it",
    description = "Administrators only. The body is a form definition, in the format of the files \
                   in `shared/forms/` (see the README's \"Adding a form\" and \
                   `shared/form-definition.schema.json`). It is checked as the server checks \
                   definitions at start, with the council's teams and settings, and answered as \
                   it would be published (council settings filled in), for the browser to draw \
                   and try; nothing is stored and no restart is needed. Each mistake is listed \
                   under `definition`, with its line where it can be found.",
    request_body(content = Object, content_type = "application/json",
        example = json!({"id": "home-visit-request", "version": 1, "title": "Home visit request",
            "audience": "professional", "summary": "Ask for a home visit.", "before_you_start": [],
            "pages": [{"id": "visit", "title": "The visit", "questions": [
                {"id": "full_name", "label": "Full name", "type": "text", "required": true}]}]})),
    responses(
        (status = 200, description = "The definition as it would be published.", body = Object,
         example = json!({"id": "home-visit-request", "version": 1, "title": "Home visit request",
            "audience": "professional", "summary": "Ask for a home visit.", "before_you_start": [],
            "pages": [{"id": "visit", "title": "The visit", "questions": [
                {"id": "full_name", "label": "Full name", "type": "text", "required": true}]}],
            "exits": [], "what_happens_next": []})),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 413, response = crate::routes::problems::TooLarge),
        (status = 415, response = crate::routes::problems::NotJson),
        (status = 422, description = "The definition's mistakes, each with its line.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "Some answers need correcting", "status": 422,
            "code": "validation_failed", "detail": "Check the fields listed in errors.",
            "errors": {"definition": ["line 9: question \"carers\" compares \"has_carers\" with \"Yes\", which it can never be (its values are yes, no)"]}})),
    ),
    security(("bearer" = []))
)]
pub async fn preview_form(
    state: web::Data<AppState>,
    _user: Administrator,
    body: JsonText,
) -> Result<web::Json<FormDefinition>, ApiError> {
    // Read as text, not as JSON first, so mistakes keep their lines.
    crate::forms::check_one(&body.0, Some(&state.council))
        .map(web::Json)
        .map_err(|problems| {
            // The checker's own words, for whoever writes form definitions: English whatever
            // Accept-Language asks (only the problem's title and detail follow it).
            let messages = problems
                .into_iter()
                .map(|(line, message)| match line {
                    Some(line) => format!("line {line}: {message}"),
                    None => message,
                })
                .collect();
            ApiError::Validation(FieldErrors::from([("definition".to_owned(), messages)]))
        })
}
