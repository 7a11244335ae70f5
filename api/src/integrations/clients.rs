//! Machine clients. An administrator creates one with a name and scopes and sees its secret
//! once; only a keyed hash is kept (the secret is 256 random bits, so a slow hash would add
//! nothing). The client exchanges id and secret for a 5-minute token; rotating the secret or
//! revoking the client stops the old secret at once.

use base64::Engine;
use chrono::NaiveDateTime;
use diesel::prelude::*;
use rand::RngCore;
use shared::api::{ApiClientView, ClientId, ClientWithSecret, CreateClientRequest, TokenResponse};
use uuid::Uuid;

use crate::audit::{self, Action, Ending, Event, Subject};
use crate::auth::keys::{constant_time_eq, keyed_hash};
use crate::auth::{Administrator, CurrentUser, tokens};
use crate::calendar::timestamp;
use crate::db::DbConnection;
use crate::db::schema::api_clients;
use crate::error::ApiError;
use crate::state::AppState;

/// How long a client's access token lasts.
pub const TOKEN_LIFETIME_SECONDS: u32 = 300;

#[derive(Debug, Clone, Queryable, Selectable)]
#[diesel(table_name = api_clients)]
struct Client {
    id: String,
    name: String,
    scopes: String,
    secret_hash: String,
    /// The administrator who created it; the client acts as them, with staff rights.
    created_by: String,
    created_at: NaiveDateTime,
    secret_set_at: NaiveDateTime,
    revoked_at: Option<NaiveDateTime>,
}

impl Client {
    fn view(self) -> ApiClientView {
        ApiClientView {
            scopes: self.scopes.split_whitespace().map(str::to_owned).collect(),
            id: self.id,
            name: self.name,
            created_at: self.created_at.and_utc(),
            secret_set_at: self.secret_set_at.and_utc(),
            revoked: self.revoked_at.is_some(),
        }
    }

    fn find(conn: &mut DbConnection, id: &str) -> QueryResult<Option<Self>> {
        api_clients::table
            .find(id)
            .select(Self::as_select())
            .first(conn)
            .optional()
    }
}

fn new_secret() -> String {
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    format!(
        "cs_{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
    )
}

fn audit_client(
    conn: &mut DbConnection,
    user: &CurrentUser,
    action: Action,
    id: &str,
) -> QueryResult<()> {
    audit::record(conn, user, Event::new(action, Subject::ApiClient, id, None))
}

pub async fn create(
    state: &AppState,
    user: &Administrator,
    request: CreateClientRequest,
) -> Result<ClientWithSecret, ApiError> {
    // For integrators: field messages stay English whatever Accept-Language asks (only a
    // problem's title and detail follow it; see `request_language`).
    let errors = request.validate();
    if !errors.is_empty() {
        return Err(ApiError::Validation(errors));
    }
    let secret = new_secret();
    let hash = keyed_hash(&state.keys.refresh_tokens, &secret);
    let user = user.clone();
    let client = state
        .database
        .write(move |conn| {
            let id = Uuid::now_v7().to_string();
            let now = timestamp();
            diesel::insert_into(api_clients::table)
                .values((
                    api_clients::id.eq(&id),
                    api_clients::name.eq(request.name.trim()),
                    api_clients::scopes.eq(request.scopes.join(" ")),
                    api_clients::secret_hash.eq(&hash),
                    api_clients::created_by.eq(&user.account_id),
                    api_clients::created_at.eq(now),
                    api_clients::secret_set_at.eq(now),
                ))
                .execute(conn)?;
            audit_client(conn, &user, Action::Create, &id)?;
            Client::find(conn, &id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(ClientWithSecret {
        client: client.view(),
        client_secret: secret,
    })
}

pub async fn list(state: &AppState, _user: &Administrator) -> Result<Vec<ApiClientView>, ApiError> {
    state
        .database
        .run(|conn| {
            // A council has a handful of clients, so the list is whole.
            let all: Vec<Client> = api_clients::table
                .order((api_clients::created_at, api_clients::id))
                .select(Client::as_select())
                .load(conn)?;
            Ok(all.into_iter().map(Client::view).collect())
        })
        .await
}

/// A new secret for the client; the old one stops working now.
pub async fn rotate(
    state: &AppState,
    user: &Administrator,
    id: ClientId,
) -> Result<ClientWithSecret, ApiError> {
    let secret = new_secret();
    let hash = keyed_hash(&state.keys.refresh_tokens, &secret);
    let user = user.clone();
    let client = state
        .database
        .write(move |conn| {
            let changed = diesel::update(
                api_clients::table
                    .find(&id)
                    .filter(api_clients::revoked_at.is_null()),
            )
            .set((
                api_clients::secret_hash.eq(&hash),
                api_clients::secret_set_at.eq(timestamp()),
            ))
            .execute(conn)?;
            if changed == 0 {
                return Err(ApiError::NotFound);
            }
            audit_client(conn, &user, Action::Rotate, &id)?;
            Client::find(conn, &id)?.ok_or(ApiError::NotFound)
        })
        .await?;
    Ok(ClientWithSecret {
        client: client.view(),
        client_secret: secret,
    })
}

/// Revokes the client: its secret and the tokens already issued with it stop working now.
pub async fn revoke(state: &AppState, user: &Administrator, id: ClientId) -> Result<(), ApiError> {
    let ending = Ending::new(Action::Revoke, Subject::ApiClient, &id, None);
    audit::end(state, user, ending, move |conn, now| {
        diesel::update(
            api_clients::table
                .find(&id)
                .filter(api_clients::revoked_at.is_null()),
        )
        .set(api_clients::revoked_at.eq(Some(now)))
        .execute(conn)
    })
    .await
}

/// Exchanges a client's id and secret for an access token carrying its scopes.
pub async fn token(
    state: &AppState,
    client_id: String,
    client_secret: String,
) -> Result<TokenResponse, ApiError> {
    let presented = keyed_hash(&state.keys.refresh_tokens, &client_secret);
    let client = state
        .database
        .run(move |conn| Ok::<_, ApiError>(Client::find(conn, &client_id)?))
        .await?
        .filter(|c| c.revoked_at.is_none())
        .filter(|c| constant_time_eq(&c.secret_hash, &presented))
        .ok_or(ApiError::InvalidClient)?;
    let access_token = tokens::issue_for_client(
        &state.keys,
        &client.id,
        &client.created_by,
        &client.scopes,
        client.secret_set_at,
        chrono::Duration::seconds(i64::from(TOKEN_LIFETIME_SECONDS)),
    )
    .map_err(ApiError::Internal)?;
    Ok(TokenResponse {
        access_token,
        token_type: "Bearer".into(),
        expires_in: TOKEN_LIFETIME_SECONDS,
        scope: client.scopes,
    })
}
