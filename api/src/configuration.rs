//! Settings, layered: built-in defaults, then an optional TOML file, then `PORTAL_…` environment
//! variables (`PORTAL_SERVER__PORT=9000` sets `server.port`), then `DATABASE_URL`.

use std::path::{Path, PathBuf};

use anyhow::Context;
use config::{Config, Environment, File};
use serde::Deserialize;
use url::Url;

/// Where settings are read from when no file is named and this one exists.
const DEFAULT_FILE: &str = "config/portal.toml";

#[derive(Debug, Clone, Deserialize)]
pub struct Settings {
    pub server: ServerSettings,
    pub database: DatabaseSettings,
    /// The council's own details: name, phone numbers, area, teams, message types, links.
    pub council_file: PathBuf,
    /// The built browser app (`web/dist`): `index.html`, the wasm module and the styles.
    pub web_dir: PathBuf,
    pub log: LogSettings,
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
    /// How long in-flight requests may take to finish after a stop signal.
    pub shutdown_timeout_seconds: u64,
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
            .set_default("server.shutdown_timeout_seconds", 30)?
            .set_default("database.url", "sqlite://var/portal.db")?
            .set_default("database.pool_size", 8)?
            .set_default("database.connect_timeout_seconds", 5)?
            .set_default("database.sqlite_busy_timeout_ms", 5000)?
            .set_default("council_file", "config/council.toml")?
            .set_default("web_dir", "web/dist")?
            .set_default("log.filter", "info")?
            .set_default("log.format", "pretty")?;
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
        builder
            .build()?
            .try_deserialize()
            .context("the configuration is not valid")
    }
}

impl ServerSettings {
    pub fn behind_tls(&self) -> bool {
        self.public_url.scheme() == "https"
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
