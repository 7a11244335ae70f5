//! The kinds of message a person can send (from the council file, in its order) and the team
//! each goes to. `crate::council` applies the file's list through `apply`; the rest of the
//! portal asks here.

use chrono::NaiveDateTime;
use diesel::prelude::*;
use shared::api::TeamRef;

use crate::db::DbConnection;
use crate::db::schema::message_types;
use crate::error::ApiError;
use crate::teams;

/// A message type as the council file names it.
pub struct Configured<'a> {
    pub key: &'a str,
    pub label: &'a str,
    pub team: &'a str,
}

/// Makes the types in use exactly those of the council file, in its order; a type the file no
/// longer names is closed, never deleted, since threads keep their type.
pub fn apply<'a>(
    conn: &mut DbConnection,
    configured: impl IntoIterator<Item = Configured<'a>>,
    now: NaiveDateTime,
) -> QueryResult<()> {
    diesel::update(message_types::table)
        .set(message_types::active.eq(false))
        .execute(conn)?;
    for (position, kind) in (0i32..).zip(configured) {
        let updated = diesel::update(message_types::table.find(kind.key))
            .set((
                message_types::label.eq(kind.label),
                message_types::team_key.eq(kind.team),
                message_types::position.eq(position),
                message_types::active.eq(true),
                message_types::updated_at.eq(now),
            ))
            .execute(conn)?;
        if updated == 0 {
            diesel::insert_into(message_types::table)
                .values((
                    message_types::key.eq(kind.key),
                    message_types::label.eq(kind.label),
                    message_types::team_key.eq(kind.team),
                    message_types::position.eq(position),
                    message_types::active.eq(true),
                    message_types::updated_at.eq(now),
                ))
                .execute(conn)?;
        }
    }
    Ok(())
}

/// The team that answers messages of the type `key`, when it is a type in use.
pub fn team_of(conn: &mut DbConnection, key: &str) -> Result<TeamRef, ApiError> {
    let team_key: String = message_types::table
        .filter(message_types::key.eq(key))
        .filter(message_types::active.eq(true))
        .select(message_types::team_key)
        .first(conn)
        .optional()?
        .ok_or_else(|| {
            ApiError::field(
                "message_type",
                crate::request_language::says("messages-choose-listed-type"),
            )
        })?;
    Ok(teams::reference(conn, &team_key)?)
}

/// The type's label, as people read it on a thread, open or closed.
pub fn label_of(conn: &mut DbConnection, key: &str) -> QueryResult<String> {
    message_types::table
        .find(key)
        .select(message_types::label)
        .first(conn)
}

/// The first type in use, in the council file's order.
pub fn first(conn: &mut DbConnection) -> QueryResult<String> {
    message_types::table
        .filter(message_types::active.eq(true))
        .order(message_types::position)
        .select(message_types::key)
        .first(conn)
}
