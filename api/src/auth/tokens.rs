//! Short-lived access tokens (JWT, HS256), sent as `Authorization: Bearer`.

use chrono::{Duration, Utc};
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
}

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
