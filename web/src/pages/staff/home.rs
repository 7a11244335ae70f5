use leptos::prelude::*;
use shared::api::Role;

use super::staff_only;
use crate::components::tiles::Tile;
use crate::components::title::set_page_title;
use crate::session::use_session;

/// Council work: where staff start.
#[component]
pub fn StaffHome() -> impl IntoView {
    set_page_title("Council work");
    let session = use_session();
    staff_only(move || {
        let admin = session
            .account()
            .is_some_and(|a| a.role == Role::Administrator);
        view! {
            <h1 class="govuk-heading-l">"Council work"</h1>
            <ul class="app-tiles">
                <Tile heading="Referral queue" description="Referrals, DoLS requests and completed forms, soonest due first.".into()
                    href="/staff/referrals".into() />
                <Tile heading="Team messages" description="Messages from people, by the team that answers them.".into()
                    href="/staff/messages".into() />
                <Tile heading="Find a person" description="Open a person's record: details, access, documents and forms.".into()
                    href="/staff/people".into() />
                <Tile heading="Import records" description="People and the professionals working with them, from a spreadsheet.".into()
                    href="/staff/imports".into() />
                {admin.then(|| view! {
                    <Tile heading="Audit log" description="Who read or changed which record, and when.".into()
                        href="/staff/audit".into() />
                    <Tile heading="Staff accounts" description="Who works in which team, and switching accounts off.".into()
                        href="/staff/accounts".into() />
                    <Tile heading="Integrations" description="Machine clients that call the API, and webhooks that tell other systems of events.".into()
                        href="/staff/integrations".into() />
                    <Tile heading="Operations" description="Emails and webhook deliveries waiting or given up on, and sending them again.".into()
                        href="/staff/operations".into() />
                    <Tile heading="Preview a form" description="Check a new or changed form definition and try it, without publishing it.".into()
                        href="/form-preview".into() />
                })}
            </ul>
        }
    })
}
