//! Whether what an access token stands for still holds: its session not ended and its account
//! not switched off, or its machine client not revoked and its secret not replaced since. Asked
//! on every authenticated request, so signing out, a replayed refresh token, switching a member
//! of staff off and deleting a client take effect at once on every node (ASVS 7.4.1, 7.4.2)
//! instead of when the token runs out. One indexed lookup by primary key: a person's in
//! `accounts::sessions::live`, a machine client's in `integrations::registry::live`. What is
//! here remembers answers between requests and tells the other nodes when one changes.

use diesel::prelude::*;

use crate::db::DbConnection;

/// The channel on which PostgreSQL nodes announce revocations to each other.
pub const CHANNEL: &str = "portal_revocations";

/// Tells every node that something which can end a session or switch an account off is being
/// committed: on PostgreSQL a `NOTIFY`, delivered to the other nodes when (and only if) the
/// transaction commits; SQLite has one node, which calls `remembered::revoked` itself.
pub fn announce(conn: &mut DbConnection) -> QueryResult<()> {
    if let DbConnection::Postgres(conn) = conn {
        diesel::sql_query(format!("NOTIFY {CHANNEL}")).execute(conn)?;
    }
    remembered::revoked();
    Ok(())
}

/// The answers of `person` are remembered in this process: the lookup costs as much as a
/// page's own queries. Every change that can end a session or switch an account off announces
/// it (`announce`, in its transaction) and calls `revoked` once it has committed, which forgets
/// them all, so the promise holds at once on this node. SQLite has no other node; a PostgreSQL
/// node remembers only while it listens for the other nodes' announcements, which reach it
/// within milliseconds of their commit. A short lifetime guards against a change made by hand.
pub mod remembered {
    use std::collections::HashMap;
    use std::sync::Mutex;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

    use chrono::{Duration, NaiveDateTime};
    use shared::api::Role;

    /// The longest an answer is trusted without asking again.
    const LIFETIME: Duration = Duration::seconds(10);
    /// Sessions remembered at most; beyond, the memory starts again.
    const MOST: usize = 10_000;

    static GENERATION: AtomicU64 = AtomicU64::new(0);
    /// On PostgreSQL, whether this node hears the revocations other nodes announce.
    static LISTENING: AtomicBool = AtomicBool::new(false);
    static ANSWERS: Mutex<Option<HashMap<(String, String), Answer>>> = Mutex::new(None);

    #[derive(Clone, Copy)]
    struct Answer {
        role: Role,
        generation: u64,
        until: NaiveDateTime,
    }

    /// Something that can end a session or switch an account off has committed.
    pub fn revoked() {
        GENERATION.fetch_add(1, Ordering::SeqCst);
    }

    pub fn set_listening(listening: bool) {
        LISTENING.store(listening, Ordering::SeqCst);
    }

    /// Whether a PostgreSQL node may remember: only while it hears every other node's
    /// revocations.
    pub fn listening() -> bool {
        LISTENING.load(Ordering::SeqCst)
    }

    /// To read before asking the database, and hand to `keep` with its answer: a revocation
    /// between the two makes the answer stale, and it is then never used.
    pub fn generation() -> u64 {
        GENERATION.load(Ordering::SeqCst)
    }

    pub fn recall(session_id: &str, account_id: &str, now: NaiveDateTime) -> Option<Role> {
        let answers = ANSWERS.lock().ok()?;
        let answer = answers
            .as_ref()?
            .get(&(session_id.to_owned(), account_id.to_owned()))?;
        (answer.generation == generation() && answer.until > now).then_some(answer.role)
    }

    pub fn keep(
        session_id: &str,
        account_id: &str,
        role: Role,
        generation: u64,
        expires_at: NaiveDateTime,
        now: NaiveDateTime,
    ) {
        if let Ok(mut answers) = ANSWERS.lock() {
            let answers = answers.get_or_insert_with(HashMap::new);
            if answers.len() >= MOST {
                answers.clear();
            }
            answers.insert(
                (session_id.to_owned(), account_id.to_owned()),
                Answer {
                    role,
                    generation,
                    until: expires_at.min(now + LIFETIME),
                },
            );
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn an_answer_is_forgotten_when_anything_is_revoked_or_it_grows_old() {
            let now = chrono::Utc::now().naive_utc();
            let later = now + Duration::hours(1);
            keep("s1", "a1", Role::Staff, generation(), later, now);
            assert_eq!(recall("s1", "a1", now), Some(Role::Staff));
            assert_eq!(recall("s1", "a2", now), None, "another account's token");
            assert_eq!(recall("s1", "a1", now + Duration::seconds(11)), None);
            revoked();
            assert_eq!(recall("s1", "a1", now), None);
            // An answer read before a revocation is never kept as fresh.
            let before = generation();
            revoked();
            keep("s1", "a1", Role::Staff, before, later, now);
            assert_eq!(recall("s1", "a1", now), None);
        }
    }
}
