use actix_web::{HttpResponse, web};
use shared::api::EmailId;

use crate::audit::{self, Action, Event, Subject};
use crate::auth::Administrator;
use crate::email::outbox::{self, NotRetried};
use crate::error::ApiError;
use crate::state::AppState;

/// Queues an email given up on again.
#[utoipa::path(
    post,
    path = "/api/v1/operations/failed-emails/{email_id}/retry",
    tag = "operations",
    operation_id = "retry_failed_email",
    summary = "Send an email given up on again",
    description = "Administrators only, once the cause is mended (the mail server, or the \
                   person's address). The email is queued again as new, with another day of \
                   tries, and leaves the list. Emails carrying a one-time code are refused: \
                   the code has expired, so the person asks for a new one. Recorded in the \
                   audit log.",
    params(("email_id" = String, Path, description = "The email's id, from the list.", example = "0193b080-0000-7000-8000-000000000080")),
    responses(
        (status = 204, description = "Queued again."),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 409, description = "The email carried a one-time code.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "This has changed since you last saw it",
            "status": 409, "detail": "This email carried a one-time code, which has expired. \
            The person asks for a new code instead.", "code": "carried_a_code"})),
    ),
    security(("bearer" = []))
)]
pub async fn retry_failed_email(
    state: web::Data<AppState>,
    user: Administrator,
    email_id: web::Path<EmailId>,
) -> Result<HttpResponse, ApiError> {
    let id = email_id.into_inner();
    let actor = user.clone();
    state
        .write(move |conn| {
            outbox::retry(conn, &id, chrono::Utc::now().naive_utc()).map_err(|refused| {
                match refused {
                    NotRetried::NotFound => ApiError::NotFound,
                    NotRetried::CarriedACode => ApiError::Conflict {
                        code: "carried_a_code",
                        detail: crate::request_language::says("email-carried-a-code"),
                    },
                    NotRetried::Database(error) => error.into(),
                }
            })?;
            audit::record(
                conn,
                &actor,
                Event::new(Action::Retry, Subject::Email, &id, None),
            )?;
            Ok::<_, ApiError>(())
        })
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
