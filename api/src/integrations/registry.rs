//! The machine clients the council registered, as the rest of the portal asks about them:
//! whether one still holds (on every request a client makes) and their names (in the audit
//! log). Registering, replacing secrets and revoking are `clients`.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use diesel::prelude::*;

use crate::db::DbConnection;
use crate::db::schema::api_clients;

/// Whether the client `client_id` is still switched on and its token was got with its current
/// secret (`secret_set`, when that secret was set, in microseconds): replacing a secret that
/// leaked must also end what was obtained with it.
pub fn live(
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

/// The names of the clients `ids`, by id, for a page of the audit log: one query by key.
pub fn names<'a>(
    conn: &mut DbConnection,
    ids: impl IntoIterator<Item = &'a str>,
) -> QueryResult<HashMap<String, String>> {
    let ids: Vec<&str> = ids.into_iter().collect();
    Ok(api_clients::table
        .filter(api_clients::id.eq_any(ids))
        .select((api_clients::id, api_clients::name))
        .load::<(String, String)>(conn)?
        .into_iter()
        .collect())
}
