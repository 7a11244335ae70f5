//! What people do once they start: the form wizard (referrals and items to complete), their
//! account with its saved and submitted forms, and the citizen record. The account's and the
//! record's routes are guarded: only someone signed in reaches them.

use leptos::prelude::*;
use leptos_router::components::{ProtectedRoute, Route, Routes};
use leptos_router::path;
use shared::boot::Bundle;

use crate::app::{Elsewhere, Frame};
use crate::pages;
use crate::session::use_session;

/// Whether someone is signed in, for the routes that are theirs alone (their account and the
/// records they may see): `None` until the session is known, then anyone else is sent to sign in.
fn signed_in() -> Option<bool> {
    let session = use_session();
    session.checked.get().then(|| session.is_signed_in())
}

fn loading() -> impl IntoView {
    view! { <p class="govuk-body">{crate::i18n::td_string!(crate::boot::use_locale(), wizard.loading_plain)}</p> }
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame before_warning=pages::form::save_open_form>
            <Routes fallback=|| view! { <Elsewhere this=Bundle::Forms /> }>
                <ProtectedRoute path=path!("/account") view=pages::account::Account condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/account/name") view=pages::account::ChangeName condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/account/password") view=pages::account::ChangePassword condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/account/email") view=pages::account::ChangeEmail condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <Route path=path!("/form-preview") view=pages::form::PreviewForm />
                <Route path=path!("/forms/:form_id") view=pages::form::FormStart />
                <Route path=path!("/forms/:form_id/page/:page_id") view=pages::form::FormPage />
                <Route path=path!("/forms/:form_id/check-answers") view=pages::form::CheckAnswers />
                <Route path=path!("/forms/:form_id/exit/:exit_id") view=pages::form::FormExit />
                <Route path=path!("/forms/:form_id/save") view=pages::form::SaveForLater />
                <Route path=path!("/forms/:form_id/cancel") view=pages::form::CancelForm />
                <ProtectedRoute path=path!("/account/drafts/:draft_id") view=pages::form::ResumeDraft condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/account/submissions/:submission_id") view=pages::submission::Submission condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record") view=pages::record::Records condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id") view=pages::record::RecordDashboard condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/details") view=pages::record::RecordDetails condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/involvements") view=pages::record::RecordInvolvements condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/messages") view=pages::record::RecordMessages condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/messages/new") view=pages::record::NewMessage condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/threads/:thread_id") view=pages::record::Thread condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/documents") view=pages::record::RecordDocuments condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/documents/:document_id/format") view=pages::record::AskForFormat condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/formats") view=pages::record::AskForFormat condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/record-views") view=pages::record::RecordViews condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/items") view=pages::record::RecordItems condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/items/:item_id") view=pages::record::RecordItem condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/items/:item_id/page/:page_id") view=pages::form::FormPage condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/items/:item_id/check-answers") view=pages::form::CheckAnswers condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/items/:item_id/exit/:exit_id") view=pages::form::FormExit condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
                <ProtectedRoute path=path!("/record/:person_id/items/:item_id/save") view=pages::form::SaveForLater condition=signed_in redirect_path=|| "/sign-in" fallback=loading />
            </Routes>
        </Frame>
    }
}
