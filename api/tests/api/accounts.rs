use serde_json::json;
use shared::api::{AccountView, CodeSent, Problem, Role, SessionCreated};

use crate::helpers::{TestApp, spawn_app};

const PASSWORD: &str = "Tall-Trees-4-Ever!";

fn refresh_cookie(response: &reqwest::Response) -> String {
    let header = response
        .headers()
        .get_all("set-cookie")
        .iter()
        .map(|v| v.to_str().unwrap().to_owned())
        .find(|v| v.starts_with("portal_refresh="))
        .expect("a refresh cookie is set");
    header
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("portal_refresh=")
        .to_owned()
}

async fn refresh(app: &TestApp, token: &str) -> reqwest::Response {
    app.client
        .post(format!("{}/api/v1/sessions/refresh", app.address))
        .header("cookie", format!("portal_refresh={token}"))
        .send()
        .await
        .unwrap()
}

async fn account(app: &TestApp, access_token: &str) -> reqwest::Response {
    app.client
        .get(format!("{}/api/v1/account", app.address))
        .bearer_auth(access_token)
        .send()
        .await
        .unwrap()
}

async fn sign_in(app: &TestApp, email: &str, password: &str) -> reqwest::Response {
    let bot_check = app.bot_check().await;
    app.post(
        "/api/v1/sign-in",
        &json!({"email": email, "password": password, "bot_check": bot_check}),
    )
    .await
}

#[tokio::test]
async fn a_professional_registers_with_an_emailed_code_and_is_signed_in() {
    let app = spawn_app().await;
    let bot_check = app.bot_check().await;

    let response = app
        .post(
            "/api/v1/registrations",
            &json!({"forename": "Priya", "surname": "Shah", "email": "Priya.Shah@NHS.example",
                    "password": PASSWORD, "confirm_password": PASSWORD, "bot_check": bot_check}),
        )
        .await;
    assert_eq!(response.status(), 202);
    let sent: CodeSent = response.json().await.unwrap();
    assert_eq!(sent.email, "priya.shah@nhs.example");
    assert_eq!(sent.expires_in_seconds, 20 * 60);

    // The email went through a real SMTP server, and the code is shown as "123 456".
    let email = app.mailbox.nth("priya.shah@nhs.example", 1).await;
    assert!(email.text().contains("Your verification code"));
    let code = email.code();
    assert_eq!(code.len(), 7);

    let response = app
        .post(
            "/api/v1/registrations/verify",
            &json!({"email": "priya.shah@nhs.example", "code": code}),
        )
        .await;
    assert_eq!(response.status(), 201);
    let cookie = response
        .headers()
        .get("set-cookie")
        .unwrap()
        .to_str()
        .unwrap()
        .to_owned();
    for attribute in [
        "HttpOnly",
        "Secure",
        "SameSite=Strict",
        "Path=/api/v1/sessions",
    ] {
        assert!(cookie.contains(attribute), "{cookie} lacks {attribute}");
    }
    let session: SessionCreated = response.json().await.unwrap();
    assert!(
        !serde_json::to_string(&session)
            .unwrap()
            .contains(&refresh_cookie_value(&cookie))
    );
    assert_eq!(session.idle_timeout_seconds, 20 * 60);

    let me: AccountView = account(&app, &session.access_token)
        .await
        .json()
        .await
        .unwrap();
    assert_eq!((me.forename.as_str(), me.role), ("Priya", Role::Public));
}

fn refresh_cookie_value(set_cookie: &str) -> String {
    set_cookie
        .split(';')
        .next()
        .unwrap()
        .trim_start_matches("portal_refresh=")
        .to_owned()
}

#[tokio::test]
async fn the_code_is_accepted_without_its_space() {
    let app = spawn_app().await;
    let bot_check = app.bot_check().await;
    app.post(
        "/api/v1/registrations",
        &json!({"forename": "Sam", "surname": "Jones", "email": "sam@example.org",
                "password": PASSWORD, "confirm_password": PASSWORD, "bot_check": bot_check}),
    )
    .await;
    let code = app
        .mailbox
        .nth("sam@example.org", 1)
        .await
        .code()
        .replace(' ', "");

    let response = app
        .post(
            "/api/v1/registrations/verify",
            &json!({"email": "sam@example.org", "code": code}),
        )
        .await;

    assert_eq!(response.status(), 201);
}

#[tokio::test]
async fn registering_an_address_that_has_an_account_answers_the_same_and_tells_its_owner() {
    let app = spawn_app().await;
    assert_eq!(
        app.register("sam@example.org", PASSWORD).await.status(),
        201
    );
    let bot_check = app.bot_check().await;

    let again = app
        .post(
            "/api/v1/registrations",
            &json!({"forename": "Mallory", "surname": "X", "email": "sam@example.org",
                    "password": "Other-Pass-99!x", "confirm_password": "Other-Pass-99!x",
                    "bot_check": bot_check}),
        )
        .await;

    assert_eq!(again.status(), 202);
    let sent: CodeSent = again.json().await.unwrap();
    assert_eq!(sent.email, "sam@example.org");
    let notice = app.mailbox.nth("sam@example.org", 2).await;
    assert!(notice.text().contains("you already have an account"));
    // The account is untouched: the original password still signs in.
    assert_eq!(
        sign_in(&app, "sam@example.org", PASSWORD).await.status(),
        202
    );
}

#[tokio::test]
async fn bad_registration_answers_name_every_field_and_store_nothing() {
    let app = spawn_app().await;
    let bot_check = app.bot_check().await;

    let response = app
        .post(
            "/api/v1/registrations",
            &json!({"forename": "", "surname": "Shah", "email": "not-an-email",
                    "password": "password", "confirm_password": "passw0rd", "bot_check": bot_check}),
        )
        .await;

    assert_eq!(response.status(), 422);
    assert_eq!(
        response.headers()["content-type"],
        "application/problem+json"
    );
    let problem: Problem = response.json().await.unwrap();
    assert_eq!(
        problem.errors.keys().collect::<Vec<_>>(),
        ["confirm_password", "email", "forename", "password"]
    );
    // Nothing was stored, so the same bot check is still unspent and registration works.
    let response = app
        .post(
            "/api/v1/registrations",
            &json!({"forename": "Priya", "surname": "Shah", "email": "priya@example.org",
                    "password": PASSWORD, "confirm_password": PASSWORD, "bot_check": bot_check}),
        )
        .await;
    assert_eq!(response.status(), 202);
}

#[tokio::test]
async fn unknown_fields_and_oversized_bodies_are_refused() {
    let app = spawn_app().await;

    let typo = app
        .post(
            "/api/v1/sign-in",
            &json!({"emial": "a@b.org", "password": "x", "bot_check": ""}),
        )
        .await;
    assert_eq!(typo.status(), 422);
    let problem: Problem = typo.json().await.unwrap();
    assert_eq!(problem.code, "validation_failed");
    assert!(problem.errors.contains_key("emial"), "{:?}", problem.errors);

    let huge = "x".repeat(300 * 1024);
    let too_big = app
        .post(
            "/api/v1/sign-in",
            &json!({"email": huge, "password": "x", "bot_check": ""}),
        )
        .await;
    assert_eq!(too_big.status(), 413);
    let problem: Problem = too_big.json().await.unwrap();
    assert_eq!(problem.code, "payload_too_large");
}

#[tokio::test]
async fn a_bot_check_solution_works_only_once() {
    let app = spawn_app().await;
    let bot_check = app.bot_check().await;
    let body = json!({"email": "nobody@example.org", "bot_check": bot_check});

    assert_eq!(
        app.post("/api/v1/password-resets", &body).await.status(),
        202
    );
    let replay = app.post("/api/v1/password-resets", &body).await;

    assert_eq!(replay.status(), 422);
    let problem: Problem = replay.json().await.unwrap();
    assert!(problem.errors.contains_key("bot_check"));
    let forged = app
        .post(
            "/api/v1/password-resets",
            &json!({"email": "nobody@example.org", "bot_check": "e30="}),
        )
        .await;
    assert_eq!(forged.status(), 422);
}

#[tokio::test]
async fn sign_in_needs_the_password_and_then_the_emailed_code() {
    let app = spawn_app().await;
    app.register("sam@example.org", PASSWORD).await;

    let started = sign_in(&app, "SAM@example.org", PASSWORD).await;
    assert_eq!(started.status(), 202);
    let code = app.mailbox.nth("sam@example.org", 2).await;
    assert!(code.text().contains("Your sign-in code"));

    let wrong = app
        .post(
            "/api/v1/sign-in/verify",
            &json!({"email": "sam@example.org", "code": "000 000"}),
        )
        .await;
    assert_eq!(wrong.status(), 422);

    let signed_in = app
        .post(
            "/api/v1/sign-in/verify",
            &json!({"email": "sam@example.org", "code": code.code()}),
        )
        .await;
    assert_eq!(signed_in.status(), 201);
    let session: SessionCreated = signed_in.json().await.unwrap();
    assert_eq!(account(&app, &session.access_token).await.status(), 200);

    // The code is single use.
    let reused = app
        .post(
            "/api/v1/sign-in/verify",
            &json!({"email": "sam@example.org", "code": code.code()}),
        )
        .await;
    assert_eq!(reused.status(), 422);
}

#[tokio::test]
async fn a_wrong_password_never_says_whether_the_address_is_registered() {
    let app = spawn_app().await;
    app.register("sam@example.org", PASSWORD).await;

    let wrong_password = sign_in(&app, "sam@example.org", "Wrong-Password-1!").await;
    let no_account = sign_in(&app, "nobody@example.org", "Wrong-Password-1!").await;

    assert_eq!(wrong_password.status(), 401);
    assert_eq!(no_account.status(), 401);
    let a: Problem = wrong_password.json().await.unwrap();
    let b: Problem = no_account.json().await.unwrap();
    // The same answer, but for each request's own id.
    assert_ne!(a.request_id, b.request_id);
    let without_id = |p: Problem| Problem {
        request_id: None,
        ..p
    };
    assert_eq!(without_id(a.clone()), without_id(b));
    assert_eq!(a.code, "invalid_credentials");
}

/// Signs in (step 1) as if from `client`, through the test's own load balancer.
async fn sign_in_from(
    app: &TestApp,
    client: &str,
    email: &str,
    password: &str,
) -> reqwest::Response {
    let bot_check = app.bot_check().await;
    app.client
        .post(format!("{}/api/v1/sign-in", app.address))
        .header("X-Forwarded-For", client)
        .json(&json!({"email": email, "password": password, "bot_check": bot_check}))
        .send()
        .await
        .unwrap()
}

#[tokio::test]
async fn repeated_wrong_passwords_hold_back_only_the_guesser_and_never_a_reset() {
    let app = crate::helpers::spawn_app_with(|settings| {
        settings.server.trusted_proxies = api::proxies::TrustedProxies::parse("127.0.0.1").unwrap();
    })
    .await;
    app.register("sam@example.org", PASSWORD).await;
    let guesser = "203.0.113.66";

    for email in ["sam@example.org", "nobody@example.org"] {
        for _ in 0..4 {
            let wrong = sign_in_from(&app, guesser, email, "Wrong-Password-1!").await;
            assert_eq!(wrong.status(), 401);
        }
        let fifth = sign_in_from(&app, guesser, email, "Wrong-Password-1!").await;
        assert_eq!(fifth.status(), 429, "{email}: registered or not, the same");
        assert!(fifth.headers().contains_key("retry-after"));
        let problem: Problem = fifth.json().await.unwrap();
        let detail = problem.detail.unwrap();
        assert!(detail.contains("wait until"));
        assert!(
            detail.contains("(GMT)") || detail.contains("(BST)"),
            "{detail}"
        );
    }
    // The guesser waits, even with the right password...
    assert_eq!(
        sign_in_from(&app, guesser, "sam@example.org", PASSWORD)
            .await
            .status(),
        429
    );
    // ...but Sam, from her own address, is not locked out by someone else's guessing.
    assert_eq!(
        sign_in_from(&app, "198.51.100.20", "sam@example.org", PASSWORD)
            .await
            .status(),
        202
    );

    // Had Sam been the one at that address, a reset with the emailed code still works, and
    // lets her sign in from there at once.
    let before = app.mailbox.to("sam@example.org").len();
    let asked = app
        .client
        .post(format!("{}/api/v1/password-resets", app.address))
        .header("X-Forwarded-For", guesser)
        .json(&json!({"email": "sam@example.org", "bot_check": app.bot_check().await}))
        .send()
        .await
        .unwrap();
    assert_eq!(asked.status(), 202);
    let code = app
        .mailbox
        .next_containing("sam@example.org", before, "reset")
        .await
        .code();
    let new_password = "Brand-New-Pass-7!";
    let done = app
        .client
        .post(format!("{}/api/v1/password-resets/complete", app.address))
        .header("X-Forwarded-For", guesser)
        .json(&json!({"email": "sam@example.org", "code": code,
                      "password": new_password, "confirm_password": new_password}))
        .send()
        .await
        .unwrap();
    assert_eq!(done.status(), 204);
    assert_eq!(
        sign_in_from(&app, guesser, "sam@example.org", new_password)
            .await
            .status(),
        202
    );
}

/// Registration step 2 for `email` with a name and password; the code its email carries.
async fn registered_code(app: &TestApp, email: &str, forename: &str, password: &str) -> String {
    let before = app.mailbox.to(email).len();
    let asked = app
        .post(
            "/api/v1/registrations",
            &json!({"forename": forename, "surname": "Jones", "email": email,
                    "password": password, "confirm_password": password,
                    "bot_check": app.bot_check().await}),
        )
        .await;
    assert_eq!(asked.status(), 202);
    let email = app.mailbox.next_containing(email, before, forename).await;
    email.code()
}

/// Registration step 3 for sam@example.org with `code`, which must be taken.
async fn verified(app: &TestApp, code: &str) -> SessionCreated {
    let verified = app
        .post(
            "/api/v1/registrations/verify",
            &json!({"email": "sam@example.org", "code": code}),
        )
        .await;
    assert_eq!(verified.status(), 201);
    verified.json().await.unwrap()
}

#[tokio::test]
async fn a_second_registration_of_an_unproved_address_cannot_take_it_over() {
    let app = spawn_app().await;
    let owners = registered_code(&app, "sam@example.org", "Sam", PASSWORD).await;
    // Someone else registers Sam's address before Sam has entered her code.
    let squatters = registered_code(&app, "sam@example.org", "Mallory", "Other-Person-42!").await;
    assert_ne!(owners, squatters);

    // Sam's own code still works, and the account is hers: her name, her password.
    let session = verified(&app, &owners).await;
    assert_eq!(session.account.forename, "Sam");
    assert_eq!(
        sign_in(&app, "sam@example.org", PASSWORD).await.status(),
        202
    );
    assert_eq!(
        sign_in(&app, "sam@example.org", "Other-Person-42!")
            .await
            .status(),
        401
    );
    // The other registration's code died with it.
    let late = app
        .post(
            "/api/v1/registrations/verify",
            &json!({"email": "sam@example.org", "code": squatters}),
        )
        .await;
    assert_eq!(late.status(), 422);
}

#[tokio::test]
async fn the_owner_of_an_address_replaces_a_registration_someone_else_made() {
    let app = spawn_app().await;
    let _squatters = registered_code(&app, "sam@example.org", "Mallory", "Other-Person-42!").await;
    let owners = registered_code(&app, "sam@example.org", "Sam", PASSWORD).await;

    let session = verified(&app, &owners).await;
    assert_eq!(session.account.forename, "Sam");
    assert_eq!(
        sign_in(&app, "sam@example.org", PASSWORD).await.status(),
        202
    );
}

#[tokio::test]
async fn a_code_stops_working_after_five_wrong_tries() {
    let app = spawn_app().await;
    let bot_check = app.bot_check().await;
    app.post(
        "/api/v1/registrations",
        &json!({"forename": "Sam", "surname": "Jones", "email": "sam@example.org",
                "password": PASSWORD, "confirm_password": PASSWORD, "bot_check": bot_check}),
    )
    .await;
    let code = app.mailbox.nth("sam@example.org", 1).await.code();
    let wrong = if code == "111 111" {
        "222 222"
    } else {
        "111 111"
    };

    for _ in 0..5 {
        let response = app
            .post(
                "/api/v1/registrations/verify",
                &json!({"email": "sam@example.org", "code": wrong}),
            )
            .await;
        assert_eq!(response.status(), 422);
    }
    let right = app
        .post(
            "/api/v1/registrations/verify",
            &json!({"email": "sam@example.org", "code": code}),
        )
        .await;
    assert_eq!(
        right.status(),
        422,
        "the code is spent: a new one must be sent"
    );
    let problem: Problem = right.json().await.unwrap();
    assert!(problem.errors["code"][0].contains("too many times"));
}

#[tokio::test]
async fn refreshing_rotates_the_token_and_a_replayed_token_ends_the_session() {
    let app = spawn_app().await;
    let registered = app.register("sam@example.org", PASSWORD).await;
    let first = refresh_cookie(&registered);

    let refreshed = refresh(&app, &first).await;
    assert_eq!(refreshed.status(), 200);
    let second = refresh_cookie(&refreshed);
    assert_ne!(first, second);
    let newest: SessionCreated = refreshed.json().await.unwrap();
    assert_eq!(account(&app, &newest.access_token).await.status(), 200);

    // Someone replays the first token: the whole family ends, including the newest token and
    // the access token it gave, at once rather than when it runs out.
    assert_eq!(refresh(&app, &first).await.status(), 401);
    assert_eq!(refresh(&app, &second).await.status(), 401);
    assert_eq!(account(&app, &newest.access_token).await.status(), 401);
}

#[tokio::test]
async fn signing_out_ends_the_session() {
    let app = spawn_app().await;
    let registered = app.register("sam@example.org", PASSWORD).await;
    let token = refresh_cookie(&registered);
    let session: SessionCreated = registered.json().await.unwrap();
    assert_eq!(account(&app, &session.access_token).await.status(), 200);

    let out = app
        .client
        .delete(format!("{}/api/v1/sessions/current", app.address))
        .header("cookie", format!("portal_refresh={token}"))
        .send()
        .await
        .unwrap();

    assert_eq!(out.status(), 204);
    assert!(
        out.headers()["set-cookie"]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    // The browser is told to drop what the tab stored (answers to forms) as well.
    assert_eq!(out.headers()["clear-site-data"], "\"storage\"");
    assert_eq!(refresh(&app, &token).await.status(), 401);
    // The access token already issued stops working now, not minutes later.
    assert_eq!(account(&app, &session.access_token).await.status(), 401);
}

#[tokio::test]
async fn a_password_reset_changes_the_password_and_ends_every_session() {
    let app = spawn_app().await;
    let registered = app.register("sam@example.org", PASSWORD).await;
    let old_session = refresh_cookie(&registered);
    let bot_check = app.bot_check().await;

    let asked = app
        .post(
            "/api/v1/password-resets",
            &json!({"email": "sam@example.org", "bot_check": bot_check}),
        )
        .await;
    assert_eq!(asked.status(), 202);
    let code = app.mailbox.nth("sam@example.org", 2).await.code();
    let new_password = "Brand-New-Pass-7!";

    let done = app
        .post(
            "/api/v1/password-resets/complete",
            &json!({"email": "sam@example.org", "code": code,
                    "password": new_password, "confirm_password": new_password}),
        )
        .await;

    assert_eq!(done.status(), 204);
    assert_eq!(refresh(&app, &old_session).await.status(), 401);
    assert!(
        app.mailbox
            .nth("sam@example.org", 3)
            .await
            .raw
            .contains("was changed")
    );
    assert_eq!(
        sign_in(&app, "sam@example.org", PASSWORD).await.status(),
        401
    );
    assert_eq!(
        sign_in(&app, "sam@example.org", new_password)
            .await
            .status(),
        202
    );
}

#[tokio::test]
async fn the_account_route_needs_a_valid_token() {
    let app = spawn_app().await;

    assert_eq!(app.get("/api/v1/account").await.status(), 401);
    let forged = account(&app, "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl").await;
    assert_eq!(forged.status(), 401);
    let problem: Problem = forged.json().await.unwrap();
    assert_eq!(problem.code, "not_signed_in");
}

#[tokio::test]
async fn an_expired_code_is_refused() {
    use api::db::schema::one_time_codes;
    use diesel::prelude::*;
    let app = spawn_app().await;
    let bot_check = app.bot_check().await;
    app.post(
        "/api/v1/registrations",
        &json!({"forename": "Sam", "surname": "Jones", "email": "sam@example.org",
                "password": PASSWORD, "confirm_password": PASSWORD, "bot_check": bot_check}),
    )
    .await;
    let code = app.mailbox.nth("sam@example.org", 1).await.code();
    // Twenty-one minutes pass.
    diesel::update(one_time_codes::table)
        .set(
            one_time_codes::expires_at
                .eq(chrono::Utc::now().naive_utc() - chrono::Duration::minutes(1)),
        )
        .execute(&mut *app.database.get().unwrap())
        .unwrap();

    let response = app
        .post(
            "/api/v1/registrations/verify",
            &json!({"email": "sam@example.org", "code": code}),
        )
        .await;

    assert_eq!(response.status(), 422);
    let problem: Problem = response.json().await.unwrap();
    assert!(problem.errors["code"][0].contains("expired"));
}

#[tokio::test]
async fn a_session_idle_for_twenty_minutes_has_ended() {
    use api::db::schema::sessions;
    use diesel::prelude::*;
    let app = spawn_app().await;
    let registered = app.register("sam@example.org", PASSWORD).await;
    let token = refresh_cookie(&registered);
    diesel::update(sessions::table)
        .set(
            sessions::last_active_at
                .eq(chrono::Utc::now().naive_utc() - chrono::Duration::minutes(20)),
        )
        .execute(&mut *app.database.get().unwrap())
        .unwrap();

    assert_eq!(refresh(&app, &token).await.status(), 401);
}

#[tokio::test]
async fn a_session_used_within_twenty_minutes_goes_on() {
    use api::db::schema::sessions;
    use diesel::prelude::*;
    let app = spawn_app().await;
    let registered = app.register("sam@example.org", PASSWORD).await;
    let token = refresh_cookie(&registered);
    diesel::update(sessions::table)
        .set(
            sessions::last_active_at
                .eq(chrono::Utc::now().naive_utc() - chrono::Duration::minutes(19)),
        )
        .execute(&mut *app.database.get().unwrap())
        .unwrap();

    assert_eq!(refresh(&app, &token).await.status(), 200);
}

#[tokio::test]
async fn one_client_address_is_limited_however_many_addresses_it_tries() {
    let app =
        crate::helpers::spawn_app_with(|settings| settings.auth.attempts_per_address_per_hour = 3)
            .await;

    for n in 0..3 {
        let email = format!("guess{n}@example.org");
        assert_eq!(
            sign_in(&app, &email, "Wrong-Password-1!").await.status(),
            401
        );
    }
    // Three requests use up the allowance: the fourth is refused, as is every later one.
    let fourth = sign_in(&app, "guess3@example.org", "Wrong-Password-1!").await;
    assert_eq!(fourth.status(), 429);
    let problem: Problem = fourth.json().await.unwrap();
    assert_eq!(problem.code, "too_many_attempts");
}

#[tokio::test]
async fn every_route_that_checks_a_secret_or_sends_an_email_has_its_own_limit() {
    let app =
        crate::helpers::spawn_app_with(|settings| settings.auth.attempts_per_address_per_hour = 3)
            .await;
    let code = json!({"email": "sam@example.org", "code": "123 456"});
    let reset = json!({"email": "sam@example.org", "code": "123 456",
                       "password": "Brand-New-Pass-7!", "confirm_password": "Brand-New-Pass-7!"});
    let token = || {
        app.client
            .post(format!("{}/api/v1/oauth/token", app.address))
            .form(&[
                ("grant_type", "client_credentials"),
                ("client_id", "0193b060-0000-7000-8000-000000000060"),
                ("client_secret", "cs_wrong"),
            ])
            .send()
    };
    // Asking for codes again and again: the first is answered, then the address waits (the
    // allowance for sending codes again is a tenth of the others').
    let resend = json!({"email": "sam@example.org"});
    assert_eq!(
        app.post("/api/v1/registrations/resend", &resend)
            .await
            .status(),
        202
    );
    let refused = app.post("/api/v1/registrations/resend", &resend).await;
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
    // ...which never locks anyone at that address out of signing in.
    assert_eq!(
        sign_in(&app, "sam@example.org", "Wrong-Password-1!")
            .await
            .status(),
        401
    );

    for _ in 0..3 {
        assert_eq!(
            app.post("/api/v1/sign-in/verify", &code).await.status(),
            422
        );
        assert_eq!(
            app.post("/api/v1/registrations/verify", &code)
                .await
                .status(),
            422
        );
        assert_eq!(
            app.post("/api/v1/password-resets/complete", &reset)
                .await
                .status(),
            422
        );
        assert_eq!(token().await.unwrap().status(), 401);
    }
    for path in ["/api/v1/sign-in/verify", "/api/v1/registrations/verify"] {
        let refused = app.post(path, &code).await;
        assert_eq!(refused.status(), 429, "{path}");
        assert!(refused.headers().contains_key("retry-after"), "{path}");
    }
    assert_eq!(
        app.post("/api/v1/password-resets/complete", &reset)
            .await
            .status(),
        429
    );
    let refused = token().await.unwrap();
    assert_eq!(refused.status(), 429);
    assert!(refused.headers().contains_key("retry-after"));
}

#[tokio::test]
async fn behind_our_load_balancer_the_client_is_the_address_it_was_reached_from() {
    let app = crate::helpers::spawn_app_with(|settings| {
        settings.auth.attempts_per_address_per_hour = 3;
        settings.server.trusted_proxies = api::proxies::TrustedProxies::parse("127.0.0.1").unwrap();
    })
    .await;
    // The balancer (this test, on 127.0.0.1) appends the address it was reached from; what is
    // to the left of it the client wrote, a fresh address each time.
    let through_balancer = |written: String, reached_from: &'static str| {
        let app = &app;
        async move {
            let bot_check = app.bot_check().await;
            app.client
                .post(format!("{}/api/v1/sign-in", app.address))
                .header("X-Forwarded-For", format!("{written}, {reached_from}"))
                .json(
                    &json!({"email": "guess@example.org", "password": "Wrong-Password-1!",
                              "bot_check": bot_check}),
                )
                .send()
                .await
                .unwrap()
                .status()
        }
    };
    for n in 0..3 {
        let written = format!("198.51.100.{n}, 127.0.0.1");
        assert_eq!(through_balancer(written, "203.0.113.9").await, 401);
    }
    assert_eq!(
        through_balancer("198.51.100.77, 127.0.0.1".into(), "203.0.113.9").await,
        429,
        "the addresses the client wrote do not buy it a fresh allowance"
    );
    assert_eq!(
        through_balancer("not an address".into(), "203.0.113.9").await,
        429
    );
    // Someone else behind the same balancer is not held back by it.
    assert_eq!(
        through_balancer("198.51.100.1".into(), "203.0.113.10").await,
        401
    );
}

#[tokio::test]
async fn a_password_that_is_easy_to_guess_is_refused_and_one_in_any_language_taken() {
    let app = spawn_app().await;
    let register = |password: &'static str, email: &'static str| {
        let app = &app;
        async move {
            app.post(
                "/api/v1/registrations",
                &json!({"forename": "Priya", "surname": "Shah", "email": email,
                        "password": password, "confirm_password": password,
                        "bot_check": app.bot_check().await}),
            )
            .await
        }
    };
    for guessable in ["Password12345!", "Summer2024!!", "Welcome1234!"] {
        let refused = register(guessable, "weak@example.org").await;
        assert_eq!(refused.status(), 422, "{guessable}");
        let problem: Problem = refused.json().await.unwrap();
        assert!(
            problem.errors["password"][0].starts_with("This password is too easy to guess"),
            "{guessable}: {:?}",
            problem.errors
        );
    }
    assert_eq!(
        register("Zürich-Straße-2024!", "zurich@example.org")
            .await
            .status(),
        202
    );
}

#[tokio::test]
async fn another_sites_page_cannot_refresh_or_end_a_session() {
    let app = spawn_app().await;
    let session: SessionCreated = app
        .register("priya@example.org", PASSWORD)
        .await
        .json()
        .await
        .unwrap();
    assert!(!session.access_token.is_empty());
    let cookie = format!("portal_refresh={}", "x".repeat(43));
    let cross_site = |path: &str, method: reqwest::Method, origin: &str, site: Option<&str>| {
        let mut request = app
            .client
            .request(method, format!("{}{path}", app.address))
            .header("Origin", origin)
            .header("Content-Type", "text/plain")
            .header("Cookie", &cookie);
        if let Some(site) = site {
            request = request.header("Sec-Fetch-Site", site);
        }
        request.send()
    };
    for (origin, site) in [
        ("https://evil.example", None),
        (app.address.as_str(), Some("cross-site")),
    ] {
        let refresh = cross_site(
            "/api/v1/sessions/refresh",
            reqwest::Method::POST,
            origin,
            site,
        )
        .await
        .unwrap();
        assert_eq!(refresh.status(), 403, "{origin} {site:?}");
        let end = cross_site(
            "/api/v1/sessions/current",
            reqwest::Method::DELETE,
            origin,
            site,
        )
        .await
        .unwrap();
        assert_eq!(end.status(), 403, "{origin} {site:?}");
    }
    // The portal's own page gets on (here, to "not signed in": the cookie is made up).
    let own = cross_site(
        "/api/v1/sessions/refresh",
        reqwest::Method::POST,
        &app.address,
        Some("same-origin"),
    )
    .await
    .unwrap();
    assert_eq!(own.status(), 401);
}

/// A copy of the shipped email templates, to change.
fn copied_templates() -> tempfile::TempDir {
    let copy = tempfile::TempDir::new().unwrap();
    let shipped = crate::helpers::repository_root().join("api/templates/email");
    for entry in std::fs::read_dir(&shipped).unwrap() {
        let entry = entry.unwrap();
        if entry.file_type().unwrap().is_dir() {
            std::fs::create_dir(copy.path().join(entry.file_name())).unwrap();
            for file in std::fs::read_dir(entry.path()).unwrap() {
                let file = file.unwrap();
                std::fs::copy(
                    file.path(),
                    copy.path().join(entry.file_name()).join(file.file_name()),
                )
                .unwrap();
            }
        } else {
            std::fs::copy(entry.path(), copy.path().join(entry.file_name())).unwrap();
        }
    }
    copy
}

#[tokio::test]
async fn a_council_rewords_an_email_in_its_own_templates_folder_without_a_rebuild() {
    let templates = copied_templates();
    std::fs::write(
        templates.path().join("sign_in_code/subject.txt"),
        "Your one-time code for {{ service }}, as the council words it",
    )
    .unwrap();
    let folder = templates.path().to_owned();
    let app = crate::helpers::spawn_app_with(|settings| {
        settings.email.templates_dir = Some(folder);
    })
    .await;
    app.register("sam@example.org", PASSWORD).await;
    app.signed_in("sam@example.org", PASSWORD).await;
    let sent = app
        .mailbox
        .next_containing("sam@example.org", 0, "as the council words it")
        .await;
    assert!(sent.text().contains("Your one-time code for"));
}

#[tokio::test]
async fn a_mistake_in_a_templates_folder_stops_the_server_at_start_naming_the_file() {
    let templates = copied_templates();
    std::fs::write(
        templates.path().join("password_reset/body.txt"),
        "{% extends \"_layout.txt\" %}{% block content %}Hello {{ forname }}{% endblock %}",
    )
    .unwrap();
    let database = crate::helpers::TestDatabase::create();
    let web_dir = crate::helpers::web_dir();
    let mut settings = crate::helpers::test_settings(&database, &web_dir);
    settings.email.templates_dir = Some(templates.path().to_owned());
    let refused = match api::startup::Application::build(settings).await {
        Ok(_) => panic!("a template naming an unknown value must stop the server"),
        Err(error) => format!("{error:#}"),
    };
    assert!(refused.contains("password_reset"), "{refused}");
}
