//! The first download: the pages the server writes, signing in and registering.

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

use shared::boot::Bundle;

use crate::app::{Elsewhere, Frame};
use crate::pages;
use crate::pages::server_page::ServerPage;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere this=Bundle::Public /> }>
                <Route path=path!("/") view=ServerPage />
                <Route path=path!("/referrals") view=ServerPage />
                <Route path=path!("/referrals/dols") view=ServerPage />
                <Route path=path!("/referrals/request-support") view=ServerPage />
                <Route path=path!("/sign-in") view=pages::sign_in::SignIn />
                <Route path=path!("/register") view=pages::register::Register />
                <Route path=path!("/forgotten-password") view=pages::forgotten_password::ForgottenPassword />
                <Route path=path!("/signed-out") view=pages::signed_out::SignedOut />
            </Routes>
        </Frame>
    }
}
