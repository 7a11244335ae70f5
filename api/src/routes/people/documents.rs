use actix_web::web;
use shared::api::{DocumentPage, PersonId};

use crate::auth::CurrentUser;
use crate::documents;
use crate::error::ApiError;
use crate::pagination::{PageQuery, PageRequest};
use crate::routes::extract::Query;
use crate::state::AppState;

/// The Items to view tile.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/documents",
    tag = "citizen",
    operation_id = "list_documents",
    summary = "List the documents published to a person",
    description = "Letters, plans and assessments the council published, newest first, each \
                   saying whether you have opened it. Keyset-paginated: pass `next` as `after`. \
                   People you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"), PageQuery),
    responses(
        (status = 200, description = "One page of documents.", body = DocumentPage),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_documents(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<PersonId>,
    query: Query<PageQuery>,
) -> Result<web::Json<DocumentPage>, ApiError> {
    let page = PageRequest::try_from(query.into_inner())?;
    let (items, next) = documents::list(&state, &user, person_id.into_inner(), page).await?;
    Ok(web::Json(DocumentPage { items, next }))
}
