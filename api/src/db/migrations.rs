use anyhow::anyhow;
use diesel::connection::SimpleConnection;
use diesel_migrations::{EmbeddedMigrations, MigrationHarness, embed_migrations};

use super::DbConnection;

// Each backend has its own SQL under the same change names; both are compiled into the binary.
const SQLITE: EmbeddedMigrations = embed_migrations!("../migrations/sqlite");
const POSTGRES: EmbeddedMigrations = embed_migrations!("../migrations/postgres");

/// Whether every migration this build carries has been applied.
pub fn complete(conn: &mut DbConnection) -> anyhow::Result<bool> {
    let pending = match conn {
        DbConnection::Sqlite(conn) => conn.has_pending_migration(SQLITE),
        DbConnection::Postgres(conn) => conn.has_pending_migration(POSTGRES),
    }
    .map_err(|e| anyhow!("migrations could not be read: {e}"))?;
    Ok(!pending)
}

pub fn run(conn: &mut DbConnection) -> anyhow::Result<()> {
    let applied = match conn {
        DbConnection::Sqlite(conn) => conn.run_pending_migrations(SQLITE).map(|v| v.len()),
        DbConnection::Postgres(conn) => {
            // Several API nodes may start at once on one PostgreSQL: one migrates, the others
            // wait for the lock and then find nothing pending.
            conn.batch_execute("SELECT pg_advisory_lock(20261122)")?;
            let result = conn.run_pending_migrations(POSTGRES).map(|v| v.len());
            conn.batch_execute("SELECT pg_advisory_unlock(20261122)")?;
            result
        }
    }
    .map_err(|e| anyhow!("migrations failed: {e}"))?;
    if applied > 0 {
        tracing::info!(applied, "database migrations applied");
    }
    Ok(())
}
