//! Throttling by the client's address: how many registrations, sign-ins, resets and token
//! requests one address may start, before any account is looked at.

use actix_web::HttpRequest;
use chrono::Duration;

use super::now;

use crate::auth::throttle;
use crate::error::ApiError;
use crate::state::AppState;

/// The client's address for rate limiting: the peer, or behind our load balancers the address
/// they were reached from (`server.trusted_proxies`).
pub fn client_address(state: &AppState, req: &HttpRequest) -> String {
    state
        .proxies
        .client(req)
        .map_or_else(|| "unknown".to_owned(), |address| address.to_string())
}

/// The routes that check a secret or send an email, each with an allowance of its own per
/// client address, so that spending one (say, asking for codes again and again) never locks
/// anyone out of another (signing in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limited {
    Registration,
    RegistrationCode,
    ResendCode,
    SignIn,
    SignInCode,
    PasswordReset,
    PasswordResetCode,
    ClientToken,
}

impl Limited {
    fn name(self) -> &'static str {
        match self {
            Self::Registration => "registration",
            Self::RegistrationCode => "registration-code",
            Self::ResendCode => "resend-code",
            Self::SignIn => "sign-in",
            Self::SignInCode => "sign-in-code",
            Self::PasswordReset => "password-reset",
            Self::PasswordResetCode => "password-reset-code",
            Self::ClientToken => "client-token",
        }
    }

    /// Requests an hour from one client address. Sending a code again is rarer than any
    /// honest use needs more often than once a minute; the rest share the configured figure.
    fn per_hour(self, auth: &crate::configuration::AuthSettings) -> i32 {
        match self {
            Self::ResendCode => (auth.attempts_per_address_per_hour / 10).max(1),
            _ => auth.attempts_per_address_per_hour,
        }
    }
}

/// Counts a request to `route` from `address` against its hourly allowance (committed at once,
/// whatever happens to the request) and refuses it, with when to try again, when the
/// allowance is used up.
pub async fn limit_address(
    state: &AppState,
    route: Limited,
    address: String,
) -> Result<(), ApiError> {
    let limit = route.per_hour(&state.auth);
    state
        .database
        .run(move |conn| {
            let key = throttle::address_key(&format!("{}:{address}", route.name()));
            let now = now();
            throttle::ensure_unlocked(conn, &key, now)?;
            throttle::count(
                conn,
                &key,
                limit,
                Duration::hours(1),
                throttle::Lock::For(Duration::hours(1)),
                now,
            )?;
            Ok(())
        })
        .await
}
