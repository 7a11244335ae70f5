//! What the council's administrators watch: the queues of email and webhook deliveries, and
//! what was given up on, so that nothing someone was told would come quietly never arrives.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::DeliveryView;
use super::page::page;

/// The backlogs, as `/metrics` also reports them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OperationsView {
    pub emails: EmailQueueView,
    pub deliveries: DeliveryQueueView,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EmailQueueView {
    /// Emails not yet sent: due now or waiting to be tried again.
    pub queued: u64,
    /// How long the oldest unsent email has waited since it was queued, in seconds.
    pub oldest_waiting_seconds: u64,
    /// Emails given up on after a day of failures.
    pub failed: u64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DeliveryQueueView {
    /// Webhook deliveries due to be tried now.
    pub due: u64,
    /// Deliveries given up on after a day of failures.
    pub failed: u64,
}

/// An email given up on. The address is masked (`s•••@example.org`): enough to tell a typing
/// mistake or a dead mail server, not to read whom the council writes to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FailedEmailView {
    pub id: String,
    pub to: String,
    /// Which email it is, by its template's name (`submission_received`).
    pub email: String,
    pub attempts: u32,
    /// What the mail server last said, with the address masked.
    pub last_error: Option<String>,
    pub queued_at: DateTime<Utc>,
    /// False for an email carrying a one-time code: the code has long expired, so the person
    /// asks for a new one instead.
    pub can_retry: bool,
}

page!(
    /// One page of emails given up on, newest first.
    FailedEmailPage of FailedEmailView
);

/// A webhook delivery given up on, with the endpoint it was for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FailedDeliveryView {
    pub webhook_id: String,
    pub url: String,
    pub delivery: DeliveryView,
}

page!(
    /// One page of deliveries given up on, newest first.
    FailedDeliveryPage of FailedDeliveryView
);
