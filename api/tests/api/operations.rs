//! What the council's administrators watch: emails and webhook deliveries given up on after a
//! day of failures, and the backlogs, with a way to send each again once the cause is mended.

use api::db::schema::{email_outbox, webhook_deliveries};
use diesel::prelude::*;
use serde_json::json;
use shared::api::{
    DeliveryPage, FailedDeliveryPage, FailedEmailPage, OperationsView, SessionCreated,
    WebhookWithSecret,
};

use crate::helpers::{TestApp, spawn_app};
use crate::integrations::{receiver, submit_enquiry, wait_for};

/// A day of refusals, compressed: the mail server refused every try at `address`'s emails.
fn give_up_emails_to(app: &TestApp, address: &str) {
    let changed = diesel::update(email_outbox::table.filter(email_outbox::to_address.eq(address)))
        .set((
            email_outbox::status.eq("failed"),
            email_outbox::sent_at.eq(None::<chrono::NaiveDateTime>),
            email_outbox::attempts.eq(14),
            email_outbox::last_error.eq(format!(
                "permanent error (550): mailbox {address} unavailable"
            )),
        ))
        .execute(&mut *app.database.get().unwrap())
        .unwrap();
    assert_eq!(changed, 1);
}

#[tokio::test]
async fn an_administrator_sees_emails_given_up_on_with_addresses_masked_and_sends_one_again() {
    let app = spawn_app().await;
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let admin = app.caller(&admin_session);
    // A new colleague's invitation and a citizen's registration code, both refused for a day.
    let invited = admin
        .post(
            "/api/v1/staff-accounts",
            &json!({"forename": "Robin", "surname": "Hale",
                    "email": "robin.hale@council.example", "role": "staff"}),
        )
        .await;
    assert_eq!(invited.status(), 201, "{}", invited.text().await.unwrap());
    app.register("kim.lee@example.org", "Tall-Trees-4-Ever!")
        .await;
    app.mailbox.nth("robin.hale@council.example", 1).await;
    app.mailbox.nth("kim.lee@example.org", 1).await;
    give_up_emails_to(&app, "robin.hale@council.example");
    give_up_emails_to(&app, "kim.lee@example.org");

    let overview: OperationsView = admin.read("/api/v1/operations").await;
    assert_eq!(overview.emails.failed, 2);

    // Listed with the addresses masked, in the mail server's words too.
    let listed = admin.get("/api/v1/operations/failed-emails").await;
    assert_eq!(listed.status(), 200);
    let text = listed.text().await.unwrap();
    assert!(
        !text.contains("robin.hale") && !text.contains("kim.lee"),
        "{text}"
    );
    let page: FailedEmailPage = serde_json::from_str(&text).unwrap();
    assert_eq!(page.items.len(), 2);
    let invitation = page
        .items
        .iter()
        .find(|e| e.to == "r•••@council.example")
        .unwrap();
    assert_eq!(invitation.email, "staff_invitation");
    assert_eq!(invitation.attempts, 14);
    assert_eq!(
        invitation.last_error.as_deref(),
        Some("permanent error (550): mailbox r•••@council.example unavailable")
    );
    assert!(invitation.can_retry);
    let code = page
        .items
        .iter()
        .find(|e| e.to == "k•••@example.org")
        .unwrap();
    assert!(!code.can_retry);

    // A code has long expired: it is not sent again.
    let refused = admin
        .post(
            &format!("/api/v1/operations/failed-emails/{}/retry", code.id),
            &json!({}),
        )
        .await;
    assert_eq!(refused.status(), 409);
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["code"], "carried_a_code");

    // The invitation goes again, once, and leaves the list.
    let retried = admin
        .post(
            &format!("/api/v1/operations/failed-emails/{}/retry", invitation.id),
            &json!({}),
        )
        .await;
    assert_eq!(retried.status(), 204);
    let again = app.mailbox.nth("robin.hale@council.example", 2).await;
    assert_eq!(again.to, ["robin.hale@council.example"]);
    let page: FailedEmailPage = admin.read("/api/v1/operations/failed-emails").await;
    assert_eq!(
        page.items.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(),
        [code.id.as_str()]
    );
    let overview: OperationsView = admin.read("/api/v1/operations").await;
    assert_eq!(overview.emails.failed, 1);
    let twice = admin
        .post(
            &format!("/api/v1/operations/failed-emails/{}/retry", invitation.id),
            &json!({}),
        )
        .await;
    assert_eq!(twice.status(), 404);
    let audit: shared::api::AuditPage = admin.read("/api/v1/audit").await;
    assert!(audit.items.iter().any(|e| e.action == "retry"
        && e.subject_type == "email"
        && e.subject_id == invitation.id));

    // Only administrators.
    let staff_session = app.signed_in_staff("sam@council.example").await;
    let staff = app.caller(&staff_session);
    for path in ["/api/v1/operations", "/api/v1/operations/failed-emails"] {
        assert_eq!(staff.get(path).await.status(), 403, "{path}");
    }
    let retry_path = format!("/api/v1/operations/failed-emails/{}/retry", code.id);
    assert_eq!(staff.post(&retry_path, &json!({})).await.status(), 403);
}

#[tokio::test]
async fn a_webhook_delivery_given_up_on_is_listed_with_its_endpoint_until_it_is_sent_again() {
    let app = spawn_app().await;
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let admin = app.caller(&admin_session);
    let down = receiver(503);
    let created = admin
        .post(
            "/api/v1/webhooks",
            &json!({"url": down.url, "events": ["submission.received"]}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let hook: WebhookWithSecret = created.json().await.unwrap();
    let gp: SessionCreated = app
        .register("gp@example.org", "Tall-Trees-4-Ever!")
        .await
        .json()
        .await
        .unwrap();
    submit_enquiry(&app.caller(&gp), "k1").await;
    wait_for("a first try", || !down.received.lock().unwrap().is_empty()).await;
    let path = format!("/api/v1/webhooks/{}/deliveries", hook.webhook.id);
    let mut tried: DeliveryPage = admin.read(&path).await;
    while tried.items[0].attempts == 0 {
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
        tried = admin.read(&path).await;
    }
    // A day of 503s, compressed.
    diesel::update(webhook_deliveries::table.find(&tried.items[0].id))
        .set((
            webhook_deliveries::status.eq("failed"),
            webhook_deliveries::next_attempt_at
                .eq(chrono::Utc::now().naive_utc() + chrono::Duration::days(1)),
        ))
        .execute(&mut *app.database.get().unwrap())
        .unwrap();

    let overview: OperationsView = admin.read("/api/v1/operations").await;
    assert_eq!(overview.deliveries.failed, 1);
    let page: FailedDeliveryPage = admin.read("/api/v1/operations/failed-deliveries").await;
    assert_eq!(page.items.len(), 1);
    assert_eq!(page.items[0].url, down.url);
    assert_eq!(page.items[0].webhook_id, hook.webhook.id);
    assert_eq!(page.items[0].delivery.last_status, Some(503));

    // Sent again: a new delivery, and the one given up on leaves the list.
    let replayed = admin
        .post(
            &format!("/api/v1/webhook-deliveries/{}/replay", tried.items[0].id),
            &json!({}),
        )
        .await;
    assert_eq!(replayed.status(), 201);
    let page: FailedDeliveryPage = admin.read("/api/v1/operations/failed-deliveries").await;
    assert!(page.items.is_empty());
    let all: DeliveryPage = admin.read(&path).await;
    let earlier = all
        .items
        .iter()
        .find(|d| d.id == tried.items[0].id)
        .unwrap();
    assert_eq!(earlier.status, "failed");
    assert!(earlier.replayed_at.is_some());

    let staff_session = app.signed_in_staff("sam@council.example").await;
    assert_eq!(
        app.caller(&staff_session)
            .get("/api/v1/operations/failed-deliveries")
            .await
            .status(),
        403
    );
}
