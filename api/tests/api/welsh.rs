//! Problems in the language the request asks for: someone using the pages in Welsh (whose
//! browser sends `Accept-Language: cy`) reads what went wrong in Welsh, and every other request
//! gets exactly the English integrators and the other tests know.

use serde_json::{Value, json};
use shared::api::{DraftView, Problem, SessionCreated};

use crate::helpers::{TestApp, spawn_app};

const PASSWORD: &str = "Tall-Trees-4-Ever!";

/// What a browser set to Welsh sends.
const WELSH: &str = "cy-GB,cy;q=0.9,en;q=0.8";

/// A POST of `body` to `path`, asking for `language` when one is given.
async fn post(
    app: &TestApp,
    path: &str,
    body: &Value,
    language: Option<&str>,
) -> reqwest::Response {
    let mut request = app.client.post(format!("{}{path}", app.address)).json(body);
    if let Some(language) = language {
        request = request.header("Accept-Language", language);
    }
    request.send().await.unwrap()
}

/// The problem of `response`, which must say it is in `language` and that its wording depends
/// on what was asked for.
async fn problem_in(response: reqwest::Response, language: &str) -> Problem {
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    assert_eq!(response.headers()["content-language"], language);
    let vary: Vec<&str> = response
        .headers()
        .get_all("vary")
        .iter()
        .flat_map(|v| v.to_str().unwrap().split(','))
        .map(str::trim)
        .collect();
    assert!(
        vary.iter()
            .any(|v| v.eq_ignore_ascii_case("accept-language")),
        "{vary:?}"
    );
    response.json().await.unwrap()
}

async fn sign_in(
    app: &TestApp,
    email: &str,
    password: &str,
    language: Option<&str>,
) -> reqwest::Response {
    let body = json!({"email": email, "password": password, "bot_check": app.bot_check().await});
    post(app, "/api/v1/sign-in", &body, language).await
}

#[tokio::test]
async fn a_welsh_speaker_who_types_a_wrong_password_is_told_in_welsh_beside_both_fields() {
    let app = spawn_app().await;
    app.register("nia@example.org", PASSWORD).await;

    let welsh = sign_in(&app, "nia@example.org", "Wrong-Password-1!", Some(WELSH)).await;
    let english = sign_in(&app, "nia@example.org", "Wrong-Password-1!", None).await;

    assert_eq!(welsh.status(), 401);
    let welsh = problem_in(welsh, "cy").await;
    assert_eq!(welsh.title, "Rhowch gyfeiriad e-bost a chyfrinair cywir");
    assert_eq!(welsh.errors["email"], [welsh.title.as_str()]);
    assert_eq!(welsh.errors["password"], [welsh.title.as_str()]);
    assert_eq!(welsh.code, "invalid_credentials", "a code is never worded");
    assert_eq!(english.status(), 401);
    let english = problem_in(english, "en").await;
    assert_eq!(english.title, "Enter a correct email address and password");
    assert_eq!(
        english.errors["password"],
        ["Enter a correct email address and password"]
    );
    assert_eq!(english.detail, None);
}

#[tokio::test]
async fn a_wrong_sign_in_code_is_refused_in_welsh_and_in_the_same_english_as_ever() {
    let app = spawn_app().await;
    app.register("nia@example.org", PASSWORD).await;
    assert_eq!(
        sign_in(&app, "nia@example.org", PASSWORD, Some(WELSH))
            .await
            .status(),
        202
    );
    let code = app.mailbox.nth("nia@example.org", 2).await.code();
    let wrong = if code == "111 111" {
        "222 222"
    } else {
        "111 111"
    };
    let verify = |code: &'static str, language: Option<&'static str>| {
        let body = json!({"email": "nia@example.org", "code": code});
        let app = &app;
        async move { post(app, "/api/v1/sign-in/verify", &body, language).await }
    };

    // Checked against the stored codes, on the database's own threads.
    let welsh = problem_in(verify(wrong, Some(WELSH)).await, "cy").await;
    assert_eq!(welsh.title, "Mae angen cywiro rhai atebion");
    assert_eq!(
        welsh.detail.as_deref(),
        Some("Gwiriwch y meysydd a restrir yn errors.")
    );
    assert_eq!(
        welsh.errors["code"],
        ["Nid yw'r cod yn gywir. Gwiriwch yr e-bost a rhowch gynnig arall arni"]
    );
    // Refused before it is looked up: the rule the browser shares.
    let too_short = problem_in(verify("123", Some("cy")).await, "cy").await;
    assert_eq!(
        too_short.errors["code"],
        ["Rhaid i'r cod fod yn 6 digid, fel 123 456"]
    );

    let english = problem_in(verify(wrong, None).await, "en").await;
    assert_eq!(english.title, "Some answers need correcting");
    assert_eq!(
        english.detail.as_deref(),
        Some("Check the fields listed in errors.")
    );
    assert_eq!(
        english.errors["code"],
        ["The code is not correct. Check the email and try again"]
    );
    assert_eq!(english.code, welsh.code);
}

#[tokio::test]
async fn after_too_many_wrong_passwords_the_wait_is_told_in_welsh_and_its_clock() {
    let app = spawn_app().await;
    app.register("nia@example.org", PASSWORD).await;

    let mut answer = None;
    for _ in 0..10 {
        let response = sign_in(&app, "nia@example.org", "Wrong-Password-1!", Some(WELSH)).await;
        if response.status() == 429 {
            answer = Some(response);
            break;
        }
    }

    let locked = problem_in(answer.expect("the address is held back"), "cy").await;
    assert_eq!(locked.title, "Gormod o ymdrechion");
    let detail = locked.detail.unwrap();
    assert!(
        detail.starts_with("Er eich diogelwch, arhoswch tan ")
            && detail.ends_with(" a rhowch gynnig arall arni."),
        "{detail}"
    );
    assert!(!detail.contains(" at "), "the time is in Welsh: {detail}");
}

#[tokio::test]
async fn a_welsh_registration_is_checked_in_welsh_down_to_a_password_too_easy_to_guess() {
    let app = spawn_app().await;
    let body = json!({
        "forename": " ", "surname": "Jones", "email": "nia@example.org",
        "password": "Password12345!", "confirm_password": "Password12345!",
        "bot_check": app.bot_check().await, "language": "cy",
    });

    let welsh = problem_in(
        post(&app, "/api/v1/registrations", &body, Some(WELSH)).await,
        "cy",
    )
    .await;
    let english = problem_in(post(&app, "/api/v1/registrations", &body, None).await, "en").await;

    assert_eq!(welsh.errors["forename"], ["Rhowch eich enw cyntaf"]);
    assert_eq!(
        welsh.errors["password"],
        [
            "Mae'r cyfrinair hwn yn rhy hawdd i'w ddyfalu: mae'n rhy debyg i gyfrineiriau sydd \
             wedi cael eu dwyn a'u cyhoeddi. Rhowch gynnig ar dri neu bedwar gair ar hap gyda'i \
             gilydd"
        ]
    );
    assert_eq!(english.errors["forename"], ["Enter your forename"]);
    assert_eq!(
        english.errors["password"],
        [
            "This password is too easy to guess: it is too like passwords that have been stolen \
             and published. Try three or four random words together"
        ]
    );
}

#[tokio::test]
async fn a_welsh_administrator_adding_staff_with_an_email_already_in_use_is_told_in_welsh() {
    let app = spawn_app().await;
    let admin = app.signed_in_admin("alex@council.example").await;
    let add = |language: Option<&'static str>| {
        let mut request = app
            .caller(&admin)
            .request(reqwest::Method::POST, "/api/v1/staff-accounts")
            .json(&json!({"forename": "Alex", "surname": "Morgan",
                          "email": "Alex@Council.example", "role": "staff"}));
        if let Some(language) = language {
            request = request.header("Accept-Language", language);
        }
        async move { request.send().await.unwrap() }
    };

    let welsh = add(Some(WELSH)).await;
    let english = add(None).await;

    assert_eq!(welsh.status(), 422);
    assert_eq!(
        problem_in(welsh, "cy").await.errors["email"],
        ["Mae cyfrif gyda'r cyfeiriad e-bost hwn yn bodoli'n barod"]
    );
    assert_eq!(
        problem_in(english, "en").await.errors["email"],
        ["An account with this email address already exists"]
    );
}

#[tokio::test]
async fn a_welsh_save_from_a_stale_copy_says_in_welsh_what_changed() {
    let app = spawn_app().await;
    let session: SessionCreated = app
        .register("nia@example.org", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let me = app.caller(&session);
    let draft: DraftView = me
        .post(
            "/api/v1/drafts",
            json!({"form_id": "support-enquiry", "answers": {"urgent": "no"}}),
        )
        .await
        .json()
        .await
        .unwrap();
    let path = format!("/api/v1/drafts/{}", draft.id);
    // Another tab saves first.
    assert_eq!(
        me.put(&path, json!({"version": 1, "answers": {"urgent": "no"}}))
            .await
            .status(),
        200
    );

    let stale = me
        .request(reqwest::Method::PUT, &path)
        .header("Accept-Language", WELSH)
        .json(&json!({"version": 1, "answers": {"urgent": "yes"}}))
        .send()
        .await
        .unwrap();

    assert_eq!(stale.status(), 409);
    let problem = problem_in(stale, "cy").await;
    assert_eq!(problem.code, "stale_version");
    assert_eq!(
        problem.title,
        "Mae hyn wedi newid ers i chi ei weld ddiwethaf"
    );
    assert_eq!(
        problem.detail.as_deref(),
        Some(
            "Cafodd y ffurflen hon ei chadw eto (fersiwn 2) ar ôl y copi a newidiwyd gennych \
             (fersiwn 1). Ail-lwythwch hi i weld yr atebion diweddaraf."
        )
    );
}

#[tokio::test]
async fn a_form_sent_from_welsh_pages_is_refused_in_welsh_with_the_forms_own_words() {
    let app = spawn_app().await;
    let session: SessionCreated = app
        .register("nia@example.org", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    let mut answers = crate::referrals::complete_enquiry();
    answers["referrer_role"] = json!("");
    let send = |language: Option<&'static str>, key: &'static str| {
        let mut request = app
            .caller(&session)
            .request(reqwest::Method::POST, "/api/v1/submissions")
            .header("Idempotency-Key", key)
            .json(&json!({"form_id": "support-enquiry", "answers": answers, "language": "cy"}));
        if let Some(language) = language {
            request = request.header("Accept-Language", language);
        }
        async move { request.send().await.unwrap() }
    };

    let welsh = problem_in(send(Some(WELSH), "welsh-1").await, "cy").await;
    let english = problem_in(send(None, "english-1").await, "en").await;

    assert_eq!(welsh.errors["answers.referrer_role"], ["Rhowch eich rôl"]);
    assert_eq!(english.errors["answers.referrer_role"], ["Enter your role"]);
}

#[tokio::test]
async fn an_address_that_is_not_there_is_not_found_in_either_language() {
    let app = spawn_app().await;
    let get = |language: Option<&'static str>| {
        let mut request = app
            .client
            .get(format!("{}/api/v1/no-such-thing", app.address));
        if let Some(language) = language {
            request = request.header("Accept-Language", language);
        }
        async move { request.send().await.unwrap() }
    };

    let welsh = problem_in(get(Some("cy")).await, "cy").await;
    let english = problem_in(get(None).await, "en").await;
    let french = problem_in(get(Some("fr-FR, de;q=0.5")).await, "en").await;

    assert_eq!(welsh.title, "Heb ddod o hyd i'r dudalen");
    assert_eq!(english.title, "Page not found");
    assert_eq!(
        french.title, "Page not found",
        "English when neither is asked for"
    );
}
