use serde::{Deserialize, Serialize};

/// The answer of `GET /api/v1/health`: whether this node can serve requests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "status": "ok",
    "version": "0.1.0",
    "database": {"backend": "sqlite", "answers": true},
    "outbox": {"stuck": false}
})))]
pub struct Health {
    pub status: HealthStatus,
    /// The version of the running API build.
    pub version: String,
    pub database: DatabaseHealth,
    /// Whether emails are leaving; null when the database does not answer.
    pub outbox: Option<OutboxHealth>,
}

/// The answer of `GET /api/v1/health/live`: the process answers. Nothing else is asked, so a
/// database outage never makes an orchestrator restart healthy nodes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({"status": "ok", "version": "0.1.0"})))]
pub struct Liveness {
    pub status: HealthStatus,
    /// The version of the running API build.
    pub version: String,
}

/// The answer of `GET /api/v1/health/ready`: whether this node should be sent traffic.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "status": "ok",
    "version": "0.1.0",
    "database": {"backend": "postgres", "answers": true, "migrated": true},
    "mail": "smtp",
    "forms": 5
})))]
pub struct Readiness {
    /// `ok` when the database answers and is migrated, and forms are loaded.
    pub status: HealthStatus,
    pub version: String,
    pub database: DatabaseReadiness,
    /// How email leaves this node.
    pub mail: MailTransport,
    /// The published forms this node serves.
    pub forms: u32,
    /// Which council file this node runs with. A difference does not make the node unready
    /// (it runs with the applied file, as every node does), but it is what to look at during
    /// a deploy.
    pub council: CouncilReadiness,
}

/// Council files by version: the first 12 hex digits of the SHA-256 of the file's text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CouncilReadiness {
    /// The council this node runs with: the one applied to the database when it started.
    pub running: String,
    /// The council applied to the database now. It differs from `running` after
    /// `portal council apply` until this node restarts. Absent when the database does not answer.
    pub applied: Option<String>,
    /// This node's own council file. It differs from `running` when the file was changed but
    /// not applied with `portal council apply`.
    pub file: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DatabaseReadiness {
    pub backend: DatabaseBackend,
    /// Whether a trivial query succeeded just now.
    pub answers: bool,
    /// Whether every migration this build carries has been applied.
    pub migrated: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum MailTransport {
    /// An SMTP server (`email.smtp_url`).
    Smtp,
    /// Files in a folder, for development (`email.file_dir`).
    Files,
}

/// The email outbox, shared by every node. A stuck queue does not make a node unhealthy (every
/// node sends from the same queue), but it means emails, sign-in codes among them, are not
/// leaving: the mail server refuses them, or no node is sending. The queue's length is not
/// shown here: anyone may ask, and its changes would tell whether an address has an account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OutboxHealth {
    /// Whether an email queued more than 10 minutes ago is still unsent.
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
