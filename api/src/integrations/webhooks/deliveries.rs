//! Sending webhook deliveries: each is written in the transaction of the change it reports
//! (`enqueue`), then a worker on every node claims due ones, signs and sends them, retries with
//! growing pauses for a day, and switches off an endpoint every delivery has failed for that
//! long, telling the administrator who registered it. Registering and managing endpoints is
//! `webhooks` (above), which audits each change.

use std::sync::Arc;
use std::time::Duration as StdDuration;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{Duration, NaiveDateTime};
use diesel::prelude::*;
use hmac::{Hmac, Mac};
use minijinja::context;
use rand::RngCore;
use serde_json::{Value, json};
use sha2::Sha256;
use shared::api::{CouncilView, DeliveryView, WebhookView};
use tokio::sync::Notify;
use uuid::Uuid;

use super::destination;
use crate::calendar::timestamp;
use crate::db::schema::{webhook_deliveries, webhooks};
use crate::db::{Database, DbConnection};
use crate::email::{self, Template};
use crate::error::ApiError;

/// Deliveries are retried for this long, then marked failed; an endpoint failing this long is
/// switched off.
const GIVE_UP_AFTER: Duration = Duration::hours(24);
/// After a new secret, the old one signs too for this long.
pub(super) const SECRET_OVERLAP: Duration = Duration::hours(24);
/// How long one node holds a delivery it is sending before another may take it over.
const CLAIM_FOR: Duration = Duration::minutes(2);
/// The pause before each retry, growing to an hour.
const BACKOFF_SECONDS: [i64; 6] = [5, 30, 120, 600, 1800, 3600];
const BATCH: i64 = 20;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhooks)]
pub(super) struct Webhook {
    pub(super) id: String,
    pub(super) url: String,
    pub(super) events: String,
    pub(super) created_at: NaiveDateTime,
    pub(super) disabled_at: Option<NaiveDateTime>,
}

impl Webhook {
    pub(super) fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Self> {
        webhooks::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
    }

    pub(super) fn view(&self) -> WebhookView {
        WebhookView {
            id: self.id.clone(),
            url: self.url.clone(),
            events: self.events.split_whitespace().map(str::to_owned).collect(),
            created_at: self.created_at.and_utc(),
            disabled: self.disabled_at.is_some(),
        }
    }
}

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = webhook_deliveries)]
pub(super) struct Delivery {
    pub(super) id: String,
    pub(super) webhook_id: String,
    pub(super) event_type: String,
    pub(super) payload: String,
    pub(super) status: String,
    pub(super) attempts: i32,
    pub(super) next_attempt_at: NaiveDateTime,
    pub(super) last_attempt_at: Option<NaiveDateTime>,
    pub(super) last_status: Option<i32>,
    pub(super) last_response: Option<String>,
    pub(super) created_at: NaiveDateTime,
    pub(super) replayed_at: Option<NaiveDateTime>,
}

impl Delivery {
    pub(super) fn view(self) -> Result<DeliveryView, ApiError> {
        Ok(DeliveryView {
            id: self.id,
            event_type: self.event_type,
            status: self.status,
            attempts: ApiError::stored(self.attempts, "delivery attempts")?,
            next_attempt_at: self.next_attempt_at.and_utc(),
            last_attempt_at: self.last_attempt_at.map(|t| t.and_utc()),
            last_status: self.last_status.and_then(|s| u16::try_from(s).ok()),
            last_response: self.last_response,
            created_at: self.created_at.and_utc(),
            replayed_at: self.replayed_at.map(|at| at.and_utc()),
        })
    }
}

/// Queues `data` as an `event_type` event for every endpoint that asked for it, in the caller's
/// transaction: it goes only if the change commits, and is not lost if the server stops.
pub fn enqueue(
    conn: &mut DbConnection,
    event_type: &str,
    data: Value,
    now: NaiveDateTime,
) -> QueryResult<usize> {
    let endpoints: Vec<(String, String)> = webhooks::table
        .filter(webhooks::disabled_at.is_null())
        .select((webhooks::id, webhooks::events))
        .load(conn)?;
    let payload = json!({
        "type": event_type,
        "timestamp": now.and_utc().to_rfc3339(),
        "data": data,
    })
    .to_string();
    let mut queued = 0;
    for (webhook_id, events) in endpoints {
        if !events.split_whitespace().any(|e| e == event_type) {
            continue;
        }
        insert(conn, &webhook_id, event_type, &payload, now)?;
        queued += 1;
    }
    Ok(queued)
}

pub(super) fn insert(
    conn: &mut DbConnection,
    webhook_id: &str,
    event_type: &str,
    payload: &str,
    now: NaiveDateTime,
) -> QueryResult<String> {
    let id = format!("msg_{}", Uuid::now_v7());
    diesel::insert_into(webhook_deliveries::table)
        .values((
            webhook_deliveries::id.eq(&id),
            webhook_deliveries::webhook_id.eq(webhook_id),
            webhook_deliveries::event_type.eq(event_type),
            webhook_deliveries::payload.eq(payload),
            webhook_deliveries::status.eq("pending"),
            webhook_deliveries::attempts.eq(0),
            webhook_deliveries::next_attempt_at.eq(now),
            webhook_deliveries::created_at.eq(now),
        ))
        .execute(conn)?;
    Ok(id)
}

pub(super) fn new_secret() -> String {
    let mut key = [0u8; 24];
    rand::rngs::OsRng.fill_bytes(&mut key);
    format!("whsec_{}", STANDARD.encode(key))
}

/// Deliveries due now (from the due index), and deliveries given up on and not sent again.
pub fn backlog(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<(i64, i64)> {
    let due = webhook_deliveries::table
        .filter(webhook_deliveries::status.eq("pending"))
        .filter(webhook_deliveries::next_attempt_at.le(now))
        .count()
        .get_result(conn)?;
    let failed = webhook_deliveries::table
        .filter(webhook_deliveries::status.eq("failed"))
        .filter(webhook_deliveries::replayed_at.is_null())
        .count()
        .get_result(conn)?;
    Ok((due, failed))
}

/// The `webhook-signature` header for a message, as Standard Webhooks defines it.
pub fn signature(secret: &str, id: &str, timestamp: i64, body: &str) -> Option<String> {
    let key = STANDARD
        .decode(secret.strip_prefix("whsec_").unwrap_or(secret))
        .ok()?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).ok()?;
    mac.update(format!("{id}.{timestamp}.{body}").as_bytes());
    Some(format!(
        "v1,{}",
        STANDARD.encode(mac.finalize().into_bytes())
    ))
}

/// The sending side; `wake` after committing a queued delivery.
#[derive(Clone)]
pub struct Dispatcher {
    notify: Arc<Notify>,
    /// `server.allow_local_webhooks`: deliveries to this machine (development and tests).
    allow_local: bool,
}

impl Dispatcher {
    pub fn new(allow_local: bool) -> Self {
        Self {
            notify: Arc::new(Notify::new()),
            allow_local,
        }
    }

    pub fn allows_local(&self) -> bool {
        self.allow_local
    }

    pub fn wake(&self) {
        self.notify.notify_one();
    }

    /// Sends due deliveries until the runtime stops: at once when woken, else every two seconds
    /// (which picks up retries and deliveries queued by other nodes).
    pub fn spawn(&self, database: Database, council: CouncilView) {
        let notify = self.notify.clone();
        let allow_local = self.allow_local;
        tokio::spawn(async move {
            loop {
                if let Err(error) = send_due(&database, allow_local, &council).await {
                    tracing::warn!(%error, "sending webhooks failed; trying again shortly");
                }
                tokio::select! {
                    () = notify.notified() => {}
                    () = tokio::time::sleep(StdDuration::from_secs(2)) => {}
                }
            }
        });
    }
}

/// Claims due deliveries one by one (the conditional update lets exactly one node win each),
/// sends them and records the answer.
async fn send_due(
    database: &Database,
    allow_local: bool,
    council: &CouncilView,
) -> anyhow::Result<()> {
    let due: Vec<(Delivery, String, Vec<String>)> = {
        let database = database.clone();
        tokio::task::spawn_blocking(move || -> anyhow::Result<_> {
            let mut conn = database.get()?;
            let now = timestamp();
            type Row = (
                Delivery,
                String,
                String,
                Option<String>,
                Option<NaiveDateTime>,
            );
            let candidates: Vec<Row> = webhook_deliveries::table
                .inner_join(webhooks::table)
                .filter(webhook_deliveries::status.eq("pending"))
                .filter(webhook_deliveries::next_attempt_at.le(now))
                .order(webhook_deliveries::next_attempt_at)
                .limit(BATCH)
                .select((
                    Delivery::as_select(),
                    webhooks::url,
                    webhooks::secret,
                    webhooks::previous_secret,
                    webhooks::previous_secret_until,
                ))
                .load(&mut conn)?;
            let mut mine = Vec::new();
            for (delivery, url, secret, previous, previous_until) in candidates {
                // The new secret first, then the old one while the overlap lasts.
                let secrets: Vec<String> = std::iter::once(secret)
                    .chain(previous.filter(|_| previous_until.is_some_and(|until| until > now)))
                    .collect();
                let claimed = diesel::update(
                    webhook_deliveries::table
                        .find(&delivery.id)
                        .filter(webhook_deliveries::next_attempt_at.eq(delivery.next_attempt_at)),
                )
                .set(webhook_deliveries::next_attempt_at.eq(now + CLAIM_FOR))
                .execute(&mut conn)?;
                if claimed == 1 {
                    mine.push((delivery, url, secrets));
                }
            }
            Ok(mine)
        })
        .await??
    };
    for (delivery, url, secrets) in due {
        let sent_at = chrono::Utc::now().timestamp();
        let signed = secrets
            .iter()
            .map(|secret| signature(secret, &delivery.id, sent_at, &delivery.payload))
            .collect::<Option<Vec<_>>>()
            .ok_or_else(|| {
                anyhow::anyhow!("webhook {} has an unreadable secret", delivery.webhook_id)
            })?
            .join(" ");
        let (status, text) = match deliver(&url, allow_local, &delivery, sent_at, &signed).await {
            Ok(status) => (Some(status), reason_of(status)),
            Err(reason) => (None, reason),
        };
        let database = database.clone();
        let council = council.clone();
        tokio::task::spawn_blocking(move || record(&database, &council, &delivery, status, &text))
            .await??;
    }
    Ok(())
}

/// Sends one delivery to the address its URL resolves to now, if that address is allowed, and
/// answers the HTTP status. Redirects are not followed; the answer's body is not read: an
/// administrator sees the status and a short reason, never what an endpoint answered (which
/// could be another service's secrets).
async fn deliver(
    url: &str,
    allow_local: bool,
    delivery: &Delivery,
    sent_at: i64,
    signed: &str,
) -> Result<i32, String> {
    let parsed = destination::check_url(url, allow_local)?;
    let address = destination::resolve(&parsed, allow_local).await?;
    let mut client = reqwest::Client::builder()
        .timeout(StdDuration::from_secs(10))
        .redirect(reqwest::redirect::Policy::none());
    if let Some(name) = parsed.domain() {
        // Pinned: the connection goes to the address just checked, not a fresh lookup.
        client = client.resolve(name, address);
    }
    let client = client
        .build()
        .map_err(|_| "the request could not be prepared".to_owned())?;
    let response = client
        .post(parsed)
        .header("content-type", "application/json")
        .header("webhook-id", &delivery.id)
        .header("webhook-timestamp", sent_at.to_string())
        .header("webhook-signature", signed)
        .body(delivery.payload.clone())
        .send()
        .await
        .map_err(|error| {
            if error.is_timeout() {
                "no answer within 10 seconds".to_owned()
            } else if error.is_connect() {
                "could not connect".to_owned()
            } else {
                "the request failed".to_owned()
            }
        })?;
    Ok(i32::from(response.status().as_u16()))
}

/// What a status means, in a few words: its standard reason.
fn reason_of(status: i32) -> String {
    u16::try_from(status)
        .ok()
        .and_then(|s| reqwest::StatusCode::from_u16(s).ok())
        .and_then(|s| s.canonical_reason())
        .unwrap_or("an unknown status")
        .to_owned()
}

fn record(
    database: &Database,
    council: &CouncilView,
    delivery: &Delivery,
    status: Option<i32>,
    text: &str,
) -> anyhow::Result<()> {
    let mut conn = database.get()?;
    conn.write_transaction(|conn| record_in(conn, council, delivery, status, text))
}

fn record_in(
    conn: &mut DbConnection,
    council: &CouncilView,
    delivery: &Delivery,
    status: Option<i32>,
    text: &str,
) -> anyhow::Result<()> {
    let now = timestamp();
    let attempts = delivery.attempts + 1;
    let delivered = status.is_some_and(|s| (200..300).contains(&s));
    let pause = BACKOFF_SECONDS[usize::try_from(attempts - 1)
        .unwrap_or(0)
        .min(BACKOFF_SECONDS.len() - 1)];
    let next = now + Duration::seconds(pause);
    let outcome = if delivered {
        "delivered"
    } else if next - delivery.created_at > GIVE_UP_AFTER {
        "failed"
    } else {
        "pending"
    };
    let excerpt: String = text.chars().take(500).collect();
    diesel::update(webhook_deliveries::table.find(&delivery.id))
        .set((
            webhook_deliveries::status.eq(outcome),
            webhook_deliveries::attempts.eq(attempts),
            webhook_deliveries::last_attempt_at.eq(Some(now)),
            webhook_deliveries::last_status.eq(status),
            webhook_deliveries::last_response.eq(Some(excerpt)),
            webhook_deliveries::next_attempt_at.eq(next),
        ))
        .execute(conn)?;
    if delivered {
        diesel::update(webhooks::table.find(&delivery.webhook_id))
            .set(webhooks::failing_since.eq(None::<NaiveDateTime>))
            .execute(conn)?;
    } else {
        note_failure(conn, council, &delivery.webhook_id, now)?;
    }
    Ok(())
}

/// Remembers since when an endpoint has failed; after a day of nothing but failures it is
/// switched off (its deliveries are kept) and the administrator who registered it is told.
fn note_failure(
    conn: &mut DbConnection,
    council: &CouncilView,
    webhook_id: &str,
    now: NaiveDateTime,
) -> anyhow::Result<()> {
    let found: Option<(Option<NaiveDateTime>, Option<NaiveDateTime>, String, String)> =
        webhooks::table
            .find(webhook_id)
            .select((
                webhooks::failing_since,
                webhooks::disabled_at,
                webhooks::url,
                webhooks::created_by,
            ))
            .first(conn)
            .optional()?;
    let Some((failing_since, disabled_at, url, created_by)) = found else {
        return Ok(());
    };
    let Some(since) = failing_since else {
        diesel::update(webhooks::table.find(webhook_id))
            .set(webhooks::failing_since.eq(Some(now)))
            .execute(conn)?;
        return Ok(());
    };
    if disabled_at.is_some() || now - since < GIVE_UP_AFTER {
        return Ok(());
    }
    diesel::update(
        webhooks::table
            .find(webhook_id)
            .filter(webhooks::disabled_at.is_null()),
    )
    .set(webhooks::disabled_at.eq(Some(now)))
    .execute(conn)?;
    tracing::warn!(webhook = %webhook_id, "a webhook endpoint failed for a day and was switched off");
    let administrator = crate::accounts::contacts(conn, [created_by.as_str()])?
        .remove(&created_by)
        .filter(|a| a.is_active());
    if let Some(crate::accounts::Contact {
        email: to,
        forename,
        language,
        ..
    }) = administrator
    {
        let message = email::templates::render(
            Template::WebhookSwitchedOff,
            &to,
            language,
            council,
            context! { forename => forename, url => url, since => crate::i18n::uk_time(language, since) },
        )?;
        email::enqueue(conn, &message, now)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_signature_matches_the_standard_webhooks_example() {
        // The example in the Standard Webhooks specification.
        let signed = signature(
            "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
            "msg_p5jXN8AQM9LWM0D4loKWxJek",
            1_614_265_330,
            r#"{"test": 2432232314}"#,
        );
        assert_eq!(
            signed.as_deref(),
            Some("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=")
        );
    }
}
