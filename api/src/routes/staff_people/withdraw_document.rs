use actix_web::{HttpResponse, web};

use crate::auth::ApiCaller;
use crate::documents;
use crate::error::ApiError;
use crate::state::AppState;
use shared::api::{DocumentId, PersonId, scopes};

/// Withdraws a document from a person's Items to view.
#[utoipa::path(
    delete,
    path = "/api/v1/staff/people/{person_id}/documents/{document_id}",
    tag = "staff",
    operation_id = "withdraw_document",
    summary = "Withdraw a document",
    description = "For council staff, and machine clients with `documents:write`: the document leaves the person's Items to view (it is \
                   kept, withdrawn, for the record); the change is written to the audit log.",
    params(
        ("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"),
        ("document_id" = String, Path, description = "The document's id.", example = "0193b004-0000-7000-8000-000000000004"),
    ),
    responses(
        (status = 204, description = "Withdrawn."),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []), ("client" = ["documents:write"]))
)]
pub async fn withdraw_document(
    state: web::Data<AppState>,
    caller: ApiCaller,
    path: web::Path<(PersonId, DocumentId)>,
) -> Result<HttpResponse, ApiError> {
    let user = &caller.require(scopes::DOCUMENTS_WRITE)?;
    let (person_id, document_id) = path.into_inner();
    documents::withdraw(&state, user, person_id, document_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
