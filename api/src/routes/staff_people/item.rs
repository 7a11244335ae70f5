use actix_web::{HttpResponse, web};
use shared::api::{ItemView, PersonId, SendItemRequest};

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::items;
use crate::routes::extract::Json;
use crate::state::AppState;
use shared::api::scopes;

/// Staff send a form to a person to complete.
#[utoipa::path(
    post,
    path = "/api/v1/staff/people/{person_id}/items",
    tag = "staff",
    operation_id = "send_item",
    summary = "Send a form to a person to complete",
    description = "For council staff, and machine clients with `people:write`: puts a citizen form (a definition whose audience is \
                   `citizen`) in the person's Items to complete, due by `due_on`, from `team`, \
                   which receives the submission. Every account linked to the person is emailed \
                   that something is waiting (never what).",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    request_body = SendItemRequest,
    responses(
        (status = 201, description = "Sent; the new item.", body = ItemView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []), ("client" = ["people:write"]))
)]
pub async fn send_item(
    state: web::Data<AppState>,
    caller: ApiCaller,
    person_id: web::Path<PersonId>,
    body: Json<SendItemRequest>,
) -> Result<HttpResponse, ApiError> {
    let user = &caller.require(scopes::PEOPLE_WRITE)?;
    let item = items::send(&state, user, person_id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(item))
}
