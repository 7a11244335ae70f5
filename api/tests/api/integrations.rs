//! Other systems: machine clients with scoped secrets, their tokens, and the submissions feed.

use std::collections::HashSet;

use serde_json::{Value, json};
use shared::api::{ClientWithSecret, FeedPage, Problem, SessionCreated, TokenResponse};

use crate::helpers::{Caller, TestApp, spawn_app};
use crate::referrals::complete_enquiry;

async fn client_token(app: &TestApp, id: &str, secret: &str) -> reqwest::Response {
    app.client
        .post(format!("{}/api/v1/oauth/token", app.address))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", id),
            ("client_secret", secret),
        ])
        .send()
        .await
        .unwrap()
}

async fn submit_enquiry(caller: &Caller<'_>, key: &str) -> String {
    let sent = caller
        .submit(
            "/api/v1/submissions",
            key,
            &json!({"form_id": "support-enquiry", "answers": complete_enquiry()}),
        )
        .await;
    assert_eq!(sent.status(), 201, "{}", sent.text().await.unwrap());
    let body: Value = sent.json().await.unwrap();
    body["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_client_with_only_submissions_read_reads_the_feed_and_nothing_else() {
    let app = spawn_app().await;
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let admin = app.caller(&admin_session);
    let staff_session = app.signed_in_staff("sam@council.example").await;
    let created = admin
        .post(
            "/api/v1/api-clients",
            &json!({"name": "Case management system", "scopes": ["submissions:read"]}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let client: ClientWithSecret = created.json().await.unwrap();
    assert!(client.client_secret.starts_with("cs_"));
    // Staff may not make clients, and scopes must be real.
    let by_staff = app
        .caller(&staff_session)
        .post(
            "/api/v1/api-clients",
            &json!({"name": "Mine", "scopes": ["submissions:read"]}),
        )
        .await;
    assert_eq!(by_staff.status(), 403);
    let unknown = admin
        .post(
            "/api/v1/api-clients",
            &json!({"name": "Too much", "scopes": ["everything:write"]}),
        )
        .await;
    assert_eq!(unknown.status(), 422);

    let gp: SessionCreated = app
        .register("gp@example.org", "Tall-Trees-4-Ever!")
        .await
        .json()
        .await
        .unwrap();
    let submission = submit_enquiry(&app.caller(&gp), "k1").await;

    let token: TokenResponse = client_token(&app, &client.client.id, &client.client_secret)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        (
            token.token_type.as_str(),
            token.scope.as_str(),
            token.expires_in
        ),
        ("Bearer", "submissions:read", 300)
    );
    let machine = Caller {
        app: &app,
        token: token.access_token.clone(),
    };
    let page: FeedPage = machine.read("/api/v1/integrations/submissions").await;
    assert_eq!(page.items.len(), 1);
    let entry = &page.items[0];
    assert_eq!(entry.id, submission);
    assert_eq!(
        (entry.form_id.as_str(), entry.form_version),
        ("support-enquiry", 1)
    );
    assert_eq!(entry.answers["last_name"], "Okafor");
    assert_eq!(page.next, entry.position.to_string());
    let after: FeedPage = machine
        .read(&format!(
            "/api/v1/integrations/submissions?after={}",
            page.next
        ))
        .await;
    assert!(after.items.is_empty());
    assert_eq!(after.next, page.next, "an empty page keeps the cursor");

    // Nothing else: staff routes, citizen routes and the account all refuse the client.
    for path in [
        "/api/v1/staff/submissions",
        "/api/v1/staff/people?surname=a",
        "/api/v1/people",
        "/api/v1/account",
        "/api/v1/drafts",
    ] {
        assert_eq!(machine.get(path).await.status(), 403, "GET {path}");
    }
    // A citizen cannot read the feed; staff can.
    assert_eq!(
        app.caller(&gp)
            .get("/api/v1/integrations/submissions")
            .await
            .status(),
        403
    );
    let by_staff: FeedPage = app
        .caller(&staff_session)
        .read("/api/v1/integrations/submissions")
        .await;
    assert_eq!(by_staff.items.len(), 1);

    // A wrong secret, a rotated one and a revoked client get no token.
    let wrong = client_token(&app, &client.client.id, "cs_wrong").await;
    assert_eq!(wrong.status(), 401);
    let problem: Problem = wrong.json().await.unwrap();
    assert_eq!(problem.code, "invalid_client");
    let rotated: ClientWithSecret = admin
        .post(
            &format!("/api/v1/api-clients/{}/secret", client.client.id),
            &json!({}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(
        client_token(&app, &client.client.id, &client.client_secret)
            .await
            .status(),
        401
    );
    assert_eq!(
        client_token(&app, &client.client.id, &rotated.client_secret)
            .await
            .status(),
        200
    );
    let revoked = admin
        .delete(&format!("/api/v1/api-clients/{}", client.client.id))
        .await;
    assert_eq!(revoked.status(), 204);
    assert_eq!(
        client_token(&app, &client.client.id, &rotated.client_secret)
            .await
            .status(),
        401
    );
    let wrong_grant = app
        .client
        .post(format!("{}/api/v1/oauth/token", app.address))
        .form(&[
            ("grant_type", "password"),
            ("client_id", "x"),
            ("client_secret", "y"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong_grant.status(), 422);
}

#[tokio::test]
async fn the_feed_never_repeats_or_skips_while_submissions_arrive_concurrently() {
    let app = spawn_app().await;
    let staff = app.signed_in_staff("sam@council.example").await;
    let mut senders = Vec::new();
    for n in 0..3 {
        let session: SessionCreated = app
            .register(&format!("gp{n}@example.org"), "Tall-Trees-4-Ever!")
            .await
            .json()
            .await
            .unwrap();
        senders.push(session.access_token);
    }
    const EACH: usize = 8;
    let address = app.address.clone();
    let writers: Vec<_> = senders
        .into_iter()
        .enumerate()
        .flat_map(|(n, token)| {
            let address = address.clone();
            (0..EACH).map(move |i| {
                let (address, token) = (address.clone(), token.clone());
                tokio::spawn(async move {
                    let response = reqwest::Client::new()
                        .post(format!("{address}/api/v1/submissions"))
                        .bearer_auth(token)
                        .header("Idempotency-Key", format!("gp{n}-{i}"))
                        .json(&json!({"form_id": "support-enquiry", "answers": complete_enquiry()}))
                        .send()
                        .await
                        .unwrap();
                    assert_eq!(response.status(), 201);
                    let body: Value = response.json().await.unwrap();
                    body["id"].as_str().unwrap().to_owned()
                })
            })
        })
        .collect();

    // Meanwhile a reader pages through the feed, storing only the cursor it is given.
    let reader = app.caller(&staff);
    let mut seen: Vec<(i64, String)> = Vec::new();
    let mut cursor = String::new();
    for _ in 0..400 {
        let page: FeedPage = reader
            .read(&format!(
                "/api/v1/integrations/submissions?limit=3&after={cursor}"
            ))
            .await;
        seen.extend(page.items.into_iter().map(|e| (e.position, e.id)));
        cursor = page.next;
        if seen.len() >= 3 * EACH {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let mut made = HashSet::new();
    for writer in writers {
        made.insert(writer.await.unwrap());
    }
    let ids: HashSet<String> = seen.iter().map(|(_, id)| id.clone()).collect();
    assert_eq!(ids.len(), seen.len(), "no submission twice");
    assert_eq!(ids, made, "every submission, none missing");
    assert!(
        seen.windows(2).all(|w| w[0].0 < w[1].0),
        "positions only go up"
    );
}
