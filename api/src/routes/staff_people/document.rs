use actix_web::{HttpRequest, HttpResponse, web};
use serde::Deserialize;
use shared::api::{DocumentSummary, PersonId};
use utoipa::IntoParams;

use crate::auth::ApiCaller;
use crate::documents;
use crate::error::ApiError;
use crate::files;
use crate::routes::extract::Query;
use crate::state::AppState;
use shared::api::scopes;

#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[serde(deny_unknown_fields)]
pub struct PublishQuery {
    /// What the person sees in their list.
    #[param(example = "Your care and support plan")]
    pub title: String,
    /// The file's name.
    #[param(example = "care-plan.pdf")]
    pub name: String,
    /// The request for another format this document answers (its id), if any: the person
    /// sees it beside their request.
    #[param(example = "0193b030-0000-7000-8000-000000000030")]
    pub answers: Option<String>,
}

/// Staff publish a document to a person's Items to view.
#[utoipa::path(
    post,
    path = "/api/v1/staff/people/{person_id}/documents",
    tag = "staff",
    operation_id = "publish_document",
    summary = "Publish a document to a person",
    description = "For council staff, and machine clients with `documents:write`. The body is the file (PDF, JPG or PNG, declared in \
                   `Content-Type` and checked against the content, at most 10 MB); it is kept \
                   with its SHA-256 and appears, unopened, in the person's Items to view. \
                   With `answers`, it is the new version a request for another format asked \
                   for: the request is marked answered (422 if it was already; 404 if it is \
                   not this person's) and the answer is in the audit log.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"), PublishQuery),
    request_body(content = inline(crate::routes::submissions::PdfFile), content_type = "application/pdf",
        description = "The file's bytes; `image/jpeg` and `image/png` are taken too."),
    responses(
        (status = 201, description = "Published.", body = DocumentSummary),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 413, description = "The file is larger than the limit.", body = shared::api::Problem,
         content_type = "application/problem+json",
         example = json!({"type": "about:blank", "title": "The request body is too large", "status": 413,
            "detail": "Send a body of at most 10485760 bytes.", "code": "payload_too_large"})),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []), ("client" = ["documents:write"]))
)]
pub async fn publish_document(
    state: web::Data<AppState>,
    caller: ApiCaller,
    request: HttpRequest,
    person_id: web::Path<PersonId>,
    query: Query<PublishQuery>,
    body: web::Payload,
) -> Result<HttpResponse, ApiError> {
    let user = &caller.require(scopes::DOCUMENTS_WRITE)?;
    let (bytes, declared) = files::read_body(&request, body, state.upload_limit_bytes).await?;
    let published = documents::publish(
        &state,
        user,
        person_id.into_inner(),
        documents::NewDocument {
            title: &query.title,
            file_name: &query.name,
            declared: declared.as_deref(),
            bytes,
            answers: query.answers.clone().filter(|a| !a.is_empty()),
        },
    )
    .await?;
    Ok(HttpResponse::Created().json(published))
}
