//! `spawn_app`: the real server on a random port, on a fresh database of its own.
//!
//! `PORTAL_TEST_BACKEND` chooses the database: `sqlite` (the default) or `postgres`, which needs
//! `PORTAL_TEST_POSTGRES_URL` (a server URL; each test creates and drops a database there).

use std::path::PathBuf;

use api::configuration::{DatabaseSettings, Settings};
use api::startup::Application;
use diesel::{Connection, PgConnection, RunQueryDsl};
use serde_json::{Value, json};
use shared::api::DatabaseBackend;
use tempfile::TempDir;

use crate::mailbox::Mailbox;

pub struct TestApp {
    pub address: String,
    pub client: reqwest::Client,
    pub mailbox: Mailbox,
    /// Where the operations team scrapes `/metrics` (a listener of its own).
    pub metrics_address: Option<String>,
    /// The app's database, for arranging what the API cannot (the first administrator).
    pub database: api::db::Database,
    // Dropped with the app: the database and the temporary folders go with it.
    _database: TestDatabase,
    _web_dir: TempDir,
}

impl TestApp {
    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.client
            .get(format!("{}{path}", self.address))
            .send()
            .await
            .expect("the server answers")
    }

    pub async fn post(&self, path: &str, body: &Value) -> reqwest::Response {
        self.client
            .post(format!("{}{path}", self.address))
            .json(body)
            .send()
            .await
            .expect("the server answers")
    }

    /// A solved bot check, as the browser would send it.
    pub async fn bot_check(&self) -> String {
        use base64::Engine;
        let challenge: shared::api::BotCheckChallenge =
            self.get("/api/v1/bot-check").await.json().await.unwrap();
        let solution = solve_bot_check(&challenge).expect("the challenge is solvable");
        base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(&solution).unwrap())
    }

    /// Signs in with password and emailed code; returns the session.
    pub async fn signed_in(&self, email: &str, password: &str) -> shared::api::SessionCreated {
        self.signed_in_with_cookie(email, password).await.0
    }

    /// Signs in; returns the session and the refresh token from its cookie.
    pub async fn signed_in_with_cookie(
        &self,
        email: &str,
        password: &str,
    ) -> (shared::api::SessionCreated, String) {
        let before = self.mailbox.to(email).len();
        let bot_check = self.bot_check().await;
        let started = self
            .post(
                "/api/v1/sign-in",
                &json!({"email": email, "password": password, "bot_check": bot_check}),
            )
            .await;
        assert_eq!(started.status(), 202, "{}", started.text().await.unwrap());
        let code = self
            .mailbox
            .next_containing(email, before, "Your sign-in code")
            .await
            .code();
        let response = self
            .post(
                "/api/v1/sign-in/verify",
                &json!({"email": email, "code": code}),
            )
            .await;
        assert_eq!(response.status(), 201);
        let cookie = refresh_cookie(&response);
        (response.json().await.unwrap(), cookie)
    }

    /// Registers and verifies an account; returns the session answer.
    pub async fn register(&self, email: &str, password: &str) -> reqwest::Response {
        let response = self
            .post(
                "/api/v1/registrations",
                &json!({
                    "forename": "Priya", "surname": "Shah", "email": email,
                    "password": password, "confirm_password": password,
                    "bot_check": self.bot_check().await,
                }),
            )
            .await;
        assert_eq!(response.status(), 202, "{}", response.text().await.unwrap());
        let code = self.mailbox.nth(email, 1).await.code();
        self.post(
            "/api/v1/registrations/verify",
            &json!({"email": email, "code": code}),
        )
        .await
    }
}

/// The refresh token a sign-in or a refresh set as its cookie.
pub fn refresh_cookie(response: &reqwest::Response) -> String {
    response
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find_map(|v| v.strip_prefix("portal_refresh="))
        .and_then(|v| v.split(';').next())
        .expect("a refresh cookie")
        .to_owned()
}

/// The backend these tests run against, as `just test` chooses it.
pub fn backend() -> DatabaseBackend {
    match std::env::var("PORTAL_TEST_BACKEND").as_deref() {
        Ok("postgres") => DatabaseBackend::Postgres,
        Ok("sqlite") | Err(_) => DatabaseBackend::Sqlite,
        Ok(other) => panic!("PORTAL_TEST_BACKEND={other}: use sqlite or postgres"),
    }
}

/// A database that exists for one test.
pub struct TestDatabase {
    pub settings: DatabaseSettings,
    _dir: Option<TempDir>,
    postgres: Option<(String, String)>,
}

impl TestDatabase {
    pub fn create() -> Self {
        let base = DatabaseSettings {
            url: String::new(),
            pool_size: 4,
            connect_timeout_seconds: 5,
            sqlite_busy_timeout_ms: 5000,
        };
        match backend() {
            DatabaseBackend::Sqlite => {
                let dir = TempDir::new().unwrap();
                let url = format!("sqlite://{}", dir.path().join("portal.db").display());
                Self {
                    settings: DatabaseSettings { url, ..base },
                    _dir: Some(dir),
                    postgres: None,
                }
            }
            DatabaseBackend::Postgres => {
                let server = std::env::var("PORTAL_TEST_POSTGRES_URL").expect(
                    "PORTAL_TEST_BACKEND=postgres needs PORTAL_TEST_POSTGRES_URL, \
                     for example postgres://postgres@127.0.0.1:55432/postgres",
                );
                let name = format!("portal_test_{}", uuid::Uuid::new_v4().simple());
                let mut admin = PgConnection::establish(&server).unwrap();
                diesel::sql_query(format!("CREATE DATABASE {name}"))
                    .execute(&mut admin)
                    .unwrap();
                let mut url = url::Url::parse(&server).unwrap();
                url.set_path(&name);
                Self {
                    settings: DatabaseSettings {
                        url: url.to_string(),
                        ..base
                    },
                    _dir: None,
                    postgres: Some((server, name)),
                }
            }
        }
    }
}

impl Drop for TestDatabase {
    fn drop(&mut self) {
        if let Some((server, name)) = &self.postgres {
            // FORCE ends the pool's connections, which outlive the test's server.
            if let Ok(mut admin) = PgConnection::establish(server) {
                let _ = diesel::sql_query(format!("DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
                    .execute(&mut admin);
            }
        }
    }
}

pub fn repository_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// Settings for a test server: defaults, a random port, the demonstration council, one worker.
pub fn test_settings(database: &TestDatabase, web_dir: &TempDir) -> Settings {
    let mut settings = Settings::load(Some(
        &repository_root().join("api/tests/fixtures/portal.toml"),
    ))
    .expect("the test settings load");
    settings.server.port = 0;
    settings.server.workers = Some(1);
    // Webhook receivers in tests listen on this machine.
    settings.server.allow_local_webhooks = true;
    settings.database = database.settings.clone();
    settings.council_file = repository_root().join("config/council.toml");
    settings.bank_holidays_file = repository_root().join("config/bank-holidays.json");
    settings.forms_dir = repository_root().join("shared/forms");
    settings.web_dir = web_dir.path().to_path_buf();
    settings
}

/// The ALTCHA proof of work, as the browser's worker (`web/static/bot-check.js`) does it: the
/// number `n` for which SHA-256(salt + n) is the challenge.
pub fn solve_bot_check(
    challenge: &shared::api::BotCheckChallenge,
) -> Option<shared::api::BotCheckSolution> {
    use sha2::{Digest, Sha256};
    let target: Vec<u8> = (0..challenge.challenge.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&challenge.challenge[i..i + 2], 16).unwrap())
        .collect();
    (0..=challenge.maxnumber).find_map(|n| {
        let digest = Sha256::digest(format!("{}{n}", challenge.salt).as_bytes());
        (digest.as_slice() == target).then(|| shared::api::BotCheckSolution {
            algorithm: challenge.algorithm.clone(),
            challenge: challenge.challenge.clone(),
            number: n,
            salt: challenge.salt.clone(),
            signature: challenge.signature.clone(),
        })
    })
}

/// A stand-in for `web/dist` as `tools/web-dist` leaves it (hashed names, compressed copies,
/// `manifest.json`): the tests check how the server serves the app, not the app.
pub fn web_dir() -> TempDir {
    let dir = TempDir::new().unwrap();
    let write = |path: &str, content: &[u8]| {
        let path = dir.path().join(path.trim_start_matches('/'));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
    };
    let mut manifest = serde_json::Map::new();
    let mut publish = |key: &str, path: &str, content: &[u8]| {
        write(path, content);
        // Stand-ins for the compressed copies: the server sends the build's bytes as they are.
        write(
            &format!("{path}.br"),
            format!("brotli of {path}").as_bytes(),
        );
        write(&format!("{path}.gz"), format!("gzip of {path}").as_bytes());
        manifest.insert(key.to_owned(), json!(path));
    };
    publish(
        "app.css",
        "/assets/app.0123456789.css",
        b"body { margin: 0 }",
    );
    publish(
        "bot-check.js",
        "/assets/bot-check.0123456789.js",
        b"self.onmessage = () => {};",
    );
    for bundle in ["public", "forms", "staff", "admin"] {
        publish(
            &format!("{bundle}.start"),
            &format!("/pkg/{bundle}-start.0123456789.js"),
            b"// start",
        );
        publish(
            &format!("{bundle}.glue"),
            &format!("/pkg/{bundle}.0123456789.js"),
            b"// glue",
        );
        publish(
            &format!("{bundle}.wasm"),
            &format!("/pkg/{bundle}_bg.0123456789.wasm"),
            b"\0asm",
        );
    }
    write("/assets/images/crest.0123456789.png", b"\x89PNG");
    write("/manifest.json", &serde_json::to_vec(&manifest).unwrap());
    dir
}

pub async fn spawn_app() -> TestApp {
    spawn_app_with(|_| {}).await
}

/// Spawns the app after `adjust` has changed its settings.
pub async fn spawn_app_with(adjust: impl FnOnce(&mut Settings)) -> TestApp {
    let database = TestDatabase::create();
    let web_dir = web_dir();
    let mailbox = Mailbox::start();
    let mut settings = test_settings(&database, &web_dir);
    let database_settings = database.settings.clone();
    settings.email.smtp_url = Some(format!("smtp://127.0.0.1:{}", mailbox.port));
    // Keep the proof of work small: tests check the protocol, not its cost.
    settings.auth.bot_check_max_number = 2000;
    adjust(&mut settings);
    let application = Application::build(settings)
        .await
        .expect("the application builds");
    let address = format!("http://127.0.0.1:{}", application.port());
    let metrics_address = application
        .metrics_port()
        .map(|port| format!("http://127.0.0.1:{port}"));
    tokio::spawn(application.run_until_stopped());
    TestApp {
        address,
        metrics_address,
        mailbox,
        database: api::db::Database::connect(&database_settings).expect("the test database opens"),
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .unwrap(),
        _database: database,
        _web_dir: web_dir,
    }
}

impl TestApp {
    /// The settings of this app's database, to start another node on it.
    pub fn database_settings(&self) -> api::configuration::DatabaseSettings {
        self._database.settings.clone()
    }

    /// A member of council staff, created as an administrator would, and signed in.
    pub async fn signed_in_staff(&self, email: &str) -> shared::api::SessionCreated {
        self.signed_in_as(email, shared::api::Role::Staff).await
    }

    /// A member of staff in every team, as a worker covering the whole service would be:
    /// team queues are open only to their members.
    pub async fn signed_in_staff_in_every_team(&self, email: &str) -> shared::api::SessionCreated {
        use api::db::schema::{accounts, team_members, teams};
        use diesel::prelude::*;
        let session = self.signed_in_staff(email).await;
        let mut conn = self.database.get().unwrap();
        let account_id: String = accounts::table
            .filter(accounts::email.eq(email))
            .select(accounts::id)
            .first(&mut conn)
            .unwrap();
        let keys: Vec<String> = teams::table.select(teams::key).load(&mut conn).unwrap();
        for key in keys {
            diesel::insert_into(team_members::table)
                .values((
                    team_members::team_key.eq(key),
                    team_members::account_id.eq(&account_id),
                    team_members::added_at.eq(chrono::Utc::now().naive_utc()),
                ))
                .execute(&mut conn)
                .unwrap();
        }
        session
    }

    /// An administrator, created as `portal create-admin` would, and signed in.
    pub async fn signed_in_admin(&self, email: &str) -> shared::api::SessionCreated {
        self.signed_in_as(email, shared::api::Role::Administrator)
            .await
    }

    async fn signed_in_as(
        &self,
        email: &str,
        role: shared::api::Role,
    ) -> shared::api::SessionCreated {
        use diesel::Connection;
        const STAFF_PASSWORD: &str = "Staff-Pass-2026!";
        let hash = api::passwords::hash(STAFF_PASSWORD).unwrap();
        let request = shared::api::CreateStaffRequest {
            forename: "Sam".into(),
            surname: "Taylor".into(),
            email: email.into(),
            role,
        };
        self.database
            .get()
            .unwrap()
            .transaction(|conn| api::accounts::staff::insert(conn, &request, &hash))
            .unwrap();
        self.signed_in(email, STAFF_PASSWORD).await
    }

    /// Calls the API with `session`'s access token.
    pub fn caller<'a>(&'a self, session: &shared::api::SessionCreated) -> Caller<'a> {
        Caller {
            app: self,
            token: session.access_token.clone(),
        }
    }
}

/// Someone signed in, calling the API.
pub struct Caller<'a> {
    pub app: &'a TestApp,
    pub token: String,
}

impl Caller<'_> {
    /// A request with the caller's token, for a journey's own helpers.
    pub fn request(&self, method: reqwest::Method, path: &str) -> reqwest::RequestBuilder {
        self.app
            .client
            .request(method, format!("{}{path}", self.app.address))
            .bearer_auth(&self.token)
    }

    pub async fn get(&self, path: &str) -> reqwest::Response {
        self.request(reqwest::Method::GET, path)
            .send()
            .await
            .unwrap()
    }

    pub async fn post(&self, path: &str, body: impl serde::Serialize) -> reqwest::Response {
        self.request(reqwest::Method::POST, path)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn put(&self, path: &str, body: impl serde::Serialize) -> reqwest::Response {
        self.request(reqwest::Method::PUT, path)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    pub async fn delete(&self, path: &str) -> reqwest::Response {
        self.request(reqwest::Method::DELETE, path)
            .send()
            .await
            .unwrap()
    }

    /// Any method with a body of any type, for tests that walk the OpenAPI document.
    pub async fn send(
        &self,
        method: reqwest::Method,
        path: &str,
        headers: &[(String, String)],
        body: Option<(&str, Vec<u8>)>,
    ) -> reqwest::Response {
        let mut request = self.request(method, path);
        for (name, value) in headers {
            request = request.header(name, value);
        }
        if let Some((content_type, bytes)) = body {
            request = request.header("Content-Type", content_type).body(bytes);
        }
        request.send().await.unwrap()
    }

    /// A POST of a body that is not JSON (a file, a CSV import).
    pub async fn post_bytes(
        &self,
        path: &str,
        content_type: &str,
        body: impl Into<reqwest::Body>,
    ) -> reqwest::Response {
        self.request(reqwest::Method::POST, path)
            .header("Content-Type", content_type)
            .body(body)
            .send()
            .await
            .unwrap()
    }

    /// Sends a form with an `Idempotency-Key`.
    pub async fn submit(
        &self,
        path: &str,
        key: &str,
        body: impl serde::Serialize,
    ) -> reqwest::Response {
        self.request(reqwest::Method::POST, path)
            .header("Idempotency-Key", key)
            .json(&body)
            .send()
            .await
            .unwrap()
    }

    /// A GET that must succeed, read as `T`.
    pub async fn read<T: serde::de::DeserializeOwned>(&self, path: &str) -> T {
        let response = self.get(path).await;
        assert!(
            response.status().is_success(),
            "GET {path}: {}",
            response.status()
        );
        response.json().await.unwrap()
    }
}
