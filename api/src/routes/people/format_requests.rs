use actix_web::{HttpResponse, web};
use shared::api::{FormatRequestCreate, FormatRequestPage, FormatRequestView, PersonId};

use crate::auth::CurrentUser;
use crate::documents::formats;
use crate::error::ApiError;
use crate::pagination::{PageQuery, PageRequest};
use crate::routes::extract::{Json, Query};
use crate::state::AppState;

/// Ask for another format.
#[utoipa::path(
    post,
    path = "/api/v1/people/{person_id}/format-requests",
    tag = "citizen",
    operation_id = "ask_for_format",
    summary = "Ask for a document in another format",
    description = "Asks for one of the person's documents (`document_id`), or all their letters \
                   and documents from now on (no `document_id`), in large print, easy read, \
                   audio, braille or another language (name it in `language`). The request \
                   reaches the council's team as a new conversation in the person's messages; \
                   it is answered when staff publish the new version, which then shows with \
                   the request. People, and documents, you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    request_body = FormatRequestCreate,
    responses(
        (status = 201, description = "Asked; the request, waiting for its answer.", body = FormatRequestView),
        (status = 400, response = crate::routes::problems::MalformedBody),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn ask_for_format(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<PersonId>,
    body: Json<FormatRequestCreate>,
) -> Result<HttpResponse, ApiError> {
    let asked = formats::ask(&state, &user, person_id.into_inner(), body.into_inner()).await?;
    Ok(HttpResponse::Created().json(asked))
}

/// The requests for other formats.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/format-requests",
    tag = "citizen",
    operation_id = "list_format_requests",
    summary = "List requests for documents in another format",
    description = "The person's requests, newest first: what was asked for, by whom and when, \
                   and the document published in answer once there is one. Keyset-paginated: \
                   pass `next` as `after`. People you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"), PageQuery),
    responses(
        (status = 200, description = "One page of requests.", body = FormatRequestPage),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_format_requests(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<PersonId>,
    query: Query<PageQuery>,
) -> Result<web::Json<FormatRequestPage>, ApiError> {
    let page = PageRequest::try_from(query.into_inner())?;
    let (items, next) = formats::list(&state, &user, person_id.into_inner(), page).await?;
    Ok(web::Json(FormatRequestPage { items, next }))
}
