//! Drafts and submissions: what a professional saves for later and sends to the council.

use serde_json::{Value, json};
use shared::api::{DraftPage, DraftView, Problem, SessionCreated, SubmissionPage, SubmissionView};

use crate::helpers::{Caller, TestApp, spawn_app};

const PASSWORD: &str = "Tall-Trees-4-Ever!";

async fn professional(app: &TestApp, email: &str) -> SessionCreated {
    app.register(email, PASSWORD).await.json().await.unwrap()
}

/// A support enquiry with every required question answered.
pub(crate) fn complete_enquiry() -> Value {
    json!({
        "urgent": "no", "safeguarding": "no",
        "referrer_name": "Dr Priya Shah", "referrer_role": "GP", "referrer_organisation": "Marsh Lane Surgery",
        "referrer_phone": "0113 496 0500", "referrer_email": "priya.shah@nhs.example",
        "first_name": "Margaret", "last_name": "Okafor",
        "date_of_birth": {"day": "27", "month": "3", "year": "1941"},
        "nhs_number": "943 476 5919",
        "address": {"line1": "12 Marsh Lane", "town": "Bootle", "postcode": "L20 3NJ"},
        "communication_needs": "no", "aware": "yes", "consents": "yes",
        "gp_name": "Dr Shah", "gp_practice": "Marsh Lane Surgery",
        "health_conditions": "Arthritis; two falls this year.",
        "lives_with": "Alone", "has_carers": "yes",
        "carers": [{"name": "Ade Okafor", "relationship": "Son", "phone": "07700 900456"}],
        "current_services": "no",
        "presenting_needs": "Washing and dressing.", "outcomes": "To stay at home safely."
    })
}

/// A 422 problem document: the answers were refused.
async fn refused(response: reqwest::Response) -> Problem {
    assert_eq!(response.status(), 422);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    response.json().await.unwrap()
}

/// The referrer's own steps, on the one caller every journey uses.
impl Caller<'_> {
    async fn create_draft(&self, body: Value) -> reqwest::Response {
        self.post("/api/v1/drafts", body).await
    }

    async fn save(&self, id: &str, body: Value) -> reqwest::Response {
        self.put(&format!("/api/v1/drafts/{id}"), body).await
    }

    /// Sends a form, `key` the same for each retry of it.
    async fn send_form(&self, key: &str, body: Value) -> reqwest::Response {
        self.submit("/api/v1/submissions", key, body).await
    }
}

#[tokio::test]
async fn a_professional_saves_a_form_for_later_and_resumes_it() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);

    let created = me
        .create_draft(
            json!({"form_id": "dols-form-1", "answers": {"request_type": "urgent"},
            "page_id": "relevant-person"}),
        )
        .await;
    assert_eq!(created.status(), 201);
    let location = created.headers()["location"].to_str().unwrap().to_owned();
    let draft: DraftView = created.json().await.unwrap();
    assert_eq!(location, format!("/api/v1/drafts/{}", draft.id));
    assert_eq!(draft.version, 1);
    // The server fills in what the account says, as the browser does.
    assert_eq!(draft.answers["contact_name"], "Priya Shah");
    assert_eq!(draft.answers["contact_email"], "priya@example.org");
    assert_eq!(
        draft.form_title,
        "DoLS Form 1: standard request and urgent authorisation"
    );
    assert_eq!(
        (draft.expires_at - draft.updated_at).num_days(),
        30,
        "kept 30 days after the last save"
    );

    let saved = me
        .save(
            &draft.id,
            json!({"version": 1, "page_id": "relevant-person",
            "answers": {"request_type": "urgent", "full_name": "Margaret Jones",
                        "contact_name": "Priya Shah", "contact_email": "priya@example.org"}}),
        )
        .await;
    assert_eq!(saved.status(), 200);
    let saved: DraftView = saved.json().await.unwrap();
    assert_eq!(saved.version, 2);
    assert!(saved.progress > draft.progress);

    let resumed: DraftView = me.get(&location).await.json().await.unwrap();
    assert_eq!(resumed.answers["full_name"], "Margaret Jones");
    assert_eq!(resumed.page_id.as_deref(), Some("relevant-person"));
    assert_eq!(resumed.version, 2);

    let listed: DraftPage = me.get("/api/v1/drafts").await.json().await.unwrap();
    assert_eq!(listed.items.len(), 1);
    assert_eq!(listed.items[0].id, draft.id);
    assert_eq!(listed.items[0].progress, resumed.progress);
}

#[tokio::test]
async fn a_save_from_a_stale_copy_is_refused_and_changes_nothing() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);
    let draft: DraftView = me
        .create_draft(json!({"form_id": "support-enquiry", "answers": {"urgent": "no"}}))
        .await
        .json()
        .await
        .unwrap();
    // Another tab saves first.
    let first = me
        .save(
            &draft.id,
            json!({"version": 1, "answers": {"urgent": "no", "safeguarding": "no"}}),
        )
        .await;
    assert_eq!(first.status(), 200);

    let stale = me
        .save(
            &draft.id,
            json!({"version": 1, "answers": {"urgent": "yes"}}),
        )
        .await;

    assert_eq!(stale.status(), 409);
    let problem: Problem = stale.json().await.unwrap();
    assert_eq!(problem.code, "stale_version");
    let kept: DraftView = me
        .get(&format!("/api/v1/drafts/{}", draft.id))
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(kept.version, 2);
    assert_eq!(kept.answers["urgent"], "no");
    assert_eq!(kept.answers["safeguarding"], "no");
}

#[tokio::test]
async fn drafts_refuse_forms_and_questions_that_do_not_exist() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);

    let unknown_form = me
        .create_draft(json!({"form_id": "no-such-form", "answers": {}}))
        .await;
    assert_eq!(unknown_form.status(), 422);
    let problem: Problem = unknown_form.json().await.unwrap();
    assert!(problem.errors.contains_key("form_id"));

    let misspelt = me
        .create_draft(
            json!({"form_id": "support-enquiry", "answers": {"urgnet": "no"},
            "page_id": "nowhere"}),
        )
        .await;
    assert_eq!(misspelt.status(), 422);
    let problem: Problem = misspelt.json().await.unwrap();
    assert!(problem.errors.contains_key("answers.urgnet"), "{problem:?}");
    assert!(problem.errors.contains_key("page_id"), "{problem:?}");
    // An answer of a kind its question cannot show (a list for a choice of one) is refused
    // too; one that is merely still wrong is kept for the person to correct.
    let wrong_kind = me
        .create_draft(
            json!({"form_id": "support-enquiry", "answers": {"primary_need": ["physical"]}}),
        )
        .await;
    assert_eq!(wrong_kind.status(), 422);
    let problem: Problem = wrong_kind.json().await.unwrap();
    assert_eq!(
        problem.errors["answers.primary_need"],
        ["What is the person's main support need?: send the answer as text"]
    );
    let listed: DraftPage = me.get("/api/v1/drafts").await.json().await.unwrap();
    assert!(listed.items.is_empty(), "nothing is stored half-way");
}

#[tokio::test]
async fn a_complete_form_is_submitted_once_with_a_reference_and_a_confirmation_email() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);
    let draft: DraftView = me
        .create_draft(json!({"form_id": "support-enquiry", "answers": {"urgent": "no"}}))
        .await
        .json()
        .await
        .unwrap();
    let mut answers = complete_enquiry();
    // Answered, then hidden by a later answer: it must not reach the council.
    answers["carers"] = json!([{"name": "Ade Okafor", "relationship": "Son"}]);
    answers["has_carers"] = json!("no");
    let body = json!({"form_id": "support-enquiry", "answers": answers, "draft_id": draft.id});

    let response = me.send_form("retry-me-1", body.clone()).await;

    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    let submitted: SubmissionView = response.json().await.unwrap();
    assert!(submitted.reference.starts_with("ASC-"));
    assert_eq!(submitted.form_version, 2);
    assert_eq!(submitted.answers["first_name"], "Margaret");
    assert!(
        !submitted.answers.contains_key("carers"),
        "hidden answers are dropped"
    );
    assert!(submitted.summary.iter().any(|row| row.answer == "Margaret"));
    let email = app
        .mailbox
        .next_containing("priya@example.org", 0, &submitted.reference)
        .await;
    assert!(email.raw.contains("We have received your form"));
    assert!(
        email.raw.contains("(GMT)") || email.raw.contains("(BST)"),
        "the time it arrived is in UK time, with its zone"
    );
    assert!(
        !email.raw.contains("Okafor"),
        "the email repeats nothing about the person"
    );

    // The answer was lost on the way back; the browser sends the same request again.
    let retry = me.send_form("retry-me-1", body.clone()).await;
    assert_eq!(retry.status(), 200);
    let again: SubmissionView = retry.json().await.unwrap();
    assert_eq!(again.id, submitted.id);
    assert_eq!(again.reference, submitted.reference);

    let listed: SubmissionPage = me.get("/api/v1/submissions").await.json().await.unwrap();
    assert_eq!(listed.items.len(), 1, "one referral, not two");
    assert_eq!(listed.items[0].reference, submitted.reference);
    assert_eq!(listed.items[0].status.label(), "Received");
    let drafts: DraftPage = me.get("/api/v1/drafts").await.json().await.unwrap();
    assert!(
        drafts.items.is_empty(),
        "the draft went with the submission"
    );
    let confirmations = app
        .mailbox
        .to("priya@example.org")
        .into_iter()
        .filter(|e| e.raw.contains(&submitted.reference))
        .count();
    assert_eq!(confirmations, 1, "the retry sends no second email");

    let reused = me
        .send_form(
            "retry-me-1",
            json!({"form_id": "support-enquiry", "answers": complete_enquiry()}),
        )
        .await;
    assert_eq!(reused.status(), 409);
    let problem: Problem = reused.json().await.unwrap();
    assert_eq!(problem.code, "idempotency_key_reused");
}

#[tokio::test]
async fn an_incomplete_or_invalid_form_is_refused_naming_each_question() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);
    let mut answers = complete_enquiry();
    answers.as_object_mut().unwrap().remove("last_name");
    answers["nhs_number"] = json!("943 476 5918");

    let response = me
        .send_form(
            "key-1",
            json!({"form_id": "support-enquiry", "answers": answers}),
        )
        .await;

    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.unwrap();
    assert!(
        problem.errors.contains_key("answers.last_name"),
        "{problem:?}"
    );
    assert!(
        problem.errors.contains_key("answers.nhs_number"),
        "{problem:?}"
    );

    let no_key = me
        .request(reqwest::Method::POST, "/api/v1/submissions")
        .json(&json!({"form_id": "support-enquiry", "answers": complete_enquiry()}))
        .send()
        .await
        .unwrap();
    assert_eq!(no_key.status(), 422);
    let problem: Problem = no_key.json().await.unwrap();
    assert!(problem.errors.contains_key("Idempotency-Key"));

    let outside = {
        let mut answers = complete_enquiry();
        answers["address"]["postcode"] = json!("M1 1AA");
        me.send_form(
            "key-2",
            json!({"form_id": "support-enquiry", "answers": answers}),
        )
        .await
    };
    assert_eq!(outside.status(), 422);
    let problem: Problem = outside.json().await.unwrap();
    assert!(
        problem.errors.contains_key("answers.address"),
        "{problem:?}"
    );

    let listed: SubmissionPage = me.get("/api/v1/submissions").await.json().await.unwrap();
    assert!(listed.items.is_empty(), "nothing refused is stored");
}

#[tokio::test]
async fn answers_that_end_at_an_exit_page_cannot_be_submitted() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);
    let mut answers = complete_enquiry();
    answers["urgent"] = json!("yes");

    let response = me
        .send_form(
            "key-1",
            json!({"form_id": "support-enquiry", "answers": answers}),
        )
        .await;

    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.unwrap();
    assert!(
        problem.errors["answers"][0].contains("cannot be sent"),
        "{problem:?}"
    );
}

#[tokio::test]
async fn one_professional_never_sees_anothers_drafts_or_submissions() {
    let app = spawn_app().await;
    let priya_session = professional(&app, "priya@example.org").await;
    let priya = app.caller(&priya_session);
    let draft: DraftView = priya
        .create_draft(json!({"form_id": "support-enquiry", "answers": {"urgent": "no"}}))
        .await
        .json()
        .await
        .unwrap();
    let submitted: SubmissionView = priya
        .send_form(
            "k",
            json!({"form_id": "support-enquiry", "answers": complete_enquiry()}),
        )
        .await
        .json()
        .await
        .unwrap();
    let other_session = professional(&app, "other@example.org").await;
    let other = app.caller(&other_session);

    let draft_path = format!("/api/v1/drafts/{}", draft.id);
    assert_eq!(other.get(&draft_path).await.status(), 404);
    assert_eq!(
        other
            .save(
                &draft.id,
                json!({"version": 1, "answers": {"urgent": "yes"}})
            )
            .await
            .status(),
        404
    );
    assert_eq!(
        other
            .request(reqwest::Method::DELETE, &draft_path)
            .send()
            .await
            .unwrap()
            .status(),
        404
    );
    assert_eq!(
        other
            .get(&format!("/api/v1/submissions/{}", submitted.id))
            .await
            .status(),
        404
    );
    let their_drafts: DraftPage = other.get("/api/v1/drafts").await.json().await.unwrap();
    assert!(their_drafts.items.is_empty());
    let their_submissions: SubmissionPage =
        other.get("/api/v1/submissions").await.json().await.unwrap();
    assert!(their_submissions.items.is_empty());
    // The same key from another account is another submission, not a replay of Priya's.
    let theirs = other
        .send_form(
            "k",
            json!({"form_id": "support-enquiry", "answers": complete_enquiry()}),
        )
        .await;
    assert_eq!(theirs.status(), 201);

    let still_there: DraftView = priya.get(&draft_path).await.json().await.unwrap();
    assert_eq!(still_there.answers["urgent"], "no");
    for path in ["/api/v1/drafts", "/api/v1/submissions", &draft_path] {
        assert_eq!(app.get(path).await.status(), 401, "{path} without a token");
    }
}

#[tokio::test]
async fn drafts_are_listed_a_page_at_a_time_without_repeats() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);
    let mut made = Vec::new();
    for _ in 0..5 {
        let draft: DraftView = me
            .create_draft(json!({"form_id": "support-enquiry", "answers": {}}))
            .await
            .json()
            .await
            .unwrap();
        made.push(draft.id);
    }

    let mut seen = Vec::new();
    let mut path = "/api/v1/drafts?limit=2".to_owned();
    loop {
        let page: DraftPage = me.get(&path).await.json().await.unwrap();
        assert!(page.items.len() <= 2);
        seen.extend(page.items.into_iter().map(|d| d.id));
        match page.next {
            Some(next) => path = format!("/api/v1/drafts?limit=2&after={next}"),
            None => break,
        }
    }

    made.reverse();
    assert_eq!(seen, made, "newest first, each once");
    let bad = me.get("/api/v1/drafts?after=nonsense&limit=0").await;
    assert_eq!(bad.status(), 422);
}

#[tokio::test]
async fn a_draft_near_its_expiry_brings_one_reminder_and_then_goes() {
    use api::db::schema::drafts;
    use chrono::{Duration, Utc};
    use diesel::prelude::*;

    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);
    let draft: DraftView = me
        .create_draft(json!({"form_id": "dols-form-2", "answers": {}}))
        .await
        .json()
        .await
        .unwrap();
    let mut conn = app.database.get().unwrap();
    let now = Utc::now().naive_utc();
    diesel::update(drafts::table.find(&draft.id))
        .set(drafts::expires_at.eq(now + Duration::days(3)))
        .execute(&mut *conn)
        .unwrap();
    let council =
        api::council::Council::load(&crate::helpers::repository_root().join("config/council.toml"))
            .unwrap();
    let forms = api::forms::FormLibrary::load(
        &crate::helpers::repository_root().join("shared/forms"),
        &council,
    )
    .unwrap();
    let url = url::Url::parse("http://127.0.0.1:8080").unwrap();

    let reminded =
        api::referrals::reminders::send_due(&mut conn, now, council.view(), &forms, &url).unwrap();
    let again =
        api::referrals::reminders::send_due(&mut conn, now, council.view(), &forms, &url).unwrap();

    assert_eq!(
        (reminded, again),
        (1, 0),
        "one reminder, however often the job runs"
    );
    let email = app
        .mailbox
        .next_containing("priya@example.org", 0, "Your saved form will be deleted")
        .await;
    assert!(email.raw.replace("=\r\n", "").contains("DoLS Form 2"));

    let purged = api::purge::purge(&mut conn, now + Duration::days(4)).unwrap();
    assert_eq!(purged.drafts, 1);
    // Four days on, her session has gone too: she signs in again and finds no draft.
    let session = app.signed_in("priya@example.org", PASSWORD).await;
    let me = app.caller(&session);
    assert_eq!(
        me.get(&format!("/api/v1/drafts/{}", draft.id))
            .await
            .status(),
        404
    );
}

#[tokio::test]
async fn someone_without_an_account_starts_a_form_once_per_solved_bot_check() {
    let app = spawn_app().await;
    let bot_check = app.bot_check().await;

    let started = app
        .post(
            "/api/v1/form-starts",
            &json!({"form_id": "social-care-referral", "bot_check": bot_check}),
        )
        .await;
    let replayed = app
        .post(
            "/api/v1/form-starts",
            &json!({"form_id": "social-care-referral", "bot_check": bot_check}),
        )
        .await;
    let unknown = app
        .post(
            "/api/v1/form-starts",
            &json!({"form_id": "no-such-form", "bot_check": app.bot_check().await}),
        )
        .await;

    assert_eq!(started.status(), 204);
    assert_eq!(replayed.status(), 422, "a solution solves one start only");
    assert_eq!(unknown.status(), 422);
    let problem: Problem = unknown.json().await.unwrap();
    assert!(problem.errors.contains_key("form_id"));
}

#[tokio::test]
async fn a_submitted_form_downloads_as_a_pdf_for_its_owner_only() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);
    let submitted: SubmissionView = me
        .send_form(
            "k",
            json!({"form_id": "support-enquiry", "answers": complete_enquiry()}),
        )
        .await
        .json()
        .await
        .unwrap();
    let path = format!("/api/v1/submissions/{}/pdf", submitted.id);

    let response = me.get(&path).await;

    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-type"], "application/pdf");
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_owned();
    assert!(
        disposition.contains(&format!("{}.pdf", submitted.reference)),
        "{disposition}"
    );
    let bytes = response.bytes().await.unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_extract::extract_text_from_mem(&bytes).unwrap();
    assert!(text.contains("Margaret"), "the answers are in the PDF");
    assert!(text.contains(&submitted.reference));

    let other_session = professional(&app, "other@example.org").await;
    let other = app.caller(&other_session);
    assert_eq!(other.get(&path).await.status(), 404);
    assert_eq!(app.get(&path).await.status(), 401);
}

/// A DoLS Form 1 asking for a standard authorisation only, every required question answered.
fn complete_dols_form_1() -> Value {
    let today = chrono::Utc::now().date_naive();
    let date = |d: chrono::NaiveDate| {
        use chrono::Datelike;
        json!({"day": d.day().to_string(), "month": d.month().to_string(), "year": d.year().to_string()})
    };
    json!({
        "request_type": "standard",
        "full_name": "Margaret Jones", "sex": "female", "dob_known": "no", "estimated_age": "85",
        "lives_elsewhere": "no",
        "ma_name": "Marsh Lane Care Home",
        "ma_address": {"line1": "2 Marsh Lane", "town": "Bootle", "postcode": "L20 3NJ"},
        "ma_phone": "0151 496 0000", "contact_name": "Priya Shah", "contact_phone": "0151 496 0001",
        "contact_email": "priya@example.org", "supervisory_body": "this_council", "funding": "nhs",
        "sa_start": date(today), "purpose_care": "Personal care.", "restrictions": ["locked_door"],
        "restrictions_details": "Keypad on the front door.", "less_restrictive": "no",
        "imca_needed": "no",
        "advance_decision": "none", "mha_applies": "no",
        "interested_informed": "yes", "signed_name": "Priya Shah", "position": "Manager",
        "signed_date": date(today), "signed_time": "09:30"
    })
}

/// A DoLS Form 1 with an urgent authorisation given today, every required question answered.
fn urgent_dols_form_1() -> Value {
    let today = chrono::Utc::now().date_naive();
    let date = |d: chrono::NaiveDate| {
        use chrono::Datelike;
        json!({"day": d.day().to_string(), "month": d.month().to_string(), "year": d.year().to_string()})
    };
    let mut answers = complete_dols_form_1();
    let urgent = json!({
        "request_type": "urgent",
        "ua_criteria": ["age", "mental_disorder", "care", "no_refusal", "best_interests",
            "proportionate", "mha", "urgent"],
        "ua_start": date(today), "ua_start_time": "09:30", "ua_days": "7",
        "ua_purpose": "To keep her safe while the assessments are done.",
        "ua_signed_name": "Priya Shah", "ua_signed_date": date(today), "ua_signed_time": "09:30",
        "wants_extension": "no"
    });
    for (id, answer) in urgent.as_object().unwrap() {
        answers[id] = answer.clone();
    }
    answers
}

#[tokio::test]
async fn an_urgent_authorisation_is_refused_unless_all_eight_conditions_are_met() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);
    let mut answers = urgent_dols_form_1();
    answers["ua_criteria"] = json!(["age"]);

    let response = me
        .send_form(
            "key-1",
            json!({"form_id": "dols-form-1", "answers": answers}),
        )
        .await;

    let problem = refused(response).await;
    assert!(
        problem.errors.contains_key("answers.ua_criteria"),
        "{problem:?}"
    );
    let listed: SubmissionPage = me.get("/api/v1/submissions").await.json().await.unwrap();
    assert!(listed.items.is_empty(), "nothing refused is stored");

    // With all 8 ticked, the same answers are taken.
    let accepted = me
        .send_form(
            "key-2",
            json!({"form_id": "dols-form-1", "answers": urgent_dols_form_1()}),
        )
        .await;
    assert_eq!(accepted.status(), 201, "{}", accepted.text().await.unwrap());
}

#[tokio::test]
async fn a_time_that_is_not_a_real_time_is_refused() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);
    let mut answers = urgent_dols_form_1();
    answers["ua_start_time"] = json!("zz:99");

    let response = me
        .send_form(
            "key-1",
            json!({"form_id": "dols-form-1", "answers": answers}),
        )
        .await;

    let problem = refused(response).await;
    assert!(
        problem.errors.contains_key("answers.ua_start_time"),
        "{problem:?}"
    );
}

/// The smallest file a PDF reader and a content sniffer both take for a PDF.
const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

impl Caller<'_> {
    async fn upload(&self, name: &str, content_type: &str, bytes: &[u8]) -> reqwest::Response {
        self.request(
            reqwest::Method::POST,
            &format!("/api/v1/uploads?name={name}"),
        )
        .header("Content-Type", content_type)
        .body(bytes.to_vec())
        .send()
        .await
        .unwrap()
    }
}

#[tokio::test]
async fn a_care_plan_is_uploaded_checked_and_sent_with_the_form() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);

    let uploaded = me.upload("care-plan.pdf", "application/pdf", PDF).await;
    assert_eq!(uploaded.status(), 201, "{}", uploaded.text().await.unwrap());
    let upload: shared::api::UploadView = uploaded.json().await.unwrap();
    assert_eq!(upload.size, PDF.len() as u64);
    assert_eq!(upload.sha256.len(), 64);
    let mut answers = complete_dols_form_1();
    // The browser's copy of the answer may say anything; the stored file decides.
    answers["care_plan"] = json!({"id": upload.id, "name": "renamed.pdf", "size": 1});
    let draft: DraftView = me
        .create_draft(json!({"form_id": "dols-form-1", "answers": answers}))
        .await
        .json()
        .await
        .unwrap();

    let response = me
        .send_form(
            "k",
            json!({"form_id": "dols-form-1", "answers": answers, "draft_id": draft.id}),
        )
        .await;

    assert_eq!(response.status(), 201, "{}", response.text().await.unwrap());
    let submitted: SubmissionView = response.json().await.unwrap();
    assert_eq!(submitted.answers["care_plan"]["name"], "care-plan.pdf");
    assert_eq!(submitted.answers["care_plan"]["size"], PDF.len());
    assert!(
        submitted
            .summary
            .iter()
            .any(|r| r.answer == "care-plan.pdf")
    );
    let download = me.get(&format!("/api/v1/uploads/{}", upload.id)).await;
    assert_eq!(download.status(), 200);
    assert_eq!(download.headers()["content-type"], "application/pdf");
    assert_eq!(download.bytes().await.unwrap().as_ref(), PDF);

    // Someone else can neither read the file nor send it with their own form.
    let other_session = professional(&app, "other@example.org").await;
    let other = app.caller(&other_session);
    assert_eq!(
        other
            .get(&format!("/api/v1/uploads/{}", upload.id))
            .await
            .status(),
        404
    );
    let theirs = other
        .send_form("k2", json!({"form_id": "dols-form-1", "answers": answers}))
        .await;
    assert_eq!(theirs.status(), 422);
    let problem: Problem = theirs.json().await.unwrap();
    assert!(
        problem.errors.contains_key("answers.care_plan"),
        "{problem:?}"
    );
    let their_list: SubmissionPage = other.get("/api/v1/submissions").await.json().await.unwrap();
    assert!(their_list.items.is_empty(), "nothing is stored half-way");
}

#[tokio::test]
async fn staff_and_integrators_open_the_files_a_referral_carries_each_opening_audited() {
    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);
    let upload: shared::api::UploadView = me
        .upload("care-plan.pdf", "application/pdf", PDF)
        .await
        .json()
        .await
        .unwrap();
    let mut answers = complete_dols_form_1();
    answers["care_plan"] = json!({"id": upload.id});
    let referral: SubmissionView = me
        .send_form("k", json!({"form_id": "dols-form-1", "answers": answers}))
        .await
        .json()
        .await
        .unwrap();
    let other: SubmissionView = me
        .send_form(
            "k2",
            json!({"form_id": "support-enquiry", "answers": complete_enquiry()}),
        )
        .await
        .json()
        .await
        .unwrap();
    let file = |submission: &str| {
        format!(
            "/api/v1/integrations/submissions/{submission}/attachments/{}",
            upload.id
        )
    };

    // Staff see the file listed on the referral, with its type and size, and open it.
    let staff_session = app.signed_in_staff("sam@council.example").await;
    let staff = app.caller(&staff_session);
    let seen: shared::api::StaffSubmissionView = staff
        .read(&format!("/api/v1/staff/submissions/{}", referral.id))
        .await;
    assert_eq!(seen.attachments.len(), 1);
    assert_eq!(
        (
            seen.attachments[0].name.as_str(),
            seen.attachments[0].content_type.as_str(),
            seen.attachments[0].size
        ),
        ("care-plan.pdf", "application/pdf", PDF.len() as u64)
    );
    let opened = staff.get(&file(&referral.id)).await;
    assert_eq!(opened.status(), 200);
    assert_eq!(opened.headers()["content-type"], "application/pdf");
    assert_eq!(
        opened.headers()["content-disposition"],
        "attachment; filename=\"care-plan.pdf\""
    );
    assert_eq!(opened.headers()["cache-control"], "no-store");
    assert_eq!(opened.bytes().await.unwrap().as_ref(), PDF);
    // Only through the submission that carries it; the sender's own route stays theirs.
    assert_eq!(staff.get(&file(&other.id)).await.status(), 404);
    assert_eq!(
        staff
            .get(&format!("/api/v1/uploads/{}", upload.id))
            .await
            .status(),
        404
    );
    // The referrer is not the council.
    assert_eq!(me.get(&file(&referral.id)).await.status(), 403);

    // An integrator finds the file's address in the FHIR answer and fetches it with its token.
    let admin_session = app.signed_in_admin("alex@council.example").await;
    let admin = app.caller(&admin_session);
    let mut tokens = Vec::new();
    for scopes in [json!(["submissions:read"]), json!(["people:read"])] {
        let client: shared::api::ClientWithSecret = admin
            .post(
                "/api/v1/api-clients",
                &json!({"name": format!("System {scopes}"), "scopes": scopes}),
            )
            .await
            .json()
            .await
            .unwrap();
        let token: shared::api::TokenResponse =
            crate::integrations::client_token(&app, &client.client.id, &client.client_secret)
                .await
                .json()
                .await
                .unwrap();
        tokens.push(token.access_token);
    }
    let as_client = |token: &str, path: &str| {
        app.client
            .get(format!("{}{path}", app.address))
            .bearer_auth(token.to_owned())
            .send()
    };
    let fhir = as_client(
        &tokens[0],
        &format!("/api/v1/integrations/submissions/{}/fhir", referral.id),
    )
    .await
    .unwrap()
    .text()
    .await
    .unwrap();
    assert!(
        fhir.contains(&format!("{}\"", file(&referral.id))),
        "{fhir}"
    );
    let fetched = as_client(&tokens[0], &file(&referral.id)).await.unwrap();
    assert_eq!(fetched.status(), 200);
    assert_eq!(fetched.bytes().await.unwrap().as_ref(), PDF);
    let unscoped = as_client(&tokens[1], &file(&referral.id)).await.unwrap();
    assert_eq!(unscoped.status(), 403);

    // Each opening is in the audit log, by whom.
    let audit: shared::api::AuditPage = admin
        .read(&format!("/api/v1/audit?subject={}", upload.id))
        .await;
    let readers: Vec<&str> = audit
        .items
        .iter()
        .filter(|e| e.action == "read" && e.subject_type == "upload")
        .map(|e| e.actor.name.as_str())
        .collect();
    assert_eq!(readers.len(), 2, "{readers:?}");
}

#[tokio::test]
async fn uploads_that_lie_about_their_type_or_are_too_large_are_refused() {
    let app =
        crate::helpers::spawn_app_with(|settings| settings.server.upload_limit_bytes = 1024).await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);

    let program = me
        .upload(
            "care-plan.pdf",
            "application/pdf",
            b"MZ\x90\x00\x03\x00\x00\x00this is a program",
        )
        .await;
    let spreadsheet = me.upload("figures.csv", "text/csv", b"a,b\n1,2\n").await;
    let huge = me
        .upload("big.pdf", "application/pdf", &[PDF, &[b' '; 4096]].concat())
        .await;
    let empty = me.upload("empty.pdf", "application/pdf", b"").await;
    let scripted = me
        .upload(
            "letter.pdf",
            "application/pdf",
            b"%PDF-1.4\n1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\n",
        )
        .await;

    for (response, what) in [
        (program, "a program called PDF"),
        (spreadsheet, "a CSV"),
        (empty, "an empty file"),
        (scripted, "a PDF that runs JavaScript when opened"),
    ] {
        assert_eq!(response.status(), 422, "{what}");
        let problem: Problem = response.json().await.unwrap();
        assert!(problem.errors.contains_key("file"), "{what}: {problem:?}");
    }
    assert_eq!(huge.status(), 413);
    assert_eq!(huge.headers()["content-type"], "application/problem+json");
    let unsigned = app
        .client
        .post(format!("{}/api/v1/uploads?name=a.pdf", app.address))
        .header("Content-Type", "application/pdf")
        .body(PDF.to_vec())
        .send()
        .await
        .unwrap();
    assert_eq!(unsigned.status(), 401);

    // A picture named like a program is kept, and offered back, as the picture it is.
    let png = base64::Engine::decode(
        &base64::engine::general_purpose::STANDARD,
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGOQLdgBRAwQCgAhLgUV+SYaPgAAAABJRU5ErkJggg==",
    )
    .unwrap();
    let renamed = me.upload("evil%E2%80%AEgnp.exe", "image/png", &png).await;
    assert_eq!(renamed.status(), 201);
    let renamed: shared::api::UploadView = renamed.json().await.unwrap();
    assert_eq!(renamed.name, "evilgnp.png");
    let served = me.get(&format!("/api/v1/uploads/{}", renamed.id)).await;
    assert_eq!(
        served.headers()["content-disposition"],
        "attachment; filename=\"evilgnp.png\""
    );
}

#[tokio::test]
async fn the_server_accepts_exactly_the_answers_the_browsers_engine_accepts() {
    use proptest::prelude::*;
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    use shared::forms::{exit_page, validate_all};

    let app = spawn_app().await;
    let session = professional(&app, "priya@example.org").await;
    let me = app.caller(&session);
    let council =
        api::council::Council::load(&crate::helpers::repository_root().join("config/council.toml"))
            .unwrap();
    let forms = api::forms::FormLibrary::load(
        &crate::helpers::repository_root().join("shared/forms"),
        &council,
    )
    .unwrap();
    let form = forms.get("support-enquiry").unwrap();
    let council =
        api::council::Council::load(&crate::helpers::repository_root().join("config/council.toml"))
            .unwrap();
    let complete = complete_enquiry();
    let keys: Vec<String> = complete.as_object().unwrap().keys().cloned().collect();
    // Start from a complete enquiry; leave answers out and spoil others at random.
    let spoilers = [
        json!(""),
        json!("yes"),
        json!("no"),
        json!("M1 1AA"),
        json!({"day": "31", "month": "2", "year": "2026"}),
        json!("<script>alert(1)</script>"),
        json!(["x"]),
        json!(7),
    ];
    let strategy = proptest::collection::vec((0..keys.len(), 0..spoilers.len() + 1), 0..4);
    let mut runner = TestRunner::deterministic();

    for case in 0..48 {
        let changes = strategy.new_tree(&mut runner).unwrap().current();
        let mut answers = complete.clone();
        for (key, spoiler) in changes {
            match spoilers.get(spoiler) {
                Some(value) => answers[&keys[key]] = value.clone(),
                None => {
                    answers.as_object_mut().unwrap().remove(&keys[key]);
                }
            }
        }
        let parsed: shared::forms::Answers = serde_json::from_value(answers.clone()).unwrap();
        let today = chrono::Utc::now().date_naive();
        let engine_accepts = validate_all(form, &parsed, today, &council.view().postcode_districts)
            .is_empty()
            && exit_page(form, &parsed, today).is_none();

        let response = me
            .send_form(
                &format!("case-{case}"),
                json!({"form_id": "support-enquiry", "answers": answers}),
            )
            .await;

        let status = response.status().as_u16();
        assert_eq!(
            status == 201,
            engine_accepts,
            "case {case}: the server answered {status} to {answers}: {}",
            response.text().await.unwrap()
        );
        assert!(status == 201 || status == 422, "case {case}: {status}");
    }
}

/// The row of `question_id` among a submission's answers.
fn row<'a>(
    rows: &'a [shared::forms::SummaryRow],
    question_id: &str,
) -> &'a shared::forms::SummaryRow {
    rows.iter()
        .find(|row| row.question_id == question_id)
        .unwrap()
}

#[tokio::test]
async fn a_form_answered_in_welsh_keeps_its_language_and_staff_read_it_in_english() {
    let app = spawn_app().await;
    let session = professional(&app, "sian@example.org").await;
    let me = app.caller(&session);

    let sent = me
        .send_form(
            "cymraeg-1",
            json!({"form_id": "support-enquiry", "answers": complete_enquiry(), "language": "cy"}),
        )
        .await;
    assert_eq!(sent.status(), 201, "{}", sent.text().await.unwrap());
    let sent: SubmissionView = sent.json().await.unwrap();
    assert_eq!(sent.language, shared::language::Language::Welsh);

    // The sender's copy, from the answer to sending and from reading it again, is in Welsh.
    let again: SubmissionView = me.read(&format!("/api/v1/submissions/{}", sent.id)).await;
    for copy in [&sent, &again] {
        assert_eq!(copy.form_title, "Ymholiad cymorth");
        let role = row(&copy.summary, "referrer_role");
        assert_eq!(role.label, "Eich rôl");
    }

    // Their list of forms sent names it as the pages they read it on do.
    for (language, title) in [("cy", "Ymholiad cymorth"), ("en", "Support enquiry")] {
        let listed: shared::api::SubmissionPage = me
            .request(reqwest::Method::GET, "/api/v1/submissions")
            .header("Accept-Language", language)
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        assert_eq!(listed.items[0].form_title, title);
    }

    // The sender's PDF is their copy: in Welsh, from the form they answered.
    let pdf = me
        .get(&format!("/api/v1/submissions/{}/pdf", sent.id))
        .await
        .bytes()
        .await
        .unwrap();
    let text = pdf_extract::extract_text_from_mem(&pdf).unwrap();
    for welsh in ["Ymholiad cymorth", "Eich rôl", "Atebion", "Nac ydy"] {
        assert!(text.contains(welsh), "{welsh} is missing from {text}");
    }

    let staff_session = app.signed_in_staff("sam@council.example").await;
    let seen: shared::api::StaffSubmissionView = app
        .caller(&staff_session)
        .read(&format!("/api/v1/staff/submissions/{}", sent.id))
        .await;
    assert_eq!(seen.language, shared::language::Language::Welsh);
    let role = row(&seen.summary, "referrer_role");
    assert_eq!(
        (role.label.as_str(), role.answer.as_str()),
        ("Your role", "GP")
    );
    let need = row(&seen.summary, "has_carers");
    assert_eq!(need.answer, "Yes");

    // A member of staff who reads Welsh can switch to the sender's own words.
    let answered = seen.as_answered.expect("the sender's own words");
    assert_eq!(answered.language, shared::language::Language::Welsh);
    let role = row(&answered.summary, "referrer_role");
    assert_eq!(
        (role.label.as_str(), role.answer.as_str()),
        ("Eich rôl", "GP")
    );
    let need = row(&answered.summary, "has_carers");
    assert_eq!(need.answer, "Ydy");
    assert!(
        answered.pages.iter().any(|p| p.title == "Eich manylion"),
        "{:?}",
        answered.pages
    );
}
