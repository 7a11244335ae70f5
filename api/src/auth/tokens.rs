//! Short-lived access tokens (JWT, HS256), sent as `Authorization: Bearer`.

use chrono::{Duration, NaiveDateTime, Utc};
use jsonwebtoken::{Algorithm, Header, Validation};
use serde::{Deserialize, Serialize};
use shared::api::Role;

use super::Keys;

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Claims {
    /// The account's id.
    pub sub: String,
    /// The session the token was issued for.
    pub sid: String,
    pub role: String,
    pub iat: i64,
    pub exp: i64,
    /// A machine client's scopes, space-separated; absent for people.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// For a machine client, the administrator who created it and answers for what it does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// For a machine client, when its secret was set (microseconds since the epoch): a token
    /// got with a secret since replaced is refused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub secret_set: Option<i64>,
}

/// The role claim of a machine client's token.
pub const CLIENT_ROLE: &str = "client";

pub fn issue(
    keys: &Keys,
    account_id: &str,
    session_id: &str,
    role: Role,
    lifetime: Duration,
) -> anyhow::Result<String> {
    let now = Utc::now();
    let claims = Claims {
        sub: account_id.to_owned(),
        sid: session_id.to_owned(),
        role: role.as_str().to_owned(),
        iat: now.timestamp(),
        exp: (now + lifetime).timestamp(),
        scope: None,
        owner: None,
        secret_set: None,
    };
    Ok(jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &keys.jwt_encoding,
    )?)
}

/// A token for a machine client, carrying its scopes.
pub fn issue_for_client(
    keys: &Keys,
    client_id: &str,
    owner: &str,
    scopes: &str,
    secret_set_at: NaiveDateTime,
    lifetime: Duration,
) -> anyhow::Result<String> {
    let now = Utc::now();
    let claims = Claims {
        sub: client_id.to_owned(),
        sid: CLIENT_ROLE.to_owned(),
        role: CLIENT_ROLE.to_owned(),
        iat: now.timestamp(),
        exp: (now + lifetime).timestamp(),
        scope: Some(scopes.to_owned()),
        owner: Some(owner.to_owned()),
        secret_set: Some(secret_set_at.and_utc().timestamp_micros()),
    };
    Ok(jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &keys.jwt_encoding,
    )?)
}

/// The claims of a valid, unexpired token; `None` for anything else.
pub fn verify(keys: &Keys, token: &str) -> Option<Claims> {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.leeway = 0;
    jsonwebtoken::decode::<Claims>(token, &keys.jwt_decoding, &validation)
        .ok()
        .map(|data| data.claims)
}
