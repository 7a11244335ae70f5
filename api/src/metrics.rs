//! What the council's operations team watches: Prometheus text at `/metrics` on a listener of
//! its own (`server.metrics_address`, this machine only unless set otherwise), never on the
//! public port. Request counts and latencies by route template and status, sign-ins and
//! lock-outs, purge runs and rows removed, counted as they happen; the database pool, the email
//! outbox and webhook deliveries, read when scraped; and the build.

use std::time::Duration;

use chrono::Utc;
use prometheus::{
    Encoder, HistogramOpts, HistogramVec, IntCounter, IntCounterVec, IntGauge, IntGaugeVec, Opts,
    Registry, TextEncoder,
};

use crate::db::Database;
use crate::email::outbox;
use crate::integrations::webhooks::deliveries as webhooks;

/// The counters a node keeps.
#[derive(Clone)]
pub struct Metrics {
    registry: Registry,
    requests: IntCounterVec,
    latency: HistogramVec,
    sign_ins: IntCounterVec,
    purge_runs: IntCounter,
    purged_rows: IntCounterVec,
    pool: IntGaugeVec,
    outbox: IntGaugeVec,
    deliveries: IntGaugeVec,
}

/// How a sign-in's password step ended.
#[derive(Debug, Clone, Copy)]
pub enum SignIn {
    CodeSent,
    Refused,
    LockedOut,
}

impl SignIn {
    fn label(self) -> &'static str {
        match self {
            Self::CodeSent => "code_sent",
            Self::Refused => "refused",
            Self::LockedOut => "locked_out",
        }
    }
}

fn counter(
    registry: &Registry,
    name: &str,
    help: &str,
    labels: &[&str],
) -> prometheus::Result<IntCounterVec> {
    let counter = IntCounterVec::new(Opts::new(name, help), labels)?;
    registry.register(Box::new(counter.clone()))?;
    Ok(counter)
}

fn gauge(
    registry: &Registry,
    name: &str,
    help: &str,
    labels: &[&str],
) -> prometheus::Result<IntGaugeVec> {
    let gauge = IntGaugeVec::new(Opts::new(name, help), labels)?;
    registry.register(Box::new(gauge.clone()))?;
    Ok(gauge)
}

impl Metrics {
    pub fn new() -> prometheus::Result<Self> {
        let registry = Registry::new_custom(Some("portal".into()), None)?;
        let latency = HistogramVec::new(
            HistogramOpts::new(
                "http_request_duration_seconds",
                "Time to answer a request, by route template and method.",
            )
            .buckets(vec![
                0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0,
            ]),
            &["route", "method"],
        )?;
        registry.register(Box::new(latency.clone()))?;
        let purge_runs = IntCounter::new("purge_runs_total", "Hourly purges run on this node.")?;
        registry.register(Box::new(purge_runs.clone()))?;
        let build = IntGauge::with_opts(
            Opts::new("build_info", "The running build; always 1.")
                .const_label("version", env!("CARGO_PKG_VERSION")),
        )?;
        build.set(1);
        registry.register(Box::new(build))?;
        Ok(Self {
            requests: counter(
                &registry,
                "http_requests_total",
                "Requests answered, by route template, method and status.",
                &["route", "method", "status"],
            )?,
            latency,
            sign_ins: counter(
                &registry,
                "sign_ins_total",
                "Sign-in password steps, by outcome (code_sent, refused, locked_out).",
                &["outcome"],
            )?,
            purge_runs,
            purged_rows: counter(
                &registry,
                "purged_rows_total",
                "Rows the hourly purge removed, by what they were.",
                &["what"],
            )?,
            pool: gauge(
                &registry,
                "db_pool_connections",
                "The database pool's connections, by state (open, idle, in_use).",
                &["state"],
            )?,
            outbox: gauge(
                &registry,
                "outbox_emails",
                "The email outbox: queued, failed (given up), oldest_waiting_seconds.",
                &["measure"],
            )?,
            deliveries: gauge(
                &registry,
                "webhook_deliveries",
                "Webhook deliveries: due (to send now) and failed (given up).",
                &["measure"],
            )?,
            registry,
        })
    }

    pub fn answered(&self, route: &str, method: &str, status: u16, took: Duration) {
        self.requests
            .with_label_values(&[route, method, &status.to_string()])
            .inc();
        self.latency
            .with_label_values(&[route, method])
            .observe(took.as_secs_f64());
    }

    pub fn sign_in(&self, outcome: SignIn) {
        self.sign_ins.with_label_values(&[outcome.label()]).inc();
    }

    pub fn purged(&self, rows: &[(&str, usize)]) {
        self.purge_runs.inc();
        for (what, count) in rows {
            self.purged_rows
                .with_label_values(&[what])
                .inc_by(u64::try_from(*count).unwrap_or(u64::MAX));
        }
    }

    /// The text a scrape gets: the counters, and the gauges read now.
    pub fn render(&self, database: &Database) -> String {
        let (open, idle) = database.pool_state();
        self.pool.with_label_values(&["open"]).set(i64::from(open));
        self.pool.with_label_values(&["idle"]).set(i64::from(idle));
        self.pool
            .with_label_values(&["in_use"])
            .set(i64::from(open.saturating_sub(idle)));
        if let Ok(mut conn) = database.get() {
            let now = Utc::now().naive_utc();
            if let Ok(backlog) = outbox::backlog(&mut conn, now) {
                self.outbox
                    .with_label_values(&["queued"])
                    .set(backlog.queued);
                self.outbox
                    .with_label_values(&["oldest_waiting_seconds"])
                    .set(backlog.oldest_waiting_seconds);
            }
            if let Ok(failed) = outbox::failed(&mut conn) {
                self.outbox.with_label_values(&["failed"]).set(failed);
            }
            if let Ok((due, failed)) = webhooks::backlog(&mut conn, now) {
                self.deliveries.with_label_values(&["due"]).set(due);
                self.deliveries.with_label_values(&["failed"]).set(failed);
            }
        }
        let mut text = Vec::new();
        if let Err(error) = TextEncoder::new().encode(&self.registry.gather(), &mut text) {
            tracing::warn!(%error, "the metrics could not be written");
        }
        String::from_utf8(text).unwrap_or_default()
    }
}
