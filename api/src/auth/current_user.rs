use std::future::Future;
use std::pin::Pin;

use actix_web::http::header;
use actix_web::{FromRequest, HttpMessage, HttpRequest, web};
use chrono::Utc;
use shared::api::{DatabaseBackend, Role};

use super::{live, tokens};
use crate::error::ApiError;
use crate::requests;
use crate::state::AppState;

/// The signed-in user, from the request's bearer token. A route that takes this answers 401 to
/// anyone without a valid token.
#[derive(Debug, Clone)]
pub struct CurrentUser {
    pub account_id: String,
    pub session_id: String,
    pub role: Role,
    /// The machine client making the call, when it is one. It acts with a member of staff's
    /// rights (never an administrator's), as the administrator who created it, whose account
    /// is `account_id`; the audit log names the client.
    pub client_id: Option<String>,
}

impl CurrentUser {
    /// Administrators oversee every team, and a machine client was given its scope by one.
    pub fn oversees_every_team(&self) -> bool {
        self.role == Role::Administrator || self.client_id.is_some()
    }

    /// Refuses a member of staff who is not in `team`: conversations are answered by the team
    /// they were sent to.
    pub fn check_member(
        &self,
        conn: &mut crate::db::DbConnection,
        team: &str,
    ) -> Result<(), ApiError> {
        if self.oversees_every_team() || crate::teams::is_member(conn, team, &self.account_id)? {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }

    /// Refuses users whose role is not `role` (administrators may do what staff may).
    pub fn require(&self, role: Role) -> Result<(), ApiError> {
        let allowed = match role {
            Role::Public => true,
            Role::Staff => matches!(self.role, Role::Staff | Role::Administrator),
            Role::Administrator => self.role == Role::Administrator,
        };
        if allowed {
            Ok(())
        } else {
            Err(ApiError::Forbidden)
        }
    }
}

/// A member of the council's staff (or an administrator, who may do what staff may), proved
/// before anything is done for them: a feature that takes `&Staff` cannot be reached by a
/// caller who is not. Extracting it answers 401 without a session and 403 for anyone else.
#[derive(Debug, Clone)]
pub struct Staff(CurrentUser);

/// An administrator, proved as [`Staff`] is.
#[derive(Debug, Clone)]
pub struct Administrator(CurrentUser);

impl Staff {
    pub fn prove(user: CurrentUser) -> Result<Self, ApiError> {
        user.require(Role::Staff)?;
        Ok(Self(user))
    }
}

impl Administrator {
    pub fn prove(user: CurrentUser) -> Result<Self, ApiError> {
        user.require(Role::Administrator)?;
        Ok(Self(user))
    }
}

impl std::ops::Deref for Staff {
    type Target = CurrentUser;

    fn deref(&self) -> &CurrentUser {
        &self.0
    }
}

impl std::ops::Deref for Administrator {
    type Target = CurrentUser;

    fn deref(&self) -> &CurrentUser {
        &self.0
    }
}

impl FromRequest for Staff {
    type Error = ApiError;
    type Future = Checking<Self>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let user = CurrentUser::from_request(req, payload);
        Box::pin(async move { Self::prove(user.await?) })
    }
}

impl FromRequest for Administrator {
    type Error = ApiError;
    type Future = Checking<Self>;

    fn from_request(req: &HttpRequest, payload: &mut actix_web::dev::Payload) -> Self::Future {
        let user = CurrentUser::from_request(req, payload);
        Box::pin(async move { Self::prove(user.await?) })
    }
}

/// An extractor's answer, which needs the database.
type Checking<T> = Pin<Box<dyn Future<Output = Result<T, ApiError>>>>;

impl FromRequest for CurrentUser {
    type Error = ApiError;
    type Future = Checking<Self>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let verified = verified(req);
        let req = req.clone();
        Box::pin(async move {
            let (state, claims) = verified?;
            // A machine client may call only the routes that take `ApiCaller` and its scope.
            if claims.role == tokens::CLIENT_ROLE {
                return Err(ApiError::Forbidden);
            }
            let user = person(&state, claims).await?;
            noted(&req, &user);
            Ok(user)
        })
    }
}

/// Who calls a route that machine clients may use too: council staff, or a client with the
/// route's scope.
#[derive(Debug, Clone)]
pub struct ApiCaller {
    user: CurrentUser,
    /// A client's scopes; `None` for people.
    scopes: Option<Vec<String>>,
}

impl ApiCaller {
    /// The caller as staff, once it is shown to be staff or a client holding `scope` (a client
    /// acts with a member of staff's rights).
    pub fn require(&self, scope: &str) -> Result<Staff, ApiError> {
        match &self.scopes {
            None => Staff::prove(self.user.clone()),
            Some(scopes) if scopes.iter().any(|s| s == scope) => Ok(Staff(self.user.clone())),
            Some(_) => Err(ApiError::Forbidden),
        }
    }

    /// Whether the caller holds `scope`: staff hold every scope a client can be given.
    pub fn holds(&self, scope: &str) -> bool {
        match &self.scopes {
            None => self.user.require(Role::Staff).is_ok(),
            Some(scopes) => scopes.iter().any(|s| s == scope),
        }
    }
}

impl FromRequest for ApiCaller {
    type Error = ApiError;
    type Future = Checking<Self>;

    fn from_request(req: &HttpRequest, _: &mut actix_web::dev::Payload) -> Self::Future {
        let verified = verified(req);
        let req = req.clone();
        Box::pin(async move {
            let (state, claims) = verified?;
            if claims.role != tokens::CLIENT_ROLE {
                let user = person(&state, claims).await?;
                noted(&req, &user);
                return Ok(Self { user, scopes: None });
            }
            // Tokens issued before clients carried their owner are refused: they lapse in
            // minutes and the client simply asks again.
            let owner = claims.owner.ok_or(ApiError::Unauthorized)?;
            let (client_id, secret_set) = (claims.sub.clone(), claims.secret_set);
            let live = state
                .database
                .read_quick::<_, ApiError, _>(move |conn| {
                    crate::integrations::registry::live(conn, &client_id, secret_set)
                })
                .await?;
            if !live {
                return Err(ApiError::Unauthorized);
            }
            req.extensions_mut()
                .insert(requests::Caller(format!("client:{}", claims.sub)));
            Ok(Self {
                scopes: Some(
                    claims
                        .scope
                        .unwrap_or_default()
                        .split_whitespace()
                        .map(str::to_owned)
                        .collect(),
                ),
                user: CurrentUser {
                    account_id: owner,
                    session_id: claims.sid,
                    role: Role::Staff,
                    client_id: Some(claims.sub),
                },
            })
        })
    }
}

/// Notes who asked, for the request's log line.
fn noted(req: &HttpRequest, user: &CurrentUser) {
    req.extensions_mut()
        .insert(requests::Caller(user.account_id.clone()));
}

/// The claims of the request's bearer token, when its signature and lifetime are good.
fn verified(req: &HttpRequest) -> Result<(web::Data<AppState>, tokens::Claims), ApiError> {
    let state = req
        .app_data::<web::Data<AppState>>()
        .cloned()
        .ok_or_else(|| ApiError::Internal(anyhow::anyhow!("no application state")))?;
    let token = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.strip_prefix("Bearer "))
        .ok_or(ApiError::Unauthorized)?;
    let claims = tokens::verify(&state.keys, token).ok_or(ApiError::Unauthorized)?;
    Ok((state, claims))
}

/// The person a verified token of a person (not a machine client) was issued to, while their
/// session lasts and their account is switched on; with the role the account has now.
async fn person(state: &AppState, claims: tokens::Claims) -> Result<CurrentUser, ApiError> {
    let now = Utc::now().naive_utc();
    let remembers =
        state.database.backend() == DatabaseBackend::Sqlite || live::remembered::listening();
    let role = match remembers
        .then(|| live::remembered::recall(&claims.sid, &claims.sub, now))
        .flatten()
    {
        Some(role) => role,
        None => {
            let generation = live::remembered::generation();
            let (session_id, account_id) = (claims.sid.clone(), claims.sub.clone());
            let (role, expires_at) = state
                .database
                .read_quick::<_, ApiError, _>(move |conn| {
                    crate::accounts::sessions::live(conn, &session_id, &account_id, now)
                })
                .await?
                .ok_or(ApiError::Unauthorized)?;
            if remembers {
                live::remembered::keep(&claims.sid, &claims.sub, role, generation, expires_at, now);
            }
            role
        }
    };
    Ok(CurrentUser {
        account_id: claims.sub,
        session_id: claims.sid,
        role,
        client_id: None,
    })
}
