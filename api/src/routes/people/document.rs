use actix_web::{HttpResponse, web};
use shared::api::{DocumentId, PersonId};

use crate::auth::CurrentUser;
use crate::documents;
use crate::error::ApiError;
use crate::state::AppState;

/// One document, to view, print or save.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/documents/{document_id}",
    tag = "citizen",
    operation_id = "get_document",
    summary = "Open a document",
    description = "The document itself, as an attachment: the portal's own page shows it \
                   from these bytes, so the browser never opens a file from the API's \
                   address. The first time you open it is recorded, and it stops showing as \
                   new for you. It stays available. Documents of people you are not linked to \
                   answer 404.",
    params(
        ("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"),
        ("document_id" = String, Path, description = "The document's id.", example = "0193b020-0000-7000-8000-000000000020"),
    ),
    responses(
        (status = 200, description = "The document.", content_type = "application/pdf",
         body = crate::routes::submissions::PdfFile),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn get_document(
    state: web::Data<AppState>,
    user: CurrentUser,
    path: web::Path<(PersonId, DocumentId)>,
) -> Result<HttpResponse, ApiError> {
    let (person_id, document_id) = path.into_inner();
    let (document, bytes) = documents::open(&state, &user, person_id, document_id).await?;
    Ok(crate::routes::file_download(
        &document.content_type,
        document.file_name,
        bytes,
    ))
}
