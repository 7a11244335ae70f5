use anyhow::{Context, bail};
use diesel::connection::SimpleConnection;
use diesel::prelude::*;
use diesel::r2d2::{ManageConnection, R2D2Connection};
use shared::api::DatabaseBackend;

/// A connection to either backend; queries written once run on both.
#[derive(diesel::MultiConnection)]
pub enum DbConnection {
    Postgres(PgConnection),
    Sqlite(SqliteConnection),
}

/// Which database the URL names. The scheme decides: `MultiConnection::establish` would try each
/// backend in turn, and SQLite happily creates a file named after a PostgreSQL URL it was given
/// when the server is down.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Sqlite { path: String },
    Postgres { url: String },
}

impl Target {
    pub fn parse(url: &str) -> anyhow::Result<Self> {
        if let Some(path) = url.strip_prefix("sqlite://") {
            if path.is_empty() {
                bail!("the SQLite URL names no file: use sqlite://path/to/portal.db");
            }
            if let Some(parent) = std::path::Path::new(path).parent()
                && !parent.as_os_str().is_empty()
            {
                std::fs::create_dir_all(parent)
                    .with_context(|| format!("could not create {}", parent.display()))?;
            }
            Ok(Self::Sqlite {
                path: path.to_owned(),
            })
        } else if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            Ok(Self::Postgres {
                url: url.to_owned(),
            })
        } else {
            bail!("DATABASE_URL must start with sqlite:// or postgres://")
        }
    }

    pub fn backend(&self) -> DatabaseBackend {
        match self {
            Self::Sqlite { .. } => DatabaseBackend::Sqlite,
            Self::Postgres { .. } => DatabaseBackend::Postgres,
        }
    }
}

/// Makes pool connections for one target, setting up each SQLite connection as the portal needs.
pub struct Manager {
    target: Target,
    sqlite_busy_timeout_ms: u32,
}

impl Manager {
    pub fn new(target: Target, sqlite_busy_timeout_ms: u32) -> Self {
        Self {
            target,
            sqlite_busy_timeout_ms,
        }
    }
}

/// A read-only connection to a SQLite file for quick reads on a worker thread: it waits at most
/// a few milliseconds for a lock (the caller then reads through the pool instead).
pub fn quick_sqlite(path: &str) -> diesel::ConnectionResult<DbConnection> {
    let mut conn = SqliteConnection::establish(path)?;
    conn.batch_execute("PRAGMA busy_timeout = 5; PRAGMA query_only = ON;")
        .map_err(|e| diesel::ConnectionError::BadConnection(e.to_string()))?;
    Ok(DbConnection::Sqlite(conn))
}

impl ManageConnection for Manager {
    type Connection = DbConnection;
    type Error = diesel::r2d2::Error;

    fn connect(&self) -> Result<DbConnection, Self::Error> {
        match &self.target {
            Target::Postgres { url } => PgConnection::establish(url)
                .map(DbConnection::Postgres)
                .map_err(diesel::r2d2::Error::ConnectionError),
            Target::Sqlite { path } => {
                let mut conn = SqliteConnection::establish(path)
                    .map_err(diesel::r2d2::Error::ConnectionError)?;
                // WAL lets readers work while one writer writes; the busy timeout makes a second
                // writer wait instead of failing, and comes first because switching a new file to
                // WAL takes a lock that the pool's other new connections would otherwise fail on;
                // SQLite leaves foreign keys off unless asked.
                conn.batch_execute(&format!(
                    "PRAGMA busy_timeout = {}; PRAGMA journal_mode = WAL; \
                     PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;",
                    self.sqlite_busy_timeout_ms
                ))
                .map_err(diesel::r2d2::Error::QueryError)?;
                Ok(DbConnection::Sqlite(conn))
            }
        }
    }

    fn is_valid(&self, conn: &mut DbConnection) -> Result<(), Self::Error> {
        conn.ping().map_err(diesel::r2d2::Error::QueryError)
    }

    fn has_broken(&self, conn: &mut DbConnection) -> bool {
        conn.is_broken()
    }
}

impl DbConnection {
    /// Runs an insert in a savepoint and treats "already there" (a unique violation) as done:
    /// two requests recording the same first opening at once must not fail the second.
    pub fn insert_once(
        &mut self,
        insert: impl FnOnce(&mut Self) -> QueryResult<usize>,
    ) -> QueryResult<()> {
        match self.transaction(insert) {
            Ok(_)
            | Err(diesel::result::Error::DatabaseError(
                diesel::result::DatabaseErrorKind::UniqueViolation,
                _,
            )) => Ok(()),
            Err(error) => Err(error),
        }
    }

    /// A transaction that will write. On SQLite it begins `IMMEDIATE`, taking the write lock at
    /// once: a transaction that read first and wrote later would otherwise fail at once with
    /// "database is locked" (its snapshot gone stale) whenever another connection wrote in
    /// between, and the busy timeout cannot help with that. PostgreSQL needs nothing special.
    pub fn write_transaction<T, E, F>(&mut self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut Self) -> Result<T, E>,
        E: From<diesel::result::Error>,
    {
        use diesel::connection::{AnsiTransactionManager, TransactionManager};

        if !matches!(self, Self::Sqlite(_)) {
            return self.transaction(work);
        }
        if let Self::Sqlite(conn) = self {
            AnsiTransactionManager::begin_transaction_sql(conn, "BEGIN IMMEDIATE")?;
        }
        let outcome = work(self);
        if let Self::Sqlite(conn) = self {
            match &outcome {
                Ok(_) => AnsiTransactionManager::commit_transaction(conn)?,
                Err(_) => AnsiTransactionManager::rollback_transaction(conn)?,
            }
        }
        outcome
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_scheme_decides_the_backend() {
        let dir = std::env::temp_dir().join("portal-target-test");
        let sqlite = format!("sqlite://{}/portal.db", dir.display());
        assert_eq!(
            Target::parse(&sqlite).unwrap().backend(),
            DatabaseBackend::Sqlite
        );
        assert_eq!(
            Target::parse("postgres://u@localhost/p").unwrap().backend(),
            DatabaseBackend::Postgres
        );
        assert!(Target::parse("mysql://u@localhost/p").is_err());
        assert!(Target::parse("sqlite://").is_err());
    }
}
