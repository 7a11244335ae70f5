//! Other systems: machine clients with scoped secrets, their tokens, and the submissions feed.

use std::collections::HashSet;

use serde_json::{Value, json};
use shared::api::{ClientWithSecret, FeedPage, Problem, SessionCreated, TokenResponse};

use crate::helpers::{Caller, TestApp, spawn_app, spawn_app_with};
use crate::referrals::complete_enquiry;

pub(crate) async fn client_token(app: &TestApp, id: &str, secret: &str) -> reqwest::Response {
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

pub(crate) async fn submit_enquiry(caller: &Caller<'_>, key: &str) -> String {
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
        ("support-enquiry", 2)
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
    // Each call is in the audit log under the client's name.
    let log: shared::api::AuditPage = admin.read("/api/v1/audit").await;
    let by_client: Vec<(&str, &str)> = log
        .items
        .iter()
        .filter(|e| e.actor.name == "Case management system (API client)")
        .map(|e| (e.action.as_str(), e.subject_type.as_str()))
        .collect();
    assert_eq!(by_client, [("read", "feed"), ("read", "feed")]);

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
    // A token got with the replaced secret stops working at once, too.
    assert_eq!(
        machine
            .get("/api/v1/integrations/submissions")
            .await
            .status(),
        401
    );
    let fresh: TokenResponse = client_token(&app, &client.client.id, &rotated.client_secret)
        .await
        .json()
        .await
        .unwrap();
    let machine = Caller {
        app: &app,
        token: fresh.access_token,
    };
    assert_eq!(
        machine
            .get("/api/v1/integrations/submissions")
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
    // Deleting the client ends the token it already holds.
    assert_eq!(
        machine
            .get("/api/v1/integrations/submissions")
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

/// A webhook receiver on 127.0.0.1 that keeps what it is sent and answers `status`.
pub(crate) struct Receiver {
    pub(crate) url: String,
    pub(crate) received:
        std::sync::Arc<std::sync::Mutex<Vec<(actix_web::http::header::HeaderMap, String)>>>,
}

pub(crate) fn receiver(status: u16) -> Receiver {
    use actix_web::{App, HttpRequest, HttpResponse, HttpServer, web};
    let received = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
    let kept = received.clone();
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let server = HttpServer::new(move || {
        let kept = kept.clone();
        App::new().default_service(web::to(move |req: HttpRequest, body: String| {
            let kept = kept.clone();
            async move {
                kept.lock().unwrap().push((req.headers().clone(), body));
                HttpResponse::build(actix_web::http::StatusCode::from_u16(status).unwrap()).body(
                    if status < 300 {
                        "thanks"
                    } else {
                        "down for maintenance"
                    },
                )
            }
        }))
    })
    .workers(1)
    .listen(listener)
    .unwrap()
    .run();
    tokio::spawn(server);
    Receiver {
        url: format!("http://127.0.0.1:{port}/hook"),
        received,
    }
}

pub(crate) async fn wait_for(what: &str, mut done: impl FnMut() -> bool) {
    for _ in 0..200 {
        if done() {
            return;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("timed out waiting for {what}");
}

#[tokio::test]
async fn webhooks_are_signed_retried_while_failing_and_replayed() {
    use shared::api::{DeliveryPage, WebhookWithSecret};
    let app = spawn_app().await;
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let admin = app.caller(&admin_session);
    let good = receiver(200);
    let bad = receiver(503);
    let mut hooks = Vec::new();
    for target in [&good, &bad] {
        let created = admin
            .post(
                "/api/v1/webhooks",
                &json!({"url": target.url, "events": ["submission.received"]}),
            )
            .await;
        assert_eq!(created.status(), 201, "{}", created.text().await.unwrap());
        let hook: WebhookWithSecret = created.json().await.unwrap();
        hooks.push(hook);
    }
    let insecure = admin
        .post(
            "/api/v1/webhooks",
            &json!({"url": "http://cms.example.org/hook", "events": ["submission.received"]}),
        )
        .await;
    assert_eq!(insecure.status(), 422);

    let gp: SessionCreated = app
        .register("gp@example.org", "Tall-Trees-4-Ever!")
        .await
        .json()
        .await
        .unwrap();
    let submission = submit_enquiry(&app.caller(&gp), "k1").await;

    // The good receiver gets one signed delivery naming the submission.
    wait_for("the delivery", || good.received.lock().unwrap().len() == 1).await;
    let (headers, body) = good.received.lock().unwrap()[0].clone();
    let header = |name: &str| headers.get(name).unwrap().to_str().unwrap().to_owned();
    let id = header("webhook-id");
    let sent_at: i64 = header("webhook-timestamp").parse().unwrap();
    assert!((chrono::Utc::now().timestamp() - sent_at).abs() < 60);
    let expected = hmac_signature(&hooks[0].secret, &id, sent_at, &body);
    assert_eq!(header("webhook-signature"), expected);
    let event: Value = serde_json::from_str(&body).unwrap();
    assert_eq!(event["type"], "submission.received");
    assert_eq!(event["data"]["id"], submission.as_str());

    // The failing receiver is tried again, and its last answer is kept.
    wait_for("a retry", || bad.received.lock().unwrap().len() >= 2).await;
    let mut failing = DeliveryPage {
        items: Vec::new(),
        next: None,
    };
    for _ in 0..50 {
        failing = admin
            .read(&format!(
                "/api/v1/webhooks/{}/deliveries",
                hooks[1].webhook.id
            ))
            .await;
        if failing.items[0].attempts >= 2 {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let delivery = &failing.items[0];
    assert_eq!(
        (delivery.status.as_str(), delivery.last_status),
        ("pending", Some(503))
    );
    assert!(delivery.attempts >= 2);
    // The status in words, never the endpoint's own answer.
    assert_eq!(
        delivery.last_response.as_deref(),
        Some("Service Unavailable")
    );

    // A replay sends the same event again under a new id.
    let delivered: DeliveryPage = admin
        .read(&format!(
            "/api/v1/webhooks/{}/deliveries",
            hooks[0].webhook.id
        ))
        .await;
    assert_eq!(delivered.items[0].status, "delivered");
    assert_eq!(delivered.items[0].id, id);
    let replayed = admin
        .post(
            &format!("/api/v1/webhook-deliveries/{id}/replay"),
            &json!({}),
        )
        .await;
    assert_eq!(replayed.status(), 201);
    wait_for("the replay", || good.received.lock().unwrap().len() == 2).await;
    let (again_headers, again_body) = good.received.lock().unwrap()[1].clone();
    assert_ne!(
        again_headers.get("webhook-id").unwrap().to_str().unwrap(),
        id
    );
    let again: Value = serde_json::from_str(&again_body).unwrap();
    assert_eq!(again["data"]["id"], submission.as_str());

    // Only administrators manage webhooks.
    let staff_session = app.signed_in_staff("sam@council.example").await;
    assert_eq!(
        app.caller(&staff_session)
            .get("/api/v1/webhooks")
            .await
            .status(),
        403
    );
}

#[tokio::test]
async fn a_new_webhook_secret_signs_beside_the_old_one_and_an_endpoint_failing_for_a_day_is_switched_off()
 {
    use api::db::schema::webhooks;
    use diesel::prelude::*;
    use shared::api::{WebhookView, WebhookWithSecret};
    let app = spawn_app().await;
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let admin = app.caller(&admin_session);
    let good = receiver(200);
    let bad = receiver(503);
    let mut hooks = Vec::new();
    for target in [&good, &bad] {
        let hook: WebhookWithSecret = admin
            .post(
                "/api/v1/webhooks",
                &json!({"url": target.url, "events": ["submission.received"]}),
            )
            .await
            .json()
            .await
            .unwrap();
        hooks.push(hook);
    }
    let rotated = admin
        .post(
            &format!("/api/v1/webhooks/{}/secret", hooks[0].webhook.id),
            &json!({}),
        )
        .await;
    assert_eq!(rotated.status(), 200);
    let rotated: WebhookWithSecret = rotated.json().await.unwrap();
    assert_ne!(rotated.secret, hooks[0].secret);
    // The failing endpoint has failed for more than a day already.
    let mut conn = app.database.get().unwrap();
    diesel::update(webhooks::table.find(&hooks[1].webhook.id))
        .set(webhooks::failing_since.eq(Some(
            chrono::Utc::now().naive_utc() - chrono::Duration::hours(25),
        )))
        .execute(&mut *conn)
        .unwrap();
    let before = app.mailbox.to("alex@council.example").len();

    let gp: SessionCreated = app
        .register("gp@example.org", "Tall-Trees-4-Ever!")
        .await
        .json()
        .await
        .unwrap();
    submit_enquiry(&app.caller(&gp), "k1").await;

    // While the overlap lasts, each delivery is signed under the new secret and the old one.
    wait_for("the delivery", || good.received.lock().unwrap().len() == 1).await;
    let (headers, body) = good.received.lock().unwrap()[0].clone();
    let header = |name: &str| headers.get(name).unwrap().to_str().unwrap().to_owned();
    let (id, sent_at) = (
        header("webhook-id"),
        header("webhook-timestamp").parse().unwrap(),
    );
    assert_eq!(
        header("webhook-signature"),
        format!(
            "{} {}",
            hmac_signature(&rotated.secret, &id, sent_at, &body),
            hmac_signature(&hooks[0].secret, &id, sent_at, &body)
        )
    );

    // The endpoint that kept failing is switched off, and its administrator told.
    app.mailbox
        .next_containing("alex@council.example", before, "was switched off")
        .await;
    let listed: Vec<WebhookView> = admin.read("/api/v1/webhooks").await;
    let states: Vec<(bool, bool)> = listed
        .iter()
        .map(|w| (w.id == hooks[1].webhook.id, w.disabled))
        .collect();
    assert_eq!(states, [(false, false), (true, true)]);
    // A switched-off endpoint gets no new secret.
    assert_eq!(
        admin
            .post(
                &format!("/api/v1/webhooks/{}/secret", hooks[1].webhook.id),
                &json!({}),
            )
            .await
            .status(),
        404
    );
}

/// The Standard Webhooks signature, computed here independently of the server's code.
fn hmac_signature(secret: &str, id: &str, timestamp: i64, body: &str) -> String {
    use base64::Engine;
    use hmac::{Hmac, Mac};
    let engine = base64::engine::general_purpose::STANDARD;
    let key = engine
        .decode(secret.strip_prefix("whsec_").unwrap())
        .unwrap();
    let mut mac = Hmac::<sha2::Sha256>::new_from_slice(&key).unwrap();
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    format!("v1,{}", engine.encode(mac.finalize().into_bytes()))
}

/// The FHIR R4 rules for the Questionnaire fields we use: each item's type is one R4 defines,
/// link ids are unique, groups hold items, choices alone carry options, and every `enableWhen`
/// names an earlier question with exactly one answer value.
fn check_questionnaire(q: &Value) -> std::collections::HashMap<String, String> {
    const TYPES: [&str; 16] = [
        "group",
        "display",
        "boolean",
        "decimal",
        "integer",
        "date",
        "dateTime",
        "time",
        "string",
        "text",
        "url",
        "choice",
        "open-choice",
        "attachment",
        "reference",
        "quantity",
    ];
    assert_eq!(q["resourceType"], "Questionnaire");
    assert!(["draft", "active", "retired", "unknown"].contains(&q["status"].as_str().unwrap()));
    assert!(q["url"].as_str().unwrap().starts_with("http"));
    let mut types = std::collections::HashMap::new();
    fn walk(items: &Value, types: &mut std::collections::HashMap<String, String>) {
        for item in items.as_array().unwrap() {
            let link = item["linkId"].as_str().unwrap().to_owned();
            let kind = item["type"].as_str().unwrap();
            assert!(TYPES.contains(&kind), "{link}: type {kind}");
            assert!(
                types.insert(link.clone(), kind.to_owned()).is_none(),
                "{link} is not unique"
            );
            if kind == "group" {
                assert!(
                    !item["item"].as_array().unwrap().is_empty(),
                    "{link}: empty group"
                );
                walk(&item["item"], types);
            }
            if item.get("answerOption").is_some() {
                assert!(["choice", "open-choice"].contains(&kind), "{link}: options");
                for option in item["answerOption"].as_array().unwrap() {
                    assert!(option["valueCoding"]["code"].is_string());
                }
            }
            for when in item
                .get("enableWhen")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let named = when["question"].as_str().unwrap();
                assert!(
                    types.contains_key(named),
                    "{link}: enableWhen names {named}"
                );
                assert!(
                    ["exists", "=", "!=", ">", "<", ">=", "<="]
                        .contains(&when["operator"].as_str().unwrap())
                );
                let values = when
                    .as_object()
                    .unwrap()
                    .keys()
                    .filter(|k| k.starts_with("answer"))
                    .count();
                assert_eq!(values, 1, "{link}: enableWhen answer");
            }
            // que-12: more than one enableWhen needs an enableBehavior.
            if item
                .get("enableWhen")
                .and_then(Value::as_array)
                .is_some_and(|w| w.len() > 1)
            {
                assert!(
                    ["all", "any"].contains(&item["enableBehavior"].as_str().unwrap_or_default()),
                    "{link}: enableBehavior"
                );
            }
        }
    }
    walk(&q["item"], &mut types);
    types
}

/// The QuestionnaireResponse rules for what we send: its status is an R4 one, items name the
/// Questionnaire's link ids, no item has both answers and items, and each answer is one value of
/// the type its question asks for.
fn check_response(r: &Value, types: &std::collections::HashMap<String, String>, status: &str) {
    assert_eq!(r["resourceType"], "QuestionnaireResponse");
    assert_eq!(r["status"], status);
    assert!(
        r["questionnaire"]
            .as_str()
            .unwrap()
            .contains("/fhir/Questionnaire/")
    );
    chrono::DateTime::parse_from_rfc3339(r["authored"].as_str().unwrap()).unwrap();
    fn walk(items: &Value, types: &std::collections::HashMap<String, String>) -> usize {
        let mut answered = 0;
        for item in items.as_array().unwrap() {
            let link = item["linkId"].as_str().unwrap();
            let kind = types
                .get(link)
                .unwrap_or_else(|| panic!("{link} is not in the Questionnaire"));
            assert!(
                !(item.get("answer").is_some() && item.get("item").is_some()),
                "{link}: answer and item"
            );
            if let Some(nested) = item.get("item") {
                answered += walk(nested, types);
            }
            for answer in item
                .get("answer")
                .and_then(Value::as_array)
                .into_iter()
                .flatten()
            {
                let keys: Vec<&String> = answer.as_object().unwrap().keys().collect();
                assert_eq!(keys.len(), 1, "{link}: one value");
                let expected = match kind.as_str() {
                    "boolean" => "valueBoolean",
                    "choice" => "valueCoding",
                    "string" | "text" => "valueString",
                    "date" => "valueDate",
                    "integer" => "valueInteger",
                    "decimal" => "valueDecimal",
                    "attachment" => "valueAttachment",
                    other => panic!("{link}: no answers expected for {other}"),
                };
                assert_eq!(keys[0], expected, "{link}");
                if expected == "valueDate" {
                    chrono::NaiveDate::parse_from_str(
                        answer[expected].as_str().unwrap(),
                        "%Y-%m-%d",
                    )
                    .unwrap();
                }
                answered += 1;
            }
        }
        answered
    }
    assert!(walk(&r["item"], types) > 0);
}

#[tokio::test]
async fn forms_and_submissions_read_as_fhir_r4_questionnaires_and_responses() {
    let app = spawn_app().await;
    let forms: Vec<shared::api::FormSummary> = app.get("/api/v1/forms").await.json().await.unwrap();
    let mut enquiry_types = Default::default();
    for form in &forms {
        let response = app.get(&format!("/api/v1/forms/{}/fhir", form.id)).await;
        assert_eq!(
            response.headers()["content-type"].to_str().unwrap(),
            "application/fhir+json"
        );
        let questionnaire: Value = response.json().await.unwrap();
        assert_eq!(questionnaire["version"], form.version.to_string());
        let types = check_questionnaire(&questionnaire);
        if form.id == "support-enquiry" {
            enquiry_types = types;
        }
        if form.id == "dols-form-1" {
            // Inside the consultees group, the order date shows for some roles of the same
            // consultee: its condition names the sibling by its prefixed link id.
            let consultees = questionnaire["item"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|page| page["item"].as_array().unwrap())
                .find(|item| item["linkId"] == "consultees")
                .unwrap();
            let order = consultees["item"]
                .as_array()
                .unwrap()
                .iter()
                .find(|item| item["linkId"] == "consultees.order_date")
                .unwrap();
            assert_eq!(order["enableBehavior"], "any");
            // A number keeps its limits, and a time is a FHIR time.
            let items: Vec<&Value> = questionnaire["item"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|page| page["item"].as_array().unwrap())
                .collect();
            let find = |id: &str| *items.iter().find(|i| i["linkId"] == id).unwrap();
            assert_eq!(
                find("estimated_age")["extension"],
                json!([
                    {"url": "http://hl7.org/fhir/StructureDefinition/minValue", "valueInteger": 18},
                    {"url": "http://hl7.org/fhir/StructureDefinition/maxValue", "valueInteger": 120}
                ])
            );
            assert_eq!(find("ua_start_time")["type"], "time");
            assert_eq!(find("full_name")["maxLength"], 200);
            assert!(
                order["enableWhen"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .all(|w| w["question"] == "consultees.role")
            );
        }
    }

    let staff = app.signed_in_staff("sam@council.example").await;
    let gp: SessionCreated = app
        .register("gp@example.org", "Tall-Trees-4-Ever!")
        .await
        .json()
        .await
        .unwrap();
    let id = submit_enquiry(&app.caller(&gp), "k1").await;
    let response: Value = app
        .caller(&staff)
        .read(&format!("/api/v1/integrations/submissions/{id}/fhir"))
        .await;
    check_response(&response, &enquiry_types, "completed");
    assert_eq!(response["identifier"]["value"].as_str().unwrap().len(), 13);
    // The carers group answers once per carer, with its own items.
    let carers: Vec<&Value> = response["item"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|page| page["item"].as_array().unwrap())
        .filter(|item| item["linkId"] == "carers")
        .collect();
    assert_eq!(carers.len(), 1);
    assert!(carers[0]["item"].as_array().unwrap().len() >= 2);

    let draft: Value = app
        .caller(&gp)
        .post(
            "/api/v1/drafts",
            &json!({"form_id": "support-enquiry", "answers": {"urgent": "no", "first_name": "Edna"}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let in_progress: Value = app
        .caller(&gp)
        .read(&format!(
            "/api/v1/drafts/{}/fhir",
            draft["id"].as_str().unwrap()
        ))
        .await;
    check_response(&in_progress, &enquiry_types, "in-progress");
    assert_eq!(
        app.get("/api/v1/forms/no-such-form/fhir").await.status(),
        404
    );
}

/// An administrator's client with `scopes`, signed in with its own token.
async fn machine<'a>(
    app: &'a TestApp,
    admin: &Caller<'_>,
    name: &str,
    scopes: &[&str],
) -> Caller<'a> {
    let client: ClientWithSecret = admin
        .post(
            "/api/v1/api-clients",
            &json!({"name": name, "scopes": scopes}),
        )
        .await
        .json()
        .await
        .unwrap();
    let token: TokenResponse = client_token(app, &client.client.id, &client.client_secret)
        .await
        .json()
        .await
        .unwrap();
    Caller {
        app,
        token: token.access_token,
    }
}

#[tokio::test]
async fn clients_keep_people_documents_and_messages_each_within_its_scope_and_are_audited_by_name()
{
    let app = spawn_app().await;
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let admin = app.caller(&admin_session);
    let records = machine(
        &app,
        &admin,
        "Records sync",
        &["people:read", "people:write"],
    )
    .await;
    let letters = machine(
        &app,
        &admin,
        "Letters",
        &["documents:write", "messages:write"],
    )
    .await;

    // The records client creates, finds, corrects and adds to a person's record.
    let created = records
        .post(
            "/api/v1/staff/people",
            &json!({"forename": "Edna", "surname": "Marsh", "date_of_birth": "1938-02-14"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let person: Value = created.json().await.unwrap();
    let person = person["id"].as_str().unwrap().to_owned();
    let found: shared::api::PersonMatchPage =
        records.read("/api/v1/staff/people?surname=mar").await;
    assert_eq!(found.items.len(), 1);
    let corrected = records
        .put(
            &format!("/api/v1/staff/people/{person}"),
            &json!({"forename": "Edna", "surname": "Marsh", "date_of_birth": "1938-02-14",
                    "home_phone": "0151 496 0000"}),
        )
        .await;
    assert_eq!(
        corrected.status(),
        200,
        "{}",
        corrected.text().await.unwrap()
    );
    let involvement = records
        .post(
            &format!("/api/v1/staff/people/{person}/involvements"),
            &json!({"name": "Jo Patel", "role": "Social worker", "team": "Older people",
                    "phone": "0151 934 2000", "since": "2026-10-01"}),
        )
        .await;
    assert_eq!(involvement.status(), 201);
    let record: shared::api::StaffPersonView = records
        .read(&format!("/api/v1/staff/people/{person}"))
        .await;
    assert_eq!(
        (
            record.details.home_phone.as_deref(),
            record.involvements.len()
        ),
        (Some("0151 496 0000"), 1)
    );

    // The letters client publishes a document and writes to the person.
    let published = letters
        .post_bytes(
            &format!("/api/v1/staff/people/{person}/documents?title=Care%20plan&name=plan.pdf"),
            "application/pdf",
            b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
                .to_vec(),
        )
        .await;
    assert_eq!(published.status(), 201);
    let written = letters
        .post(
            &format!("/api/v1/staff/people/{person}/messages"),
            &json!({"message_type": "general", "subject": "Your care plan",
                    "body": "Your care plan is in Items to view."}),
        )
        .await;
    assert_eq!(written.status(), 201, "{}", written.text().await.unwrap());

    // Neither may do what its scopes do not name, nor what stays with people.
    let document_path = format!("/api/v1/staff/people/{person}/documents?title=X&name=x.pdf");
    assert_eq!(
        records
            .post_bytes(&document_path, "application/pdf", b"%PDF-1.4\n".to_vec())
            .await
            .status(),
        403
    );
    assert_eq!(
        letters
            .get(&format!("/api/v1/staff/people/{person}"))
            .await
            .status(),
        403
    );
    assert_eq!(
        letters
            .post(
                "/api/v1/staff/people",
                &json!({"forename": "A", "surname": "B"})
            )
            .await
            .status(),
        403
    );
    for machine in [&records, &letters] {
        assert_eq!(
            machine
                .get("/api/v1/integrations/submissions")
                .await
                .status(),
            403
        );
        assert_eq!(
            machine
                .post(
                    &format!("/api/v1/staff/people/{person}/invitations"),
                    &json!({"email": "edna@example.org", "relationship": "self"}),
                )
                .await
                .status(),
            403
        );
        assert_eq!(machine.get("/api/v1/staff-accounts").await.status(), 403);
        assert_eq!(machine.get("/api/v1/audit").await.status(), 403);
    }

    // Each change is in the audit log under the client that made it.
    let log: shared::api::AuditPage = admin.read("/api/v1/audit").await;
    let mut by: Vec<(String, String, String)> = log
        .items
        .iter()
        .filter(|e| e.actor.name.ends_with("(API client)"))
        .map(|e| {
            (
                e.actor.name.clone(),
                e.action.clone(),
                e.subject_type.clone(),
            )
        })
        .collect();
    by.sort();
    let expected: Vec<(String, String, String)> = [
        ("Letters (API client)", "publish", "document"),
        ("Letters (API client)", "send", "thread"),
        ("Records sync (API client)", "create", "involvement"),
        ("Records sync (API client)", "create", "person"),
        ("Records sync (API client)", "read", "person"),
        ("Records sync (API client)", "search", "people"),
        ("Records sync (API client)", "update", "person"),
    ]
    .iter()
    .map(|(a, b, c)| (a.to_string(), b.to_string(), c.to_string()))
    .collect();
    let distinct: std::collections::BTreeSet<_> = by.into_iter().collect();
    assert_eq!(distinct.into_iter().collect::<Vec<_>>(), expected);
}

#[tokio::test]
async fn webhook_addresses_inside_the_councils_network_are_refused() {
    // As in production: no local webhooks.
    let app = spawn_app_with(|settings| settings.server.allow_local_webhooks = false).await;
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let admin = app.caller(&admin_session);
    for url in [
        "http://localhost:80@attacker.example/hook",
        "https://169.254.169.254/latest/meta-data/iam",
        "https://10.0.0.1/",
        "http://127.0.0.1:22/",
        "https://localhost/hook",
        "http://hooks.example.org/plain-http",
        "https://user:secret@hooks.example.org/hook",
    ] {
        let refused = admin
            .post(
                "/api/v1/webhooks",
                &json!({"url": url, "events": ["submission.received"]}),
            )
            .await;
        assert_eq!(refused.status(), 422, "{url}");
        let problem: Problem = refused.json().await.unwrap();
        assert!(
            problem.errors.contains_key("url"),
            "{url}: {:?}",
            problem.errors
        );
    }
    let listed: Vec<Value> = admin.read("/api/v1/webhooks").await;
    assert!(listed.is_empty(), "nothing was registered");
}
