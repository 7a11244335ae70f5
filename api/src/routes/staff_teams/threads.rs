use actix_web::web;
use shared::api::{TeamKey, TeamThreadPage};

use crate::auth::Staff;
use crate::error::ApiError;
use crate::messages::team as teams;
use crate::pagination::{PageQuery, PageRequest};
use crate::routes::extract::Query;
use crate::state::AppState;

/// A team's conversations.
#[utoipa::path(
    get,
    path = "/api/v1/staff/teams/{team}/threads",
    tag = "staff",
    operation_id = "list_team_threads",
    summary = "List a team's conversations",
    description = "For council staff: the conversations whose message type names this team, \
                   most recent first, each saying whether it has a message nobody in the team \
                   has opened. Members of the team and administrators only; others get 403. The \
                   look is written to the audit log. Keyset-paginated: pass `next` as `after`.",
    params(("team" = String, Path, description = "The team's key.", example = "contact_centre"), PageQuery),
    responses(
        (status = 200, description = "One page of conversations.", body = TeamThreadPage),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_team_threads(
    state: web::Data<AppState>,
    user: Staff,
    team: web::Path<TeamKey>,
    query: Query<PageQuery>,
) -> Result<web::Json<TeamThreadPage>, ApiError> {
    let page = PageRequest::try_from(query.into_inner())?;
    let (items, next) = teams::threads(&state, &user, team.into_inner(), page).await?;
    Ok(web::Json(TeamThreadPage { items, next }))
}
