use crate::auth::Keys;
use crate::configuration::AuthSettings;
use crate::council::Council;
use crate::db::Database;
use crate::email::Outbox;
use crate::forms::FormLibrary;
use crate::passwords::PasswordHasher;
use crate::proxies::TrustedProxies;

/// What every request handler may use. Nodes keep no other state, so several can run side by
/// side on one PostgreSQL.
pub struct AppState {
    pub database: Database,
    /// The council applied to the database, which this node runs with.
    pub council: Council,
    /// The version of this node's own council file, for `/health/ready`.
    pub council_file: crate::council::Version,
    pub forms: FormLibrary,
    /// What PDFs are set in.
    pub fonts: crate::pdf::Fonts,
    pub keys: Keys,
    pub auth: AuthSettings,
    pub outbox: Outbox,
    /// What `/metrics` reports.
    pub metrics: crate::metrics::Metrics,
    /// How this node's email leaves, for the readiness check.
    pub mail: shared::api::MailTransport,
    /// Sends webhook deliveries; wake it after committing one.
    pub webhooks: crate::integrations::webhooks::deliveries::Dispatcher,
    pub passwords: PasswordHasher,
    /// The largest file a form may attach, in bytes.
    pub upload_limit_bytes: usize,
    /// Where people reach the portal, for links in emails.
    pub public_url: url::Url,
    /// Our load balancers, which say in `X-Forwarded-For` whom they serve.
    pub proxies: TrustedProxies,
}
