use actix_web::web;
use shared::api::{StaffThreadView, ThreadId};

use crate::auth::Staff;
use crate::error::ApiError;
use crate::messages::team as teams;
use crate::state::AppState;

/// A conversation for its team.
#[utoipa::path(
    get,
    path = "/api/v1/staff/threads/{thread_id}",
    tag = "staff",
    operation_id = "open_team_thread",
    summary = "Open a conversation as the team",
    description = "For council staff: the conversation, oldest message first, with the person \
                   it is about. Opening it marks the person's messages read for the team, and \
                   the reading is written to the audit log. Reply with \
                   `POST /api/v1/staff/people/{person_id}/threads/{thread_id}/replies`. Members of \
                   the thread's team and administrators only; others get 403.",
    params(("thread_id" = String, Path, description = "The conversation's id.",
        example = "0193b00f-0000-7000-8000-00000000000f")),
    responses(
        (status = 200, description = "The conversation.", body = StaffThreadView),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn open_team_thread(
    state: web::Data<AppState>,
    user: Staff,
    thread_id: web::Path<ThreadId>,
) -> Result<web::Json<StaffThreadView>, ApiError> {
    Ok(web::Json(
        teams::open_thread(&state, &user, thread_id.into_inner()).await?,
    ))
}
