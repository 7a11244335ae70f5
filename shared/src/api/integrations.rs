//! Machine clients and what they read: the client-credentials token and the submissions feed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::page::page;
use super::{FieldErrors, SubmissionStatus};
use crate::forms::{Answers, SummaryRow};

/// What a machine client may be allowed to do. Each scope grants only what it names; linking
/// portal accounts to records and everything administrators do stay with people.
pub mod scopes {
    /// Reads the submissions feed and each submission as FHIR.
    pub const SUBMISSIONS_READ: &str = "submissions:read";
    /// With `submissions:read`, also the answers a form keeps for the council's eyes only
    /// (`council_only`: a key safe's code); without it they are left out.
    pub const SUBMISSIONS_RESTRICTED: &str = "submissions:restricted";
    /// Finds people and reads their records as staff see them.
    pub const PEOPLE_READ: &str = "people:read";
    /// Creates and corrects people's records, records involvements, sends forms to complete,
    /// and imports people and involvements.
    pub const PEOPLE_WRITE: &str = "people:write";
    /// Publishes documents to a person's Items to view and withdraws them.
    pub const DOCUMENTS_WRITE: &str = "documents:write";
    /// Writes to people and replies as a team.
    pub const MESSAGES_WRITE: &str = "messages:write";

    /// Every scope, with what it grants in words (the OpenAPI document shows these).
    pub const KNOWN: [(&str, &str); 6] = [
        (
            SUBMISSIONS_READ,
            "Read the submissions feed and each submission as FHIR.",
        ),
        (
            SUBMISSIONS_RESTRICTED,
            "With submissions:read, also read the answers a form keeps for the council's eyes \
             only (a key safe's code); without it they are left out.",
        ),
        (
            PEOPLE_READ,
            "Find people and read their records as council staff see them.",
        ),
        (
            PEOPLE_WRITE,
            "Create and correct people's records, record involvements, send forms to complete, \
             import people and involvements.",
        ),
        (
            DOCUMENTS_WRITE,
            "Publish documents to a person's Items to view, and withdraw them.",
        ),
        (MESSAGES_WRITE, "Write to people and reply as a team."),
    ];

    /// Whether `scope` is one a client may be given.
    pub fn is_known(scope: &str) -> bool {
        KNOWN.iter().any(|(known, _)| *known == scope)
    }
}

/// An administrator creates a machine client.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "name": "Case management system", "scopes": ["submissions:read"]
})))]
#[serde(deny_unknown_fields)]
pub struct CreateClientRequest {
    /// Who the client is, as the audit log and the administrators see it.
    pub name: String,
    pub scopes: Vec<String>,
}

impl CreateClientRequest {
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        let length = self.name.trim().chars().count();
        if length == 0 || length > 100 {
            errors.insert(
                "name".into(),
                vec!["Give the client a name of 100 characters or fewer".into()],
            );
        }
        let unknown: Vec<&str> = self
            .scopes
            .iter()
            .map(String::as_str)
            .filter(|s| !scopes::is_known(s))
            .collect();
        if self.scopes.is_empty() || !unknown.is_empty() {
            errors.insert(
                "scopes".into(),
                vec![format!(
                    "Choose scopes from: {} (not {})",
                    scopes::KNOWN.map(|(scope, _)| scope).join(", "),
                    if unknown.is_empty() {
                        "none".to_owned()
                    } else {
                        unknown.join(", ")
                    }
                )],
            );
        }
        errors
    }
}

/// A machine client, without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b060-0000-7000-8000-000000000060", "name": "Case management system",
    "scopes": ["submissions:read"], "created_at": "2026-11-23T10:00:00Z",
    "secret_set_at": "2026-11-23T10:00:00Z", "revoked": false
})))]
pub struct ApiClientView {
    /// The `client_id` of the token request.
    pub id: String,
    pub name: String,
    pub scopes: Vec<String>,
    pub created_at: DateTime<Utc>,
    /// When the current secret was made (creation or the last rotation).
    pub secret_set_at: DateTime<Utc>,
    pub revoked: bool,
}

/// A client with its secret, shown this once: only a hash of it is kept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b060-0000-7000-8000-000000000060", "name": "Case management system",
    "scopes": ["submissions:read"], "created_at": "2026-11-23T10:00:00Z",
    "secret_set_at": "2026-11-23T10:00:00Z", "revoked": false,
    "client_secret": "cs_Qm9vdGxlIGlzIGEgdG93biBpbiBTZWZ0b24"
})))]
pub struct ClientWithSecret {
    #[serde(flatten)]
    pub client: ApiClientView,
    pub client_secret: String,
}

/// An access token for a machine client (OAuth 2.0 client credentials).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "access_token": "eyJhbGciOiJIUzI1NiJ9…", "token_type": "Bearer", "expires_in": 300,
    "scope": "submissions:read"
})))]
pub struct TokenResponse {
    pub access_token: String,
    /// Always `Bearer`.
    pub token_type: String,
    /// Seconds until the token expires.
    pub expires_in: u32,
    /// The client's scopes, space-separated.
    pub scope: String,
}

/// A submission in the feed: everything a case-management system needs to file it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedEntry {
    /// Its place in the feed; pass the last one you stored as `after`.
    pub position: i64,
    pub id: String,
    pub reference: String,
    pub form_id: String,
    pub form_title: String,
    /// The version of the form definition the answers were given to.
    pub form_version: u32,
    pub status: SubmissionStatus,
    pub submitted_at: DateTime<Utc>,
    /// The person a completed item is about; empty for referrals.
    pub person_id: Option<String>,
    /// The team it is with, if any.
    pub team: Option<String>,
    #[cfg_attr(feature = "openapi", schema(value_type = Object))]
    pub answers: Answers,
    /// Each answered question in words, as the sender saw it.
    pub summary: Vec<SummaryRow>,
}

/// One page of the feed, in the order submissions were made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct FeedPage {
    pub items: Vec<FeedEntry>,
    /// Store this and pass it as `after` next time. It is the last position on this page, or the
    /// `after` you sent when nothing new has arrived, so it is always safe to store.
    pub next: String,
}

/// The events a webhook may ask for.
pub const WEBHOOK_EVENTS: [&str; 3] = [
    "submission.received",
    "submission.status_changed",
    "message.received",
];

/// An administrator registers an endpoint for events.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "url": "https://cms.council.example/portal-events",
    "events": ["submission.received", "submission.status_changed"]
})))]
#[serde(deny_unknown_fields)]
pub struct CreateWebhookRequest {
    /// HTTPS to a server on the internet: no user name or password in it, and never an address
    /// of this machine or a private network (checked again at every delivery, once the name is
    /// resolved). Plain HTTP to this machine only with the development setting
    /// `server.allow_local_webhooks`.
    pub url: String,
    pub events: Vec<String>,
}

impl CreateWebhookRequest {
    pub fn validate(&self) -> FieldErrors {
        let mut errors = FieldErrors::new();
        let url = self.url.trim();
        let loopback = ["http://127.0.0.1", "http://localhost", "http://[::1]"]
            .iter()
            .any(|prefix| {
                url.strip_prefix(prefix)
                    .is_some_and(|rest| rest.is_empty() || rest.starts_with([':', '/']))
            });
        let https = url
            .strip_prefix("https://")
            .is_some_and(|rest| !rest.is_empty() && !rest.starts_with('/'));
        if !(https || loopback) || url.len() > 2000 {
            errors.insert(
                "url".into(),
                vec!["Enter an https:// address (http:// only for 127.0.0.1 or localhost)".into()],
            );
        }
        if self.events.is_empty()
            || self
                .events
                .iter()
                .any(|e| !WEBHOOK_EVENTS.contains(&e.as_str()))
        {
            errors.insert(
                "events".into(),
                vec![format!("Choose events from: {}", WEBHOOK_EVENTS.join(", "))],
            );
        }
        errors
    }
}

/// A registered endpoint, without its secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b070-0000-7000-8000-000000000070", "url": "https://cms.council.example/portal-events",
    "events": ["submission.received"], "created_at": "2026-11-23T10:00:00Z", "disabled": false
})))]
pub struct WebhookView {
    pub id: String,
    pub url: String,
    pub events: Vec<String>,
    pub created_at: DateTime<Utc>,
    pub disabled: bool,
}

/// A new endpoint with its signing secret, shown this once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "0193b070-0000-7000-8000-000000000070", "url": "https://cms.council.example/portal-events",
    "events": ["submission.received"], "created_at": "2026-11-23T10:00:00Z", "disabled": false,
    "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"
})))]
pub struct WebhookWithSecret {
    #[serde(flatten)]
    pub webhook: WebhookView,
    /// `whsec_` and the base64 key that signs deliveries (Standard Webhooks).
    pub secret: String,
}

/// One delivery of an event to an endpoint, with its last answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "openapi", schema(example = json!({
    "id": "msg_0193b071-0000-7000-8000-000000000071", "event_type": "submission.received",
    "status": "pending", "attempts": 2, "next_attempt_at": "2026-11-23T10:35:00Z",
    "last_attempt_at": "2026-11-23T10:05:00Z", "last_status": 503,
    "last_response": "Service Unavailable", "created_at": "2026-11-23T10:00:00Z"
})))]
pub struct DeliveryView {
    /// The `webhook-id` header: the same on every retry, so receivers can drop repeats.
    pub id: String,
    pub event_type: String,
    /// `pending`, `delivered` or `failed` (given up after a day).
    pub status: String,
    pub attempts: u32,
    pub next_attempt_at: DateTime<Utc>,
    pub last_attempt_at: Option<DateTime<Utc>>,
    /// The HTTP status of the last answer; none when it could not be reached.
    pub last_status: Option<u16>,
    /// In a few words: the last status's own reason ("Service Unavailable"), or why there was
    /// no answer ("could not connect", "refused: … is at 10.0.0.5, inside a private network").
    /// Never what the endpoint answered, which could be another service's secrets.
    pub last_response: Option<String>,
    pub created_at: DateTime<Utc>,
    /// When the event was sent again, as a new delivery.
    pub replayed_at: Option<DateTime<Utc>>,
}

page!(
    /// One page of an endpoint's deliveries, newest first.
    DeliveryPage of DeliveryView
);
