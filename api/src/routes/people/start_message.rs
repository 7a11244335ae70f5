use actix_web::{HttpResponse, http::header, web};
use shared::api::{NewMessageRequest, PersonId, ThreadView};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::messages;
use crate::routes::extract::Json;
use crate::state::AppState;

/// New message.
#[utoipa::path(
    post,
    path = "/api/v1/people/{person_id}/messages",
    tag = "citizen",
    operation_id = "send_message",
    summary = "Send a new message about a person",
    description = "Starts a conversation: the message type (from `GET /api/v1/council`) decides the team that receives it. Not for urgent matters: the council's urgent phone number is in `GET /api/v1/council`. People you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    request_body = NewMessageRequest,
    responses(
        (status = 201, description = "Sent; the new thread.", body = ThreadView,
         headers(("Location" = String, description = "The thread's URL."))),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn send_message(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<PersonId>,
    body: Json<NewMessageRequest>,
) -> Result<HttpResponse, ApiError> {
    let person_id = person_id.into_inner();
    let thread = messages::start(&state, &user, person_id.clone(), body.into_inner()).await?;
    Ok(HttpResponse::Created()
        .insert_header((
            header::LOCATION,
            format!("/api/v1/people/{person_id}/threads/{}", thread.id),
        ))
        .json(thread))
}
