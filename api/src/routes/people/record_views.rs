use actix_web::web;
use shared::api::{PersonId, RecordViewPage};

use crate::audit;
use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::pagination::{PageQuery, PageRequest};
use crate::routes::extract::Query;
use crate::state::AppState;

/// Who at the council opened the record.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/record-views",
    tag = "citizen",
    operation_id = "list_record_views",
    summary = "See who at the council opened a record",
    description = "Each time a member of staff opened the person's record, a conversation, a \
                   form or a document, newest first, from the audit log. Keyset-paginated: \
                   pass `next` as `after`. People you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"), PageQuery),
    responses(
        (status = 200, description = "One page of views.", body = RecordViewPage),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
        (status = 422, response = crate::routes::problems::ValidationFailed),
    ),
    security(("bearer" = []))
)]
pub async fn list_record_views(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<PersonId>,
    query: Query<PageQuery>,
) -> Result<web::Json<RecordViewPage>, ApiError> {
    let page = PageRequest::try_from(query.into_inner())?;
    let (items, next) = audit::record_views(&state, &user, person_id.into_inner(), page).await?;
    Ok(web::Json(RecordViewPage { items, next }))
}
