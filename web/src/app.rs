use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use shared::api::CouncilView;

use crate::api;
use crate::components::focus::FocusOnNavigation;
use crate::components::layout::{Footer, Header, SkipLink};
use crate::components::timeout::TimeoutWarning;
use crate::pages;
use crate::session::Session;

/// The council running the portal, loaded once by `App` before any page renders.
pub fn use_council() -> CouncilView {
    // `App` provides it above every page, so its absence is a programming error.
    expect_context::<CouncilView>()
}

#[component]
pub fn App() -> impl IntoView {
    let council = LocalResource::new(api::council);
    view! {
        <Suspense fallback=|| view! { <div class="app-loading" aria-busy="true"></div> }>
            {move || {
                council
                    .get()
                    .map(|loaded| match loaded {
                        Ok(council) => {
                            provide_context(council);
                            view! { <Shell /> }.into_any()
                        }
                        Err(_) => view! { <pages::unavailable::ServiceUnavailable /> }.into_any(),
                    })
            }}
        </Suspense>
    }
}

#[component]
fn Shell() -> impl IntoView {
    Session::provide();
    view! {
        <Router>
            <FocusOnNavigation />
            <SkipLink />
            <Header />
            <div class="govuk-width-container">
                <main class="govuk-main-wrapper" id="main-content" tabindex="-1">
                    <Routes fallback=pages::not_found::NotFound>
                        <Route path=path!("/") view=pages::home::Home />
                        <Route path=path!("/referrals") view=pages::referrals::ReferralHub />
                        <Route path=path!("/referrals/dols") view=pages::dols::DolsForms />
                        <Route path=path!("/forms/:form_id") view=pages::form::FormStart />
                        <Route path=path!("/forms/:form_id/page/:page_id") view=pages::form::FormPage />
                        <Route path=path!("/forms/:form_id/check-answers") view=pages::form::CheckAnswers />
                        <Route path=path!("/forms/:form_id/exit/:exit_id") view=pages::form::FormExit />
                        <Route path=path!("/forms/:form_id/save") view=pages::form::SaveForLater />
                        <Route path=path!("/forms/:form_id/cancel") view=pages::form::CancelForm />
                        <Route path=path!("/account/drafts/:draft_id") view=pages::form::ResumeDraft />
                        <Route path=path!("/account/submissions/:submission_id") view=pages::submission::Submission />
                        <Route path=path!("/sign-in") view=pages::sign_in::SignIn />
                        <Route path=path!("/register") view=pages::register::Register />
                        <Route path=path!("/forgotten-password") view=pages::forgotten_password::ForgottenPassword />
                        <Route path=path!("/account") view=pages::account::Account />
                        <Route path=path!("/account/name") view=pages::account::ChangeName />
                        <Route path=path!("/account/password") view=pages::account::ChangePassword />
                        <Route path=path!("/account/email") view=pages::account::ChangeEmail />
                        <Route path=path!("/signed-out") view=pages::signed_out::SignedOut />
                        <Route path=path!("/staff") view=pages::staff::StaffHome />
                        <Route path=path!("/staff/referrals") view=pages::staff::ReferralQueue />
                        <Route path=path!("/staff/referrals/:submission_id") view=pages::staff::Referral />
                        <Route path=path!("/staff/messages") view=pages::staff::TeamQueues />
                        <Route path=path!("/staff/messages/:team") view=pages::staff::TeamThreads />
                        <Route path=path!("/staff/threads/:thread_id") view=pages::staff::StaffThread />
                        <Route path=path!("/staff/people") view=pages::staff::FindPerson />
                        <Route path=path!("/staff/people/new") view=pages::staff::NewPerson />
                        <Route path=path!("/staff/people/:person_id") view=pages::staff::StaffPerson />
                        <Route path=path!("/staff/people/:person_id/edit") view=pages::staff::EditPerson />
                        <Route path=path!("/staff/people/:person_id/access") view=pages::staff::GiveAccess />
                        <Route path=path!("/staff/people/:person_id/send-form") view=pages::staff::SendForm />
                        <Route path=path!("/staff/people/:person_id/involvements/new") view=pages::staff::RecordInvolvement />
                        <Route path=path!("/staff/accounts") view=pages::staff::StaffAccounts />
                        <Route path=path!("/staff/accounts/new") view=pages::staff::NewStaffAccount />
                        <Route path=path!("/staff/accounts/:account_id") view=pages::staff::StaffAccount />
                        <Route path=path!("/staff/audit") view=pages::staff::AuditLog />
                        <Route path=path!("/staff/imports") view=pages::staff::Imports />
                        <Route path=path!("/staff/integrations") view=pages::staff::Integrations />
                        <Route path=path!("/staff/integrations/webhooks/:webhook_id") view=pages::staff::WebhookDeliveries />
                        <Route path=path!("/record") view=pages::record::Records />
                        <Route path=path!("/record/:person_id") view=pages::record::RecordDashboard />
                        <Route path=path!("/record/:person_id/details") view=pages::record::RecordDetails />
                        <Route path=path!("/record/:person_id/involvements") view=pages::record::RecordInvolvements />
                        <Route path=path!("/record/:person_id/messages") view=pages::record::RecordMessages />
                        <Route path=path!("/record/:person_id/messages/new") view=pages::record::NewMessage />
                        <Route path=path!("/record/:person_id/threads/:thread_id") view=pages::record::Thread />
                        <Route path=path!("/record/:person_id/documents") view=pages::record::RecordDocuments />
                        <Route path=path!("/record/:person_id/record-views") view=pages::record::RecordViews />
                        <Route path=path!("/record/:person_id/items") view=pages::record::RecordItems />
                        <Route path=path!("/record/:person_id/items/:item_id") view=pages::record::RecordItem />
                        <Route path=path!("/record/:person_id/items/:item_id/page/:page_id") view=pages::form::FormPage />
                        <Route path=path!("/record/:person_id/items/:item_id/check-answers") view=pages::form::CheckAnswers />
                        <Route path=path!("/record/:person_id/items/:item_id/exit/:exit_id") view=pages::form::FormExit />
                        <Route path=path!("/record/:person_id/items/:item_id/save") view=pages::form::SaveForLater />
                    </Routes>
                </main>
            </div>
            <Footer />
            <TimeoutWarning />
        </Router>
    }
}
