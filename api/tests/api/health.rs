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
    assert_eq!(health.outbox.map(|o| o.stuck), Some(false));
}

#[tokio::test]
async fn an_email_unsent_for_ten_minutes_shows_the_outbox_stuck() {
    use api::db::schema::email_outbox;
    use diesel::prelude::*;
    let app = spawn_app().await;
    // Refused again and again: each try moved the next one on, so it is never long overdue.
    let now = chrono::Utc::now().naive_utc();
    diesel::insert_into(email_outbox::table)
        .values((
            email_outbox::id.eq("0190a8c4-0000-7000-8000-0000000000aa"),
            email_outbox::to_address.eq("refused@example.org"),
            email_outbox::template.eq("submission_received"),
            email_outbox::subject.eq("s"),
            email_outbox::text_body.eq("t"),
            email_outbox::html_body.eq("h"),
            email_outbox::status.eq("pending"),
            email_outbox::attempts.eq(6),
            email_outbox::next_attempt_at.eq(now + chrono::Duration::minutes(30)),
            email_outbox::created_at.eq(now - chrono::Duration::minutes(11)),
        ))
        .execute(&mut *app.database.get().unwrap())
        .unwrap();

    let health: Health = app.get("/api/v1/health").await.json().await.unwrap();

    assert_eq!(
        health.status,
        HealthStatus::Ok,
        "another node would not do better"
    );
    assert_eq!(health.outbox.map(|o| o.stuck), Some(true));
}
