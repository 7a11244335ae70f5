use actix_web::{HttpResponse, web};
use diesel::r2d2::R2D2Connection;
use shared::api::{DatabaseHealth, Health, HealthStatus, OutboxHealth};

use crate::calendar::timestamp;
use crate::email::outbox;
use crate::error::ApiError;
use crate::state::AppState;

/// Whether this node can serve requests.
#[utoipa::path(
    get,
    path = "/api/v1/health",
    tag = "health",
    operation_id = "get_health",
    summary = "Check that the service is up",
    description = "Runs a trivial query against the database, and says whether the email \
                   outbox is stuck (an email queued 10 minutes ago still unsent: the queue is \
                   shared by every node, so another node would not do better and the answer \
                   stays 200). Load balancers should send traffic only to nodes that answer \
                   200. Needs no authentication.",
    responses(
        (status = 200, description = "The node and its database answer.", body = Health),
        (status = 503, description = "The database does not answer; try another node or later.", body = Health,
         example = json!({"status": "unavailable", "version": "0.1.0", "database": {"backend": "postgres", "answers": false}, "outbox": null})),
    ),
    security(())
)]
pub async fn get_health(state: web::Data<AppState>) -> HttpResponse {
    let checked = state
        .database
        .run(|conn| {
            conn.ping().map_err(ApiError::from)?;
            Ok::<_, ApiError>(outbox::backlog(conn, timestamp())?)
        })
        .await
        .ok();
    let answers = checked.is_some();
    let health = Health {
        status: if answers {
            HealthStatus::Ok
        } else {
            HealthStatus::Unavailable
        },
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database: DatabaseHealth {
            backend: state.database.backend(),
            answers,
        },
        outbox: checked.map(|backlog| OutboxHealth {
            stuck: backlog.stuck(),
        }),
    };
    if answers {
        HttpResponse::Ok().json(health)
    } else {
        HttpResponse::ServiceUnavailable().json(health)
    }
}
