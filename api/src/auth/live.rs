//! Whether what an access token stands for still holds: its session not ended and its account
//! not switched off, or its machine client not revoked and its secret not replaced since. Asked
//! on every authenticated request, so signing out, a replayed refresh token, switching a member
//! of staff off and deleting a client take effect at once on every node (ASVS 7.4.1, 7.4.2)
//! instead of when the token runs out. One indexed lookup by primary key.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::api::Role;

use crate::db::DbConnection;
use crate::db::schema::{accounts, api_clients, sessions};

/// The account's role now (it may have changed since the token was issued), when the session
/// `session_id` of `account_id` is live and the account switched on.
pub fn person(
    conn: &mut DbConnection,
    session_id: &str,
    account_id: &str,
    now: NaiveDateTime,
) -> QueryResult<Option<Role>> {
    let role: Option<String> = sessions::table
        .inner_join(accounts::table)
        .filter(sessions::id.eq(session_id))
        .filter(sessions::account_id.eq(account_id))
        .filter(sessions::revoked_at.is_null())
        .filter(sessions::expires_at.gt(now))
        .filter(accounts::disabled_at.is_null())
        .select(accounts::role)
        .first(conn)
        .optional()?;
    Ok(role.as_deref().and_then(Role::parse))
}

/// Whether the client `client_id` is still switched on and its token was got with its current
/// secret (`secret_set`, when that secret was set, in microseconds): replacing a secret that
/// leaked must also end what was obtained with it.
pub fn client(
    conn: &mut DbConnection,
    client_id: &str,
    secret_set: Option<i64>,
) -> QueryResult<bool> {
    let current: Option<NaiveDateTime> = api_clients::table
        .find(client_id)
        .filter(api_clients::revoked_at.is_null())
        .select(api_clients::secret_set_at)
        .first(conn)
        .optional()?;
    Ok(current.is_some_and(|set| Some(set.and_utc().timestamp_micros()) == secret_set))
}
