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

#[tokio::test]
async fn the_operations_team_scrapes_metrics_that_moved_with_what_people_did() {
    let app = spawn_app().await;
    app.register("priya@example.org", "Tall-Trees-4-Ever!")
        .await;
    let bot_check = app.bot_check().await;
    let wrong = app
        .post(
            "/api/v1/sign-in",
            &serde_json::json!({"email": "priya@example.org", "password": "Wrong-Password-1!",
                                "bot_check": bot_check}),
        )
        .await;
    assert_eq!(wrong.status(), 401);
    app.signed_in("priya@example.org", "Tall-Trees-4-Ever!")
        .await;
    // A page of the app and an address nobody serves are counted by kind, never by path.
    app.get("/sign-in").await;
    app.get("/api/v1/priya-okafor").await;

    let metrics = app.metrics_address.as_deref().expect("metrics are served");
    let scraped = app
        .client
        .get(format!("{metrics}/metrics"))
        .send()
        .await
        .unwrap();
    assert_eq!(scraped.status(), 200);
    assert!(
        scraped.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let text = scraped.text().await.unwrap();
    let value = |series: &str| -> f64 {
        text.lines()
            .find_map(|line| line.strip_prefix(series))
            .and_then(|rest| rest.trim().parse().ok())
            .unwrap_or_else(|| panic!("{series} is not in:\n{text}"))
    };
    assert_eq!(
        value(r#"portal_http_requests_total{method="POST",route="/api/v1/sign-in",status="401"}"#),
        1.0
    );
    assert_eq!(
        value(r#"portal_http_requests_total{method="POST",route="/api/v1/sign-in",status="202"}"#),
        1.0
    );
    assert!(
        value(
            r#"portal_http_request_duration_seconds_count{method="POST",route="/api/v1/registrations"}"#
        ) >= 1.0
    );
    assert!(
        value(r#"portal_http_requests_total{method="GET",route="(web app)",status="200"}"#) >= 1.0
    );
    assert_eq!(
        value(
            r#"portal_http_requests_total{method="GET",route="(unknown api path)",status="404"}"#
        ),
        1.0
    );
    assert_eq!(value(r#"portal_sign_ins_total{outcome="code_sent"}"#), 1.0);
    assert_eq!(value(r#"portal_sign_ins_total{outcome="refused"}"#), 1.0);
    assert_eq!(
        value(&format!(
            r#"portal_build_info{{version="{}"}}"#,
            env!("CARGO_PKG_VERSION")
        )),
        1.0
    );
    assert!(value(r#"portal_db_pool_connections{state="open"}"#) >= 1.0);
    assert!(value(r#"portal_outbox_emails{measure="queued"}"#) >= 0.0);
    assert_eq!(value(r#"portal_webhook_deliveries{measure="failed"}"#), 0.0);
    // Never a path with a name in it, and never on the public port.
    assert!(!text.contains("priya"));
    let public = app.get("/metrics").await;
    assert!(
        !public
            .text()
            .await
            .unwrap()
            .contains("portal_http_requests_total")
    );
}
