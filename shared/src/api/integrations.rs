//! Machine clients and what they read: the client-credentials token and the submissions feed.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{FieldErrors, SubmissionStatus};
use crate::forms::{Answers, SummaryRow};

/// The scopes a machine client may be given. Each grants only what it names.
pub const KNOWN_SCOPES: [&str; 1] = ["submissions:read"];

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
            .filter(|s| !KNOWN_SCOPES.contains(s))
            .collect();
        if self.scopes.is_empty() || !unknown.is_empty() {
            errors.insert(
                "scopes".into(),
                vec![format!(
                    "Choose scopes from: {} (not {})",
                    KNOWN_SCOPES.join(", "),
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
