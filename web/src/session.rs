//! The signed-in user, as the browser knows it: the access token lives only in memory; the
//! refresh token only in its HttpOnly cookie, which restores the session after a reload.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{AccountView, SessionCreated};

use crate::api;

/// The API as the signed-in account calls it (`session.api()`).
pub type Api = api::Client<Session>;

#[derive(Clone, Copy)]
pub struct Session {
    current: RwSignal<Option<SessionCreated>>,
    /// When the server last extended the session (milliseconds since the epoch): the server's
    /// idle clock starts there, so the browser's does too.
    pub refreshed_at: RwSignal<f64>,
    /// False until the first refresh attempt has answered, so pages do not flash "signed out".
    pub checked: RwSignal<bool>,
}

impl Session {
    pub fn provide() -> Self {
        let session = Self {
            current: RwSignal::new(None),
            refreshed_at: RwSignal::new(now()),
            checked: RwSignal::new(false),
        };
        provide_context(session);
        // Only someone who signed in on this browser can have a refresh cookie; asking without
        // one would only earn a 401.
        if remembered() {
            spawn_local(async move {
                match api::refresh_session().await {
                    Ok(restored) => session.start(restored),
                    Err(_) => remember(false),
                }
                session.checked.set(true);
            });
        } else {
            session.checked.set(true);
        }
        session
    }

    pub fn start(&self, created: SessionCreated) {
        remember(true);
        self.refreshed_at.set(now());
        self.current.set(Some(created));
    }

    /// The access token for API calls, when signed in.
    pub fn access_token(&self) -> Option<String> {
        self.current
            .with_untracked(|s| s.as_ref().map(|s| s.access_token.clone()))
    }

    /// The access token, or the error the pages show when the session has gone.
    pub fn token(&self) -> Result<String, api::ApiError> {
        self.access_token().ok_or_else(api::ApiError::signed_out)
    }

    /// A token that the server will accept now: after a long pause on one page the access
    /// token may have lapsed while the session (the refresh cookie) lives on.
    pub async fn fresh_token(&self) -> Result<String, api::ApiError> {
        let token = self.token()?;
        let lifetime_ms = self
            .current
            .with_untracked(|s| s.as_ref().map_or(0.0, |s| s.expires_in as f64 * 1000.0));
        // A margin for the request's own journey.
        if now() - self.refreshed_at.get_untracked() < lifetime_ms * 0.8 {
            return Ok(token);
        }
        if self.refresh().await {
            self.token()
        } else {
            Err(api::ApiError::signed_out())
        }
    }

    /// The API as this session's account calls it, each call with a token fresh enough.
    pub fn api(&self) -> Api {
        api::Client(*self)
    }

    /// Shows a changed account (a new name) without a new session.
    pub fn update_account(&self, account: AccountView) {
        self.current.update(|s| {
            if let Some(s) = s {
                s.account = account;
            }
        });
    }

    pub fn is_signed_in(&self) -> bool {
        self.current.with(Option::is_some)
    }

    /// Seconds of inactivity after which the server ends the session.
    pub fn idle_timeout_seconds(&self) -> f64 {
        self.current.with(|s| {
            s.as_ref()
                .map_or(20.0 * 60.0, |s| s.idle_timeout_seconds as f64)
        })
    }

    /// Extends the session; when the server refuses (it has ended), the browser forgets it.
    pub async fn refresh(&self) -> bool {
        match api::refresh_session().await {
            Ok(created) => {
                self.start(created);
                true
            }
            Err(_) => {
                remember(false);
                self.current.set(None);
                false
            }
        }
    }

    pub fn account(&self) -> Option<AccountView> {
        self.current.with(|s| s.as_ref().map(|s| s.account.clone()))
    }

    /// Ends the session on the server and in this browser, then loads the page saying so.
    pub fn sign_out(&self, ending: Ending) {
        spawn_local(async move {
            // Signing out is best effort on the server; the browser forgets the session anyway.
            let _ = api::end_session().await;
            remember(false);
            forget_stored_answers();
            // A page loaded afresh, not drawn by this app: nothing read while signed in stays
            // in its memory. The session signal is left alone until then, or pages that need
            // someone signed in would start a navigation of their own to race this one.
            if let Some(window) = web_sys::window() {
                let _ = window.location().replace(ending.page());
            }
        });
    }
}

/// Why a session ended, which decides what the page after it says.
#[derive(Clone, Copy)]
pub enum Ending {
    /// The person chose to sign out.
    SignedOut,
    /// Nobody used the service for the idle timeout.
    Inactive,
}

impl api::Credentials for Session {
    async fn token(&self) -> Result<String, api::ApiError> {
        self.fresh_token().await
    }
}

impl Ending {
    fn page(self) -> &'static str {
        match self {
            Self::SignedOut => "/signed-out",
            Self::Inactive => "/signed-out?after=inactivity",
        }
    }
}

/// Answers a tab kept for forms (health, money, family) are not left for the next person at
/// this computer; a form open when the warning showed was saved to a draft first.
fn forget_stored_answers() {
    if let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = storage.clear();
    }
}

pub fn now() -> f64 {
    js_sys::Date::now()
}

/// A flag, not a secret: it says only that this browser may hold a refresh cookie.
const MARKER: &str = "portal_signed_in";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

fn remembered() -> bool {
    storage()
        .and_then(|s| s.get_item(MARKER).ok().flatten())
        .is_some()
}

fn remember(signed_in: bool) {
    if let Some(storage) = storage() {
        // Storage can be full or forbidden; the only cost is one needless refresh later.
        let _ = if signed_in {
            storage.set_item(MARKER, "1")
        } else {
            storage.remove_item(MARKER)
        };
    }
}

pub fn use_session() -> Session {
    // `App` provides it above every page.
    expect_context::<Session>()
}
