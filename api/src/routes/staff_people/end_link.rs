use actix_web::{HttpResponse, web};
use shared::api::{LinkId, PersonId};

use crate::auth::Staff;
use crate::error::ApiError;
use crate::people::person;
use crate::state::AppState;

/// Ends an account's access to a person's record.
#[utoipa::path(
    delete,
    path = "/api/v1/staff/people/{person_id}/links/{link_id}",
    tag = "staff",
    operation_id = "end_link",
    summary = "End an account's access to a record",
    description = "For council staff: the account can no longer see the person's record, from \
                   now. The link is kept, ended, for the record; the change is written to the \
                   audit log.",
    params(
        ("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001"),
        ("link_id" = String, Path, description = "The link's id.", example = "0193b003-0000-7000-8000-000000000003"),
    ),
    responses(
        (status = 204, description = "Ended."),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn end_link(
    state: web::Data<AppState>,
    user: Staff,
    path: web::Path<(PersonId, LinkId)>,
) -> Result<HttpResponse, ApiError> {
    let (person_id, link_id) = path.into_inner();
    person::end_link(&state, &user, person_id, link_id).await?;
    Ok(HttpResponse::NoContent().finish())
}
