//! The outbox under a backlog: a code someone waits for goes before every queued
//! confirmation, and each message keeps one `Message-ID` however often it is tried.

use std::time::{Duration, Instant};

use api::db::schema::email_outbox;
use api::email::{Email, Template, enqueue};
use diesel::prelude::*;
use serde_json::json;

use crate::helpers::spawn_app;

const PASSWORD: &str = "Tall-Trees-4-Ever!";

#[tokio::test]
async fn a_sign_in_code_overtakes_five_thousand_queued_confirmations() {
    let app = spawn_app().await;
    let email = "waiting@example.org";
    assert_eq!(app.register(email, PASSWORD).await.status(), 201);

    // A burst of referrals has queued 5,000 confirmations, all due before the code.
    let mut conn = app.database.get().unwrap();
    let earlier = chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1);
    conn.transaction::<_, diesel::result::Error, _>(|conn| {
        for i in 0..5_000 {
            let confirmation = Email {
                to: format!("gp{}@example.org", i % 50),
                template: Template::SubmissionReceived,
                subject: "We have received your referral".into(),
                text: "Your reference is ASC-0000-0000.".into(),
                html: "<p>Your reference is ASC-0000-0000.</p>".into(),
            };
            enqueue(conn, &confirmation, earlier)?;
        }
        Ok(())
    })
    .unwrap();
    drop(conn);

    let before = app.mailbox.to(email).len();
    let bot_check = app.bot_check().await;
    let asked = Instant::now();
    let started = app
        .post(
            "/api/v1/sign-in",
            &json!({"email": email, "password": PASSWORD, "bot_check": bot_check}),
        )
        .await;
    assert_eq!(started.status(), 202);
    let code = tokio::time::timeout(
        Duration::from_secs(5),
        app.mailbox
            .next_containing(email, before, "Your sign-in code"),
    )
    .await
    .expect("the sign-in code arrived within 5 seconds of asking");
    println!("the code arrived after {:?}", asked.elapsed());

    // Its Message-ID is made from its outbox row, so a retry of it carries the same one.
    let id: String = email_outbox::table
        .filter(email_outbox::to_address.eq(email))
        .filter(email_outbox::template.eq("sign_in_code"))
        .select(email_outbox::id)
        .first(&mut *app.database.get().unwrap())
        .unwrap();
    assert!(
        code.raw.contains(&format!("Message-ID: <{id}@")),
        "{}",
        code.raw
    );

    // It went first: at most the batch already in flight when it was asked for went before
    // it, not the thousands queued earlier.
    let arrived = app.mailbox.arrived();
    let position = arrived
        .iter()
        .position(|e| e.raw.contains(&format!("Message-ID: <{id}@")))
        .expect("the code among the emails");
    let confirmations_before = arrived[..position]
        .iter()
        .filter(|e| e.raw.contains("We have received your referral"))
        .count();
    assert!(
        confirmations_before <= 40,
        "{confirmations_before} went first"
    );

    // The confirmations are not starved either: they leave meanwhile.
    let deadline = Instant::now() + Duration::from_secs(10);
    while app.mailbox.arrived().len() < position + 200 {
        assert!(Instant::now() < deadline, "the confirmations do not leave");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}
