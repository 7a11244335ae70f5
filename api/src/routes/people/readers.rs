use actix_web::web;
use shared::api::{PersonId, RecordReader};

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::people::person;
use crate::state::AppState;

/// Who can see the record online.
#[utoipa::path(
    get,
    path = "/api/v1/people/{person_id}/readers",
    tag = "citizen",
    operation_id = "list_record_readers",
    summary = "List who can see a person's record online",
    description = "The person (when they have an account) and everyone who looks after them, \
                   with the legal basis and the last day of each proxy's access, as of today. \
                   To ask for someone's access to end, the person sends the council a message. \
                   People you are not linked to answer 404.",
    params(("person_id" = String, Path, description = "The person's id.", example = "0193b001-0000-7000-8000-000000000001")),
    responses(
        (status = 200, description = "Who can see the record, the person first.", body = Vec<RecordReader>,
         example = json!([
            {"name": "Margaret Okafor", "relationship": "self", "legal_basis": null, "ends_on": null},
            {"name": "Ade Okafor", "relationship": "proxy", "legal_basis": "lasting_power_of_attorney",
             "ends_on": "2027-03-31"}])),
        (status = 401, response = crate::routes::problems::NotSignedIn),
        (status = 404, response = crate::routes::problems::NotFound),
    ),
    security(("bearer" = []))
)]
pub async fn list_record_readers(
    state: web::Data<AppState>,
    user: CurrentUser,
    person_id: web::Path<PersonId>,
) -> Result<web::Json<Vec<RecordReader>>, ApiError> {
    Ok(web::Json(
        person::readers(&state, &user, person_id.into_inner()).await?,
    ))
}
