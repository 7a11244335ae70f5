use actix_web::{HttpResponse, web};
use shared::api::{DocumentId, PersonId, scopes};

use crate::auth::ApiCaller;
use crate::documents;
use crate::error::ApiError;
use crate::state::AppState;

/// A document as staff open it from the record.
#[utoipa::path(
    get,
    path = "/api/v1/staff/people/{person_id}/documents/{document_id}",
    tag = "staff",
    operation_id = "open_published_document",
    summary = "Open a document published to a person",
    description = "For council staff, and machine clients with `people:read`: the document \
                   itself (an attachment), to check what the person was sent. The opening is written to the \
                   audit log; it does not mark the document opened for the person. Withdrawn \
                   documents answer 404.",
    params(
        ("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"),
        ("document_id" = String, Path, description = "The document's id.", example = "0193b004-0000-7000-8000-000000000004"),
    ),
    responses(
        (status = 200, description = "The document.", content_type = "application/pdf",
         body = crate::routes::submissions::PdfFile),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []), ("client" = ["people:read"]))
)]
pub async fn open_published_document(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(PersonId, DocumentId)>,
) -> Result<HttpResponse, ApiError> {
    let user = &caller.require(scopes::PEOPLE_READ)?;
    let (person_id, document_id) = path.into_inner();
    let (file_name, content_type, bytes) =
        documents::open_for_staff(&state, user, person_id, document_id).await?;
    Ok(crate::routes::file_download(
        &content_type,
        file_name,
        bytes,
    ))
}
