//! Forgetting what is no longer needed: expired codes and sessions, old throttles and spent
//! bot checks, sent emails after a month, registrations never verified after a week, and
//! drafts 30 days after their last save (their owners are reminded first). Runs hourly on
//! every node; deletes are idempotent, so nodes may overlap.

use std::time::Duration as StdDuration;

use chrono::{Duration, NaiveDateTime, Utc};
use diesel::prelude::*;

use crate::db::schema::{
    accounts, drafts, email_outbox, one_time_codes, sessions, spent_bot_checks, throttles, uploads,
};
use crate::db::{DbConnection, DbError};
use crate::referrals::reminders;
use crate::state::AppState;

/// Sent emails are kept this long, to answer "did you send me…?".
const KEEP_SENT_EMAILS: Duration = Duration::days(30);
/// An upload no draft has used for longer than a draft lives is gone with its draft.
const KEEP_UNUSED_UPLOADS: Duration = Duration::days(31);
/// A registration whose code never came back is removed after this long.
const KEEP_UNVERIFIED_ACCOUNTS: Duration = Duration::days(7);

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

pub fn purge(conn: &mut DbConnection, now: NaiveDateTime) -> Result<Purged, DbError> {
    Ok(conn.write_transaction(|conn| {
        Ok::<_, diesel::result::Error>(Purged {
            codes: diesel::delete(one_time_codes::table.filter(one_time_codes::expires_at.lt(now)))
                .execute(conn)?,
            // An expired session can no longer be refreshed, so its replay record is moot too.
            sessions: diesel::delete(sessions::table.filter(sessions::expires_at.lt(now)))
                .execute(conn)?,
            throttles: diesel::delete(
                throttles::table
                    .filter(throttles::window_started_at.lt(now - Duration::days(1)))
                    .filter(
                        throttles::locked_until
                            .is_null()
                            .or(throttles::locked_until.lt(now)),
                    ),
            )
            .execute(conn)?,
            bot_checks: diesel::delete(
                spent_bot_checks::table.filter(spent_bot_checks::expires_at.lt(now)),
            )
            .execute(conn)?,
            emails: diesel::delete(
                email_outbox::table
                    .filter(email_outbox::status.eq("sent"))
                    .filter(email_outbox::sent_at.lt(now - KEEP_SENT_EMAILS)),
            )
            .execute(conn)?,
            drafts: diesel::delete(drafts::table.filter(drafts::expires_at.le(now)))
                .execute(conn)?,
            // A file no submission took, that no living draft has named for longer than a
            // draft lives.
            uploads: diesel::delete(
                uploads::table
                    .filter(uploads::submission_id.is_null())
                    .filter(uploads::last_used_at.lt(now - KEEP_UNUSED_UPLOADS)),
            )
            .execute(conn)?,
            unverified_accounts: diesel::delete(
                accounts::table
                    .filter(accounts::email_verified_at.is_null())
                    .filter(accounts::created_at.lt(now - KEEP_UNVERIFIED_ACCOUNTS)),
            )
            .execute(conn)?,
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
