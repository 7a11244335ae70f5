use actix_web::web;
use shared::api::{AccountView, ChooseLanguageRequest};

use crate::accounts::profile;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Keeps the language the account holder chose.
#[utoipa::path(
    put,
    path = "/api/v1/account/language",
    tag = "accounts",
    operation_id = "choose_language",
    summary = "Choose English or Welsh",
    description = "Keeps the language (`en` or `cy`) the signed-in account holder chose: the \
        pages open in it on any device, and every email to the account comes in it.",
    request_body = ChooseLanguageRequest,
    responses(
        (status = 200, description = "The account, with its language.", body = AccountView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn choose_language(
    state: web::Data<AppState>,
    user: CurrentUser,
    body: Json<ChooseLanguageRequest>,
) -> Result<web::Json<AccountView>, ApiError> {
    Ok(web::Json(
        profile::choose_language(&state, &user, body.into_inner().language).await?,
    ))
}
