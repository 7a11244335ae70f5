use actix_web::{HttpResponse, web};
use diesel::r2d2::R2D2Connection;
use shared::api::{CouncilReadiness, DatabaseReadiness, HealthStatus, Readiness};

use crate::council;
use crate::db::migrations_complete;
use crate::error::ApiError;
use crate::state::AppState;

/// Whether this node should be sent traffic.
#[utoipa::path(
    get,
    path = "/api/v1/health/ready",
    tag = "health",
    operation_id = "get_readiness",
    summary = "Check that the node is ready for traffic",
    description = "200 when the database answers and carries every migration of this build and \
                   the forms are loaded; 503 otherwise, with what is missing. Says how email \
                   leaves the node, and which council file it runs with (`portal council \
                   apply` changes the one applied; a node runs with it once restarted). \
                   Point a load balancer's health check here. Needs no authentication.",
    responses(
        (status = 200, description = "Ready.", body = Readiness),
        (status = 503, description = "Not ready: the database does not answer or is not migrated, \
         or no forms are loaded.", body = Readiness,
         example = json!({"status": "unavailable", "version": "0.1.0",
            "database": {"backend": "postgres", "answers": false, "migrated": false},
            "mail": "smtp", "forms": 5,
            "council": {"running": "3f1c0d9a8b27", "applied": null, "file": "3f1c0d9a8b27"}})),
    ),
    security(())
)]
pub async fn get_readiness(state: web::Data<AppState>) -> HttpResponse {
    let checked = state
        .database
        .run(|conn| {
            conn.ping().map_err(ApiError::from)?;
            let migrated = migrations_complete(conn).map_err(ApiError::Internal)?;
            // Before the migration that holds it, nothing is applied.
            let applied = if migrated {
                council::applied_version(conn)?
            } else {
                None
            };
            Ok::<_, ApiError>((migrated, applied))
        })
        .await
        .ok();
    let migrated = checked.as_ref().map(|(migrated, _)| *migrated);
    let applied = checked.and_then(|(_, applied)| applied);
    let forms = u32::try_from(state.forms.all().count()).unwrap_or(u32::MAX);
    let ready = migrated == Some(true) && forms > 0;
    let readiness = Readiness {
        status: if ready {
            HealthStatus::Ok
        } else {
            HealthStatus::Unavailable
        },
        version: env!("CARGO_PKG_VERSION").to_owned(),
        database: DatabaseReadiness {
            backend: state.database.backend(),
            answers: migrated.is_some(),
            migrated: migrated == Some(true),
        },
        mail: state.mail,
        forms,
        council: CouncilReadiness {
            running: state.council.version().short().to_owned(),
            applied: applied.map(|v| v.short().to_owned()),
            file: state.council_file.short().to_owned(),
        },
    };
    if ready {
        HttpResponse::Ok().json(readiness)
    } else {
        HttpResponse::ServiceUnavailable().json(readiness)
    }
}
