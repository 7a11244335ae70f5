use actix_web::{HttpResponse, web};
use shared::api::{PersonId, ReplyRequest, ThreadId, ThreadView};

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::messages;
use crate::routes::extract::Json;
use crate::state::AppState;
use shared::api::scopes;

/// A team replies in a conversation.
#[utoipa::path(
    post,
    path = "/api/v1/staff/people/{person_id}/threads/{thread_id}/replies",
    tag = "staff",
    operation_id = "reply_as_team",
    summary = "Reply to a person as the team",
    description = "For council staff, and machine clients with `messages:write`: a reply signed by the team the thread's type names; every \
                   account linked to the person is emailed that a message is waiting. Staff must be in \
                   that team (administrators need not); others get 403.",
    params(
        ("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"),
        ("thread_id" = String, Path, description = "The thread's id.", example = "0193b00f-0000-7000-8000-00000000000f"),
    ),
    request_body = ReplyRequest,
    responses(
        (status = 201, description = "Sent; the thread with the reply.", body = ThreadView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []), ("client" = ["messages:write"]))
)]
pub async fn reply_as_team(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(PersonId, ThreadId)>,
    body: Json<ReplyRequest>,
) -> Result<HttpResponse, ApiError> {
    let user = &caller.require(scopes::MESSAGES_WRITE)?;
    let (person_id, thread_id) = path.into_inner();
    let thread =
        messages::staff_reply(&state, user, person_id, thread_id, body.into_inner()).await?;
    Ok(HttpResponse::Created().json(thread))
}
