use actix_web::web;
use shared::api::{ItemId, ItemView, PersonId, SaveItemRequest};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::items;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Saves the answers so far (on every Next, and on Save).
#[utoipa::path(
    put,
    path = "/api/v1/people/{person_id}/items/{item_id}",
    tag = "citizen",
    operation_id = "save_item",
    summary = "Save a form sent to a person",
    description = "Replaces the item's answers if `version` is its current version, and answers \
                   the item with the version one higher. The person and their proxies share one \
                   copy: a save from an older copy is refused with 409 `stale_version` and \
                   changes nothing. A submitted item cannot change (409 `already_submitted`). \
                   Answers to questions the form does not ask, or not in the shape their question \
                   takes (text, a list of choices, day/month/year), are refused, naming each.",
    params(
        ("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"),
        ("item_id" = String, Path, description = "The item's id.", example = "0193b020-0000-7000-8000-000000000020"),
    ),
    request_body = SaveItemRequest,
    responses(
        (status = 200, description = "Saved.", body = ItemView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 409, description = "Saved again since the version you sent, or already submitted.",
         body = shared::api::Problem, content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "This has changed since you last saw it", "status": 409,
            "detail": "This form was saved again (version 4) after the copy you changed (version 3), perhaps by someone else who can see this record. Reload it to see the latest answers.",
            "code": "stale_version"})),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn save_item(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(PersonId, ItemId)>,
    body: Json<SaveItemRequest>,
) -> Result<web::Json<ItemView>, ApiError> {
    let (person_id, item_id) = path.into_inner();
    Ok(web::Json(
        items::save(&state, &user, person_id, item_id, body.into_inner()).await?,
    ))
}
