use actix_web::{HttpResponse, web};
use shared::api::{NewMessageRequest, PersonId, ThreadView};

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::messages;
use crate::routes::extract::Json;
use crate::state::AppState;
use shared::api::scopes;

/// A team writes to a person.
#[utoipa::path(
    post,
    path = "/api/v1/staff/people/{person_id}/messages",
    tag = "staff",
    operation_id = "send_staff_message",
    summary = "Write to a person",
    description = "For council staff, and machine clients with `messages:write`: starts a conversation signed by the team the message type \
                   names. Every account linked to the person is emailed that a message is \
                   waiting (never what it says). Staff must be in that team (administrators need not); \
                   others get 403.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    request_body = NewMessageRequest,
    responses(
        (status = 201, description = "Sent; the new thread.", body = ThreadView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []), ("client" = ["messages:write"]))
)]
pub async fn send_staff_message(
    state: web::Data<AppState>,
    caller: ApiCaller,
    person_id: web::Path<PersonId>,
    body: Json<NewMessageRequest>,
) -> Result<HttpResponse, ApiError> {
    let user = &caller.require(scopes::MESSAGES_WRITE)?;
    let thread =
        messages::staff_start(&state, user, person_id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(thread))
}
