//! Webhooks: other systems are told of events (a submission received, a status changed, a
//! message received) by a signed POST, as Standard Webhooks describes: headers `webhook-id`,
//! `webhook-timestamp` and `webhook-signature` (`v1,` and base64 HMAC-SHA256 of
//! `id.timestamp.body` under the endpoint's secret; for a day after a new secret, a second
//! signature under the old one). Deliveries are written in the transaction of the change they
//! report, sent by a worker on every node, retried with growing pauses for a day, kept with
//! their last answer, and can be sent again. An endpoint every delivery has failed for a day is
//! switched off, and the administrator who registered it is told.

use diesel::prelude::*;
use shared::api::{
    CreateWebhookRequest, DeliveryId, DeliveryView, FailedDeliveryView, WebhookId, WebhookView,
    WebhookWithSecret,
};
use uuid::Uuid;

use super::destination;
use crate::audit::{self, Action, Ending, Event, Subject};
use crate::auth::{Administrator, CurrentUser};
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::{webhook_deliveries, webhooks};
use crate::error::ApiError;
use crate::pagination::{Cursor, PageRequest};
use crate::state::AppState;

pub mod deliveries;

use deliveries::{Delivery, SECRET_OVERLAP, Webhook, insert, new_secret};

fn audit_webhook(
    conn: &mut DbConnection,
    user: &CurrentUser,
    action: Action,
    id: &str,
) -> QueryResult<()> {
    audit::record(conn, user, Event::new(action, Subject::Webhook, id, None))
}

pub async fn register(
    state: &AppState,
    user: &Administrator,
    request: CreateWebhookRequest,
) -> Result<WebhookWithSecret, ApiError> {
    // For integrators: field messages stay English whatever Accept-Language asks (only a
    // problem's title and detail follow it; see `request_language`).
    let mut errors = request.validate();
    if let Err(refused) = destination::check_url(&request.url, state.webhooks.allows_local()) {
        errors.entry("url".into()).or_insert_with(|| vec![refused]);
    }
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let secret = new_secret();
    let user = user.clone();
    let stored = secret.clone();
    let webhook = state
        .database
        .write(move |conn| {
            let id = Uuid::now_v7().to_string();
            diesel::insert_into(webhooks::table)
                .values((
                    webhooks::id.eq(&id),
                    webhooks::url.eq(request.url.trim()),
                    webhooks::events.eq(request.events.join(" ")),
                    webhooks::secret.eq(&stored),
                    webhooks::created_by.eq(&user.account_id),
                    webhooks::created_at.eq(timestamp()),
                ))
                .execute(conn)?;
            audit_webhook(conn, &user, Action::Create, &id)?;
            Ok::<_, ApiError>(Webhook::find(conn, &id)?)
        })
        .await?;
    Ok(WebhookWithSecret {
        webhook: webhook.view(),
        secret,
    })
}

pub async fn list(state: &AppState, _user: &Administrator) -> Result<Vec<WebhookView>, ApiError> {
    state
        .database
        .run(|conn| {
            // A council has a handful of endpoints, so the list is whole.
            let all: Vec<Webhook> = webhooks::table
                .order((webhooks::created_at, webhooks::id))
                .select(Webhook::as_select())
                .load(conn)?;
            Ok(all.iter().map(Webhook::view).collect())
        })
        .await
}

/// Stops sending to an endpoint; its deliveries are kept.
pub async fn disable(
    state: &AppState,
    user: &Administrator,
    id: WebhookId,
) -> Result<(), ApiError> {
    let ending = Ending::new(Action::Disable, Subject::Webhook, &id, None);
    audit::end(state, user, ending, move |conn, now| {
        diesel::update(
            webhooks::table
                .find(&id)
                .filter(webhooks::disabled_at.is_null()),
        )
        .set(webhooks::disabled_at.eq(Some(now)))
        .execute(conn)
    })
    .await
}

/// Gives an endpoint a new secret; the old one goes on signing beside it for a day.
pub async fn rotate(
    state: &AppState,
    user: &Administrator,
    id: WebhookId,
) -> Result<WebhookWithSecret, ApiError> {
    let secret = new_secret();
    let stored = secret.clone();
    let user = user.clone();
    let webhook = state
        .database
        .write(move |conn| {
            let now = timestamp();
            let current: String = webhooks::table
                .find(&id)
                .filter(webhooks::disabled_at.is_null())
                .select(webhooks::secret)
                .first(conn)
                .optional()?
                .ok_or(ApiError::NotFound)?;
            diesel::update(webhooks::table.find(&id))
                .set((
                    webhooks::secret.eq(&stored),
                    webhooks::previous_secret.eq(Some(current)),
                    webhooks::previous_secret_until.eq(Some(now + SECRET_OVERLAP)),
                ))
                .execute(conn)?;
            audit_webhook(conn, &user, Action::Rotate, &id)?;
            Ok::<_, ApiError>(Webhook::find(conn, &id)?)
        })
        .await?;
    Ok(WebhookWithSecret {
        webhook: webhook.view(),
        secret,
    })
}

/// An endpoint's deliveries, newest first.
pub async fn deliveries(
    state: &AppState,
    _user: &Administrator,
    webhook_id: WebhookId,
    page: PageRequest,
) -> Result<(Vec<DeliveryView>, Option<String>), ApiError> {
    let limit = page.limit + 1;
    let after = page.after.clone();
    let rows: Vec<Delivery> = state
        .database
        .run(move |conn| {
            let exists: bool =
                diesel::select(diesel::dsl::exists(webhooks::table.find(&webhook_id)))
                    .get_result(conn)?;
            if !exists {
                return Err(ApiError::NotFound);
            }
            let mut select = webhook_deliveries::table
                .filter(webhook_deliveries::webhook_id.eq(&webhook_id))
                .order((
                    webhook_deliveries::created_at.desc(),
                    webhook_deliveries::id.desc(),
                ))
                .limit(limit)
                .select(Delivery::as_select())
                .into_boxed();
            if let Some(cursor) = after {
                select = select.filter(crate::older_than!(
                    webhook_deliveries::created_at,
                    webhook_deliveries::id,
                    cursor
                ));
            }
            Ok(select.load(conn)?)
        })
        .await?;
    let (rows, next) = page.finish(rows, |d| Cursor {
        at: d.created_at,
        id: d.id.clone(),
    });
    let deliveries = rows
        .into_iter()
        .map(Delivery::view)
        .collect::<Result<_, _>>()?;
    Ok((deliveries, next))
}

/// Deliveries given up on, to every endpoint, newest first (from `webhook_deliveries_given_up`).
pub async fn given_up(
    state: &AppState,
    _user: &Administrator,
    page: PageRequest,
) -> Result<(Vec<FailedDeliveryView>, Option<String>), ApiError> {
    let limit = page.limit + 1;
    let after = page.after.clone();
    let rows: Vec<(Delivery, String)> = state
        .database
        .run(move |conn| {
            let mut select = webhook_deliveries::table
                .inner_join(webhooks::table)
                .filter(webhook_deliveries::status.eq("failed"))
                .filter(webhook_deliveries::replayed_at.is_null())
                .order((
                    webhook_deliveries::created_at.desc(),
                    webhook_deliveries::id.desc(),
                ))
                .limit(limit)
                .select((Delivery::as_select(), webhooks::url))
                .into_boxed();
            if let Some(cursor) = after {
                select = select.filter(crate::older_than!(
                    webhook_deliveries::created_at,
                    webhook_deliveries::id,
                    cursor
                ));
            }
            Ok::<_, ApiError>(select.load(conn)?)
        })
        .await?;
    let (rows, next) = page.finish(rows, |(d, _)| Cursor {
        at: d.created_at,
        id: d.id.clone(),
    });
    let failed = rows
        .into_iter()
        .map(|(delivery, url)| {
            Ok(FailedDeliveryView {
                webhook_id: delivery.webhook_id.clone(),
                url,
                delivery: delivery.view()?,
            })
        })
        .collect::<Result<_, ApiError>>()?;
    Ok((failed, next))
}

/// Sends a delivery's event again, as a new delivery with its own id.
pub async fn replay(
    state: &AppState,
    user: &Administrator,
    delivery_id: DeliveryId,
) -> Result<DeliveryView, ApiError> {
    let user = user.clone();
    let delivery = state
        .write(move |conn| {
            let earlier: Delivery = webhook_deliveries::table
                .find(&delivery_id)
                .select(Delivery::as_select())
                .first(conn)
                .optional()?
                .ok_or(ApiError::NotFound)?;
            let id = insert(
                conn,
                &earlier.webhook_id,
                &earlier.event_type,
                &earlier.payload,
                timestamp(),
            )?;
            // Given up on, then sent again: no longer one to look at.
            diesel::update(
                webhook_deliveries::table
                    .find(&delivery_id)
                    .filter(webhook_deliveries::status.eq("failed"))
                    .filter(webhook_deliveries::replayed_at.is_null()),
            )
            .set(webhook_deliveries::replayed_at.eq(Some(timestamp())))
            .execute(conn)?;
            audit_webhook(conn, &user, Action::Replay, &delivery_id)?;
            Ok::<_, ApiError>(
                webhook_deliveries::table
                    .find(&id)
                    .select(Delivery::as_select())
                    .first(conn)?,
            )
        })
        .await?;
    delivery.view()
}
