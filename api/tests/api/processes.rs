//! The `portal` binary run as processes of its own, to be killed outright or run side by side
//! on one database, and what the tests that do so send them.

use std::net::TcpListener;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use api::db::schema::{accounts, submissions};
use diesel::prelude::*;
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::helpers::repository_root;
use crate::referrals::complete_enquiry;

pub(crate) fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Where a server process keeps what is not in the database.
pub(crate) struct Dirs {
    pub(crate) web: TempDir,
    pub(crate) mail: TempDir,
}

/// The `portal` binary as a process of its own, so that it can be killed outright.
pub(crate) struct ServerProcess {
    child: Child,
    pub(crate) address: String,
}

pub(crate) fn portal(database_url: &str, dirs: &Dirs) -> Command {
    let root = repository_root();
    let mut command = Command::new(env!("CARGO_BIN_EXE_portal"));
    command
        .env_remove("DATABASE_URL")
        .env(
            "PORTAL_CONFIG_FILE",
            root.join("api/tests/fixtures/portal.toml"),
        )
        .env("PORTAL_DATABASE__URL", database_url)
        .env("PORTAL_COUNCIL_FILE", root.join("config/council.toml"))
        .env(
            "PORTAL_BANK_HOLIDAYS_FILE",
            root.join("config/bank-holidays.json"),
        )
        .env("PORTAL_FORMS_DIR", root.join("shared/forms"))
        .env("PORTAL_WEB_DIR", dirs.web.path())
        .env("PORTAL_EMAIL__FILE_DIR", dirs.mail.path())
        .env("PORTAL_LOG__FILTER", "error")
        .stdout(Stdio::null());
    command
}

impl ServerProcess {
    pub(crate) async fn start(database_url: &str, dirs: &Dirs) -> Self {
        Self::start_command(portal(database_url, dirs)).await
    }

    /// Serves with `command`, a `portal(…)` with settings of its own.
    pub(crate) async fn start_command(mut command: Command) -> Self {
        let port = free_port();
        let child = command
            .arg("serve")
            .env("PORTAL_SERVER__PORT", port.to_string())
            .spawn()
            .expect("the portal binary starts");
        let address = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(30);
        let client = reqwest::Client::new();
        loop {
            let health = client.get(format!("{address}/api/v1/health")).send().await;
            if health.is_ok_and(|r| r.status().is_success()) {
                break;
            }
            assert!(Instant::now() < deadline, "the server did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        Self { child, address }
    }

    /// SIGKILL: no shutdown, no flushing, requests cut off mid-way.
    pub(crate) fn kill(mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for ServerProcess {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// An access token for a session of the demonstration GP, signed with the test servers' key
/// (sign-in itself is tested elsewhere; here it would only slow the flood down).
pub(crate) fn gp_token(database: &api::db::Database) -> String {
    gp_session(database).0
}

/// A session of the demonstration GP: its access token and its refresh token.
pub(crate) fn gp_session(database: &api::db::Database) -> (String, String) {
    session_of(
        database,
        "dr.priya.shah@example.org",
        shared::api::Role::Public,
    )
}

/// A session of a demonstration account: its access token and its refresh token.
pub(crate) fn session_of(
    database: &api::db::Database,
    email: &str,
    role: shared::api::Role,
) -> (String, String) {
    let mut conn = database.get().unwrap();
    let account: String = accounts::table
        .filter(accounts::email.eq(email))
        .select(accounts::id)
        .first(&mut *conn)
        .unwrap();
    let settings = api::configuration::Settings::load(Some(
        &repository_root().join("api/tests/fixtures/portal.toml"),
    ))
    .unwrap();
    let keys = api::auth::Keys::derive(&settings.auth.secret).unwrap();
    let session = api::accounts::sessions::start(
        &mut conn,
        &keys.refresh_tokens,
        &account,
        chrono::Utc::now().naive_utc(),
    )
    .unwrap();
    let access = api::auth::tokens::issue(
        &keys,
        &account,
        &session.session_id,
        role,
        chrono::Duration::minutes(30),
    )
    .unwrap();
    (access, session.refresh_token)
}

/// Sends a support enquiry with `key`; the submission's id, or why there was none.
pub(crate) async fn submit(
    client: &reqwest::Client,
    address: &str,
    token: &str,
    key: &str,
) -> Result<String, Answer> {
    let response = client
        .post(format!("{address}/api/v1/submissions"))
        .bearer_auth(token)
        .header("Idempotency-Key", key)
        .json(&json!({"form_id": "support-enquiry", "answers": complete_enquiry()}))
        .send()
        .await
        .map_err(|_| Answer::None)?;
    let status = response.status().as_u16();
    if status == 200 || status == 201 {
        let body: Value = response.json().await.map_err(|_| Answer::None)?;
        return Ok(body["id"].as_str().unwrap().to_owned());
    }
    let content_type = response
        .headers()
        .get("content-type")
        .map(|v| v.to_str().unwrap().to_owned());
    Err(Answer::Status(
        status,
        content_type.unwrap_or_default(),
        response.text().await.unwrap_or_default(),
    ))
}

#[derive(Debug)]
pub(crate) enum Answer {
    /// The connection failed or was cut: the sender cannot know whether it arrived.
    None,
    /// Status, content type and body (the body is for failure messages).
    Status(
        u16,
        String,
        #[expect(dead_code, reason = "shown in failure messages")] String,
    ),
}

/// Every submission of `account` in the database, as idempotency key → id.
pub(crate) fn stored(database: &api::db::Database, account_email: &str) -> Vec<(String, String)> {
    submissions::table
        .inner_join(accounts::table)
        .filter(accounts::email.eq(account_email))
        .select((submissions::idempotency_key, submissions::id))
        .load(&mut *database.get().unwrap())
        .unwrap()
}
