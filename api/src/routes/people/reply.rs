use actix_web::{HttpResponse, web};
use shared::api::{PersonId, ReplyRequest, ThreadId, ThreadView};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::messages;
use crate::routes::extract::Json;
use crate::state::AppState;

/// Reply.
#[utoipa::path(
    post,
    path = "/api/v1/people/{person_id}/threads/{thread_id}/replies",
    tag = "citizen",
    operation_id = "reply_to_thread",
    summary = "Reply in a conversation",
    description = "Adds your reply, naming the message it answers (shown quoted beneath it). \
                   Threads of people you are not linked to answer 404.",
    params(
        ("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"),
        ("thread_id" = String, Path, description = "The thread's id.", example = "0193b00f-0000-7000-8000-00000000000f"),
    ),
    request_body = ReplyRequest,
    responses(
        (status = 201, description = "Sent; the thread with the reply.", body = ThreadView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn reply_to_thread(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(PersonId, ThreadId)>,
    body: Json<ReplyRequest>,
) -> Result<HttpResponse, ApiError> {
    let (person_id, thread_id) = path.into_inner();
    let thread = messages::reply(&state, &user, person_id, thread_id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(thread))
}
