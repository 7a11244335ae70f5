use actix_web::web;
use shared::api::{ItemPage, PersonId};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::items;
use crate::pagination::{PageQuery, PageRequest};
use crate::routes::extract::Query;
use crate::state::AppState;

/// The Items to complete tile.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/items",
    tag = "citizen",
    operation_id = "list_items",
    summary = "List the forms sent to a person to complete",
    description = "Forms the council sent, newest first, each with the team that sent it, the \
                   date it is due, how far it has got (`not_started`, `in_progress`, \
                   `submitted`) and the share answered. Keyset-paginated: pass `next` as \
                   `after`. People you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"), PageQuery),
    responses(
        (status = 200, description = "One page of items.", body = ItemPage),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_items(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<PersonId>,
    query: Query<PageQuery>,
) -> Result<web::Json<ItemPage>, ApiError> {
    let page = PageRequest::try_from(query.into_inner())?;
    let (items, next) = items::list(&state, &user, person_id.into_inner(), page).await?;
    Ok(web::Json(ItemPage { items, next }))
}
