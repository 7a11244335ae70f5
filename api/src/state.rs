use crate::auth::Keys;
use crate::configuration::AuthSettings;
use crate::council::Council;
use crate::db::{Database, DbConnection};
use crate::email::Outbox;
use crate::error::ApiError;
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

impl AppState {
    /// Runs `work` in one write transaction off the async threads, then wakes the email outbox
    /// and the webhook sender, so whatever the transaction queued (an email, a delivery) leaves
    /// at once instead of at their next poll. Every write that queues either goes through here.
    pub async fn write<T, F>(&self, work: F) -> Result<T, ApiError>
    where
        F: FnOnce(&mut DbConnection) -> Result<T, ApiError> + Send + 'static,
        T: Send + 'static,
    {
        let done = self.database.write(work).await?;
        self.outbox.wake();
        self.webhooks.wake();
        Ok(done)
    }
}
