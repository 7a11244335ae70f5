//! Counters that slow down guessing: wrong passwords per email address and client address
//! together (whether or not the address has an account, so a lock reveals nothing), and
//! attempts per client address. Emailed codes have their own tries (`codes`), so nothing here
//! stands between a person and a code sent to them.

use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::throttles;
use crate::error::ApiError;

pub fn email_key(email: &str) -> String {
    format!("email:{email}")
}

pub fn address_key(address: &str) -> String {
    format!("address:{address}")
}

/// Wrong passwords for one email address from one client address: someone guessing from
/// elsewhere cannot lock the owner out (ASVS 6.3.1 without the denial of service).
pub fn sign_in_key(email: &str, address: &str) -> String {
    format!("sign-in:{address}:{email}")
}

/// How long a key stays locked once it reaches its limit.
#[derive(Debug, Clone, Copy)]
pub enum Lock {
    /// The same every time.
    For(Duration),
    /// `first` at the limit, twice as long for each further failure after a lock ends, up to
    /// `longest`: a person who mistypes waits a minute; a guesser waits longer and longer.
    Growing { first: Duration, longest: Duration },
}

impl Lock {
    fn after(self, count: i32, limit: i32) -> Duration {
        match self {
            Self::For(lock) => lock,
            Self::Growing { first, longest } => {
                let doublings = (count - limit).clamp(0, 16) as u32;
                (first * 2_i32.pow(doublings)).min(longest)
            }
        }
    }
}

/// Refuses when `key` is locked.
pub fn ensure_unlocked(
    conn: &mut DbConnection,
    key: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let locked_until: Option<Option<NaiveDateTime>> = throttles::table
        .find(key)
        .select(throttles::locked_until)
        .first(conn)
        .optional()?;
    match locked_until.flatten() {
        Some(until) if until > now => Err(ApiError::TooManyAttempts { until }),
        _ => Ok(()),
    }
}

/// Counts one event against `key` within `window`; when the count reaches `limit` the key is
/// locked as `lock` says. Returns when it is locked until, if it now is.
pub fn count(
    conn: &mut DbConnection,
    key: &str,
    limit: i32,
    window: Duration,
    lock: Lock,
    now: NaiveDateTime,
) -> QueryResult<Option<NaiveDateTime>> {
    let current: Option<(i32, NaiveDateTime)> = throttles::table
        .find(key)
        .select((throttles::count, throttles::window_started_at))
        .first(conn)
        .optional()?;
    let (count, started) = match current {
        Some((count, started)) if started + window > now => (count + 1, started),
        _ => (1, now),
    };
    let locked_until = (count >= limit).then(|| now + lock.after(count, limit));
    let updated = diesel::update(throttles::table.find(key))
        .set((
            throttles::count.eq(count),
            throttles::window_started_at.eq(started),
            throttles::locked_until.eq(locked_until),
        ))
        .execute(conn)?;
    if updated == 0 {
        diesel::insert_into(throttles::table)
            .values((
                throttles::key.eq(key),
                throttles::count.eq(count),
                throttles::window_started_at.eq(started),
                throttles::locked_until.eq(locked_until),
            ))
            .execute(conn)?;
    }
    Ok(locked_until)
}

/// Forgets the failures of `key`, after a success.
pub fn clear(conn: &mut DbConnection, key: &str) -> QueryResult<()> {
    diesel::delete(throttles::table.find(key)).execute(conn)?;
    Ok(())
}

/// Forgets windows over a day old that hold no lock (hourly, by `crate::purge`).
pub fn purge_stale(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(
        throttles::table
            .filter(throttles::window_started_at.lt(now - Duration::days(1)))
            .filter(
                throttles::locked_until
                    .is_null()
                    .or(throttles::locked_until.lt(now)),
            ),
    )
    .execute(conn)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_growing_lock_doubles_after_each_further_failure_up_to_its_longest() {
        let lock = Lock::Growing {
            first: Duration::minutes(1),
            longest: Duration::minutes(60),
        };
        let minutes: Vec<i64> = (5..13).map(|n| lock.after(n, 5).num_minutes()).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 60, 60]);
    }
}
