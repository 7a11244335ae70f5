use crate::council::Council;
use crate::db::Database;

/// What every request handler may use. Nodes keep no other state, so several can run side by
/// side on one PostgreSQL.
pub struct AppState {
    pub database: Database,
    pub council: Council,
}
