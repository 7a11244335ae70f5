//! The signed-in user, as the browser knows it: the access token lives only in memory; the
//! refresh token only in its HttpOnly cookie, which restores the session after a reload.

use leptos::prelude::*;
use leptos::task::spawn_local;
use shared::api::{AccountView, SessionCreated};

use crate::api;

#[derive(Clone, Copy)]
pub struct Session {
    current: RwSignal<Option<SessionCreated>>,
    /// False until the first refresh attempt has answered, so pages do not flash "signed out".
    pub checked: RwSignal<bool>,
}

impl Session {
    pub fn provide() -> Self {
        let session = Self {
            current: RwSignal::new(None),
            checked: RwSignal::new(false),
        };
        provide_context(session);
        // Only someone who signed in on this browser can have a refresh cookie; asking without
        // one would only earn a 401.
        if remembered() {
            spawn_local(async move {
                match api::refresh_session().await {
                    Ok(restored) => session.current.set(Some(restored)),
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
        self.current.set(Some(created));
    }

    pub fn account(&self) -> Option<AccountView> {
        self.current.with(|s| s.as_ref().map(|s| s.account.clone()))
    }

    pub fn sign_out(&self) {
        let current = self.current;
        spawn_local(async move {
            // Signing out is best effort on the server; the browser forgets the session anyway.
            let _ = api::end_session().await;
            remember(false);
            current.set(None);
        });
    }
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
