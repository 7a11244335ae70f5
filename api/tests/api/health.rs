use shared::api::{Health, HealthStatus, Liveness, MailTransport, Readiness};

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

#[tokio::test]
async fn a_load_balancer_asks_whether_the_node_is_alive_and_whether_it_is_ready() {
    let app = spawn_app().await;

    let live = app.get("/api/v1/health/live").await;
    assert_eq!(live.status(), 200);
    let live: Liveness = live.json().await.unwrap();
    assert_eq!(live.status, HealthStatus::Ok);

    let ready = app.get("/api/v1/health/ready").await;
    assert_eq!(ready.status(), 200);
    let ready: Readiness = ready.json().await.unwrap();
    assert_eq!(ready.status, HealthStatus::Ok);
    assert_eq!(ready.database.backend, backend());
    assert!(ready.database.answers && ready.database.migrated);
    // The tests' mail goes to their own SMTP server; the forms are the shipped ones.
    assert_eq!(ready.mail, MailTransport::Smtp);
    assert!(ready.forms >= 5, "{}", ready.forms);
}

#[tokio::test]
async fn every_answer_carries_its_request_id_and_a_problem_names_it_too() {
    let app = spawn_app().await;
    let fine = app.get("/api/v1/council").await;
    let fine_id = fine.headers()["x-request-id"].to_str().unwrap().to_owned();
    assert!(!fine_id.is_empty());

    let refused = app.get("/api/v1/account").await;
    assert_eq!(refused.status(), 401);
    let id = refused.headers()["x-request-id"]
        .to_str()
        .unwrap()
        .to_owned();
    assert_ne!(id, fine_id, "each request has its own");
    let problem: shared::api::Problem = refused.json().await.unwrap();
    assert_eq!(problem.request_id.as_deref(), Some(id.as_str()));

    // An id sent by a client that is not one of our load balancers is not taken.
    let claimed = app
        .client
        .get(format!("{}/api/v1/council", app.address))
        .header("X-Request-Id", "made-up-by-the-client")
        .send()
        .await
        .unwrap();
    assert_ne!(claimed.headers()["x-request-id"], "made-up-by-the-client");
}

#[tokio::test]
async fn behind_our_load_balancer_its_request_id_is_kept() {
    let app = crate::helpers::spawn_app_with(|settings| {
        settings.server.trusted_proxies = api::proxies::TrustedProxies::parse("127.0.0.1").unwrap();
    })
    .await;
    let answer = app
        .client
        .get(format!("{}/api/v1/council", app.address))
        .header("X-Request-Id", "lb-7f3a9c")
        .send()
        .await
        .unwrap();
    assert_eq!(answer.headers()["x-request-id"], "lb-7f3a9c");
    let unsafe_id = app
        .client
        .get(format!("{}/api/v1/council", app.address))
        .header("X-Request-Id", "<script>")
        .send()
        .await
        .unwrap();
    assert_ne!(unsafe_id.headers()["x-request-id"], "<script>");
}
