use shared::api::{Health, HealthStatus};

use crate::helpers::{backend, spawn_app};

#[tokio::test]
async fn health_names_the_backend_and_says_it_answers() {
    let app = spawn_app().await;

    let response = app.get("/api/v1/health").await;

    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["cache-control"], "no-store");
    let health: Health = response.json().await.unwrap();
    assert_eq!(health.status, HealthStatus::Ok);
    assert_eq!(health.database.backend, backend());
    assert!(health.database.answers);
    assert_eq!(health.version, env!("CARGO_PKG_VERSION"));
    let outbox = health.outbox.expect("the outbox's backlog");
    assert!(outbox.queued >= 0);
    assert!(!outbox.stuck);
}
