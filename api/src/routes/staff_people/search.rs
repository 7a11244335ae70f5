use actix_web::web;
use serde::Deserialize;
use shared::api::PersonMatchPage;
use utoipa::IntoParams;

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, PageRequest};
use crate::routes::extract::Query;
use crate::staff::people;
use crate::state::AppState;
use shared::api::scopes;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    /// The first letters of the surname.
    #[param(example = "Oka")]
    pub surname: String,
    /// The `next` cursor of the previous page.
    pub after: Option<String>,
    /// How many, 1 to 100; 20 when left out.
    pub limit: Option<i64>,
}

/// Finds people by surname.
#[utoipa::path(
    get,
    path = "/api/v1/staff/people",
    tag = "staff",
    operation_id = "search_people",
    summary = "Find people by surname",
    description = "For council staff, and machine clients with `people:read`: people whose surname starts with the letters given, in \
                   name order. The search (what was looked for) is written to the audit log. \
                   Keyset-paginated: pass `next` as `after`.",
    params(SearchQuery),
    responses(
        (status = 200, description = "One page of people.", body = PersonMatchPage),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []), ("client" = ["people:read"]))
)]
pub async fn search_people(
    state: web::Data<AppState>,
    caller: ApiCaller,
    query: Query<SearchQuery>,
) -> Result<web::Json<PersonMatchPage>, ApiError> {
    let user = caller.require(scopes::PEOPLE_READ)?;
    let query = query.into_inner();
    let page = PageRequest::try_from(PageQuery {
        after: query.after,
        limit: query.limit,
    })?;
    let (items, next) = people::search(&state, user, query.surname, page).await?;
    Ok(web::Json(PersonMatchPage { items, next }))
}
