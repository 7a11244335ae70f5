//! Counters that slow down guessing: failures per email address (whether or not it has an
//! account, so a lock reveals nothing) and attempts per client address.

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
/// locked for `lock`. Returns when it is locked until, if it now is.
pub fn count(
    conn: &mut DbConnection,
    key: &str,
    limit: i32,
    window: Duration,
    lock: Duration,
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
    let locked_until = (count >= limit).then_some(now + lock);
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
