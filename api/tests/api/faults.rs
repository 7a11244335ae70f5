//! Faults the portal must come through without losing or doubling anything a person sent:
//! the server killed mid-submission, the mail server down for a while, the database restarted
//! under load. `just test` runs them once; `just soak` (PORTAL_SOAK=1) runs them harder.

use std::collections::HashMap;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicBool, AtomicU16, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use api::db::schema::email_outbox;
use diesel::prelude::*;
use serde_json::{Value, json};
use shared::api::{DatabaseBackend, SessionCreated};
use tempfile::TempDir;
use tokio::net::{TcpListener as AsyncListener, TcpStream};

use crate::helpers::{TestDatabase, backend, repository_root, spawn_app_with, web_dir};
use crate::processes::{Answer, Dirs, ServerProcess, free_port, gp_token, portal, stored, submit};
use crate::referrals::complete_enquiry;

/// Whether `just soak` asked for the long form.
fn soak() -> bool {
    std::env::var("PORTAL_SOAK").is_ok_and(|v| v == "1")
}

#[tokio::test]
async fn a_server_killed_while_fifty_people_submit_keeps_every_answered_submission_exactly_once() {
    const CLIENTS: usize = 50;
    let kills = if soak() { 5 } else { 1 };
    let database = TestDatabase::create();
    let url = database.settings.url.clone();
    let dirs = Dirs {
        web: web_dir(),
        mail: TempDir::new().unwrap(),
    };
    let loaded = portal(&url, &dirs).arg("demo-data").status().unwrap();
    assert!(loaded.success());
    let db = api::db::Database::connect(&database.settings).unwrap();
    let token = gp_token(&db);
    let client = reqwest::Client::builder()
        .timeout(Duration::from_secs(30))
        .build()
        .unwrap();
    let mut server = ServerProcess::start(&url, &dirs).await;
    let answered: Arc<Mutex<HashMap<String, String>>> = Arc::default();
    for round in 0..kills {
        // Fifty people, each sending a new enquiry as soon as the last is answered, until the
        // server dies under them.
        let unanswered: Arc<Mutex<Vec<String>>> = Arc::default();
        let senders: Vec<_> = (0..CLIENTS)
            .map(|person| {
                let (client, address, token) =
                    (client.clone(), server.address.clone(), token.clone());
                let (answered, unanswered) = (answered.clone(), unanswered.clone());
                tokio::spawn(async move {
                    for n in 0.. {
                        let key = format!("kill{round}-person{person}-{n}");
                        match submit(&client, &address, &token, &key).await {
                            Ok(id) => {
                                answered.lock().unwrap().insert(key, id);
                            }
                            Err(Answer::None) => {
                                unanswered.lock().unwrap().push(key);
                                return;
                            }
                            Err(other) => panic!("{key}: {other:?}"),
                        }
                    }
                })
            })
            .collect();
        let before = answered.lock().unwrap().len();
        let deadline = Instant::now() + Duration::from_secs(60);
        while answered.lock().unwrap().len() < before + 2 * CLIENTS {
            assert!(Instant::now() < deadline, "submissions stalled");
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        server.kill();
        for sender in senders {
            sender.await.unwrap();
        }
        let lost = unanswered.lock().unwrap().clone();
        assert_eq!(lost.len(), CLIENTS, "every sender saw the server die");

        server = ServerProcess::start(&url, &dirs).await;
        // Each person whose answer was lost sends again with the same key: a submission that
        // was committed is answered again, one that was not is made now. Neither is doubled.
        for key in lost {
            let id = submit(&client, &server.address, &token, &key)
                .await
                .unwrap_or_else(|e| panic!("{key} sent again: {e:?}"));
            answered.lock().unwrap().insert(key, id);
        }
        let sample: Vec<(String, String)> = answered
            .lock()
            .unwrap()
            .iter()
            .take(20)
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        for (key, id) in sample {
            let again = submit(&client, &server.address, &token, &key).await;
            assert_eq!(
                again.unwrap(),
                id,
                "{key} is answered with the same submission"
            );
        }
    }

    let answered = answered.lock().unwrap().clone();
    let rows = stored(&db, "dr.priya.shah@example.org");
    assert_eq!(
        rows.len(),
        answered.len(),
        "nothing lost and nothing doubled"
    );
    for (key, id) in rows {
        assert_eq!(answered.get(&key), Some(&id), "{key}");
    }
}

/// A mail relay between the portal and the mail server that can be switched off: while it
/// is down, connections to it are refused.
struct Relay {
    port: u16,
    target: Arc<AtomicU16>,
    up: Arc<AtomicBool>,
}

impl Relay {
    fn start() -> Self {
        let port = free_port();
        Self {
            port,
            target: Arc::default(),
            up: Arc::new(AtomicBool::new(false)),
        }
    }

    /// Listens while up; when switched down, stops listening so connections are refused.
    fn spawn(&self) {
        let (port, target, up) = (self.port, self.target.clone(), self.up.clone());
        tokio::spawn(async move {
            loop {
                if !up.load(Ordering::SeqCst) {
                    tokio::time::sleep(Duration::from_millis(20)).await;
                    continue;
                }
                let listener = AsyncListener::bind(("127.0.0.1", port)).await.unwrap();
                while up.load(Ordering::SeqCst) {
                    let accepted =
                        tokio::time::timeout(Duration::from_millis(50), listener.accept()).await;
                    if let Ok(Ok((mut inbound, _))) = accepted {
                        let to = target.load(Ordering::SeqCst);
                        let up = up.clone();
                        tokio::spawn(async move {
                            let Ok(mut outbound) = TcpStream::connect(("127.0.0.1", to)).await
                            else {
                                return;
                            };
                            // Going down cuts open connections too (the mailer keeps some).
                            tokio::select! {
                                _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound) => {}
                                _ = async {
                                    while up.load(Ordering::SeqCst) {
                                        tokio::time::sleep(Duration::from_millis(20)).await;
                                    }
                                } => {}
                            }
                        });
                    }
                }
            }
        });
    }

    fn set(&self, up: bool) {
        self.up.store(up, Ordering::SeqCst);
    }
}

#[tokio::test]
async fn emails_queued_while_the_mail_server_is_down_are_each_delivered_once_it_is_back() {
    let relay = Relay::start();
    relay.set(true);
    relay.spawn();
    let relay_port = relay.port;
    let app = spawn_app_with(|settings| {
        settings.email.smtp_url = Some(format!("smtp://127.0.0.1:{relay_port}"));
        settings.email.retry_seconds = 1;
    })
    .await;
    relay.target.store(app.mailbox.port, Ordering::SeqCst);
    let gp: SessionCreated = app
        .register("gp@example.org", "Tall-Trees-4-Ever!")
        .await
        .json()
        .await
        .unwrap();
    let gp = app.caller(&gp);

    // The mail server goes away; five referrals are sent meanwhile, each confirmed by email.
    relay.set(false);
    tokio::time::sleep(Duration::from_millis(100)).await;
    let count = if soak() { 50 } else { 5 };
    let mut references = Vec::new();
    for n in 0..count {
        let sent = gp
            .submit(
                "/api/v1/submissions",
                &format!("down-{n}"),
                &json!({"form_id": "support-enquiry", "answers": complete_enquiry()}),
            )
            .await;
        assert_eq!(sent.status(), 201);
        let body: Value = sent.json().await.unwrap();
        references.push(body["reference"].as_str().unwrap().to_owned());
    }
    // Each was tried and failed, and waits for another try.
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let waiting: Vec<(String, i32)> = email_outbox::table
            .filter(email_outbox::to_address.eq("gp@example.org"))
            .filter(email_outbox::status.eq("pending"))
            .select((email_outbox::id, email_outbox::attempts))
            .load(&mut *app.database.get().unwrap())
            .unwrap();
        if waiting.len() == count && waiting.iter().all(|(_, attempts)| *attempts >= 1) {
            break;
        }
        if Instant::now() > deadline {
            let all: Vec<(String, String, i32)> = email_outbox::table
                .select((
                    email_outbox::to_address,
                    email_outbox::status,
                    email_outbox::attempts,
                ))
                .load(&mut *app.database.get().unwrap())
                .unwrap();
            panic!("the emails were not tried and kept: {all:?}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    assert_eq!(
        app.mailbox.to("gp@example.org").len(),
        1,
        "only the registration code"
    );

    // Back up: every confirmation arrives, each once.
    relay.set(true);
    let deadline = Instant::now() + Duration::from_secs(if soak() { 120 } else { 40 });
    while app.mailbox.to("gp@example.org").len() < 1 + count {
        assert!(
            Instant::now() < deadline,
            "not every email arrived after the outage"
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    tokio::time::sleep(Duration::from_secs(3)).await;
    let received = app.mailbox.to("gp@example.org");
    for reference in &references {
        let copies = received
            .iter()
            .filter(|e| e.raw.replace("=\r\n", "").contains(reference.as_str()))
            .count();
        assert_eq!(copies, 1, "the confirmation of {reference}");
    }
    assert_eq!(received.len(), 1 + count);
}

/// A PostgreSQL cluster of this test's own, so that it can be crashed without harming the
/// other tests' databases.
struct OwnCluster {
    dir: TempDir,
    port: u16,
}

impl OwnCluster {
    fn script(&self, action: &str) -> Command {
        let mut command = Command::new(repository_root().join("scripts/postgres-cluster.sh"));
        command
            .arg(action)
            .arg(self.dir.path().join("cluster"))
            .env("PORTAL_PG_PORT", self.port.to_string())
            .stdout(Stdio::null());
        command
    }

    fn run(&self, action: &str) {
        let status = self.script(action).status().unwrap();
        assert!(status.success(), "postgres-cluster.sh {action}");
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for OwnCluster {
    fn drop(&mut self) {
        let _ = self.script("stop").stderr(Stdio::null()).status();
    }
}

#[tokio::test]
async fn postgres_restarted_under_load_answers_503_meanwhile_recovers_alone_and_loses_nothing() {
    if backend() != DatabaseBackend::Postgres {
        // The SQLite run has no server to restart; the PostgreSQL run of `just test` does this.
        return;
    }
    let cluster = OwnCluster {
        dir: TempDir::new().unwrap(),
        port: free_port(),
    };
    cluster.run("start");
    let url = cluster.url();
    let app = spawn_app_with(|settings| {
        settings.database.url = url.clone();
        settings.database.connect_timeout_seconds = 1;
    })
    .await;
    let database = api::db::Database::connect(&api::configuration::DatabaseSettings {
        url: url.clone(),
        pool_size: 2,
        connect_timeout_seconds: 5,
        sqlite_busy_timeout_ms: 5000,
    })
    .unwrap();
    let gp: SessionCreated = app
        .register("gp@example.org", "Tall-Trees-4-Ever!")
        .await
        .json()
        .await
        .unwrap();

    // Ten people send enquiries without pause; each 503 is noted and its key kept for later.
    let stop = Arc::new(AtomicBool::new(false));
    let answered: Arc<Mutex<HashMap<String, String>>> = Arc::default();
    let refused: Arc<Mutex<Vec<String>>> = Arc::default();
    let senders: Vec<_> = (0..10)
        .map(|person| {
            let (stop, answered, refused) = (stop.clone(), answered.clone(), refused.clone());
            let (client, address, token) = (
                app.client.clone(),
                app.address.clone(),
                gp.access_token.clone(),
            );
            tokio::spawn(async move {
                let mut n = 0;
                while !stop.load(Ordering::SeqCst) {
                    let key = format!("person{person}-{n}");
                    match submit(&client, &address, &token, &key).await {
                        Ok(id) => {
                            answered.lock().unwrap().insert(key, id);
                        }
                        Err(Answer::Status(503, content_type, _)) => {
                            assert_eq!(content_type, "application/problem+json");
                            refused.lock().unwrap().push(key);
                            tokio::time::sleep(Duration::from_millis(100)).await;
                        }
                        Err(other) => panic!("{key}: {other:?}"),
                    }
                    n += 1;
                }
            })
        })
        .collect();
    let outages = if soak() { 3 } else { 1 };
    for _ in 0..outages {
        tokio::time::sleep(Duration::from_secs(1)).await;
        cluster.run("crash");
        tokio::time::sleep(Duration::from_secs(3)).await;
        // Meanwhile the node is alive but not ready: a load balancer sends traffic elsewhere.
        let health = |path: &'static str| {
            let (client, address) = (app.client.clone(), app.address.clone());
            async move {
                let answer = client.get(format!("{address}{path}")).send().await.unwrap();
                answer.status().as_u16()
            }
        };
        assert_eq!(health("/api/v1/health/live").await, 200);
        assert_eq!(health("/api/v1/health/ready").await, 503);
        cluster.run("resume");
        // It recovers alone: answers flow again within seconds, no restart of the portal.
        let before = answered.lock().unwrap().len();
        let deadline = Instant::now() + Duration::from_secs(15);
        while answered.lock().unwrap().len() < before + 10 {
            assert!(Instant::now() < deadline, "the portal did not recover");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }
    stop.store(true, Ordering::SeqCst);
    for sender in senders {
        sender.await.unwrap();
    }
    let refused = refused.lock().unwrap().clone();
    assert!(
        !refused.is_empty(),
        "requests during the outage were answered 503"
    );

    // Refused ones sent again now are taken; nothing answered was lost or doubled.
    let mut answered = answered.lock().unwrap().clone();
    for key in refused {
        let id = submit(&app.client, &app.address, &gp.access_token, &key)
            .await
            .unwrap_or_else(|e| panic!("{key} sent again: {e:?}"));
        answered.insert(key, id);
    }
    let rows = stored(&database, "gp@example.org");
    assert_eq!(rows.len(), answered.len());
    for (key, id) in rows {
        assert_eq!(answered.get(&key), Some(&id), "{key}");
    }
    // The portal's pool goes before the cluster under it.
    drop(app);
}
