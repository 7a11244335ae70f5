use actix_web::web;
use shared::api::BotCheckChallenge;

use crate::auth::bot_check;
use crate::error::ApiError;
use crate::state::AppState;

/// A fresh proof-of-work challenge.
#[utoipa::path(
    get,
    path = "/api/v1/bot-check",
    tag = "accounts",
    operation_id = "get_bot_check",
    summary = "Get a bot-check challenge",
    description = "A proof-of-work challenge in the ALTCHA format, in place of a third-party \
                   CAPTCHA. Find the number `n` (0 to `maxnumber`) for which SHA-256 of `salt` \
                   followed by `n` in decimal is `challenge`, then send base64 of the JSON \
                   `{algorithm, challenge, number, salt, signature}` as `bot_check` to \
                   registration, sign-in or password reset. Each solution works once, within 20 \
                   minutes. Needs no authentication.",
    responses((status = 200, description = "A challenge.", body = BotCheckChallenge)),
    security(())
)]
pub async fn get_bot_check(
    state: web::Data<AppState>,
) -> Result<web::Json<BotCheckChallenge>, ApiError> {
    Ok(web::Json(bot_check::challenge(
        &state.keys.bot_check,
        state.auth.bot_check_max_number,
    )?))
}
