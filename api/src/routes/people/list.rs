use actix_web::web;
use shared::api::PersonSummary;

use crate::auth::CurrentUser;
use crate::error::ApiError;
use crate::people::person;
use crate::state::AppState;

/// Whose records the signed-in account may see.
#[utoipa::path(
    get,
    path = "/api/v1/people",
    tag = "citizen",
    operation_id = "list_people",
    summary = "List the people whose records you may see",
    description = "Your own record (`self`) and the people you look after (`proxy`, with the \
                   legal basis and any end date), by surname. Links that have ended are left \
                   out. A person has a handful of links, so the list is whole.",
    responses(
        (status = 200, description = "The people.", body = Vec<PersonSummary>,
         example = json!([
            {"id": "0193b001-0000-7000-8000-000000000003", "name": "Ade Okafor", "relationship": "self",
             "legal_basis": null, "access_ends_on": null},
            {"id": "0193b001-0000-7000-8000-000000000001", "name": "Margaret Okafor", "relationship": "proxy",
             "legal_basis": "lasting_power_of_attorney", "access_ends_on": null}])),
        (status = 401, response = crate::routes::problems::NotSignedIn),
    ),
    security(("bearer" = []))
)]
pub async fn list_people(
    state: web::Data<AppState>,
    user: CurrentUser,
) -> Result<web::Json<Vec<PersonSummary>>, ApiError> {
    Ok(web::Json(person::mine(&state, &user).await?))
}
