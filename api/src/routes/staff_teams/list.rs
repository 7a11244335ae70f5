use actix_web::web;
use shared::api::TeamQueueSummary;

use crate::auth::Staff;
use crate::error::ApiError;
use crate::messages::team as teams;
use crate::state::AppState;

/// The council's teams with their unread counts.
#[utoipa::path(
    get,
    path = "/api/v1/staff/teams",
    tag = "staff",
    operation_id = "list_team_queues",
    summary = "List the teams' message queues",
    description = "For council staff: every team, by name, with the number of messages from \
                   people that nobody in the team has opened yet, and whether the caller may open its \
                   conversations (its members, and administrators).",
    responses(
        (status = 200, description = "The teams.", body = Vec<TeamQueueSummary>,
         example = json!([{"key": "contact_centre", "name": "Adult Social Care Contact Centre", "unread": 3, "member": true}])),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
    ),
    security(("bearer" = []))
)]
pub async fn list_team_queues(
    state: web::Data<AppState>,
    user: Staff,
) -> Result<web::Json<Vec<TeamQueueSummary>>, ApiError> {
    Ok(web::Json(teams::queues(&state, &user).await?))
}
