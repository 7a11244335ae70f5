use serde::{Deserialize, Serialize};

/// The answer of `GET /api/v1/health`: whether this node can serve requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "status": "ok",
    "version": "0.1.0",
    "database": {"backend": "sqlite", "answers": true},
    "outbox": {"queued": 3, "oldest_due_seconds": 1, "stuck": false}
})))]
pub struct Health {
    pub status: HealthStatus,
    /// The version of the running API build.
    pub version: String,
    pub database: DatabaseHealth,
    /// What waits to be emailed; absent when the database does not answer.
    pub outbox: Option<OutboxHealth>,
}

/// The email outbox, shared by every node. A stuck queue does not make a node unhealthy (every
/// node sends from the same queue), but it means emails, sign-in codes among them, are not
/// leaving: the mail server refuses them, or no node is sending.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxHealth {
    /// Emails not yet sent, due now or waiting for a retry.
    pub queued: i64,
    /// How long the oldest email due now has waited, in seconds (0 when none is due).
    pub oldest_due_seconds: i64,
    /// Whether the oldest due email has waited more than 10 minutes.
    pub stuck: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum HealthStatus {
    /// Every dependency answers.
    Ok,
    /// The node is up but the database does not answer; load balancers should route elsewhere.
    Unavailable,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DatabaseHealth {
    pub backend: DatabaseBackend,
    /// Whether a trivial query succeeded just now.
    pub answers: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum DatabaseBackend {
    Sqlite,
    Postgres,
}

impl DatabaseBackend {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}
