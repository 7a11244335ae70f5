//! Several `portal` processes on one database, as a council runs them behind a load balancer:
//! they agree on the council file, on ended sessions, and on everything sent through either.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use api::db::schema::teams;
use diesel::prelude::*;
use shared::api::{CouncilView, DatabaseBackend, Readiness};
use tempfile::TempDir;

use crate::helpers::{TestDatabase, backend, repository_root, web_dir};
use crate::processes::{Dirs, ServerProcess, gp_session, portal};

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
            "[[teams]]\nkey = \"finance\"\nname = \"Financial Assessments\"\nemail = \"asc.finance@example.org\"\n",
            "",
        )
        .replace(
            "[[message_types]]\nkey = \"charges\"\nlabel = \"Charges and paying for care\"\nteam = \"finance\"\n",
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
    let database = TestDatabase::create();
    let url = database.settings.url.clone();
    let dirs = Dirs {
        web: web_dir(),
        mail: TempDir::new().unwrap(),
    };
    assert!(
        portal(&url, &dirs)
            .arg("demo-data")
            .status()
            .unwrap()
            .success()
    );
    let db = api::db::Database::connect(&database.settings).unwrap();
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
