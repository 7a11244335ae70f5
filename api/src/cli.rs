//! The `portal` command: serve, migrate, load demonstration data, print the OpenAPI document.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::configuration::Settings;
use crate::startup::Application;
use crate::{db, demo, openapi, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "portal",
    version,
    about = "Adult Social Care Online: the portal server"
)]
pub struct Cli {
    /// A configuration file layered over the defaults (environment variables win over it).
    #[arg(long, env = "PORTAL_CONFIG_FILE", global = true)]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the API and the browser app (the default).
    Serve,
    /// Apply pending database migrations, then exit.
    Migrate,
    /// Load the demonstration accounts unless they were loaded before, and print their sign-ins.
    DemoData,
    /// Print the OpenAPI document (what `just openapi` writes to openapi/openapi.json).
    Openapi,
}

impl Cli {
    pub async fn run(self) -> anyhow::Result<()> {
        match self.command.unwrap_or(Command::Serve) {
            Command::Openapi => {
                println!("{}", openapi::document_json()?);
                Ok(())
            }
            Command::Serve => {
                let settings = Settings::load(self.config.as_deref())?;
                telemetry::init(&settings.log);
                let app = Application::build(settings).await?;
                tracing::info!(port = app.port(), "listening");
                println!("The portal is at {}", app.address());
                app.run_until_stopped()
                    .await
                    .context("the server stopped with an error")
            }
            Command::Migrate => {
                let settings = Settings::load(self.config.as_deref())?;
                telemetry::init(&settings.log);
                db::Database::connect(&settings.database)?;
                println!("Migrations applied to {}", settings.database.redacted_url());
                Ok(())
            }
            Command::DemoData => {
                let settings = Settings::load(self.config.as_deref())?;
                telemetry::init(&settings.log);
                let database = db::Database::connect(&settings.database)?;
                let report = demo::load(&database).await?;
                print!("{report}");
                Ok(())
            }
        }
    }
}
