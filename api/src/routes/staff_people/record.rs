use actix_web::web;
use shared::api::{PersonId, StaffPersonView};

use crate::auth::ApiCaller;
use crate::error::ApiError;
use crate::records::overview;
use crate::state::AppState;
use shared::api::scopes;

/// A person's record for staff.
#[utoipa::path(
    get,
    path = "/api/v1/staff/people/{person_id}",
    tag = "staff",
    operation_id = "get_staff_person",
    summary = "Open a person's record",
    description = "For council staff, and machine clients with `people:read`: the details the council holds, the accounts that can \
                   see the record, the professionals involved, and the latest documents, forms \
                   to complete (with their progress) and conversations. The reading is written \
                   to the audit log, which the person can see.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    responses(
        (status = 200, description = "The record.", body = StaffPersonView),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 403, response = crate::routes::problems::Forbidden),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []), ("client" = ["people:read"]))
)]
pub async fn get_staff_person(
    state: web::Data<AppState>,
    caller: ApiCaller,
    person_id: web::Path<PersonId>,
) -> Result<web::Json<StaffPersonView>, ApiError> {
    let user = &caller.require(scopes::PEOPLE_READ)?;
    Ok(web::Json(
        overview::record(&state, user, person_id.into_inner()).await?,
    ))
}
