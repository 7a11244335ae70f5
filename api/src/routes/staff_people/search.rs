use actix_web::web;
use serde::Deserialize;
use shared::api::PersonMatchPage;
use utoipa::IntoParams;

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::pagination::{PageQuery, PageRequest};
use crate::people::search;
use crate::routes::extract::Query;
use crate::state::AppState;
use shared::api::scopes;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct SearchQuery {
    /// What to look for: a name or any part of one (case and accents aside), an NHS number
    /// (spaces allowed), a date of birth (27/3/1941, 27 March 1941 or 1941-03-27) or a
    /// postcode.
    #[param(example = "okafor")]
    pub q: Option<String>,
    /// The older name of `q`, still taken.
    #[param(example = "Oka")]
    pub surname: Option<String>,
    /// The `next` cursor of the previous page.
    pub after: Option<String>,
    /// How many, 1 to 100; 20 when left out.
    pub limit: Option<i64>,
}

/// Finds people by name, NHS number, date of birth or postcode.
#[utoipa::path(
    get,
    path = "/api/v1/staff/people",
    tag = "staff",
    operation_id = "search_people",
    summary = "Find people by name, NHS number, date of birth or postcode",
    description = "For council staff, and machine clients with `people:read`: `q` is read as \
                   the one thing it can be. Ten digits (spaces allowed) are an NHS number; a \
                   date (27/3/1941, 27-03-1941, 27 March 1941, 1941-03-27) a date of birth; a \
                   UK postcode a postcode; anything else a name, where each word must start a \
                   word of the person's names, case, accents and punctuation aside (`oneil` \
                   finds O'Neil, `nguyen` Nguyễn, `ann` Mary-Ann). People in name order. The \
                   search (what was looked for) is written to the audit log. Keyset-paginated: \
                   pass `next` as `after`.",
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
    let user = &caller.require(scopes::PEOPLE_READ)?;
    let query = query.into_inner();
    let page = PageRequest::try_from(PageQuery {
        after: query.after,
        limit: query.limit,
    })?;
    let text = query.q.or(query.surname).unwrap_or_default();
    let (items, next) = search::people(&state, user, text, page).await?;
    Ok(web::Json(PersonMatchPage { items, next }))
}
