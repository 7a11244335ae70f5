use api::accounts::staff;
use diesel::Connection;
use serde_json::json;
use shared::api::{AccountView, CreateStaffRequest, Problem, Role, SessionCreated};
use shared::language::Language;

use crate::helpers::{TestApp, spawn_app};

const PASSWORD: &str = "Tall-Trees-4-Ever!";

async fn registered(app: &TestApp, email: &str) -> SessionCreated {
    app.register(email, PASSWORD).await.json().await.unwrap()
}

fn bearer(request: reqwest::RequestBuilder, session: &SessionCreated) -> reqwest::RequestBuilder {
    request.bearer_auth(&session.access_token)
}

#[tokio::test]
async fn an_account_holder_changes_their_name() {
    let app = spawn_app().await;
    let session = registered(&app, "sam@example.org").await;

    let response = bearer(
        app.client.patch(format!("{}/api/v1/account", app.address)),
        &session,
    )
    .json(&json!({"forename": "Samira", "surname": "Jones"}))
    .send()
    .await
    .unwrap();

    assert_eq!(response.status(), 200);
    let account: AccountView = response.json().await.unwrap();
    assert_eq!(
        (account.forename.as_str(), account.surname.as_str()),
        ("Samira", "Jones")
    );
    let blank = bearer(
        app.client.patch(format!("{}/api/v1/account", app.address)),
        &session,
    )
    .json(&json!({"forename": " ", "surname": "Jones"}))
    .send()
    .await
    .unwrap();
    assert_eq!(blank.status(), 422);
}

#[tokio::test]
async fn changing_the_password_needs_the_current_one_and_ends_other_sessions() {
    let app = spawn_app().await;
    let here = registered(&app, "sam@example.org").await;
    let elsewhere = app.signed_in_with_cookie("sam@example.org", PASSWORD).await;
    let change = |current: &str| json!({"current_password": current, "password": "Brand-New-Pass-7!", "confirm_password": "Brand-New-Pass-7!"});

    let wrong = bearer(
        app.client
            .post(format!("{}/api/v1/account/password", app.address)),
        &here,
    )
    .json(&change("Not-My-Password-1!"))
    .send()
    .await
    .unwrap();
    assert_eq!(wrong.status(), 422);
    let problem: Problem = wrong.json().await.unwrap();
    assert_eq!(
        problem.errors["current_password"],
        ["Your current password is not correct"]
    );

    let changed = bearer(
        app.client
            .post(format!("{}/api/v1/account/password", app.address)),
        &here,
    )
    .json(&change(PASSWORD))
    .send()
    .await
    .unwrap();
    assert_eq!(changed.status(), 204);
    app.mailbox
        .next_containing("sam@example.org", 0, "was changed")
        .await;
    // This session goes on; the one elsewhere has ended.
    let me = bearer(
        app.client.get(format!("{}/api/v1/account", app.address)),
        &here,
    )
    .send()
    .await
    .unwrap();
    assert_eq!(me.status(), 200);
    let refreshed = app
        .client
        .post(format!("{}/api/v1/sessions/refresh", app.address))
        .header("cookie", format!("portal_refresh={}", elsewhere.1))
        .send()
        .await
        .unwrap();
    assert_eq!(refreshed.status(), 401);
    app.signed_in("sam@example.org", "Brand-New-Pass-7!").await;
}

fn make_admin(app: &TestApp, email: &str) {
    let hash = api::passwords::hash(PASSWORD).unwrap();
    let request = CreateStaffRequest {
        forename: "Alex".into(),
        surname: "Morgan".into(),
        email: email.into(),
        role: Role::Administrator,
    };
    app.database
        .get()
        .unwrap()
        .transaction(|conn| staff::insert(conn, &request, &hash))
        .unwrap();
}

#[tokio::test]
async fn an_administrator_adds_staff_who_set_their_password_by_reset() {
    let app = spawn_app().await;
    make_admin(&app, "alex@council.example");
    let admin = app.signed_in("alex@council.example", PASSWORD).await;

    let response = bearer(app.client.post(format!("{}/api/v1/staff-accounts", app.address)), &admin)
        .json(&json!({"forename": "Sam", "surname": "Taylor", "email": "Sam.Taylor@council.example", "role": "staff"}))
        .send()
        .await
        .unwrap();

    assert_eq!(response.status(), 201);
    let account: AccountView = response.json().await.unwrap();
    assert_eq!(
        (account.role, account.email.as_str()),
        (Role::Staff, "sam.taylor@council.example")
    );
    let invitation = app.mailbox.nth("sam.taylor@council.example", 1).await;
    assert!(invitation.text().contains("Forgotten password?"));

    // Reset proves the address and sets the password; the new member of staff signs in.
    let bot_check = app.bot_check().await;
    app.post(
        "/api/v1/password-resets",
        &json!({"email": "sam.taylor@council.example", "bot_check": bot_check}),
    )
    .await;
    let code = app
        .mailbox
        .next_containing("sam.taylor@council.example", 0, "reset your password is")
        .await
        .code();
    let set = app
        .post(
            "/api/v1/password-resets/complete",
            &json!({"email": "sam.taylor@council.example", "code": code,
                    "password": "Staff-Pass-2026!", "confirm_password": "Staff-Pass-2026!"}),
        )
        .await;
    assert_eq!(set.status(), 204);
    let staff = app
        .signed_in("sam.taylor@council.example", "Staff-Pass-2026!")
        .await;
    assert_eq!(staff.account.role, Role::Staff);

    // The same address cannot be added twice.
    let again = bearer(app.client.post(format!("{}/api/v1/staff-accounts", app.address)), &admin)
        .json(&json!({"forename": "Sam", "surname": "Taylor", "email": "sam.taylor@council.example", "role": "staff"}))
        .send()
        .await
        .unwrap();
    assert_eq!(again.status(), 422);
}

#[tokio::test]
async fn only_administrators_may_add_staff() {
    let app = spawn_app().await;
    let public = registered(&app, "sam@example.org").await;
    let body = json!({"forename": "Eve", "surname": "X", "email": "eve@example.org", "role": "administrator"});

    let as_public = bearer(
        app.client
            .post(format!("{}/api/v1/staff-accounts", app.address)),
        &public,
    )
    .json(&body)
    .send()
    .await
    .unwrap();
    let anonymous = app.post("/api/v1/staff-accounts", &body).await;

    assert_eq!(as_public.status(), 403);
    let problem: Problem = as_public.json().await.unwrap();
    assert_eq!(problem.code, "forbidden");
    assert_eq!(anonymous.status(), 401);
}

#[tokio::test]
async fn an_account_moves_to_a_new_address_proved_by_a_code_and_the_old_one_is_told() {
    let app = spawn_app().await;
    let session = registered(&app, "sam@example.org").await;

    let wrong = bearer(
        app.client
            .post(format!("{}/api/v1/account/email", app.address)),
        &session,
    )
    .json(&json!({"email": "sam@new.example", "password": "Not-My-Password-1!"}))
    .send()
    .await
    .unwrap();
    assert_eq!(wrong.status(), 422);

    let asked = bearer(
        app.client
            .post(format!("{}/api/v1/account/email", app.address)),
        &session,
    )
    .json(&json!({"email": "Sam@New.example", "password": PASSWORD}))
    .send()
    .await
    .unwrap();
    assert_eq!(asked.status(), 202);
    let code = app
        .mailbox
        .next_containing("sam@new.example", 0, "confirm this as the email")
        .await
        .code();

    let confirmed = bearer(
        app.client
            .post(format!("{}/api/v1/account/email/verify", app.address)),
        &session,
    )
    .json(&json!({"code": code}))
    .send()
    .await
    .unwrap();
    assert_eq!(confirmed.status(), 200);
    let account: AccountView = confirmed.json().await.unwrap();
    assert_eq!(account.email, "sam@new.example");
    let notice = app
        .mailbox
        .next_containing("sam@example.org", 0, "was changed on")
        .await;
    assert!(notice.raw.contains("sam@new.example"));
    app.signed_in("sam@new.example", PASSWORD).await;
}

#[tokio::test]
async fn a_welsh_speakers_emails_come_in_welsh_until_they_choose_english() {
    let app = spawn_app().await;
    let email = "sian@example.org";
    let registered = app
        .post(
            "/api/v1/registrations",
            &json!({
                "forename": "Siân", "surname": "Jones", "email": email,
                "password": PASSWORD, "confirm_password": PASSWORD,
                "bot_check": app.bot_check().await, "language": "cy",
            }),
        )
        .await;
    assert_eq!(registered.status(), 202);
    let verification = app.mailbox.nth(email, 1).await;
    assert!(
        verification.text().contains("Eich cod dilysu yw"),
        "{}",
        verification.raw
    );
    let session: SessionCreated = app
        .post(
            "/api/v1/registrations/verify",
            &json!({"email": email, "code": verification.code()}),
        )
        .await
        .json()
        .await
        .unwrap();
    assert_eq!(session.account.language, Language::Welsh);

    let before = app.mailbox.to(email).len();
    let started = app
        .post(
            "/api/v1/sign-in",
            &json!({"email": email, "password": PASSWORD, "bot_check": app.bot_check().await}),
        )
        .await;
    assert_eq!(started.status(), 202);
    let code = app
        .mailbox
        .next_containing(email, before, "Eich cod mewngofnodi yw")
        .await;
    assert!(!code.text().contains("sign-in code"), "{}", code.raw);

    let chose = bearer(
        app.client
            .put(format!("{}/api/v1/account/language", app.address)),
        &session,
    )
    .json(&json!({"language": "en"}))
    .send()
    .await
    .unwrap();
    assert_eq!(chose.status(), 200);
    let account: AccountView = chose.json().await.unwrap();
    assert_eq!(account.language, Language::English);
    // signed_in waits for "Your sign-in code": the next code comes in English.
    app.signed_in(email, PASSWORD).await;

    let neither = bearer(
        app.client
            .put(format!("{}/api/v1/account/language", app.address)),
        &session,
    )
    .json(&json!({"language": "fr"}))
    .send()
    .await
    .unwrap();
    assert_eq!(neither.status(), 422);
    let problem: Problem = neither.json().await.unwrap();
    assert!(problem.errors.contains_key("language"), "{problem:?}");
}
