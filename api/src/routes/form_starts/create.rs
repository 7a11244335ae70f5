use actix_web::{HttpResponse, web};
use shared::api::FormStartRequest;

use crate::accounts::now;
use crate::auth::bot_check;
use crate::error::ApiError;
use crate::referrals::form;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Lets someone without an account start a form once the bot check is solved.
#[utoipa::path(
    post,
    path = "/api/v1/form-starts",
    tag = "forms",
    operation_id = "start_form",
    summary = "Start a form without an account",
    description = "Checks and spends a solved bot check before the browser opens a form's \
                   first page for someone not signed in. No answers are sent or kept: they stay \
                   in the browser until the person signs in or registers to save or submit. \
                   Needs no authentication.",
    request_body = FormStartRequest,
    responses(
        (status = 204, description = "The form may start."),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(())
)]
pub async fn start_form(
    state: web::Data<AppState>,
    body: Json<FormStartRequest>,
) -> Result<HttpResponse, ApiError> {
    let request = body.into_inner();
    form(&state, &request.form_id)?;
    let key = state.keys.bot_check.clone();
    state
        .database
        .run(move |conn| bot_check::spend(conn, &key, &request.bot_check, now()))
        .await?;
    Ok(HttpResponse::NoContent().finish())
}
