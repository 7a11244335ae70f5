use actix_web::cookie::{Cookie, SameSite, time};
use actix_web::{HttpRequest, HttpResponse};
use chrono::{Duration, NaiveDateTime};
use diesel::QueryResult;
use shared::api::SessionCreated;

use super::sessions::{self, Refresh};
use super::{Account, now};
use crate::auth::{live, tokens};
use crate::db::DbConnection;
use crate::error::ApiError;
use crate::state::AppState;

/// The refresh cookie: HttpOnly (no script can read it), Secure, SameSite=Strict, and sent only
/// to the session routes.
pub const REFRESH_COOKIE: &str = "portal_refresh";
const COOKIE_PATH: &str = "/api/v1/sessions";

/// A session just started or refreshed, ready to answer with.
pub struct Started {
    pub account: Account,
    pub session_id: String,
    pub refresh_token: String,
}

pub fn start(
    conn: &mut DbConnection,
    refresh_key: &[u8],
    account: &Account,
    now: NaiveDateTime,
) -> QueryResult<Started> {
    let session = sessions::start(conn, refresh_key, &account.id, now)?;
    Ok(Started {
        account: account.clone(),
        session_id: session.session_id,
        refresh_token: session.refresh_token,
    })
}

fn refresh_cookie(value: String, max_age: time::Duration) -> Cookie<'static> {
    Cookie::build(REFRESH_COOKIE, value)
        .path(COOKIE_PATH)
        .http_only(true)
        .secure(true)
        .same_site(SameSite::Strict)
        .max_age(max_age)
        .finish()
}

/// The answer that hands a session to the browser: the access token in the body, the refresh
/// token in the cookie.
pub fn respond(
    state: &AppState,
    started: Started,
    created: bool,
) -> Result<HttpResponse, ApiError> {
    let lifetime = Duration::minutes(state.auth.access_token_minutes);
    let access_token = tokens::issue(
        &state.keys,
        &started.account.id,
        &started.session_id,
        started.account.role(),
        lifetime,
    )?;
    let body = SessionCreated {
        access_token,
        token_type: "Bearer".into(),
        expires_in: lifetime.num_seconds(),
        idle_timeout_seconds: state.auth.idle_timeout_minutes * 60,
        account: started.account.view(),
    };
    let cookie = refresh_cookie(
        started.refresh_token,
        time::Duration::seconds(sessions::ABSOLUTE_LIFETIME.num_seconds()),
    );
    let mut response = if created {
        HttpResponse::Created()
    } else {
        HttpResponse::Ok()
    };
    Ok(response.cookie(cookie).json(body))
}

/// A cookie that makes the browser forget the refresh token.
pub fn removal_cookie() -> Cookie<'static> {
    refresh_cookie(String::new(), time::Duration::ZERO)
}

fn presented(req: &HttpRequest) -> Option<String> {
    req.cookie(REFRESH_COOKIE)
        .map(|c| c.value().to_owned())
        .filter(|v| !v.is_empty())
}

/// Rotates the refresh cookie and issues a new access token: activity keeps a session alive.
/// Refuses a request another site's page made: the refresh cookie is sent with any request to
/// this origin, so SameSite is not left as the only defence (ASVS 3.5.1). A browser names the
/// page's origin in `Origin` on every POST, and says `Sec-Fetch-Site: cross-site`; requests
/// without them (other programs) carry no browser's cookie unless given it.
fn from_this_site(state: &AppState, req: &HttpRequest) -> Result<(), ApiError> {
    let header = |name: &str| {
        req.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    if header("sec-fetch-site").is_some_and(|site| site == "cross-site") {
        return Err(ApiError::Forbidden);
    }
    let Some(origin) = header("origin") else {
        return Ok(());
    };
    let info = req.connection_info();
    let this = format!("{}://{}", info.scheme(), info.host());
    let public = state.public_url.origin().ascii_serialization();
    if origin == this || origin == public {
        Ok(())
    } else {
        Err(ApiError::Forbidden)
    }
}

pub async fn refresh(state: &AppState, req: &HttpRequest) -> Result<HttpResponse, ApiError> {
    from_this_site(state, req)?;
    let Some(token) = presented(req) else {
        return Err(ApiError::Unauthorized);
    };
    let key = state.keys.refresh_tokens.clone();
    let idle = Duration::minutes(state.auth.idle_timeout_minutes);
    let started = state
        .database
        .write(move |conn| {
            let now = now();
            match sessions::rotate(conn, &key, &token, idle, now)? {
                Refresh::Rotated {
                    session,
                    account_id,
                } => {
                    let account = Account::by_id(conn, &account_id)?.filter(Account::is_active);
                    Ok::<_, ApiError>(account.map(|account| Started {
                        account,
                        session_id: session.session_id,
                        refresh_token: session.refresh_token,
                    }))
                }
                Refresh::Refused => Ok(None),
            }
        })
        .await?;
    match started {
        Some(started) => respond(state, started, false),
        None => {
            // Perhaps a replay, which has just ended the whole family.
            live::remembered::revoked();
            Err(ApiError::Unauthorized)
        }
    }
}

/// Signs out: ends the session family of the presented cookie and removes the cookie.
pub async fn end(state: &AppState, req: &HttpRequest) -> Result<HttpResponse, ApiError> {
    from_this_site(state, req)?;
    if let Some(token) = presented(req) {
        let key = state.keys.refresh_tokens.clone();
        state
            .database
            .run(move |conn| Ok::<_, ApiError>(sessions::end_by_token(conn, &key, &token, now())?))
            .await?;
        live::remembered::revoked();
    }
    // The tab's stored answers to forms (health, money) go too: the app clears them itself,
    // and this asks the browser to clear the site's storage for every tab (ASVS 14.3.1).
    Ok(HttpResponse::NoContent()
        .cookie(removal_cookie())
        .insert_header(("Clear-Site-Data", "\"storage\""))
        .finish())
}
