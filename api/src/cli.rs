//! The `portal` command: serve, migrate, load demonstration data, print the OpenAPI document.

use std::path::PathBuf;

use anyhow::Context;
use clap::{Parser, Subcommand};

use crate::configuration::Settings;
use crate::council::Council;
use crate::startup::Application;
use crate::{accounts, council, db, demo, forms, openapi, passwords, telemetry};
use shared::api::{CreateStaffRequest, Role, validate_new_password};

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
    /// Tools for form designers: check definitions, print the format's JSON Schema.
    #[command(subcommand)]
    Forms(FormsCommand),
    /// The council file every node runs with.
    #[command(subcommand)]
    Council(CouncilCommand),
    /// Create the first administrator; the password is read from standard input, e.g.
    /// `printf '%s' "$PASSWORD" | portal create-admin --email … --forename … --surname …`.
    CreateAdmin {
        #[arg(long)]
        email: String,
        #[arg(long)]
        forename: String,
        #[arg(long)]
        surname: String,
    },
}

#[derive(Debug, Subcommand)]
enum FormsCommand {
    /// Check the definitions in a folder (default: the configured one) as the server does at
    /// start, and against the council file's teams; prints each mistake as `file:line: what`
    /// and fails when there is one. Nothing is started, so no restart is needed to try a form.
    Check {
        /// The folder of `*.json` definitions.
        dir: Option<PathBuf>,
    },
    /// Print the JSON Schema of the definition format (committed as
    /// shared/form-definition.schema.json, so an editor checks a definition as it is typed).
    Schema,
}

#[derive(Debug, Subcommand)]
enum CouncilCommand {
    /// Check the council file (and the forms against it) and make it the one every node runs
    /// with: nodes started from now on use it, and nodes already running use it once restarted.
    /// A node never applies a changed file on its own (see the README's "Running several nodes").
    Apply,
    /// Print the version of the council file and of the one applied to the database.
    Status,
}

impl Cli {
    pub async fn run(self) -> anyhow::Result<()> {
        match self.command.unwrap_or(Command::Serve) {
            Command::Openapi => {
                println!("{}", openapi::document_json()?);
                Ok(())
            }
            Command::Forms(FormsCommand::Schema) => {
                print!("{}", forms::schema_json()?);
                Ok(())
            }
            Command::Forms(FormsCommand::Check { dir }) => {
                let settings = Settings::load(self.config.as_deref())?;
                let council = Council::load(&settings.council_file)?;
                let dir = dir.unwrap_or(settings.forms_dir);
                let (found, problems) = forms::check_dir(&dir, Some(&council))?;
                for problem in &problems {
                    eprintln!("{problem}");
                }
                if !problems.is_empty() {
                    anyhow::bail!(
                        "{} mistake{} in {}",
                        problems.len(),
                        if problems.len() == 1 { "" } else { "s" },
                        dir.display()
                    );
                }
                println!(
                    "{} definitions in {} are well formed",
                    found.len(),
                    dir.display()
                );
                Ok(())
            }
            Command::Council(command) => {
                let settings = Settings::load(self.config.as_deref())?;
                telemetry::init(&settings.log);
                let council = Council::load(&settings.council_file)?;
                let database = db::Database::connect(&settings.database)?;
                let applied = council::applied_version(&mut *database.get()?)?;
                let applied_words = applied
                    .as_ref()
                    .map_or("none".to_owned(), |v| v.short().to_owned());
                match command {
                    CouncilCommand::Status => {
                        println!(
                            "The council file {} is version {}; the version applied is {}",
                            settings.council_file.display(),
                            council.version().short(),
                            applied_words
                        );
                    }
                    CouncilCommand::Apply => {
                        // The forms must still load against the new teams, or no node could
                        // start with them.
                        forms::FormLibrary::load(&settings.forms_dir, &council)?;
                        if applied.as_ref() == Some(council.version()) {
                            println!(
                                "The council file {} (version {}) is already the one applied",
                                settings.council_file.display(),
                                council.version().short()
                            );
                        } else {
                            council.apply(&mut *database.get()?)?;
                            // Nodes already running keep the one they started with.
                            let restart = if applied.is_some() {
                                " Restart running nodes one at a time for them to use it."
                            } else {
                                ""
                            };
                            println!(
                                "Applied the council file {}: version {} (was {}).{restart}",
                                settings.council_file.display(),
                                council.version().short(),
                                applied_words
                            );
                        }
                    }
                }
                Ok(())
            }
            Command::Serve => {
                let settings = Settings::load(self.config.as_deref())?;
                telemetry::init(&settings.log);
                let mail = match &settings.email.smtp_url {
                    Some(_) => "Emails are sent through the configured SMTP server.".to_owned(),
                    None => format!(
                        "No SMTP server is configured: emails (with their sign-in codes) are written to {}/",
                        settings.email.file_dir.display()
                    ),
                };
                let app = Application::build(settings).await?;
                tracing::info!(port = app.port(), "listening");
                println!("The portal is at {}", app.address());
                println!("{mail}");
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
            Command::CreateAdmin {
                email,
                forename,
                surname,
            } => {
                let settings = Settings::load(self.config.as_deref())?;
                telemetry::init(&settings.log);
                let mut password = String::new();
                std::io::stdin().read_line(&mut password)?;
                let password = password.trim_end_matches(['\r', '\n']).to_owned();
                let request = CreateStaffRequest {
                    forename,
                    surname,
                    email,
                    role: Role::Administrator,
                };
                let mut errors = request.validate();
                errors.extend(validate_new_password(&request.email, &password, &password));
                passwords::refuse_guessable(
                    &mut errors,
                    &password,
                    &[&request.email, &request.forename, &request.surname],
                );
                if !errors.is_empty() {
                    for (field, messages) in errors {
                        eprintln!("{field}: {}", messages.join("; "));
                    }
                    anyhow::bail!("the administrator was not created");
                }
                let database = db::Database::connect(&settings.database)?;
                let hash = passwords::hash(&password)?;
                let account = database
                    .get()?
                    .write_transaction(|conn| accounts::staff::insert(conn, &request, &hash))
                    .map_err(|e| anyhow::anyhow!("{:?}", e.to_problem()))?;
                println!("Administrator {} created", account.email);
                Ok(())
            }
            Command::DemoData => {
                let settings = Settings::load(self.config.as_deref())?;
                telemetry::init(&settings.log);
                let database = db::Database::connect(&settings.database)?;
                // The demonstration message needs the council's teams and message types.
                let council = Council::load(&settings.council_file)?
                    .settle(&mut *database.get()?)?
                    .council;
                let forms = crate::forms::FormLibrary::load(&settings.forms_dir, &council)?;
                let report = demo::load(&database, &forms).await?;
                print!("{report}");
                Ok(())
            }
        }
    }
}
