use actix_web::web;
use shared::api::{ItemId, ItemView, PersonId};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::items;
use crate::state::AppState;

/// One item to complete, with its answers so far or what was sent.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/items/{item_id}",
    tag = "citizen",
    operation_id = "get_item",
    summary = "Open a form sent to a person",
    description = "The item with the team's note, the answers saved so far (shared by everyone \
                   linked to the person), its `version` for the next save, and once submitted \
                   the reference and the answers as sent. Items of people you are not linked to \
                   answer 404.",
    params(
        ("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"),
        ("item_id" = String, Path, description = "The item's id.", example = "0193b020-0000-7000-8000-000000000020"),
    ),
    responses(
        (status = 200, description = "The item.", body = ItemView),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn get_item(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(PersonId, ItemId)>,
) -> Result<web::Json<ItemView>, ApiError> {
    let (person_id, item_id) = path.into_inner();
    Ok(web::Json(
        items::get(&state, &user, person_id, item_id).await?,
    ))
}
