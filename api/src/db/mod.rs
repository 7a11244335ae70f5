//! The database: SQLite by default, PostgreSQL in production, one code base over both.

mod connection;
mod migrations;
pub mod schema;

use std::time::Duration;

use anyhow::Context;
use diesel::r2d2::{Pool, PooledConnection};
use shared::api::DatabaseBackend;

use crate::configuration::DatabaseSettings;
use connection::Manager;
pub use connection::{DbConnection, Target};

/// A pool of connections to the one database this node uses.
#[derive(Clone)]
pub struct Database {
    pool: Pool<Manager>,
    backend: DatabaseBackend,
}

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
        let manager = Manager::new(target, settings.sqlite_busy_timeout_ms);
        let pool = Pool::builder()
            .max_size(settings.pool_size)
            .connection_timeout(Duration::from_secs(settings.connect_timeout_seconds))
            .build(manager)
            .with_context(|| format!("could not connect to {}", settings.redacted_url()))?;
        let mut conn = pool.get()?;
        migrations::run(&mut conn)?;
        Ok(Self { pool, backend })
    }

    pub fn backend(&self) -> DatabaseBackend {
        self.backend
    }

    /// Runs blocking database work on actix's blocking pool, off the async worker threads.
    pub async fn run<T, E, F>(&self, work: F) -> Result<T, E>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, E> + Send + 'static,
        T: Send + 'static,
        E: From<DbError> + From<actix_web::error::BlockingError> + Send + 'static,
    {
        let pool = self.pool.clone();
        actix_web::web::block(move || {
            let mut conn = pool.get().map_err(DbError::from)?;
            work(&mut conn)
        })
        .await?
    }

    /// A connection for code that is already off the async threads (the CLI, start-up).
    pub fn get(&self) -> Result<PooledConnection<Manager>, DbError> {
        Ok(self.pool.get()?)
    }
}
