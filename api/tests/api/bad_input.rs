//! Input meant to break things: each gets a clear 4xx problem, and nothing is stored half-way.

use serde_json::{Value, json};
use shared::api::{Problem, SessionCreated, SubmissionView};

use crate::helpers::{Caller, TestApp, spawn_app};
use crate::referrals::complete_enquiry;

async fn gp(app: &TestApp) -> SessionCreated {
    app.register("gp@example.org", "Tall-Trees-4-Ever!")
        .await
        .json()
        .await
        .unwrap()
}

/// A problem answer: the status, `application/problem+json`, and its body.
async fn problem(response: reqwest::Response, status: u16) -> Problem {
    assert_eq!(response.status(), status);
    assert_eq!(
        response.headers()["content-type"].to_str().unwrap(),
        "application/problem+json"
    );
    response.json().await.unwrap()
}

async fn raw_submit(caller: &Caller<'_>, key: &str, body: Vec<u8>) -> reqwest::Response {
    caller
        .app
        .client
        .post(format!("{}/api/v1/submissions", caller.app.address))
        .bearer_auth(&caller.token)
        .header("Idempotency-Key", key)
        .header("Content-Type", "application/json")
        .body(body)
        .send()
        .await
        .unwrap()
}

async fn submissions_stored(caller: &Caller<'_>) -> usize {
    let page: Value = caller.read("/api/v1/submissions").await;
    page["items"].as_array().unwrap().len()
}

#[tokio::test]
async fn bodies_that_are_too_big_too_deep_or_not_utf8_are_refused_before_anything_is_stored() {
    let app = spawn_app().await;
    let session = gp(&app).await;
    let gp = app.caller(&session);

    // Over the JSON limit (256 KB by default).
    let mut answers = complete_enquiry();
    answers["health_conditions"] = json!("x".repeat(300 * 1024));
    let body =
        serde_json::to_vec(&json!({"form_id": "support-enquiry", "answers": answers})).unwrap();
    let too_big = problem(raw_submit(&gp, "big", body).await, 413).await;
    assert_eq!(too_big.code, "payload_too_large");

    // Nested far deeper than any form goes.
    let deep = format!(
        "{{\"form_id\": \"support-enquiry\", \"answers\": {{\"outcomes\": {}{}}}}}",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    let too_deep = problem(raw_submit(&gp, "deep", deep.into_bytes()).await, 400).await;
    assert_eq!(too_deep.code, "malformed_body");

    // Bytes that are not UTF-8 where text should be.
    let mut not_utf8 = br#"{"form_id": "support-enquiry", "answers": {"outcomes": ""#.to_vec();
    not_utf8.extend_from_slice(&[0xff, 0xfe, 0xfd]);
    not_utf8.extend_from_slice(br#""}}"#);
    let garbled = problem(raw_submit(&gp, "utf8", not_utf8).await, 400).await;
    assert_eq!(garbled.code, "malformed_body");

    // A thousand carers where five are allowed: the group is named, the rest is not checked
    // one by one, and nothing is kept.
    let mut answers = complete_enquiry();
    answers["carers"] = json!(
        (0..1000)
            .map(|n| json!({"name": format!("Carer {n}"), "relationship": "Friend"}))
            .collect::<Vec<_>>()
    );
    let crowded = gp
        .submit(
            "/api/v1/submissions",
            "crowd",
            &json!({"form_id": "support-enquiry", "answers": answers}),
        )
        .await;
    let crowded = problem(crowded, 422).await;
    assert_eq!(
        crowded.errors.get("answers.carers"),
        Some(&vec!["You can add up to 5 carers".to_owned()]),
        "{:?}",
        crowded.errors
    );
    assert!(crowded.errors.len() < 10, "{:?}", crowded.errors.keys());

    // A draft over the limit is refused the same way.
    let drafted = gp
        .post(
            "/api/v1/drafts",
            &json!({"form_id": "support-enquiry", "answers": {"outcomes": "x".repeat(300 * 1024)}}),
        )
        .await;
    assert_eq!(problem(drafted, 413).await.code, "payload_too_large");
    assert_eq!(submissions_stored(&gp).await, 0, "nothing was stored");
    let drafts: Value = gp.read("/api/v1/drafts").await;
    assert!(drafts["items"].as_array().unwrap().is_empty());
}

#[tokio::test]
async fn script_tags_in_every_text_answer_are_kept_as_the_text_that_was_typed() {
    let app = spawn_app().await;
    let session = gp(&app).await;
    let gp = app.caller(&session);
    let script = "<script>alert('x')</script>";
    let mut answers = complete_enquiry();
    for field in [
        "referrer_name",
        "referrer_role",
        "referrer_organisation",
        "first_name",
        "last_name",
        "gp_name",
        "gp_practice",
        "health_conditions",
        "lives_with",
        "presenting_needs",
        "outcomes",
    ] {
        answers[field] = json!(format!("{script} {field}"));
    }
    answers["carers"][0]["name"] = json!(script);
    let sent = gp
        .submit(
            "/api/v1/submissions",
            "scripts",
            &json!({"form_id": "support-enquiry", "answers": answers}),
        )
        .await;
    assert_eq!(sent.status(), 201);
    let sent: SubmissionView = sent.json().await.unwrap();
    let stored: SubmissionView = gp.read(&format!("/api/v1/submissions/{}", sent.id)).await;
    // Stored and answered exactly as typed, as JSON (never as HTML).
    assert_eq!(
        stored.answers["outcomes"],
        json!(format!("{script} outcomes"))
    );
    assert_eq!(stored.answers["carers"][0]["name"], json!(script));
    let rows: Vec<&str> = stored.summary.iter().map(|r| r.answer.as_str()).collect();
    assert!(rows.contains(&format!("{script} presenting_needs").as_str()));
    // The confirmation email shows the reference, and no answer, in either part.
    let email = app.mailbox.nth("gp@example.org", 2).await;
    assert!(email.raw.contains(&sent.reference));
    assert!(!email.raw.contains("<script>"));
}

#[tokio::test]
async fn a_value_of_the_wrong_kind_is_a_422_naming_its_field_in_a_body_or_a_query() {
    let app = spawn_app().await;
    let session = app.signed_in_staff("worker@example.org").await;
    let staff = app.caller(&session);

    let unknown_status = problem(
        staff.get("/api/v1/staff/submissions?status=lost").await,
        422,
    )
    .await;
    assert_eq!(unknown_status.code, "validation_failed");
    let message = &unknown_status.errors["status"][0];
    assert!(message.contains("unknown value \"lost\""), "{message}");
    assert!(
        message.contains("received"),
        "the values it may be are listed: {message}"
    );

    let not_a_flag = problem(
        staff.get("/api/v1/staff/submissions?overdue=perhaps").await,
        422,
    )
    .await;
    assert!(
        not_a_flag.errors.contains_key("overdue"),
        "{:?}",
        not_a_flag.errors
    );

    let change = problem(
        staff
            .post(
                "/api/v1/staff/submissions/0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10/changes",
                &json!({"status": "lost"}),
            )
            .await,
        422,
    )
    .await;
    assert!(
        change.errors["status"][0].contains("unknown value \"lost\""),
        "{:?}",
        change.errors
    );

    // Not JSON at all is still a 400.
    let garbled = problem(
        staff
            .post_bytes(
                "/api/v1/staff/submissions/0193a7d0-11aa-7b3c-8e2f-6a5d4c3b2a10/changes",
                "application/json",
                b"{\"status\": ".to_vec(),
            )
            .await,
        400,
    )
    .await;
    assert_eq!(garbled.code, "malformed_body");
}
