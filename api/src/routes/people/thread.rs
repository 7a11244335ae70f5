use actix_web::web;
use shared::api::{PersonId, ThreadId, ThreadView};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::messages;
use crate::state::AppState;

/// One conversation.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/threads/{thread_id}",
    tag = "citizen",
    operation_id = "get_thread",
    summary = "Read a conversation",
    description = "Every message of the thread, oldest first; a reply names the message it \
                   answers. Reading it marks the council's messages in it as opened, for you \
                   only (another account holder still sees them unread). Threads of people \
                   you are not linked to answer 404.",
    params(
        ("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"),
        ("thread_id" = String, Path, description = "The thread's id.", example = "0193b00f-0000-7000-8000-00000000000f"),
    ),
    responses(
        (status = 200, description = "The thread.", body = ThreadView),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn get_thread(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(PersonId, ThreadId)>,
) -> Result<web::Json<ThreadView>, ApiError> {
    let (person_id, thread_id) = path.into_inner();
    Ok(web::Json(
        messages::open(&state, &user, person_id, thread_id).await?,
    ))
}
