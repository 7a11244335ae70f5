//! Builds the server: configuration in, a bound port and a running `Server` out.

use std::net::TcpListener;
use std::time::Duration;

use actix_web::dev::Server;
use actix_web::middleware::{Compress, from_fn};
use actix_web::{App, HttpResponse, HttpServer, web};
use anyhow::Context;
use utoipa::OpenApi;
use utoipa_swagger_ui::SwaggerUi;

use crate::auth::Keys;
use crate::configuration::Settings;
use crate::council::{Council, Settled};
use crate::db::Database;
use crate::email::{Mailer, Outbox};
use crate::forms::FormLibrary;
use crate::openapi::ApiDoc;
use crate::passwords::PasswordHasher;
use crate::state::AppState;
use crate::web_app::{self, WebApp};
use crate::{routes, security_headers};

pub struct Application {
    host: String,
    port: u16,
    server: Server,
    /// `/metrics`, on a listener of its own, and its port.
    metrics: Option<(Server, u16)>,
}

impl Application {
    /// Connects to the database (applying migrations), loads the council, and binds the port.
    pub async fn build(settings: Settings) -> anyhow::Result<Self> {
        let file = Council::load(&settings.council_file)?;
        let holidays = crate::referrals::triage::working_days::load(&settings.bank_holidays_file)?;
        if !crate::referrals::triage::working_days::covers_a_year_from(
            crate::calendar::today(),
            &holidays,
        ) {
            tracing::warn!(
                last = ?holidays.last(),
                file = %settings.bank_holidays_file.display(),
                "the bank holidays end within a year: paste in GOV.UK's newer list, or \
                 referral due dates after it will count bank holidays as working days"
            );
        }
        let database_settings = settings.database.clone();
        // Connecting and migrating block; keep them off the async threads.
        let (database, settled) =
            tokio::task::spawn_blocking(move || -> anyhow::Result<(Database, Settled)> {
                let database = Database::connect(&database_settings)?;
                let settled = file.settle(&mut *database.get()?)?;
                let indexed = crate::people::person::index_unindexed_names(&mut *database.get()?)?;
                if indexed > 0 {
                    tracing::info!(people = indexed, "indexed the names of records held");
                }
                Ok((database, settled))
            })
            .await??;
        let council = settled.council;
        let forms = FormLibrary::load(&settings.forms_dir, &council)?;
        if let Some(dir) = &settings.email.templates_dir {
            crate::email::templates::use_folder(dir, council.view())?;
        }
        let definitions: Vec<_> = forms.all().cloned().collect();
        let publishing = database.clone();
        tokio::task::spawn_blocking(move || -> anyhow::Result<()> {
            crate::forms::publish(&mut *publishing.get()?, &definitions)?;
            Ok(())
        })
        .await??;

        let server_settings = &settings.server;
        let listener = TcpListener::bind((server_settings.host.as_str(), server_settings.port))
            .with_context(|| {
                format!(
                    "could not listen on {}:{}",
                    server_settings.host, server_settings.port
                )
            })?;
        let port = listener.local_addr()?.port();
        let outbox = Outbox::new();
        outbox.spawn(
            database.clone(),
            Mailer::from_settings(&settings.email)?,
            chrono::Duration::seconds(settings.email.retry_seconds.max(1)),
        );
        let webhooks = crate::integrations::webhooks::deliveries::Dispatcher::new(
            settings.server.allow_local_webhooks,
        );
        webhooks.spawn(database.clone(), council.view().clone());
        database.listen(
            crate::auth::live::CHANNEL,
            crate::auth::live::remembered::revoked,
            crate::auth::live::remembered::set_listening,
        );
        let state = web::Data::new(AppState {
            database,
            council,
            council_file: settled.file_version,
            forms,
            fonts: crate::pdf::Fonts::load(&settings.pdf_fonts)?,
            keys: Keys::derive(&settings.auth.secret)?,
            auth: settings.auth.clone(),
            outbox,
            mail: if settings.email.smtp_url.is_some() {
                shared::api::MailTransport::Smtp
            } else {
                shared::api::MailTransport::Files
            },
            webhooks,
            metrics: crate::metrics::Metrics::new()?,
            passwords: PasswordHasher::new(
                settings
                    .auth
                    .password_hashing_threads
                    .unwrap_or_else(PasswordHasher::default_threads),
                settings.auth.password_hashing_queue,
            )?,
            upload_limit_bytes: settings.server.upload_limit_bytes,
            public_url: settings.server.public_url.clone(),
            proxies: settings.server.trusted_proxies.clone(),
        });
        crate::purge::spawn(state.clone());
        let metrics = match settings.server.metrics_address.as_str() {
            "off" => None,
            address => {
                let listener = TcpListener::bind(address).with_context(|| {
                    format!("could not listen on {address} for /metrics (server.metrics_address)")
                })?;
                let port = listener.local_addr()?.port();
                Some((serve_metrics(listener, state.clone())?, port))
            }
        };
        let server = run(listener, state, &settings)?;
        Ok(Self {
            host: settings.server.host,
            port,
            server,
            metrics,
        })
    }

    pub fn port(&self) -> u16 {
        self.port
    }

    /// The port `/metrics` is served on, when it is.
    pub fn metrics_port(&self) -> Option<u16> {
        self.metrics.as_ref().map(|(_, port)| *port)
    }

    pub fn address(&self) -> String {
        format!("http://{}:{}", self.host, self.port)
    }

    /// Serves until SIGINT or SIGTERM, then lets requests in flight finish (graceful shutdown).
    pub async fn run_until_stopped(self) -> std::io::Result<()> {
        match self.metrics {
            Some((metrics, _)) => {
                let (served, watched) = tokio::join!(self.server, metrics);
                served.and(watched)
            }
            None => self.server.await,
        }
    }
}

fn run(
    listener: TcpListener,
    state: web::Data<AppState>,
    settings: &Settings,
) -> anyhow::Result<Server> {
    let body_limit = settings.server.body_limit_bytes;
    let behind_tls = settings.server.behind_tls();
    let web_app = web::Data::new(WebApp::load(&settings.web_dir)?);
    let openapi = ApiDoc::openapi();
    let mut server = HttpServer::new(move || {
        App::new()
            .wrap(Compress::default())
            .wrap(from_fn(security_headers::by_path))
            .wrap(security_headers::fixed(behind_tls))
            .wrap(from_fn(crate::requests::track))
            .app_data(state.clone())
            .app_data(web::PayloadConfig::new(body_limit))
            .app_data(crate::routes::extract::BodyLimit(body_limit))
            .configure(routes::configure)
            .service(SwaggerUi::new("/api/docs/{_:.*}").url("/api/openapi.json", openapi.clone()))
            .service(web::scope("/api").default_service(web::to(routes::unknown_route)))
            .app_data(web_app.clone())
            .default_service(web::to(web_app::serve))
    })
    .listen(listener)?
    .shutdown_timeout(settings.server.shutdown_timeout_seconds);
    if let Some(workers) = settings.server.workers {
        server = server.workers(workers);
    }
    // Keep slow clients from holding connections open for ever.
    server = server.client_request_timeout(Duration::from_secs(30));
    Ok(server.run())
}

/// Serves `/metrics` (`crate::metrics`) on `listener`, one worker: a scrape every few seconds is all it gets.
fn serve_metrics(listener: TcpListener, state: web::Data<AppState>) -> std::io::Result<Server> {
    Ok(HttpServer::new(move || {
        App::new()
            .app_data(state.clone())
            .route("/metrics", web::get().to(scrape))
    })
    .workers(1)
    .listen(listener)?
    .run())
}

async fn scrape(state: web::Data<AppState>) -> HttpResponse {
    // Reading the gauges asks the database: off the async thread.
    let text = web::block(move || state.metrics.render(&state.database))
        .await
        .unwrap_or_default();
    HttpResponse::Ok()
        .content_type("text/plain; version=0.0.4; charset=utf-8")
        .body(text)
}
