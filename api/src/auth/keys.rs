use hmac::{Hmac, Mac};
use jsonwebtoken::{DecodingKey, EncodingKey};
use sha2::Sha256;

/// Keys derived from the one configured secret, a separate key for each use, so that a value
/// made for one purpose (a code's hash) can never pass for another (a token's signature).
pub struct Keys {
    pub jwt_encoding: EncodingKey,
    pub jwt_decoding: DecodingKey,
    pub codes: Vec<u8>,
    pub refresh_tokens: Vec<u8>,
    pub bot_check: String,
}

impl Keys {
    pub fn derive(secret: &str) -> anyhow::Result<Self> {
        let jwt = derive(secret, "access-token")?;
        Ok(Self {
            jwt_encoding: EncodingKey::from_secret(&jwt),
            jwt_decoding: DecodingKey::from_secret(&jwt),
            codes: derive(secret, "one-time-code")?,
            refresh_tokens: derive(secret, "refresh-token")?,
            bot_check: hex(&derive(secret, "bot-check")?),
        })
    }
}

fn derive(secret: &str, purpose: &str) -> anyhow::Result<Vec<u8>> {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret.as_bytes())
        .map_err(|e| anyhow::anyhow!("key derivation: {e}"))?;
    mac.update(purpose.as_bytes());
    Ok(mac.finalize().into_bytes().to_vec())
}

/// HMAC-SHA256 of `value` under `key`, as lower-case hex.
pub fn keyed_hash(key: &[u8], value: &str) -> String {
    // HMAC accepts keys of any length, so this cannot fail.
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key).unwrap_or_else(|_| unreachable!());
    mac.update(value.as_bytes());
    hex(&mac.finalize().into_bytes())
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Compares two strings in time that depends only on their length.
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    a.len() == b.len()
        && a.bytes()
            .zip(b.bytes())
            .fold(0u8, |acc, (x, y)| acc | (x ^ y))
            == 0
}
