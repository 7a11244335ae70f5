use actix_web::web;
use shared::api::CouncilView;

use crate::state::AppState;

/// The council's public details, from its configuration file.
#[utoipa::path(
    get,
    path = "/api/v1/council",
    tag = "council",
    operation_id = "get_council",
    summary = "Get the council's public details",
    description = "The name, phone numbers, information links, postcode districts served and \
                   message types of the council that runs this portal. The browser app builds \
                   its header and notices from this. Needs no authentication.",
    responses(
        (status = 200, description = "The council's details.", body = CouncilView),
    ),
    security(())
)]
pub async fn get_council(state: web::Data<AppState>) -> web::Json<CouncilView> {
    web::Json(state.council.view().clone())
}
