//! Forgetting what is no longer needed: expired codes and sessions, old throttles and spent
//! bot checks, sent emails after a month, registrations never verified after a week, and
//! drafts 30 days after their last save (their owners are reminded first). Runs hourly on
//! every node; deletes are idempotent, so nodes may overlap.

use std::time::Duration as StdDuration;

use chrono::{NaiveDateTime, Utc};

use crate::accounts::{self, codes, sessions};
use crate::auth::{bot_check, throttle};
use crate::db::{DbConnection, DbError};
use crate::email::outbox;
use crate::referrals::{drafts, reminders, uploads};
use crate::state::AppState;

#[derive(Debug, Default, PartialEq, Eq)]
pub struct Purged {
    pub codes: usize,
    pub sessions: usize,
    pub throttles: usize,
    pub bot_checks: usize,
    pub emails: usize,
    pub unverified_accounts: usize,
    pub drafts: usize,
    pub uploads: usize,
}

impl Purged {
    /// Each kind of row and how many went, for the metrics.
    pub fn rows(&self) -> [(&'static str, usize); 8] {
        [
            ("codes", self.codes),
            ("sessions", self.sessions),
            ("throttles", self.throttles),
            ("bot_checks", self.bot_checks),
            ("emails", self.emails),
            ("unverified_accounts", self.unverified_accounts),
            ("drafts", self.drafts),
            ("uploads", self.uploads),
        ]
    }
}

/// Each kind of row asks its owner to forget what has had its time, in one transaction.
pub fn purge(conn: &mut DbConnection, now: NaiveDateTime) -> Result<Purged, DbError> {
    Ok(conn.write_transaction(|conn| {
        Ok::<_, diesel::result::Error>(Purged {
            codes: codes::purge_expired(conn, now)?,
            sessions: sessions::purge_expired(conn, now)?,
            throttles: throttle::purge_stale(conn, now)?,
            bot_checks: bot_check::purge_expired(conn, now)?,
            emails: outbox::purge_sent(conn, now)?,
            drafts: drafts::purge_expired(conn, now)?,
            uploads: uploads::purge_unused(conn, now)?,
            unverified_accounts: accounts::purge_unverified(conn, now)?,
        })
    })?)
}

/// Purges and sends due draft reminders now and then every hour, until the runtime stops.
pub fn spawn(state: actix_web::web::Data<AppState>) {
    tokio::spawn(async move {
        loop {
            let job = state.clone();
            let outcome = tokio::task::spawn_blocking(move || hourly(&job)).await;
            match outcome {
                Ok(Ok((purged, reminded))) => {
                    tracing::debug!(?purged, reminded, "purged old rows and sent reminders");
                    state.metrics.purged(&purged.rows());
                    if reminded > 0 {
                        state.outbox.wake();
                    }
                }
                Ok(Err(error)) => tracing::warn!(%error, "purge failed; will try again"),
                Err(error) => tracing::warn!(%error, "purge task failed; will try again"),
            }
            tokio::time::sleep(StdDuration::from_secs(3600)).await;
        }
    });
}

fn hourly(state: &AppState) -> anyhow::Result<(Purged, usize)> {
    let mut conn = state.database.get()?;
    let now = Utc::now().naive_utc();
    // Remind before purging, so that a draft is never deleted in the run that found it due.
    let reminded = reminders::send_due(
        &mut conn,
        now,
        state.council.view(),
        &state.forms,
        &state.public_url,
    )?;
    Ok((purge(&mut conn, now)?, reminded))
}
