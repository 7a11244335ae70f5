//! What people do once they start: the form wizard (referrals and items to complete), their
//! account with its saved and submitted forms, and the citizen record.

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;
use shared::boot::Bundle;

use crate::app::{Elsewhere, Frame};
use crate::pages;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame before_warning=pages::form::save_open_form>
            <Routes fallback=|| view! { <Elsewhere this=Bundle::Forms /> }>
                <Route path=path!("/account") view=pages::account::Account />
                <Route path=path!("/account/name") view=pages::account::ChangeName />
                <Route path=path!("/account/password") view=pages::account::ChangePassword />
                <Route path=path!("/account/email") view=pages::account::ChangeEmail />
                <Route path=path!("/form-preview") view=pages::form::PreviewForm />
                <Route path=path!("/forms/:form_id") view=pages::form::FormStart />
                <Route path=path!("/forms/:form_id/page/:page_id") view=pages::form::FormPage />
                <Route path=path!("/forms/:form_id/check-answers") view=pages::form::CheckAnswers />
                <Route path=path!("/forms/:form_id/exit/:exit_id") view=pages::form::FormExit />
                <Route path=path!("/forms/:form_id/save") view=pages::form::SaveForLater />
                <Route path=path!("/forms/:form_id/cancel") view=pages::form::CancelForm />
                <Route path=path!("/account/drafts/:draft_id") view=pages::form::ResumeDraft />
                <Route path=path!("/account/submissions/:submission_id") view=pages::submission::Submission />
                <Route path=path!("/record") view=pages::record::Records />
                <Route path=path!("/record/:person_id") view=pages::record::RecordDashboard />
                <Route path=path!("/record/:person_id/details") view=pages::record::RecordDetails />
                <Route path=path!("/record/:person_id/involvements") view=pages::record::RecordInvolvements />
                <Route path=path!("/record/:person_id/messages") view=pages::record::RecordMessages />
                <Route path=path!("/record/:person_id/messages/new") view=pages::record::NewMessage />
                <Route path=path!("/record/:person_id/threads/:thread_id") view=pages::record::Thread />
                <Route path=path!("/record/:person_id/documents") view=pages::record::RecordDocuments />
                <Route path=path!("/record/:person_id/documents/:document_id/format") view=pages::record::AskForFormat />
                <Route path=path!("/record/:person_id/formats") view=pages::record::AskForFormat />
                <Route path=path!("/record/:person_id/record-views") view=pages::record::RecordViews />
                <Route path=path!("/record/:person_id/items") view=pages::record::RecordItems />
                <Route path=path!("/record/:person_id/items/:item_id") view=pages::record::RecordItem />
                <Route path=path!("/record/:person_id/items/:item_id/page/:page_id") view=pages::form::FormPage />
                <Route path=path!("/record/:person_id/items/:item_id/check-answers") view=pages::form::CheckAnswers />
                <Route path=path!("/record/:person_id/items/:item_id/exit/:exit_id") view=pages::form::FormExit />
                <Route path=path!("/record/:person_id/items/:item_id/save") view=pages::form::SaveForLater />
            </Routes>
        </Frame>
    }
}
