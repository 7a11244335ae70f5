//! Documents in another format: a person asks, the team gets it as a message, staff publish
//! the new version in answer and the person sees it beside the request.

use serde_json::{Value, json};
use shared::api::{
    DocumentFormat, FormatRequestPage, FormatRequestView, Problem, StaffPersonView, TeamThreadPage,
};

use crate::staff::{council, margaret, registered};

const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

async fn publish(
    c: &crate::staff::Council,
    person: &str,
    title: &str,
    answers: Option<&str>,
) -> reqwest::Response {
    let answers = answers.map(|a| format!("&answers={a}")).unwrap_or_default();
    c.app
        .client
        .post(format!(
            "{}/api/v1/staff/people/{person}/documents?title={title}&name=plan.pdf{answers}",
            c.app.address
        ))
        .bearer_auth(&c.staff.access_token)
        .header("Content-Type", "application/pdf")
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn a_person_asks_for_large_print_the_team_is_told_and_the_new_version_answers_it() {
    let c = council().await;
    let (person, session) = margaret(&c).await;
    let plan: Value = publish(&c, &person, "Care%20plan", None)
        .await
        .json()
        .await
        .unwrap();
    let plan = plan["id"].as_str().unwrap().to_owned();
    let citizen = c.app.caller(&session);
    let path = format!("/api/v1/people/{person}/format-requests");

    // Another language needs its name; a format takes none.
    let refused = citizen
        .post(
            &path,
            &json!({"document_id": plan, "format": "another_language"}),
        )
        .await;
    assert_eq!(refused.status(), 422);
    let problem: Problem = refused.json().await.unwrap();
    assert!(problem.errors.contains_key("language"));

    let asked = citizen
        .post(
            &path,
            &json!({"document_id": plan, "format": "large_print"}),
        )
        .await;
    assert_eq!(asked.status(), 201);
    let asked: FormatRequestView = asked.json().await.unwrap();
    assert_eq!(asked.format, DocumentFormat::LargePrint);
    assert_eq!(asked.document_title.as_deref(), Some("Care plan"));
    assert!(asked.answer.is_none());

    // The team the council file names gets it as a conversation about Margaret.
    let staff = c.app.caller(&c.staff);
    let threads: TeamThreadPage = staff
        .read("/api/v1/staff/teams/contact_centre/threads")
        .await;
    let thread = threads
        .items
        .iter()
        .find(|t| t.id == asked.thread_id)
        .expect("the request is in the contact centre's conversations");
    assert_eq!(thread.subject, "Large print: Care plan");

    // Staff see it waiting on the record, and answer it by publishing the new version.
    let record: StaffPersonView = staff.read(&format!("/api/v1/staff/people/{person}")).await;
    assert_eq!(record.format_requests[0].id, asked.id);
    let answered = publish(
        &c,
        &person,
        "Care%20plan%20(large%20print)",
        Some(&asked.id),
    )
    .await;
    assert_eq!(answered.status(), 201);
    let again = publish(&c, &person, "Care%20plan%20again", Some(&asked.id)).await;
    assert_eq!(again.status(), 422, "answered once only");

    let mine: FormatRequestPage = citizen.read(&path).await;
    let answer = mine.items[0].answer.as_ref().expect("answered");
    assert_eq!(answer.title, "Care plan (large print)");
    assert!(mine.items[0].answered_at.is_some());

    // All letters, in Polish; and nobody else sees or asks about Margaret's record.
    let all = citizen
        .post(
            &path,
            &json!({"format": "another_language", "language": "Polish"}),
        )
        .await;
    assert_eq!(all.status(), 201);
    let stranger = registered(&c.app, "stranger@example.org").await;
    let stranger = c.app.caller(&stranger);
    assert_eq!(stranger.get(&path).await.status(), 404);
    assert_eq!(
        stranger
            .post(&path, &json!({"format": "braille"}))
            .await
            .status(),
        404
    );
    // A document of another record answers 404, as does answering another record's request.
    let other = c
        .app
        .caller(&c.staff)
        .post(
            "/api/v1/staff/people",
            &json!({"forename": "Joseph", "surname": "Okafor", "date_of_birth": "1939-05-01"}),
        )
        .await;
    let other: Value = other.json().await.unwrap();
    let other = other["id"].as_str().unwrap();
    let wrong = publish(&c, other, "Letter", Some(&asked.id)).await;
    assert_eq!(wrong.status(), 404);
    let mine: FormatRequestPage = citizen.read(&path).await;
    assert_eq!(mine.items.len(), 2);
    assert_eq!(mine.items[0].language.as_deref(), Some("Polish"));
}
