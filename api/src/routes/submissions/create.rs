use actix_web::{HttpRequest, HttpResponse, web};
use shared::api::{CreateSubmissionRequest, SubmissionView};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::referrals::submissions::{self, IdempotencyKey};
use crate::routes::extract::Json;
use crate::state::AppState;

/// Sends a completed form to the council.
#[utoipa::path(
    post,
    path = "/api/v1/submissions",
    tag = "submissions",
    operation_id = "create_submission",
    summary = "Submit a form",
    description = "Checks every answer with the form's rules (the same code the browser runs), \
                   refuses incomplete or invalid answers naming each question \
                   (`answers.<question id>`), keeps only the answers of questions shown, \
                   freezes them with the form's version, gives a reference number, deletes \
                   the draft named by `draft_id`, and emails the referrer a confirmation. \
                   Send a new random `Idempotency-Key` for each form: a retry with the same key \
                   and body answers the first submission (200) instead of making another; the \
                   same key with a different body is refused (409).",
    params(("Idempotency-Key" = String, Header, description = "A new random value for each form, kept for retries of it.",
        example = "5f0c6a8e-3b7d-4f2a-9c1e-8d4b2a6f7e90")),
    request_body = CreateSubmissionRequest,
    responses(
        (status = 201, description = "Submitted; `Location` names the submission.", body = SubmissionView,
         headers(("Location" = String, description = "The submission's URL."))),
        (status = 200, description = "A retry: the submission the first request with this key made.",
         body = SubmissionView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 409, description = "The Idempotency-Key was used for a different request.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "This has changed since you last saw it", "status": 409,
            "detail": "This Idempotency-Key was already used to send a different form. Use a new key for each form.",
            "code": "idempotency_key_reused"})),
        (status = 422, description = "Answers missing or breaking a rule, each named; or no Idempotency-Key.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "Some answers need correcting", "status": 422,
            "detail": "Check the fields listed in errors.", "code": "validation_failed",
            "errors": {"answers.full_name": ["Enter full name of the relevant person"]}})),
    ),
    security(("bearer" = []))
)]
pub async fn create_submission(
    state: web::Data<AppState>,
    user: CurrentUser,
    request: HttpRequest,
    body: Json<CreateSubmissionRequest>,
) -> Result<HttpResponse, ApiError> {
    let key = IdempotencyKey::of(&request)?;
    let outcome = submissions::create(&state, &user, key, body.into_inner()).await?;
    Ok(outcome.response())
}
