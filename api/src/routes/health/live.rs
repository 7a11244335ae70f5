use actix_web::web;
use shared::api::{HealthStatus, Liveness};

/// Whether the process answers.
#[utoipa::path(
    get,
    path = "/api/v1/health/live",
    tag = "health",
    operation_id = "get_liveness",
    summary = "Check that the process answers",
    description = "Always 200 while the process can answer at all: it asks nothing of the \
                   database, so an orchestrator restarts a node only when the node itself is \
                   stuck, never because the database is down. Needs no authentication.",
    responses((status = 200, description = "The process answers.", body = Liveness)),
    security(())
)]
pub async fn get_liveness() -> web::Json<Liveness> {
    web::Json(Liveness {
        status: HealthStatus::Ok,
        version: env!("CARGO_PKG_VERSION").to_owned(),
    })
}
