use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use diesel::sql_types::{Text, Timestamp};
use tokio::sync::Notify;
use uuid::Uuid;

use super::{Email, Mailer};
use crate::db::schema::email_outbox;
use crate::db::{Database, DbConnection, DbError};

/// A message is retried with growing pauses for a day, then marked failed.
const GIVE_UP_AFTER: Duration = Duration::hours(24);
/// How long a node may hold a claimed message before another node may take it over.
const CLAIM_FOR: Duration = Duration::minutes(2);
const BATCH: i64 = 20;

/// Queues `email` in the caller's transaction: it is sent only if the change that caused it is
/// committed, and it is not lost if the server stops before sending.
pub fn enqueue(conn: &mut DbConnection, email: &Email, now: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(email_outbox::table)
        .values((
            email_outbox::id.eq(Uuid::now_v7().to_string()),
            email_outbox::to_address.eq(&email.to),
            email_outbox::template.eq(email.template.name()),
            email_outbox::subject.eq(&email.subject),
            email_outbox::text_body.eq(&email.text),
            email_outbox::html_body.eq(&email.html),
            email_outbox::status.eq("pending"),
            email_outbox::attempts.eq(0),
            email_outbox::next_attempt_at.eq(now),
            email_outbox::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(())
}

/// The sending side of the outbox; `wake` after committing a queued email.
#[derive(Clone)]
pub struct Outbox {
    notify: Arc<Notify>,
}

type Claimed = (String, String, String, String, String, i32, NaiveDateTime);

impl Outbox {
    pub fn new() -> Self {
        Self {
            notify: Arc::new(Notify::new()),
        }
    }

    pub fn wake(&self) {
        self.notify.notify_one();
    }

    /// Sends due messages until the runtime stops: at once when woken, else every few seconds
    /// (which picks up retries and messages queued by other nodes).
    pub fn spawn(&self, database: Database, mailer: Mailer, first_retry: Duration) {
        let notify = self.notify.clone();
        let mailer = Arc::new(mailer);
        let node = Uuid::new_v4().to_string();
        tokio::spawn(async move {
            loop {
                match send_due(&database, &mailer, &node, first_retry).await {
                    Ok(0) => {}
                    Ok(sent) => tracing::debug!(sent, "outbox batch done"),
                    Err(error) => tracing::warn!(%error, "outbox: could not reach the database"),
                }
                let _ = tokio::time::timeout(StdDuration::from_secs(5), notify.notified()).await;
            }
        });
    }
}

impl Default for Outbox {
    fn default() -> Self {
        Self::new()
    }
}

/// One round: claim due messages for this node, send them, record each outcome.
pub async fn send_due(
    database: &Database,
    mailer: &Mailer,
    node: &str,
    first_retry: Duration,
) -> Result<usize, DbError> {
    let claimed = {
        let node = node.to_owned();
        let database = database.clone();
        tokio::task::spawn_blocking(move || claim(&mut *database.get()?, &node)).await??
    };
    let count = claimed.len();
    for (id, to, subject, text, html, attempts, created_at) in claimed {
        let outcome = mailer.send(&to, &subject, &text, &html).await;
        let database = database.clone();
        tokio::task::spawn_blocking(move || {
            record(
                &mut *database.get()?,
                &id,
                attempts,
                created_at,
                first_retry,
                outcome,
            )
        })
        .await??;
    }
    Ok(count)
}

fn claim(conn: &mut DbConnection, node: &str) -> Result<Vec<Claimed>, DbError> {
    let now = Utc::now().naive_utc();
    // Several nodes may claim at once. On PostgreSQL, SKIP LOCKED gives each node different
    // rows without waiting; SQLite has one writer at a time, so its plain update is enough.
    let due = "SELECT id FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= $1 \
               AND (locked_until IS NULL OR locked_until < $1) ORDER BY next_attempt_at LIMIT";
    let sql = match conn {
        DbConnection::Postgres(_) => format!(
            "UPDATE email_outbox SET claimed_by = $2, locked_until = $3 WHERE id IN ({due} {BATCH} FOR UPDATE SKIP LOCKED)"
        ),
        // SQLite numbers its parameters ?1, ?2; `$1` would be a name, numbered by first use.
        DbConnection::Sqlite(_) => format!(
            "UPDATE email_outbox SET claimed_by = ?2, locked_until = ?3 WHERE id IN ({} {BATCH})",
            due.replace('$', "?")
        ),
    };
    diesel::sql_query(sql)
        .bind::<Timestamp, _>(now)
        .bind::<Text, _>(node)
        .bind::<Timestamp, _>(now + CLAIM_FOR)
        .execute(conn)?;
    Ok(email_outbox::table
        .filter(email_outbox::claimed_by.eq(node))
        .filter(email_outbox::status.eq("pending"))
        .filter(email_outbox::locked_until.gt(now))
        .select((
            email_outbox::id,
            email_outbox::to_address,
            email_outbox::subject,
            email_outbox::text_body,
            email_outbox::html_body,
            email_outbox::attempts,
            email_outbox::created_at,
        ))
        .load(conn)?)
}

fn record(
    conn: &mut DbConnection,
    id: &str,
    attempts: i32,
    created_at: NaiveDateTime,
    first_retry: Duration,
    outcome: anyhow::Result<()>,
) -> Result<(), DbError> {
    let now = Utc::now().naive_utc();
    let target = email_outbox::table.find(id);
    match outcome {
        Ok(()) => {
            diesel::update(target)
                .set((
                    email_outbox::status.eq("sent"),
                    email_outbox::sent_at.eq(Some(now)),
                    email_outbox::attempts.eq(attempts + 1),
                    email_outbox::locked_until.eq(None::<NaiveDateTime>),
                ))
                .execute(conn)?;
        }
        Err(error) => {
            tracing::warn!(%error, id, "an email could not be sent; it will be retried");
            // 30 s, 1 min, 2 min, ... (by default) up to an hour between tries.
            let pause =
                (first_retry * 2i32.pow(attempts.clamp(0, 7) as u32)).min(Duration::hours(1));
            let status = if now - created_at > GIVE_UP_AFTER {
                "failed"
            } else {
                "pending"
            };
            diesel::update(target)
                .set((
                    email_outbox::status.eq(status),
                    email_outbox::attempts.eq(attempts + 1),
                    email_outbox::last_error.eq(Some(error.to_string())),
                    email_outbox::next_attempt_at.eq(now + pause),
                    email_outbox::locked_until.eq(None::<NaiveDateTime>),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}
