//! The outbox: emails are queued in the same transaction as the change that causes them, then
//! sent by a worker on every node.
//!
//! Delivery is at least once. A row is marked sent only after the mail server accepted the
//! message, so a node that dies in between (killed, or its database connection lost) leaves
//! the row claimed; after `CLAIM_FOR` another node sends it again. The message keeps the same
//! `Message-ID` on every try (`<row id@sender's domain>`), so mail programs show such a
//! duplicate once. Emails that unlock an account go first (`Priority`): a sign-in code never
//! waits behind a queue of confirmations. Outcomes are recorded a few at a time (one per
//! connection), so a node stopped mid-batch leaves at most those few to be sent twice; so does
//! a mail server that accepts a message but whose answer never arrives.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::dsl::min;
use diesel::prelude::*;
use diesel::sql_types::{Text, Timestamp};
use tokio::sync::Notify;
use tokio::task::JoinSet;
use uuid::Uuid;

use shared::api::{EmailId, FailedEmailView};

use super::{Email, Mailer};
use crate::db::schema::email_outbox;
use crate::db::{Database, DbConnection, DbError};
use crate::pagination::{Cursor, PageRequest};

/// A message is retried with growing pauses for a day, then marked failed.
const GIVE_UP_AFTER: Duration = Duration::hours(24);
/// How long a node may hold a claimed message before another node may take it over.
const CLAIM_FOR: Duration = Duration::minutes(2);
/// Messages claimed at a time. Small enough that a code queued meanwhile waits for one batch
/// at most; the worker claims again as soon as a batch is done.
const BATCH: i64 = 40;
/// A queue whose oldest due email has waited this long is reported as stuck.
const STUCK_AFTER: Duration = Duration::minutes(10);

/// How soon an email must go, in the order they are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Priority {
    /// A code someone is waiting for to sign in, register, reset a password or change their
    /// address.
    Code = 0,
    /// Confirmations, notices and news of something waiting.
    Notification = 1,
    /// Reminders, which can wait behind everything else.
    Reminder = 2,
}

/// Queues `email` in the caller's transaction: it is sent only if the change that caused it is
/// committed, and it is not lost if the server stops before sending.
pub fn enqueue(conn: &mut DbConnection, email: &Email, now: NaiveDateTime) -> QueryResult<()> {
    diesel::insert_into(email_outbox::table)
        .values((
            email_outbox::id.eq(Uuid::now_v7().to_string()),
            email_outbox::to_address.eq(&email.to),
            email_outbox::template.eq(email.template.name()),
            email_outbox::priority.eq(email.template.priority() as i32),
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

impl Outbox {
    pub fn new() -> Self {
        Self {
            notify: Arc::new(Notify::new()),
        }
    }

    pub fn wake(&self) {
        self.notify.notify_one();
    }

    /// Sends due messages until the runtime stops: while any are due it claims the next batch
    /// at once; when none are, it waits to be woken, or a few seconds (which picks up retries
    /// and messages queued by other nodes).
    /// As many messages are handed to the mail server at once as the mailer keeps connections.
    pub fn spawn(&self, database: Database, mailer: Mailer, first_retry: Duration) {
        let notify = self.notify.clone();
        let sending = Sending {
            connections: mailer.connections(),
            first_retry,
        };
        let mailer = Arc::new(mailer);
        let node = Uuid::new_v4().to_string();
        tokio::spawn(async move {
            loop {
                match send_due(&database, &mailer, &node, sending).await {
                    Ok(0) => {}
                    Ok(sent) => {
                        tracing::debug!(sent, "outbox batch done");
                        continue;
                    }
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

/// How the worker sends: messages at once, and the pause before a first retry.
#[derive(Debug, Clone, Copy)]
pub struct Sending {
    pub connections: usize,
    pub first_retry: Duration,
}

/// One round: claim due messages for this node, hand them to the mail server
/// (`connections` at a time), and record the outcomes a few at a time as they finish, so that
/// a node stopped mid-batch (a deploy, a crash) sends again only the few not yet recorded.
/// Returns how many were claimed.
pub async fn send_due(
    database: &Database,
    mailer: &Arc<Mailer>,
    node: &str,
    sending: Sending,
) -> Result<usize, DbError> {
    let claimed = {
        let node = node.to_owned();
        let database = database.clone();
        tokio::task::spawn_blocking(move || claim(&mut *database.get()?, &node)).await??
    };
    let count = claimed.len();
    let mut queue = claimed.into_iter();
    let mut in_flight = JoinSet::new();
    let mut outcomes = Vec::with_capacity(count);
    loop {
        while in_flight.len() < sending.connections {
            let Some(message) = queue.next() else { break };
            let mailer = mailer.clone();
            in_flight.spawn(async move {
                let outcome = mailer
                    .send(
                        &message.id,
                        &message.to_address,
                        &message.subject,
                        &message.text_body,
                        &message.html_body,
                    )
                    .await;
                (message, outcome)
            });
        }
        let Some(done) = in_flight.join_next().await else {
            break;
        };
        outcomes.push(done?);
        if outcomes.len() >= sending.connections || in_flight.is_empty() {
            let finished = std::mem::take(&mut outcomes);
            let (database, node) = (database.clone(), node.to_owned());
            // The messages still in flight go on meanwhile.
            tokio::task::spawn_blocking(move || {
                record(&mut *database.get()?, &node, &finished, sending.first_retry)
            })
            .await??;
        }
    }
    Ok(count)
}

/// A claimed message, as the claim's `RETURNING` gives it.
#[derive(Debug, QueryableByName)]
#[diesel(table_name = email_outbox)]
struct Claimed {
    id: String,
    to_address: String,
    subject: String,
    text_body: String,
    html_body: String,
    attempts: i32,
    created_at: NaiveDateTime,
    priority: i32,
    next_attempt_at: NaiveDateTime,
}

fn claim(conn: &mut DbConnection, node: &str) -> Result<Vec<Claimed>, DbError> {
    let now = Utc::now().naive_utc();
    // Several nodes may claim at once. On PostgreSQL, SKIP LOCKED gives each node different
    // rows without waiting; SQLite has one writer at a time, so its plain update is enough.
    // RETURNING hands back what was claimed without a second look through the queue.
    let due = "SELECT id FROM email_outbox WHERE status = 'pending' AND next_attempt_at <= $1 \
               AND (locked_until IS NULL OR locked_until < $1) \
               ORDER BY priority, next_attempt_at LIMIT";
    let returning = "RETURNING id, to_address, subject, text_body, html_body, attempts, \
                     created_at, priority, next_attempt_at";
    let sql = match conn {
        DbConnection::Postgres(_) => format!(
            "UPDATE email_outbox SET claimed_by = $2, locked_until = $3 \
             WHERE id IN ({due} {BATCH} FOR UPDATE SKIP LOCKED) {returning}"
        ),
        // SQLite numbers its parameters ?1, ?2; `$1` would be a name, numbered by first use.
        DbConnection::Sqlite(_) => format!(
            "UPDATE email_outbox SET claimed_by = ?2, locked_until = ?3 \
             WHERE id IN ({} {BATCH}) {returning}",
            due.replace('$', "?")
        ),
    };
    let mut claimed: Vec<Claimed> = diesel::sql_query(sql)
        .bind::<Timestamp, _>(now)
        .bind::<Text, _>(node)
        .bind::<Timestamp, _>(now + CLAIM_FOR)
        .load(conn)?;
    // RETURNING keeps no order: codes first, as the queue was read.
    claimed.sort_by_key(|m| (m.priority, m.next_attempt_at));
    Ok(claimed)
}

/// Marks what the mail server accepted as sent (one statement for them all) and schedules
/// the rest for another try, or gives up on them after a day. Only rows this node still holds
/// change: a row whose claim ran out (a mail server hanging for minutes) may have been taken and
/// sent by another node since.
fn record(
    conn: &mut DbConnection,
    node: &str,
    outcomes: &[(Claimed, anyhow::Result<()>)],
    first_retry: Duration,
) -> Result<(), DbError> {
    let now = Utc::now().naive_utc();
    let held = email_outbox::claimed_by
        .eq(node.to_owned())
        .and(email_outbox::status.eq("pending"));
    conn.transaction(|conn| {
        let sent: Vec<&str> = outcomes
            .iter()
            .filter(|(_, outcome)| outcome.is_ok())
            .map(|(message, _)| message.id.as_str())
            .collect();
        diesel::update(
            email_outbox::table
                .filter(email_outbox::id.eq_any(&sent))
                .filter(held.clone()),
        )
            .set((
                email_outbox::status.eq("sent"),
                email_outbox::sent_at.eq(Some(now)),
                email_outbox::attempts.eq(email_outbox::attempts + 1),
                email_outbox::locked_until.eq(None::<NaiveDateTime>),
            ))
            .execute(conn)?;
        for (message, outcome) in outcomes {
            let Err(error) = outcome else { continue };
            tracing::warn!(%error, id = message.id, "an email could not be sent; it will be retried");
            // 30 s, 1 min, 2 min, ... (by default) up to an hour between tries.
            let pause = (first_retry * 2i32.pow(message.attempts.clamp(0, 7) as u32))
                .min(Duration::hours(1));
            let status = if now - message.created_at > GIVE_UP_AFTER {
                "failed"
            } else {
                "pending"
            };
            diesel::update(email_outbox::table.find(&message.id).filter(held.clone()))
                .set((
                    email_outbox::status.eq(status),
                    email_outbox::attempts.eq(message.attempts + 1),
                    email_outbox::last_error.eq(Some(error.to_string())),
                    email_outbox::next_attempt_at.eq(now + pause),
                    email_outbox::locked_until.eq(None::<NaiveDateTime>),
                ))
                .execute(conn)?;
        }
        Ok(())
    })
}

/// What waits in the outbox (for the health check now, and for metrics and the operations
/// pages later).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Backlog {
    /// Emails not yet sent (due now or waiting to be retried).
    pub queued: i64,
    /// How long the oldest email due now has waited to be tried, in seconds (0 when none is).
    pub oldest_due_seconds: i64,
    /// How long the oldest unsent email has waited since it was queued, retries and all.
    pub oldest_waiting_seconds: i64,
}

impl Backlog {
    /// Emails are not leaving: the mail server refuses them (each retry moves the next try on,
    /// so only the time since queueing shows it), or no node is sending.
    pub fn stuck(&self) -> bool {
        self.oldest_waiting_seconds > STUCK_AFTER.num_seconds()
    }
}

/// Emails given up on (from the due index, which leads with the status).
pub fn failed(conn: &mut DbConnection) -> QueryResult<i64> {
    email_outbox::table
        .filter(email_outbox::status.eq("failed"))
        .count()
        .get_result(conn)
}

/// Reads the backlog from the due index (status, priority, next attempt).
pub fn backlog(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<Backlog> {
    let pending = email_outbox::table.filter(email_outbox::status.eq("pending"));
    let queued = pending.count().get_result(conn)?;
    let oldest_due: Option<NaiveDateTime> = pending
        .filter(email_outbox::next_attempt_at.le(now))
        .select(min(email_outbox::next_attempt_at))
        .first(conn)?;
    let oldest_queued: Option<NaiveDateTime> =
        pending.select(min(email_outbox::created_at)).first(conn)?;
    let age = |at: Option<NaiveDateTime>| at.map_or(0, |at| (now - at).num_seconds().max(0));
    Ok(Backlog {
        queued,
        oldest_due_seconds: age(oldest_due),
        oldest_waiting_seconds: age(oldest_queued),
    })
}

/// An email given up on, as administrators see it.
#[derive(Debug, Queryable, Selectable)]
#[diesel(table_name = email_outbox)]
struct Failed {
    id: String,
    to_address: String,
    template: String,
    priority: i32,
    attempts: i32,
    last_error: Option<String>,
    created_at: NaiveDateTime,
}

impl Failed {
    fn view(self) -> FailedEmailView {
        let to = masked(&self.to_address);
        FailedEmailView {
            id: self.id,
            last_error: self.last_error.map(|e| e.replace(&self.to_address, &to)),
            to,
            email: self.template,
            attempts: u32::try_from(self.attempts).unwrap_or(0),
            queued_at: self.created_at.and_utc(),
            can_retry: self.priority != Priority::Code as i32,
        }
    }
}

/// Emails given up on, newest first (from `email_outbox_given_up`).
pub fn failed_page(
    conn: &mut DbConnection,
    page: &PageRequest,
) -> QueryResult<(Vec<FailedEmailView>, Option<String>)> {
    let mut select = email_outbox::table
        .filter(email_outbox::status.eq("failed"))
        .order((email_outbox::created_at.desc(), email_outbox::id.desc()))
        .limit(page.limit + 1)
        .select(Failed::as_select())
        .into_boxed();
    if let Some(cursor) = page.after.clone() {
        select = select.filter(crate::older_than!(
            email_outbox::created_at,
            email_outbox::id,
            cursor
        ));
    }
    let (rows, next) = page.finish(select.load(conn)?, |e| Cursor {
        at: e.created_at,
        id: e.id.clone(),
    });
    Ok((rows.into_iter().map(Failed::view).collect(), next))
}

/// Why an email given up on was not queued again.
#[derive(Debug, thiserror::Error)]
pub enum NotRetried {
    #[error("no email given up on has this id")]
    NotFound,
    #[error("the email carried a one-time code, which has expired")]
    CarriedACode,
    #[error(transparent)]
    Database(#[from] diesel::result::Error),
}

/// Queues an email given up on again, as if queued now (so it has another day of tries); the
/// failed row goes, so it is listed and counted once. Its id changes, and so does the
/// `Message-ID`, since the first was never delivered. Returns the new id.
pub fn retry(
    conn: &mut DbConnection,
    id: &EmailId,
    now: NaiveDateTime,
) -> Result<String, NotRetried> {
    let (failed, subject, text_body, html_body): (Failed, String, String, String) =
        email_outbox::table
            .find(id)
            .filter(email_outbox::status.eq("failed"))
            .select((
                Failed::as_select(),
                email_outbox::subject,
                email_outbox::text_body,
                email_outbox::html_body,
            ))
            .first(conn)
            .optional()?
            .ok_or(NotRetried::NotFound)?;
    if failed.priority == Priority::Code as i32 {
        return Err(NotRetried::CarriedACode);
    }
    let new_id = Uuid::now_v7().to_string();
    diesel::insert_into(email_outbox::table)
        .values((
            email_outbox::id.eq(&new_id),
            email_outbox::to_address.eq(&failed.to_address),
            email_outbox::template.eq(&failed.template),
            email_outbox::priority.eq(failed.priority),
            email_outbox::subject.eq(subject),
            email_outbox::text_body.eq(text_body),
            email_outbox::html_body.eq(html_body),
            email_outbox::status.eq("pending"),
            email_outbox::attempts.eq(0),
            email_outbox::next_attempt_at.eq(now),
            email_outbox::created_at.eq(now),
        ))
        .execute(conn)?;
    diesel::delete(email_outbox::table.find(id)).execute(conn)?;
    Ok(new_id)
}

/// An address with all but the first letter of its mailbox hidden: `s•••@example.org`.
pub fn masked(address: &str) -> String {
    match address.rsplit_once('@') {
        Some((mailbox, domain)) => {
            let first: String = mailbox.chars().take(1).collect();
            format!("{first}•••@{domain}")
        }
        None => "•••".to_owned(),
    }
}

/// Sent emails are kept this long, to answer "did you send me…?".
const KEEP_SENT: Duration = Duration::days(30);

/// Forgets emails sent over a month ago (hourly, by `crate::purge`).
pub fn purge_sent(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        email_outbox::table
            .filter(email_outbox::status.eq("sent"))
            .filter(email_outbox::sent_at.lt(now - KEEP_SENT)),
    )
    .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_queue_is_stuck_when_its_oldest_email_has_waited_ten_minutes() {
        // Retried emails are never long overdue: the time since queueing is what counts.
        let waited = |seconds| Backlog {
            queued: 1,
            oldest_due_seconds: 0,
            oldest_waiting_seconds: seconds,
        };
        assert!(!waited(0).stuck());
        assert!(!waited(600).stuck());
        assert!(waited(601).stuck());
    }

    #[test]
    fn an_address_shown_to_administrators_keeps_only_its_first_letter_and_domain() {
        assert_eq!(masked("sam.jones@example.org"), "s•••@example.org");
        assert_eq!(masked("a@b@example.org"), "a•••@example.org");
        assert_eq!(masked("nobody"), "•••");
    }
}
