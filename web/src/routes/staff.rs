//! The council's daily work: the pages under /staff that every member of staff uses.

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

use shared::boot::Bundle;

use crate::app::{Elsewhere, Frame};
use crate::pages::staff;

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Frame>
            <Routes fallback=|| view! { <Elsewhere this=Bundle::Staff /> }>
                <Route path=path!("/staff") view=staff::StaffHome />
                <Route path=path!("/staff/referrals") view=staff::ReferralQueue />
                <Route path=path!("/staff/referrals/:submission_id") view=staff::Referral />
                <Route path=path!("/staff/messages") view=staff::TeamQueues />
                <Route path=path!("/staff/messages/:team") view=staff::TeamThreads />
                <Route path=path!("/staff/threads/:thread_id") view=staff::StaffThread />
                <Route path=path!("/staff/people") view=staff::FindPerson />
                <Route path=path!("/staff/people/new") view=staff::NewPerson />
                <Route path=path!("/staff/people/:person_id") view=staff::StaffPerson />
                <Route path=path!("/staff/people/:person_id/edit") view=staff::EditPerson />
                <Route path=path!("/staff/people/:person_id/access") view=staff::GiveAccess />
                <Route path=path!("/staff/people/:person_id/send-form") view=staff::SendForm />
                <Route path=path!("/staff/people/:person_id/involvements/new") view=staff::RecordInvolvement />
                <Route path=path!("/staff/imports") view=staff::Imports />
            </Routes>
        </Frame>
    }
}
