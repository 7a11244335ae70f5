//! What a form's definition decides besides its questions: the team whose queue receives it,
//! who may send it, and the answers only the council sees.

use serde_json::{Value, json};
use shared::api::{
    ClientWithSecret, FeedPage, QueuePage, SessionCreated, StaffSubmissionView, SubmissionView,
    TokenResponse,
};

use crate::helpers::{Caller, TestApp, repository_root, spawn_app, spawn_app_with};

const PASSWORD: &str = "Tall-Trees-4-Ever!";

async fn registered(app: &TestApp, email: &str) -> SessionCreated {
    app.register(email, PASSWORD).await.json().await.unwrap()
}

async fn sent(caller: &Caller<'_>, key: &str, form_id: &str, answers: Value) -> SubmissionView {
    let response = caller
        .submit(
            "/api/v1/submissions",
            key,
            &json!({"form_id": form_id, "answers": answers}),
        )
        .await;
    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    response.json().await.unwrap()
}

/// A carer's assessment referral, answered by the carer or by a professional for them.
fn carers_assessment(completed_by: &str) -> Value {
    let mut answers = json!({
        "completed_by": completed_by, "cared_for_in_area": "yes", "contact_preference": "phone",
        "carer_name": "Ade Okafor", "carer_date_of_birth": {"day": "4", "month": "6", "year": "1970"},
        "carer_address": {"line1": "12 Marsh Lane", "town": "Bootle", "postcode": "l203nj"},
        "carer_phone": "07700 900456",
        "cared_for_name": "Margaret Okafor", "relationship": "Mother", "lives_with_carer": "yes",
        "care_given": "Help with washing, meals and medicines every day.", "hours_per_week": "35",
        "impact_wellbeing": "Tired; no time for friends.", "emergency_plan": "yes"
    });
    if completed_by == "professional" {
        for (id, value) in [
            ("carer_consents", "yes"),
            ("referrer_name", "Dr Priya Shah"),
            ("referrer_role", "GP"),
            ("referrer_organisation", "Marsh Lane Surgery"),
            ("referrer_phone", "0151 496 0500"),
            ("referrer_email", "priya.shah@nhs.example"),
        ] {
            answers[id] = json!(value);
        }
    }
    answers
}

#[tokio::test]
async fn a_carers_assessment_from_a_carer_and_from_a_gp_reaches_the_team_its_definition_names() {
    let app = spawn_app().await;
    let carer_session = registered(&app, "ade@example.org").await;
    let gp_session = registered(&app, "priya@example.org").await;

    let from_carer = sent(
        &app.caller(&carer_session),
        "carer-1",
        "carers-assessment-referral",
        carers_assessment("carer"),
    )
    .await;
    let from_gp = sent(
        &app.caller(&gp_session),
        "gp-1",
        "carers-assessment-referral",
        carers_assessment("professional"),
    )
    .await;
    assert_eq!(
        from_carer.answers["carer_address"]["postcode"], "L20 3NJ",
        "postcodes are kept in capitals with one space"
    );

    // Carers find it on the home page; professionals on the referral hub.
    let home = app.get("/").await.text().await.unwrap();
    assert!(home.contains("Ask for support yourself"));
    assert!(home.contains("href=\"/forms/carers-assessment-referral\""));
    let hub = app.get("/referrals").await.text().await.unwrap();
    assert!(hub.contains("href=\"/forms/carers-assessment-referral\""));

    let staff_session = app.signed_in_staff("sam@council.example").await;
    let queue: QueuePage = app
        .caller(&staff_session)
        .read("/api/v1/staff/submissions?team=contact_centre")
        .await;
    let mut queued: Vec<&str> = queue.items.iter().map(|e| e.reference.as_str()).collect();
    queued.sort_unstable();
    let mut expected = vec![from_carer.reference.as_str(), from_gp.reference.as_str()];
    expected.sort_unstable();
    assert_eq!(queued, expected);
    assert!(
        queue
            .items
            .iter()
            .all(|e| e.team.as_ref().is_some_and(|t| t.key == "contact_centre"))
    );
}

/// The shipped forms and one more: a visit request whose key safe code only the council sees.
fn forms_with_a_visit_request() -> tempfile::TempDir {
    forms_with(visit_request())
}

fn visit_request() -> Value {
    json!({
        "id": "home-visit-request", "version": 1, "title": "Home visit request",
        "audience": "professional", "team": "occupational_therapy",
        "summary": "Ask for a home visit.", "before_you_start": [],
        "pages": [{"id": "visit", "title": "The visit", "questions": [
            {"id": "full_name", "label": "Full name", "type": "text", "required": true},
            {"id": "key_safe_code", "label": "Key safe code", "type": "text", "required": true,
             "council_only": true}
        ]}]
    })
}

/// The shipped forms and `extra`.
fn forms_with(extra: Value) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(repository_root().join("shared/forms")).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let name = format!("{}.json", extra["id"].as_str().unwrap());
    std::fs::write(
        dir.path().join(name),
        serde_json::to_string_pretty(&extra).unwrap(),
    )
    .unwrap();
    dir
}

async fn client_reading(admin: &Caller<'_>, app: &TestApp, scopes: &[&str]) -> String {
    let created: ClientWithSecret = admin
        .post(
            "/api/v1/api-clients",
            &json!({"name": format!("Reader {}", scopes.len()), "scopes": scopes}),
        )
        .await
        .json()
        .await
        .unwrap();
    let token: TokenResponse = app
        .client
        .post(format!("{}/api/v1/oauth/token", app.address))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", created.client.id.as_str()),
            ("client_secret", created.client_secret.as_str()),
        ])
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    token.access_token
}

#[tokio::test]
async fn a_key_safe_code_is_for_the_councils_eyes_only() {
    let forms = forms_with_a_visit_request();
    let forms_dir = forms.path().to_owned();
    let app = spawn_app_with(move |settings| settings.forms_dir = forms_dir).await;
    let gp_session = registered(&app, "priya@example.org").await;
    let gp = app.caller(&gp_session);
    let answers = json!({"full_name": "Margaret Okafor", "key_safe_code": "4321"});

    // The referrer's confirmation and copy leave the code out.
    let confirmation = sent(&gp, "visit-1", "home-visit-request", answers).await;
    let copy: SubmissionView = gp
        .read(&format!("/api/v1/submissions/{}", confirmation.id))
        .await;
    for seen in [&confirmation, &copy] {
        assert_eq!(
            seen.answers.get("full_name"),
            Some(&json!("Margaret Okafor"))
        );
        assert!(!seen.answers.contains_key("key_safe_code"));
        assert!(
            seen.summary
                .iter()
                .all(|r| r.question_id != "key_safe_code")
        );
    }
    let pdf = gp
        .get(&format!("/api/v1/submissions/{}/pdf", confirmation.id))
        .await
        .bytes()
        .await
        .unwrap();
    let pdf = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    assert!(
        pdf.contains("Margaret Okafor"),
        "the PDF's text is searchable: {pdf}"
    );
    assert!(!pdf.contains("4321"));

    // A submission answered before its form marked the question so keeps it hidden too: its
    // stored rows lack the mark, and the form as published now decides.
    {
        use api::db::schema::submissions;
        use diesel::prelude::*;
        let mut conn = app.database.get().unwrap();
        let stored: String = submissions::table
            .find(&confirmation.id)
            .select(submissions::summary)
            .first(&mut *conn)
            .unwrap();
        let unmarked = stored.replace(",\"council_only\":true", "");
        assert_ne!(unmarked, stored);
        diesel::update(submissions::table.find(&confirmation.id))
            .set(submissions::summary.eq(unmarked))
            .execute(&mut *conn)
            .unwrap();
    }
    let older: SubmissionView = gp
        .read(&format!("/api/v1/submissions/{}", confirmation.id))
        .await;
    assert!(!older.answers.contains_key("key_safe_code"));
    assert!(
        older
            .summary
            .iter()
            .all(|r| r.question_id != "key_safe_code")
    );

    // Staff see it.
    let staff_session = app.signed_in_staff("sam@council.example").await;
    let staff_view: StaffSubmissionView = app
        .caller(&staff_session)
        .read(&format!("/api/v1/staff/submissions/{}", confirmation.id))
        .await;
    assert!(
        staff_view
            .summary
            .iter()
            .any(|r| r.question_id == "key_safe_code" && r.answer == "4321")
    );

    // A client sees it only with submissions:restricted.
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let admin = app.caller(&admin_session);
    for (scopes, sees_code) in [
        (vec!["submissions:read"], false),
        (vec!["submissions:read", "submissions:restricted"], true),
    ] {
        let token = client_reading(&admin, &app, &scopes).await;
        let reader = Caller { app: &app, token };
        let feed: FeedPage = reader.read("/api/v1/integrations/submissions").await;
        let entry = feed.items.iter().find(|e| e.id == confirmation.id).unwrap();
        assert_eq!(
            entry.answers.contains_key("key_safe_code"),
            sees_code,
            "{scopes:?}"
        );
        assert_eq!(
            entry
                .summary
                .iter()
                .any(|r| r.question_id == "key_safe_code"),
            sees_code
        );
        let fhir: Value = reader
            .read(&format!(
                "/api/v1/integrations/submissions/{}/fhir",
                confirmation.id
            ))
            .await;
        assert_eq!(fhir.to_string().contains("4321"), sees_code, "{scopes:?}");
    }
}

#[tokio::test]
async fn a_new_definition_file_is_offered_on_the_referral_hub_without_a_code_change() {
    let forms = forms_with_a_visit_request();
    let forms_dir = forms.path().to_owned();
    let app = spawn_app_with(move |settings| settings.forms_dir = forms_dir).await;
    let hub = app.get("/referrals").await.text().await.unwrap();
    let others = hub
        .split("Other forms")
        .nth(1)
        .expect("an Other forms list");
    assert!(
        others.contains("href=\"/forms/home-visit-request\""),
        "{others}"
    );
    assert!(others.contains("Ask for a home visit."));
}

#[tokio::test]
async fn a_submission_is_exported_with_the_version_of_the_form_it_answered() {
    let first = forms_with_a_visit_request();
    let first_dir = first.path().to_owned();
    let app = spawn_app_with(move |settings| settings.forms_dir = first_dir).await;
    let gp_session = registered(&app, "priya@example.org").await;
    let answered = sent(
        &app.caller(&gp_session),
        "visit-1",
        "home-visit-request",
        json!({"full_name": "Margaret Okafor", "key_safe_code": "4321"}),
    )
    .await;

    // A new version renames a question; a node started with it serves the same database.
    let mut changed = visit_request();
    changed["version"] = json!(2);
    changed["pages"][0]["questions"][0] = json!({"id": "person_name", "label": "The person's full name", "type": "text", "required": true});
    let second = forms_with(changed);
    let (second_dir, database) = (second.path().to_owned(), app.database_settings());
    let node = spawn_app_with(move |settings| {
        settings.forms_dir = second_dir;
        settings.database = database;
    })
    .await;

    // Both nodes sign tokens with the same key, as nodes of one portal do.
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let token = client_reading(&app.caller(&admin_session), &app, &["submissions:read"]).await;
    let reader = Caller { app: &node, token };
    let fhir: Value = reader
        .read(&format!(
            "/api/v1/integrations/submissions/{}/fhir",
            answered.id
        ))
        .await;
    let text = fhir.to_string();
    assert!(text.contains("\"linkId\":\"full_name\""), "{text}");
    assert!(text.contains("Margaret Okafor"));
    assert!(
        !text.contains("person_name"),
        "not the new version's questions: {text}"
    );
    assert!(
        fhir["questionnaire"].as_str().unwrap().ends_with("|1"),
        "{}",
        fhir["questionnaire"]
    );

    // New submissions answer the new version.
    let form: Value = reader.read("/api/v1/forms/home-visit-request").await;
    assert_eq!(form["version"], 2);
}

#[tokio::test]
async fn an_administrator_previews_a_definition_without_publishing_it() {
    let app = spawn_app().await;
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let admin = app.caller(&admin_session);
    let mut visit = visit_request();
    visit["summary"] =
        json!("Ask for a home visit, or phone {council.phone_numbers.contact_centre}.");
    let text = serde_json::to_string_pretty(&visit).unwrap();

    let previewed = admin
        .post_bytes("/api/v1/form-previews", "application/json", text.clone())
        .await;
    assert_eq!(previewed.status(), 200);
    let form: Value = previewed.json().await.unwrap();
    assert_eq!(
        form["summary"],
        "Ask for a home visit, or phone 0113 496 0000."
    );
    assert_eq!(
        app.get("/api/v1/forms/home-visit-request").await.status(),
        404,
        "nothing was published"
    );

    // A mistake is named with its line.
    let broken = text.replacen("\"required\": true", "\"requried\": true", 1);
    let line = broken
        .lines()
        .position(|l| l.contains("\"id\": \"full_name\""))
        .unwrap()
        + 1;
    let refused = admin
        .post_bytes("/api/v1/form-previews", "application/json", broken)
        .await;
    assert_eq!(refused.status(), 422);
    let problem: shared::api::Problem = refused.json().await.unwrap();
    assert_eq!(
        problem.errors["definition"],
        [format!(
            "line {line}: question \"full_name\" has a field \"requried\" that no question takes"
        )]
    );

    // Only administrators.
    let staff_session = app.signed_in_staff("sam@council.example").await;
    let by_staff = app
        .caller(&staff_session)
        .post_bytes("/api/v1/form-previews", "application/json", text)
        .await;
    assert_eq!(by_staff.status(), 403);
}
