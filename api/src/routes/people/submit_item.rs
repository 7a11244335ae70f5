use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::{ItemId, PersonId, SubmissionView, SubmitItemRequest};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::items;
use crate::referrals::submissions::IdempotencyKey;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Sends a completed item back to the team that sent it.
#[utoipa::path(
    post,
    path = "/api/v1/people/{person_id}/items/{item_id}/submission",
    tag = "citizen",
    operation_id = "submit_item",
    summary = "Submit a form sent to a person",
    description = "Checks every answer with the form's rules (the same code the browser runs), \
                   refuses incomplete or invalid answers naming each question \
                   (`answers.<question id>`), freezes the answers shown with the form's version, \
                   gives a reference, sends the submission to the team that sent the item and \
                   emails the submitter a confirmation. The item then cannot change: a second \
                   submission is refused with 409 `already_submitted`. Send a new random \
                   `Idempotency-Key`: a retry with the same key and body answers the first \
                   submission (200).",
    params(
        ("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"),
        ("item_id" = String, Path, description = "The item's id.", example = "0193b020-0000-7000-8000-000000000020"),
        ("Idempotency-Key" = String, Header, description = "A new random value for each form, kept for retries of it.",
            example = "5f0c6a8e-3b7d-4f2a-9c1e-8d4b2a6f7e90"),
    ),
    request_body = SubmitItemRequest,
    responses(
        (status = 201, description = "Submitted; `Location` names the submission.", body = SubmissionView,
         headers(("Location" = String, description = "The submission's URL."))),
        (status = 200, description = "A retry: the submission the first request with this key made.",
         body = SubmissionView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 409, description = "Already submitted, or the Idempotency-Key was used for a different request.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "This has changed since you last saw it", "status": 409,
            "detail": "This form has already been sent to the council, so it cannot be changed. Send a message if something in it was wrong.",
            "code": "already_submitted"})),
        (status = 422, description = "Answers missing or breaking a rule, each named; or no Idempotency-Key.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "Some answers need correcting", "status": 422,
            "detail": "Check the fields listed in errors.", "code": "validation_failed",
            "errors": {"answers.savings_band": ["Select how much you have in savings and investments"]}})),
    ),
    security(("bearer" = []))
)]
pub async fn submit_item(
    state: web::Data<AppState>,
    user: CurrentUser,
    request: HttpRequest,
    path: web::Path<(PersonId, ItemId)>,
    body: Json<SubmitItemRequest>,
) -> Result<HttpResponse, ApiError> {
    let key = IdempotencyKey::of(&request)?;
    let (person_id, item_id) = path.into_inner();
    let outcome = items::submit(&state, &user, person_id, item_id, key, body.into_inner()).await?;
    Ok(outcome.response())
}
