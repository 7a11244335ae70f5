//! Several `portal` processes on one database, as a council runs them behind a load balancer:
//! they agree on the council file, on ended sessions, and on everything sent through either.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use api::db::schema::{accounts, drafts, submissions, teams};
use diesel::prelude::*;
use serde_json::{Value, json};
use shared::api::{CouncilView, DatabaseBackend, Readiness, Role, SessionCreated};
use tempfile::TempDir;

use crate::helpers::{
    TestDatabase, backend, refresh_cookie, repository_root, solve_bot_check, web_dir,
};
use crate::integrations::receiver;
use crate::mailbox::ReceivedEmail;
use crate::processes::{
    Answer, Dirs, ServerProcess, free_port, gp_session, portal, session_of, submit,
};

/// A database with the demonstration data, and the folders nodes keep their files in.
fn with_demonstration_data() -> (TestDatabase, Dirs, api::db::Database) {
    let database = TestDatabase::create();
    let dirs = Dirs {
        web: web_dir(),
        mail: TempDir::new().unwrap(),
    };
    let loaded = portal(&database.settings.url, &dirs)
        .arg("demo-data")
        .status()
        .unwrap();
    assert!(loaded.success());
    let db = api::db::Database::connect(&database.settings).unwrap();
    (database, dirs, db)
}

async fn readiness(node: &ServerProcess) -> Readiness {
    reqwest::get(format!("{}/api/v1/health/ready", node.address))
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
}

async fn council_name(node: &ServerProcess) -> String {
    let council: CouncilView = reqwest::get(format!("{}/api/v1/council", node.address))
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    council.name
}

fn with_council(mut command: Command, file: &Path) -> Command {
    command.env("PORTAL_COUNCIL_FILE", file);
    command
}

fn finance_team_active(database: &api::db::Database) -> bool {
    teams::table
        .find("finance")
        .select(teams::active)
        .first(&mut *database.get().unwrap())
        .unwrap()
}

#[tokio::test]
async fn a_node_started_with_a_changed_council_file_runs_with_the_applied_one_until_it_is_applied()
{
    let database = TestDatabase::create();
    let url = database.settings.url.clone();
    let dirs = Dirs {
        web: web_dir(),
        mail: TempDir::new().unwrap(),
    };
    // The first node on an empty database applies its file.
    let first = ServerProcess::start(&url, &dirs).await;
    let demo = readiness(&first).await.council;
    assert_eq!(demo.applied.as_deref(), Some(demo.running.as_str()));
    assert_eq!(demo.file, demo.running);

    // Mid-way through a rolling deploy, a node starts with the council's new file: renamed, and
    // without its finance team.
    let text = std::fs::read_to_string(repository_root().join("config/council.toml")).unwrap();
    let renamed = text
        .replace("name = \"Eastmoor Borough Council\"", "name = \"Eastmoor Council\"")
        .replace(
            "[[teams]]\nkey = \"finance\"\nname = \"Financial Assessments\"\nname_cy = \"Asesiadau Ariannol\" # review\nemail = \"asc.finance@example.org\"\n",
            "",
        )
        .replace(
            "[[message_types]]\nkey = \"charges\"\nlabel = \"Charges and paying for care\"\nlabel_cy = \"Taliadau a thalu am ofal\" # review\nteam = \"finance\"\n",
            "",
        );
    let new_file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(new_file.path(), &renamed).unwrap();
    let second =
        ServerProcess::start_command(with_council(portal(&url, &dirs), new_file.path())).await;

    // It says so, and runs with the applied file like the first node: nothing flips.
    let seen = readiness(&second).await.council;
    assert_eq!(seen.running, demo.running);
    assert_eq!(seen.applied.as_deref(), Some(demo.running.as_str()));
    assert_ne!(seen.file, demo.running);
    assert_eq!(council_name(&second).await, "Eastmoor Borough Council");
    let db = api::db::Database::connect(&database.settings).unwrap();
    assert!(finance_team_active(&db));

    // Someone applies the new file.
    let applied = with_council(portal(&url, &dirs), new_file.path())
        .args(["council", "apply"])
        .stdout(Stdio::piped())
        .output()
        .unwrap();
    assert!(applied.status.success(), "{applied:?}");
    assert!(
        String::from_utf8_lossy(&applied.stdout).contains(&format!("version {}", seen.file)),
        "{applied:?}"
    );
    assert!(!finance_team_active(&db));
    // The running nodes show which file is applied now, and that they need a restart.
    let after = readiness(&first).await.council;
    assert_eq!(after.applied.as_deref(), Some(seen.file.as_str()));
    assert_eq!(after.running, demo.running);

    // Restarted with the new file, a node runs with it.
    second.kill();
    let restarted =
        ServerProcess::start_command(with_council(portal(&url, &dirs), new_file.path())).await;
    let now = readiness(&restarted).await.council;
    assert_eq!(now.running, seen.file);
    assert_eq!(now.applied.as_deref(), Some(seen.file.as_str()));
    assert_eq!(council_name(&restarted).await, "Eastmoor Council");

    // A node still holding the old file now runs with the new one too.
    first.kill();
    let old = ServerProcess::start(&url, &dirs).await;
    assert_eq!(council_name(&old).await, "Eastmoor Council");
    assert_eq!(readiness(&old).await.council.file, demo.running);
}

#[tokio::test]
async fn a_session_ended_on_one_node_stops_working_on_the_other_at_once() {
    if backend() != DatabaseBackend::Postgres {
        // One SQLite file serves one node; several nodes share a PostgreSQL.
        return;
    }
    let (database, dirs, db) = with_demonstration_data();
    let url = database.settings.url.clone();
    let (access, refresh) = gp_session(&db);
    let (one, other) = (
        ServerProcess::start(&url, &dirs).await,
        ServerProcess::start(&url, &dirs).await,
    );
    let client = reqwest::Client::new();
    let account = |node: &ServerProcess| {
        client
            .get(format!("{}/api/v1/account", node.address))
            .bearer_auth(&access)
            .send()
    };
    // The other node has seen the session live (and remembers so).
    for _ in 0..3 {
        assert_eq!(account(&other).await.unwrap().status(), 200);
    }

    // Signing out on one node...
    let out = client
        .delete(format!("{}/api/v1/sessions/current", one.address))
        .header("cookie", format!("portal_refresh={refresh}"))
        .send()
        .await
        .unwrap();
    assert_eq!(out.status(), 204);
    assert_eq!(account(&one).await.unwrap().status(), 401);
    // ...ends it on the other within moments: it hears the announcement, not a timer.
    let started = Instant::now();
    while account(&other).await.unwrap().status() != 401 {
        assert!(
            started.elapsed() < Duration::from_secs(1),
            "the other node still took the token after a second"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
}

/// Every email the nodes have written to the shared mail folder (the file transport).
fn emails(dirs: &Dirs) -> Vec<String> {
    std::fs::read_dir(dirs.mail.path())
        .unwrap()
        .filter_map(|entry| {
            let path = entry.ok()?.path();
            (path.extension()? == "eml").then(|| std::fs::read_to_string(path).ok())?
        })
        .collect()
}

/// How many emails have a line that is exactly `header`.
fn count_with(dirs: &Dirs, header: &str) -> usize {
    emails(dirs)
        .iter()
        .filter(|raw| raw.lines().any(|line| line == header))
        .count()
}

/// Waits until `done` holds, for up to 20 seconds.
async fn eventually(what: &str, mut done: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(20);
    while !done() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// The value of a metric without labels on a node's `/metrics`.
async fn metric(client: &reqwest::Client, metrics: &str, name: &str) -> f64 {
    let text = client
        .get(format!("{metrics}/metrics"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    text.lines()
        .find_map(|line| line.strip_prefix(&format!("{name} "))?.parse().ok())
        .unwrap_or(0.0)
}

async fn solved_bot_check(client: &reqwest::Client, node: &str) -> String {
    use base64::Engine;
    let challenge: shared::api::BotCheckChallenge = client
        .get(format!("{node}/api/v1/bot-check"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let solution = solve_bot_check(&challenge).unwrap();
    base64::engine::general_purpose::STANDARD.encode(serde_json::to_vec(&solution).unwrap())
}

async fn sign_in(client: &reqwest::Client, node: &str, email: &str, password: &str) -> u16 {
    let bot_check = solved_bot_check(client, node).await;
    client
        .post(format!("{node}/api/v1/sign-in"))
        .json(&json!({"email": email, "password": password, "bot_check": bot_check}))
        .send()
        .await
        .unwrap()
        .status()
        .as_u16()
}

#[tokio::test]
async fn two_nodes_on_one_postgres_share_sessions_throttles_and_work_and_send_each_email_and_delivery_once()
 {
    if backend() != DatabaseBackend::Postgres {
        return;
    }
    const MARGARET: &str = "margaret.okafor@example.org";
    const PASSWORD: &str = "Demo-Portal-2026!";
    let (database, dirs, db) = with_demonstration_data();
    let url = database.settings.url.clone();

    // Margaret has a saved form due its reminder, and one past keeping: the purge, which each
    // node runs as it starts, must remind her once and delete the old one once.
    let margaret: String = accounts::table
        .filter(accounts::email.eq(MARGARET))
        .select(accounts::id)
        .first(&mut *db.get().unwrap())
        .unwrap();
    let now = chrono::Utc::now().naive_utc();
    for (id, expires_at) in [
        (
            "0193c000-0000-7000-8000-00000000d001",
            now + chrono::Duration::days(2),
        ),
        (
            "0193c000-0000-7000-8000-00000000d002",
            now - chrono::Duration::days(1),
        ),
    ] {
        diesel::insert_into(drafts::table)
            .values((
                drafts::id.eq(id),
                drafts::account_id.eq(&margaret),
                drafts::form_id.eq("support-enquiry"),
                drafts::form_version.eq(1),
                drafts::version.eq(1),
                drafts::answers.eq("{}"),
                drafts::created_at.eq(now - chrono::Duration::days(28)),
                drafts::updated_at.eq(now - chrono::Duration::days(28)),
                drafts::expires_at.eq(expires_at),
            ))
            .execute(&mut *db.get().unwrap())
            .unwrap();
    }

    // Two nodes start at once, each with its own /metrics, on one database.
    let metrics = [free_port(), free_port()];
    let node = |metrics_port: u16| {
        let mut command = portal(&url, &dirs);
        command
            .env(
                "PORTAL_SERVER__METRICS_ADDRESS",
                format!("127.0.0.1:{metrics_port}"),
            )
            .env("PORTAL_SERVER__ALLOW_LOCAL_WEBHOOKS", "true");
        ServerProcess::start_command(command)
    };
    let (one, other) = tokio::join!(node(metrics[0]), node(metrics[1]));
    let nodes = [one.address.clone(), other.address.clone()];
    let client = reqwest::Client::new();

    // Both purged without an error (a failed purge is not counted), at the same moment.
    for port in metrics {
        let scrape = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + Duration::from_secs(20);
        while metric(&client, &scrape, "portal_purge_runs_total").await < 1.0 {
            assert!(Instant::now() < deadline, "no purge ran on {scrape}");
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    let left: Vec<String> = drafts::table
        .filter(drafts::account_id.eq(&margaret))
        .select(drafts::id)
        .load(&mut *db.get().unwrap())
        .unwrap();
    assert_eq!(left, ["0193c000-0000-7000-8000-00000000d001"]);

    // Signed in through one node with the code, refreshed through the other, used on the first.
    assert_eq!(sign_in(&client, &nodes[0], MARGARET, PASSWORD).await, 202);
    let to_margaret = format!("To: {MARGARET}");
    let mut code_email = None;
    eventually("the sign-in code", || {
        code_email = emails(&dirs)
            .into_iter()
            .find(|raw| raw.lines().any(|l| l == to_margaret) && raw.contains("Your sign-in code"));
        code_email.is_some()
    })
    .await;
    let code = ReceivedEmail {
        to: vec![MARGARET.to_owned()],
        raw: code_email.unwrap(),
    }
    .code();
    let verified = client
        .post(format!("{}/api/v1/sign-in/verify", nodes[1]))
        .json(&json!({"email": MARGARET, "code": code}))
        .send()
        .await
        .unwrap();
    assert_eq!(verified.status(), 201);
    let cookie = refresh_cookie(&verified);
    let refreshed = client
        .post(format!("{}/api/v1/sessions/refresh", nodes[0]))
        .header("cookie", format!("portal_refresh={cookie}"))
        .send()
        .await
        .unwrap();
    assert_eq!(refreshed.status(), 200);
    let session: SessionCreated = refreshed.json().await.unwrap();
    for node in &nodes {
        let account = client
            .get(format!("{node}/api/v1/account"))
            .bearer_auth(&session.access_token)
            .send()
            .await
            .unwrap();
        assert_eq!(account.status(), 200, "{node}");
    }

    // Wrong passwords counted across both nodes: the fifth locks the account out, on either.
    for attempt in 0..5 {
        let status = sign_in(&client, &nodes[attempt % 2], MARGARET, "Not-Her-Password-1").await;
        assert_eq!(
            status,
            if attempt < 4 { 401 } else { 429 },
            "attempt {attempt}"
        );
    }
    for node in &nodes {
        assert_eq!(
            sign_in(&client, node, MARGARET, PASSWORD).await,
            429,
            "{node}"
        );
    }

    // An integrator's endpoint hears of every submission; submissions arrive through both.
    let (admin, _) = session_of(&db, "alex.morgan@example.org", Role::Administrator);
    let endpoint = receiver(200);
    let registered = client
        .post(format!("{}/api/v1/webhooks", nodes[1]))
        .bearer_auth(&admin)
        .json(&json!({"url": endpoint.url, "events": ["submission.received"]}))
        .send()
        .await
        .unwrap();
    assert_eq!(registered.status(), 201);
    let (gp, _) = gp_session(&db);
    const SENT: usize = 20;
    let mut references = Vec::new();
    for n in 0..SENT {
        let id = submit(&client, &nodes[n % 2], &gp, &format!("both-{n}"))
            .await
            .unwrap();
        let reference: String = submissions::table
            .find(&id)
            .select(submissions::reference)
            .first(&mut *db.get().unwrap())
            .unwrap();
        references.push((id, reference));
    }

    // Every confirmation email and every delivery arrives, each once, though both nodes send.
    let receipts = || {
        let mut seen: HashMap<String, usize> = HashMap::new();
        for (_, body) in endpoint.received.lock().unwrap().iter() {
            let event: Value = serde_json::from_str(body).unwrap();
            *seen
                .entry(event["data"]["id"].as_str().unwrap().to_owned())
                .or_default() += 1;
        }
        seen
    };
    eventually("every delivery", || receipts().len() == SENT).await;
    eventually("every confirmation", || {
        references.iter().all(|(_, reference)| {
            count_with(
                &dirs,
                &format!("Subject: We have received your form: {reference}"),
            ) > 0
        })
    })
    .await;
    let reminders = || {
        emails(&dirs)
            .iter()
            .filter(|raw| raw.contains("Your saved form will be deleted on"))
            .count()
    };
    eventually("Margaret's reminder", || reminders() > 0).await;
    // Long enough for a second send by the other node to show.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let receipts = receipts();
    for (id, reference) in &references {
        assert_eq!(receipts.get(id), Some(&1), "deliveries of {id}");
        let header = format!("Subject: We have received your form: {reference}");
        assert_eq!(count_with(&dirs, &header), 1, "{header}");
    }
    let ids: HashSet<String> = endpoint
        .received
        .lock()
        .unwrap()
        .iter()
        .map(|(headers, _)| {
            headers
                .get("webhook-id")
                .unwrap()
                .to_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(ids.len(), SENT);
    assert_eq!(reminders(), 1, "Margaret is reminded once");

    // One node is killed outright while the GP keeps sending; what it did not answer is sent
    // again through the other, and every submission is kept exactly once.
    let load = {
        let (client, nodes, gp) = (client.clone(), nodes.clone(), gp.clone());
        tokio::spawn(async move {
            let mut kept = Vec::new();
            for n in 0..60 {
                let key = format!("killed-{n}");
                let first = submit(&client, &nodes[n % 2], &gp, &key).await;
                let id = match first {
                    Ok(id) => id,
                    Err(Answer::None) => submit(&client, &nodes[0], &gp, &key).await.unwrap(),
                    Err(other) => panic!("{key}: {other:?}"),
                };
                kept.push((key, id));
                tokio::time::sleep(Duration::from_millis(10)).await;
            }
            kept
        })
    };
    tokio::time::sleep(Duration::from_millis(200)).await;
    other.kill();
    let kept = load.await.unwrap();
    let stored: Vec<(String, String)> = submissions::table
        .filter(submissions::idempotency_key.like("killed-%"))
        .select((submissions::idempotency_key, submissions::id))
        .load(&mut *db.get().unwrap())
        .unwrap();
    assert_eq!(stored.len(), 60);
    let stored: HashMap<_, _> = stored.into_iter().collect();
    for (key, id) in kept {
        assert_eq!(stored.get(&key), Some(&id), "{key}");
    }
    drop(one);
}
