//! The proof-of-work bot check (ALTCHA protocol, no third party): the server hands out signed
//! challenges; the browser finds the number; each solution is accepted once.

use altcha_lib_rs::algorithm::AltchaAlgorithm;
use altcha_lib_rs::{ChallengeOptions, Payload, create_challenge, verify_solution};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{DateTime, Duration, NaiveDateTime, Utc};
use diesel::prelude::*;
use shared::api::{BotCheckChallenge, BotCheckSolution};

use crate::db::DbConnection;
use crate::db::schema::spent_bot_checks;
use crate::error::ApiError;

/// A challenge must be solved and used within this time.
const LIFETIME_MINUTES: i64 = 20;

pub fn challenge(key: &str, max_number: u64) -> anyhow::Result<BotCheckChallenge> {
    let challenge = create_challenge(ChallengeOptions {
        algorithm: Some(AltchaAlgorithm::Sha256),
        max_number: Some(max_number),
        hmac_key: key,
        expires: Some(Utc::now() + Duration::minutes(LIFETIME_MINUTES)),
        ..Default::default()
    })
    .map_err(|e| anyhow::anyhow!("could not make a bot-check challenge: {e:?}"))?;
    Ok(BotCheckChallenge {
        algorithm: "SHA-256".into(),
        challenge: challenge.challenge,
        maxnumber: challenge.maxnumber,
        salt: challenge.salt,
        signature: challenge.signature,
    })
}

fn refused() -> ApiError {
    ApiError::field(
        "bot_check",
        crate::request_language::says("bot-check-failed"),
    )
}

/// Accepts a solution once: checks it, then records it as spent in the caller's transaction.
pub fn spend(
    conn: &mut DbConnection,
    key: &str,
    encoded: &str,
    now: NaiveDateTime,
) -> Result<(), ApiError> {
    let json = STANDARD.decode(encoded.trim()).map_err(|_| refused())?;
    let solution: BotCheckSolution = serde_json::from_slice(&json).map_err(|_| refused())?;
    if solution.algorithm != "SHA-256" {
        return Err(refused());
    }
    let payload = Payload {
        algorithm: AltchaAlgorithm::Sha256,
        challenge: solution.challenge,
        number: solution.number,
        salt: solution.salt,
        signature: solution.signature.clone(),
        took: None,
    };
    verify_solution(&payload, key, true).map_err(|_| refused())?;
    let already: i64 = spent_bot_checks::table
        .find(&solution.signature)
        .count()
        .get_result(conn)?;
    if already > 0 {
        return Err(refused());
    }
    // Spent entries are only needed until the challenge would have expired anyway.
    diesel::delete(spent_bot_checks::table.filter(spent_bot_checks::expires_at.lt(now)))
        .execute(conn)?;
    let expires_at =
        DateTime::<Utc>::from_naive_utc_and_offset(now, Utc) + Duration::minutes(LIFETIME_MINUTES);
    diesel::insert_into(spent_bot_checks::table)
        .values((
            spent_bot_checks::signature.eq(&solution.signature),
            spent_bot_checks::expires_at.eq(expires_at.naive_utc()),
        ))
        .execute(conn)?;
    Ok(())
}

/// Forgets spent solutions that could no longer be replayed anyway (hourly, by `crate::purge`).
pub fn purge_expired(conn: &mut DbConnection, now: NaiveDateTime) -> QueryResult<usize> {
    diesel::delete(spent_bot_checks::table.filter(spent_bot_checks::expires_at.lt(now)))
        .execute(conn)
}
