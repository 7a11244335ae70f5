//! Sessions and their refresh tokens: opaque, stored hashed, rotated on every use. A rotated
//! token presented again means it was stolen or replayed, so its whole family is revoked.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use rand::RngCore;
use uuid::Uuid;

use crate::auth::keys::keyed_hash;
use crate::db::DbConnection;
use shared::api::Role;

use crate::db::schema::{accounts, sessions};

/// A session can last at most this long, however active, before signing in again.
pub const ABSOLUTE_LIFETIME: Duration = Duration::hours(12);

pub struct NewSession {
    pub session_id: String,
    pub refresh_token: String,
}

fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

fn insert(
    conn: &mut DbConnection,
    key: &[u8],
    account_id: &str,
    family_id: &str,
    expires_at: NaiveDateTime,
    now: NaiveDateTime,
) -> QueryResult<NewSession> {
    let session_id = Uuid::now_v7().to_string();
    let refresh_token = new_token();
    diesel::insert_into(sessions::table)
        .values((
            sessions::id.eq(&session_id),
            sessions::account_id.eq(account_id),
            sessions::family_id.eq(family_id),
            sessions::refresh_token_hash.eq(keyed_hash(key, &refresh_token)),
            sessions::created_at.eq(now),
            sessions::last_active_at.eq(now),
            sessions::expires_at.eq(expires_at),
        ))
        .execute(conn)?;
    Ok(NewSession {
        session_id,
        refresh_token,
    })
}

/// Starts a session after a successful sign-in.
pub fn start(
    conn: &mut DbConnection,
    key: &[u8],
    account_id: &str,
    now: NaiveDateTime,
) -> QueryResult<NewSession> {
    let family = Uuid::now_v7().to_string();
    insert(conn, key, account_id, &family, now + ABSOLUTE_LIFETIME, now)
}

pub enum Refresh {
    /// A new token in the same family; the account it belongs to.
    Rotated {
        session: NewSession,
        account_id: String,
    },
    /// Unknown, expired, idle too long, revoked, or replayed (which revokes the family).
    Refused,
}

/// Exchanges a refresh token for the next one in its family.
pub fn rotate(
    conn: &mut DbConnection,
    key: &[u8],
    presented: &str,
    idle_timeout: Duration,
    now: NaiveDateTime,
) -> QueryResult<Refresh> {
    type Row = (
        String,
        String,
        String,
        NaiveDateTime,
        NaiveDateTime,
        Option<NaiveDateTime>,
        Option<NaiveDateTime>,
    );
    let found: Option<Row> = sessions::table
        .filter(sessions::refresh_token_hash.eq(keyed_hash(key, presented)))
        .select((
            sessions::id,
            sessions::account_id,
            sessions::family_id,
            sessions::last_active_at,
            sessions::expires_at,
            sessions::rotated_at,
            sessions::revoked_at,
        ))
        .first(conn)
        .optional()?;
    let Some((id, account_id, family_id, last_active_at, expires_at, rotated_at, revoked_at)) =
        found
    else {
        return Ok(Refresh::Refused);
    };
    if rotated_at.is_some() {
        tracing::warn!(family = %family_id, "a rotated refresh token was presented again; revoking its family");
        revoke_family(conn, &family_id, now)?;
        return Ok(Refresh::Refused);
    }
    if revoked_at.is_some() || expires_at <= now || last_active_at + idle_timeout <= now {
        return Ok(Refresh::Refused);
    }
    diesel::update(sessions::table.find(&id))
        .set(sessions::rotated_at.eq(Some(now)))
        .execute(conn)?;
    let session = insert(conn, key, &account_id, &family_id, expires_at, now)?;
    Ok(Refresh::Rotated {
        session,
        account_id,
    })
}

pub fn revoke_family(
    conn: &mut DbConnection,
    family_id: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    // Callers say so again once this has committed (see `live::remembered`).
    crate::auth::live::announce(conn)?;
    diesel::update(
        sessions::table
            .filter(sessions::family_id.eq(family_id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(Some(now)))
    .execute(conn)
}

/// Ends the session a refresh token belongs to (signing out); unknown tokens change nothing.
pub fn end_by_token(
    conn: &mut DbConnection,
    key: &[u8],
    presented: &str,
    now: NaiveDateTime,
) -> QueryResult<()> {
    let family: Option<String> = sessions::table
        .filter(sessions::refresh_token_hash.eq(keyed_hash(key, presented)))
        .select(sessions::family_id)
        .first(conn)
        .optional()?;
    if let Some(family) = family {
        revoke_family(conn, &family, now)?;
    }
    Ok(())
}

/// Ends every session of an account, as a password reset does.
pub fn revoke_all(
    conn: &mut DbConnection,
    account_id: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    crate::auth::live::announce(conn)?;
    diesel::update(
        sessions::table
            .filter(sessions::account_id.eq(account_id))
            .filter(sessions::revoked_at.is_null()),
    )
    .set(sessions::revoked_at.eq(Some(now)))
    .execute(conn)
}

/// Ends every session of an account but the one `keep` belongs to (and its family), as a
/// change of password does.
pub fn revoke_others(
    conn: &mut DbConnection,
    account_id: &str,
    keep: &str,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let family: Option<String> = sessions::table
        .find(keep)
        .select(sessions::family_id)
        .first(conn)
        .optional()?;
    crate::auth::live::announce(conn)?;
    diesel::update(
        sessions::table
            .filter(sessions::account_id.eq(account_id))
            .filter(sessions::revoked_at.is_null())
            .filter(sessions::family_id.ne(family.unwrap_or_default())),
    )
    .set(sessions::revoked_at.eq(Some(now)))
    .execute(conn)
}

/// The account's role now (it may have changed since the token was issued) and when the
/// session ends at the latest, when the session `session_id` of `account_id` is live and the
/// account switched on.
pub fn live(
    conn: &mut DbConnection,
    session_id: &str,
    account_id: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<(Role, NaiveDateTime)>> {
    let found: Option<(String, NaiveDateTime)> = sessions::table
        .inner_join(accounts::table)
        .filter(sessions::id.eq(session_id))
        .filter(sessions::account_id.eq(account_id))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .filter(accounts::disabled_at.is_null())
        .select((accounts::role, sessions::expires_at))
        .first(conn)
        .optional()?;
    Ok(found.and_then(|(role, expires_at)| Role::parse(&role).map(|role| (role, expires_at))))
}

/// Forgets sessions past their end: one can no longer be refreshed, so its replay record is
/// moot too (hourly, by `crate::purge`).
pub fn purge_expired(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(sessions::table.filter(sessions::expires_at.lt(now))).execute(conn)
}
