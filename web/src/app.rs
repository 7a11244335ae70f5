//! What every page of the four apps sits in: the council, the session, the header and
//! footer, the timeout warning, and the way across to the other apps.

use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::hooks::use_location;
use shared::boot::Bundle;

use crate::components::focus::FocusOnNavigation;
use crate::components::layout::{Footer, Header, SkipLink};
use crate::components::timeout::{BeforeWarning, TimeoutWarning};
use crate::pages::not_found::NotFound;
use crate::session::Session;

/// The page around the routes of one app. `before_warning` runs before the timeout warning
/// shows (the forms app saves the open form).
#[component]
pub fn Frame(
    #[prop(optional)] before_warning: Option<BeforeWarning>,
    children: Children,
) -> impl IntoView {
    Session::provide();
    view! {
        <Router>
            <FocusOnNavigation />
            <SkipLink />
            <Header />
            <div class="govuk-width-container">
                <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
                    {children()}
                </main>
            </div>
            <Footer />
            <TimeoutWarning before_warning=before_warning />
        </Router>
    }
}

/// A path no route of this app has: a page of another app (loaded from the server, which
/// sends that app), or a page that does not exist.
#[component]
pub fn Elsewhere(this: Bundle) -> impl IntoView {
    let location = use_location();
    let path = location.pathname.get_untracked();
    if Bundle::serving(&path) != this {
        // A page this app went to itself (after signing in, say; links to other downloads
        // never reach the router). The address bar still shows the page it came from.
        let search = location.search.get_untracked();
        let hash = location.hash.get_untracked();
        let search = if search.is_empty() {
            String::new()
        } else {
            format!("?{search}")
        };
        // Replacing: the router is about to put this address in the history itself, and
        // Back must not land on the empty page this app leaves behind.
        if let Some(window) = web_sys::window() {
            let _ = window.location().replace(&format!("{path}{search}{hash}"));
        }
        return ().into_any();
    }
    view! { <NotFound /> }.into_any()
}
