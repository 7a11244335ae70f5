use actix_web::web;
use serde::Deserialize;
use shared::api::{MessagePage, PersonId};
use utoipa::IntoParams;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::messages::{self, Folder};
use crate::pagination::{PageQuery, PageRequest};
use crate::routes::extract::Query;
use crate::state::AppState;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct MessagesQuery {
    /// `inbox` (from the council, the default) or `sent`.
    #[param(example = "inbox")]
    #[serde(rename = "box")]
    pub which: Option<String>,
    #[param(example = "MTc2Mzg5MzMwMDAwMDAwMC4wMTkzYTdjMg")]
    pub after: Option<String>,
    #[param(minimum = 1, maximum = 100, example = 20)]
    pub limit: Option<i64>,
}

/// The Messages tile: the inbox or sent items.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/messages",
    tag = "citizen",
    operation_id = "list_messages",
    summary = "List messages about a person",
    description = "The inbox (messages from the council) or sent items (from the person or their proxy), newest first, each with its thread and whether you have opened it. Keyset-paginated: pass `next` as `after`. People you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"), MessagesQuery),
    responses(
        (status = 200, description = "One page of messages.", body = MessagePage),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_messages(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<PersonId>,
    query: Query<MessagesQuery>,
) -> Result<web::Json<MessagePage>, ApiError> {
    let query = query.into_inner();
    let which = Folder::parse(query.which.as_deref())?;
    let page = PageRequest::try_from(PageQuery {
        after: query.after,
        limit: query.limit,
    })?;
    Ok(web::Json(
        messages::list(&state, &user, person_id.into_inner(), which, page).await?,
    ))
}
