//! The database: SQLite by default, PostgreSQL in production, one code base over both.

mod connection;
mod migrations;
pub mod schema;

use std::cell::RefCell;
use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

use anyhow::Context;
use diesel::r2d2::{Pool, PooledConnection};
use shared::api::DatabaseBackend;

use crate::configuration::DatabaseSettings;
use connection::Manager;
pub use connection::{DbConnection, MultiBackend, Target};
pub use migrations::complete as migrations_complete;

/// A pool of connections to the one database this node uses.
#[derive(Clone)]
pub struct Database {
    pool: Pool<Manager>,
    backend: DatabaseBackend,
    /// A SQLite file's path, for the quick reads each worker thread does on its own connection.
    sqlite_path: Option<String>,
    /// A PostgreSQL URL, for the connection that listens for notifications.
    postgres_url: Option<String>,
    /// Tells apart the databases one process may hold (tests start several).
    id: u64,
}

// Each worker thread's own read-only SQLite connections, by database.
thread_local! {
    static QUICK: RefCell<HashMap<u64, DbConnection>> = RefCell::new(HashMap::new());
}

static NEXT_ID: AtomicU64 = AtomicU64::new(0);

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("no database connection could be had")]
    Pool(#[from] diesel::r2d2::PoolError),
    #[error(transparent)]
    Query(#[from] diesel::result::Error),
    #[error("a background database task failed")]
    Task(#[from] tokio::task::JoinError),
}

impl Database {
    /// Opens the pool and applies any pending migrations before the first request.
    pub fn connect(settings: &DatabaseSettings) -> anyhow::Result<Self> {
        let target = Target::parse(&settings.url)?;
        let backend = target.backend();
        let (sqlite_path, postgres_url) = match &target {
            Target::Sqlite { path } => (Some(path.clone()), None),
            Target::Postgres { url } => (None, Some(url.clone())),
        };
        if let Some(path) = &sqlite_path {
            // Switching a new file to WAL takes a lock that the pool's first connections, opening
            // together, would fail on ("database is locked"); the mode stays with the file, so
            // one connection switches it before the pool opens any.
            use diesel::connection::SimpleConnection;
            use diesel::{Connection, SqliteConnection};
            let mut first = SqliteConnection::establish(path)
                .with_context(|| format!("could not open {}", settings.redacted_url()))?;
            first.batch_execute(&format!(
                "PRAGMA busy_timeout = {}; PRAGMA journal_mode = WAL;",
                settings.sqlite_busy_timeout_ms
            ))?;
        }
        let manager = Manager::new(target, settings.sqlite_busy_timeout_ms);
        let pool = Pool::builder()
            .max_size(settings.pool_size)
            .connection_timeout(Duration::from_secs(settings.connect_timeout_seconds))
            .build(manager)
            .with_context(|| format!("could not connect to {}", settings.redacted_url()))?;
        let mut conn = pool.get()?;
        migrations::run(&mut conn)?;
        Ok(Self {
            pool,
            backend,
            sqlite_path,
            postgres_url,
            id: NEXT_ID.fetch_add(1, Ordering::Relaxed),
        })
    }

    /// On PostgreSQL, calls `heard` for every `NOTIFY` on `channel`, from a thread of its own
    /// with a connection of its own, for as long as the process runs; `listening` says whether
    /// that connection is up (notifications sent while it is down are lost, so `heard` is
    /// called again on every reconnection). Nothing on SQLite.
    pub fn listen(&self, channel: &'static str, heard: fn(), listening: fn(bool)) {
        use diesel::{Connection, PgConnection, RunQueryDsl};
        let Some(url) = self.postgres_url.clone() else {
            return;
        };
        let spawned = std::thread::Builder::new()
            .name("portal-listen".into())
            .spawn(move || {
                loop {
                    if let Ok(mut conn) = PgConnection::establish(&url)
                        && diesel::sql_query(format!("LISTEN {channel}"))
                            .execute(&mut conn)
                            .is_ok()
                    {
                        listening(true);
                        heard();
                        let mut pinged = std::time::Instant::now();
                        loop {
                            let mut broken = false;
                            for notice in conn.notifications_iter() {
                                match notice {
                                    Ok(_) => heard(),
                                    Err(_) => {
                                        broken = true;
                                        break;
                                    }
                                }
                            }
                            // A quiet connection may have died without a word: ask now and then.
                            if !broken && pinged.elapsed() > Duration::from_secs(5) {
                                broken = diesel::sql_query("SELECT 1").execute(&mut conn).is_err();
                                pinged = std::time::Instant::now();
                            }
                            if broken {
                                break;
                            }
                            std::thread::sleep(Duration::from_millis(5));
                        }
                        listening(false);
                        heard();
                    }
                    std::thread::sleep(Duration::from_secs(1));
                }
            });
        if let Err(error) = spawned {
            tracing::warn!(%error, "could not start listening for notifications");
        }
    }

    /// A read of a row or two by key, which every authenticated request makes (is its session
    /// still live?). On SQLite it runs right here on the worker thread, on that thread's own
    /// read-only connection: the lookup takes microseconds, far less than handing it to the
    /// blocking pool, and WAL lets it read beside any writer. Should the file be busy, or on
    /// PostgreSQL, it goes through `run` like any other work.
    pub async fn read_quick<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: Fn(&mut DbConnection) -> diesel::QueryResult<T> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<actix_web::error::BlockingError> + Send + 'static,
    {
        if let Some(path) = &self.sqlite_path
            && let Some(done) = QUICK.with(|quick| {
                let mut quick = quick.borrow_mut();
                let conn = match quick.entry(self.id) {
                    std::collections::hash_map::Entry::Occupied(conn) => conn.into_mut(),
                    std::collections::hash_map::Entry::Vacant(slot) => {
                        slot.insert(connection::quick_sqlite(path).ok()?)
                    }
                };
                let done = work(conn);
                if done.is_err() {
                    // Busy, or broken: the next read opens a fresh one.
                    quick.remove(&self.id);
                }
                done.ok()
            })
        {
            return Ok(done);
        }
        self.run(move |conn| work(conn).map_err(|e| E::from(DbError::from(e))))
            .await
    }

    pub fn backend(&self) -> DatabaseBackend {
        self.backend
    }

    /// The pool's connections: open, and idle among them.
    pub fn pool_state(&self) -> (u32, u32) {
        let state = self.pool.state();
        (state.connections, state.idle_connections)
    }

    /// Runs blocking database work on actix's blocking pool, off the async worker threads. The
    /// work still answers the request that asked for it: a refusal it words (a wrong code, a
    /// stale save) is in the request's language.
    pub async fn run<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<actix_web::error::BlockingError> + Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(crate::request_language::carried(move || {
            let mut conn = pool.get().map_err(DbError::from)?;
            work(&mut conn)
        }))
        .await?
    }

    /// Runs `work` in one write transaction on the blocking pool. A write that queues an email
    /// or a webhook delivery goes through `AppState::write` instead, which wakes their senders
    /// once it commits. This one wakes nobody: waking them for a write that queued nothing would
    /// set them to work on older mail just before something urgent (a sign-in code) is queued.
    pub async fn write<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError>
            + From<diesel::result::Error>
            + From<actix_web::error::BlockingError>
            + Send
            + 'static,
    {
        self.run(move |conn| conn.write_transaction(work)).await
    }

    /// A connection for code that is already off the async threads (the CLI, start-up).
    pub fn get(&self) -> Result<PooledConnection<Manager>, DbError> {
        Ok(self.pool.get()?)
    }
}
