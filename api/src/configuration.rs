//! Settings, layered: built-in defaults, then an optional TOML file, then `PORTAL_…` environment
//! variables (`PORTAL_SERVER__PORT=9000` sets `server.port`), then `DATABASE_URL`.

use std::path::{Path, PathBuf};

use anyhow::Context;
use config::{Config, Environment, File};
use serde::Deserialize;
use url::Url;

use crate::proxies::TrustedProxies;

/// The secret `just run` uses. It is in the repository, so it is refused for a public address.
pub const DEVELOPMENT_SECRET: &str = "development-only-secret-not-for-production-use";

/// Where settings are read from when no file is named and this one exists.
const DEFAULT_FILE: &str = "config/portal.toml";

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    /// The council's own details: name, phone numbers, area, teams, message types, links.
    pub council_file: PathBuf,
    /// The form definitions (`shared/forms`): one JSON file a form.
    pub forms_dir: PathBuf,
    /// England and Wales bank holidays in GOV.UK's JSON (`/bank-holidays.json`), read at start
    /// and again whenever the file changes.
    pub bank_holidays_file: PathBuf,
    /// The built browser app (`web/dist`, as `tools/web-dist` leaves it): `manifest.json` and
    /// the files it names, with their compressed copies.
    pub web_dir: PathBuf,
    /// Fonts tried, in order, for letters the built-in Noto Sans lacks in PDFs: a `.ttf`,
    /// `.otf` or `.ttc` each. One that is not installed is skipped with a warning. The default
    /// is Noto Sans CJK as Debian's `fonts-noto-cjk` installs it.
    pub pdf_fonts: Vec<PathBuf>,
    pub log: LogSettings,
    pub auth: AuthSettings,
    pub email: EmailSettings,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AuthSettings {
    /// Signs access tokens and keys the hashes of codes and bot-check challenges. Every node of
    /// one portal must share it; at least 32 characters.
    pub secret: String,
    /// Lifetime of an access token; the browser refreshes it while the user is active.
    pub access_token_minutes: i64,
    /// A session ends after this long without activity (WCAG 2.2.1 warns two minutes before).
    pub idle_timeout_minutes: i64,
    /// Wrong passwords for one email address from one client before that client waits.
    pub lock_after_failures: i32,
    /// The longest wait: the first is a minute, doubling with each further failure.
    pub lock_minutes: i64,
    /// Requests to the sign-in, registration and reset routes allowed per client address an hour.
    pub attempts_per_address_per_hour: i32,
    /// Threads that hash passwords; one fewer than the cores when absent, so a flood of
    /// sign-ins always leaves a core for everything else.
    pub password_hashing_threads: Option<usize>,
    /// Hashes that may wait for a thread; beyond that, 503 with `Retry-After`.
    pub password_hashing_queue: usize,
    /// Proof-of-work difficulty: the largest number the browser may have to try.
    pub bot_check_max_number: u64,
}

#[derive(Debug, Clone, Deserialize)]
pub struct EmailSettings {
    /// `smtp://host:port` (plain, for a relay on loopback), `smtps://user:password@host:465` or
    /// `smtp://user:password@host:587?tls=required`. Without it, emails are written as `.eml`
    /// files to `file_dir`, for development.
    pub smtp_url: Option<String>,
    pub file_dir: PathBuf,
    /// The sender, for example `Adult Social Care Online <no-reply@council.example>`.
    pub from: String,
    /// The pause before the first retry of an email the mail server refused or could not
    /// take; each later pause doubles, up to an hour.
    pub retry_seconds: i64,
    /// A folder of email templates laid out as `api/templates/email` (`_layout.*` and a folder
    /// per email), read at start instead of the copies built in: wording changes without a
    /// rebuild. Every template is tried at start, so a mistake stops the server there.
    pub templates_dir: Option<PathBuf>,
    /// Connections to the mail server the outbox keeps and sends over at once. Some services
    /// take few from one client (Microsoft 365 takes 3): beyond their limit a send is refused
    /// and retried later.
    pub connections: usize,
}

#[derive(Debug, Clone, Deserialize)]
pub struct ServerSettings {
    pub host: String,
    /// 0 asks the system for a free port, as the tests do.
    pub port: u16,
    /// The address people use to reach the portal. When it is `https`, browsers are told to
    /// insist on TLS (HSTS); TLS itself ends at the load balancer in front of the nodes.
    pub public_url: Url,
    /// The largest request body accepted, in bytes; uploads get their own limit.
    pub body_limit_bytes: usize,
    /// The largest file a form may attach, in bytes (a form's own limit may be lower).
    pub upload_limit_bytes: usize,
    /// How long in-flight requests may take to finish after a stop signal.
    pub shutdown_timeout_seconds: u64,
    /// Our own load balancers (addresses or CIDR networks): `X-Forwarded-For` is believed only
    /// as far as they vouch for it, or anyone could dodge the per-address limits.
    #[serde(default)]
    pub trusted_proxies: TrustedProxies,
    /// Replaced by `trusted_proxies`; still read so that setting it fails loudly instead of
    /// quietly counting every client as the balancer.
    #[serde(default)]
    pub trust_forwarded_for: Option<bool>,
    /// Lets webhooks go to this machine over plain http: for development and tests only. Off,
    /// webhooks go over https to servers on the internet and never into a private network.
    pub allow_local_webhooks: bool,
    /// Where `/metrics` is served for the operations team (`host:port`), on a listener of its
    /// own; `off` serves none. This machine only unless set otherwise: the numbers say how
    /// busy the service is, which is not for the public.
    pub metrics_address: String,
    /// Worker threads; the number of cores when absent.
    pub workers: Option<usize>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct DatabaseSettings {
    /// `sqlite://path/to/file.db` or `postgres://user:password@host:port/database`.
    pub url: String,
    pub pool_size: u32,
    pub connect_timeout_seconds: u64,
    /// How long SQLite waits for another writer before giving up.
    pub sqlite_busy_timeout_ms: u32,
}

#[derive(Debug, Clone, Deserialize)]
pub struct LogSettings {
    /// A `tracing` filter, for example `info,api=debug`; `RUST_LOG` wins when set.
    pub filter: String,
    pub format: LogFormat,
}

#[derive(Debug, Clone, Copy, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum LogFormat {
    /// Human-readable lines, for a terminal.
    Pretty,
    /// One JSON object a line, for a log collector.
    Json,
}

impl Settings {
    /// Reads the layers. `file`, when given, must exist; otherwise `config/portal.toml` is read
    /// when present.
    pub fn load(file: Option<&Path>) -> anyhow::Result<Self> {
        let mut builder = Config::builder()
            .set_default("server.host", "127.0.0.1")?
            .set_default("server.port", 8080)?
            .set_default("server.public_url", "http://127.0.0.1:8080")?
            .set_default("server.body_limit_bytes", 256 * 1024)?
            .set_default("server.upload_limit_bytes", 10 * 1024 * 1024)?
            .set_default("server.shutdown_timeout_seconds", 30)?
            .set_default("server.allow_local_webhooks", false)?
            .set_default("server.metrics_address", "127.0.0.1:9464")?
            .set_default("database.url", "sqlite://var/portal.db")?
            .set_default("database.pool_size", 8)?
            .set_default("database.connect_timeout_seconds", 5)?
            .set_default("database.sqlite_busy_timeout_ms", 5000)?
            .set_default("council_file", "config/council.toml")?
            .set_default("web_dir", "web/dist")?
            .set_default(
                "pdf_fonts",
                vec!["/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"],
            )?
            .set_default("forms_dir", "shared/forms")?
            .set_default("bank_holidays_file", "config/bank-holidays.json")?
            .set_default("log.filter", "info")?
            .set_default("log.format", "pretty")?
            .set_default("auth.secret", DEVELOPMENT_SECRET)?
            .set_default("auth.access_token_minutes", 5)?
            .set_default("auth.idle_timeout_minutes", 20)?
            .set_default("auth.lock_after_failures", 5)?
            .set_default("auth.lock_minutes", 60)?
            .set_default("auth.attempts_per_address_per_hour", 600)?
            .set_default("auth.bot_check_max_number", 50_000)?
            .set_default("auth.password_hashing_queue", 256)?
            .set_default("email.file_dir", "var/mail")?
            .set_default("email.retry_seconds", 30)?
            .set_default("email.connections", 3)?
            .set_default(
                "email.from",
                "Adult Social Care Online <no-reply@example.org>",
            )?;
        builder = match file {
            Some(path) => builder.add_source(File::from(path).required(true)),
            None => builder.add_source(File::with_name(DEFAULT_FILE).required(false)),
        };
        builder = builder.add_source(
            Environment::with_prefix("PORTAL")
                .prefix_separator("_")
                .separator("__")
                .try_parsing(true),
        );
        // The conventional name wins, so tools such as diesel_cli and the app agree.
        if let Ok(url) = std::env::var("DATABASE_URL") {
            builder = builder.set_override("database.url", url)?;
        }
        let settings: Self = builder
            .build()?
            .try_deserialize()
            .context("the configuration is not valid")?;
        settings.check()?;
        Ok(settings)
    }

    /// Refuses settings that would be unsafe in production.
    fn check(&self) -> anyhow::Result<()> {
        anyhow::ensure!(
            self.auth.secret.len() >= 32,
            "auth.secret must be at least 32 characters"
        );
        // Anyone can read the development secret, and forge any token with it: only a portal
        // that nobody else can reach may use it, whatever its scheme.
        anyhow::ensure!(
            self.auth.secret != DEVELOPMENT_SECRET || self.server.public_url_is_this_machine(),
            "set PORTAL_AUTH__SECRET: the development secret is public, so it serves only \
             http://127.0.0.1, ::1 or localhost, not {}",
            self.server.public_url
        );
        anyhow::ensure!(
            self.server.trust_forwarded_for.is_none(),
            "server.trust_forwarded_for is replaced by server.trusted_proxies: list the load \
             balancers' addresses or networks (PORTAL_SERVER__TRUSTED_PROXIES=\"10.0.0.0/8\")"
        );
        Ok(())
    }
}

impl ServerSettings {
    pub fn behind_tls(&self) -> bool {
        self.public_url.scheme() == "https"
    }

    /// Whether people reach the portal on this machine only.
    pub fn public_url_is_this_machine(&self) -> bool {
        match self.public_url.host() {
            Some(url::Host::Ipv4(ip)) => ip.is_loopback(),
            Some(url::Host::Ipv6(ip)) => ip.is_loopback(),
            Some(url::Host::Domain(name)) => name == "localhost",
            None => false,
        }
    }
}

impl DatabaseSettings {
    /// The URL without its password, fit for logs and messages.
    pub fn redacted_url(&self) -> String {
        match Url::parse(&self.url) {
            Ok(mut url) if url.password().is_some() => {
                // Setting a password only fails for URLs that cannot have one.
                let _ = url.set_password(Some("***"));
                url.to_string()
            }
            _ => self.url.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_are_kept_out_of_printed_urls() {
        let settings = DatabaseSettings {
            url: "postgres://portal:s3cret@db.internal:5432/portal".into(),
            pool_size: 1,
            connect_timeout_seconds: 1,
            sqlite_busy_timeout_ms: 1,
        };
        assert_eq!(
            settings.redacted_url(),
            "postgres://portal:***@db.internal:5432/portal"
        );
    }
}
